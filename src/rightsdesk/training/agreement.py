"""Agreement between two annotators: the second's gold scored as a prediction of the first's.

    python -m rightsdesk.training.agreement --first corpus/first --second corpus/second

Both folders hold `gold/<doc_id>.json`; only documents both annotated count.
`corpus/first` keeps the first annotation of the doubly annotated documents as
it was before their disagreements were settled in `corpus/gold`.
The second annotation becomes a prediction file (persons, events, statements,
occasions, with the gold ids as person ids) and the project's scorer compares it
with the first, so agreement reads on the same scale as the extractor's scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rightsdesk.training.corpus import GoldDoc
from rightsdesk.training.scoring import DEFAULT_SCORER, headline, load_scorer, score

EVENT_FIELDS = ("date", "sentence_months", "charges", "place")


def as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """A gold record in the prediction format of GUIDELINES.md."""
    victims = gold.get("victims", [])
    return {
        "doc_id": gold["doc_id"],
        "persons": [{"id": v["id"], "name": v["name"]} for v in victims],
        "events": [
            {"type": e["type"], "persons": [v["id"]], **{k: e[k] for k in EVENT_FIELDS if k in e}}
            for v in victims for e in v.get("events", [])
        ],
        "statements": [{"actor": s["actor"], "date": s.get("date")}
                       for s in gold.get("statements", [])],
        "occasions": [{"type": o["type"], "date": o.get("date"), "persons": o.get("about", [])}
                      for o in gold.get("occasions", [])],
    }


def gold_records(root: Path) -> list[GoldDoc]:
    """The gold records of a folder (`gold/*.json`), documents not needed."""
    return [GoldDoc(path.stem, path, json.loads(path.read_text(encoding="utf-8")))
            for path in sorted((root / "gold").glob("*.json"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--first", type=Path, default=Path("corpus/first"))
    parser.add_argument("--second", type=Path, default=Path("corpus/second"))
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    second = {doc.doc_id: doc.gold for doc in gold_records(args.second)}
    first = [doc for doc in gold_records(args.first) if doc.doc_id in second]
    if not first:
        print("no document was annotated by both", file=sys.stderr)
        return 2
    summary = score(load_scorer(args.scorer), first,
                    [as_prediction(second[doc.doc_id]) for doc in first])
    figures = {"documents": len(first), **headline(summary)}
    print(json.dumps(figures, indent=1) if args.json else
          "\n".join(f"{k:20s} {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
