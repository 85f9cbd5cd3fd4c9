"""Worker processes: the same facts, failures and store as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsdesk.extract import Extractor
from rightsdesk.pipeline import PARALLEL_MIN_DOCS, Pipeline
from rightsdesk.store import open_store

REPORTS = [
    "Police in Almaty arrested the blogger Arman Seitov on Monday.",
    "A court sentenced the journalist Dana Omarova to five years in prison.",
    "The activist Bolat Kenzhe was released from detention after ten days.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More documents than the parallel threshold, one of them unreadable."""
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(PARALLEL_MIN_DOCS + 4):
        text = f"{REPORTS[n % len(REPORTS)]}\nReport number {n} of the series.\n"
        (folder / f"report-{n:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def summary(pipeline: Pipeline, corpus: Path) -> tuple[list, dict, list[str]]:
    """Events per document in output order, global person ids, failures."""
    extractions, resolution, failures = pipeline.extract([corpus])
    events = [
        (ex.doc.source.doc_id, [(e.type, e.date, e.sentence_months) for e in ex.events])
        for ex in extractions
    ]
    return events, dict(resolution.person_ids), [str(f) for f in failures]


def test_workers_extract_what_one_process_extracts(nlp, corpus: Path) -> None:
    one = summary(Pipeline(Extractor(nlp), workers=1), corpus)
    two = summary(Pipeline(Extractor(nlp), workers=2), corpus)
    assert one == two
    events, person_ids, failures = two
    assert [doc_id for doc_id, _ in events] == [f"report-{n:03d}" for n in range(len(events))]
    assert len(events) == PARALLEL_MIN_DOCS + 4 and all(found for _, found in events)
    assert len(set(person_ids.values())) == len(REPORTS)
    assert failures == [f"{corpus / 'empty.txt'}: empty file"]


def test_workers_store_every_document_once(nlp, corpus: Path, tmp_path: Path) -> None:
    pipeline = Pipeline(Extractor(nlp), workers=2)
    with open_store(str(tmp_path / "cases.db")) as store:
        first = pipeline.ingest([corpus], store)
        again = pipeline.ingest([corpus], store)
    assert (first.stored, first.unchanged, len(first.failures)) == (PARALLEL_MIN_DOCS + 4, 0, 1)
    assert (again.stored, again.unchanged) == (0, PARALLEL_MIN_DOCS + 4)


class BreaksOnMarker(Extractor):
    """An extractor with a bug that one input triggers (as a hostile page might)."""

    def extract_many(self, docs):
        for doc in docs:
            if "MARKER" in doc.text:
                raise ValueError("bad input\nwith a second line")
            yield from super().extract_many([doc])


def test_a_document_that_breaks_the_extractor_fails_alone(nlp, tmp_path: Path) -> None:
    context = " The family said the case was a reprisal for years of criticism of the authorities."
    for n, report in enumerate(REPORTS):
        (tmp_path / f"r{n}.txt").write_text(report + context, encoding="utf-8")
    (tmp_path / "r9.txt").write_text("MARKER. " + REPORTS[0] + context, encoding="utf-8")
    extractions, _, failures = Pipeline(BreaksOnMarker(nlp)).extract([tmp_path])
    assert sorted(ex.doc.source.doc_id for ex in extractions) == ["r0", "r1", "r2"]
    [failure] = failures
    assert failure.path.endswith("r9.txt") and "ValueError" in failure.reason
    assert "\n" not in str(failure)
