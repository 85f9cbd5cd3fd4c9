"""A small hand-made store: three sources, three people, one of them protected.

Every sentence here is written for these tests. The protected person's name and a
confidential fact carry planted markers that no viewer or anonymous response may
ever contain.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from rightsdesk.model import (
    CleanDoc,
    Event,
    Evidence,
    Extraction,
    Occasion,
    Person,
    PersonRef,
    Provenance,
    Resolution,
    Source,
    Statement,
)
from rightsdesk.store import Store, review

TODAY = date(2026, 11, 2)
PASSWORD = "correct horse battery staple"
ROLES = ("viewer", "analyst", "admin")
PROTECTED_NAME = "Zorkavian Qelmstrup"
PROTECTED_ID = "qelmstrup-zorkavian"
SECRET_FACT_MARKER = "Vexlornhold"  # only in the evidence of a confidential fact
MARKERS = ("Zorkavian", "Qelmstrup", "zorkavian", "qelmstrup", SECRET_FACT_MARKER)

FIRST_TEXT = (
    "Police in Minsk detained the lawyer Anton Verbitsky on 3 March 2026. "
    "Zorkavian Qelmstrup, a blogger who helped him, was arrested on 4 March 2026. "
    "Qelmstrup was charged with insulting the president. "
    "The UN Special Rapporteur called for their immediate release on 10 March 2026."
)
SECOND_TEXT = (
    "On 20 October 2026 a court in Minsk sentenced Anton Verbitsky to six years in prison "
    "for organising mass riots. "
    "He was held in the Vexlornhold punishment cell after the verdict. "
    "His appeal hearing is set for 20 November 2026."
)
# A source that names the protected person only in its file name and address, a
# statement actor and a charge on someone else's event that carry the name.
FOURTH_DOC_ID = "by-news-qelmstrup-case-2026-10"
FOURTH_TEXT = (
    "Lidia Karpenko was charged with aiding Zorkavian Qelmstrup on 5 October 2026. "
    "The Qelmstrup Foundation said it was deeply concerned on 6 October 2026."
)
THIRD_TEXT = (
    "Lidia Karpenko, a trade unionist, was released on 1 September 2026 "
    "after serving her sentence. "
    "<script>alert('x')</script> The page also said <img src=x onerror=alert(1)>."
)


@dataclass(frozen=True, slots=True)
class Sample:
    """Ids a test needs to address the sample records."""

    verbitsky: str = "verbitsky-anton"
    karpenko: str = "karpenko-lidia"
    protected: str = PROTECTED_ID


def evidence(text: str, sentence: str, content_hash: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(content_hash, start, start + len(sentence), sentence)


def extraction(
    doc_id: str,
    text: str,
    *,
    title: str | None,
    published: date,
    persons: list[tuple[str, str]],
    events: list[tuple[str, str, str, str | None, dict]],
    statements: list[tuple[str, str, str]] = (),
    occasions: list[tuple[str, str, str, str, list[str]]] = (),
    country: str = "BY",
) -> Extraction:
    """One document's facts; every sentence is located in `text` for its evidence."""
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    source = Source(
        doc_id=doc_id,
        path=f"/tmp/{doc_id}.txt",
        kind="text",
        raw=text.encode(),
        content_hash=content_hash,
        url=f"https://news.example.org/{doc_id}",
        published=published,
        title=title,
    )
    doc = CleanDoc(source=source, text=text, title=title, published=published, url=source.url)
    first = {key: s for key, _, s, _, _ in events}
    return Extraction(
        doc=doc,
        provenance=Provenance(extractor="tests/1", content_hash=content_hash),
        country=country,
        persons=[
            Person(key=key, name=name, evidence=[evidence(text, first[key], content_hash)])
            if key in first
            else Person(key=key, name=name)
            for key, name in persons
        ],
        events=[
            Event(
                type=etype,
                person=key,
                evidence=evidence(text, sentence, content_hash),
                date=when,
                **extra,
            )
            for etype, key, sentence, when, extra in events
        ],
        statements=[
            Statement(actor=actor, evidence=evidence(text, sentence, content_hash), date=when)
            for actor, sentence, when in statements
        ],
        occasions=[
            Occasion(
                type=otype,
                evidence=evidence(text, sentence, content_hash),
                description=description,
                date=when,
                persons=keys,
            )
            for otype, sentence, description, when, keys in occasions
        ],
    )


