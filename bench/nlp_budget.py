"""What the NLP time budget is worth: extraction seconds per character of clean text.

    .venv/bin/python bench/nlp_budget.py [--chars 50000 100000 200000]

For each size, one generated report of that many characters, extracted twice:
as short paragraphs (one per line) and as one giant line. Prints seconds and
characters per second, and what `Limits.max_text_chars` then means as a worst
case per document on this machine. The sentences are assembled from the
templates below (written for this script).
"""

from __future__ import annotations

import argparse
import random
import time

from rightsdesk.config import DEFAULT_LIMITS
from rightsdesk.extract import Extractor, load_model
from rightsdesk.model import CleanDoc, Source

NAMES = ("Arman Seitkali", "Dina Ospanova", "Timur Bekov", "Saule Omarova", "Yerlan Dauov")
ACTS = ("detained", "arrested", "sentenced", "charged")
PARAGRAPH = (
    "Police in Almaty {act} the journalist {name} on {day} March 2021, his lawyer said. "
    "{surname} was charged with spreading false information and faces up to {years} years. "
    "The embassy issued a statement."
)


def report(chars: int, *, separator: str, rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        name = rng.choice(NAMES)
        part = PARAGRAPH.format(
            act=rng.choice(ACTS),
            name=name,
            surname=name.split()[1],
            day=rng.randint(1, 28),
            years=rng.randint(2, 9),
        )
        parts.append(part)
        size += len(part) + 1
    return separator.join(parts)


def seconds_to_extract(extractor: Extractor, text: str) -> float:
    source = Source(doc_id="bench", path="bench", kind="text", raw=b"", content_hash="bench")
    started = time.perf_counter()
    extractor.extract(CleanDoc(source=source, text=text))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[50_000, 100_000, 200_000])
    args = parser.parse_args()
    extractor = Extractor(load_model())
    rng = random.Random(1)
    seconds_to_extract(extractor, report(2_000, separator="\n", rng=rng))  # warm-up
    slowest = float("inf")
    print(f"{'chars':>8} {'layout':>10} {'seconds':>8} {'chars/s':>8}")
    for chars in args.chars:
        for layout, separator in (("paragraphs", "\n"), ("one line", " ")):
            seconds = seconds_to_extract(extractor, report(chars, separator=separator, rng=rng))
            slowest = min(slowest, chars / seconds)
            print(f"{chars:>8} {layout:>10} {seconds:>8.1f} {chars / seconds:>8.0f}")
    limit = DEFAULT_LIMITS.max_text_chars
    print(f"max_text_chars={limit}: at most ~{limit / slowest:.0f} s per document here")


if __name__ == "__main__":
    main()
