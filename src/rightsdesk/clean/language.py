"""The language a document is written in, so each goes to the reader for it.

py3langid (langid.py's model, kept by trafilatura's author) ships its model
inside the PyPI package: nothing is downloaded at run time, one
classification of a page costs well under a millisecond, and its labels are
ISO 639-1 codes. Chosen over langdetect (random, slower) and lingua (far larger).
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 4000  # the opening of a page says its language; the rest costs time only
MIN_LETTERS = 20  # below this a guess is noise: such a text is read as English
READ_LANGUAGES = frozenset({"en", "ru"})  # languages rightsdesk extracts from
# The English fast path: shares of a sample's words (English prose runs at about 6%
# "the" and 25-30% of these function words; no other language comes near both;
# lists and headline pages run lower on "the").
WORD = re.compile(r"[^\W\d_]+")
ENGLISH_MARKERS = frozenset(
    {"the", "and", "of", "to", "in", "on", "was", "were", "is", "are", "that", "with", "for",
     "by", "has", "have", "had", "his", "her", "their", "said", "from", "after"})
MIN_WORDS = 40
LATIN_SHARE = 0.97
THE_SHARE = 0.015
MARKER_SHARE = 0.15


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """Loaded on first use (0.4 s), then shared; forked workers inherit it."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("en" for a text too short to tell)."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS or plainly_english(sample):
        return "en"
    language, _probability = _identifier().classify(sample)
    return str(language)


def plainly_english(sample: str) -> bool:
    """Latin words thick with "the" and English function words: English, told without
    the model (an English-only run then never loads it)."""
    words = WORD.findall(sample.lower())
    if len(words) < MIN_WORDS or sum(w.isascii() for w in words) < LATIN_SHARE * len(words):
        return False
    markers = sum(w in ENGLISH_MARKERS for w in words)
    return words.count("the") >= THE_SHARE * len(words) and markers >= MARKER_SHARE * len(words)
