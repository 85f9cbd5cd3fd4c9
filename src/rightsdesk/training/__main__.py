"""`python -m rightsdesk.training` (`make train`): cross-validate, fit, write the weights.

Reads the training part of the corpus only. Prints the cross-validated scores of
the rules alone and with the learned decisions, side by side, picks the
thresholds on the held-out folds, fits the shipped models on the whole training
part and writes them with their figures (`extract/learned/weights.json`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, replace
from datetime import date
from itertools import product
from pathlib import Path
from types import ModuleType
from typing import Any

from rightsdesk.extract import Extractor, load_model
from rightsdesk.extract.learned.decisions import Decisions, EventDecisions, FactWeights
from rightsdesk.model import Extraction
from rightsdesk.training.calibration import (
    calibration_table,
    cross_fitted,
    expected_calibration_error,
    platt,
    reliability_svg,
    rescaled,
)
from rightsdesk.training.corpus import GoldDoc, clean_gold_docs, gold_docs, read_split
from rightsdesk.training.events import (
    KEEP_GRID,
    KEEP_READ_GRID,
    PROPOSE_GRID,
    FoldModels,
    ParsedDoc,
    Reading,
    candidate_models,
    event_models,
    final_candidates,
    final_events,
    folds,
    held_out_readings,
    labelled,
    parse_docs,
    read,
)
from rightsdesk.training.facts import KINDS, fact_examples, weigh
from rightsdesk.training.scoring import (
    DEFAULT_SCORER,
    above,
    headline,
    load_scorer,
    predictions,
    score,
)

ROOT = Path(__file__).resolve().parents[3]
# The dev floors the event models move (statements and occasions are read by rules alone).
EVENT_FLOORS = frozenset({"overall", "victims_f1", "events_f1", "attributes"})
WEIGHTS = ROOT / "src" / "rightsdesk" / "extract" / "learned" / "weights.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--part", default="train", help="the split part to train on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "calibration-cv.svg")
    parser.add_argument("--dev", type=Path, default=DEFAULT_SCORER.parent / "dev",
                        help="a gold set whose floors the shipped models must hold")
    parser.add_argument("--floors", type=Path, default=ROOT / "tests" / "quality_floors.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scorer = load_scorer(args.scorer)
    golds = gold_docs(args.corpus, read_split(args.corpus, args.part))
    extractor = Extractor(load_model(), Decisions())
    say(f"{len(golds)} training documents; parsing")
    docs = parse_docs(extractor, list(zip(golds, clean_gold_docs(golds), strict=True)))
    split = folds(docs, args.folds)

    rules = [extractor.read(doc.clean, doc.paragraphs) for doc in docs]
    rules_score = headline(score(scorer, golds, predictions(rules)))
    say(f"rules alone, cross-validation set: {rules_score}")

    fold_models = candidate_models(extractor, docs, split)
    dev = _dev_check(extractor, args.dev, args.floors, scorer) if args.dev else None
    best = _search(extractor, docs, split, fold_models, scorer, golds, dev)
    thresholds = {k: best[k] for k in ("propose", "keep", "keep_read")}
    by_fold = [_weighed_events([best["second"][i] for i in fold], thresholds) for fold in split]
    held_events = cross_fitted(by_fold)
    ece = expected_calibration_error(held_events)
    decisions = calibrated(
        EventDecisions(final_candidates(fold_models), final_events(best["first"]), **thresholds),
        platt([pair for fold in by_fold for pair in fold]))
    facts = fact_examples(extractor, docs)
    weighed = {kind: weigh(kind, facts[kind], split) for kind in KINDS}
    calibration = {"events": {"ece": ece, "table": calibration_table(held_events)}}
    for kind, found in weighed.items():
        calibration[f"{kind}s"] = {"ece": expected_calibration_error(found.held_out),
                                   "table": calibration_table(found.held_out)}
    meta = {
        "trained": date.today().isoformat(),
        "documents": len(docs),
        "folds": args.folds,
        **thresholds,
        "cross_validation": {"rules": rules_score, "learned": best["figures"]},
        "calibration": calibration,
        "seconds": round(time.perf_counter() - started, 1),
    }
    write(args.out, Decisions(
        events=decisions,
        statements=FactWeights(weighed["statement"].model),
        occasions=FactWeights(weighed["occasion"].model),
        meta=meta,
    ))
    tables = {kind: figures["table"] for kind, figures in calibration.items()}
    args.plot.write_text(reliability_svg(tables, "Held-out facts of the training part (5 folds)"),
                         encoding="utf-8")
    say(json.dumps({k: v for k, v in meta.items() if k != "calibration"}, indent=1))
    for kind, figures in calibration.items():
        say(f"expected calibration error, held-out {kind}: {figures['ece']}")
    return 0


@dataclass(slots=True)
class DevCheck:
    """The shared dev set and its floors: thresholds that break a floor are not taken."""

    docs: list[ParsedDoc]
    golds: list[GoldDoc]
    floors: dict[str, float]

    def holds(self, scorer: ModuleType, extractions: list[Extraction]) -> bool:
        figures = headline(score(scorer, self.golds, predictions(extractions)))
        return all(figures[name] >= floor for name, floor in self.floors.items())


def _dev_check(extractor: Extractor, dev: Path, floors: Path, scorer: ModuleType) -> DevCheck:
    golds = gold_docs(dev)
    docs = parse_docs(extractor, list(zip(golds, clean_gold_docs(golds), strict=True)))
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    return DevCheck(docs, golds, {k: v for k, v in pinned.items() if k in EVENT_FLOORS})


def _search(
    extractor: Extractor,
    docs: list[ParsedDoc],
    split: list[list[int]],
    fold_models: FoldModels,
    scorer: ModuleType,
    golds: list[GoldDoc],
    dev: DevCheck | None,
) -> dict[str, Any]:
    """The thresholds with the best cross-validated overall score whose shipped models
    keep the dev set at its floors."""
    best: dict[str, Any] | None = None
    shipped_candidates = final_candidates(fold_models)
    for propose in PROPOSE_GRID:
        first = held_out_readings(extractor, docs, split, fold_models.candidates, propose)
        events = event_models(first, split)
        second = held_out_readings(extractor, docs, split, fold_models.candidates, propose,
                                   events_of=lambda n, models=events: models[n])
        on_dev = []
        if dev is not None:
            shipped = EventDecisions(shipped_candidates, final_events(first), propose=propose,
                                     keep=-1.0, keep_read=-1.0)
            on_dev = [read(extractor, doc, shipped).extraction for doc in dev.docs]
        for keep, keep_read in product(KEEP_GRID, KEEP_READ_GRID):
            figures = headline(score(scorer, golds, predictions(
                [above(r.extraction, keep, keep_read) for r in second])))
            if best is not None and figures["overall"] <= best["figures"]["overall"]:
                continue
            if dev is not None and not dev.holds(
                    scorer, [above(e, keep, keep_read) for e in on_dev]):
                continue
            best = {"propose": propose, "keep": keep, "keep_read": keep_read,
                    "figures": figures, "first": first, "second": second}
        if best is not None:
            say(f"propose {propose}: best so far {best['propose']}/{best['keep']}/"
                f"{best['keep_read']} {best['figures']}")
    if best is None:
        raise SystemExit("no thresholds keep the dev set at its floors")
    return best


def _weighed_events(readings: list[Reading], thresholds: dict[str, float]
                    ) -> list[tuple[float, bool]]:
    """(confidence, correct) of every kept event read on held-out folds."""
    pairs = []
    for reading in readings:
        records = [record for kind, record in reading.trace if kind == "event"]
        for example, record in zip(labelled(reading, "event"), records, strict=True):
            floor = thresholds["keep"] if record["proposed"] else thresholds["keep_read"]
            if record["score"] >= floor:
                pairs.append((record["score"], example.label))
    return pairs


def calibrated(events: EventDecisions, scale: tuple[float, float]) -> EventDecisions:
    """The event model with its Platt scaling; its thresholds move with its scores."""
    model = replace(events.events, scale=scale)
    return replace(events, events=model, keep=rescaled(events.keep, scale),
                   keep_read=rescaled(events.keep_read, scale))


def write(path: Path, decisions: Decisions) -> None:
    path.write_text(json.dumps(decisions.to_json(), indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    say(f"weights -> {path} ({path.stat().st_size // 1024} KB)")


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
