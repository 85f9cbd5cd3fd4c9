"""The annotated corpus: complete, in the gold format, split once and for all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsdesk.training.corpus import gold_docs, read_split

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
EVENT_TYPES = {"arrest", "charge", "trial", "sentence", "release", "ill_treatment", "killing"}


@pytest.fixture(scope="module")
def golds():
    return {doc.doc_id: doc for doc in gold_docs(CORPUS)}


def test_every_gold_record_has_its_document_and_sidecar(golds) -> None:
    assert len(golds) >= 300
    for doc_id, doc in golds.items():
        assert doc.path.read_text(encoding="utf-8").strip(), doc_id
        meta = json.loads((CORPUS / "docs" / f"{doc_id}.meta.json").read_text(encoding="utf-8"))
        assert meta["url"] == doc.gold["source_url"], doc_id
        assert meta["published"] == doc.gold["published"], doc_id


def test_gold_records_use_the_closed_sets(golds) -> None:
    for doc_id, doc in golds.items():
        assert doc.gold["doc_id"] == doc_id
        for victim in doc.gold["victims"]:
            assert victim["id"] and victim["name"], doc_id
            for event in victim["events"]:
                assert {event["type"], *event.get("also", [])} <= EVENT_TYPES, doc_id
        assert all(s["actor"] for s in doc.gold["statements"]), doc_id


def test_the_split_covers_every_document_once_with_a_sealed_part_of_100(golds) -> None:
    parts = [set(read_split(CORPUS, part, required=False)) for part in ("train", "sealed", "fresh")]
    assert sum(len(part) for part in parts) == len(set.union(*parts))
    assert set.union(*parts) == set(golds)
    assert len(parts[1]) >= 100


def test_the_corpus_is_broad(golds) -> None:
    countries = {doc.gold["country"] for doc in golds.values()}
    without_victims = sum(1 for doc in golds.values() if not doc.gold["victims"])
    assert len(countries) >= 40
    assert 0.10 <= without_victims / len(golds) <= 0.25


def test_a_random_15_percent_was_annotated_twice(golds) -> None:
    sample = json.loads((CORPUS / "second" / "sample.json").read_text())["documents"]
    assert len(sample) >= 0.15 * len(golds)
    for doc_id in sample:
        assert (CORPUS / "second" / "gold" / f"{doc_id}.json").exists()
        assert (CORPUS / "first" / "gold" / f"{doc_id}.json").exists()