def resolution(ex: Extraction, ids: dict[str, str]) -> Resolution:
    content_hash = ex.doc.source.content_hash
    return Resolution(
        person_ids={PersonRef(content_hash, p.key): ids[p.key] for p in ex.persons},
        names={ids[p.key]: p.name for p in ex.persons},
    )


def sample_extractions() -> list[tuple[Extraction, Resolution]]:
    s = Sample()
    first = extraction(
        "first",
        FIRST_TEXT,
        title="Lawyer and blogger detained in Minsk",
        published=date(2026, 3, 11),
        persons=[("p1", "Anton Verbitsky"), ("p2", PROTECTED_NAME)],
        events=[
            (
                "arrest",
                "p1",
                "Police in Minsk detained the lawyer Anton Verbitsky on 3 March 2026.",
                "2026-03-03",
                {"place": "Minsk", "confidence": 0.9},
            ),
            (
                "arrest",
                "p2",
                "Zorkavian Qelmstrup, a blogger who helped him, was arrested on 4 March 2026.",
                "2026-03-04",
                {"confidence": 0.8},
            ),
            (
                "charge",
                "p2",
                "Qelmstrup was charged with insulting the president.",
                "2026-03",
                {"charges": ["insulting the president"], "confidence": 0.6},
            ),
        ],
        statements=[
            (
                "UN Special Rapporteur",
                "The UN Special Rapporteur called for their immediate release on 10 March 2026.",
                "2026-03-10",
            )
        ],
    )
    second = extraction(
        "second",
        SECOND_TEXT,
        title="Six years for Verbitsky",
        published=date(2026, 10, 21),
        persons=[("p1", "Anton Verbitsky")],
        events=[
            (
                "sentence",
                "p1",
                "On 20 October 2026 a court in Minsk sentenced Anton Verbitsky to six years "
                "in prison for organising mass riots.",
                "2026-10-20",
                {"sentence_months": 72.0, "charges": ["organising mass riots"], "confidence": 0.95},
            ),
            (
                "ill_treatment",
                "p1",
                "He was held in the Vexlornhold punishment cell after the verdict.",
                "2026-10",
                {"confidence": 0.4},
            ),
        ],
        occasions=[
            (
                "hearing",
                "His appeal hearing is set for 20 November 2026.",
                "Appeal hearing of Anton Verbitsky",
                "2026-11-20",
                ["p1"],
            )
        ],
    )
    third = extraction(
        "third",
        THIRD_TEXT,
        title="<script>alert('title')</script>Unionist freed",
        published=date(2026, 9, 2),
        persons=[("p1", "Lidia Karpenko")],
        events=[
            (
                "release",
                "p1",
                "Lidia Karpenko, a trade unionist, was released on 1 September 2026 "
                "after serving her sentence.",
                "2026-09-01",
                {"confidence": 0.85},
            ),
        ],
    )
    fourth = extraction(
        FOURTH_DOC_ID,
        FOURTH_TEXT,
        title=None,
        published=date(2026, 10, 7),
        persons=[("p1", "Lidia Karpenko")],
        events=[
            (
                "charge",
                "p1",
                "Lidia Karpenko was charged with aiding Zorkavian Qelmstrup on 5 October 2026.",
                "2026-10-05",
                {"charges": ["aiding Zorkavian Qelmstrup"], "confidence": 0.7},
            ),
        ],
        statements=[
            (
                "The Qelmstrup Foundation",
                "The Qelmstrup Foundation said it was deeply concerned on 6 October 2026.",
                "2026-10-06",
            )
        ],
    )
    return [
        (first, resolution(first, {"p1": s.verbitsky, "p2": s.protected})),
        (second, resolution(second, {"p1": s.verbitsky})),
        (third, resolution(third, {"p1": s.karpenko})),
        (fourth, resolution(fourth, {"p1": s.karpenko})),
    ]


