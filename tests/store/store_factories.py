"""Documents built by hand from the model, for the store tests (sentences written for them)."""

from __future__ import annotations

import hashlib
from datetime import date

from rightsdesk.model import (
    CleanDoc,
    Evidence,
    Extraction,
    PersonRef,
    Provenance,
    Resolution,
    Source,
)

EXTRACTOR = "rightsdesk.extract/test"


def clean_doc(text: str, *, doc_id: str, published: date | None = None) -> CleanDoc:
    """A document as clean would hand it over; the hash is of the text itself."""
    raw = text.encode()
    source = Source(
        doc_id=doc_id,
        path=f"/in/{doc_id}.txt",
        kind="text",
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        url=f"https://example.org/{doc_id}",
        published=published,
        title=f"Report {doc_id}",
        encoding="utf-8",
    )
    return CleanDoc(source=source, text=text, title=source.title, published=published)


def evidence(doc: CleanDoc, sentence: str) -> Evidence:
    """Evidence pointing at `sentence`, which must occur in the document."""
    start = doc.text.index(sentence)
    return Evidence(doc.source.content_hash, start, start + len(sentence), sentence)


def extraction(doc: CleanDoc, country: str | None = "BY") -> Extraction:
    return Extraction(
        doc=doc, provenance=Provenance(EXTRACTOR, doc.source.content_hash), country=country
    )


def resolve(*extractions: Extraction, ids: dict[str, str]) -> Resolution:
    """Assign global ids by local name: `ids` maps a person's name as written -> global id."""
    resolution = Resolution()
    for item in extractions:
        for person in item.persons:
            global_id = ids[person.name]
            resolution.person_ids[PersonRef(item.doc.source.content_hash, person.key)] = global_id
            resolution.names.setdefault(global_id, person.name)
    return resolution


REPORT_2021 = (
    "Officers detained the blogger Maria Ivanova in Grodno on 14 July 2021. "
    "She was charged with organising mass riots and insulting the president. "
    "Her lawyer said she had been beaten in custody. "
    "The journalist Aleś Navumčyk was detained at his home. "
    "The UN Special Rapporteur called for their release. "
    "Her trial is due to open on 20 January 2022."
)
REPORT_2022 = (
    "A court in Grodno sentenced M. Ivanova to six years in a penal colony in March 2022. "
    "The EU spokesperson condemned the verdict."
)


IDS = {
    "Maria Ivanova": "ivanova-maria",
    "M. Ivanova": "ivanova-maria",
    "Aleś Navumčyk": "navumcyk-ales",
}
