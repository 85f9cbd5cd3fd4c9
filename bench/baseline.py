"""The usual stack, for comparison: trafilatura, then the full spaCy pipeline on every sentence.

Same reading, resolving and storing as rightsdesk, and the same extraction rules
(`Extractor._read` over the same sentence views), but:
- HTML pages go through `trafilatura.extract` with its defaults (text dumps,
  which trafilatura cannot read, go through the same text cleaner as rightsdesk);
- every paragraph of every document goes through the full `en_core_web_sm`
  pipeline as loaded by `spacy.load`, one `nlp(text)` call per paragraph: no
  pre-filtering, no `nlp.pipe` batching, no worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

import spacy
import trafilatura

from rightsdesk.clean import clean_source
from rightsdesk.errors import UnreadableSource
from rightsdesk.extract import Extractor
from rightsdesk.extract.core import MODEL_NAME, split_paragraphs
from rightsdesk.model import CleanDoc, Extraction, Source
from rightsdesk.pipeline import Pipeline
from rightsdesk.reading import Failure


class BaselineExtractor(Extractor):
    """rightsdesk's rules over a plain per-paragraph `nlp()` parse."""

    def extract_many(self, docs: Iterable[CleanDoc]) -> Iterator[Extraction]:
        for doc in docs:
            parsed = [(p, self.nlp(p.text)) for p in split_paragraphs(doc.text)]
            yield self._read(doc, parsed)


class BaselinePipeline(Pipeline):
    """One process; trafilatura for pages; the baseline extractor."""

    @classmethod
    def load(cls, **_ignored) -> BaselinePipeline:
        return cls(BaselineExtractor(spacy.load(MODEL_NAME)), workers=1)

    def _extract(
        self,
        sources: Iterable[Source],
        failures: list[Failure],
        published: date | None,
    ) -> Iterator[Extraction]:
        yield from self.extractor.extract_many(trafilatura_docs(sources, failures, published))


def trafilatura_docs(
    sources: Iterable[Source], failures: list[Failure], published: date | None
) -> Iterator[CleanDoc]:
    for source in sources:
        try:
            doc = trafilatura_doc(source)
        except UnreadableSource as exc:
            failures.append(Failure(exc.path, exc.reason))
            continue
        yield doc if doc.published or not published else replace(doc, published=published)


def trafilatura_doc(source: Source) -> CleanDoc:
    if source.kind != "html":
        return clean_source(source)
    html = source.raw.decode(source.encoding or "utf-8", errors="replace")
    text = trafilatura.extract(html) or ""
    if not text.strip():
        raise UnreadableSource(source.path, "trafilatura found no main text")
    return CleanDoc(
        source=source,
        text=text,
        title=source.title,
        published=source.published,
        url=source.url,
        published_precision=source.published_precision,
    )
