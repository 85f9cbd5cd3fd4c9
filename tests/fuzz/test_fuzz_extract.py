"""Fuzzing the extractor: any clean text gives an Extraction whose evidence is true."""

from __future__ import annotations

import pytest
from hostile import PROFILES, Corpus, fuzz_settings, giant_line, no_hang, words
from hypothesis import given
from hypothesis import strategies as st

from rightsdesk.extract import Extractor
from rightsdesk.model import CleanDoc, Evidence, Extraction, Source

NAMES = ("Arman Seitkali", "Dina Ospanova", "Mr Oleg K.", "the Seitkali brothers", "she", "they")
ACTS = (
    "was detained",
    "was arrested on",
    "was sentenced to",
    "was released",
    "faces trial",
    "was charged with",
    "died in custody",
    "was beaten by guards",
    "went on hunger strike",
)
TAILS = (
    "five years in prison",
    "12 May 2021",
    "last Tuesday",
    "extremism and fraud",
    "the Almaty city court",
    "2019-13-45",
    "1 January 0001",
    "in absentia",
    "",
)
SPEAKERS = (
    "The UN Special Rapporteur",
    "Amnesty International",
    "The European Union",
    "A spokesperson for the State Department",
    "HRW",
)


@st.composite
def report_sentence(draw: st.DrawFn) -> str:
    """A sentence shaped like the reports the rules read, assembled from parts."""
    kind = draw(st.sampled_from(("act", "quote", "noise")))
    if kind == "act":
        parts = (
            draw(st.sampled_from(NAMES)),
            draw(st.sampled_from(ACTS)),
            draw(st.sampled_from(TAILS)),
        )
        return " ".join(p for p in parts if p) + draw(st.sampled_from((".", "", "?", ";")))
    if kind == "quote":
        speaker = draw(st.sampled_from(SPEAKERS))
        return f"{speaker} said: \u201c{draw(words)}\u201d on {draw(st.sampled_from(TAILS))}."
    return draw(words)


def report_text() -> st.SearchStrategy[str]:
    """Sentences, joined by spaces, line breaks or nothing; or arbitrary text."""
    joined = st.tuples(
        st.lists(report_sentence(), min_size=1, max_size=30),
        st.sampled_from((" ", "\n", "\n\n", "", "\r\n", " \u2028 ")),
    ).map(lambda parts: parts[1].join(parts[0]))
    return st.one_of(joined, joined, st.text(max_size=400), giant_line().map(lambda s: s[:30_000]))


def clean_doc(text: str) -> CleanDoc:
    source = Source(doc_id="f", path="f.txt", kind="text", raw=b"", content_hash="f")
    return CleanDoc(source=source, text=text)


def assert_evidence_is_true(extraction: Extraction) -> None:
    """Every fact quotes its sentence at the offsets it claims, and names a known person."""
    text = extraction.doc.text
    evidence: list[Evidence] = [e.evidence for e in extraction.events]
    evidence += [s.evidence for s in extraction.statements]
    evidence += [o.evidence for o in extraction.occasions]
    evidence += [e for p in extraction.persons for e in p.evidence]
    for item in evidence:
        assert text[item.start : item.end] == item.sentence
    keys = {p.key for p in extraction.persons}
    assert {e.person for e in extraction.events} <= keys
    assert {k for o in extraction.occasions for k in o.persons} <= keys


@pytest.mark.parametrize("examples", PROFILES)
def test_extractor_never_crashes_and_quotes_true_evidence(examples: int, nlp) -> None:
    extractor = Extractor(nlp)
    corpus = Corpus()

    @fuzz_settings(examples)
    @given(text=report_text())
    def check(text: str) -> None:
        raw = text.encode("utf-8", errors="surrogatepass")
        with no_hang():
            corpus.run(
                {".txt": raw}, lambda: assert_evidence_is_true(extractor.extract(clean_doc(text)))
            )

    with corpus.kept_on_failure():
        check()
