"""Calibration: does a confidence of 0.8 mean right four times in five?

The event model's scores are rescaled by Platt scaling fitted on held-out
events; its calibration is measured on folds the scaling never saw.
"""

from __future__ import annotations

from rightsdesk.extract.learned.decisions import logit, sigmoid

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


COLOURS = {"events": "#1f5f8b", "statements": "#b5651d", "occasions": "#4b8b3b"}
SIZE, PAD = 320, 40


def reliability_svg(tables: dict[str, list[dict[str, float]]], title: str) -> str:
    """A reliability diagram: per bin, mean confidence against accuracy, one colour per
    kind of fact, the area of each dot its number of facts; the diagonal is perfect."""
    span = SIZE - 2 * PAD

    def x(v: float) -> float:
        return PAD + v * span

    def y(v: float) -> float:
        return SIZE - PAD - v * span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE + 40}" '
        f'font-family="sans-serif" font-size="11">',
        f'<text x="{PAD}" y="16" font-size="12">{title}</text>',
        f'<rect x="{PAD}" y="{PAD}" width="{span}" height="{span}" fill="none" stroke="#999"/>',
        f'<line x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}" stroke="#bbb" '
        f'stroke-dasharray="4 3"/>',
        f'<text x="{SIZE / 2 - 30}" y="{SIZE - 8}">confidence</text>',
        f'<text x="10" y="{SIZE / 2}" transform="rotate(-90 10 {SIZE / 2})">accuracy</text>',
    ]
    for tick in (0, 0.5, 1):
        parts.append(f'<text x="{x(tick) - 6}" y="{SIZE - PAD + 14}">{tick:g}</text>')
        parts.append(f'<text x="{PAD - 22}" y="{y(tick) + 4}">{tick:g}</text>')
    for n, (kind, rows) in enumerate(tables.items()):
        colour = COLOURS.get(kind, "#555")
        for row in rows:
            radius = 2 + min(row["count"], 400) ** 0.5 / 2
            parts.append(f'<circle cx="{x(row["confidence"]):.1f}" cy="{y(row["accuracy"]):.1f}" '
                         f'r="{radius:.1f}" fill="{colour}" fill-opacity="0.6"/>')
        parts.append(f'<text x="{PAD + 90 * n}" y="{SIZE + 25}" fill="{colour}">● {kind}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def platt(pairs: list[tuple[float, bool]]) -> tuple[float, float]:
    """(a, b) such that sigmoid(a * logit(p) + b) matches the observed frequencies."""
    from sklearn.linear_model import LogisticRegression

    labels = [right for _, right in pairs]
    if len(set(labels)) < 2:
        return 1.0, 0.0
    model = LogisticRegression(C=100.0)
    model.fit([[logit(p)] for p, _ in pairs], labels)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def rescaled(p: float, scale: tuple[float, float]) -> float:
    a, b = scale
    return sigmoid(a * logit(p) + b) if 0 < p < 1 else p


def cross_fitted(by_fold: list[list[tuple[float, bool]]]) -> list[tuple[float, bool]]:
    """Each fold's pairs rescaled by a Platt scaling fitted on the other folds: the
    calibration a new document sees, measured without fitting on what is measured."""
    found: list[tuple[float, bool]] = []
    for n, pairs in enumerate(by_fold):
        others = [pair for m, fold in enumerate(by_fold) if m != n for pair in fold]
        scale = platt(others)
        found += [(rescaled(p, scale), right) for p, right in pairs]
    return found
