"""Quality gate: the dev gold set's scores must not fall below the pinned floors."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from rightsdesk.extract import Extractor
from rightsdesk.pipeline import Pipeline, write_predictions

FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text())


@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path, nlp, scorer, tmp_path_factory) -> dict:
    pipeline = Pipeline(Extractor(nlp))
    extractions, resolution, failures = pipeline.extract([shared_dir / "eval" / "dev" / "docs"])
    assert not failures
    predictions = tmp_path_factory.mktemp("eval") / "dev.jsonl"
    write_predictions(predictions, extractions, resolution)
    out = tmp_path_factory.mktemp("eval") / "score.json"
    gold = str(shared_dir / "eval" / "dev")
    with out.open("w") as stream, contextlib.redirect_stdout(stream):
        scorer.main(["--gold", gold, "--pred", str(predictions), "--json"])
    return json.loads(out.read_text())


@pytest.mark.parametrize("metric", [k for k in FLOORS if not k.startswith("_")])
def test_dev_set_score_holds_its_floor(dev_scores: dict, metric: str) -> None:
    value = score_value(dev_scores, metric)
    assert value >= FLOORS[metric], f"{metric} fell to {value} (floor {FLOORS[metric]})"


def score_value(scores: dict, metric: str) -> float:
    if metric == "overall":
        return scores["overall"]
    if metric == "attributes":
        return scores["attributes"]["accuracy"]
    if metric == "cross_document":
        return scores["cross_document"]["f1"]
    name = metric.removesuffix("_f1")
    return scores[name]["f1"]
