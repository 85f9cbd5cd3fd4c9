"""Russian text -> sentences of words with lemma, case and syntax, and named mentions.

Natasha (slovnet's morphology, syntax and NER over navec embeddings, all shipped
inside its PyPI packages) reads the text; pymorphy3 gives lemmas. Natasha types
stay in this module: the reading modules see `Sentence`, `Word` and `Mention`,
with offsets into the clean text, as the English modules see `SentenceView`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pymorphy3
from natasha import (
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from threadpoolctl import ThreadpoolController

from rightsdesk.model import CleanDoc, Evidence, page_at

LANGUAGE = "ru"
LINE = re.compile(r"[^\n]*\S[^\n]*")
MAX_NAME_WORDS = 3  # given name, patronymic, surname
SURNAME_STEM = 5  # letters of a surname that stay the same in every case
TITLE_WORDS = 4  # words of a quoted title that may end in "!" ("«Да!»", "«Вперёд, Грузия!»")
OPENING_QUOTES = frozenset({"«", '"', "„", "“"})
CLOSING_QUOTES = frozenset({"»", '"', "“", "”"})
PATRONYMIC_PARTICLES = frozenset({"кызы", "уулу", "улы", "оглы", "кизи", "гызы"})


@dataclass(frozen=True, slots=True)
class Word:
    """One token: `head` is the index of its syntactic head in the sentence (-1: root)."""

    text: str
    start: int  # offset in the clean text
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int
    rel: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity: `kind` PER, ORG or LOC; `first`..`last` are word indexes."""

    kind: str
    text: str
    first: int
    last: int
    normal: str  # natasha's nominative of the whole span


@dataclass(slots=True)
class Sentence:
    evidence: Evidence
    words: list[Word]
    mentions: list[Mention] = field(default_factory=list)
    index: int = 0
    paragraph: int = 0  # the line of the clean text it is on

    @property
    def text(self) -> str:
        return self.evidence.sentence

    def children(self, index: int) -> list[int]:
        return [i for i, w in enumerate(self.words) if w.head == index]

    def ancestors(self, index: int) -> list[int]:
        """Heads of word `index` up to the root (cycles in a bad parse are cut)."""
        chain: list[int] = []
        head = self.words[index].head
        while head >= 0 and head not in chain and len(chain) < len(self.words):
            chain.append(head)
            head = self.words[head].head
        return chain


class RussianNLP:
    """The Russian models, each loaded on first use (about a second in all) and kept:
    a batch with no Russian document never pays for them."""

    @cached_property
    def embedding(self) -> NewsEmbedding:
        return NewsEmbedding()

    @cached_property
    def segmenter(self) -> Segmenter:
        return Segmenter()

    @cached_property
    def morph_tagger(self) -> NewsMorphTagger:
        return NewsMorphTagger(self.embedding)

    @cached_property
    def syntax_parser(self) -> NewsSyntaxParser:
        return NewsSyntaxParser(self.embedding)

    @cached_property
    def ner_tagger(self) -> NewsNERTagger:
        return NewsNERTagger(self.embedding)

    @cached_property
    def morph_vocab(self) -> MorphVocab:
        return MorphVocab()

    @cached_property
    def morph(self) -> pymorphy3.MorphAnalyzer:
        return pymorphy3.MorphAnalyzer()

    @cached_property
    def threads(self) -> ThreadpoolController:
        return ThreadpoolController()

    def parse(self, doc: CleanDoc) -> list[Sentence]:
        """Every sentence of the document, tagged, parsed, with its named mentions.

        Slovnet's small matrix products run on one BLAS thread: OpenBLAS's threads
        cost five times the work they share (0.5 s against 0.1 s for a 3,400-character
        page on 2 cores), and worker processes already use every core.
        """
        ndoc, paragraphs = self._segmented(doc.text)
        with self.threads.limit(limits=1, user_api="blas"):
            ndoc.tag_morph(self.morph_tagger)
            ndoc.parse_syntax(self.syntax_parser)
            ndoc.tag_ner(self.ner_tagger)
        for span in ndoc.spans:
            span.normalize(self.morph_vocab)
        sentences = [self._sentence(doc, sent, i) for i, sent in enumerate(ndoc.sents)]
        for sentence, paragraph in zip(sentences, paragraphs, strict=True):
            sentence.paragraph = paragraph
        _add_mentions(sentences, ndoc.spans, self.morph)
        return sentences

    def _segmented(self, text: str) -> tuple[Doc, list[int]]:
        """The text's sentences, never across a line break (cleaners emit one paragraph
        per line, and a headline has no full stop to end it), and each one's line."""
        ndoc = Doc(text)
        ndoc.sents, ndoc.tokens = [], []
        paragraphs: list[int] = []
        for number, line in enumerate(LINE.finditer(text)):
            part = Doc(line.group())
            part.segment(self.segmenter)
            for sent in _titles_joined(part.sents, line.group()):
                sent.start += line.start()
                sent.stop += line.start()
                for token in sent.tokens:
                    token.start += line.start()
                    token.stop += line.start()
                ndoc.sents.append(sent)
                ndoc.tokens.extend(sent.tokens)
                paragraphs.append(number)
        return ndoc, paragraphs

    def _sentence(self, doc: CleanDoc, sent: object, index: int) -> Sentence:
        tokens = sent.tokens  # type: ignore[attr-defined]
        ids = {token.id: i for i, token in enumerate(tokens)}
        words = [
            Word(text=t.text, start=t.start, lemma=self.lemma(t.text, t.pos), pos=t.pos,
                 feats=dict(t.feats or {}), head=ids.get(t.head_id, -1), rel=t.rel or "")
            for t in tokens
        ]
        start, stop = sent.start, sent.stop  # type: ignore[attr-defined]
        evidence = Evidence(doc.source.content_hash, start, stop, doc.text[start:stop],
                            page=page_at(doc.pages, start), language=LANGUAGE)
        return Sentence(evidence, words, index=index)

    def lemma(self, text: str, pos: str) -> str:
        return _lemma(self.morph, text.lower(), pos)


