"""Groups: events reported of persons the sentence does not name.

"Three activists were jailed on Friday" names nobody; a sentence nearby does
("A, 22, B, 24, and C, 30, were arrested in March"). "The human rights
defenders were charged under Article X" points back at the persons whose
verdict was just reported. A group passes its event to the persons the text
names for it:
- a counted group ("three activists", "both men") to the first sentence after
  it that names persons, when it names exactly that many (before it, for a
  definite group: "the three women", "all five men", or a bare number: "charged
  all three"); "a professor" is a group of one, whom news names right after
  the lede;
- a definite group without a count ("the defendants", "the activists were
  tortured") to the co-defendants of the court case, or the persons of the
  arrest, just reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from rightsdesk.extract.attributes import Attributes
from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.sharing import GroupReport, Report, clusters
from rightsdesk.extract.triggers import Hit
from rightsdesk.extract.victims import person_nouns, role_strength

GROUP_WINDOW = 4  # sentences a group looks ahead (or back) for the names it stands for
MAX_GROUP = 20  # "two hundred protesters" are not listed by name
DEFINITE = frozenset({"the", "these", "those", "all", "both"})  # "both journalists": named before
# A count is a nummod; a capitalised number word opening a sentence ("MOSCOW - Three
# activists") is often tagged a proper noun in a compound.
COUNT_DEPS = frozenset({"nummod", "compound"})
# a noun that counts the persons it stands for ("the couple was acquitted")
COLLECTIVE = {"couple": 2, "pair": 2, "duo": 2, "trio": 3}
CASE_EVENTS = frozenset({"charge", "trial", "sentence", "release"})
# what "the defendants" of a case just reported went through together: the case,
# and the arrest and treatment that led to it
SHARED_BY_CODEFENDANTS = CASE_EVENTS | {"arrest", "ill_treatment"}

# the reports whose persons "the activists" can take up: a case, or an arrest of several
# (for what befell them after it)
REPORTED_TOGETHER = CASE_EVENTS | {"arrest"}

Roster = dict[int, list[str]]  # sentence index -> surname keys of the persons it names


@cache
def _number_words() -> dict[str, float]:
    rules = {rule.id: rule for rule in load_table("numbers").rules}
    return dict(rules["number-words"].get("values"))


@cache
def group_nouns() -> frozenset[str]:
    """Nouns a group's event can target: person nouns, and the roles of people who
    speak about cases, since "four reporters were jailed" targets them directly."""
    speakers = {word for word, strength in role_strength().items() if strength == "speaker"}
    return person_nouns() | speakers


def group_count(noun: Token) -> int | None:
    """"three activists" -> 3, "both men" -> 2, "the 12 defendants" -> 12."""
    for child in noun.children:
        if child.lower_ == "both" and child.dep_ in {"det", "predet", "preconj"}:
            return 2
        if child.dep_ not in COUNT_DEPS or child.i > noun.i:
            continue
        count = _count_of(child)
        if count is not None:
            return count
    return None


def _count_of(number: Token) -> int | None:
    """"12", "three": a number of persons a group can list by name."""
    value = int(number.text) if number.text.isdigit() else _number_words().get(number.lower_)
    return int(value) if value and 2 <= value <= MAX_GROUP and value == int(value) else None


def group_report(hit: Hit, view: SentenceView, attributes: Attributes) -> GroupReport | None:
    """The hit as a report on a group of persons, when its target is a plural person noun."""
    noun = hit.targets[0]
    if noun.pos_ == "NUM" or noun.lower_ == "both":  # "charged all three", "both were held"
        count = 2 if noun.lower_ == "both" else _counted_pronoun(noun)
        if count is None:
            return None
        return GroupReport(hit.rule.event, view.index, view.paragraph, attributes, view.evidence,
                           count=count, definite=True, also=tuple(hit.rule.also))
    lemma = noun.lemma_.lower()
    if lemma not in group_nouns() and lemma not in COLLECTIVE:
        return None
    if noun.tag_ == "NN" and lemma in COLLECTIVE:
        count: int | None = COLLECTIVE[lemma]  # "a couple", "the pair"
    elif noun.tag_ == "NN" and _indefinite(noun):
        count = 1  # "A Beijing professor was convicted ...": named next
    elif noun.tag_ == "NNS":
        count = group_count(noun)
    else:
        return None
    definite = any(c.dep_ in {"det", "predet"} and c.lower_ in DEFINITE for c in noun.children)
    also = tuple(hit.rule.also)
    return GroupReport(hit.rule.event, view.index, view.paragraph, attributes, view.evidence,
                       count=count, definite=definite, also=also)


def _counted_pronoun(number: Token) -> int | None:
    """"all three", "the five": a number standing alone for persons named before it."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in number.children):
        return None
    return _count_of(number)


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def group_members(group: GroupReport, roster: Roster, reports: Sequence[Report]) -> list[str]:
    """Surname keys of the persons the group stands for; none when the text is unclear."""
    if group.count is not None:
        found = _counted(group, roster, forward=not group.definite)
        if group.definite and not _names_before(group, roster):  # named just after
            found = _counted(group, roster, forward=True)
        if found or not group.definite:
            return found
    if group.definite and group.type in SHARED_BY_CODEFENDANTS:
        found = _codefendants(group, reports)
        return found if group.count in (None, len(found)) else []  # "the three": three
    return []


def _counted(group: GroupReport, roster: Roster, *, forward: bool) -> list[str]:
    step = 1 if forward else -1
    for offset in range(1, GROUP_WINDOW + 1):
        named = roster.get(group.sentence + step * offset)
        if named:  # the first sentence that names anyone must name the group
            return named if len(named) == group.count else []
    return []


def _names_before(group: GroupReport, roster: Roster) -> bool:
    """Whether a sentence before the group (within its window) names any victim."""
    return any(group.sentence - offset in roster for offset in range(1, GROUP_WINDOW + 1))


def _codefendants(group: GroupReport, reports: Sequence[Report]) -> list[str]:
    """The persons of the latest court case (or arrest) reported just before the group."""
    best: tuple[int, list[str]] | None = None
    for cluster in clusters(list(reports)):
        told = cluster[0].event.type
        if told not in REPORTED_TOGETHER or told == group.type == "arrest":
            continue
        last = max(s for r in cluster for s, _ in r.positions if s < group.sentence) \
            if any(s < group.sentence for r in cluster for s, _ in r.positions) else None
        if last is None or group.sentence - last > GROUP_WINDOW:
            continue
        persons = list(dict.fromkeys(r.event.person for r in cluster))
        if len(persons) >= 2 and (best is None or last > best[0]):
            best = (last, persons)
    return best[1] if best else []
