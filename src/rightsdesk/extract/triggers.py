"""Triggers: where a sentence reports state action, and which tokens it targets.

A hit is a trigger token (from `rules/triggers.toml`) that is asserted (not
asked for, denied, feared or hypothetical: `rules/blockers.toml`) together with
the tokens the parse puts in the target position for that trigger. Turning
those tokens into named persons is the business of `victims.py`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.victims import person_nouns, person_words, role_strength
from rightsdesk.model import EventType

LOCATED_PREPOSITIONS = frozenset({"in", "into", "under", "behind", "to", "at", "for", "on"})
PLACING_VERBS = frozenset(
    {"place", "put", "send", "take", "transfer", "move", "throw", "return", "keep", "hold",
     "remand", "confine", "commit", "lock"}
)
# Verbs whose subject is near a prison without being held in it.
VISITING_VERBS = frozenset(
    {"visit", "meet", "see", "interview", "write", "describe", "report", "tell", "speak", "say",
     "work", "film", "leave", "release", "free", "escape", "emerge", "die"}
)
TIME_UNITS = frozenset({"year", "month", "week", "day"})
TERM_NOUNS = frozenset({"sentence", "term", "penalty"})
SENTENCING_VERBS = frozenset({"sentence", "jail", "imprison"})
CASE_NOUNS = frozenset({"verdict", "sentence", "conviction", "ruling", "appeal", "case", "term",
                        "jailing", "imprisonment", "sentencing", "detention", "custody",
                        "material"})
# "a sentence for X", "pardons for nine jailed leaders": nouns whose "for" names the holder
FOR_NOUNS = CASE_NOUNS | {"pardon", "amnesty", "clemency"}
# What a person files with a court: "an appeal by X" is X's.
FILED_NOUNS = frozenset({"appeal", "petition", "plea", "application", "complaint"})
HEARING_NOUNS = frozenset({"trial", "retrial", "hearing"})
HEARING_PREPOSITIONS = frozenset({"in", "after", "following"})
JUDGING_VERBS = frozenset({"sentence", "convict", "jail", "imprison", "acquit"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DEPRIVING_VERBS = frozenset({"deny", "refuse", "withhold"})
GIVING_VERBS = frozenset({"give", "hand"})
ORDERING_VERBS = frozenset({"order", "sentence", "require", "force"})  # "X was ordered to serve"
IMPOSING = GIVING_VERBS | {"impose", "pass"}  # "the sentence handed to / imposed on X"
IMPOSED_ON = frozenset({"to", "on", "upon", "against"})
# "ordered Turkey to release X", "directing the Government to release them": a court
# or body abroad tells a state what to do; the state has not done it.
DIRECTING_VERBS = frozenset({"order", "direct", "instruct", "require", "oblige", "compel"})
STATE_NOUNS = frozenset({"government", "state", "authority", "country", "regime"})
# "beat the soles of his feet": a blow to a body part is done to its owner
BODY_PARTS = frozenset({"head", "face", "foot", "feet", "sole", "leg", "arm", "hand", "back",
                        "body", "stomach", "chest", "rib", "genitals", "eye", "ear", "neck"})
# "released after serving three years": a gerund that these open happened to the clause's subject
GERUND_TIMES = frozenset({"after", "following", "upon", "since"})
DURING_VERBS = frozenset({"spend", "serve"})  # "X served three years in prison"
STANDING = frozenset({"stand", "remain", "stay"})  # "X stands accused", "X remains detained"
EXPOSING = frozenset({"subject", "expose"})  # "X was subjected to abuse" (parsed "to abuse")
OBTAINING = frozenset({"grant", "win", "receive", "obtain"})  # "X was granted release"
FREEDOMS = frozenset({"liberty"})  # "the deprivation of liberty of X"
TRACES = frozenset({"sign", "mark", "trace", "scar", "bruise"})
BEARING_VERBS = frozenset({"show", "bear", "have", "carry"})
# "the case filed against X", "charges levelled against X"
FILING = frozenset({"file", "bring", "open", "launch", "lodge", "level", "institute", "initiate"})
# "X had her term cut and was released": a passive verb shares its coordinated verb's subject.
PASSIVE_SHARED = frozenset({"nsubjpass", "nsubj"})
ASSERTING_CLAUSES = frozenset({"relcl", "appos", "advcl", "parataxis"})
# What an active verb governs: a past tense with none of these may be a headline's passive.
HEADLINE_OBJECTS = frozenset({"dobj", "dative", "ccomp", "xcomp", "attr", "oprd"})
MARKER_DEPS = frozenset({"aux", "auxpass", "neg", "mark", "advmod", "det", "preconj"})


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    event: EventType
    pos: frozenset[str]
    victim: str  # patient | subject | holder | located | modified
    requires: frozenset[str]
    also: tuple[EventType, ...]
    anaphora: bool = False
    excludes: frozenset[str] = frozenset()  # lemmas that must not be near (as `requires`)


@dataclass(frozen=True, slots=True)
class Hit:
    """An asserted trigger and the tokens in its target position."""

    rule: TriggerRule
    anchor: Token
    targets: tuple[Token, ...]


@cache
def trigger_rules() -> dict[str, tuple[TriggerRule, ...]]:
    """Trigger rules by lemma."""
    by_lemma: dict[str, list[TriggerRule]] = defaultdict(list)
    for rule in load_table("triggers").rules:
        trigger = TriggerRule(
            id=rule.id,
            event=rule.get("event"),
            pos=frozenset(rule.get("pos", [])),
            victim=rule.get("victim"),
            requires=frozenset(rule.get("requires", [])),
            also=tuple(rule.get("also", [])),
            anaphora=bool(rule.get("anaphora", False)),
            excludes=frozenset(rule.get("excludes", [])),
        )
        for term in rule.terms:
            by_lemma[term].append(trigger)
    return {lemma: tuple(rules) for lemma, rules in by_lemma.items()}


@cache
def blocker_terms(scope: str) -> frozenset[str]:
    table = load_table("blockers")
    return frozenset(t for rule in table.rules if rule.get("scope") == scope for t in rule.terms)


def find_hits(sent: Span) -> list[Hit]:
    """Every asserted trigger in the sentence that has something in target position."""
    hits: list[Hit] = []
    rules = trigger_rules()
    for token in sent:
        lemma_rules = rules.get(token.lemma_.lower(), ())
        for rule in dict.fromkeys(lemma_rules + _surface_rules(token, rules)):
            if _acting_pos(token) not in rule.pos or not _requirements_met(token, rule):
                continue
            if is_blocked(token, governed=rule.victim != "modified") or _not_yet(token, rule):
                continue
            targets = tuple(target_tokens(token, rule))
            if not targets and rule.anaphora and _definite(token):
                targets = (token,)  # resolved like a pronoun
            if targets:
                hits.append(Hit(rule, token, targets))
    return hits


def _acting_pos(token: Token) -> str:
    """"The authorities accuse X of treason": a present-tense verb the tagger took for a
    noun still governs a subject and an object, and acts as the verb it is."""
    if token.pos_ == "NOUN" and _mistagged_verb(token):
        return "VERB"
    return token.pos_


def _mistagged_verb(token: Token) -> bool:
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "dobj" in deps


def _surface_rules(token: Token, rules: dict[str, tuple[TriggerRule, ...]]) -> tuple:
    """Participles the lemmatiser leaves alone ("jailed" as an adjective)."""
    stem = _participle_stem(token)
    return rules[stem] if stem else ()


def _not_yet(word: Token, rule: TriggerRule) -> bool:
    """A release sought or to come, not done: "negotiations are ongoing for her
    release", "banned for three years after (upon) their release"; an acquittal of one
    charge among others."""
    if rule.event == "release" and word.lemma_.lower() == "acquit":
        return _partly_acquitted(word)
    if rule.event == "release" and _state_directed(word):
        return True
    if rule.event != "release" or word.pos_ != "NOUN" or word.dep_ != "pobj":
        return False
    prep = word.head
    if prep.lower_ == "for":
        return True
    return prep.lower_ in {"after", "upon", "on"} and prep.head.lemma_.lower() in TIME_UNITS


def _state_directed(verb: Token) -> bool:
    """"A European court ordered Turkey to release X": an order given to a state is
    a demand on it, not the release (a judge's order to prison staff is one)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in DIRECTING_VERBS:
        return False
    return any(o.dep_ == "dobj" and (o.ent_type_ == "GPE" or o.lemma_.lower() in STATE_NOUNS)
               for o in verb.head.children)


def _partly_acquitted(verb: Token) -> bool:
    """"X was acquitted of rape and sentenced to two years", "the judge acquitted X on an
    aiding-the-enemy charge": cleared of one charge, convicted of another, X stays."""
    if any(c.lemma_.lower() in JUDGING_VERBS - {"acquit"} for c in verb.conjuncts):
        return True
    return any(o.lemma_.lower() in {"charge", "count"} and any(
        d.lower_ in {"a", "an", "one"} for d in o.children)
        for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"of", "on"}
        for o in prep.children if o.dep_ == "pobj")


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _requirements_met(token: Token, rule: TriggerRule) -> bool:
    if not rule.requires and not rule.excludes:
        return True  # most rules: no need to walk the parse around every token
    near = near_lemmas(token)
    return (not rule.requires or bool(near & rule.requires)) and not near & rule.excludes


