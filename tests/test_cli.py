"""The command line end to end: sample corpus in, case record and exports out.

Commands that use a store run on a SQLite file, and on a PostgreSQL database
too when RIGHTSDESK_TEST_PG is set (tests/backends.py).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from backends import BACKENDS, copy_store, drop_copies, fresh_store_url
from typer.testing import CliRunner

from rightsdesk.cli import app
from rightsdesk.sample import corpus_dir
from rightsdesk.store import open_store

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def sample_db(backend: str, tmp_path_factory) -> Iterator[str]:
    """The sample corpus ingested once per backend; tests that change it use a copy."""
    with fresh_store_url(backend, tmp_path_factory.mktemp("cli")) as db:
        result = invoke("ingest", str(corpus_dir()), "--db", db)
        assert result.exit_code == 0, result.output
        yield db


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty store of the module's backend."""
    with fresh_store_url(backend, tmp_path) as db:
        yield db


@pytest.fixture
def copy_of(tmp_path: Path) -> Iterator[Callable[[str, str], str]]:
    """Copies of a store (a file, or a database made from it), dropped afterwards."""
    made: list[str] = []

    def copy(db: str, name: str) -> str:
        made.append(copy_store(db, tmp_path, name))
        return made[-1]

    yield copy
    drop_copies(*made)


def store_counts(db: str) -> dict[str, int]:
    with open_store(db) as store:
        return store.counts()


def test_ingest_stores_the_sample_cases(sample_db: str) -> None:
    counts = store_counts(sample_db)
    assert counts["sources"] == len(list(corpus_dir().glob("*.meta.json")))
    with open_store(sample_db) as store:
        kozlov = store.find_persons("Vladimir Kozlov")
        assert len(kozlov) == 1
        types = {e.type for e in store.timeline(kozlov[0].id)}
    assert {"sentence", "release"} <= types


def test_reingesting_the_same_directory_changes_nothing(sample_db: str, copy_of) -> None:
    before = store_counts(sample_db)
    copy = copy_of(sample_db, "before")
    result = invoke("ingest", str(corpus_dir()), "--db", sample_db)
    assert result.exit_code == 0
    assert "0 stored" in result.output
    assert store_counts(sample_db) == before == store_counts(copy)


