"""The `rightsdesk` command: thin commands over the pipeline and the store.

Each command parses its options, opens what it needs, calls one library
function and prints the result. Errors name the input and say what to do.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from rightsdesk.config import DEFAULT_DB
from rightsdesk.errors import RightsdeskError, UnknownPerson
from rightsdesk.ingest import list_inputs
from rightsdesk.model import CaseFile, CleanDoc, EventRecord, PersonRecord
from rightsdesk.status import case_status, earliest_day, latest_day

if TYPE_CHECKING:
    from rightsdesk.reading import Failure
    from rightsdesk.store import Store
    from rightsdesk.store.second_factor import SecondFactor
    from rightsdesk.store.teams import Teams

# The stages are imported by the commands that use them: `rightsdesk clean` needs no
# parser, `extract` no web stack, and each command starts in the time its work needs.

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="RIGHTSDESK_DB", help="Store: a SQLite file or a database URL."),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none."),
]
Paths = Annotated[list[Path], typer.Argument(help="Files or directories (read recursively).")]
UserArgument = Annotated[str, typer.Argument(help="Login name.")]


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


@contextmanager
def progress_bar(total: int, label: str) -> Iterator:
    """A progress bar on stderr; yields a callback that advances it by one file."""
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=total < 2) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _path: bar.advance(task)


def report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        err.print(f"[red]error[/red] {failure}", markup=True, highlight=False, soft_wrap=True)


def report_unread(unread: Counter[str]) -> None:
    """A note, not an error: documents in languages rightsdesk does not read yet."""
    if unread:
        counts = ", ".join(f"{language}: {n}" for language, n in sorted(unread.items()))
        err.print(f"Note: {sum(unread.values())} documents kept without extraction, in "
                  f"languages other than English and Russian ({counts})")


@contextmanager
def opened_store(db: str) -> Iterator[Store]:
    from rightsdesk.store import open_store

    try:
        store = open_store(db)
    except RightsdeskError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    try:
        yield store
    finally:
        store.close()


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = DEFAULT_DB,
    published: PublishedOption = None,
    engine: Annotated[Engine, typer.Option(help="local: this machine; dask: a cluster.")] = (
        Engine.local
    ),
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address, e.g. tcp://HOST:8786.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per core).")
    ] = None,
) -> None:
    """Read, clean and extract the inputs (files, directories, PDFs, WARC archives) into the store.

    Re-ingesting the same content adds nothing. Facts read from a PDF keep their page.

    Example: rightsdesk ingest pages/ report.pdf crawl.warc.gz --db cases.db
    """
    from rightsdesk.pipeline import Pipeline
    from rightsdesk.scale import run_dask_ingest

    day = parse_day(published, "--published")
    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    started = time.perf_counter()
    with progress_bar(len(list_inputs(paths)), "ingest") as advance:
        if engine is Engine.dask:
            report = run_dask_ingest(
                paths, db, scheduler=scheduler, workers=workers, progress=advance, published=day
            )
        else:
            with opened_store(db) as store:
                pipeline = Pipeline.load(workers=workers)
                report = pipeline.ingest(paths, store, published=day, progress=advance)
    seconds = time.perf_counter() - started
    report_failures(report.failures)
    report_unread(report.unread)
    out.print(
        f"{report.files} files: {report.stored} stored, {report.unchanged} already in the store, "
        f"{len(report.failures)} failed ({seconds:.1f} s) -> {db}"
    )
    if report.failures:
        raise typer.Exit(1)


@app.command()
def reextract(
    db: DbOption = DEFAULT_DB,
    everything: Annotated[
        bool, typer.Option("--all", help="Every source, not only those read by older versions.")
    ] = False,
) -> None:
    """Read stored sources again with the current extractor; analysts' decisions are kept.

    Example: rightsdesk reextract --db cases.db
    """
    from rightsdesk.extract import EXTRACTOR_VERSION
    from rightsdesk.pipeline import Pipeline

    pipeline = Pipeline.load(workers=1)
    with opened_store(db) as store:
        todo = len(store.stale_sources("" if everything else EXTRACTOR_VERSION))
        with progress_bar(todo, "re-extract") as advance:
            report = pipeline.reextract(store, everything=everything, progress=advance)
    report_failures(report.failures)
    out.print(f"{report.stored} of {report.files} sources read again by {EXTRACTOR_VERSION}")
    if report.failures:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Paths,
    out_file: Annotated[Path, typer.Option("--out", help="Prediction file (JSON Lines).")],
    published: PublishedOption = None,
) -> None:
    """Extract facts without a store, in the evaluation format of GUIDELINES.md.

    Example: rightsdesk extract ../shared/eval/dev/docs --out predictions.jsonl
    """
    from rightsdesk.pipeline import Pipeline, unread_languages, write_predictions

    day = parse_day(published, "--published")
    loading = time.perf_counter()
    pipeline = Pipeline.load()
    started = time.perf_counter()
    with progress_bar(len(list_inputs(paths)), "extract") as advance:
        extractions, resolution, failures = pipeline.extract(paths, published=day, progress=advance)
    count = write_predictions(out_file, extractions, resolution)
    seconds = time.perf_counter() - started
    report_failures(failures)
    report_unread(unread_languages(extractions))
    err.print(f"{count} documents -> {out_file} ({count / max(seconds, 1e-9):.1f} docs/s; "
              f"{started - loading:.1f} s more to load the models)")
    if failures:
        raise typer.Exit(1)


@app.command()
def clean(
    paths: Paths,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write {doc_id: text} as JSON.")
    ] = None,
    metadata: Annotated[
        bool, typer.Option("--metadata", help="Also read each page's title and date.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per core).")
    ] = None,
) -> None:
    """Print (or write with --out) the main text of each page or dump.

    Example: rightsdesk clean page.html
    """
    from rightsdesk.reading import available_cores, clean_files

    failures: list[Failure] = []
    files = list_inputs(paths)
    docs = list(clean_files(files, failures, workers=workers or available_cores(),
                            metadata=metadata))
    report_failures(failures)
    if out_file:
        found = {doc.source.doc_id: _cleaned(doc, metadata) for doc in docs}
        out_file.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    else:
        for doc in docs:
            heading = f"# {doc.source.doc_id}"
            if metadata:
                heading += f" | {doc.title or ''} | {doc.published or ''}"
            out.print(f"{heading}\n{doc.text}\n", markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


def _cleaned(doc: CleanDoc, metadata: bool) -> str | dict[str, str | None]:
    """A page's main text; with its title and date when `--metadata` asked for them."""
    if not metadata:
        return doc.text
    published = doc.published.isoformat() if doc.published else None
    return {"text": doc.text, "title": doc.title, "published": published, "url": doc.url}


