"""`python -m rightsdesk.training.russian` (`make train`): the Russian facts' confidences.

    python -m rightsdesk.training.russian --corpus corpus/ru --scorer ../shared/eval/score.py

1. Reads the parts the rules were written on (`train`, `fresh`, `train2`: 121 documents) with
   the Russian reader, and labels every event, statement and occasion it reads by
   the gold record, as `training.sealed.weighed_facts` counts a fact right.
2. Per kind, compares by cross-validation (folds dealt by country) a constant,
   the per-type rates and logistic models over the reader's features
   (`extract/russian/features.py`) at a few strengths; keeps the one with the
   lowest held-out log loss, and fits it on all of them.
3. Fits the Platt scaling on the parts nobody read (`fresh2`, `fresh3`), where
   the rules are as good as on the next document, and measures its calibration
   error cross-fitted (each fold rescaled by a scaling fitted on the others).
4. Tries a threshold under which events are dropped: kept only if it raises the
   events F1 across the folds of the read parts and lowers neither the overall
   score nor the events F1 of the unread ones.

Writes `extract/russian/weights.json` and the reliability plot. Prints aggregate
figures only. Never reads the sealed part.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from rightsdesk.extract.learned.decisions import FactWeights, LinearModel, logit
from rightsdesk.extract.russian import RussianNLP, RussianReader
from rightsdesk.extract.russian.confidence import KINDS, WEIGHTS_FILE, RussianWeights
from rightsdesk.extract.russian.parse import Sentence
from rightsdesk.model import CleanDoc, Extraction
from rightsdesk.training.calibration import (
    calibration_table,
    expected_calibration_error,
    reliability_svg,
    rescaled,
)
from rightsdesk.training.corpus import (
    GoldDoc,
    clean_gold_docs,
    gold_docs,
    gold_occasion,
    gold_statement,
    gold_types,
    gold_victim,
    read_split,
)
from rightsdesk.training.events import Example, fit, folds
from rightsdesk.training.fresh import FreshPart, rescaled_model
from rightsdesk.training.scoring import DEFAULT_SCORER, headline, load_scorer, predictions, score

ROOT = Path(__file__).resolve().parents[3]
WEIGHTS = ROOT / "src" / "rightsdesk" / "extract" / "russian" / WEIGHTS_FILE
STRENGTHS = (0.03, 0.1, 0.3, 1.0)  # logistic regression C tried per kind
RATES_C = 100.0  # per-type rates: hardly regularised
KEEP_GRID = tuple(round(0.05 * i, 2) for i in range(1, 13))  # up to 0.6
# A threshold must gain this much events F1 across the folds: less is one event or two
# of 279, the folds' noise.
MIN_GAIN = 0.005
# Fewer facts on the unread parts than this fit no Platt slope (8 occasions once gave
# a negative one): the kind's confidence is then the unread parts' rate of right facts.
MIN_PLATT = 40
FOLD_SEEDS = (13, 7, 99)  # the cross-fitted error is also given for other deals of folds
# the feature a kind's "per-type rate" is the rate of
TYPE_PREFIX = {"events": "type:", "statements": "actor:", "occasions": "type:"}
TRACED = {"event": "events", "statement": "statements", "occasion": "occasions"}
Pairs = list[tuple[float, bool]]


@dataclass(slots=True)
class RuDoc:
    """A gold document parsed once, read as often as training needs."""

    gold: GoldDoc
    clean: CleanDoc
    sentences: list[Sentence]


@dataclass(slots=True)
class Read:
    """One document as the rules read it, and its facts' features, labelled, by kind."""

    extraction: Extraction
    examples: dict[str, list[Example]]


def parse_parts(root: Path, parts: list[str], nlp: RussianNLP) -> list[RuDoc]:
    """The documents of these parts of the split, parsed; never the sealed part."""
    if "sealed" in parts:
        raise SystemExit("the sealed part is never read in training")
    ids = sorted({doc_id for part in parts for doc_id in read_split(root, part)})
    golds = gold_docs(root, ids)
    return [RuDoc(gold, clean, nlp.parse(clean))
            for gold, clean in zip(golds, clean_gold_docs(golds), strict=True)]


def read_doc(nlp: RussianNLP, doc: RuDoc) -> Read:
    """The rules' reading of a document with every fact's features and label: the
    features do not depend on the models, so one reading serves every fit."""
    trace: list[tuple[str, dict[str, Any]]] = []
    zero = LinearModel({}, 0.0)
    reader = RussianReader(nlp, RussianWeights.tracing(dict.fromkeys(KINDS, zero), trace))
    extraction = reader.read_parsed(doc.clean, doc.sentences, extractor="training")
    examples: dict[str, list[Example]] = {kind: [] for kind in KINDS}
    for what, record in trace:
        examples[TRACED[what]].append(Example(record["features"], right(what, record,
                                                                        doc.gold.gold)))
    return Read(extraction, examples)


