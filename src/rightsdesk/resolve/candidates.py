"""Which stored people a batch could join: the name keys to ask the store for.

A new mention joins a known person only when one of their surnames match
(`same_surname_key`) and their fullest names do not start with different
initials (`given_score`). The store files every person under those two things
(`rightsdesk.names.name_keys`); `candidate_keys` lists the headings a batch
needs, so the store hands out those people and not everyone it knows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from rapidfuzz import fuzz, process

from rightsdesk.model import Extraction
from rightsdesk.names import NameKey, first_initial, surname_band
from rightsdesk.resolve.names import SURNAME_MIN_RATIO, same_surname_key, surname_bands
from rightsdesk.resolve.people import local_mentions

SurnamesFiled = Callable[[Collection[str]], Iterable[str]]
"""The store's answer to: which surnames are filed in these bands?"""


def candidate_keys(extractions: Sequence[Extraction], surnames_in: SurnamesFiled) -> set[NameKey]:
    """Every heading under which a known person the batch could join is filed."""
    probes = {(m.best.surname, first_initial(m.best)) for m in local_mentions(extractions)}
    wanted = {surname for surname, _ in probes}
    filed = _by_band(surnames_in(set().union(*(surname_bands(s) for s in wanted))))
    matches = {surname: _matches(surname, filed) for surname in wanted}
    keys: set[NameKey] = set()
    for surname, initial in probes:
        for match in matches[surname]:
            if initial:
                keys |= {NameKey(match, initial), NameKey(match, "")}
            else:  # a bare surname: anyone filed under it might be meant
                keys.add(NameKey(match, None))
    return keys


def _by_band(surnames: Iterable[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for surname in surnames:
        grouped[surname_band(surname)].append(surname)
    return grouped


def _matches(surname: str, filed: dict[str, list[str]]) -> list[str]:
    """Filed surnames `same_surname_key` pairs with this one (rapidfuzz narrows first)."""
    pool = [s for band in sorted(surname_bands(surname)) for s in filed.get(band, ())]
    near = process.extract(
        surname, pool, scorer=fuzz.ratio, score_cutoff=SURNAME_MIN_RATIO, limit=None
    )
    return [s for s, _score, _index in near if same_surname_key(surname, s)]