def near_lemmas(token: Token) -> frozenset[str]:
    """Lemmas of the words a trigger's second word may be (see `_near`)."""
    return frozenset(t.lemma_.lower() for t in _near(token))


def _near(token: Token) -> list[Token]:
    """Children and grandchildren, and the head: where "found guilty", "house arrest",
    "went on trial", "died in custody" or "walked out of prison" keep their second word;
    a place's first word too ("died in a pre-trial detention centre")."""
    found = [token.head]
    for child in token.children:
        found.append(child)
        found.extend(child.children)
        if child.dep_ == "prep":
            found.extend(c for o in child.children for c in o.children if c.dep_ == "compound")
        if child.lower_ == "out":  # "walked out of prison": the place is one step further
            found.extend(g for of in child.children for g in of.children)
    return found


def clause_verb(token: Token) -> Token:
    """The verb whose clause holds the token (the token itself when it is a verb)."""
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head != node:
        node = node.head
    return node


def is_blocked(anchor: Token, *, governed: bool = True) -> bool:
    """Whether the trigger is asked for, denied, planned, feared or hypothetical.

    A participle that describes a person ("jailed activist X") states a fact of
    its own, whatever the clause around it asks for: only its own markers count.
    """
    markers = blocker_terms("marker")
    verb = clause_verb(anchor)
    for node in {anchor, verb}:
        if any(c.dep_ in MARKER_DEPS and c.lower_ in markers for c in node.children):
            return True
    if not governed:
        return False
    governors = blocker_terms("governor")
    node = anchor
    while node.head != node and (node.dep_ not in ASSERTING_CLAUSES or _infinitive(node)) and (
            not _reduced_relative(node)):
        coordinated = node.dep_ == "conj"
        node = node.head
        if coordinated:
            continue  # "denied him visits, and he was beaten": a sibling, not a governor
        if node.lemma_.lower() in governors:
            return True
        if node.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"aux", "neg"} and c.lower_ in markers for c in node.children
        ):
            return True
    return False


