"""A brief from a store of 10,000 sources is built in well under two seconds."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from rightsdesk.brief import build_brief, render
from rightsdesk.model import (
    CaseFile,
    EventRecord,
    Evidence,
    OccasionRecord,
    PersonRecord,
    SourceRecord,
    StatementRecord,
)

ON = date(2013, 6, 30)
STEPS = ("arrest", "charge", "trial", "sentence")


def large_case_file(n_sources: int = 10_000, n_persons: int = 2_500) -> CaseFile:
    """Each person reported by four sources, one step of the process each."""
    first = ON - timedelta(days=n_sources // 10)
    sources = [
        SourceRecord(
            i,
            f"doc-{i}",
            f"h{i}",
            url=f"https://example.org/{i}",
            title=f"Report {i}",
            published=first + timedelta(days=i // 10),
            country="KZ",
        )
        for i in range(n_sources)
    ]
    persons = [PersonRecord(f"p{i}", f"Person Number{i}", country="KZ") for i in range(n_persons)]
    events = []
    for i, source in enumerate(sources):
        person, step = i % n_persons, STEPS[(i // n_persons) % 4]
        day = (source.published or ON).isoformat()
        sentence = f"Person Number{person} was {step}ed on {day} for an online post."
        events.append(
            EventRecord(
                i,
                f"p{person}",
                source.id,
                step,
                Evidence("h", 0, 1, sentence),
                date=day,
                charges=["insulting the president"] if step == "charge" else [],
                sentence_months=36 if step == "sentence" else None,
            )
        )
    statements = [
        StatementRecord(
            i,
            i * 10,
            f"Body {i % 40}",
            Evidence("h", 0, 1, f"Body {i} spoke."),
            date=(sources[i * 10].published or ON).isoformat(),
        )
        for i in range(n_sources // 10)
    ]
    occasions = [
        OccasionRecord(
            i,
            n_sources - 1 - i,
            "hearing",
            f"Hearing of Person Number{i}",
            Evidence("h", 0, 1, f"Person Number{i} will be heard."),
            date=(ON + timedelta(days=i % 60)).isoformat(),
            person_ids=[f"p{i}"],
        )
        for i in range(100)
    ]
    return CaseFile("KZ", sources, persons, events, statements, occasions)


@pytest.mark.slow
def test_brief_of_ten_thousand_sources_takes_under_two_seconds():
    case_file = large_case_file()
    # CPU time, not wall time: the machines that run the tests are shared.
    started = time.process_time()
    brief = build_brief(case_file, country="KZ", occasion="Visit", on=ON)
    elapsed = time.process_time() - started
    assert len(brief.cases) == 2_500
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert render(brief, "md")
