"""A hand-written case file for Kazakhstan in mid-2013 (sentences written for these tests).

The situation is modelled on a real one (a jailed opposition leader whose Supreme
Court hearing falls near a head of government's visit); apart from him, the people
are invented. The file holds the traps a brief must handle: two sources that
disagree on a sentence, a rejected event and statement, a confidential person
named in titles, addresses and quotes, a source published after the brief's date,
a person from another country, and a `<script>` in an evidence sentence.
"""

from __future__ import annotations

from datetime import date
from itertools import count

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
OCCASION = "Visit of the Prime Minister to Astana"
CONFIDENTIAL_NAME = "Dosmagambetov"
REJECTED_SENTENCE = "Supporters of Kozlov who had picketed the court were released that evening."
REJECTED_STATEMENT = "The foreign ministry dismissed the criticism as interference."
LATE_SENTENCE = "The Supreme Court rejected the appeal of Kozlov on 10 July."
SCRIPT_SENTENCE = 'The judge gave Kozlov a seven-year term.<script>alert("x")</script>'

_ids = count(1)


def evidence(sentence: str) -> Evidence:
    return Evidence(content_hash="h", start=0, end=len(sentence), sentence=sentence)


def event(person, type_, date_, source, sentence, **fields) -> EventRecord:
    return EventRecord(
        id=next(_ids),
        person_id=person,
        source_id=source,
        type=type_,
        evidence=evidence(sentence),
        date=date_,
        **fields,
    )


def source(id_, title, published, *, url=None, country="KZ") -> SourceRecord:
    return SourceRecord(
        id=id_,
        doc_id=f"doc-{id_}",
        content_hash=f"hash-{id_}",
        url=url or f"https://news.example.org/{id_}",
        title=title,
        published=published,
        country=country,
    )


SOURCES = [
    source(1, "Opposition leader jailed for seven and a half years", date(2012, 10, 8)),
    source(2, "Closed trial of opposition leader opens in Aktau", date(2012, 8, 17)),
    source(3, "Court jails Alga leader", date(2012, 10, 9)),
    source(4, "Supreme Court sets date for opposition appeal", date(2013, 6, 20)),
    source(5, "Journalist detained in Almaty after strike report", date(2013, 5, 17)),
    source(
        6,
        f"Union activist {CONFIDENTIAL_NAME} detained in Zhanaozen",
        date(2013, 6, 4),
        url=f"https://labour.example.net/2013/06/{CONFIDENTIAL_NAME.lower()}-detained",
    ),
    source(7, "Supreme Court upholds verdict", date(2013, 7, 15)),
    source(8, "EU statement on human rights in Kazakhstan", date(2013, 6, 12)),
    source(9, "UN expert criticises verdict", date(2012, 10, 12)),
    source(10, "Protester charged after rally in Almaty", date(2013, 6, 11)),
    source(11, "Amnesty frees oil worker", date(2013, 3, 2)),
    source(12, "Regional court upholds opposition verdict", date(2012, 11, 20)),
    source(13, "Blogger detained in Moscow", date(2013, 6, 1), country="RU"),
]

PERSONS = [
    PersonRecord("kozlov-vladimir", "Vladimir Kozlov", roles=["opposition leader"], country="KZ"),
    PersonRecord("serikova-aigul", "Aigul Serikova", roles=["journalist"], country="KZ"),
    PersonRecord("nurlanov-timur", "Timur Nurlanov", roles=["activist"], country="KZ"),
    PersonRecord("ibraimov-maksat", "Maksat Ibraimov", roles=["oil worker"], country="KZ"),
    PersonRecord(
        "dosmagambetov-yerlan",
        f"Yerlan {CONFIDENTIAL_NAME}",
        roles=["trade union activist"],
        country="KZ",
        confidential=True,
    ),
    PersonRecord("ghost-person", "Petr Ghostov", country="KZ"),
    PersonRecord("orlov-ivan", "Ivan Orlov", roles=["blogger"], country="RU"),
]

KOZLOV, SERIKOVA, NURLANOV, IBRAIMOV, CONFIDENTIAL, GHOST, ORLOV = (p.id for p in PERSONS)

CHARGES = ["inciting social discord", "calling for the overthrow of the constitutional order"]