def _reduced_relative(clause: Token) -> bool:
    """"a bail petition filed in a case opened against him": a participle that describes
    a noun asserts its own content, whatever the sentence asks of the noun."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN"


def _infinitive(clause: Token) -> bool:
    """"called on Tajikistan to free him": an infinitive the parse reads as a clause of
    its own is still what its verb asks for."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def target_tokens(anchor: Token, rule: TriggerRule) -> list[Token]:
    """Tokens in the rule's target position (not yet checked to be persons)."""
    finder = {
        "patient": _patients,
        "subject": _subjects,
        "holder": _holders,
        "located": _located,
        "modified": _modified,
        "predicate": _predicated,
        "ruled": _ruled_on,
        "granted": _granted,
        "imposed": _imposed_on,
        "sought": _sought_for,
    }[rule.victim]
    return finder(anchor)


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _inherited(verb: Token, deps: frozenset[str]) -> list[Token]:
    """Arguments shared by coordinated verbs: "X was arrested and charged"; past a
    passive on the way, its subject ("X faced charges but was jailed and released")."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        if passive(node):
            deps = PASSIVE_SHARED
        node = node.head
        found = _children(node, deps)
        if found:
            return found
    if verb.dep_ in {"acl", "amod"}:  # "the activist, arrested in May"
        return _counted_among(verb.head) or [verb.head]
    return _copula_subjects(node) if node != verb else []


def _object_of_next(verb: Token) -> list[Token]:
    """"Police beat and detained X": the object of the verb coordinated after."""
    later = [c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"]
    return _children(later[0], frozenset({"dobj"})) if later and not _children(
        verb, frozenset({"dobj", "nsubjpass"})) else []


def _subject_of_governing(verb: Token) -> list[Token]:
    """"X died after being beaten": a passive gerund without a subject of its own
    happened to the subject of the clause it hangs on."""
    if verb.dep_ != "pcomp" or not any(c.lower_ == "being" for c in verb.children):
        return []
    if verb.head.lower_ not in {"after", "since", "following", "upon", "despite"}:
        return []  # "instead of being released", "before being tried": it did not happen
    return _children(clause_verb(verb.head), SUBJECT_DEPS)


def passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def reduced_passive(verb: Token) -> bool:
    """A bare participle ("X, a blogger, jailed for two years"): headlines and lists
    drop "was", and the parse may then call X its subject."""
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and _headline_subject(verb))


def _headline_subject(verb: Token) -> bool:
    """"Journalist X detained in Minsk": the tagger may read a headline's participle as a
    past tense. With no object, and a person for its subject, it is still a passive."""
    if any(c.dep_ in HEADLINE_OBJECTS for c in verb.children):
        return False
    subjects = _children(verb, frozenset({"nsubj"}))
    return len(subjects) == 1 and (
        subjects[0].ent_type_ == "PERSON" or subjects[0].lemma_.lower() in person_nouns())


def _copula_subjects(verb: Token) -> list[Token]:
    """"She was flogged (and denied care)": the parse may read the participle as an
    adjective after "was"; the subject of "was" is then its patient."""
    if verb.dep_ != "acomp" or verb.tag_ != "VBN" or verb.head.lemma_ != "be":
        return []
    return _children(verb.head, SUBJECT_DEPS)


def _fronted_by(verb: Token) -> int:
    """Tokens before a participle that opens its sentence ("Also detained were ...")."""
    return 1 if verb.i > verb.sent.start and verb.doc[verb.i - 1].lower_ == "also" else 0


def _inverted_subjects(verb: Token) -> list[Token]:
    """"Also detained were A and B", "Sentenced to five years were A and B": a fronted
    participle whose subject follows the "were" (read by the parse as its attribute)."""
    return [o for aux in verb.children if aux.dep_ == "auxpass" and aux.i > verb.i
            for o in aux.children if o.dep_ in {"attr", "nsubj"}]


def _patients(verb: Token) -> list[Token]:
    if verb.pos_ == "NOUN" and not _mistagged_verb(verb):  # "denial of care to X": a holder
        return _holders(verb)
    found = []
    for child in _children(verb, PATIENT_DEPS):  # "upheld the verdict against X"
        if _deprived_of(verb, child) or _counted_sum(child):
            continue
        if _body_part(child):
            found.extend(_owner_of(child))  # "beat the soles of his feet"
            continue
        if child.lemma_.lower() not in CASE_NOUNS | FILED_NOUNS:  # "rejected the petition by X"
            found.extend([child, *_loose_apposition(verb, child)])
            continue
        held = _holders(child)  # "upheld the sentence of his client, X,"
        found.extend([o for h in held for o in (h, *_loose_apposition(verb, h))] or [
            # "upheld the sentences for two activists"
            o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "for"
            for o in prep.children if o.dep_ == "pobj" and _person_like(o)])
    if not found and verb.pos_ == "VERB" and passive(verb):
        found = _children(verb, frozenset({"nsubj"}))  # "he’s accused": a contracted "is"
    if not found and verb.pos_ == "VERB" and verb.i == verb.sent.start + _fronted_by(verb):
        found = _inverted_subjects(verb)  # "Also detained were A and B"
    if not found and verb.dep_ in {"xcomp", "oprd"} and verb.head.pos_ in {"VERB", "AUX"}:
        found = _children(verb.head, PATIENT_DEPS)  # "X was found guilty", "X got jailed"
    if not found and verb.tag_ == "VBN" and verb.head.lemma_.lower() in STANDING:
        found = _children(verb.head, SUBJECT_DEPS)  # "X stands accused of treason"
    if not found and verb.dep_ == "xcomp" and passive(verb) and verb.head.lemma_ == "continue":
        found = _children(verb.head, SUBJECT_DEPS)  # "X continues to be detained"
    if not found and verb.dep_ in {"advcl", "xcomp"} and verb.head.lemma_.lower() in EXPOSING:
        found = _children(verb.head, frozenset({"nsubjpass"}))  # "X was subjected to abuse"
    found = found or _copula_subjects(verb) or _subject_of_governing(verb)
    if not found and reduced_passive(verb):  # "- X, opposition politician, sentenced to ..."
        found = _children(verb, frozenset({"nsubj"}))
    if not found and verb.dep_ == "advcl" and verb.tag_ == "VBN" and passive(verb.head):
        found = _children(verb.head, frozenset({"nsubjpass"}))  # "X was held, accused of Y"
    if not found:  # a small clause: "found X guilty", "declared X a criminal"
        for clause in verb.children:
            if clause.dep_ in {"ccomp", "xcomp", "oprd"} and clause.pos_ in {"ADJ", "NOUN"}:
                found.extend(_children(clause, SUBJECT_DEPS))
    shared = PASSIVE_SHARED if passive(verb) else frozenset({"nsubjpass", "dobj"})
    found = found or _inherited(verb, shared) or _object_of_next(verb)
    return found + _companions(verb) if found else found


def _loose_apposition(verb: Token, noun: Token) -> list[Token]:
    """"sentenced the deputy chairman of the Mejlis of the Crimean people, A B, to ...":
    after a long description the parse may hang the name set off by commas on the verb."""
    if noun.pos_ != "NOUN":
        return []
    doc = noun.doc
    return [c for c in verb.children if c.dep_ in {"npadvmod", "appos"} and c.ent_type_ == "PERSON"
            and c.i > noun.i and doc[c.left_edge.i - 1].text == ","]


def _owner_of(part: Token) -> list[Token]:
    """Whose body part it is: "his head", "the soles of his feet"."""
    owners = _children(part, frozenset({"poss"}))
    for prep in part.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for whole in _children(prep, frozenset({"pobj"})):
                owners.extend(_owner_of(whole) if _body_part(whole) else [whole])
    return owners


def _body_part(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and (  # the lemmatiser reads "soles" as "sol"
        noun.lemma_.lower() in BODY_PARTS or noun.lower_.removesuffix("s") in BODY_PARTS)


def _counted_sum(noun: Token) -> bool:
    """"fined 50 Kwanzas", "fined 2,000 dollars": a sum counted out, not a person."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() not in person_words() and any(
        c.dep_ == "nummod" for c in noun.children)


