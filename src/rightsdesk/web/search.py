"""Full-text search through the reader's lens.

The store's index holds every word, protected names included. For a redacted
reader each hit is checked again against the redacted text: a hit that only
matched a hidden name or a hidden fact is dropped, so search cannot be used to
confirm that a protected name appears somewhere. Snippets are cut from the
redacted text, never taken from the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rightsdesk.model import SourceRecord
from rightsdesk.store.search import SearchHit
from rightsdesk.web.casebook import Overview, facts_where, redacted_texts, source_records
from rightsdesk.web.deps import Desk
from rightsdesk.web.lens import Lens

SNIPPET_CHARS = 90  # on each side of the first matched word
SEARCHES_KEPT = 64  # distinct queries remembered per overview


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    ref_id: int
    source_id: int
    title: str
    snippet: tuple[Piece, ...]


def words(query: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", query)]


def _stem(word: str) -> str:
    """A crude prefix, so "arrests" still finds "arrested" as the index's stemmer does."""
    return word[: max(3, len(word) - 3)] if len(word) > 4 else word


def _pieces(text: str, marked: re.Pattern[str]) -> tuple[Piece, ...]:
    first = marked.search(text)
    if first is None:
        return (Piece(text[: 2 * SNIPPET_CHARS]),)
    start = max(0, first.start() - SNIPPET_CHARS)
    window = text[start : first.end() + SNIPPET_CHARS]
    pieces, at = [], 0
    for match in marked.finditer(window):
        pieces += [Piece(window[at : match.start()]), Piece(match.group(0), mark=True)]
        at = match.end()
    pieces.append(Piece(window[at:]))
    prefix = "…" if start else ""
    return (Piece(prefix), *pieces, Piece("…"))


def _fts_pieces(snippet: str) -> tuple[Piece, ...]:
    """The index's own snippet, with its [ ] marks turned into pieces."""
    parts = re.split(r"(\[[^\]]*\])", snippet)
    return tuple(
        Piece(p[1:-1], mark=True) if p.startswith("[") and p.endswith("]") else Piece(p)
        for p in parts
        if p
    )


def _redacted_bodies(desk: Desk, lens: Lens, hits: list[SearchHit]) -> dict[tuple[str, int], str]:
    """What this reader may read of each hit's row, all read at once; hidden rows left out.

    A fact's body is what the index holds of it (an occasion: its description and
    evidence), redacted; a source's is its text as the source page shows it.
    """
    shown = [hit for hit in hits if not _hidden(lens, hit)]

    def ids(kind: str) -> list[int]:
        return sorted({hit.ref_id for hit in shown if hit.kind == kind})

    bodies = {
        ("source", i): text for i, text in redacted_texts(desk.engine, lens, ids("source")).items()
    }
    facts = facts_where(
        desk.engine,
        event_ids=ids("event"),
        statement_ids=ids("statement"),
        occasion_ids=ids("occasion"),
    )
    bodies |= {("event", e.id): lens.text(e.evidence.sentence) or "" for e in facts.events}
    bodies |= {("statement", s.id): lens.text(s.evidence.sentence) or "" for s in facts.statements}
    bodies |= {
        ("occasion", o.id): lens.text(f"{o.description} {o.evidence.sentence}") or ""
        for o in facts.occasions
    }
    return bodies


def _hidden(lens: Lens, hit: SearchHit) -> bool:
    return lens.hides_fact(hit.kind, hit.ref_id) or lens.hides_fact("source", hit.source_id)


def _visible(desk: Desk, lens: Lens, raw: list[SearchHit], query: str, *, snippets: bool = True):
    """Hits this reader may see, each with the redacted body its snippet comes from.

    Without snippets, and when no word of the query could touch protected material,
    only hidden facts need dropping: the texts need not be read again.
    """
    if lens.sees_all:
        return [(hit, None) for hit in raw]
    if not snippets and not lens.may_reveal(words(query)):
        return [(hit, None) for hit in raw if not _hidden(lens, hit)]
    terms = [_stem(w) for w in words(query)]
    bodies = _redacted_bodies(desk, lens, raw)
    kept = []
    for hit in raw:
        if _hidden(lens, hit):
            continue
        body = bodies.get((hit.kind, hit.ref_id))
        if body is None:  # the row is gone since it was indexed
            body = lens.text(hit.snippet) or ""
        if all(re.search(rf"\b{re.escape(t)}", body, re.I) for t in terms):
            kept.append((hit, body))
    return kept


def search_hits(desk: Desk, lens: Lens, query: str, *, limit: int = 50) -> list[Hit]:
    """Best hits first, each with a snippet this reader may read."""
    terms = [_stem(w) for w in words(query)]
    marked = re.compile("|".join(rf"\b{re.escape(t)}\w*" for t in terms) or r"(?!)", re.IGNORECASE)
    visible = _visible(desk, lens, desk.store.search(query, limit), query)
    sources = source_records(desk.engine, [hit.source_id for hit, _body in visible])
    hits = []
    for hit, body in visible:
        pieces = _fts_pieces(hit.snippet) if body is None else _pieces(body, marked)
        title = _title(lens, sources[hit.source_id])
        hits.append(Hit(hit.kind, hit.ref_id, hit.source_id, title, pieces))
    return hits


def _title(lens: Lens, source: SourceRecord) -> str:
    shown = lens.source(source)
    return shown.title or shown.doc_id


def matching_person_ids(
    desk: Desk, lens: Lens, overview: Overview, query: str, *, limit: int
) -> set[str]:
    """Persons (as this reader names them) that a query finds, through any kind of hit.

    Kept with the overview: ranking every hit of a common word costs more than the
    rest of the page, and the overview (its persons, its lag behind an ingest, the
    protection it was read under) is what the answer rests on anyway.
    """
    searches = overview.remember("searches", lambda _overview: {})
    key = (query, limit)
    if key not in searches:
        if len(searches) >= SEARCHES_KEPT:
            searches.clear()
        searches[key] = frozenset(_matching(desk, lens, overview, query, limit=limit))
    return set(searches[key])


def _matching(desk: Desk, lens: Lens, overview: Overview, query: str, *, limit: int) -> set[str]:
    person_of_event, persons_of_source, persons_of_occasion = overview.remember("links", _links)
    found: set[str] = set()
    for hit, _body in _visible(desk, lens, desk.store.search(query, limit), query, snippets=False):
        if hit.kind == "event" and hit.ref_id in person_of_event:
            found.add(person_of_event[hit.ref_id])
        elif hit.kind == "source":
            found |= persons_of_source.get(hit.source_id, set())
        elif hit.kind == "occasion":
            found |= persons_of_occasion.get(hit.ref_id, set())
    typed = words(query)
    for person in overview.persons.values():  # names typed in full find their person
        if all(w in person.name.casefold() for w in typed):
            found.add(person.id)
    return found


def _links(overview: Overview):
    """Event -> person, source -> persons, occasion -> persons, for this overview."""
    person_of_event = {e.id: e.person_id for e in overview.case_file.events}
    persons_of_source: dict[int, set[str]] = {}
    for event in overview.case_file.events:
        persons_of_source.setdefault(event.source_id, set()).add(event.person_id)
    persons_of_occasion = {o.id: set(o.person_ids) for o in overview.case_file.occasions}
    return person_of_event, persons_of_source, persons_of_occasion
