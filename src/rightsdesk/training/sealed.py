"""Score the sealed part of the corpus: at most once per session, logged with date and commit.

    python -m rightsdesk.training.sealed --corpus corpus

Runs the extractor as `rightsdesk extract` does on the sealed documents, scores
them with the project's scorer, and appends the aggregate figures (never a
per-document one) to `corpus/sealed-log.jsonl`. A second scoring within
`SESSION_HOURS` of the last (or since `--session-began`) is refused: figures
read again and again after changes would tune the extractor to the sealed part.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rightsdesk.pipeline import Pipeline
from rightsdesk.training.calibration import (
    calibration_table,
    expected_calibration_error,
    reliability_svg,
)
from rightsdesk.training.corpus import (
    gold_docs,
    gold_occasion,
    gold_statement,
    gold_types,
    gold_victim,
    read_split,
)
from rightsdesk.training.scoring import DEFAULT_SCORER, headline, load_scorer, predictions, score

SESSION_HOURS = 12
LOG = "sealed-log.jsonl"


def last_scored(log: Path) -> datetime | None:
    if not log.exists():
        return None
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]
    return datetime.fromisoformat(lines[-1]["when"]) if lines else None


def commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return f"{head}{' (uncommitted changes)' if dirty else ''}"


def weighed_facts(records: list[dict[str, Any]], golds: dict[str, dict[str, Any]]
                  ) -> dict[str, list[tuple[float, bool]]]:
    """(confidence, right) for every predicted fact, by kind: an event is right when its
    person is a gold victim with that event type, a statement or an occasion when the
    gold record has it."""
    pairs: dict[str, list[tuple[float, bool]]] = {"events": [], "statements": [],
                                                  "occasions": []}
    for record in records:
        gold = golds[record["doc_id"]]
        names = {p["id"]: p["name"] for p in record["persons"]}
        for event in record["events"]:
            for person in event["persons"]:
                victim = gold_victim(names.get(person, ""), gold)
                pairs["events"].append((event["confidence"], event["type"] in gold_types(victim)))
        pairs["statements"] += [(s["confidence"], gold_statement(s["actor"], gold))
                                for s in record["statements"]]
        pairs["occasions"] += [(o["confidence"], gold_occasion(o["type"], o.get("date"), gold))
                               for o in record["occasions"]]
    return pairs


def local_time(text: str) -> datetime:
    """An ISO time as the log writes times (local, without offset): `date -Iseconds`
    gives "2026-12-06T22:09:35+00:00", which compares with the log only so."""
    moment = datetime.fromisoformat(text)
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--note", default="", help="what this scoring is for")
    parser.add_argument("--plot", type=Path, default=Path("docs/calibration-sealed.svg"))
    parser.add_argument("--session-began", type=local_time, default=None,
                        help="a session that began after the last scoring may score once "
                             "(ISO time); without it, once per SESSION_HOURS")
    args = parser.parse_args(argv)
    log = args.corpus / LOG
    last = last_scored(log)
    began = args.session_began or datetime.now() - timedelta(hours=SESSION_HOURS)
    if last and last > began:
        print(f"the sealed part was scored at {last:%Y-%m-%d %H:%M}: once per session "
              f"({SESSION_HOURS} h)", file=sys.stderr)
        return 2
    golds = gold_docs(args.corpus, read_split(args.corpus, "sealed"))
    extractions, _, failures = Pipeline.load().extract([doc.path for doc in golds])
    for failure in failures:  # scored as an empty prediction, as `rightsdesk extract` leaves it
        print(f"not read: {failure}", file=sys.stderr)
    records = predictions(extractions)
    figures = headline(score(load_scorer(args.scorer), golds, records))
    pairs = weighed_facts(records, {doc.doc_id: doc.gold for doc in golds})
    entry = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "commit": commit(),
        "documents": len(golds),
        "unread": len(failures),
        "note": args.note,
        **figures,
        **{f"{kind}_ece": expected_calibration_error(found) for kind, found in pairs.items()},
        "facts_ece": expected_calibration_error([p for found in pairs.values() for p in found]),
    }
    tables = {kind: calibration_table(found) for kind, found in pairs.items()}
    args.plot.write_text(reliability_svg(tables, f"Sealed part, {entry['when'][:10]}"),
                         encoding="utf-8")
    with log.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")
    print(json.dumps(entry, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