CHARGING = frozenset({"charge", "accuse", "indict", "convict", "sentence", "fine"})
ROLE_REACH = 14  # tokens after a companion's office word in which its holder is named


def _deprived_of(verb: Token, child: Token) -> bool:
    """"X was denied medical care": the care is what is denied; X is the patient."""
    return child.dep_ == "dobj" and verb.lemma_.lower() in DEPRIVING_VERBS and not (
        child.pos_ == "PRON" or _person_like(child))


def _companions(verb: Token) -> list[Token]:
    """"X was arrested together with A and B", "activists were jailed, including A"."""
    found = []
    # "arrested together with", "arrested along with": the adverb sits on the verb
    said_together = any(c.lower_ in {"together", "along"} for c in verb.children)
    for prep in _comitative_heads(verb):
        together = said_together or any(c.lower_ in {"together", "along"} for c in prep.children)
        joined = prep.lower_ in {"alongside", "including"} or (prep.lower_ == "with" and (
            together or (verb.lemma_.lower() not in CHARGING and _fellow(prep))))
        if prep.dep_ == "prep" and joined:
            found.extend(c for c in prep.children if c.dep_ == "pobj")
        if prep.dep_ == "prep" and prep.lower_ == "along":  # "along with A": "with" under "along"
            found.extend(o for w in prep.children if w.lower_ == "with"
                         for o in w.children if o.dep_ == "pobj")
    found.extend(_named_among_them(verb))
    return found + [named for c in found for named in _named_after_role(c)]


