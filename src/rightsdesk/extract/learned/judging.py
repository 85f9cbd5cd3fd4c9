"""How the learned models meet the rules' readings inside `events.find_events`.

`score_candidates` weighs every candidate pair; `proposals` turns the pairs the
rules missed into hits on the trigger word (read like any rule hit, attributes
included); `judge_events` weighs each assembled (person, event type) and says
which to keep, with what confidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rightsdesk.extract.learned.candidates import Candidate
from rightsdesk.extract.learned.decisions import EventDecisions, logit
from rightsdesk.extract.triggers import Hit, TriggerRule
from rightsdesk.model import Event, EventType

Slot = tuple[str, str]  # (surname key, event type)


def score_candidates(candidates: list[Candidate], decisions: EventDecisions) -> None:
    for candidate in candidates:
        candidate.score = decisions.candidates.probability(candidate.features)
        decisions.record("candidate", key=candidate.key, name=candidate.mention.text,
                         type=candidate.type, features=candidate.features,
                         score=candidate.score)


def learned_rule(event: EventType) -> TriggerRule:
    return TriggerRule(id=f"learned-{event}", event=event, pos=frozenset(), victim="learned",
                       requires=frozenset(), also=())


def proposals(
    candidates: list[Candidate], rule_slots: set[Slot], decisions: EventDecisions
) -> list[Candidate]:
    """Candidates of (person, type) pairs the rules did not read, from `propose` on.
    A trigger asked for, denied or hypothetical ("should be released") reports no
    event, whatever the model says: its label only tells that the document reports
    the event elsewhere."""
    return [c for c in candidates if c.asserted
            and (c.key, c.type) not in rule_slots and c.score >= decisions.propose]


def proposed_hit(candidate: Candidate) -> Hit:
    return Hit(learned_rule(candidate.type), candidate.trigger, (candidate.at,))


@dataclass(slots=True)
class EventEvidence:
    """What the document says for one assembled (person, type) besides the event."""

    candidates: list[Candidate]
    mentions: int  # how often the person is named in the document
    types: int  # how many event types the person has in the document


def event_features(event: Event, evidence: EventEvidence) -> dict[str, float]:
    """Features of an assembled event for the second model."""
    t = event.type
    scores = sorted((c.score for c in evidence.candidates), reverse=True)
    best = scores[0] if scores else 0.0
    features: dict[str, float] = {
        f"type={t}": 1.0,
        f"best={t}": logit(best) if scores else 0.0,
        "best": logit(best) if scores else 0.0,
        f"second={t}": logit(scores[1]) if len(scores) > 1 else 0.0,
        f"candidates={_count(len(scores))}": 1.0,
        f"no_candidate={t}": 0.0 if scores else 1.0,
        f"mentions={_count(evidence.mentions)}": 1.0,
        f"types={min(evidence.types, 4)}": 1.0,
        f"has_date={t}:{bool(event.date)}": 1.0,
        f"has_place={bool(event.place)}": 1.0,
        f"has_charges={t}:{bool(event.charges)}": 1.0,
        f"has_months={bool(event.sentence_months)}": 1.0,
    }
    roles = {f for c in evidence.candidates for f in c.features if f.startswith("doc_role=")}
    features.update(dict.fromkeys(roles, 1.0))
    return features


def _count(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n <= 5 else "6+")


@dataclass(slots=True)
class Judge:
    """The learned decisions with what they weigh: candidates and the rules' readings."""

    decisions: EventDecisions
    candidates: list[Candidate]
    rule_slots: set[Slot]  # (person, type) a reading rule targeted
    proposed: set[Slot]  # (person, type) only the candidate model read


def judge_events(
    events: dict[Slot, Event], judge: Judge, people: dict[str, tuple[str, int]]
) -> set[Slot]:
    """Set each event's confidence; return the slots to drop: an event the rules read
    under `keep_read`, one only the model proposed under `keep`.

    `people` gives each surname key's full name and how often it is mentioned.
    """
    decisions = judge.decisions
    by_slot: dict[Slot, list[Candidate]] = defaultdict(list)
    for candidate in judge.candidates:
        by_slot[(candidate.key, candidate.type)].append(candidate)
    types: dict[str, int] = defaultdict(int)
    for key, _ in events:
        types[key] += 1
    dropped: set[Slot] = set()
    for slot, event in events.items():
        key = slot[0]
        name, mentions = people.get(key, (key, 0))
        evidence = EventEvidence(by_slot.get(slot, []), mentions, types[key])
        features = event_features(event, evidence)
        event.confidence = round(decisions.events.probability(features), 4)
        event.proposed = slot in judge.proposed
        decisions.record("event", key=key, name=name, type=event.type, features=features,
                         score=event.confidence, proposed=event.proposed)
        if event.confidence < (decisions.keep if event.proposed else decisions.keep_read):
            dropped.add(slot)
    return dropped
