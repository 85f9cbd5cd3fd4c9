"""Occasions in Russian reports: visits, hearings ahead, reviews, meetings, elections.

A word naming the kind (the `occasions` table, by lemma) with a date in its
sentence, or with a word saying it lies ahead ("состоится", "назначено",
"предстоящий"). A hearing is an occasion only when it lies ahead of the
document's date: one already held is a trial event. The victims named in the
sentence are what it is about.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.russian.dates import find_dates
from rightsdesk.extract.russian.features import Notes, occasion_cues
from rightsdesk.extract.russian.parse import Sentence
from rightsdesk.model import Occasion, Person

RULES = "rightsdesk.extract.russian.rules"
PAST_ENDINGS = ("л", "ла", "ли", "ло", "лся", "лась", "лись", "лось")


@cache
def kinds() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Lemma -> occasion type; the lemmas that say something lies ahead unless in the
    past; those that say it in any tense ("перенесли на ...")."""
    table = load_table("occasions", RULES)
    by_lemma = {t: r.get("type") for r in table.rules if r.get("type") != "ahead"
                for t in r.terms}
    ahead = next(r for r in table.rules if r.id == "ahead").terms
    moved = next(r for r in table.rules if r.id == "moved").terms
    return by_lemma, frozenset(ahead), frozenset(moved)


def find_occasions(sentences: list[Sentence], *, published: date | None,
                   persons: list[Person], notes: Notes | None = None) -> list[Occasion]:
    """One occasion per (kind, date); `notes` takes each one's features as first read,
    keyed (kind, date)."""
    notes = Notes() if notes is None else notes
    by_lemma, _, _ = kinds()
    found: dict[tuple[str, str | None], Occasion] = {}
    for sentence in sentences:
        lemmas = [w.lemma for w in sentence.words]
        kind = next((by_lemma[lemma] for lemma in lemmas if lemma in by_lemma), None)
        if kind is None:
            continue
        said_ahead = lies_ahead(sentence)
        dates = find_dates(sentence.text, published=published, ahead=said_ahead)
        when = dates[0].value if dates else None
        future = said_ahead or (when is not None and published is not None
                                and when > published.isoformat()[:len(when)]
                                and not _told_as_past(sentence))
        if (kind == "hearing" and not future) or (
                when is None and not lies_ahead(sentence, by_tense=False)):
            continue  # undated: only when a word says it lies ahead, not a tense alone
        about = [p.key for p in persons if _named_in(sentence, p)]
        found.setdefault((kind, when), Occasion(
            type=kind, evidence=sentence.evidence, description=sentence.text.strip()[:200],
            date=when, persons=about))
        notes.note((kind, when), occasion_cues(sentence, kind, said_ahead=said_ahead,
                                               future=future, persons=len(about)))
    return list(found.values())


def lies_ahead(sentence: Sentence, *, by_tense: bool = True) -> bool:
    """A verb in the future tense, or a word saying it lies ahead that is not in the
    past ("состоится", "назначено"; not "состоялось"); a verb naming the occasion
    in the future says it itself ("приговор будет обжалован")."""
    by_lemma, ahead, moved = kinds()
    for index, word in enumerate(sentence.words):
        if word.lemma in moved or (word.pos == "VERB" and word.lemma in by_lemma
                                   and _future(sentence, index)):
            return True
        tense, form = word.feats.get("Tense"), word.feats.get("VerbForm")
        if tense == "Fut" and word.text.lower().endswith(PAST_ENDINGS):
            tense = "Past"  # the tagger reads some perfective past forms as future
        if (by_tense and tense == "Fut") or (
                word.lemma in ahead and (tense != "Past" or form == "Part")):
            return True
    return False


def _told_as_past(sentence: Sentence) -> bool:
    """The sentence's main verb is in the past ("12 сентября суд приговорил X"): what
    it tells was held, whatever a publication date a day earlier says."""
    return any(w.rel == "root" and w.pos == "VERB" and w.feats.get("Tense") == "Past"
               for w in sentence.words)


def _future(sentence: Sentence, index: int) -> bool:
    """The verb at `index` is in the future: its own tense or its "будет"."""
    word = sentence.words[index]
    return word.feats.get("Tense") == "Fut" and not word.text.lower().endswith(
        PAST_ENDINGS) or any(sentence.words[c].text.lower() in ("будет", "будут")
                             for c in sentence.children(index))


def _named_in(sentence: Sentence, person: Person) -> bool:
    surname = person.name.split()[-1].lower()[:5]
    return any(w.text.lower().startswith(surname) for w in sentence.words)