def _named_among_them(verb: Token) -> list[Token]:
    """"Police detained 20 people, among them A and B": the names the parse hangs on
    the verb beside an "among them"."""
    return [c for c in verb.children if c.pos_ == "PROPN" and (
        (c.dep_ in {"npadvmod", "appos", "dep"} and _among_them(verb))
        or (c.dep_ in {"npadvmod", "appos", "dep", "conj"} and _among_them(c)))]


def _among_them(token: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "among" and any(
        o.lower_ in {"them", "whom"} for o in p.children) for p in token.children)


def _comitative_heads(verb: Token) -> list[Token]:
    """The verb's prepositions, and those of "on trial" ("X is on trial with Y")."""
    held = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
            for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() == "trial"]
    return [*verb.children, *(c for noun in held for c in noun.children)]


def _fellow(prep: Token) -> bool:
    """"tried with Y", "arrested with two other activists": "with" names a person who
    went through it too (not "charged with murder", "arrested with leaflets")."""
    return any(o.dep_ == "pobj" and (o.ent_type_ == "PERSON" or (
        o.tag_ == "NNS" and o.lemma_.lower() in person_nouns())) for o in prep.children)


def _named_after_role(companion: Token) -> list[Token]:
    """"along with the president of the Youth Union, Marat Asan": a companion told by
    their office is the person named after it (a PERSON, or proper nouns opening an
    apposition), with no verb between."""
    if companion.ent_type_ == "PERSON" or companion.lemma_.lower() not in person_words():
        return []
    doc, sentence = companion.doc, companion.sent
    for token in doc[companion.i + 1 : min(sentence.end, companion.i + ROLE_REACH)]:
        if token.pos_ in {"VERB", "AUX"} or token.text in {";", ":", "(", "."}:
            return []
        named = None
        if token.ent_type_ == "PERSON":
            named = token
        elif token.text == "," and token.i + 1 < sentence.end and doc[token.i + 1].pos_ == "PROPN":
            run = doc[token.i + 1 : sentence.end]
            last = next((t for t in run if not (t.pos_ == "PROPN" and t.is_title)), None)
            named = doc[(last.i if last is not None else sentence.end) - 1]
        if named is not None:  # "along with his lawyer, X said": X speaks
            return [] if named.dep_ in {"nsubj", "nsubjpass"} else [named]
    return []


def _subjects(verb: Token) -> list[Token]:
    """Who receives, serves or faces it; "a court gave X six years": who it is given to."""
    if verb.lemma_.lower() in GIVING_VERBS and not passive(verb):
        given = _children(verb, frozenset({"dative"}))
        if given:
            return given
    found = (_children(verb, SUBJECT_DEPS) or _ordered_to(verb) or _inherited(verb, SUBJECT_DEPS)
             or _controlled_by(verb))
    return found + _companions(verb) if found else found  # "X appeared alongside A and B"


