"""PDF reading against the same documents as text: does extraction score the same?

    python bench/pdf_bench.py [--corpus corpus] [--scorer ../shared/eval/score.py]
                              [--docs N] [--work DIR]

Each document of the corpus's training part (never the sealed part named in
`corpus/splits.json`) is rendered to PDF by WeasyPrint twice, in one column and
in two (CSS columns), with a running header, a running footer and page numbers
(tests/pdf_reports.py). `rightsdesk extract` then reads the text files and each
PDF folder, and score.py scores the three against the training part's gold only.
Prints the overall scores and each PDF layout's difference from text.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pdf_reports import render_text  # noqa: E402

LAYOUTS = {"pdf-1col": 1, "pdf-2col": 2}


def training_ids(corpus: Path, limit: int | None) -> list[str]:
    """The training part's documents, in the split's order; the sealed part is never read."""
    ids = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))["train"]
    return ids[:limit] if limit else ids


def lay_out(corpus: Path, ids: list[str], work: Path) -> dict[str, Path]:
    """The text files and their PDF renderings, each folder with the sidecars."""
    folders = {name: work / name for name in ("text", *LAYOUTS)}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    gold = work / "gold" / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for doc_id in ids:
        text_file = corpus / "docs" / f"{doc_id}.txt"
        meta = corpus / "docs" / f"{doc_id}.meta.json"
        shutil.copy(corpus / "gold" / f"{doc_id}.json", gold)
        shutil.copy(text_file, folders["text"])
        text = text_file.read_text(encoding="utf-8")
        for name, columns in LAYOUTS.items():
            target = folders[name] / f"{doc_id}.pdf"
            if not target.exists():
                target.write_bytes(render_text(text, columns=columns))
        for folder in folders.values():
            if meta.exists():
                shutil.copy(meta, folder)
    return folders


def extract(folder: Path, predictions: Path) -> float:
    """`rightsdesk extract` over one folder; returns its wall time in seconds."""
    started = time.perf_counter()
    command = [str(Path(sys.executable).parent / "rightsdesk"), "extract", str(folder),
               "--out", str(predictions)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def score(scorer: Path, gold: Path, predictions: Path) -> dict:
    command = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(predictions),
               "--json"]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--docs", type=int, default=None, help="only the first N training documents")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rightsdesk-pdf-bench"))
    args = ap.parse_args(argv)
    ids = training_ids(args.corpus, args.docs)
    folders = lay_out(args.corpus, ids, args.work)
    results = {}
    for name, folder in folders.items():
        predictions = args.work / f"{name}.jsonl"
        seconds = extract(folder, predictions)
        results[name] = {**score(args.scorer, args.work / "gold", predictions),
                         "seconds": round(seconds, 1)}
    text = results["text"]["overall"]
    print(f"{len(ids)} training documents")
    for name, summary in results.items():
        delta = "" if name == "text" else f"  ({summary['overall'] - text:+.3f} against text)"
        print(f"{name:9s} overall {summary['overall']:.3f}{delta}  extract {summary['seconds']} s")
    print(json.dumps(results, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
