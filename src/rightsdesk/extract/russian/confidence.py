"""How sure each Russian fact is: logistic models over the reader's features, calibrated.

The Russian rules were written on 91 read documents and get about half of a new
document's events right, yet every fact they read said confidence 1.0. One
logistic model per kind of fact (events, statements, occasions) weighs the
features the finders noted (`features.py`), fitted on the read parts and Platt
scaled on parts nobody read (`python -m rightsdesk.training.russian`, `make
train`). The weights ship beside this module in `weights.json`; inference is a
sum of weights (`LinearModel`), as on the English side. Without the file, facts
keep the model default of 1.0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rightsdesk.extract.learned.decisions import FactWeights, LinearModel

WEIGHTS_PACKAGE = "rightsdesk.extract.russian"
WEIGHTS_FILE = "weights.json"
KINDS = ("events", "statements", "occasions")


@dataclass(slots=True)
class RussianWeights:
    """One model per kind of fact (None: the rules' 1.0 stands), and the probability
    under which an event is dropped (0: none is)."""

    events: FactWeights | None = None
    statements: FactWeights | None = None
    occasions: FactWeights | None = None
    keep: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"meta": self.meta, "keep": self.keep}
        for kind in KINDS:
            weights = getattr(self, kind)
            if weights is not None:
                data[kind] = weights.model.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RussianWeights:
        models = {kind: FactWeights(LinearModel.from_json(data[kind]))
                  for kind in KINDS if kind in data}
        return cls(**models, keep=float(data.get("keep", 0.0)), meta=dict(data.get("meta", {})))

    @classmethod
    def tracing(cls, models: dict[str, LinearModel],
                trace: list[tuple[str, dict[str, Any]]]) -> RussianWeights:
        """Weights that record every fact they weigh (training reads the trace)."""
        return cls(**{kind: FactWeights(model, trace) for kind, model in models.items()})


@cache
def shipped_weights() -> RussianWeights:
    """The weights `make train` wrote into the package; none (confidence 1.0) without them."""
    path = resources.files(WEIGHTS_PACKAGE) / WEIGHTS_FILE
    if not path.is_file():
        return RussianWeights()
    return RussianWeights.from_json(json.loads(path.read_text(encoding="utf-8")))
