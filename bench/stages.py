"""CPU per document by stage, in one process: where end-to-end time goes.

    .venv/bin/python bench/stages.py [--docs 200]

Builds the dev set repeated to --docs documents (bench/corpus.py), then times
with `time.process_time` reading and cleaning, the parse as the baseline does
it (`nlp()` per paragraph, the model as `spacy.load` gives it) and as
rightsdesk does it (`nlp.pipe` over 16 documents, `load_model()`), the reading
rules, resolving and storing into a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import spacy

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import repeat_corpus  # noqa: E402
from rightsdesk.extract import Extractor, load_model  # noqa: E402
from rightsdesk.extract.core import BATCH_DOCS, MODEL_NAME, split_paragraphs  # noqa: E402
from rightsdesk.ingest import list_inputs  # noqa: E402
from rightsdesk.pipeline import BATCH_SIZE  # noqa: E402
from rightsdesk.reading import clean_docs  # noqa: E402
from rightsdesk.resolve import resolve_people  # noqa: E402
from rightsdesk.store import open_store  # noqa: E402

DEV_DOCS = BENCH.parents[1] / "shared" / "eval" / "dev" / "docs"


class Clock:
    """CPU seconds per stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.process_time()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - started


def parse_batched(nlp, docs) -> list:
    """rightsdesk's parse: the paragraphs of BATCH_DOCS documents in one nlp.pipe call."""
    parsed = []
    for start in range(0, len(docs), BATCH_DOCS):
        chunk = docs[start : start + BATCH_DOCS]
        work = [(i, p) for i, doc in enumerate(chunk) for p in split_paragraphs(doc.text)]
        out: list[list] = [[] for _ in chunk]
        for pdoc, (i, paragraph) in nlp.pipe(((p.text, (i, p)) for i, p in work), as_tuples=True):
            out[i].append((paragraph, pdoc))
        parsed.extend(out)
    return parsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args(argv)
    clock = Clock()
    nlp, plain = load_model(), spacy.load(MODEL_NAME)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        repeat_corpus(DEV_DOCS, corpus, args.docs)
        with clock.stage("read and clean"):
            docs = list(clean_docs(list_inputs([corpus]), []))
        parse_batched(nlp, docs[:1]), plain("warm up")
        with clock.stage("parse: nlp() per paragraph, plain model (baseline)"):
            for doc in docs:
                [plain(p.text) for p in split_paragraphs(doc.text)]
        with clock.stage("parse: nlp.pipe, load_model() (rightsdesk)"):
            parsed = parse_batched(nlp, docs)
        extractor = Extractor(nlp)
        with clock.stage("reading rules"):
            extractions = [extractor._read(d, p) for d, p in zip(docs, parsed, strict=True)]
        with open_store(f"{folder}/cases.db") as store:
            for start in range(0, len(extractions), BATCH_SIZE):
                batch = extractions[start : start + BATCH_SIZE]
                with clock.stage("resolve"):
                    resolution = resolve_people(batch, store.known_persons())
                with clock.stage("store (SQLite)"):
                    for extraction in batch:
                        store.save(extraction, resolution)
    for stage, seconds in clock.seconds.items():
        print(f"{stage:60} {1000 * seconds / len(docs):6.1f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
