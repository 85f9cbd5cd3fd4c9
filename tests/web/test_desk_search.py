"""Search through the reader's lens: hits of every kind, snippets redacted, answers cached.

The sample's protected person is named here in an occasion: its search row holds
the name, so a viewer's snippet must be cut from the redacted occasion, never
from the index.
"""

from __future__ import annotations

from datetime import date

from desk_sample import PROTECTED_ID, PROTECTED_NAME, Sample, extraction, resolution

from rightsdesk.store import Store, review

HEARING_TEXT = (
    f"The closed hearing of {PROTECTED_NAME} and Anton Verbitsky is set for 25 November 2026."
)


def add_hearing(store: Store) -> None:
    """An occasion whose description and evidence both name the protected person."""
    ex = extraction(
        "hearing",
        HEARING_TEXT,
        title="Closed hearing announced",
        published=date(2026, 10, 30),
        persons=[("p1", "Anton Verbitsky"), ("p2", PROTECTED_NAME)],
        events=[],
        occasions=[
            ("hearing", HEARING_TEXT, f"Closed hearing of {PROTECTED_NAME}", "2026-11-25", ["p2"])
        ],
    )
    assert store.save(ex, resolution(ex, {"p1": Sample().verbitsky, "p2": PROTECTED_ID}))


def test_viewer_snippet_of_an_occasion_hides_the_protected_name(store, client_for) -> None:
    add_hearing(store)
    hits = client_for("viewer").get("/api/v1/search?q=closed hearing").json()
    occasions = [h for h in hits if h["kind"] == "occasion"]
    assert occasions, hits
    for word in PROTECTED_NAME.split():
        assert word.casefold() not in str(hits).casefold()


def test_analyst_snippet_of_an_occasion_keeps_the_name(store, client_for) -> None:
    add_hearing(store)
    hits = client_for("analyst").get("/api/v1/search?q=closed hearing").json()
    assert any(h["kind"] == "occasion" and "Qelmstrup" in str(h) for h in hits), hits


def test_a_remembered_search_never_outlives_a_protection(store, client_for) -> None:
    viewer = client_for("viewer")
    assert "Karpenko" in viewer.get("/cases?q=unionist").text
    review.set_person_confidential(
        store.engine, actor="analyst", person_id=Sample().karpenko, confidential=True
    )
    page = viewer.get("/cases?q=unionist").text
    assert "Karpenko" not in page and "CASE-" in page
