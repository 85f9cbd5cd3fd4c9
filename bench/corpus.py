"""Repeat a document set into a larger corpus whose copies differ in content hash.

    .venv/bin/python bench/corpus.py ../shared/eval/dev/docs /tmp/corpus --docs 2000

Each copy is the original text with one unique comment line appended, and the
original's `.meta.json` sidecar beside it, so the store never skips a copy as
already seen (content hash) while the facts stay those of the original. The
text cleaner drops the added line as clutter. Copies are named so that the
pipeline's sorted input order cycles through the originals: every stretch of
the corpus has the same mix of short and long documents.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

SIDECAR = ".meta.json"


def originals(source: Path) -> list[Path]:
    """The text documents of the set, in name order."""
    return sorted(p for p in source.iterdir() if p.suffix == ".txt")


def repeat_corpus(source: Path, dest: Path, docs: int) -> list[Path]:
    """Write `docs` documents into `dest` (cycling through the originals); returns them."""
    dest.mkdir(parents=True, exist_ok=True)
    texts = originals(source)
    written = []
    for n in range(docs):
        original = texts[n % len(texts)]
        name = f"copy{n:06d}--{original.stem}"  # sorted order cycles through the originals
        target = dest / f"{name}.txt"
        body = original.read_text(encoding="utf-8").rstrip("\n")
        target.write_text(f"{body}\n<!-- benchmark copy {n} -->\n", encoding="utf-8")
        sidecar = original.with_name(original.stem + SIDECAR)
        if sidecar.is_file():
            shutil.copyfile(sidecar, dest / f"{name}{SIDECAR}")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args(argv)
    written = repeat_corpus(args.source, args.dest, args.docs)
    print(f"{len(written)} documents -> {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