EVENTS = [
    event(
        KOZLOV,
        "arrest",
        "2012-01-23",
        1,
        "Kozlov has been in custody since his arrest on 23 January 2012.",
        place="Almaty",
    ),
    event(
        KOZLOV,
        "trial",
        "2012-08-16",
        2,
        "The trial of Kozlov opened in Aktau on 16 August behind closed doors.",
        place="Aktau",
    ),
    event(
        KOZLOV,
        "sentence",
        "2012-10-08",
        1,
        "On Monday a court in Aktau sentenced Kozlov to seven and a half years in prison "
        "for inciting social discord.",
        sentence_months=90,
        charges=CHARGES,
        place="Aktau",
    ),
    event(KOZLOV, "sentence", "2012-10-08", 3, SCRIPT_SENTENCE, sentence_months=84),
    event(
        KOZLOV,
        "trial",
        "2012-11-19",
        12,
        "On 19 November the regional court upheld the verdict against Kozlov.",
    ),
    event(KOZLOV, "release", "2013-06-19", 4, REJECTED_SENTENCE, review="rejected"),
    event(KOZLOV, "trial", "2013-07-10", 7, LATE_SENTENCE),
    event(
        SERIKOVA,
        "arrest",
        "2013-05-14",
        5,
        "Police in Almaty detained journalist Aigul Serikova on 14 May after she published "
        "an article on the oil strike.",
        place="Almaty",
    ),
    event(
        SERIKOVA,
        "charge",
        "2013-05-16",
        5,
        "Prosecutors charged Serikova with spreading false information on 16 May.",
        charges=["spreading false information"],
    ),
    event(
        NURLANOV,
        "arrest",
        "2013-06-05",
        10,
        "Timur Nurlanov was detained at a rally in Almaty on 5 June.",
    ),
    event(NURLANOV, "release", "2013-06-07", 10, "Nurlanov was let go two days later."),
    event(
        NURLANOV,
        "charge",
        "2013-06-10",
        10,
        "On 10 June Nurlanov was charged with organising an unauthorised rally.",
        charges=["organising an unauthorised rally"],
    ),
    event(
        IBRAIMOV,
        "sentence",
        "2012-06-04",
        11,
        "Maksat Ibraimov was sentenced to three years in June 2012.",
        sentence_months=36,
    ),
    event(
        IBRAIMOV, "release", "2013-03-01", 11, "Ibraimov walked free on 1 March under an amnesty."
    ),
    event(
        CONFIDENTIAL,
        "arrest",
        "2013-06-01",
        6,
        f"Union activist Yerlan {CONFIDENTIAL_NAME} was detained in Zhanaozen on 1 June.",
        place="Zhanaozen",
    ),
    event(
        CONFIDENTIAL,
        "ill_treatment",
        "2013-06-03",
        6,
        f"His relatives said {CONFIDENTIAL_NAME} had been beaten by guards in custody.",
    ),
    event(
        GHOST, "arrest", "2013-06-02", 4, "Petr Ghostov was reportedly detained.", review="rejected"
    ),
    event(ORLOV, "arrest", "2013-05-30", 13, "Police in Moscow detained the blogger Ivan Orlov."),
]

STATEMENTS = [
    StatementRecord(
        next(_ids),
        9,
        "UN Special Rapporteur on freedom of expression",
        evidence("The UN Special Rapporteur called the sentence against Kozlov disproportionate."),
        date="2012-10-12",
    ),
    StatementRecord(
        next(_ids),
        8,
        "European Union",
        evidence(
            "The EU urged the authorities to release Vladimir Kozlov and to "
            f"investigate the treatment of Yerlan {CONFIDENTIAL_NAME}."
        ),
        date="2013-06-12",
    ),
    StatementRecord(
        next(_ids),
        8,
        "Ministry of Foreign Affairs of Kazakhstan",
        evidence(REJECTED_STATEMENT),
        date="2013-06-13",
        review="rejected",
    ),
]

OCCASIONS = [
    OccasionRecord(
        next(_ids),
        4,
        "hearing",
        "The Supreme Court will hear the appeal of Kozlov",
        evidence("The Supreme Court will hear the appeal of Kozlov on 10 July."),
        date="2013-07-10",
        person_ids=[KOZLOV],
    ),
    OccasionRecord(
        next(_ids),
        8,
        "review",
        "Universal Periodic Review of Kazakhstan",
        evidence("Kazakhstan faces its next Universal Periodic Review in 2014."),
        date="2014-10",
    ),
]


def kazakhstan_case_file() -> CaseFile:
    return CaseFile(
        country=None,
        sources=list(SOURCES),
        persons=list(PERSONS),
        events=list(EVENTS),
        statements=list(STATEMENTS),
        occasions=list(OCCASIONS),
    )
