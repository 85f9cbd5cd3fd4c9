"""SentenceView: one parsed sentence with its evidence and its paragraph.

Pattern modules (victims, events, statements, occasions) read sentences through
this view so that spaCy spans stay inside `extract/` and every fact they make
can carry the same `Evidence` (absolute offsets into `CleanDoc.text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from rightsdesk.model import Evidence


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence as the pattern modules see it.

    - `span`: the spaCy sentence (parsed: `dep_`, `lemma_`, `ent_type_` set); its
      `start_char` is relative to the paragraph Doc, not to the clean text.
    - `evidence`: the sentence text and its absolute offsets in `CleanDoc.text`.
    - `paragraph`: index of the paragraph in the document; sentences of one
      paragraph share a spaCy Doc, so pronouns can be followed within it.
    - `index`: position of the sentence in the document (0-based, reading order).
    """

    span: Span
    evidence: Evidence
    paragraph: int
    index: int

    @property
    def text(self) -> str:
        return self.evidence.sentence

    def offset(self, char_in_paragraph: int) -> int:
        """Absolute offset in the clean text of a character offset in the paragraph Doc."""
        return self.evidence.start + char_in_paragraph - self.span.start_char
