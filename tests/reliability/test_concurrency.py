"""Ingest while the desk reads and an analyst edits (SQLite WAL, separate processes).

Readers never wait for the ingest or see a half-stored document; an analyst's
edit made during the ingest survives it and any later re-ingest of the same pages.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from batch import write_batch

from rightsdesk.extract import Extractor
from rightsdesk.pipeline import Pipeline
from rightsdesk.store import Store, open_store
from rightsdesk.store.review import EventEdit, edit_event, review_fact

PAGES = 60
READERS = 3
EDIT = EventEdit(place="Edited by analyst", date="2020-02", charges=["charge set by analyst"])


def read_while(store: Store, running: threading.Event, results: list) -> None:
    """A desk reader: case file, search and timelines, again and again."""
    seen = 0
    while running.is_set():
        case = store.case_file()
        assert len(case.sources) >= seen, "a reader saw stored sources disappear"
        seen = len(case.sources)
        assert {e.source_id for e in case.events} <= {s.id for s in case.sources}
        store.search("detained")
        for person in case.persons[:3]:
            store.timeline(person.id)
        results.append(seen)


def edited_events(store: Store) -> dict[int, tuple]:
    return {
        e.id: (e.place, e.date, e.charges, e.review)
        for e in store.case_file().events
        if e.review in ("edited", "accepted")
    }


def test_ingest_with_readers_and_an_analyst_loses_no_edit(tmp_path: Path, nlp) -> None:
    batch = write_batch(tmp_path / "batch", PAGES)
    first_half = sorted(batch.glob("*.html"))[: PAGES // 2]
    db = tmp_path / "cases.db"
    with open_store(str(db)) as store:
        Pipeline(Extractor(nlp)).ingest(first_half, store)
        events = store.case_file().events
        assert len(events) >= 4

        running = threading.Event()
        running.set()
        reads: list[list[int]] = [[] for _ in range(READERS)]
        readers = [threading.Thread(target=read_while, args=(store, running, r)) for r in reads]
        ingest = subprocess.Popen(
            [sys.executable, "-m", "rightsdesk.cli", "ingest", str(batch), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for reader in readers:
            reader.start()
        try:
            while store.counts()["sources"] == PAGES // 2 and ingest.poll() is None:
                time.sleep(0.02)
            edited_mid_ingest = ingest.poll() is None
            edit_event(store.engine, actor="ana", event_id=events[0].id, edit=EDIT)
            review_fact(
                store.engine, actor="ana", kind="event", fact_id=events[1].id, decision="accepted"
            )
            output, _ = ingest.communicate(timeout=600)
        finally:
            running.clear()
            for reader in readers:
                reader.join()
        assert ingest.returncode == 0, output
        assert all(r for r in reads), "every reader read during the ingest"
        assert min(min(r) for r in reads) == PAGES // 2, "readers started before the writes"
        assert edited_mid_ingest, "the analyst edited while the ingest was writing"

        edits = edited_events(store)
        assert edits[events[0].id] == ("Edited by analyst", "2020-02", EDIT.charges, "edited")
        assert edits[events[1].id][3] == "accepted"
        assert store.counts()["sources"] == PAGES
        assert store.integrity_check() == []

        again = Pipeline(Extractor(nlp)).ingest([batch], store)
        assert (again.stored, again.unchanged) == (0, PAGES)
        assert edited_events(store) == edits