@app.command()
def cases(
    db: DbOption = DEFAULT_DB,
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. KZ.")] = None,
    status: Annotated[str | None, typer.Option(help="Stage: sentenced, released...")] = None,
) -> None:
    """List the people in the record with the current stage of their case."""
    with opened_store(db) as store:
        case_file = store.case_file(country=country and country.upper())
    table = Table("person", "country", "status", "since", "charges", "sentence", "events")
    today = date.today()
    events_of = events_by_person(case_file)
    for person in sorted(case_file.persons, key=lambda p: p.name):
        events = events_of.get(person.id, [])
        state = case_status(events, as_of=today)
        if status and (state.stage or "") != status:
            continue
        table.add_row(
            person.name,
            person.country or "",
            state.stage or "",
            state.since or "",
            "; ".join(state.charges),
            format_months(state.sentence_months),
            str(len(events)),
        )
    out.print(table)


def events_by_person(case_file: CaseFile) -> dict[str, list[EventRecord]]:
    grouped: dict[str, list[EventRecord]] = {}
    for event in case_file.events:
        grouped.setdefault(event.person_id, []).append(event)
    return grouped


def format_months(months: float | None) -> str:
    if months is None:
        return ""
    years, rest = divmod(months, 12)
    parts = [f"{years:g} y" if years else "", f"{rest:g} m" if rest else ""]
    return " ".join(p for p in parts if p)


