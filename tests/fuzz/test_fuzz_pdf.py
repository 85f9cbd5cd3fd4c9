"""Hostile PDFs: each is refused with one line naming the file, in bounded time and memory,
the rest of the batch is read, and nothing already stored is touched.

The files are built at test time (hostile_pdfs.py). PDFium runs in a sandboxed child,
so a flate bomb costs the child its memory limit, not this process its memory.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from hostile import FUZZ_LIMITS, PROFILES, bounded_memory, fuzz_settings, no_hang
from hostile_pdfs import HOSTILE, TEXT, one_page
from hypothesis import given
from hypothesis import strategies as st

from rightsdesk.clean import clean_source
from rightsdesk.config import DEFAULT_LIMITS
from rightsdesk.errors import UnreadableSource
from rightsdesk.extract import Extractor
from rightsdesk.ingest import read_source
from rightsdesk.model import CleanDoc
from rightsdesk.pipeline import Pipeline
from rightsdesk.store import open_store

REFUSED_BECAUSE = {
    "many-pages": "5000 pages: over the 2000-page limit",
    "tree-cycle": "damaged PDF",
    "flate-bomb": "memory",
    "recursive-form": "nests forms over 16 deep",
    "encrypted": "encrypted PDF",
    "truncated": "damaged PDF",
    "garbled": "damaged PDF",
    "scan": "no text layer: run OCR first",
}
READ_SAFELY = ("lying-count", "deep-nesting")  # PDFium ignores the lie and the junk


def read_then_clean(path: Path) -> CleanDoc:
    return clean_source(read_source(path))


@pytest.mark.parametrize("name", sorted(REFUSED_BECAUSE))
def test_a_hostile_pdf_is_refused_by_name_with_one_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(HOSTILE[name]())
    with no_hang(), pytest.raises(UnreadableSource) as refused:
        read_then_clean(path)
    assert refused.value.path == str(path)
    assert REFUSED_BECAUSE[name] in refused.value.reason
    assert "\n" not in refused.value.reason


@pytest.mark.parametrize("name", READ_SAFELY)
def test_a_pdf_whose_structure_lies_is_read_for_its_one_real_page(
    name: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(HOSTILE[name]())
    with no_hang():
        doc = read_then_clean(path)
    assert doc.text == "Police detained the journalist on 12 May."
    assert [span.page for span in doc.pages] == [1]


def test_a_pdf_over_the_time_budget_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "slow.pdf"
    path.write_bytes(one_page(TEXT))
    limits = replace(DEFAULT_LIMITS, pdf_seconds=0.0)
    with pytest.raises(UnreadableSource, match="took longer than 0 s"):
        clean_source(read_source(path, limits=limits), limits=limits)


def test_hostile_pdfs_fail_alone_and_leave_the_store_untouched(nlp, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name in REFUSED_BECAUSE:
        (inputs / f"{name}.pdf").write_bytes(HOSTILE[name]())
    (inputs / "good.pdf").write_bytes(one_page(TEXT.replace(b"12 May", b"14 June")))
    stored = tmp_path / "stored.txt"
    stored.write_text("Police detained the journalist Aset Nurova in Almaty on 3 March 2024.")
    pipeline = Pipeline(Extractor(nlp))
    with open_store(f"sqlite:///{tmp_path / 'cases.db'}") as store:
        pipeline.ingest([stored], store)
        before = store.case_file()
        report = pipeline.ingest([inputs], store)
        after = store.case_file()
    assert sorted(Path(f.path).stem for f in report.failures) == sorted(REFUSED_BECAUSE)
    assert report.stored == 1
    assert [s.doc_id for s in after.sources] == [s.doc_id for s in before.sources] + ["good"]
    assert after.events[: len(before.events)] == before.events


@st.composite
def damaged_pdfs(draw: st.DrawFn) -> bytes:
    """A small good PDF with bytes flipped, cut or repeated: what a bad download gives."""
    data = bytearray(one_page(TEXT, deflated=draw(st.booleans())))
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 8))):
        at = rng.randrange(len(data))
        action = draw(st.sampled_from(("flip", "cut", "repeat")))
        if action == "flip":
            data[at] = rng.randrange(256)
        elif action == "cut":
            del data[at : at + rng.randrange(1, 64)]
        else:
            data[at:at] = data[at : at + rng.randrange(1, 256)] * rng.randrange(2, 50)
    return bytes(data)


@pytest.mark.parametrize("examples", PROFILES)
def test_damaged_pdfs_are_read_or_refused_never_crash(examples: int, tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"

    @fuzz_settings(examples)
    @given(data=damaged_pdfs())
    def check(data: bytes) -> None:
        path.write_bytes(data)
        with no_hang():
            try:
                bounded_memory(lambda: clean_source(read_source(path, limits=FUZZ_LIMITS),
                                                    limits=FUZZ_LIMITS))
            except UnreadableSource as refused:
                assert refused.path == str(path) and "\n" not in refused.reason

    check()
