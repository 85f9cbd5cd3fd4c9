"""The Russian confidence trainer: fits, calibrates and writes weights on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsdesk.extract.learned.decisions import LinearModel
from rightsdesk.extract.russian.confidence import RussianWeights
from rightsdesk.training import russian
from rightsdesk.training.events import Example
from rightsdesk.training.fresh import FreshPart

# Texts written for this test: who is arrested or sentenced, and a body speaking up.
TEXTS = {
    "a": ("Полиция задержала журналиста Ивана Петрова в Казани.", "Иван Петров", "arrest"),
    "b": ("Суд приговорил Анну Соколову к трём годам колонии.", "Анна Соколова", "sentence"),
    "c": ("Задержан блогер Олег Морозов. Amnesty International призвала освободить его.",
          "Олег Морозов", "arrest"),
    "d": ("В Самаре арестовали активиста Сергея Волкова.", "Сергей Волков", "arrest"),
    "e": ("Следователи задержали правозащитницу Марию Орлову.", "Мария Орлова", "arrest"),
    "f": ("Суд приговорил Павла Лебедева к двум годам колонии.", "Павел Лебедев", "sentence"),
    "g": ("Полиция задержала Дмитрия Козлова у здания суда.", "Дмитрий Козлов", "charge"),
    "h": ("Задержан Николай Зайцев, сообщили его родные.", "Николай Зайцев", "arrest"),
}

# A paragraph of context, so that the cleaner keeps the page as an article.
CONTEXT = ("Правозащитники давно следят за подобными делами в регионе. По их данным, за "
           "последний год число таких случаев заметно выросло, а суды почти всегда "
           "соглашаются с позицией обвинения. Родственники задержанных говорят, что "
           "узнают о переводах и новых обвинениях с опозданием, и просят наблюдателей "
           "приходить на заседания.")


def _corpus(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "gold").mkdir()
    for doc_id, (text, name, kind) in TEXTS.items():
        (root / "docs" / f"{doc_id}.txt").write_text(f"{text}\n\n{CONTEXT}\n", encoding="utf-8")
        gold = {"doc_id": doc_id, "country": "RU" if doc_id < "e" else "KZ",
                "victims": [{"id": doc_id, "name": name, "events": [{"type": kind}]}],
                "statements": [], "occasions": []}
        (root / "gold" / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False),
                                                     encoding="utf-8")
    splits = {"train": ["a", "b", "c", "d"], "cal": ["e", "f", "g", "h"], "sealed": []}
    (root / "splits.json").write_text(json.dumps(splits), encoding="utf-8")
    return root


def test_the_trainer_fits_calibrates_and_writes_loadable_weights(tmp_path: Path,
                                                                 shared_dir: Path) -> None:
    pytest.importorskip("sklearn")
    corpus = _corpus(tmp_path / "ru")
    out, plot = tmp_path / "weights.json", tmp_path / "plot.svg"
    assert russian.main(["--corpus", str(corpus), "--train", "train", "--calibrate", "cal",
                         "--folds", "2", "--scorer", str(shared_dir / "eval" / "score.py"),
                         "--out", str(out), "--plot", str(plot)]) == 0
    weights = RussianWeights.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert weights.events is not None and weights.statements is not None
    assert weights.meta["fitted_on"] == {"parts": ["train"], "documents": 4}
    assert set(weights.meta["chosen"]) == {"events", "statements", "occasions"}
    assert "events" in weights.meta["calibration"] and weights.keep == 0.0
    assert plot.read_text(encoding="utf-8").startswith("<svg")


def test_the_trainer_never_reads_the_sealed_part(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        russian.parse_parts(_corpus(tmp_path / "ru"), ["train", "sealed"], None)  # type: ignore[arg-type]


def test_too_few_unread_facts_give_their_rate_not_a_platt_slope() -> None:
    model = LinearModel({"x": 3.0}, 0.0)
    per_doc = [[Example(["x"], n % 4 != 0)] for n in range(8)]  # 6 of 8 right
    scaled, pairs = russian.calibrated(FreshPart([], [], [[0, 2, 4, 6], [1, 3, 5, 7]]),
                                       model, per_doc)
    assert scaled.probability(["x"]) == pytest.approx(0.7)  # (6 + 1) / (8 + 2)
    assert len(pairs) == 8


def test_log_loss_and_the_constant_model() -> None:
    assert russian.log_loss([(0.5, True), (0.5, False)]) == pytest.approx(0.6931, abs=1e-4)
    examples = [Example([], True)] * 3 + [Example([], False)]
    assert russian.constant(examples).probability([]) == pytest.approx(4 / 6)
