"""Learned decisions over the rules' readings: which events to keep, and how sure.

Two logistic models trained on the annotated corpus (`make train`,
`learned/training.py`) decide, with weights shipped as JSON beside this module:

1. *Candidates*: for each (person, trigger word) pair of a sentence
   (`candidates.py`), the probability that the document reports that event
   on that person. A pair the rules missed becomes a target from `propose` on.
2. *Events*: for each (person, event type) the document yields after the rules
   and the proposals are assembled, the probability that it is right, from the
   best candidate's score, whether the rules read it, what attributes it has and
   how the person is mentioned. Events under `keep` (`keep_read` for events a
   reading rule read, which the rules' tests vouch for) are dropped; the others
   carry this probability as their confidence. It is calibrated on held-out
   documents (docs/model-card.md).

Statements and occasions, read by rules alone, are weighed by one logistic
model each (`FactWeights`): their confidence, calibrated the same way.

Inference is a sum of weights: no numerical library is loaded at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

WEIGHTS_PACKAGE = "rightsdesk.extract.learned"
WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic regression over named features (binary, or with a value)."""

    weights: Mapping[str, float]
    bias: float
    # Platt scaling fitted on held-out scores: p = sigmoid(a * logit + b)
    scale: tuple[float, float] = (1.0, 0.0)

    def probability(self, features: Iterable[str] | Mapping[str, float]) -> float:
        if isinstance(features, Mapping):
            total = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        else:
            total = sum(self.weights.get(name, 0.0) for name in features)
        a, b = self.scale
        return sigmoid(a * (self.bias + total) + b)

    def to_json(self) -> dict[str, Any]:
        return {"bias": self.bias, "scale": list(self.scale),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        a, b = data.get("scale", (1.0, 0.0))
        return cls(dict(data["weights"]), float(data["bias"]), (float(a), float(b)))


def sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


@dataclass(slots=True)
class EventDecisions:
    """The two event models and their thresholds (see the module docstring)."""

    candidates: LinearModel
    events: LinearModel
    propose: float = 0.5
    keep: float = 0.5  # for events only the candidate model proposed
    keep_read: float = 0.5  # for events a reading rule read
    # Training reads what was decided: (kind, record) pairs appended per document.
    trace: list[tuple[str, dict[str, Any]]] | None = field(default=None, repr=False)

    def record(self, kind: str, **record: Any) -> None:
        if self.trace is not None:
            self.trace.append((kind, record))


@dataclass(slots=True)
class FactWeights:
    """A model that weighs facts the rules read (statements, occasions): their confidence."""

    model: LinearModel
    trace: list[tuple[str, dict[str, Any]]] | None = field(default=None, repr=False)

    def weigh(self, kind: str, features: dict[str, float], **record: Any) -> float:
        """The fact's probability of being right; training reads what was weighed."""
        confidence = round(self.model.probability(features), 4)
        if self.trace is not None:
            self.trace.append((kind, {"features": features, "score": confidence, **record}))
        return confidence


@dataclass(slots=True)
class Decisions:
    """Every learned decision the extractor takes; None where rules decide alone."""

    events: EventDecisions | None = None
    statements: FactWeights | None = None
    occasions: FactWeights | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"meta": self.meta}
        for kind in ("statements", "occasions"):
            weights = getattr(self, kind)
            if weights is not None:
                data[kind] = weights.model.to_json()
        if self.events is not None:
            data["events"] = {
                "candidates": self.events.candidates.to_json(),
                "events": self.events.events.to_json(),
                "propose": self.events.propose,
                "keep": self.events.keep,
                "keep_read": self.events.keep_read,
            }
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decisions:
        events = data.get("events")
        weights = {kind: FactWeights(LinearModel.from_json(data[kind]))
                   for kind in ("statements", "occasions") if kind in data}
        return cls(
            events=EventDecisions(
                LinearModel.from_json(events["candidates"]),
                LinearModel.from_json(events["events"]),
                float(events["propose"]),
                float(events["keep"]),
                float(events["keep_read"]),
            ) if events else None,
            **weights,
            meta=dict(data.get("meta", {})),
        )


@cache
def shipped_decisions() -> Decisions:
    """The weights `make train` wrote into the package; rules alone if there are none."""
    path = resources.files(WEIGHTS_PACKAGE) / WEIGHTS_FILE
    if not path.is_file():
        return Decisions()
    return Decisions.from_json(json.loads(path.read_text(encoding="utf-8")))
