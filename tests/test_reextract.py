"""Re-extraction after an upgrade: machine facts are replaced, analysts' decisions stay."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from rightsdesk.extract import EXTRACTOR_VERSION, Extractor
from rightsdesk.pipeline import Pipeline
from rightsdesk.sample import corpus_dir
from rightsdesk.store import open_store, schema
from rightsdesk.store.review import EventEdit, edit_event, review_fact


def facts(store) -> Counter:
    """(person, type, review) of every stored event."""
    return Counter((e.person_id, e.type, e.review) for e in store.case_file().events)


def test_reextract_replaces_machine_facts_and_keeps_decisions(nlp, tmp_path: Path) -> None:
    pipeline = Pipeline(Extractor(nlp))
    with open_store(str(tmp_path / "cases.db")) as store:
        pipeline.ingest([corpus_dir()], store)
        before = facts(store)
        with store.engine.begin() as conn:  # as if an older extractor had read them
            conn.execute(sa.update(schema.sources).values(extractor="rightsdesk.extract/0.0.1"))
        [kozlov] = store.find_persons("Vladimir Kozlov")
        sentence, *_ = [e for e in store.timeline(kozlov.id) if e.type == "sentence"]
        release = next(e for e in store.timeline(kozlov.id) if e.type == "release")
        review_fact(store.engine, actor="ana", kind="event", fact_id=release.id,
                    decision="rejected")
        edit_event(store.engine, actor="ana", event_id=sentence.id,
                   edit=EventEdit(type="sentence", date="2012-10-08", place="Aktau",
                                  sentence_months=90))

        report = pipeline.reextract(store)

        assert report.files == len(list(corpus_dir().glob("*.meta.json")))
        assert not report.failures and not store.integrity_check()
        after = facts(store)
        assert after[(kozlov.id, "release", "rejected")] == 1
        machine_release = (kozlov.id, "release", "machine")
        assert after[machine_release] == before[machine_release] - 1
        edited = next(e for e in store.timeline(kozlov.id) if e.id == sentence.id)
        assert (edited.review, edited.date, edited.place) == ("edited", "2012-10-08", "Aktau")
        assert sum(after.values()) == sum(before.values())
        assert store.stale_sources(EXTRACTOR_VERSION) == []
        assert pipeline.reextract(store).files == 0
