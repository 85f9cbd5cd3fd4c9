"""Ingest while the desk reads and an analyst edits, on SQLite (WAL) and PostgreSQL.

The ingest and the re-extraction run in another process, as they do beside a
running desk. Readers never see an error or a half-stored document; an analyst's
edits made during the ingest and during a re-extraction survive them and a later
re-ingest of the same pages; the store passes its integrity check afterwards.
The PostgreSQL case runs when RIGHTSDESK_TEST_PG is set (tests/backends.py).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from backends import BACKENDS, fresh_store_url
from batch import write_batch

from rightsdesk.errors import StoreError
from rightsdesk.extract import Extractor
from rightsdesk.pipeline import Pipeline
from rightsdesk.store import Store, open_store
from rightsdesk.store.review import EventEdit, edit_event, review_fact

PAGES = 60
READERS = 3
EDIT = EventEdit(place="Edited by analyst", date="2020-02", charges=["charge set by analyst"])
SECOND_EDIT = EventEdit(place="Edited again", date="2021-03-04", charges=["second charge"])


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_store_url(request.param, tmp_path) as url:
        yield url


class Readers:
    """Desk readers in threads (case file, search, timelines), each recording what it saw.

    An exception in a reader thread is kept and raised by `stop`, not lost in the thread.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.running = threading.Event()
        self.seen: list[list[int]] = [[] for _ in range(READERS)]
        self.errors: list[BaseException] = []
        self.threads = [threading.Thread(target=self._read, args=(s,)) for s in self.seen]

    def __enter__(self) -> Readers:
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running.clear()
        for thread in self.threads:
            thread.join()

    def _read(self, seen: list[int]) -> None:
        try:
            while self.running.is_set():
                case = self.store.case_file()
                sources = {s.id for s in case.sources}
                assert len(sources) >= (seen[-1] if seen else 0), "stored sources disappeared"
                # Every page of the batch yields events: a source without any is half-stored,
                # an event whose source is not there was read from another snapshot.
                assert {e.source_id for e in case.events} == sources, "half-stored source seen"
                assert {e.person_id for e in case.events} <= {p.id for p in case.persons}
                self.store.search("detained")
                for person in case.persons[:3]:
                    self.store.timeline(person.id)
                seen.append(len(sources))
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            self.errors.append(error)

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]
        assert all(self.seen), "every reader read during the run"


def reviewed_events(store: Store) -> dict[int, tuple]:
    return {
        e.id: (e.place, e.date, e.charges, e.review)
        for e in store.case_file().events
        if e.review != "machine"
    }


def run_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "rightsdesk.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def accept_while(store: Store, process: subprocess.Popen[str]) -> list[int]:
    """Accept machine events one by one while `process` runs; the ids accepted.

    A machine event may be replaced by the re-extraction between choosing and
    accepting it; that refusal is expected, and another one is chosen.
    """
    accepted: list[int] = []
    while process.poll() is None:
        machine = [e.id for e in store.case_file().events if e.review == "machine"]
        if not machine:
            break
        try:
            review_fact(
                store.engine, actor="ana", kind="event", fact_id=machine[0], decision="accepted"
            )
        except StoreError as error:
            assert "no event with id" in str(error), error
            continue
        accepted.append(machine[0])
        time.sleep(0.05)
    return accepted


