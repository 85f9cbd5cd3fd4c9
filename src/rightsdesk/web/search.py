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

from rightsdesk.store.search import SearchHit
from rightsdesk.web.casebook import Overview, facts_where, read_source
from rightsdesk.web.deps import Desk
from rightsdesk.web.lens import Lens

SNIPPET_CHARS = 90  # on each side of the first matched word


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


def _redacted_body(desk: Desk, lens: Lens, hit: SearchHit, texts: dict[int, str]) -> str | None:
    """What this reader may read of the hit's row; None when the row is hidden."""
    if lens.hides_fact(hit.kind, hit.ref_id):
        return None
    if hit.kind == "source":
        if hit.source_id not in texts:
            reading = read_source(desk.store, desk.engine, lens, hit.source_id)
            texts[hit.source_id] = "".join(p.text for p in reading.spans)
        return texts[hit.source_id]
    facts = facts_where(
        desk.engine,
        event_ids=[hit.ref_id] if hit.kind == "event" else None,
        statement_ids=[hit.ref_id] if hit.kind == "statement" else None,
    )
    sentences = [f.evidence.sentence for f in (*facts.events, *facts.statements)]
    return lens.text(" ".join(sentences)) if sentences else hit.snippet


def _visible(desk: Desk, lens: Lens, raw: list[SearchHit], query: str, *, snippets: bool = True):
    """Hits this reader may see, each with the redacted body its snippet comes from.

    Without snippets, and when no word of the query could touch protected material,
    only hidden facts need dropping: the texts need not be read again.
    """
    if lens.full:
        return [(hit, None) for hit in raw]
    if not snippets and not lens.may_reveal(words(query)):
        return [(hit, None) for hit in raw if not lens.hides_fact(hit.kind, hit.ref_id)]
    terms = [_stem(w) for w in words(query)]
    kept, texts = [], {}
    for hit in raw:
        body = _redacted_body(desk, lens, hit, texts)
        if body is not None and all(re.search(rf"\b{re.escape(t)}", body, re.I) for t in terms):
            kept.append((hit, body))
    return kept


def search_hits(desk: Desk, lens: Lens, query: str, *, limit: int = 50) -> list[Hit]:
    """Best hits first, each with a snippet this reader may read."""
    terms = [_stem(w) for w in words(query)]
    marked = re.compile("|".join(rf"\b{re.escape(t)}\w*" for t in terms) or r"(?!)", re.IGNORECASE)
    hits = []
    for hit, body in _visible(desk, lens, desk.store.search(query, limit), query):
        pieces = _fts_pieces(hit.snippet) if body is None else _pieces(body, marked)
        hits.append(
            Hit(hit.kind, hit.ref_id, hit.source_id, _title(desk, lens, hit.source_id), pieces)
        )
    return hits


def _title(desk: Desk, lens: Lens, source_id: int) -> str:
    source = desk.store.source(source_id)
    return lens.text(source.title) or source.doc_id


def matching_person_ids(
    desk: Desk, lens: Lens, overview: Overview, query: str, *, limit: int
) -> set[str]:
    """Persons (as this reader names them) that a query finds, through any kind of hit."""
    person_of_event, persons_of_source, persons_of_occasion = overview.remember("links", _links)
    found: set[str] = set()
    for hit, _body in _visible(desk, lens, desk.store.search(query, limit), query, snippets=False):
        if hit.kind == "event" and hit.ref_id in person_of_event:
            found.add(person_of_event[hit.ref_id])
        elif hit.kind == "source":
            found |= persons_of_source.get(hit.source_id, set())
        elif hit.kind == "occasion":
            found |= persons_of_occasion.get(hit.ref_id, set())
    for person in overview.persons.values():  # names typed in full find their person
        if all(w in person.name.casefold() for w in words(query)):
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