@app.command()
def case(
    name: Annotated[str, typer.Argument(help="A person's name, alias or id.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """One person's timeline, each event with its source and evidence sentence."""
    with opened_store(db) as store:
        person = find_one_person(store, name)
        events = store.timeline(person.id)
        sources = {e.source_id: store.source(e.source_id) for e in events}
    state = case_status(events, as_of=date.today())
    heading = f"[bold]{person.name}[/bold]  ({person.country or '?'})"
    out.print(f"{heading}  status: {state.stage or '?'}")
    if person.aliases:
        out.print(f"also written: {', '.join(person.aliases)}", highlight=False)
    for event in events:
        print_event(event, sources[event.source_id].url or sources[event.source_id].doc_id)


def find_one_person(store: Store, name: str) -> PersonRecord:
    try:
        return store.person(name)
    except UnknownPerson:
        pass
    matches = store.find_persons(name)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        err.print(f"[red]error[/red] no person matches {name!r}; see `rightsdesk cases`")
    else:
        names = ", ".join(f"{p.name} ({p.id})" for p in matches)
        err.print(f"[red]error[/red] {name!r} matches several people: {names}; give the id")
    raise typer.Exit(2)


def print_event(event: EventRecord, where: str) -> None:
    details = [event.date or "undated", event.type]
    if event.place:
        details.append(f"in {event.place}")
    if event.charges:
        details.append("charges: " + "; ".join(event.charges))
    if event.sentence_months is not None:
        details.append(f"term: {format_months(event.sentence_months)}")
    out.print("  " + " | ".join(details), highlight=False, markup=False)
    quote = f"      \u201c{event.evidence.sentence}\u201d  [{where}]"
    out.print(quote, highlight=False, markup=False)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or json.")] = "jsonl",
    out_file: Annotated[Path | None, typer.Option("--out", help="File (default: stdout).")] = None,
) -> None:
    """Export one row per event, with person, source and evidence.

    An export leaves the desk: confidential people and facts are withheld, rejected
    facts are left out.
    """
    from rightsdesk.store import export_rows
    from rightsdesk.web import public_case_file

    if fmt not in ("jsonl", "csv", "json"):
        raise typer.BadParameter("use jsonl, csv or json", param_hint="--format")
    with opened_store(db) as store:
        rows = export_rows(public_case_file(store))
    stream = out_file.open("w", encoding="utf-8", newline="") if out_file else sys.stdout
    try:
        write_rows(rows, fmt, stream)
    finally:
        if out_file:
            stream.close()


def write_rows(rows: list[dict], fmt: str, stream) -> None:
    from rightsdesk.store import EXPORT_FIELDS

    if fmt == "json":
        json.dump(rows, stream, ensure_ascii=False, indent=1)
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS)
        writer.writeheader()
        writer.writerows(rows)


@app.command()
def brief(
    country: Annotated[str, typer.Option(help="ISO country code, e.g. KZ.")],
    occasion: Annotated[str, typer.Option(help='What it is for, e.g. "PM visit to Astana".')],
    on: Annotated[str, typer.Option("--date", help="As of YYYY-MM-DD: later facts are left out.")],
    fmt: Annotated[str, typer.Option("--format", help="md, html, docx or pdf.")] = "md",
    out_file: Annotated[
        Path | None, typer.Option("--out", help="File (md/html default: stdout).")
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0,
                     help="Leave out machine-read facts weighed under this probability."),
    ] = 0.0,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a briefing for an occasion: cases to raise, record of concern, asks, sources.

    Example: rightsdesk brief --country KZ --occasion "PM visit" --date 2013-06-30
    --format pdf --out kz.pdf
    """
    from rightsdesk.brief import FORMATS, build_brief, render
    from rightsdesk.web import public_case_file

    day = parse_day(on, "--date")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if out_file is None and fmt in ("docx", "pdf"):
        out_file = Path(f"brief-{country.lower()}-{day}.{fmt}")
    with opened_store(db) as store:
        case_file = public_case_file(store, country.upper(), day)
    brief_ = build_brief(case_file, country=country.upper(), occasion=occasion, on=day,
                         min_confidence=min_confidence)
    document = render(brief_, fmt)
    if out_file is None:
        out.print(document, markup=False, highlight=False, soft_wrap=True)
        return
    if isinstance(document, str):
        out_file.write_text(document, encoding="utf-8")
    else:
        out_file.write_bytes(document)
    err.print(f"brief written to {out_file}")


@app.command()
def upcoming(
    days: Annotated[int, typer.Option(help="How far ahead to look.")] = 30,
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. KZ.")] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="From YYYY-MM-DD (default today).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Occasions ahead (hearings, trials, visits, reviews) with the sentence they come from."""
    start = parse_day(on, "--date") or date.today()
    with opened_store(db) as store:
        # what is known now of the days ahead of `start`, however late it was announced
        case_file = store.case_file(country=country and country.upper())
    names = {p.id: p.name for p in case_file.persons}
    table = Table("date", "type", "occasion", "about")
    for occasion in sorted(case_file.occasions, key=lambda o: o.date or ""):
        if occasion.date and within_days(occasion.date, start, days):
            about = ", ".join(names.get(pid, pid) for pid in occasion.person_ids)
            table.add_row(occasion.date, occasion.type, occasion.description, about)
    out.print(table)


@app.command(name="serve")
def serve_desk(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    secure_cookies: Annotated[
        bool, typer.Option(help="Mark cookies Secure (set when a TLS proxy fronts the desk).")
    ] = False,
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(help="Proxies whose X-Forwarded-For is believed, e.g. 127.0.0.1 "
                          "(default: none; the connection's address counts)."),
    ] = None,
) -> None:
    """Run the web desk (review, search, timelines, briefings) for a team.

    Example: rightsdesk user add ana --role analyst; rightsdesk serve --db cases.db
    """
    from rightsdesk.web import serve

    serve(db, host, port, secure_cookies=secure_cookies, forwarded_allow_ips=forwarded_allow_ips)


