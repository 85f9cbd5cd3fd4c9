"""Scoring readings with the project's scorer (`../shared/eval/score.py`), in process."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from rightsdesk.model import Extraction
from rightsdesk.pipeline import prediction_record
from rightsdesk.resolve import resolve_people
from rightsdesk.training.corpus import GoldDoc

DEFAULT_SCORER = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = DEFAULT_SCORER) -> ModuleType:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the scorer is needed (pass --scorer PATH)")
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def above(extraction: Extraction, keep: float, keep_read: float) -> Extraction:
    """The extraction without the events weighed under their threshold."""
    return replace(extraction, events=[
        e for e in extraction.events if e.confidence >= (keep if e.proposed else keep_read)])


def predictions(extractions: Sequence[Extraction]) -> list[dict[str, Any]]:
    resolution = resolve_people(extractions)
    return [prediction_record(extraction, resolution) for extraction in extractions]


def score(
    scorer: ModuleType, golds: Sequence[GoldDoc], records: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """The scorer's JSON summary for these documents and prediction records."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "gold").mkdir()
        for doc in golds:
            (root / "gold" / f"{doc.doc_id}.json").write_text(
                json.dumps(doc.gold, ensure_ascii=False), encoding="utf-8")
        pred = root / "pred.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main(["--gold", str(root), "--pred", str(pred), "--json"])
    return json.loads(out.getvalue())


def headline(summary: dict[str, Any]) -> dict[str, float | None]:
    """The figures the issue names, from a scorer summary."""
    return {
        "overall": summary["overall"],
        "victims_f1": summary["victims"]["f1"],
        "events_f1": summary["events"]["f1"],
        "events_p": summary["events"]["p"],
        "events_r": summary["events"]["r"],
        "attributes": summary["attributes"]["accuracy"],
        "statements_f1": summary["statements"]["f1"],
        "occasions_f1": summary["occasions"]["f1"],
        "cross_document_b3": summary["cross_document"]["f1"],
    }