def test_bad_files_are_named_and_the_good_ones_stored(tmp_path: Path, fresh_db: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(corpus_dir() / "kz-kharlamov-arrested-2013-03.html", docs / "good.html")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.html").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (docs / "broken.txt").write_bytes("Суд приговорил ".encode() + b"\xc3\x28 activist")
    result = runner.invoke(app, ["ingest", str(docs), "--db", fresh_db])
    assert result.exit_code == 1
    for name in ("empty.txt", "binary.html", "broken.txt"):
        assert name in result.output
    assert "good.html" not in result.output
    assert store_counts(fresh_db)["sources"] == 1


def test_failed_batch_loses_nothing_already_stored(sample_db: str, copy_of, tmp_path: Path) -> None:
    db = copy_of(sample_db, "kept")
    before = store_counts(db)
    (tmp_path / "junk.txt").write_bytes(b"\x00" * 100)
    result = runner.invoke(app, ["ingest", str(tmp_path / "junk.txt"), "--db", db])
    assert result.exit_code == 1 and "junk.txt" in result.output
    assert store_counts(db) == before


def test_cases_lists_people_with_status(sample_db: str) -> None:
    result = invoke("cases", "--db", sample_db, "--country", "KZ")
    assert result.exit_code == 0
    assert "Kozlov" in result.output and "released" in result.output
    assert "Tolokonnikova" not in result.output


def test_case_prints_timeline_with_evidence(sample_db: str) -> None:
    result = invoke("case", "Kozlov", "--db", sample_db)
    assert result.exit_code == 0
    assert "sentence" in result.output and "news.example.org" in result.output


def test_unknown_case_says_what_to_do(sample_db: str) -> None:
    result = runner.invoke(app, ["case", "Nobody Atall", "--db", sample_db])
    assert result.exit_code == 2 and "rightsdesk cases" in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_export_writes_one_row_per_event(sample_db: str, fmt: str) -> None:
    result = invoke("export", "--db", sample_db, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "jsonl":
        rows = [json.loads(line) for line in result.output.splitlines()]
    elif fmt == "json":
        rows = json.loads(result.output)
    else:
        rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == store_counts(sample_db)["events"]
    assert all(row["evidence_sentence"] for row in rows)


def test_extract_writes_the_evaluation_format(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    result = invoke("extract", str(corpus_dir()), "--out", str(out))
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["doc_id"] for r in records} == {
        p.name.removesuffix(".meta.json") for p in corpus_dir().glob("*.meta.json")
    }
    ids = {p["id"] for r in records for p in r["persons"]}
    for record in records:
        for event in record["events"]:
            assert set(event["persons"]) <= ids and event["evidence"]
    kozlov_ids = {p["id"] for r in records for p in r["persons"] if "Kozlov" in p["name"]}
    assert len(kozlov_ids) == 1  # one person across documents


def test_brief_is_written_with_footnotes(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "kz.md"
    args = ["brief", "--country", "KZ", "--occasion", "Ministerial visit", "--date", "2016-12-31"]
    result = invoke(*args, "--db", sample_db, "--out", str(out))
    assert result.exit_code == 0
    text = out.read_text()
    assert "Ministerial visit" in text and "Kozlov" in text and "[1]" in text


def test_clean_writes_the_benchmark_prediction_format(tmp_path: Path) -> None:
    out = tmp_path / "clean.json"
    page = corpus_dir() / "kz-kharlamov-arrested-2013-03.html"
    result = invoke("clean", str(page), "--out", str(out))
    assert result.exit_code == 0
    texts = json.loads(out.read_text())
    assert list(texts) == ["kz-kharlamov-arrested-2013-03"]
    assert "Kharlamov" in texts["kz-kharlamov-arrested-2013-03"]


def test_clean_reads_titles_and_dates_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "clean.json"
    page = corpus_dir() / "kz-kharlamov-arrested-2013-03.html"
    assert invoke("clean", str(page), "--metadata", "--out", str(out)).exit_code == 0
    found = json.loads(out.read_text())["kz-kharlamov-arrested-2013-03"]
    assert "Kharlamov" in found["text"] and found["title"]


def test_clean_in_workers_keeps_input_order_and_reports_failures(tmp_path: Path) -> None:
    from rightsdesk.reading import PARALLEL_MIN_FILES

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(PARALLEL_MIN_FILES + 2):
        prose = f"Page {n} says that the court heard the appeal of the defendant. " * 8
        (pages / f"p{n:03}.html").write_text(f"<html><body><p>{prose}</p></body></html>")
    (pages / "p999.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    texts = {}
    for workers in ("1", "2"):
        out = tmp_path / f"clean-{workers}.json"
        result = invoke("clean", str(pages), "--out", str(out), "--workers", workers)
        assert result.exit_code == 1 and "p999.html" in result.output
        texts[workers] = json.loads(out.read_text())
    assert list(texts["2"]) == [f"p{n:03}" for n in range(PARALLEL_MIN_FILES + 2)]
    assert texts["2"] == texts["1"]


def test_clean_starts_without_the_parser() -> None:
    import subprocess
    import sys

    code = ("import sys; from rightsdesk.cli import app; from rightsdesk import reading; "
            "print('spacy' in sys.modules)")
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert printed == "False"


def test_user_add_then_digest(sample_db: str, copy_of) -> None:
    db = copy_of(sample_db, "desk")
    result = invoke("user", "add", "ana", "--role", "analyst", "--db", db,
                    "--password", "correct horse battery staple")
    assert result.exit_code == 0 and "analyst" in result.output
    bad = runner.invoke(app, ["user", "add", "bob", "--role", "emperor", "--db", db,
                              "--password", "correct horse battery staple"])
    assert bad.exit_code != 0
    digest = invoke("digest", "--since", "2000-01-01", "--db", db)
    assert digest.exit_code == 0 and "Kozlov" in digest.output
    later = invoke("digest", "--since", "2999-01-01", "--db", db)
    assert later.output.strip() == "Nothing new."


def test_second_factor_required_of_roles_and_reset(sample_db: str, copy_of) -> None:
    from rightsdesk.store.accounts import Accounts, find_user
    from rightsdesk.store.second_factor import SecondFactor

    db = copy_of(sample_db, "totp")
    invoke("user", "add", "ana", "--role", "analyst", "--db", db,
           "--password", "correct horse battery staple")
    result = invoke("user", "require-second-factor", "analyst", "admin", "--db", db)
    assert result.exit_code == 0 and "admin, analyst" in result.output
    with open_store(db) as store:
        second_factor = SecondFactor(store.engine, Accounts(store.engine))
        ana = find_user(store.engine, "ana")
        assert second_factor.stage_after_password(ana) == "enrol"
        second_factor.enrolment(ana)
        with store.engine.begin() as conn:  # as if ana had confirmed a code
            conn.exec_driver_sql("UPDATE users SET totp_enabled = true")
        assert second_factor.stage_after_password(ana) == "code"
    assert invoke("user", "reset-second-factor", "ana", "--db", db).exit_code == 0
    with open_store(db) as store:
        ana = find_user(store.engine, "ana")
        assert SecondFactor(store.engine, Accounts(store.engine)).stage_after_password(
            ana) == "enrol"
    unknown = runner.invoke(app, ["user", "require-second-factor", "emperor", "--db", db])
    assert unknown.exit_code != 0
    assert invoke("user", "require-second-factor", "--db", db).output.strip().endswith("nobody")


def test_team_commands_wall_a_country_off(sample_db: str, copy_of) -> None:
    from rightsdesk.store.accounts import find_user
    from rightsdesk.store.teams import Teams

    db = copy_of(sample_db, "teams")
    invoke("user", "add", "ana", "--role", "analyst", "--db", db,
           "--password", "correct horse battery staple")
    for args in (("add", "central-asia"), ("grant", "central-asia", "kz"),
                 ("add-member", "central-asia", "ana")):
        assert invoke("team", *args, "--db", db).exit_code == 0
    listed = invoke("team", "list", "--db", db).output
    assert "central-asia" in listed and "KZ" in listed and "ana" in listed
    with open_store(db) as store:
        walls = Teams(store.engine).walls()
        assert walls.shut_for(None) == {"KZ"}
        assert walls.shut_for(find_user(store.engine, "ana")) == set()
    unknown = runner.invoke(app, ["team", "grant", "nobody", "KZ", "--db", db])
    assert unknown.exit_code != 0 and "no team 'nobody'" in str(unknown.exception)
    assert invoke("team", "revoke", "central-asia", "KZ", "--db", db).exit_code == 0
    with open_store(db) as store:
        assert Teams(store.engine).walls().shut_for(None) == set()


def test_export_withholds_confidential_people(sample_db: str, copy_of) -> None:
    db = copy_of(sample_db, "secret")
    with open_store(db) as store:
        [kozlov] = store.find_persons("Vladimir Kozlov")
        store.set_confidential(kozlov.id)
    result = invoke("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0 and "Kozlov" not in result.output


def test_occasion_added_by_hand_is_upcoming(sample_db: str, copy_of) -> None:
    db = copy_of(sample_db, "occ")
    hearing = (date.today() + timedelta(days=10)).isoformat()
    result = invoke(
        "occasion", "add", "--type", "hearing", "--date", hearing, "--country", "KZ",
        "--description", "Appeal hearing for Bokayev", "--note", "Told by his lawyer by phone.",
        "--person", "Max Bokayev", "--db", db,
    )
    assert result.exit_code == 0, result.output
    ahead = invoke("upcoming", "--country", "KZ", "--db", db)
    assert "Appeal hearing for Bokayev" in ahead.output and "Max Bokayev" in ahead.output
    assert "Appeal hearing" not in invoke("upcoming", "--days", "5", "--db", db).output
