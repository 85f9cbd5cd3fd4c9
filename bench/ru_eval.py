"""Score the Russian reader on one part of the Russian corpus (the dev loop of issue 15).

    .venv/bin/python bench/ru_eval.py                       # the training part
    .venv/bin/python bench/ru_eval.py --with-english ../shared/eval/dev

Extracts the documents of the part named in `corpus/ru/splits.json` and scores
them with `../shared/eval/score.py` against their gold files only. With
`--with-english`, the English gold set is extracted in the same run, and the
cross-document B3 is also given over the people named in both languages (gold
ids that occur in Russian and in English documents). The sealed part is scored
only with `--part sealed --sealed-once`: it is for the lead, once. Any other
key of `splits.json` is a part too (`--part fresh`: documents annotated after the
rules were written, scored once before anyone reads them).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from rightsdesk.pipeline import Pipeline, write_predictions

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "ru"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def part_ids(corpus: Path, part: str) -> list[str]:
    """The ids of one part; an unknown part is an error that names the known ones."""
    splits = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))
    if part not in splits or not isinstance(splits[part], list):
        known = ", ".join(k for k, v in splits.items() if isinstance(v, list))
        raise SystemExit(f"no part {part!r} in splits.json (parts: {known})")
    return sorted(splits[part])


def stage_part(corpus: Path, ids: list[str], into: Path) -> None:
    """Copy the part's documents (with sidecars) and gold files into `into`."""
    (into / "docs").mkdir(parents=True)
    (into / "gold").mkdir()
    for doc_id in ids:
        for path in (corpus / "docs").glob(f"{doc_id}.*"):
            if path.name.removeprefix(doc_id).count(".") <= 2:  # .txt, .html, .meta.json
                shutil.copy(path, into / "docs" / path.name)
        shutil.copy(corpus / "gold" / f"{doc_id}.json", into / "gold" / f"{doc_id}.json")


def summary(score: ModuleType, gold_dir: Path, pred: Path) -> dict:
    return json.loads(_run_json(score, ["--gold", str(gold_dir), "--pred", str(pred), "--json"]))


def _run_json(score: ModuleType, argv: list[str]) -> str:
    from contextlib import redirect_stdout
    from io import StringIO

    buffer = StringIO()
    with redirect_stdout(buffer):
        score.main(argv)
    return buffer.getvalue()


def cross_script_b3(score: ModuleType, russian: Path, english: Path, pred: Path) -> dict:
    """B3 over mentions of gold people who occur in both the Russian and the English set."""
    golds_ru, golds_en = score.load_gold(russian), score.load_gold(english)
    preds = score.load_pred(pred)
    ids_ru = {v["id"] for g in golds_ru.values() for v in g.get("victims", [])}
    ids_en = {v["id"] for g in golds_en.values() for v in g.get("victims", [])}
    both = ids_ru & ids_en
    mentions, gold_mentions = [], []
    for doc_id, gold in {**golds_en, **golds_ru}.items():
        result = score.score_doc(gold, preds.get(doc_id, {}))
        mentions += [m for m in result["_mentions"] if m[1] in both]
        gold_mentions += [m for m in result["_gold_mentions"] if m[1] in both]
    return {"people": len(both), **score.bcubed(gold_mentions, mentions)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--part", default="train",
                    help="a key of splits.json: train, fresh (new documents), sealed")
    ap.add_argument("--sealed-once", action="store_true",
                    help="required to score the sealed part (the lead, once)")
    ap.add_argument("--with-english", type=Path, help="an English gold set to extract alongside")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--pred", type=Path, help="keep the prediction file here")
    args = ap.parse_args(argv)
    if args.part == "sealed" and not args.sealed_once:
        ap.error("the sealed part is scored once, by the lead: add --sealed-once")
    score = load_scorer(args.scorer)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "ru"
        stage_part(args.corpus, part_ids(args.corpus, args.part), staged)
        inputs = [staged / "docs"] + ([args.with_english / "docs"] if args.with_english else [])
        pred = args.pred or Path(tmp) / "pred.jsonl"
        pipeline = Pipeline.load(workers=1)
        started = time.perf_counter()
        extractions, resolution, failures = pipeline.extract(inputs)
        seconds = time.perf_counter() - started
        write_predictions(pred, extractions, resolution)
        result = {"part": args.part, "russian": summary(score, staged, pred),
                  "documents": len(extractions), "seconds": round(seconds, 1),
                  "docs_per_second": round(len(extractions) / seconds, 1),
                  "failures": [str(f) for f in failures]}
        if args.with_english:
            result["english"] = summary(score, args.with_english, pred)
            result["cross_script"] = cross_script_b3(score, staged, args.with_english, pred)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