def right(what: str, record: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether the gold record has the fact (`training.sealed.weighed_facts`'s rule)."""
    if what == "event":
        return record["type"] in gold_types(gold_victim(record["name"], gold))
    if what == "statement":
        return gold_statement(record["actor"], gold)
    return gold_occasion(record["type"], record["date"], gold)


# --- the candidate models of a kind ---------------------------------------------------

Fitter = Callable[[list[Example]], LinearModel]


def constant(examples: list[Example]) -> LinearModel:
    """The base rate (add-one smoothed), whatever the fact."""
    rate = (sum(e.label for e in examples) + 1) / (len(examples) + 2)
    return LinearModel({}, logit(rate))


def rates(prefix: str) -> Fitter:
    """The rate of each type (the feature under `prefix`): the simplest informed model."""
    def fitted(examples: list[Example]) -> LinearModel:
        only = [Example({k: v for k, v in e.features.items() if k.startswith(prefix)}
                        if isinstance(e.features, dict) else [], e.label) for e in examples]
        return fit(only, RATES_C)
    return fitted


def candidates(kind: str) -> dict[str, Fitter]:
    found: dict[str, Fitter] = {"constant": constant, "rates": rates(TYPE_PREFIX[kind])}
    for c in STRENGTHS:
        found[f"logistic C={c}"] = lambda examples, c=c: fit(examples, c)
    return found


def calibrated(fresh: FreshPart, model: LinearModel, per_doc: list[list[Example]]
               ) -> tuple[LinearModel, Pairs]:
    """The model rescaled on the unread parts, and their facts as documents the scaling
    was not fitted on see them: Platt scaling where there are `MIN_PLATT` facts and its
    slope is positive, else the unread parts' rate of right facts (add-one smoothed)."""
    facts = [e for examples in per_doc for e in examples]
    if len(facts) >= MIN_PLATT:
        scaled, pairs = rescaled_model(fresh, model, per_doc)
        if scaled.scale[0] > 0:
            return scaled, pairs
    held: Pairs = []
    for fold in fresh.split:
        inside = set(fold)
        others = [e for i, ex in enumerate(per_doc) if i not in inside for e in ex]
        rate = constant(others).probability([])
        held += [(rate, e.label) for i in fold for e in per_doc[i]]
    return replace(model, weights={}, bias=0.0,
                   scale=(0.0, logit(constant(facts).probability([])))), held


def held_out(per_doc: list[list[Example]], split: list[list[int]], fitter: Fitter
             ) -> list[Pairs]:
    """Per document, (probability, right) of each fact by the model of the other folds."""
    found: list[Pairs] = [[] for _ in per_doc]
    for fold in split:
        held = set(fold)
        model = fitter([e for i, ex in enumerate(per_doc) if i not in held for e in ex])
        for i in fold:
            found[i] = [(model.probability(e.features), e.label) for e in per_doc[i]]
    return found


def log_loss(pairs: Pairs) -> float:
    """Mean negative log-likelihood of the labels (lower is better)."""
    if not pairs:
        return 0.0
    eps = 1e-6
    return round(-sum(math.log(min(max(p if right else 1 - p, eps), 1.0))
                      for p, right in pairs) / len(pairs), 4)


def measured(pairs: Pairs) -> dict[str, Any]:
    return {"facts": len(pairs), "right": round(sum(r for _, r in pairs) / len(pairs), 4)
            if pairs else None, "log_loss": log_loss(pairs),
            "ece": expected_calibration_error(pairs)}


def choose(kind: str, per_doc: list[list[Example]], split: list[list[int]]
           ) -> tuple[str, dict[str, dict[str, Any]]]:
    """The candidate with the lowest held-out log loss (ties: the simpler, listed first),
    and every candidate's held-out figures."""
    figures = {name: measured([p for pairs in held_out(per_doc, split, fitter)
                               for p in pairs])
               for name, fitter in candidates(kind).items()}
    best = min(figures, key=lambda name: figures[name]["log_loss"])
    return best, figures


# --- a keep threshold for events ------------------------------------------------------

def kept(extraction: Extraction, probabilities: list[float], floor: float) -> Extraction:
    """The extraction without the events under `floor` (its events in trace order)."""
    events = [e for e, p in zip(extraction.events, probabilities, strict=True) if p >= floor]
    return replace(extraction, events=events)


def scored_at(scorer: ModuleType, reads: list[Read], docs: list[RuDoc],
              probabilities: list[list[float]], floor: float) -> dict[str, Any]:
    extractions = [kept(r.extraction, p, floor) for r, p in zip(reads, probabilities,
                                                                strict=True)]
    return headline(score(scorer, [d.gold for d in docs], predictions(extractions)))


# --- the command ----------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "ru")
    parser.add_argument("--train", nargs="+", default=["train", "fresh", "train2"],
                        help="the parts the models are fitted and cross-validated on")
    parser.add_argument("--calibrate", nargs="+", default=["fresh2", "fresh3"],
                        help="unread parts the Platt scaling is fitted and measured on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "calibration-ru.svg")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scorer = load_scorer(args.scorer)
    nlp = RussianNLP()
    docs = parse_parts(args.corpus, args.train, nlp)
    unread = parse_parts(args.corpus, args.calibrate, nlp)
    say(f"{len(docs)} documents to fit on ({', '.join(args.train)}), {len(unread)} to "
        f"calibrate on ({', '.join(args.calibrate)})")
    reads = [read_doc(nlp, doc) for doc in docs]
    unread_reads = [read_doc(nlp, doc) for doc in unread]
    split = folds(docs, args.folds)  # type: ignore[arg-type]  # duck-typed: .gold.gold
    unread_split = folds(unread, args.folds)  # type: ignore[arg-type]
    fresh = FreshPart([d.gold for d in unread], [], unread_split)

    chosen: dict[str, str] = {}
    cross_validation: dict[str, Any] = {}
    models: dict[str, LinearModel] = {}
    calibration: dict[str, Any] = {}
    held: dict[str, Pairs] = {}
    for kind in KINDS:
        per_doc = [r.examples[kind] for r in reads]
        chosen[kind], cross_validation[kind] = choose(kind, per_doc, split)
        fitter = candidates(kind)[chosen[kind]]
        raw = fitter([e for ex in per_doc for e in ex])
        unread_examples = [r.examples[kind] for r in unread_reads]
        models[kind], held[kind] = calibrated(fresh, raw, unread_examples)
        by_seed = [calibrated(FreshPart([], [], folds(unread, args.folds, seed=seed)),  # type: ignore[arg-type]
                              raw, unread_examples)[1] for seed in FOLD_SEEDS]
        calibration[kind] = {
            "rules (1.0)": measured([(1.0, e.label) for ex in unread_examples for e in ex]),
            "model, unscaled": measured([(raw.probability(e.features), e.label)
                                         for ex in unread_examples for e in ex]),
            "model, Platt cross-fitted": measured(held[kind]),
            "scale": [round(v, 4) for v in models[kind].scale],
            "ece_by_fold_seed": {seed: expected_calibration_error(pairs)
                                 for seed, pairs in zip(FOLD_SEEDS, by_seed, strict=True)},
        }
        say(f"{kind}: chose {chosen[kind]}; cross-validated "
            f"{json.dumps(cross_validation[kind])}")
        say(f"{kind}, on the unread parts: {json.dumps(calibration[kind])}")

    keep, keep_figures = _keep_threshold(scorer, docs, reads, split, unread, unread_reads,
                                         candidates("events")[chosen["events"]],
                                         models["events"])
    meta = {
        "trained": date.today().isoformat(),
        "fitted_on": {"parts": args.train, "documents": len(docs)},
        "calibrated_on": {"parts": args.calibrate, "documents": len(unread),
                          "folds": args.folds},
        "chosen": chosen,
        "cross_validation": cross_validation,
        "calibration": calibration,
        "keep": keep_figures,
        "seconds": round(time.perf_counter() - started, 1),
    }
    weights = RussianWeights(**{kind: FactWeights(models[kind]) for kind in KINDS},
                             keep=keep, meta=meta)
    args.out.write_text(json.dumps(weights.to_json(), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    say(f"weights -> {args.out} ({args.out.stat().st_size // 1024} KB)")
    tables = {kind: calibration_table(pairs) for kind, pairs in held.items()}
    args.plot.write_text(reliability_svg(
        tables, f"Russian facts, unread parts ({len(unread)} documents, cross-fitted)"),
        encoding="utf-8")
    say(json.dumps({"keep": keep_figures, "seconds": meta["seconds"]}, indent=1))
    return 0


def _keep_threshold(scorer: ModuleType, docs: list[RuDoc], reads: list[Read],
                    split: list[list[int]], unread: list[RuDoc], unread_reads: list[Read],
                    fitter: Fitter, model: LinearModel) -> tuple[float, dict[str, Any]]:
    """The threshold (on the calibrated probability; 0: none) and the figures it was
    chosen by: the best cross-validated events F1 of the read parts, kept only where it
    gains there and loses nothing on the unread parts."""
    per_doc = [r.examples["events"] for r in reads]
    held = [[p for p, _ in pairs] for pairs in held_out(per_doc, split, fitter)]
    cv = {floor: scored_at(scorer, reads, docs, held, floor) for floor in (0.0, *KEEP_GRID)}
    best = max(cv, key=lambda floor: (cv[floor]["events_f1"], -floor))
    unscaled = replace(model, scale=(1.0, 0.0))
    unread_p = [[unscaled.probability(e.features) for e in r.examples["events"]]
                for r in unread_reads]
    on_unread = {floor: scored_at(scorer, unread_reads, unread, unread_p, floor)
                 for floor in {0.0, best}}
    gain = cv[best]["events_f1"] - cv[0.0]["events_f1"]
    holds = all(on_unread[best][name] >= on_unread[0.0][name]
                for name in ("overall", "events_f1"))
    taken = best if best > 0 and gain >= MIN_GAIN and holds else 0.0
    figures = {
        "best_cross_validated": best,
        "cross_validated_events_f1_gain": round(gain, 4),
        "cross_validated": {"none": cv[0.0], "best": cv[best]},
        "unread": {"none": on_unread[0.0], "best": on_unread[best]},
        "taken": taken,
        "taken_calibrated": round(rescaled(taken, model.scale), 4) if taken else 0.0,
    }
    return figures["taken_calibrated"], figures


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
