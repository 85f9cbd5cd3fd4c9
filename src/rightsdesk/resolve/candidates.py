"""Which stored people a batch could join, asked of the store's name index.

A new mention joins a known person only when one of their surnames match
(`same_surname_key`) and their fullest names' given names can be one
(`given_score`: the same initial, given names close enough). The store files
every person under those things (`rightsdesk.names.name_keys`);
`candidate_ids` asks it for the headings a batch needs and keeps the people
that can join, so resolution meets them and not everyone the store knows, with
the decisions a comparison with everyone would make.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from rapidfuzz import fuzz, process

from rightsdesk.model import Extraction
from rightsdesk.names import KeyQuery, NameKey, NameParts, first_initial, surname_band
from rightsdesk.resolve.names import (
    SURNAME_MIN_RATIO,
    given_pair,
    same_surname_key,
    surname_bands,
)
from rightsdesk.resolve.people import local_mentions

Filed = tuple[str, NameKey]  # (person id, a key it is filed under)


BARE_NAMED = 2  # named people that settle a bare surname: one is joined, two are not


class NameIndex(Protocol):
    """What resolution asks of the store's name index (see `rightsdesk.store.Store`)."""

    def surnames_in(self, bands: Collection[str]) -> list[str]: ...
    def filed_under(self, queries: Collection[KeyQuery]) -> list[Filed]: ...
    def named_under(self, surnames: Collection[str], limit: int | None) -> list[str]: ...


def candidate_ids(extractions: Sequence[Extraction], index: NameIndex) -> set[str]:
    """Ids of the known people that mentions of these documents could join."""
    probes = {m.best for m in local_mentions(extractions)}
    matches = _surname_matches({p.surname for p in probes}, index)
    queries = {q for p in probes for q in _queries(p, matches[p.surname])}
    filed: dict[str, list[Filed]] = defaultdict(list)
    for person_id, key in index.filed_under(queries):
        filed[key.surname].append((person_id, key))
    ids: set[str] = set()
    for probe in probes:
        surnames = matches[probe.surname]
        ids |= _could_join(probe, [f for s in surnames for f in filed[s]])
        if surnames and not first_initial(probe):
            ids.update(index.named_under(surnames, BARE_NAMED if _bare(probe) else None))
    return ids


def _surname_matches(surnames: set[str], index: NameIndex) -> dict[str, list[str]]:
    """For each surname, the filed surnames `same_surname_key` pairs it with."""
    bands = set().union(*(surname_bands(s) for s in surnames))
    by_band: dict[str, list[str]] = defaultdict(list)
    for filed in index.surnames_in(bands):
        by_band[surname_band(filed)].append(filed)
    return {s: _matches(s, by_band) for s in surnames}


def _matches(surname: str, by_band: dict[str, list[str]]) -> list[str]:
    """rapidfuzz narrows the surnames in reach; `same_surname_key` decides."""
    pool = [s for band in sorted(surname_bands(surname)) for s in by_band.get(band, ())]
    near = process.extract(
        surname, pool, scorer=fuzz.ratio, score_cutoff=SURNAME_MIN_RATIO, limit=None
    )
    return [s for s, _score, _index in near if same_surname_key(surname, s)]


def _queries(best: NameParts, surnames: Iterable[str]) -> set[KeyQuery]:
    """People with the mention's initial or none; without an initial, the people without
    a given name (those with one come from `named_under`)."""
    initial = first_initial(best)
    if not initial:
        return {KeyQuery(s, None) for s in surnames}
    return {KeyQuery(s, i) for s in surnames for i in (initial, "")}


def _bare(best: NameParts) -> bool:
    """A surname alone ("Mr Kozlov"): nothing but the surname to compare."""
    return not (best.given or best.initials or best.patronymic)


def _could_join(best: NameParts, filed: list[Filed]) -> set[str]:
    """The people among `filed` that `given_score` does not rule out for this mention.

    A bare surname joins a known person only when one named person can be meant,
    else the first of those named by surname alone (`people._for_partial_name`):
    two named people (`named_under`) and the first of the others decide that as
    well as all of them would.
    """
    initial = first_initial(best)
    if best.given and initial:
        given = best.given[0]
        return {
            person_id
            for person_id, key in filed
            if key.initial in ("", initial) and (not key.given or given_pair(key.given, given) > 0)
        }
    if initial:  # initials only: the same first initial, or none
        return {person_id for person_id, key in filed if key.initial in ("", initial)}
    unnamed = sorted({person_id for person_id, key in filed if not key.given})
    return set(unnamed[:1] if _bare(best) else unnamed)
