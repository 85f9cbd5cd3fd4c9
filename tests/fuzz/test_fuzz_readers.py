"""Fuzzing the readers and the cleaner: only UnreadableSource may come out, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import (
    FUZZ_LIMITS,
    PROFILES,
    Corpus,
    bounded_memory,
    fuzz_settings,
    gzipped,
    memory_bound,
    no_hang,
    page_text,
    raw_document,
    sidecar,
)
from hypothesis import given
from hypothesis import strategies as st

from rightsdesk.clean import clean_source
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest import read_source
from rightsdesk.model import CleanDoc, Source

SUFFIXES = (".html", ".htm", ".txt", ".HTML", ".pdf", ".html.gz", ".txt.gz")


@st.composite
def document_files(draw: st.DrawFn) -> dict[str, bytes]:
    """A document (by suffix: plain or gzipped) and maybe its sidecar."""
    suffix = draw(st.sampled_from(SUFFIXES))
    raw = draw(gzipped() if suffix.endswith(".gz") else raw_document())
    files = {suffix: raw}
    meta = draw(sidecar())
    if meta is not None:
        files[".meta.json"] = meta
    return files


def read_then_clean(path: Path) -> CleanDoc | None:
    """What ingest does with one file; None when it is refused with a reason."""
    try:
        source = read_source(path, limits=FUZZ_LIMITS)
        return clean_source(source, limits=FUZZ_LIMITS)
    except UnreadableSource as refused:
        assert "\n" not in refused.reason.strip(), "a refusal is one line"
        return None


@pytest.mark.parametrize("examples", PROFILES)
def test_read_source_and_clean_refuse_with_a_reason_never_crash(
    examples: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("fuzz-read")
    corpus = Corpus()

    @fuzz_settings(examples)
    @given(files=document_files())
    def check(files: dict[str, bytes]) -> None:
        for old in folder.iterdir():
            old.unlink()
        for suffix, data in files.items():
            (folder / f"doc{suffix}").write_bytes(data)
        document = next(folder / f"doc{s}" for s in files if s != ".meta.json")
        with no_hang():
            corpus.run(files, lambda: bounded_memory(lambda: read_then_clean(document)))

    with corpus.kept_on_failure():
        check()


def source_of(text: str, kind: str, encoding: str) -> Source:
    raw = text.encode("utf-8", errors="surrogatepass")
    return Source(doc_id="f", path="f", kind=kind, raw=raw, content_hash="f", encoding=encoding)


@pytest.mark.parametrize("examples", PROFILES)
def test_clean_source_refuses_with_a_reason_never_crashes(examples: int) -> None:
    """The cleaner on its own, given text that ingest would have refused (NUL bytes,
    lone surrogates, codec names nobody knows) as well as hostile markup."""
    corpus = Corpus()

    @fuzz_settings(examples)
    @given(
        text=st.one_of(page_text(), st.text(max_size=500)),
        kind=st.sampled_from(("html", "text")),
        encoding=st.sampled_from(("utf-8", "cp1252", "utf-16", "no-such-codec", "")),
    )
    def check(text: str, kind: str, encoding: str) -> None:
        source = source_of(text, kind, encoding)
        suffix = ".html" if kind == "html" else ".txt"

        def clean() -> None:
            try:
                doc = clean_source(source, limits=FUZZ_LIMITS)
            except UnreadableSource:
                return
            assert doc.text.strip()
            assert len(doc.text) <= FUZZ_LIMITS.max_text_chars

        with no_hang():
            bound = memory_bound(len(source.raw))
            corpus.run({suffix: source.raw}, lambda: bounded_memory(clean, bound))

    with corpus.kept_on_failure():
        check()
