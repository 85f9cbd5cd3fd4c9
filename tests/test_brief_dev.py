"""Briefs from the real dev documents name only people the cited sources report as victims."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rightsdesk.brief import build_brief
from rightsdesk.extract import Extractor
from rightsdesk.pipeline import Pipeline
from rightsdesk.store import open_store


@pytest.fixture(scope="module")
def dev_store(shared_dir: Path, nlp, tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("dev") / "dev.db"))
    report = Pipeline(Extractor(nlp)).ingest([shared_dir / "eval" / "dev" / "docs"], store)
    assert not report.failures
    yield store
    store.close()


def gold_victims(shared_dir: Path) -> dict[str, list[dict]]:
    folder = shared_dir / "eval" / "dev" / "gold"
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["victims"]
        for path in folder.glob("*.json")
    }


@pytest.mark.parametrize("country", ["KZ", "RU", "BY"])
def test_every_case_in_the_brief_is_a_gold_victim_of_a_cited_source(
    dev_store, shared_dir: Path, scorer, country: str
) -> None:
    case_file = dev_store.case_file(country=country, as_of=date(2025, 1, 1))
    brief = build_brief(case_file, country=country, occasion="Review", on=date(2025, 1, 1))
    doc_of = {s.number: dev_store.source(s.source_id).doc_id for s in brief.sources}
    victims = gold_victims(shared_dir)
    assert brief.cases, f"no case to raise for {country}"
    for case in brief.cases:
        facts = [case.status, *(entry.fact for entry in case.timeline)]
        cited = {doc_of[c.number] for fact in facts for c in fact.citations}
        assert any(
            scorer.person_matches(case.name, victim) for doc in cited for victim in victims[doc]
        ), f"{case.name} is not a gold victim of {sorted(cited)}"


def test_the_visit_brief_puts_kozlov_first_with_the_hearing_that_coincides(dev_store) -> None:
    on = date(2013, 6, 30)
    case_file = dev_store.case_file(country="KZ", as_of=on)
    brief = build_brief(case_file, country="KZ", occasion="Prime Minister's visit", on=on)
    first = brief.cases[0]
    assert first.name == "Vladimir Kozlov"
    assert first.urgency is not None and "Supreme Court hearing" in first.urgency.text


def test_upcoming_from_before_the_announcement_lists_the_hearing(dev_store) -> None:
    from typer.testing import CliRunner

    from rightsdesk.cli import app

    path = dev_store.engine.url.database
    result = CliRunner().invoke(app, ["upcoming", "--country", "KZ", "--date", "2013-06-25",
                                      "--db", path])
    assert result.exit_code == 0, result.output
    assert "Supreme Court hearing" in result.output and "Vladimir Kozlov" in result.output
