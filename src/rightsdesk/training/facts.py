"""Training the weights of statements and occasions (read by rules alone).

Each statement and occasion the rules read in a training document is an example,
labelled by whether the gold record has it. One logistic model per kind, fitted
on the other folds, weighs each held-out fact; those weights measure the
calibration, and the shipped model is fitted on every document.
"""

from __future__ import annotations

from dataclasses import dataclass

from rightsdesk.extract import Extractor
from rightsdesk.extract.learned.decisions import Decisions, FactWeights, LinearModel
from rightsdesk.training.corpus import gold_occasion, gold_statement
from rightsdesk.training.events import Example, ParsedDoc, fit

# Logistic regression strength per kind, chosen by held-out log loss and calibration.
# Whether an occasion is right could not be told from what it rests on (held-out log
# loss no better than a constant's, 101 examples): its weight stays near the base rate.
FACT_C = {"statement": 0.3, "occasion": 0.001}
KINDS = tuple(FACT_C)


@dataclass(slots=True)
class Weighed:
    """A kind's shipped model and its held-out (confidence, right) pairs."""

    model: LinearModel
    held_out: list[tuple[float, bool]]


def fact_examples(extractor: Extractor, docs: list[ParsedDoc]) -> dict[str, list[list[Example]]]:
    """Per kind, per document: every statement and occasion read, labelled by the gold."""
    found: dict[str, list[list[Example]]] = {kind: [] for kind in KINDS}
    for doc in docs:
        trace: list = []
        zero = LinearModel({}, 0.0)
        reader = Extractor(extractor.nlp, Decisions(
            statements=FactWeights(zero, trace), occasions=FactWeights(zero, trace)))
        reader.read(doc.clean, doc.paragraphs)
        gold = doc.gold.gold
        for kind in KINDS:
            found[kind].append([
                Example(record["features"], _right(kind, record, gold))
                for what, record in trace if what == kind
            ])
    return found


def _right(kind: str, record: dict, gold: dict) -> bool:
    if kind == "statement":
        return gold_statement(record["actor"], gold)
    return gold_occasion(record["type"], record["date"], gold)


def weigh(kind: str, per_doc: list[list[Example]], split: list[list[int]]) -> Weighed:
    """Held-out weights of every example (each fold's model fitted on the others),
    and the model fitted on all."""
    held_out: list[tuple[float, bool]] = []
    c = FACT_C[kind]
    for fold in split:
        held = set(fold)
        model = fit([e for i, ex in enumerate(per_doc) if i not in held for e in ex], c)
        held_out += [(model.probability(e.features), e.label) for i in fold for e in per_doc[i]]
    return Weighed(fit([e for ex in per_doc for e in ex], c), held_out)