user_app = typer.Typer(help="Web desk accounts.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    username: UserArgument,
    role: Annotated[str, typer.Option(help="admin, analyst or viewer.")] = "viewer",
    password: Annotated[
        str,
        typer.Option(
            prompt=True, hide_input=True, confirmation_prompt=True, help="Asked for if not given."
        ),
    ] = "",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add a web desk user (the password is asked for and stored as an argon2 hash)."""
    from rightsdesk.web import add_user

    with opened_store(db) as store:
        add_user(store, username, password, role)
    out.print(f"user {username} added as {role}")


@user_app.command("require-second-factor")
def user_require_second_factor(
    roles: Annotated[
        list[str] | None,
        typer.Argument(help="Roles that must sign in with a code (none: nobody must)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Make roles sign in with a TOTP code; their users without one enrol at next login.

    Example: rightsdesk user require-second-factor analyst admin --db cases.db
    """
    with opened_store(db) as store:
        required = second_factor_of(store).require(roles or ())
    out.print("second factor required of: " + (", ".join(sorted(required)) or "nobody"))


@user_app.command("reset-second-factor")
def user_reset_second_factor(
    username: Annotated[str, typer.Argument(help="Login name (a lost phone).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Remove a user's second factor and end their sessions; they enrol again at next login."""
    with opened_store(db) as store:
        second_factor_of(store).reset(username)
    out.print(f"second factor of {username} removed")


def second_factor_of(store: Store) -> SecondFactor:
    from rightsdesk.store.accounts import Accounts
    from rightsdesk.store.second_factor import SecondFactor

    return SecondFactor(store.engine, Accounts(store.engine))


team_app = typer.Typer(
    help="Teams: a country granted to a team is seen only by its members (and admins).",
    no_args_is_help=True,
)
app.add_typer(team_app, name="team")
TeamArgument = Annotated[str, typer.Argument(help="Team name.")]
Actor = Annotated[str, typer.Option("--by", help="Who makes the change (audit trail).")]


def teams_of(store: Store) -> Teams:
    from rightsdesk.store.teams import Teams

    return Teams(store.engine)


@team_app.command("list")
def team_list(db: DbOption = DEFAULT_DB) -> None:
    """Teams with their countries and members."""
    with opened_store(db) as store:
        teams = teams_of(store).teams()
    table = Table("team", "countries", "members")
    for team in teams:
        table.add_row(team.name, ", ".join(team.countries) or "-", ", ".join(team.members) or "-")
    out.print(table if teams else "No teams: every reader sees every country.")


@team_app.command("add")
def team_add(name: TeamArgument, db: DbOption = DEFAULT_DB, by: Actor = "cli") -> None:
    """Create a team (it walls nothing off until a country is granted to it)."""
    with opened_store(db) as store:
        teams_of(store).add_team(name, actor=by)
    out.print(f"team {name} added", markup=False)


@team_app.command("remove")
def team_remove(name: TeamArgument, db: DbOption = DEFAULT_DB, by: Actor = "cli") -> None:
    """Remove a team; its countries open to everyone unless another team holds them."""
    with opened_store(db) as store:
        teams_of(store).remove_team(name, actor=by)
    out.print(f"team {name} removed", markup=False)


@team_app.command("add-member")
def team_add_member(
    name: TeamArgument,
    username: UserArgument,
    db: DbOption = DEFAULT_DB,
    by: Actor = "cli",
) -> None:
    """Let a user see the team's countries."""
    with opened_store(db) as store:
        teams_of(store).add_member(name, username, actor=by)
    out.print(f"{username} is in team {name}", markup=False)


@team_app.command("remove-member")
def team_remove_member(
    name: TeamArgument,
    username: UserArgument,
    db: DbOption = DEFAULT_DB,
    by: Actor = "cli",
) -> None:
    """Stop a user seeing the team's countries (at their next request)."""
    with opened_store(db) as store:
        teams_of(store).remove_member(name, username, actor=by)
    out.print(f"{username} is no longer in team {name}", markup=False)


@team_app.command("grant")
def team_grant(
    name: TeamArgument,
    country: Annotated[str, typer.Argument(help="Two-letter country code, e.g. KZ.")],
    db: DbOption = DEFAULT_DB,
    by: Actor = "cli",
) -> None:
    """Wall a country off to this team: from now on only its members (and admins) see it.

    Example: rightsdesk team add central-asia; rightsdesk team grant central-asia KZ;
    rightsdesk team add-member central-asia ana
    """
    with opened_store(db) as store:
        teams_of(store).grant(name, country, actor=by)
    out.print(f"{country.upper()} granted to team {name}", markup=False)


@team_app.command("revoke")
def team_revoke(
    name: TeamArgument,
    country: Annotated[str, typer.Argument(help="Two-letter country code.")],
    db: DbOption = DEFAULT_DB,
    by: Actor = "cli",
) -> None:
    """Take a country from a team; it opens to everyone unless another team holds it."""
    with opened_store(db) as store:
        teams_of(store).revoke(name, country, actor=by)
    out.print(f"{country.upper()} no longer granted to team {name}", markup=False)


@app.command()
def digest(
    since: Annotated[str, typer.Option(help="Changes stored after YYYY-MM-DD.")],
    user: Annotated[str | None, typer.Option(help="Only what this user follows.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """What changed since a date (new arrests, charges, sentences, releases, hearings)."""
    from rightsdesk.web import changes_since, digest_text

    day = parse_day(since, "--since")
    with opened_store(db) as store:
        text = digest_text(changes_since(store, day, user))
    out.print(text, markup=False, highlight=False, soft_wrap=True)


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="Backup file to write (replaced if it exists).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Copy the case store into one file; safe while the desk and an ingest are running.

    Example: rightsdesk backup cases-2024-05-01.bak --db cases.db
    """
    from rightsdesk.store import backup as store_backup

    try:
        store_backup.backup(db, file)
    except RightsdeskError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    err.print(f"backup of {db} written to {file}")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `rightsdesk backup`.")],
    db: DbOption = DEFAULT_DB,
    replace: Annotated[
        bool, typer.Option(help="Overwrite a store that already holds sources.")
    ] = False,
) -> None:
    """Put a backup back into the case store (stop the desk and ingests first).

    Example: rightsdesk restore cases-2024-05-01.bak --db cases.db --replace
    """
    from rightsdesk.store import backup as store_backup

    try:
        store_backup.restore(file, db, replace=replace)
    except RightsdeskError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    err.print(f"{db} restored from {file}")


occasion_app = typer.Typer(help="Hearings, trials, visits, reviews.", no_args_is_help=True)
app.add_typer(occasion_app, name="occasion")


@occasion_app.command("add")
def occasion_add(
    kind: Annotated[str, typer.Option("--type", help="visit, hearing, trial, review, summit...")],
    on: Annotated[str, typer.Option("--date", help="YYYY-MM-DD (or YYYY-MM).")],
    description: Annotated[str, typer.Option(help="What it is, in a line.")],
    country: Annotated[str, typer.Option(help="ISO country code, e.g. KZ.")],
    note: Annotated[str, typer.Option(help="How you know (the evidence), e.g. a call.")],
    person: Annotated[list[str] | None, typer.Option(help="Person id (repeatable).")] = None,
    analyst: Annotated[str, typer.Option(help="Who adds it (audit trail).")] = "cli",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add an occasion known from outside the corpus; your note is stored as its source.

    Example: rightsdesk occasion add --type hearing --date 2013-07-02 --country KZ
    --description "Supreme Court hearing on Kozlov" --note "Lawyer by phone, 28 June"
    --person kozlov-vladimir
    """
    from rightsdesk.store.review import (
        ManualOccasion,
        ManualSource,
        add_manual_occasion,
        add_manual_source,
    )

    with opened_store(db) as store:
        persons = [find_one_person(store, p).id for p in person or []]
        source = ManualSource(title=description, text=note, country=country)
        source_id = add_manual_source(store.engine, actor=analyst, source=source)
        occasion = ManualOccasion(
            source_id=source_id, type=kind, description=description, date=on, person_ids=persons
        )
        add_manual_occasion(store.engine, actor=analyst, occasion=occasion)
    out.print(f"occasion added: {on} {kind} - {description}", markup=False)


def within_days(value: str, start: date, days: int) -> bool:
    """Whether a partial date can fall within `days` after `start` (a month counts whole)."""
    return latest_day(value) >= start and (earliest_day(value) - start).days <= days


@app.command()
def demo(
    db: Annotated[
        Path | None, typer.Option("--db", help="Where to keep the demo store (default: temp).")
    ] = None,
    brief_dir: Annotated[Path, typer.Option(help="Where to write the demo brief.")] = Path("out"),
) -> None:
    """Ingest the bundled sample corpus into a fresh store; show cases, a timeline, a brief."""
    from rightsdesk.sample import corpus_dir

    workdir = Path(tempfile.mkdtemp(prefix="rightsdesk-demo-"))
    target = db or workdir / "demo.db"
    target.unlink(missing_ok=True)
    try:
        ingest([corpus_dir()], db=str(target), published=None)
        cases(db=str(target), country=None, status=None)
        with opened_store(str(target)) as store:
            case_file = store.case_file()
        events_of = events_by_person(case_file)
        longest = max(case_file.persons, key=lambda p: len(events_of.get(p.id, [])))
        latest = max(s.published for s in case_file.sources if s.published)
        case(longest.id, db=str(target))
        brief_dir.mkdir(parents=True, exist_ok=True)
        country = longest.country or "KZ"
        out_file = brief_dir / f"demo-brief-{country.lower()}.html"
        brief(country, "Sample briefing", latest.isoformat(), "html", out_file, db=str(target))
        out.print(f"demo brief: {out_file.resolve()}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    """Entry point that keeps tracebacks for bugs and one line for our own errors."""
    try:
        app()
    except RightsdeskError as exc:
        err.print(f"[red]error[/red] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
