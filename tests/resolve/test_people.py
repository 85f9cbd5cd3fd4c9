"""Resolution of people across documents: spellings, titles, initials, namesakes."""

from __future__ import annotations

from datetime import date

import pytest

from rightsdesk.model import (
    CleanDoc,
    Extraction,
    Person,
    PersonRecord,
    PersonRef,
    Provenance,
    Source,
)
from rightsdesk.names import parse_name, translit_key
from rightsdesk.resolve import resolve_people


def extraction(doc_hash: str, *names: str | tuple[str, ...]) -> Extraction:
    """An extraction whose persons are p1, p2, ...; a tuple is name plus aliases."""
    source = Source(doc_hash, f"{doc_hash}.txt", "text", b"", doc_hash)
    persons = []
    for i, entry in enumerate(names, 1):
        name, *aliases = (entry,) if isinstance(entry, str) else entry
        persons.append(Person(f"p{i}", name, aliases=list(aliases)))
    doc = CleanDoc(source, "", published=date(2013, 6, 1))
    return Extraction(doc, Provenance("test", doc_hash), persons=persons)


def ids(resolution, doc_hash: str, *keys: str) -> list[str]:
    return [resolution.person_ids[PersonRef(doc_hash, k)] for k in keys]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tuletayeva", "Tuletaeva"),
        ("Aleksandr", "Alexander"),
        ("Yevgeniy", "Evgeny"),
        ("Alyokhina", "Alekhina"),
        ("Maryia", "Maria"),
        ("Stefanovich", "Stefanovic"),
        ("Козлов", "Kozlov"),
        ("Alexey", "Aleksei"),
    ],
)
def test_translit_key_one_spelling(a: str, b: str) -> None:
    assert translit_key(a) == translit_key(b)


def test_parse_name_surname_first_with_initials() -> None:
    parts = parse_name("Ivanov P.S.")
    assert parts is not None
    assert (parts.surname, parts.initials, parts.given) == ("ivanov", ("p", "s"), ())


def test_parse_name_patronymic_is_not_a_given_name() -> None:
    parts = parse_name("Pyotr Sergeyevich Ivanov")
    assert parts is not None
    assert parts.given == ("petr",) and parts.patronymic is not None


def test_a_patronymic_particle_after_the_surname_is_no_surname() -> None:
    parts = parse_name("Makhabat Tazhibek kyzy")
    assert parts is not None and parts.surname == translit_key("Tazhibek")
    assert parts.patronymic == translit_key("kyzy") and parts.given == (translit_key("Makhabat"),)


def test_same_person_across_transliterations_and_titles() -> None:
    docs = [
        extraction("d1", "Roza Tuletayeva"),
        extraction("d2", ("Rosa Tuletaeva", "Ms Tuletaeva")),
        extraction("d3", "Ms Tuletaeva"),
        extraction("d4", "Роза Тулетаева"),
    ]
    res = resolve_people(docs)
    found = {ids(res, d, "p1")[0] for d in ("d1", "d2", "d3", "d4")}
    assert len(found) == 1


def test_belarusian_and_russian_forms_of_one_name_are_one_person() -> None:
    docs = [
        extraction("d1", "Uladzimir Labkouski", "Katsiaryna Bialiakova"),
        extraction("d2", "Владимир Лабковский", "Екатерина Белякова"),
        extraction("d3", "Volodymyr Labkovsky", "Ihar Labkouski"),
    ]
    res = resolve_people(docs)
    assert ids(res, "d1", "p1") == ids(res, "d2", "p1") == ids(res, "d3", "p1")
    assert ids(res, "d1", "p2") == ids(res, "d2", "p2")
    assert ids(res, "d3", "p2") != ids(res, "d1", "p1")  # another given name


def test_arabic_romanisations_of_one_name_are_one_person() -> None:
    docs = [
        extraction("d1", "Alaa Abdel Fattah"),
        extraction("d2", "Alaa Abd el-Fattah"),
        extraction("d3", "Mohammed Abbou"),
        extraction("d4", "Muhammad Abou"),
        extraction("d5", "Ali Hassan"),
        extraction("d6", "Ola Hassan"),
    ]
    res = resolve_people(docs)
    assert ids(res, "d1", "p1") == ids(res, "d2", "p1")
    assert ids(res, "d3", "p1") == ids(res, "d4", "p1")
    assert ids(res, "d5", "p1") != ids(res, "d6", "p1")