def _controlled_by(verb: Token) -> list[Token]:
    """"X marked his birthday in prison, serving a 17-year sentence", "X was released
    after serving three years": a participle with no subject of its own is said of the
    subject of the clause it hangs on (directly, or through "after")."""
    if verb.tag_ != "VBG":
        return []
    if verb.dep_ == "pcomp" and verb.head.lower_ in GERUND_TIMES:
        return _children(clause_verb(verb.head), SUBJECT_DEPS)
    if verb.dep_ != "advcl" or verb.head.pos_ not in {"VERB", "AUX"}:
        return []
    return _children(verb.head, SUBJECT_DEPS)


def _ordered_to(verb: Token) -> list[Token]:
    """"X was ordered to serve nine months", "the court ordered X to serve ...": who is
    made to do it (a prosecutor asking X to serve years is a demand, not a sentence)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in ORDERING_VERBS:
        return []
    return _children(verb.head, frozenset({"dobj", "nsubjpass"}))


def _holders(noun: Token) -> list[Token]:
    found = [c for c in noun.children if c.dep_ == "poss"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "against"}:
            for held in _children(prep, frozenset({"pobj"})):
                found.extend([held, *_hung_on(held)])
        elif prep.dep_ == "prep" and prep.lower_ == "for" and noun.lemma_.lower() in FOR_NOUNS:
            found.extend(c for c in prep.children if c.dep_ == "pobj" and _person_like(c))
        elif prep.dep_ == "prep" and prep.lower_ == "by" and noun.lemma_.lower() in FILED_NOUNS:
            found.extend(c for c in prep.children if c.dep_ == "pobj")  # "an appeal by X"
        elif prep.dep_ == "acl" and noun.lemma_.lower() in FILED_NOUNS:
            # "a petition filed by X" (not "by his lawyer, X": the client's)
            found.extend(o for by in prep.children if by.dep_ == "agent" for o in by.children
                         if o.dep_ == "pobj" and role_strength().get(o.lemma_.lower()) != "speaker")
    if noun.dep_ in {"nsubjpass", "dobj", "nsubj"}:  # "a case was opened against X"
        for prep in noun.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "against":
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    if not found and noun.dep_ == "dobj" and noun.head.lemma_.lower() in OBTAINING:
        found.extend(_obtained_by(noun.head))  # "X was granted early release"
    found.extend(_concerned(noun))
    for prep in noun.children:  # "the hearing in the case of X"
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found.extend(o for case in prep.children if case.dep_ == "pobj"
                         and case.lemma_.lower() == "case" for o in _holders(case))
    if noun.dep_ in {"compound", "appos", "nmod"} and noun.head.pos_ == "PROPN":
        found.append(noun.head)  # "political prisoner X", "X, a prisoner of conscience"
    # "the detainee X": the parse hangs the name on the noun
    found.extend(c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "the trial process of X"
        found.extend(_holders(noun.head))
    for given in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in IMPOSING):
        # "the sentence handed to X", "the sentences handed down by a court against X"
        found.extend(o for prep in given.children if prep.dep_ == "prep" and prep.lower_ in
                     {"to", "on", "against"} for o in prep.children if o.dep_ == "pobj")
    for filed in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in FILING):
        found.extend(o for prep in filed.children if prep.dep_ == "prep"  # "a case filed
                     and prep.lower_ == "against" for o in prep.children if o.dep_ == "pobj")
    if noun.dep_ in {"attr", "acomp"}:
        found.extend(_subjects(noun.head))
    if noun.dep_ == "nsubj" and noun.head.lemma_ in {"be", "include"}:
        found.extend(c for c in noun.head.children  # "The seven convicts are A (29), B (25)"
                     if c.dep_ in {"attr", "dobj"} and c.pos_ == "PROPN")
    found.extend(_included(noun) or _counted_among(noun) or _listed_after_colon(noun))
    prep = noun.head
    if not found and noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB":
        found.extend(_children(prep.head, frozenset({"nsubjpass"})))  # "subjected to torture"
    if not found and noun.dep_ == "pobj" and prep.lower_ == "of":
        found.extend(_bearer_of(prep.head))  # "X showed signs of torture"
    if not found and noun.dep_ == "pobj" and prep.lower_ in {"of", "about"} and (
            prep.head.lemma_.lower() in {"complain", "complaint"}):
        complaint = prep.head  # "X complained of mistreatment", "her complaints of abuse"
        found.extend(_holders(complaint) if complaint.pos_ == "NOUN" else _subjects(complaint))
    at_event = noun.dep_ == "pobj" and (prep.lower_ in {"at", "during"} or (
        prep.lower_ == "on" and noun.lemma_.lower() == "appeal"))  # "freed on appeal"
    if not found and at_event and prep.head.pos_ in {"VERB", "AUX"}:
        found.extend(_subjects(prep.head))  # "X pleaded not guilty at the trial"
        if not found and prep.lower_ == "on":
            found.extend(_patients(prep.head))
    if not found and noun.lemma_.lower() in HEARING_NOUNS:
        found.extend(_judged_at(noun))
    return found


def _concerned(noun: Token) -> list[Token]:
    """"the court materials in relation to X", "the case regarding X": whom a case
    noun concerns."""
    if noun.lemma_.lower() not in CASE_NOUNS:
        return []
    found = []
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        if prep.lower_ in {"regarding", "concerning"}:
            found.extend(_children(prep, frozenset({"pobj"})))
        elif prep.lower_ in {"in", "with"}:  # "in relation to X", "with regard to X"
            found.extend(o for rel in _children(prep, frozenset({"pobj"}))
                         if rel.lemma_.lower() in {"relation", "regard", "respect"}
                         for to in rel.children if to.lower_ == "to"
                         for o in _children(to, frozenset({"pobj"})))
    return found


def _bearer_of(trace: Token) -> list[Token]:
    """"X showed signs of torture", "she bore marks of beatings": who bears the traces."""
    verb = trace.head
    if trace.lemma_.lower() not in TRACES or trace.dep_ != "dobj" or (
            verb.lemma_.lower() not in BEARING_VERBS):
        return []
    return _children(verb, SUBJECT_DEPS)


def _obtained_by(verb: Token) -> list[Token]:
    """Who is granted, wins or receives it: "X was granted release", "the court granted X
    a pardon", "granted a pardon to X", "X won release"."""
    found = _recipients(verb, frozenset({"to"}))
    if not found and verb.lemma_.lower() != "grant":
        found = _children(verb, frozenset({"nsubj"}))  # "X won release", "X received a pardon"
    return found


