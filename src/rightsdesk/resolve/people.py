"""One person across documents: local persons -> global ids.

Pure and deterministic: the same extractions (in any order) and the same known
persons give the same ids. Known persons from the store keep their ids; a new
person gets a slug of surname and first given name ("kozlov-vladimir"), unique
among the known persons and the ids `taken` in the store.

The known persons need not be everyone the store holds: those `candidate_ids`
finds are all that can join a batch, and the decisions are the same.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from unidecode import unidecode

from rightsdesk.model import Extraction, PersonRecord, PersonRef, Resolution
from rightsdesk.names import NameParts, best_form, parse_name
from rightsdesk.resolve.names import given_score, same_surname_key
from rightsdesk.romanize import is_cyrillic, romanize


@dataclass(slots=True)
class Mention:
    """One local person (or one known person) with every written form of its name."""

    ref: PersonRef | None
    forms: list[NameParts]
    known_id: str | None = None
    best: NameParts = field(init=False)  # the fullest form (`best_form`)

    def __post_init__(self) -> None:
        self.best = best_form(self.forms)

    @property
    def content_hash(self) -> str | None:
        return self.ref.content_hash if self.ref else None


@dataclass(slots=True)
class Cluster:
    """One person: its mentions, its fullest name, and every surname written for it
    (kept as mentions join: a batch scores thousands of clusters)."""

    mentions: list[Mention]
    fullest: NameParts
    surnames: set[str]

    @classmethod
    def of(cls, mention: Mention) -> Cluster:
        return cls([mention], mention.best, {f.surname for f in mention.forms})

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if _fullness(mention.best) > _fullness(self.fullest):  # the first of equals stays
            self.fullest = mention.best
        self.surnames.update(f.surname for f in mention.forms)

    @property
    def known_id(self) -> str | None:
        return next((m.known_id for m in self.mentions if m.known_id), None)

    @property
    def docs(self) -> set[str]:
        return {m.content_hash for m in self.mentions if m.content_hash}

    def score(self, mention: Mention) -> float:
        """Agreement of a mention with this cluster; 0 when they cannot be one person."""
        theirs = mention.best
        if not any(same_surname_key(s, theirs.surname) for s in self.surnames):
            return 0.0
        return given_score(self.fullest, theirs)


def _fullness(parts: NameParts) -> tuple[int, int, int, str]:
    return (len(parts.given), len(parts.initials), len(parts.display), parts.display)


def resolve_people(
    extractions: Sequence[Extraction],
    known: Sequence[PersonRecord] = (),
    *,
    taken: Container[str] = frozenset(),
) -> Resolution:
    """Global ids for every person of every extraction, matched across documents.

    `known` are stored people the batch may join; `taken` answers whether any other
    stored person already has an id, so that a new person never gets it.
    """
    local = _ordered(local_mentions(extractions))
    wanted = {bucket_of(form) for mention in local for form in mention.forms}
    # Known people whose surnames no local mention could match cannot join: skip them.
    clusters = [Cluster.of(m) for m in _known_mentions(known) if _in_buckets(m, wanted)]
    buckets: dict[tuple[str, bool], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        _file(buckets, cluster.mentions[0], index)
    for mention in local:
        _file(buckets, mention, _place(mention, clusters, buckets[bucket_of(mention.best)]))
    return _assign_ids(clusters, known, taken)


def bucket_of(parts: NameParts) -> tuple[str, bool]:
    """Surnames that `same_surname_key` can match share a first letter and a final "a"."""
    return parts.surname[:1], parts.surname.endswith("a")


def _in_buckets(mention: Mention, wanted: set[tuple[str, bool]]) -> bool:
    return any(bucket_of(form) in wanted for form in mention.forms)


def _file(buckets: dict[tuple[str, bool], set[int]], mention: Mention, index: int) -> None:
    """Make cluster `index` findable under every surname the mention writes."""
    for form in mention.forms:
        buckets[bucket_of(form)].add(index)


def _known_mentions(known: Sequence[PersonRecord]) -> list[Mention]:
    mentions = []
    for record in sorted(known, key=lambda r: r.id):
        forms = _forms([record.name, *record.aliases])
        if forms:
            mentions.append(Mention(None, forms, known_id=record.id))
    return mentions


def local_mentions(extractions: Sequence[Extraction]) -> list[Mention]:
    """Every person of every extraction, with the forms of its name."""
    mentions = []
    for extraction in extractions:
        content_hash = extraction.doc.source.content_hash
        for person in extraction.persons:
            forms = _forms([person.name, *person.aliases])
            if forms:
                mentions.append(Mention(PersonRef(content_hash, person.key), forms))
    return mentions


def _forms(names: list[str]) -> list[NameParts]:
    return [p for p in (parse_name(n) for n in names) if p is not None]


def _ordered(mentions: list[Mention]) -> list[Mention]:
    """Full names first (they define people), then initials, then bare surnames."""
    def order(m: Mention) -> tuple[int, int, str, str, str]:
        best = m.best
        rank = 0 if best.given else (1 if best.initials else 2)
        ref = m.ref or PersonRef("", "")
        return (rank, -len(best.given), best.display.lower(), ref.content_hash, ref.key)

    return sorted(mentions, key=order)


def _place(mention: Mention, clusters: list[Cluster], nearby: set[int]) -> int:
    """Join the best compatible cluster among `nearby`, or start a new person; its index.

    Clusters are weighed in index order (known people by id, then new ones), so a
    tie goes the same way whichever other people were loaded.
    """
    scored = [(clusters[i].score(mention), i) for i in sorted(nearby)]
    candidates = [(s, i) for s, i in scored if s > 0]
    if not mention.best.given:
        candidates = _for_partial_name(mention, clusters, candidates)
    if not candidates:
        clusters.append(Cluster.of(mention))
        return len(clusters) - 1
    _, index = max(candidates, key=lambda si: (si[0], -si[1]))
    clusters[index].add(mention)
    return index


def _for_partial_name(
    mention: Mention, clusters: list[Cluster], candidates: list[tuple[float, int]]
) -> list[tuple[float, int]]:
    """A bare surname or initials joins a person only when the choice is unambiguous:
    the one in the same document, else the only one in the whole run."""
    same_doc = [(s, i) for s, i in candidates if mention.content_hash in clusters[i].docs]
    if len(same_doc) == 1:
        return same_doc
    if same_doc:
        return []
    named = [(s, i) for s, i in candidates if clusters[i].fullest.given]
    if named:
        return named if len(named) == 1 else []
    return candidates[:1]


def _assign_ids(
    clusters: list[Cluster], known: Sequence[PersonRecord], stored: Container[str]
) -> Resolution:
    resolution = Resolution()
    known_names = {record.id: record.name for record in known}
    taken = set(known_names)
    for cluster in sorted((c for c in clusters if c.docs), key=_cluster_order):
        person_id = cluster.known_id or _unique(slug_of(cluster.fullest), taken, stored)
        taken.add(person_id)
        resolution.names[person_id] = _canonical_name(cluster, known_names)
        for mention in cluster.mentions:
            if mention.ref is not None:
                resolution.person_ids[mention.ref] = person_id
    return resolution


def _cluster_order(cluster: Cluster) -> tuple[str, str]:
    refs = sorted((m.ref.content_hash, m.ref.key) for m in cluster.mentions if m.ref)
    first = refs[0] if refs else ("", "")
    return (cluster.fullest.display.lower(), "/".join(first))


def slug_of(parts: NameParts) -> str:
    """"kozlov-vladimir": surname first, then the first given name, ASCII."""
    words = [_surname_display(parts)]
    if parts.given:
        words.append(_given_display(parts))
    text = unidecode(romanize(" ".join(words))).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "person"


def _surname_display(parts: NameParts) -> str:
    tokens = parts.display.replace(".", ". ").split()
    words = [t for t in tokens if len(t.rstrip(".")) > 1]
    if words and len(tokens) > 1 and len(tokens[-1].rstrip(".")) <= 1:
        return words[0]  # "Kharlamov A.M."
    return words[-1] if words else parts.surname


def _given_display(parts: NameParts) -> str:
    tokens = [t for t in parts.display.replace(".", ". ").split() if len(t.rstrip(".")) > 1]
    return tokens[0] if len(tokens) > 1 else parts.given[0]


def _unique(slug: str, taken: set[str], stored: Container[str]) -> str:
    def free(person_id: str) -> bool:
        return person_id not in taken and person_id not in stored

    if free(slug):
        return slug
    n = 2
    while not free(f"{slug}-{n}"):
        n += 1
    return f"{slug}-{n}"


def _canonical_name(cluster: Cluster, known_names: dict[str, str]) -> str:
    """The known name, else the fullest form written most often, in Latin letters where
    the person was also written in them (the form English-language readers search for)."""
    if cluster.known_id:
        return known_names[cluster.known_id]
    counts = Counter(f.display for m in cluster.mentions for f in m.forms if f.given)
    if not counts:
        return cluster.fullest.display
    return max(counts, key=lambda d: (not is_cyrillic(d), counts[d], len(d), d))