def test_initials_and_patronymic_join_the_full_name() -> None:
    docs = [
        extraction("d1", "Aleksandr Kharlamov"),
        extraction("d2", "A. Kharlamov"),
        extraction("d3", "Kharlamov A.M."),
        extraction("d4", "Alexander Mikhailovich Kharlamov"),
    ]
    res = resolve_people(docs)
    assert len({ids(res, d, "p1")[0] for d in ("d1", "d2", "d3", "d4")}) == 1


def test_two_people_sharing_a_surname_stay_apart() -> None:
    docs = [
        extraction("d1", "Pyotr Ivanov", "Olga Ivanova"),
        extraction("d2", "Sergei Ivanov"),
        extraction("d3", "Pyotr Ivanov"),
    ]
    res = resolve_people(docs)
    pyotr, olga = ids(res, "d1", "p1", "p2")
    (sergei,) = ids(res, "d2", "p1")
    assert len({pyotr, olga, sergei}) == 3
    assert ids(res, "d3", "p1") == [pyotr]


def test_people_apart_by_their_second_given_name_stay_apart() -> None:
    docs = [
        extraction("d1", "Yusuf Tarek Haddad", "Yusuf Amin Haddad", "Ko Zaw Lin Tun"),
        extraction("d2", "Yusuf Haddad", "Ko Myo Htet Tun"),
        extraction("d3", "Paulo de Barros", "Paulo Henrique Barros"),
    ]
    res = resolve_people(docs)
    assert len(set(ids(res, "d1", "p1", "p2"))) == 2
    assert ids(res, "d1", "p3") != ids(res, "d2", "p2")
    # a particle is no second given name
    assert len(set(ids(res, "d3", "p1", "p2"))) == 1


def test_different_initials_stay_apart() -> None:
    res = resolve_people([extraction("d1", "Pyotr Ivanov"), extraction("d2", "S. Ivanov")])
    assert ids(res, "d1", "p1") != ids(res, "d2", "p1")


def test_bare_surname_joins_the_person_named_in_its_document() -> None:
    docs = [
        extraction("d1", "Pyotr Ivanov", "Ivanov"),
        extraction("d2", "Sergei Ivanov"),
    ]
    res = resolve_people(docs)
    assert ids(res, "d1", "p1") == ids(res, "d1", "p2")


def test_ambiguous_bare_surname_is_not_guessed() -> None:
    docs = [
        extraction("d1", "Pyotr Ivanov"),
        extraction("d2", "Sergei Ivanov"),
        extraction("d3", "Mr Ivanov"),
    ]
    res = resolve_people(docs)
    bare = ids(res, "d3", "p1")[0]
    assert bare not in {ids(res, "d1", "p1")[0], ids(res, "d2", "p1")[0]}


def test_ids_are_slugs_and_stable_across_input_order() -> None:
    docs = [extraction("d1", "Vladimir Kozlov"), extraction("d2", "Mr Kozlov", "Roza Tuletaeva")]
    first = resolve_people(docs)
    second = resolve_people(list(reversed(docs)))
    assert first.person_ids == second.person_ids
    assert ids(first, "d1", "p1") == ["kozlov-vladimir"]
    assert first.names["kozlov-vladimir"] == "Vladimir Kozlov"


def test_known_person_keeps_its_id() -> None:
    known = [PersonRecord("kozlov-v", "Vladimir Kozlov", aliases=["Kozlov"])]
    res = resolve_people([extraction("d1", "Владимир Козлов")], known)
    assert ids(res, "d1", "p1") == ["kozlov-v"]


def test_new_namesake_of_known_person_gets_a_fresh_id() -> None:
    known = [PersonRecord("ivanov-pyotr", "Pyotr Ivanov")]
    res = resolve_people([extraction("d1", "Pavel Ivanov")], known)
    assert ids(res, "d1", "p1") == ["ivanov-pavel"]
    res = resolve_people([extraction("d1", "Pyotr Ivanov"), extraction("d2", "Petr Ivanov")], known)
    assert ids(res, "d1", "p1") == ids(res, "d2", "p1") == ["ivanov-pyotr"]


def test_slug_collision_gets_a_suffix() -> None:
    known = [PersonRecord("ivanov-pyotr", "Pyotr Ivanov", aliases=["Pyotr Sergeyevich Ivanov"])]
    res = resolve_people([extraction("d1", "Pyotr Nikolayevich Ivanov")], known)
    assert ids(res, "d1", "p1") == ["ivanov-pyotr-2"]
