"""Draw the corpus split once: a training part and a sealed part, at random by country.

    python -m rightsdesk.training.split --corpus corpus

Within each country the documents are shuffled with a fixed seed and a share of
them (at least one where a country has two or more) is sealed; the draw is then
topped up at random to the minimum size. `splits.json` is written once and never
redrawn: a split drawn again after reading documents would no longer be sealed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

SEED = 20261204
SHARE = 0.34
MINIMUM = 100


def draw(countries: dict[str, str], *, share: float, minimum: int, seed: int) -> list[str]:
    """Sealed document ids, stratified by country (doc id -> country)."""
    rng = random.Random(seed)
    by_country: dict[str, list[str]] = {}
    for doc_id, country in sorted(countries.items()):
        by_country.setdefault(country, []).append(doc_id)
    sealed: list[str] = []
    for country in sorted(by_country):
        members = by_country[country]
        rng.shuffle(members)
        wanted = int(len(members) * share + rng.random())  # rounded at random
        if len(members) >= 2:
            wanted = max(wanted, 1)
        sealed += members[: min(wanted, len(members) - 1 if len(members) > 1 else 1)]
    rest = sorted(set(countries) - set(sealed))
    rng.shuffle(rest)
    sealed += rest[: max(0, minimum - len(sealed))]
    return sorted(sealed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args(argv)
    out = args.corpus / "splits.json"
    if out.exists():
        print(f"{out} exists: the split is drawn once and never again", file=sys.stderr)
        return 2
    countries = {
        path.stem: json.loads(path.read_text(encoding="utf-8")).get("country") or ""
        for path in sorted((args.corpus / "gold").glob("*.json"))
    }
    sealed = draw(countries, share=SHARE, minimum=MINIMUM, seed=SEED)
    train = sorted(set(countries) - set(sealed))
    out.write_text(json.dumps({"seed": SEED, "share": SHARE, "train": train, "sealed": sealed},
                              indent=1) + "\n", encoding="utf-8")
    print(f"{len(train)} training and {len(sealed)} sealed documents -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
