"""Full-text search over source texts and facts."""

from __future__ import annotations

import pytest

from rightsdesk.store import Store

pytestmark = pytest.mark.usefixtures("both_reports")


def test_search_finds_facts_and_sources_with_a_marked_snippet(store: Store) -> None:
    hits = store.search("mass riots", limit=10)
    assert {hit.kind for hit in hits} == {"event", "source"}
    [event_hit] = [hit for hit in hits if hit.kind == "event"]
    [charge] = [e for e in store.case_file().events if e.type == "charge"]
    assert (event_hit.ref_id, event_hit.source_id) == (charge.id, charge.source_id)
    assert "[riots]" in event_hit.snippet


def test_search_requires_every_word_and_respects_the_limit(store: Store) -> None:
    assert store.search("Grodno sentenced", limit=10)  # only the 2022 report has both
    assert {h.source_id for h in store.search("Grodno sentenced", limit=10)} == {
        s.id for s in store.case_file().sources if s.doc_id == "report-2022"
    }
    assert len(store.search("Grodno", limit=1)) == 1
    assert store.search("Grodno penguin") == []


def test_search_finds_statements_by_actor(store: Store) -> None:
    assert "statement" in {hit.kind for hit in store.search("Rapporteur")}


@pytest.mark.parametrize("query", ["", "  ", "'\"()*:^", 'NEAR("x" AND', "riots OR -"])
def test_search_never_reads_user_input_as_query_syntax(store: Store, query: str) -> None:
    store.search(query)  # must not raise


def test_search_matches_word_forms_and_accents_on_sqlite(
    store: Store, request: pytest.FixtureRequest
) -> None:
    if "pg" in request.node.callspec.id:
        pytest.skip("PostgreSQL's english configuration does not fold accents")
    assert store.search("detain")  # "detained"
    assert store.search("Navumcyk")  # "Navumčyk"