def _hung_on(held: Token) -> list[Token]:
    """Whom the parse hangs on the thing a noun is of: "charges of sedition against X",
    "the deprivation of liberty of X"."""
    wanted = {"against", "of"} if held.lemma_.lower() in FREEDOMS else {"against"}
    return [o for prep in held.children if prep.dep_ == "prep" and prep.lower_ in wanted
            for o in _children(prep, frozenset({"pobj"}))]


def _included(noun: Token) -> list[Token]:
    """"The detainees include A and B", "the list of the detainees includes A and B",
    "the latest arrests involve A and B"."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() == "list":
        noun = of.head
    if noun.dep_ != "nsubj" or noun.head.lemma_ not in {"include", "involve"}:
        return []
    return [c for c in noun.head.children if c.dep_ == "dobj"]


def _listed_after_colon(noun: Token) -> list[Token]:
    """"orders against prisoners: A, B and C": the first name of a list that follows
    a plural noun and its colon (`enumerations.py` reads the rest of the run)."""
    doc = noun.doc
    if noun.tag_ != "NNS" or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ":":
        return []
    first = doc[noun.i + 2]
    return [first] if first.pos_ == "PROPN" and first.sent == noun.sent else []


def _counted_among(noun: Token) -> list[Token]:
    """"Among those arrested was X", "among the detainees are A and B": whoever the
    clause that the phrase opens is about."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "among":
        return []
    return _children(noun.head.head, frozenset({"nsubj", "nsubjpass", "attr"}))


def _judged_at(noun: Token) -> list[Token]:
    """"sentenced in a trial rife with violations", "convicted after torture and an unfair
    trial": the hearing at which the person sentenced was judged."""
    while noun.dep_ == "conj":
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in HEARING_PREPOSITIONS:
        return []
    return _patients(prep.head) if prep.head.lemma_.lower() in JUDGING_VERBS else []


def _person_like(token: Token) -> bool:
    """"a sentence for X", "the verdict for two activists" (not "for hooliganism")."""
    return token.pos_ == "PROPN" or token.lemma_.lower() in person_nouns()


def _located(noun: Token) -> list[Token]:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in LOCATED_PREPOSITIONS:
        return []
    holder = prep.head
    if holder.dep_ in {"dobj", "npadvmod"} and holder.head.lemma_.lower() in DURING_VERBS:
        return _subjects(holder.head)  # "X spent long periods in solitary confinement"
    if holder.pos_ in {"NOUN", "PROPN"}:
        return [holder]  # "X, in prison since 2020"
    lemma = holder.lemma_.lower()
    if lemma in VISITING_VERBS:
        return []
    if lemma in PLACING_VERBS:
        return _patients(holder)
    return _subjects(holder)


def _ruled_on(verb: Token) -> list[Token]:
    """"The court ruled to leave X in prison": whom the ruling acts on, the object of
    the verb it orders."""
    found = []
    for clause in verb.children:
        if clause.dep_ in {"xcomp", "ccomp"} and clause.pos_ == "VERB":
            found.extend(_patients(clause))
    return found


def _granted(verb: Token) -> list[Token]:
    """"X was denied bail", "refused bail to X", "denied X bail" (the parse often reads
    the name as a compound of the thing refused)."""
    found = _children(verb, frozenset({"nsubjpass", "dative"}))
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            found.extend(_children(child, frozenset({"pobj"})))
        elif child.dep_ in {"dobj", "ccomp"} and child.pos_ == "NOUN":
            found.extend(c for c in child.children  # "denied the journalist X bail"
                         if c.dep_ in {"compound", "appos"} and c.pos_ == "PROPN")
        elif child.dep_ == "dobj" and child.pos_ == "PROPN":
            found.append(child)  # "denied X bail" with the bail read as a clause
    return found


