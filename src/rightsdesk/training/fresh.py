"""The fresh part: documents nobody tuned the rules on, where the learned layer's
thresholds are chosen and its confidences calibrated.

The rules were written from the training part's errors, so on its held-out folds
they look better than on the next document: thresholds and Platt scaling fitted
there trust the rules too much (docs/model-card.md). The fresh part was annotated
after the rules, is read by `make train` alone and never by whoever writes rules;
the sealed part still measures the result.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from rightsdesk.extract import Extractor
from rightsdesk.extract.learned.decisions import LinearModel
from rightsdesk.training.calibration import cross_fitted, platt
from rightsdesk.training.corpus import GoldDoc, clean_gold_docs, gold_docs, read_split
from rightsdesk.training.events import Example, ParsedDoc, folds, parse_docs

Pairs = list[tuple[float, bool]]  # (confidence, right)


@dataclass(slots=True)
class FreshPart:
    golds: list[GoldDoc]
    docs: list[ParsedDoc]
    split: list[list[int]]  # folds, to measure a calibration on documents it was not fitted on


def fresh_part(root: Path, part: str, extractor: Extractor, k: int) -> FreshPart | None:
    """The split's fresh part, parsed; None where the split has none."""
    ids = read_split(root, part, required=False)
    if not ids:
        return None
    golds = gold_docs(root, ids)
    docs = parse_docs(extractor, list(zip(golds, clean_gold_docs(golds), strict=True)))
    return FreshPart(golds, docs, folds(docs, k))


def scaled(fresh: FreshPart, per_doc: list[Pairs]) -> tuple[tuple[float, float], Pairs]:
    """The Platt scaling fitted on every fresh document's pairs, and the pairs as
    documents it was not fitted on see them (each fold rescaled by the others')."""
    scale = platt([pair for pairs in per_doc for pair in pairs])
    by_fold = [[pair for i in fold for pair in per_doc[i]] for fold in fresh.split]
    return scale, cross_fitted(by_fold)


def rescaled_model(
    fresh: FreshPart, model: LinearModel, per_doc: list[list[Example]]
) -> tuple[LinearModel, Pairs]:
    """A fact model (fitted on the training part) with the scaling the fresh part asks
    for, and its fresh pairs as unseen documents see them."""
    pairs = [[(model.probability(e.features), e.label) for e in examples]
             for examples in per_doc]
    scale, held = scaled(fresh, pairs)
    return replace(model, scale=scale), held
