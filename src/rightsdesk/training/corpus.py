"""The annotated corpus as training data: documents, gold records, the fixed split.

Layout (`corpus/` at the repository root): `docs/<doc_id>.txt` with its
`.meta.json` sidecar, `gold/<doc_id>.json` (GUIDELINES.md's gold format),
`sources/*.tsv` and `splits.json` (`{"train": [...], "sealed": [...]}`, drawn
once, at random by country, before anyone read the documents). Training and
cross-validation read only the training part; the sealed part is scored by
`training.sealed`, at most once per session.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rightsdesk.model import CleanDoc
from rightsdesk.reading import Failure, clean_docs

TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lady", "lord", "madam"})


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    path: Path  # the document file
    gold: dict[str, Any]


def read_split(root: Path, part: str, *, required: bool = True) -> list[str]:
    """The document ids of a part of the split; none of a part the split lacks, where
    the part is not `required`."""
    splits = json.loads((root / "splits.json").read_text(encoding="utf-8"))
    return sorted(splits[part] if required else splits.get(part, []))


def gold_docs(root: Path, doc_ids: list[str] | None = None) -> list[GoldDoc]:
    """Gold documents of a corpus folder (all, or the named ones), in id order."""
    found = []
    for gold_path in sorted((root / "gold").glob("*.json")):
        doc_id = gold_path.stem
        if doc_ids is not None and doc_id not in doc_ids:
            continue
        doc = next((p for p in (root / "docs").glob(f"{doc_id}.*")
                    if not p.name.endswith(".meta.json")), None)
        if doc is None:
            raise FileNotFoundError(f"{gold_path}: no document {doc_id}.* in {root / 'docs'}")
        found.append(GoldDoc(doc_id, doc, json.loads(gold_path.read_text(encoding="utf-8"))))
    return found


def clean_gold_docs(docs: list[GoldDoc]) -> list[CleanDoc]:
    """Read and clean the documents as `rightsdesk extract` would; all must be readable."""
    failures: list[Failure] = []
    cleaned = list(clean_docs([doc.path for doc in docs], failures))
    if failures:
        raise ValueError("; ".join(str(f) for f in failures))
    return cleaned


def norm(text: str | None) -> str:
    """Lowercase, no accents, no punctuation, no titles: the scorer's name form."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(t for t in text.split() if t not in TITLES)


def gold_victim(name: str, gold: dict[str, Any]) -> dict[str, Any] | None:
    """The gold victim a predicted name stands for (same name or form, else same surname)."""
    wanted = norm(name)
    if not wanted:
        return None
    victims = gold.get("victims", [])
    for victim in victims:
        if wanted in {norm(f) for f in [victim["name"], *victim.get("match", [])]}:
            return victim
    last = wanted.split()[-1]
    for victim in victims:
        forms = [victim["name"], *victim.get("match", [])]
        if last in {norm(f).split()[-1] for f in forms if norm(f)}:
            return victim
    return None


def gold_types(victim: dict[str, Any] | None) -> set[str]:
    """Event types a prediction may name for the victim (a type or an `also`)."""
    if victim is None:
        return set()
    return {t for e in victim.get("events", []) for t in (e["type"], *e.get("also", []))}


OCCASION_FAMILY = {
    "visit": "visit", "trip": "visit",
    "hearing": "hearing", "trial": "hearing", "appeal": "hearing", "verdict": "hearing",
    "court": "hearing",
    "review": "review", "dialogue": "review", "session": "review", "upr": "review",
    "meeting": "meeting", "summit": "meeting", "conference": "meeting", "talks": "meeting",
    "forum": "meeting",
    "election": "election", "referendum": "election", "vote": "election",
}
"""Occasion kinds and the words for them that count as the same kind (GUIDELINES.md)."""


def gold_statement(actor: str, gold: dict[str, Any]) -> bool:
    """Whether the document's gold record has a statement by this actor (same name or
    form, or one contains the other on word boundaries, as the scorer matches)."""
    wanted = norm(actor)
    for statement in gold.get("statements", []):
        for form in (norm(f) for f in [statement["actor"], *statement.get("match", [])]):
            if form and (wanted == form or _contains(wanted, form) or _contains(form, wanted)):
                return True
    return False


def _contains(text: str, part: str) -> bool:
    return len(part) >= 4 and re.search(rf"\b{re.escape(part)}\b", text) is not None


def gold_occasion(kind: str, day: str | None, gold: dict[str, Any]) -> bool:
    """Whether the gold record has an occasion of this kind on this date (at the gold's
    precision; an undated gold occasion takes any date)."""
    family = OCCASION_FAMILY.get(norm(kind))
    for occasion in gold.get("occasions", []):
        if OCCASION_FAMILY.get(norm(occasion.get("type"))) != family or family is None:
            continue
        expected = occasion.get("date")
        if not expected or (day or "")[: len(expected)] == expected:
            return True
    return False
