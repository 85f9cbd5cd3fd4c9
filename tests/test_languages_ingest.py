"""English and Russian ingested together: one person in both scripts, other languages kept."""

from __future__ import annotations

from pathlib import Path

from rightsdesk.extract import Extractor
from rightsdesk.extract.learned.decisions import Decisions
from rightsdesk.extract.russian import RussianNLP, RussianReader
from rightsdesk.pipeline import Pipeline
from rightsdesk.store import open_store

PAGES = {
    "en.txt": "A court in Aktau sentenced the opposition leader Vladimir Kozlov to seven and "
              "a half years in prison on Monday.\nHis lawyers said they would appeal.\n",
    "ru.txt": "Суд в Актау приговорил оппозиционного политика Владимира Козлова к семи с "
              "половиной годам лишения свободы.\nЗащита намерена обжаловать приговор.\n",
    "de.txt": "Ein Gericht in Aktau hat den Oppositionspolitiker Wladimir Koslow zu siebeneinhalb "
              "Jahren Haft verurteilt.\nSeine Anwälte wollen Berufung einlegen.\n",
}


def test_mixed_ingest_one_person_in_both_scripts_and_german_kept_unread(
    nlp, tmp_path: Path
) -> None:
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    extractor = Extractor(nlp, Decisions(), russian=RussianReader(RussianNLP()))
    with open_store(f"sqlite:///{tmp_path / 'cases.db'}") as store:
        report = Pipeline(extractor, workers=1).ingest([tmp_path], store)
        case = store.case_file()
    assert (report.stored, report.unread) == (3, {"de": 1})
    assert sorted(s.language for s in case.sources) == ["de", "en", "ru"]
    [person] = case.persons
    assert person.name == "Vladimir Kozlov"
    assert "Владимир Козлов" in person.aliases
    languages = {e.evidence.language for e in case.events if e.person_id == person.id}
    assert languages == {"en", "ru"}