def _imposed_on(verb: Token) -> list[Token]:
    """"handed down a prison term against X", "imposed a fine on X", "X was handed a
    sentence": whom the penalty falls on, never the court that imposes it."""
    found = _recipients(verb, IMPOSED_ON)
    for penalty in _children(verb, frozenset({"dobj"})):  # "a sentence on X"
        found.extend(_recipients(penalty, IMPOSED_ON))
    return found


def _recipients(word: Token, preps: frozenset[str]) -> list[Token]:
    """Whom a giving falls to: the passive subject, the dative, the object of one of
    `preps` (the parse may call "to" a dative)."""
    found = [c for c in word.children if c.dep_ in {"nsubjpass", "dative"} and c.pos_ != "ADP"]
    return found + [o for prep in word.children if prep.dep_ in {"prep", "dative"}
                    and prep.lower_ in preps for o in prep.children if o.dep_ == "pobj"]


def _sought_for(verb: Token) -> list[Token]:
    """"Prosecutors are seeking 15 years for X": whom the prosecution asks a term for;
    "asked the court to impose 7 years for A, 7 years for B and 6 years for C": each
    term's person; "demanded a ten-year sentence for X"; "asked that X be sentenced",
    "asked the court to sentence X to ten years": whom it asks to be sentenced."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    sought = [o for v in verbs for prep in v.subtree if prep.dep_ == "prep" and prep.lower_ == "for"
              and (prep.head == v or prep.head.lemma_.lower() in TIME_UNITS | TERM_NOUNS)
              for o in prep.children if o.dep_ == "pobj" and _person_like(o)]
    for clause in verb.children:
        if clause.dep_ in {"xcomp", "ccomp"} and clause.lemma_.lower() in SENTENCING_VERBS:
            sought.extend(_children(clause, frozenset({"dobj", "nsubjpass"})))
    return sought


def _predicated(word: Token) -> list[Token]:
    """"X is held incommunicado": the state word describes the verb's patient."""
    verb = word.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    return _children(verb, frozenset({"nsubjpass", "dobj", "nsubj"}))


def _modified(word: Token) -> list[Token]:
    if word.dep_ not in {"amod", "compound", "acl"} or word.head.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [word.head]


VERDICT_NOUNS = frozenset({"verdict", "sentence", "ruling", "judgment", "judgement"})
DELIVERING_VERBS = frozenset({"announce", "read", "deliver", "hand", "pronounce", "issue"})
TIME_MARKS = frozenset({"when", "as", "after", "once"})


def timed_by_verdict(sent: Span) -> bool:
    """"When the sentence was announced, ...": a clause whose time is the verdict's."""
    for verb in sent:
        if verb.dep_ != "advcl" or verb.lemma_.lower() not in DELIVERING_VERBS:
            continue
        marked = any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in verb.children)
        verdict = any(c.dep_ in SUBJECT_DEPS | {"dobj"} and c.lemma_.lower() in VERDICT_NOUNS
                      and _definite(c) for c in verb.children)
        if marked and verdict:
            return True
    return False


@cache
def trigger_vocabulary() -> dict[str, tuple[tuple[EventType, frozenset[str]], ...]]:
    """Lemma -> (event type, words one of which must be near) from rules/triggers.toml."""
    vocabulary: dict[str, set[tuple[EventType, frozenset[str]]]] = defaultdict(set)
    for lemma, rules in trigger_rules().items():
        for rule in rules:
            vocabulary[lemma].add((rule.event, rule.requires))
    return {lemma: tuple(sorted(found)) for lemma, found in vocabulary.items()}


def trigger_types(token: Token) -> list[EventType]:
    """Event types the word can report, its required neighbours present."""
    vocabulary = trigger_vocabulary()
    entries = vocabulary.get(token.lemma_.lower()) or vocabulary.get(_participle_stem(token), ())
    near: frozenset[str] | None = None
    found: list[EventType] = []
    for event, requires in entries:
        if requires:
            near = near if near is not None else near_lemmas(token)
            if not near & requires:
                continue
        if event not in found:
            found.append(event)
    return found


def _participle_stem(token: Token) -> str:
    """"jailed" -> "jail" when the lemmatiser left the participle alone; "re-arrested"
    -> "arrest", "re-trial" -> "trial": an act done again is the act."""
    lower = token.lower_.removeprefix("re-")
    rules = trigger_rules()
    if lower != token.lower_ and lower in rules:
        return lower
    if not lower.endswith("ed"):
        return ""
    return next((s for s in (lower[:-2], lower[:-1], lower[:-3]) if s in rules), "")