def test_ingest_and_reextract_with_readers_and_an_analyst_lose_no_edit(
    tmp_path: Path, nlp, db: str
) -> None:
    batch = write_batch(tmp_path / "batch", PAGES)
    first_half = sorted(batch.glob("*.html"))[: PAGES // 2]
    with open_store(db) as store:
        Pipeline(Extractor(nlp)).ingest(first_half, store)
        events = store.case_file().events
        assert len(events) >= 4

        # 1. A second process ingests the batch; the analyst edits while it writes.
        with Readers(store) as readers:
            ingest = run_cli("ingest", str(batch), "--db", db)
            while store.counts()["sources"] == PAGES // 2 and ingest.poll() is None:
                time.sleep(0.02)
            edited_mid_ingest = ingest.poll() is None
            edit_event(store.engine, actor="ana", event_id=events[0].id, edit=EDIT)
            review_fact(
                store.engine, actor="ana", kind="event", fact_id=events[1].id, decision="accepted"
            )
            output, _ = ingest.communicate(timeout=600)
        readers.check()
        assert ingest.returncode == 0, output
        assert min(min(seen) for seen in readers.seen) == PAGES // 2, "readers began first"
        assert edited_mid_ingest, "the analyst edited while the ingest was writing"

        edits = reviewed_events(store)
        assert edits[events[0].id] == ("Edited by analyst", "2020-02", EDIT.charges, "edited")
        assert edits[events[1].id][3] == "accepted"
        assert store.counts()["sources"] == PAGES
        assert store.integrity_check() == []

        # 2. Re-ingesting the same pages stores nothing and touches no decision.
        again = Pipeline(Extractor(nlp)).ingest([batch], store)
        assert (again.stored, again.unchanged) == (0, PAGES)
        assert reviewed_events(store) == edits

        # 3. Every source is read again while readers read and the analyst keeps working:
        #    an edited fact is edited again, machine facts are accepted as they come.
        with Readers(store) as readers:
            reextract = run_cli("reextract", "--all", "--db", db)
            edit_event(store.engine, actor="ana", event_id=events[0].id, edit=SECOND_EDIT)
            accepted = accept_while(store, reextract)
            output, _ = reextract.communicate(timeout=600)
        readers.check()
        assert reextract.returncode == 0, output
        assert f"{PAGES} of {PAGES} sources read again" in output
        assert accepted, "the analyst accepted facts while the re-extraction ran"

        after = reviewed_events(store)
        assert after[events[0].id] == ("Edited again", "2021-03-04", SECOND_EDIT.charges, "edited")
        assert after[events[1].id] == edits[events[1].id]
        assert {event_id: after.get(event_id, ("lost",))[3] for event_id in accepted} == {
            event_id: "accepted" for event_id in accepted
        }, "an accepted fact was replaced by the re-extraction"
        assert store.counts()["sources"] == PAGES
        assert store.integrity_check() == []


def test_an_edit_made_while_a_source_is_read_again_is_never_lost(
    tmp_path: Path, nlp, db: str
) -> None:
    """The analyst edits a machine fact just as the re-extraction starts replacing them.

    The re-extraction is paused after it has chosen the machine facts to replace
    and before it deletes any. The edit either waits for the re-extraction and is
    then refused (that fact was replaced), or it is made and then kept; on
    PostgreSQL it was once made, committed, and then deleted with the machine facts.
    """
    batch = write_batch(tmp_path / "batch", 1)
    pipeline = Pipeline(Extractor(nlp))
    with open_store(db) as store:
        pipeline.ingest([batch], store)
        target = store.case_file().events[0]
        analyst: dict[str, object] = {}

        def edit() -> None:
            try:
                edit_event(store.engine, actor="ana", event_id=target.id, edit=EDIT)
                analyst["result"] = "edited"
            except StoreError as error:
                analyst["result"] = str(error)

        editor = threading.Thread(target=edit)
        refreshing = threading.get_ident()

        def pause(conn, cursor, statement: str, *args: object) -> None:
            first_delete = statement.startswith("DELETE FROM") and not editor.ident
            if threading.get_ident() == refreshing and first_delete:
                editor.start()
                editor.join(timeout=2)  # a writer blocked behind the re-extraction waits on

        sa.event.listen(store.engine, "before_cursor_execute", pause)
        report = pipeline.reextract(store, everything=True)
        editor.join(timeout=60)

        assert (report.stored, report.failures) == (1, [])
        assert not editor.is_alive()
        kept = reviewed_events(store)
        if analyst["result"] == "edited":
            assert kept.get(target.id) == ("Edited by analyst", "2020-02", EDIT.charges, "edited")
        else:
            assert analyst["result"] == f"no event with id {target.id}"
            assert kept == {}
        assert store.integrity_check() == []
