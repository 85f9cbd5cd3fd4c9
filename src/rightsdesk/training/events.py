"""Training the event models: data from the rules' candidates, cross-validated fits.

The candidate model learns from every (person, trigger) pair of the training
documents, labelled by the gold record (is that person a gold victim with that
event type?). The event model learns from the events assembled on held-out
folds, so it sees the candidate scores it will see on new documents.
Thresholds are chosen on the same held-out folds.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from rightsdesk.extract import Extractor
from rightsdesk.extract.core import Paragraph
from rightsdesk.extract.learned.decisions import Decisions, EventDecisions, LinearModel
from rightsdesk.model import CleanDoc, Extraction
from rightsdesk.training.corpus import GoldDoc, gold_types, gold_victim

# Logistic regression strength, chosen by cross-validation (docs/model-card.md).
CANDIDATE_C = 0.3
EVENT_C = 1.0
PROPOSE_GRID = (0.3, 0.4, 0.5, 0.6, 0.7)
KEEP_GRID = tuple(round(0.2 + 0.05 * i, 2) for i in range(16))  # up to 0.95: few proposals
KEEP_READ_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)
ALWAYS = LinearModel({}, 30.0)  # keeps everything: the event model is not trained yet


@dataclass(slots=True)
class ParsedDoc:
    gold: GoldDoc
    clean: CleanDoc
    paragraphs: list[tuple[Paragraph, Doc]]


@dataclass(slots=True)
class Example:
    features: list[str] | dict[str, float]
    label: bool


@dataclass(slots=True)
class Reading:
    """One document read with given models: its extraction and what was decided."""

    doc: ParsedDoc
    extraction: Extraction
    trace: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def parse_docs(extractor: Extractor, docs: Sequence[tuple[GoldDoc, CleanDoc]]) -> list[ParsedDoc]:
    parsed: list[ParsedDoc] = []
    batch = 32
    for start in range(0, len(docs), batch):
        chunk = docs[start : start + batch]
        paragraphs = extractor.parse([clean for _, clean in chunk])
        parsed += [ParsedDoc(g, c, p) for (g, c), p in zip(chunk, paragraphs, strict=True)]
    return parsed


def read(extractor: Extractor, doc: ParsedDoc, events: EventDecisions) -> Reading:
    """Read one parsed document with these event models, tracing their decisions."""
    events.trace = []
    reader = Extractor(extractor.nlp, Decisions(events=events))
    extraction = reader.read(doc.clean, doc.paragraphs)
    trace, events.trace = events.trace, None
    return Reading(doc, extraction, trace)


def labelled(reading: Reading, kind: str) -> list[Example]:
    """The traced decisions of one kind, labelled by the document's gold record."""
    gold = reading.doc.gold.gold
    return [
        Example(record["features"], record["type"] in gold_types(gold_victim(record["name"], gold)))
        for what, record in reading.trace if what == kind
    ]


def gathering() -> EventDecisions:
    """Models that propose nothing and keep everything: the rules' candidates as they are."""
    return EventDecisions(LinearModel({}, 0.0), ALWAYS, propose=2.0, keep=-1.0, keep_read=-1.0)


def fit(examples: list[Example], c: float) -> LinearModel:
    """A logistic regression over the examples' features, as a LinearModel."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [e.features if isinstance(e.features, dict) else dict.fromkeys(e.features, 1.0)
            for e in examples]
    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        return LinearModel({}, 5.0 if labels and labels[0] else -5.0)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True) if w}
    return LinearModel(weights, float(model.intercept_[0]))


def folds(docs: Sequence[ParsedDoc], k: int, seed: int = 13) -> list[list[int]]:
    """Document indices in k folds, dealt at random within each country."""
    by_country: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        by_country.setdefault(doc.gold.gold.get("country") or "", []).append(i)
    rng = random.Random(seed)
    dealt: list[list[int]] = [[] for _ in range(k)]
    turn = 0
    for country in sorted(by_country):
        members = by_country[country]
        rng.shuffle(members)
        for i in members:
            dealt[turn % k].append(i)
            turn += 1
    return [sorted(f) for f in dealt]


@dataclass(slots=True)
class FoldModels:
    candidates: list[LinearModel]  # per fold, trained on the other folds
    candidate_examples: list[list[Example]]  # per document


def candidate_models(extractor: Extractor, docs: list[ParsedDoc], split: list[list[int]]
                     ) -> FoldModels:
    """The candidate model of each fold, trained on the candidates of the other folds."""
    per_doc = [labelled(read(extractor, doc, gathering()), "candidate") for doc in docs]
    models = []
    for fold in split:
        held = set(fold)
        train = [e for i, examples in enumerate(per_doc) if i not in held for e in examples]
        models.append(fit(train, CANDIDATE_C))
    return FoldModels(models, per_doc)


def held_out_readings(
    extractor: Extractor,
    docs: list[ParsedDoc],
    split: list[list[int]],
    candidates: list[LinearModel],
    propose: float,
    events_of: Callable[[int], LinearModel] = lambda _fold: ALWAYS,
) -> list[Reading]:
    """Every document read by the models of the fold that held it out."""
    readings: list[Reading | None] = [None] * len(docs)
    for n, fold in enumerate(split):
        models = EventDecisions(candidates[n], events_of(n), propose=propose, keep=-1.0,
                                keep_read=-1.0)
        for i in fold:
            readings[i] = read(extractor, docs[i], models)
    return [r for r in readings if r is not None]


def event_models(readings: list[Reading], split: list[list[int]]) -> list[LinearModel]:
    """The event model of each fold, trained on the held-out events of the other folds."""
    per_doc = [labelled(r, "event") for r in readings]
    models = []
    for fold in split:
        held = set(fold)
        train = [e for i, examples in enumerate(per_doc) if i not in held for e in examples]
        models.append(fit(train, EVENT_C))
    return models


def final_candidates(fold_models: FoldModels) -> LinearModel:
    """The shipped candidate model: fitted on every training document's candidates."""
    return fit([e for examples in fold_models.candidate_examples for e in examples], CANDIDATE_C)


def final_events(readings: list[Reading]) -> LinearModel:
    """The shipped event model: fitted on every held-out event."""
    return fit([e for r in readings for e in labelled(r, "event")], EVENT_C)