# A country walled off to a team: a KZ source whose file name, title, person, charge,
# statement actor and occasion carry planted words, and a BY (open) source that
# reports an event about the same person.
WALLED_COUNTRY = "KZ"
WALLED_ID = "oskarbek-threnvald"
WALLED_MARKERS = ("Threnvald", "Oskarbek", "oskarbek", "Quillonbrae")
WALLED_TEXT = (
    "Threnvald Oskarbek was detained in Quillonbrae on 2 June 2026. "
    "Oskarbek was charged with disseminating false information. "
    "The Oskarbek Defence Committee said it was alarmed on 4 June 2026. "
    "His trial is set to open on 25 November 2026."
)
OPEN_TEXT_ABOUT_WALLED = (
    "Threnvald Oskarbek was sentenced in absentia by a court in Minsk on 9 July 2026. "
    "The court in Minsk also fined a local printer. "
    "Observers said the lawyer of Oskarbek was not admitted."
)


def walled_extractions() -> list[tuple[Extraction, Resolution]]:
    walled = extraction(
        "kz-news-oskarbek-detained-2026-06",
        WALLED_TEXT,
        title="Threnvald Oskarbek detained in Quillonbrae",
        published=date(2026, 6, 3),
        persons=[("p1", "Threnvald Oskarbek")],
        events=[
            ("arrest", "p1", "Threnvald Oskarbek was detained in Quillonbrae on 2 June 2026.",
             "2026-06-02", {"place": "Quillonbrae", "confidence": 0.9}),
            ("charge", "p1", "Oskarbek was charged with disseminating false information.",
             "2026-06", {"charges": ["disseminating false information"], "confidence": 0.3}),
        ],
        statements=[("The Oskarbek Defence Committee",
                      "The Oskarbek Defence Committee said it was alarmed on 4 June 2026.",
                      "2026-06-04")],
        occasions=[("trial", "His trial is set to open on 25 November 2026.",
                    "Trial of Threnvald Oskarbek", "2026-11-25", ["p1"])],
        country=WALLED_COUNTRY,
    )
    open_report = extraction(
        "by-news-court-roundup-2026-07",
        OPEN_TEXT_ABOUT_WALLED,
        title="Court roundup",
        published=date(2026, 7, 10),
        persons=[("p1", "Threnvald Oskarbek")],
        events=[("sentence", "p1",
                 "Threnvald Oskarbek was sentenced in absentia by a court in Minsk on 9 July "
                 "2026.", "2026-07-09", {"confidence": 0.2})],
    )
    return [
        (walled, resolution(walled, {"p1": WALLED_ID})),
        (open_report, resolution(open_report, {"p1": WALLED_ID})),
    ]


def fill(store: Store) -> None:
    """Store the sample, then protect one person and one fact as an analyst would."""
    for ex, res in sample_extractions():
        assert store.save(ex, res)
    engine = store.engine
    review.set_person_confidential(engine, actor="setup", person_id=PROTECTED_ID, confidential=True)
    secret = next(e for e in store.timeline(Sample().verbitsky) if e.type == "ill_treatment")
    review.set_fact_confidential(
        engine, actor="setup", kind="event", fact_id=secret.id, confidential=True
    )


FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def csrf_of(client: TestClient) -> str:
    """The token a page would carry in its forms."""
    return client.get("/api/v1/me").json()["csrf_token"]


def login(client: TestClient, username: str) -> TestClient:
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


def form_token(html: str) -> str:
    """The CSRF token in the first form of a page."""
    return html.split('name="csrf_token" value="')[1].split('"')[0]
