"""What a reader may see: confidential persons become case codes, confidential facts vanish,
and the cases of countries walled off to other teams are not there at all.

Redaction happens once, at the data boundary: a viewer's pages, API answers and
briefs are all rendered from a case file that has already passed through the
lens, so no template can forget it. Names are replaced wherever they occur in
text (evidence sentences, source texts, titles, snippets), and so are their
single name words ("Kozlov said..."): hiding a word too many is the safe error.
A person of a walled country named in an open source is replaced by WITHHELD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from rightsdesk.model import (
    CaseFile,
    EventRecord,
    OccasionRecord,
    PersonRecord,
    SourceRecord,
    StatementRecord,
)
from rightsdesk.store.review import Protected
from rightsdesk.store.teams import NOTHING_OUTSIDE, Outside

WITHHELD = "[withheld]"
MIN_NAME_WORD = 3  # shorter name parts ("Al", "de") are too common to hide on their own


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a source text: plain, or the evidence of a fact (`fact` is kind, id)."""

    text: str
    fact: tuple[str, int] | None = None
    withheld: bool = False


class Lens:
    """The view of one reader: `full` readers (analysts, admins) see confidential cases;
    `outside` is what the reader's teams leave out (nothing for admins)."""

    def __init__(
        self, protected: Protected, *, full: bool, outside: Outside = NOTHING_OUTSIDE
    ) -> None:
        self.protected = protected
        self.full = full
        self.outside = outside
        self.sees_all = full and outside.empty

    @property
    def key(self) -> tuple[bool, frozenset[str]]:
        """Readers with the same key see the same record."""
        return self.full, self.outside.countries

    @cached_property
    def _pattern(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        code_of: dict[str, str] = {}
        hidden = [] if self.full else [
            (names, self.protected.codes[person_id])
            for person_id, names in self.protected.names.items()]
        hidden += [(names, WITHHELD) for names in self.outside.names.values()]
        for names, replacement in hidden:
            for name in names:
                code_of.setdefault(name.casefold(), replacement)
                for word in re.findall(r"\w+", name):
                    if len(word) >= MIN_NAME_WORD and word[0].isupper():
                        code_of.setdefault(word.casefold(), replacement)
        if not code_of:
            return None, code_of
        alternatives = sorted(code_of, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in alternatives)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), code_of

    def text(self, value: str | None) -> str | None:
        """The text with every protected name replaced by its case code."""
        pattern, code_of = self._pattern
        if self.sees_all or value is None or pattern is None:
            return value
        return pattern.sub(lambda m: code_of[m.group(0).casefold()], value)

    def name_matches(self, value: str) -> list[tuple[int, int]]:
        pattern, _ = self._pattern
        if self.sees_all or pattern is None:
            return []
        return [m.span() for m in pattern.finditer(value)]

    def may_reveal(self, words: list[str]) -> bool:
        """Whether a search for these words could hit protected material at all: a word
        that shares its stem with a protected name ("Surnames" finds "Surname" as the
        index's stemmer folds it), or that occurs in a hidden sentence."""
        if self.sees_all:
            return False
        _, code_of = self._pattern
        hidden = "" if self.full else " ".join(self.protected.hidden_sentences).casefold()
        for word in (w.casefold() for w in words):
            stem = word[: max(3, len(word) - 3)] if len(word) > 4 else word
            if any(name.startswith(stem) or word.startswith(name) for name in code_of):
                return True
            if hidden and stem[:4] in hidden:
                return True
        return False

    def url(self, value: str | None) -> str | None:
        """A link whose address spells a protected name is withheld, not shown."""
        if value is None or self.sees_all:
            return value
        readable = _readable(value)
        return value if self.text(readable) == readable else None

    # --- ids ---

    def person_id(self, person_id: str) -> str:
        """The id a reader uses in links: the case code for a protected person."""
        if self.full:
            return person_id
        return self.protected.codes.get(person_id, person_id)

    def real_person_id(self, shown_id: str) -> str | None:
        """Back from a link to the stored id; None when this reader may not ask for it."""
        if not self.full and shown_id in self.protected.codes:
            return None  # a viewer asking by real id of a protected person: not found
        codes = self.protected.codes.items()
        real = next((person_id for person_id, code in codes if code == shown_id), shown_id)
        return None if real in self.outside.persons else real

    def hides_fact(self, kind: str, fact_id: int) -> bool:
        """Whether a fact (or a source: kind "source") is not for this reader at all."""
        key = (kind, fact_id)
        return key in self.outside.facts or (not self.full and key in self.protected.facts)

    def hides_person(self, person_id: str) -> bool:
        return person_id in self.outside.persons

    # --- records ---

    def person(self, person: PersonRecord) -> PersonRecord:
        if self.full or person.id not in self.protected.codes:
            return person
        code = self.protected.codes[person.id]
        return PersonRecord(id=code, name=code, country=person.country, confidential=True)

    def event(self, event: EventRecord) -> EventRecord:
        texts = (event.evidence.sentence, event.place, *event.charges)
        if self.sees_all or not self._touches(event.person_id, *texts):
            return event
        evidence = replace(event.evidence, sentence=self.text(event.evidence.sentence) or "")
        return replace(
            event,
            person_id=self.person_id(event.person_id),
            evidence=evidence,
            place=self.text(event.place),
            charges=[self.text(charge) or "" for charge in event.charges],
        )

    def _touches(self, person_id: str | None, *texts: str | None) -> bool:
        """Whether a record needs redacting at all (most do not: skip the copying)."""
        pattern, _ = self._pattern
        if not self.full and person_id in self.protected.codes:
            return True
        return pattern is not None and any(t and pattern.search(t) for t in texts)

    def source(self, source: SourceRecord) -> SourceRecord:
        """A source that would reveal a protected person (its title, address or file
        name spells the name) shows a neutral label and no address."""
        address, file_name = _readable(source.url or ""), _readable(source.doc_id)
        if self.sees_all or not self._touches(None, source.title, address, file_name):
            return source
        label = f"source {source.id}"
        return replace(source, title=label, url=None, doc_id=label)

    def statement(self, statement: StatementRecord) -> StatementRecord:
        if self.sees_all or not self._touches(
                None, statement.evidence.sentence, statement.actor):
            return statement
        sentence = self.text(statement.evidence.sentence) or ""
        return replace(statement, actor=self.text(statement.actor) or "",
                       evidence=replace(statement.evidence, sentence=sentence))

    def occasion(self, occasion: OccasionRecord) -> OccasionRecord:
        protected_person = not self.full and any(
            p in self.protected.codes for p in occasion.person_ids)
        texts = (occasion.description, occasion.evidence.sentence)
        if self.sees_all or not (protected_person or self._touches(None, *texts)):
            return occasion
        evidence = replace(occasion.evidence, sentence=self.text(occasion.evidence.sentence) or "")
        return replace(
            occasion,
            description=self.text(occasion.description) or "",
            evidence=evidence,
            person_ids=[self.person_id(p) for p in occasion.person_ids],
        )

    def case_file(self, case_file: CaseFile) -> CaseFile:
        """The case file this reader may see, every text passed through `text`."""
        if self.sees_all:
            return case_file
        return CaseFile(
            country=case_file.country,
            sources=[
                self.source(s) for s in case_file.sources if not self.hides_fact("source", s.id)
            ],
            persons=[self.person(p) for p in case_file.persons if not self.hides_person(p.id)],
            events=[self.event(e) for e in case_file.events if not self.hides_fact("event", e.id)],
            statements=[
                self.statement(s)
                for s in case_file.statements
                if not self.hides_fact("statement", s.id)
            ],
            occasions=[
                self.occasion(o)
                for o in case_file.occasions
                if not self.hides_fact("occasion", o.id)
            ],
        )

    # --- source texts ---

    def spans(self, text: str, facts: list[tuple[str, int, int, int]]) -> list[Span]:
        """The text cut at fact evidence (kind, id, start, end), names replaced per piece.

        A cut never falls inside a protected name, so no name survives in halves;
        the evidence of a hidden fact is replaced by WITHHELD.
        """
        names = self.name_matches(text)
        cuts = {0, len(text)}
        for _kind, _id, start, end in facts:
            cuts.update(c for c in (start, end) if 0 <= c <= len(text))
        cuts = {c for c in cuts if not any(s < c < e for s, e in names)}
        bounds = sorted(cuts)
        spans = []
        for start, end in zip(bounds, bounds[1:], strict=False):
            fact = self._owner(facts, start, end)
            if fact and self.hides_fact(*fact):
                spans.append(Span(WITHHELD, withheld=True))
            else:
                spans.append(Span(self.text(text[start:end]) or "", fact=fact))
        return _merged_withheld(spans)

    def _owner(
        self, facts: list[tuple[str, int, int, int]], start: int, end: int
    ) -> tuple[str, int] | None:
        """The fact whose evidence covers a piece; a hidden fact wins over a visible one."""
        covering = [(k, i) for k, i, s, e in facts if s <= start and end <= e and s < e]
        covering.sort(key=lambda fact: not self.hides_fact(*fact))
        return covering[0] if covering else None


def _readable(value: str) -> str:
    """An address or file name as words ("kz-news-surname-sentenced" -> "kz news surname
    sentenced"), so names in it are found as names in text are."""
    return re.sub(r"[-_+./%]+", " ", value)


def _merged_withheld(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if span.withheld and merged and merged[-1].withheld:
            continue
        merged.append(span)
    return merged
