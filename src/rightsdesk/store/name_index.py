"""The name index: every person filed under the keys of its names.

Resolution compares a batch of new documents only with the people filed under
keys its names could match (`rightsdesk.resolve.candidate_ids`), so the store
hands those out instead of everyone it knows. A key is a surname as written
(transliteration-folded) with the first initial and first given name of the
person's fullest name (`rightsdesk.names.name_keys`). Every writer that gives a
person a name refiles it here in the same transaction; deleting a person
deletes its keys. The filed surnames are also listed once each, by band, for
the fuzzy surname match; a surname stays listed when its last person goes (it
then finds no one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator

import sqlalchemy as sa

from rightsdesk.names import KeyQuery, NameKey, name_keys, surname_band
from rightsdesk.store import schema

KEYS = schema.person_name_keys
SURNAMES = schema.surname_keys
FILING_CHUNK = 5_000  # persons filed per round when a whole store is filed
Row = tuple[str, str, str, str]  # (person id, surname, initial, given)


def refile(conn: sa.Connection, person_ids: Collection[str]) -> None:
    """File these persons under the keys of their names now, and under no other."""
    if not person_ids:
        return
    wanted = set(_key_rows(_names(conn, person_ids)))
    query = sa.select(KEYS.c.person_id, KEYS.c.surname, KEYS.c.initial, KEYS.c.given)
    current = set(conn.execute(query.where(KEYS.c.person_id.in_(list(person_ids)))).tuples())
    for person_id, surname, initial, given in current - wanted:
        conn.execute(
            sa.delete(KEYS).where(
                KEYS.c.person_id == person_id,
                KEYS.c.surname == surname,
                KEYS.c.initial == initial,
                KEYS.c.given == given,
            )
        )
    _insert(conn, wanted - current)


def file_everyone(conn: sa.Connection) -> None:
    """File every stored person (the migration that made the index fills it so)."""
    persons = schema.persons
    after = ""
    while True:
        query = sa.select(persons.c.id).where(persons.c.id > after).order_by(persons.c.id)
        ids = list(conn.scalars(query.limit(FILING_CHUNK)))
        if not ids:
            return
        _insert(conn, set(_key_rows(_names(conn, ids))))
        after = ids[-1]


def surnames_in(conn: sa.Connection, bands: Collection[str]) -> list[str]:
    """The filed surnames in these bands (`rightsdesk.names.surname_band`)."""
    if not bands:
        return []
    query = sa.select(SURNAMES.c.surname).where(SURNAMES.c.band.in_(sorted(bands)))
    return list(conn.scalars(query))


def filed_under(conn: sa.Connection, queries: Collection[KeyQuery]) -> list[tuple[str, NameKey]]:
    """(person id, key) for every key that answers one of the queries."""
    if not queries:
        return []
    columns = (KEYS.c.person_id, KEYS.c.surname, KEYS.c.initial, KEYS.c.given)
    return [
        (person_id, NameKey(surname, initial, given))
        for person_id, surname, initial, given in conn.execute(_lookup(queries, columns))
    ]


def named_under(conn: sa.Connection, surnames: Collection[str], limit: int | None) -> list[str]:
    """Ids of persons filed with a given name under any of these surnames, at most `limit`
    of them (any ones: for a bare surname, whether there are two is what counts).

    Rows are read a few at a time rather than with DISTINCT ... LIMIT, for which
    PostgreSQL walked the whole index by person (0.4 s at a million people).
    """
    query = sa.select(KEYS.c.person_id).where(
        KEYS.c.surname.in_(sorted(surnames)), KEYS.c.given != ""
    )
    if limit is None:
        return sorted(set(conn.scalars(query)))
    rows = limit * 4
    while True:
        read = list(conn.scalars(query.limit(rows)))
        found = list(dict.fromkeys(read))
        if len(found) >= limit or len(read) < rows:
            return found[:limit]
        rows *= 4


def _lookup(queries: Collection[KeyQuery], columns: tuple[sa.Column, ...]) -> sa.Executable:
    """One indexed lookup per initial, one after another: an OR of them would scan."""
    by_initial: dict[str | None, set[str]] = defaultdict(set)
    for query in queries:
        by_initial[query.initial].add(query.surname)
    selects = []
    for initial, surnames in sorted(by_initial.items(), key=lambda item: item[0] or ""):
        select = sa.select(*columns).where(KEYS.c.surname.in_(sorted(surnames)))
        if initial is None:
            select = select.where(KEYS.c.given == "")
        else:
            select = select.where(KEYS.c.initial == initial)
        selects.append(select)
    return selects[0] if len(selects) == 1 else sa.union_all(*selects)


def _names(conn: sa.Connection, person_ids: Collection[str]) -> dict[str, list[str]]:
    """Each person's name and aliases."""
    persons, aliases = schema.persons, schema.person_aliases
    ids = list(person_ids)
    names: dict[str, list[str]] = defaultdict(list)
    for person_id, name in conn.execute(sa.select(persons.c.id, persons.c.name).where(
        persons.c.id.in_(ids)
    )):
        names[person_id].append(name)
    for person_id, alias in conn.execute(sa.select(aliases.c.person_id, aliases.c.alias).where(
        aliases.c.person_id.in_(ids)
    )):
        names[person_id].append(alias)
    return names


def _key_rows(names: dict[str, list[str]]) -> Iterator[Row]:
    for person_id, written in names.items():
        for key in name_keys(written):
            yield person_id, key.surname, key.initial, key.given


def _insert(conn: sa.Connection, rows: Iterable[Row]) -> None:
    """Add key rows, and their surnames to the list of filed surnames."""
    rows = sorted(rows)
    if not rows:
        return
    conn.execute(
        sa.insert(KEYS),
        [{"person_id": p, "surname": s, "initial": i, "given": g} for p, s, i, g in rows],
    )
    _list_surnames(conn, {surname for _, surname, _, _ in rows})


def _list_surnames(conn: sa.Connection, surnames: set[str]) -> None:
    listed: set[str] = set()
    for chunk in _chunks(sorted(surnames), FILING_CHUNK):
        listed.update(conn.scalars(sa.select(SURNAMES.c.surname).where(
            SURNAMES.c.surname.in_(chunk)
        )))
    new = sorted(surnames - listed)
    if new:
        conn.execute(sa.insert(SURNAMES), [{"surname": s, "band": surname_band(s)} for s in new])


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
