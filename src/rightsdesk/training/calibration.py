"""Calibration: does a confidence of 0.8 mean right four times in five?"""

from __future__ import annotations

BINS = 10


def _binned(pairs: list[tuple[float, bool]]) -> list[list[tuple[float, bool]]]:
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for p, correct in pairs:
        bins[min(int(p * BINS), BINS - 1)].append((p, correct))
    return bins


def expected_calibration_error(pairs: list[tuple[float, bool]]) -> float:
    """Mean |confidence - accuracy| over equal-width bins, weighted by their size."""
    if not pairs:
        return 0.0
    total = 0.0
    for members in _binned(pairs):
        if members:
            confidence = sum(p for p, _ in members) / len(members)
            accuracy = sum(c for _, c in members) / len(members)
            total += len(members) * abs(confidence - accuracy)
    return round(total / len(pairs), 4)


def calibration_table(pairs: list[tuple[float, bool]]) -> list[dict[str, float]]:
    """Per bin: its range, how many facts, their mean confidence and their accuracy."""
    rows = []
    for n, members in enumerate(_binned(pairs)):
        if members:
            rows.append({
                "low": n / BINS,
                "high": (n + 1) / BINS,
                "count": len(members),
                "confidence": round(sum(p for p, _ in members) / len(members), 4),
                "accuracy": round(sum(c for _, c in members) / len(members), 4),
            })
    return rows