@lru_cache(maxsize=1 << 16)
def _lemma(morph: pymorphy3.MorphAnalyzer, text: str, pos: str) -> str:
    """The dictionary form, preferring a reading of the tagger's part of speech
    (a passive participle's lemma is its verb: "задержан" -> "задержать"); a
    pronoun is read without "ё", which the dictionary knows only as a possessive
    ("её" -> "она", as "ее" is)."""
    parses = morph.parse(text.replace("ё", "е") if pos in ("PRON", "DET") else text)
    wanted = {"VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"}, "NOUN": {"NOUN"},
              "PROPN": {"NOUN"}, "ADJ": {"ADJF", "ADJS", "PRTF"}}.get(pos, set())
    chosen = next((p for p in parses if p.tag.POS in wanted), parses[0] if parses else None)
    return chosen.normal_form.replace("ё", "е") if chosen else text


def _titles_joined(sents: list, text: str) -> list:
    """Sentences the segmenter ended at a short quoted title's own "!" or "?"
    ("лидер движения «Вперёд!» Иван Сидоров") joined to the words after it."""
    joined: list = []
    for sent in sents:
        before = joined[-1] if joined else None
        if before is not None and _ends_in_title(before.tokens):
            before.tokens = before.tokens + sent.tokens
            before.stop = sent.stop
            before.text = text[before.start:before.stop]
        else:
            joined.append(sent)
    return joined


def _ends_in_title(tokens: list) -> bool:
    """The sentence ends "«... !»" with a quote opened a few words before, inside it."""
    words = [t.text for t in tokens]
    if len(words) < 3 or words[-1] not in CLOSING_QUOTES or words[-2] not in ("!", "?"):  # noqa: PLR2004
        return False
    opened = [i for i, w in enumerate(words[:-1]) if w in OPENING_QUOTES]
    return bool(opened) and opened[-1] > 0 and len(words) - opened[-1] <= TITLE_WORDS + 2


def _add_mentions(sentences: list[Sentence], spans: list, morph: pymorphy3.MorphAnalyzer
                  ) -> None:
    """File each entity span under the sentence it lies in, as word indexes."""
    for span in spans:
        for sentence in sentences:
            if not sentence.evidence.start <= span.start < sentence.evidence.end:
                continue
            inside = [i for i, w in enumerate(sentence.words)
                      if span.start <= w.start < span.stop]
            if inside:
                sentence.mentions.append(
                    _mention(sentence, span, inside[0], inside[-1], morph))
            break
    known: set[str] = set()
    for sentence in sentences:
        sentence.mentions = _joined(sentence, sentence.mentions)
        sentence.mentions = _surnames_again(sentence, known)
        known |= {sentence.words[m.last].text.lower()[:SURNAME_STEM]
                  for m in sentence.mentions if m.kind == "PER"}


