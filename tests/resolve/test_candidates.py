"""Candidates by name key: the people a full scan could match are found, and decide alike.

The index here is a plain list of `name_keys` answering the store's contract
(tests/store/test_name_index.py holds the store to the same answers).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rightsdesk.model import CleanDoc, Extraction, Person, PersonRecord, Provenance, Source
from rightsdesk.names import (
    KeyQuery,
    NameKey,
    name_keys,
    parse_name,
    surname_band,
    translit_key,
)
from rightsdesk.resolve import candidate_ids, resolve_people
from rightsdesk.resolve.names import given_score, same_surname_key, surname_bands
from rightsdesk.resolve.people import local_mentions

# Spellings of one surname or given name, as documents write them.
SURNAMES = [
    ("Kozlov", "Kozlow", "Козлов"),
    ("Kozlova", "Kozlowa"),
    ("Ivanov", "Iwanow", "Ivanoff"),
    ("Tuletayeva", "Tuletaeva", "Tuletajeva"),
    ("Kharlamov", "Harlamov"),
    ("Hassan", "Hasan"),
    ("Li", "Lee"),
    ("Liu", "Lu"),
    ("Abdel-Fattah", "el-Fattah"),
    ("Nguyen", "Nguen"),
    ("Kalesnikava", "Kolesnikova"),
]
GIVEN = [
    ("Vladimir", "Wladimir", "Владимир"),
    ("Pyotr", "Petr"),
    ("Pavel", "Paul"),
    ("Roza", "Rosa"),
    ("Aleksandr", "Alexander"),
    ("Alexei", "Aleksei"),
    ("Mohammed", "Muhammad", "Mohamed"),
    ("Ahmad", "Ahmed"),
    ("Maria", "Maryia"),
    ("Wei",),
]
PATRONYMICS = ("Ivanovich", "Sergeyevich", "Petrovna")
FORMS = ("{g} {s}", "{g} {s}", "{i}. {s}", "{s} {i}.", "Mr {s}", "{g} {p} {s}", "{s}")

name = st.builds(
    lambda s, g, p, form, pick: FORMS[form].format(
        s=s[pick % len(s)], g=g[pick % len(g)], i=g[0][0], p=p
    ),
    st.sampled_from(SURNAMES),
    st.sampled_from(GIVEN),
    st.sampled_from(PATRONYMICS),
    st.integers(0, len(FORMS) - 1),
    st.integers(0, 2),
)
names = st.lists(name, min_size=1, max_size=3)


class ListIndex:
    """The store's name index as a list: what `Store` answers, read from `name_keys`."""

    def __init__(self, known: list[PersonRecord]) -> None:
        self.filed = [(p.id, key) for p in known for key in name_keys([p.name, *p.aliases])]

    def surnames_in(self, bands: Collection[str]) -> list[str]:
        return sorted({k.surname for _, k in self.filed if surname_band(k.surname) in bands})

    def filed_under(self, queries: Collection[KeyQuery]) -> list[tuple[str, NameKey]]:
        def asked(key: NameKey, query: KeyQuery) -> bool:
            if query.initial is None:
                return key.given == ""
            return key.initial == query.initial

        return [
            (person_id, key)
            for person_id, key in self.filed
            if any(q.surname == key.surname and asked(key, q) for q in queries)
        ]

    def named_under(self, surnames: Collection[str], limit: int | None) -> list[str]:
        """The last ids first: any `limit` of them must do."""
        named = {p for p, k in self.filed if k.surname in surnames and k.given}
        return sorted(named, reverse=True)[:limit]


def known_people(draw_names: list[list[str]], order: list[int]) -> list[PersonRecord]:
    """Known people with ids in a drawn order, so "the first" is not the first drawn."""
    return [
        PersonRecord(f"person-{order[n]:02d}", written[0], aliases=written[1:])
        for n, written in enumerate(draw_names)
    ]


def batch(documents: list[list[list[str]]]) -> list[Extraction]:
    extractions = []
    for n, persons in enumerate(documents):
        doc_hash = f"d{n}"
        source = Source(doc_hash, f"{doc_hash}.txt", "text", b"", doc_hash)
        people = [Person(f"p{i}", w[0], aliases=w[1:]) for i, w in enumerate(persons, 1)]
        doc = CleanDoc(source, "", published=date(2024, 1, 1))
        extractions.append(Extraction(doc, Provenance("test", doc_hash), persons=people))
    return extractions


scenario = st.lists(names, min_size=1, max_size=25).flatmap(
    lambda known: st.tuples(
        st.just(known),
        st.permutations(range(len(known))),
        st.lists(st.lists(names, min_size=1, max_size=3), min_size=1, max_size=4),
    )
)


@settings(max_examples=300, deadline=None)
@given(scenario)
def test_key_lookup_finds_everyone_a_full_scan_lets_a_full_name_join(case) -> None:
    """Every known person whose surname matches a mention with a given name or initial,
    and whose given name does not rule it out, is a candidate."""
    drawn, order, documents = case
    known, extractions = known_people(drawn, order), batch(documents)
    found = candidate_ids(extractions, ListIndex(known))
    for mention in local_mentions(extractions):
        theirs = mention.best
        if not (theirs.given or theirs.initials):
            continue
        for person in known:
            forms = [p for p in map(parse_name, [person.name, *person.aliases]) if p]
            ours = max(forms, key=lambda p: (len(p.given), len(p.initials), len(p.display)))
            joinable = any(same_surname_key(f.surname, theirs.surname) for f in forms)
            if joinable and given_score(ours, theirs) > 0:
                assert person.id in found, (person, theirs)


@settings(max_examples=300, deadline=None)
@given(scenario)
def test_resolving_against_the_candidates_decides_as_against_everyone(case) -> None:
    drawn, order, documents = case
    known, extractions = known_people(drawn, order), batch(documents)
    found = candidate_ids(extractions, ListIndex(known))
    everyone = resolve_people(extractions, known)
    candidates = [p for p in known if p.id in found]
    narrowed = resolve_people(extractions, candidates, taken={p.id for p in known})
    assert narrowed.person_ids == everyone.person_ids
    assert narrowed.names == everyone.names


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from([s for family in SURNAMES for s in family]),
    st.text("abeiklnorsuvz", max_size=16),
)
def test_a_surname_matches_only_within_its_bands(written: str, other: str) -> None:
    """`surname_bands` may leave nothing out: the store is asked only for those bands."""
    surname = translit_key(written)
    for pair in ((surname, other), (other, surname)):
        if same_surname_key(*pair):
            assert surname_band(pair[1]) in surname_bands(pair[0])


def test_a_bare_surname_needs_only_two_named_people_to_stay_apart() -> None:
    given = ("Anna", "Boris", "Dmitry", "Elena", "Fyodor")
    known = [PersonRecord(f"ivanov-{n}", f"{g} Ivanov") for n, g in enumerate(given)]
    extractions = batch([[["Mr Ivanov"]]])
    found = candidate_ids(extractions, ListIndex(known))
    assert len(found) == 2
    assert resolve_people(extractions, [p for p in known if p.id in found]).person_ids == (
        resolve_people(extractions, known).person_ids
    )


def test_a_new_person_gets_an_id_no_stored_person_has() -> None:
    res = resolve_people(batch([[["Pyotr Ivanov"]]]), [], taken={"ivanov-pyotr"})
    assert set(res.person_ids.values()) == {"ivanov-pyotr-2"}
