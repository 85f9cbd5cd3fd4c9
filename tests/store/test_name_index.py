"""The name index: persons filed under the keys of their names, kept so by every writer,
filled for stores made before it, and a batch resolved through it decides as a full scan."""

from __future__ import annotations

import itertools
from pathlib import Path

import sqlalchemy as sa
from store_factories import IDS, REPORT_2021, clean_doc, extraction, resolve

from rightsdesk.model import Extraction, Person, PersonRecord
from rightsdesk.names import KeyQuery, NameKey, name_keys
from rightsdesk.pipeline import StoredIds, resolve_batch
from rightsdesk.resolve import resolve_people
from rightsdesk.store import Store, migrate, open_store
from rightsdesk.store.engine import create_engine
from rightsdesk.store.review import merge_persons, split_person


def filed(store: Store, person: PersonRecord) -> set[NameKey]:
    """The keys the store files `person` under, asked as resolution asks."""
    keys = name_keys([person.name, *person.aliases])
    queries = {KeyQuery(k.surname, k.initial) for k in keys}
    return {key for pid, key in store.filed_under(queries) if pid == person.id}


def assert_filed_by_their_names(store: Store) -> None:
    people = store.known_persons()
    assert people
    for person in people:
        assert filed(store, person) == name_keys([person.name, *person.aliases])


def test_saved_persons_are_filed_and_refiled_as_they_gain_names(
    store: Store, report_2021: Extraction, report_2022: Extraction
) -> None:
    store.save(report_2021, resolve(report_2021, ids=IDS))
    assert_filed_by_their_names(store)
    assert filed(store, store.person("ivanova-maria")) == {NameKey("ivanova", "m", "mara")}
    store.save(report_2022, resolve(report_2022, ids=IDS))  # "M. Ivanova" as an alias
    assert_filed_by_their_names(store)
    assert set(store.surnames_in({"i-7"})) == set()  # "ivanova": a band of its own
    assert set(store.surnames_in({"ia7"})) == {"ivanova"}


def test_merge_and_split_refile_the_persons_they_touch(
    store: Store, both_reports: tuple[Extraction, Extraction]
) -> None:
    merge_persons(store.engine, actor="ana", keep="ivanova-maria", absorb="navumcyk-ales")
    assert_filed_by_their_names(store)
    under_his_name = store.filed_under({KeyQuery("navumcik", "a"), KeyQuery("navumcik", "m")})
    assert {person_id for person_id, _ in under_his_name} == {"ivanova-maria"}
    event = store.timeline("ivanova-maria")[-1].id
    new_id = split_person(
        store.engine, actor="ana", person_id="ivanova-maria", event_ids=[event], name="Oleg Ivanov"
    )
    assert filed(store, store.person(new_id)) == {NameKey("ivanov", "o", "oleg")}
    assert_filed_by_their_names(store)


def test_a_store_made_before_the_index_is_filed_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    engine = create_engine(str(path))
    migrate.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO persons (id, name, name_key, country, confidential, created_at) VALUES"
            " ('kozlov-vladimir', 'Vladimir Kozlov', 'vladimir kozlov', 'KZ', 0, '2021-01-01'),"
            " ('tuletaeva', 'Ms Tuletaeva', 'ms tuletaeva', 'KZ', 0, '2021-01-01')"
        ))
        conn.execute(sa.text(
            "INSERT INTO person_aliases VALUES ('kozlov-vladimir', 'Козлов В.И.', 'kozlov v.i.')"
        ))
    engine.dispose()
    with open_store(str(path)) as store:
        assert_filed_by_their_names(store)
        assert store.named_under(["kozlov"], None) == ["kozlov-vladimir"]
        assert store.filed_under({KeyQuery("tuletaeva", None)}) == [
            ("tuletaeva", NameKey("tuletaeva", "", ""))
        ]


# A store of namesakes, spellings and bare surnames, and batches that meet them.
KNOWN = [
    ["Vladimir Kozlov", "Mr Kozlov"], ["Wladimir Kozlow"], ["Viktor Kozlov"], ["Kozlova"],
    ["Pyotr Sergeyevich Ivanov", "P. Ivanov"], ["Pavel Ivanov"], ["Olga Ivanova"],
    ["Roza Tuletayeva", "Ms Tuletaeva"], ["A. Kharlamov"], ["Mohammed Hassan"],
    ["Muhammad Hasan"], ["Ahmed Hassan"], ["Mr Hassan"], ["Li Wei"], ["Wei Li"], ["Liu Xiaobo"],
]
BATCHES = [
    [["Vladimir Kozlov"], ["Mr Kozlov"], ["Petr Ivanov", "Ivanov P.S."]],
    [["Mohamed Hassan"], ["Ms Tuletaeva"], ["Aleksandr Kharlamov"], ["Mr Hasan"]],
    [["Wei Lee"], ["Mr Liu"], ["Olga Ivanova"], ["Kozlova"], ["Ivanov"]],
]


def fill(store: Store) -> None:
    """Each known person saved from a document of its own, as an ingest would."""
    for n, written in enumerate(KNOWN):
        doc = clean_doc(f"{REPORT_2021} Known person {n}.", doc_id=f"known-{n}")
        item = extraction(doc)
        item.persons = [Person("p1", written[0], aliases=written[1:])]
        ids = {written[0]: f"known-{n:02d}"}
        assert store.save(item, resolve(item, ids=ids))


def batch(number: int) -> list[Extraction]:
    items = []
    for n, written in enumerate(BATCHES[number]):
        doc = clean_doc(f"{REPORT_2021} Batch {number}, document {n}.", doc_id=f"b{number}-{n}")
        item = extraction(doc)
        item.persons = [Person("p1", written[0], aliases=written[1:])]
        items.append(item)
    return items


def test_a_batch_resolved_through_the_index_decides_as_against_everyone(store: Store) -> None:
    fill(store)
    everyone = store.known_persons()
    for number in range(len(BATCHES)):
        items = batch(number)
        expected = resolve_people(items, everyone, taken=StoredIds(store))
        assert resolve_batch(store, items) == expected


def test_the_store_answers_as_name_keys_say(store: Store) -> None:
    fill(store)
    rows = [(p.id, k) for p in store.known_persons() for k in name_keys([p.name, *p.aliases])]
    surnames = sorted({k.surname for _, k in rows})
    for initial in (None, "", "m", "v", "p"):
        queries = {KeyQuery(s, initial) for s in surnames}
        wanted = [
            (p, k) for p, k in rows
            if (k.given == "" if initial is None else k.initial == initial)
        ]
        assert sorted(store.filed_under(queries)) == sorted(wanted)
    for group in itertools.combinations(surnames, 2):
        named = {p for p, k in rows if k.surname in group and k.given}
        assert set(store.named_under(group, None)) == named
        some = store.named_under(group, 2)
        assert len(some) == min(2, len(named)) and set(some) <= named