def _surnames_again(sentence: Sentence, known: set[str]) -> list[Mention]:
    """A person named before, named again by a surname alone that the tagger missed
    ("Сидоров был задержан ..." at a sentence's start): the word stands alone, in no
    other mention, and begins as a known person's surname."""
    taken = {i for m in sentence.mentions for i in range(m.first, m.last + 1)}
    added = [Mention("PER", w.text, i, i, w.text) for i, w in enumerate(sentence.words)
             if i not in taken and w.pos == "PROPN" and w.text[:1].isupper()
             and len(w.text) > SURNAME_STEM and w.text.lower()[:SURNAME_STEM] in known
             and (i + 1 == len(sentence.words) or sentence.words[i + 1].pos != "PROPN")
             and (i == 0 or sentence.words[i - 1].pos != "PROPN")]
    return sorted(sentence.mentions + added, key=lambda m: m.first)


def _joined(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """Adjacent person spans are one name the tagger cut in two ("Катерина" "Андреева");
    a name alone in quotes is a title or an outlet («Белсата»), not a person."""
    kept: list[Mention] = []
    for mention in mentions:
        if mention.kind == "PER" and _quoted(sentence, mention):
            continue
        before = kept[-1] if kept else None
        if (before is not None and before.kind == mention.kind == "PER"
                and before.last + 1 == mention.first
                and mention.last - before.first < MAX_NAME_WORDS):
            kept[-1] = Mention("PER", f"{before.text} {mention.text}", before.first,
                               mention.last, f"{before.normal} {mention.normal}")
        else:
            kept.append(mention)
    return kept


def _quoted(sentence: Sentence, mention: Mention) -> bool:
    words = sentence.words
    return (mention.first > 0 and mention.last + 1 < len(words)
            and words[mention.first - 1].text in OPENING_QUOTES
            and words[mention.last + 1].text in CLOSING_QUOTES)


def _mention(sentence: Sentence, span: object, first: int, last: int,
             morph: pymorphy3.MorphAnalyzer) -> Mention:
    """A mention; a person's name takes the Turkic patronymic particle the tagger
    leaves out ("Махабат Тажибек кызы")."""
    text, normal = span.text, span.normal or span.text  # type: ignore[attr-defined]
    words = sentence.words
    if span.type == "PER":  # type: ignore[attr-defined]
        first, text, normal = _without_lead(sentence, first, last, text, normal, morph)
    if span.type == "PER" and last + 1 < len(words) and (  # type: ignore[attr-defined]
            words[last + 1].text.lower() in PATRONYMIC_PARTICLES):
        last += 1
        text, normal = f"{text} {words[last].text}", f"{normal} {words[last].text}"
    return Mention(span.type, text, first, last, normal)  # type: ignore[attr-defined]


def _without_lead(sentence: Sentence, first: int, last: int, text: str, normal: str,
                  morph: pymorphy3.MorphAnalyzer) -> tuple[int, str, str]:
    """A person's span without the capitalised common words a headline puts before
    the name ("Журналистки Катерина Андреева", "Отпущенный Лукашенко"): only at the
    start of a sentence, where a capital says nothing ("журналиста Болота Темирова")."""
    words = sentence.words
    if any(w.text[:1].isalpha() for w in words[:first]):
        return first, text, normal
    drop = first
    while drop < last and (
            not words[drop].text[:1].isalpha() or _common_word(morph, words[drop].text)):
        drop += 1
    if drop == first:
        return first, text, normal
    start = words[drop].start - words[first].start
    kept = normal.split()[drop - first:] if len(normal.split()) == len(text.split()) else []
    return drop, text[start:], " ".join(kept) or text[start:]


@lru_cache(maxsize=1 << 14)
def _common_word(morph: pymorphy3.MorphAnalyzer, word: str) -> bool:
    """A word pymorphy3's dictionary knows only as a common word, never a name part."""
    parses = morph.parse(word)
    return bool(parses) and all(
        p.is_known and not any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox", "Orgn"))
        for p in parses)
