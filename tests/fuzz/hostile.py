"""Hypothesis strategies for hostile input, and the guards every fuzz test shares.

Every document here is generated: words, tags and records are assembled from
small vocabularies written for these tests, never copied from real reports.
"""

from __future__ import annotations

import faulthandler
import gzip
import hashlib
import json
import os
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from rightsdesk.config import Limits

T = TypeVar("T")

FAST = 25  # examples per test in the default run (CI)
# examples per test under `-m slow` (`make fuzz`); the environment can ask for more
DEEP = int(os.environ.get("RIGHTSDESK_FUZZ_EXAMPLES", "2000"))
PROFILES = [pytest.param(FAST, id="fast"), pytest.param(DEEP, id="deep", marks=pytest.mark.slow)]
HANG_SECONDS = 120  # one example running longer than this is a hang: the run dies with a trace
CORPUS = Path(__file__).parent / "corpus"

# Small limits, so every bound is reached by inputs a fuzzer can build quickly.
FUZZ_LIMITS = Limits(
    max_file_bytes=256 * 1024,
    max_decompressed_bytes=1024 * 1024,
    max_text_chars=100_000,
    max_html_depth=64,
    parse_seconds=10.0,
)
MEMORY_FLOOR = 64 * FUZZ_LIMITS.max_decompressed_bytes  # Python heap any example may use
MEMORY_PER_BYTE = 16  # and beyond it, this many heap bytes per input byte

WORDS = (
    "police",
    "detained",
    "the",
    "journalist",
    "Arman",
    "Seitkali",
    "on",
    "12",
    "May",
    "2021",
    "court",
    "sentenced",
    "him",
    "to",
    "five",
    "years",
    "charged",
    "with",
    "extremism",
    "said",
    "Human",
    "Rights",
    "Watch",
    "release",
    "appeal",
    "hearing",
    "Mr.",
    "Ms.",
    "\u00e9t\u00e9",
    "\u0441\u0443\u0434",
    "\u0627\u0644\u0645\u062d\u0643\u0645\u0629",
    "\u2019",
    "\u201c",
    ".",
    ",",
    ";",
    "(",
    ")",
    "--",
    "\u00a0",
    "\t",
)
TAGS = (
    "div",
    "p",
    "span",
    "article",
    "main",
    "section",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "a",
    "b",
    "i",
    "h1",
    "h2",
    "script",
    "style",
    "iframe",
    "svg",
    "math",
    "template",
    "noscript",
    "br",
    "img",
    "meta",
    "title",
    "head",
    "body",
    "html",
    "form",
    "textarea",
    "pre",
    "xmp",
)
ENCODINGS = ("utf-8", "cp1252", "cp1251", "latin-1", "koi8-r", "utf-16", "shift_jis", "gb18030")


def fuzz_settings(examples: int) -> settings:
    """Few examples by default, many in the deep profile; no deadline flakiness on a busy
    machine: hangs are caught by `no_hang`, not by per-example timing."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=examples == FAST,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@contextmanager
def no_hang(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Abort the whole run with every thread's traceback if one example hangs.

    faulthandler's watchdog is a thread, not a signal, so it also catches a hang
    inside C code and does not disturb the cleaner's own SIGALRM budget.
    """
    faulthandler.dump_traceback_later(seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def memory_bound(input_bytes: int) -> int:
    return max(MEMORY_FLOOR, MEMORY_PER_BYTE * input_bytes)


def bounded_memory(work: Callable[[], T], bound: int = MEMORY_FLOOR) -> T:
    """Run work() and fail if its Python heap peak passes `bound` bytes."""
    tracemalloc.start()
    try:
        result = work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= bound, f"peak Python heap {peak} bytes, over {bound}"
    return result


class Corpus:
    """Keeps the input of the last failing example under corpus/, so a crash found once
    becomes a regression case (see test_fuzz_corpus.py).

    Hypothesis replays the shrunk example last, so the one kept is the smallest.
    `files` maps a suffix (".html", ".meta.json", ".warc") to that file's bytes; they
    are saved under one name, as ingest pairs a document with its sidecar.
    """

    def __init__(self) -> None:
        self.failing: dict[str, bytes] | None = None
        self.runs = 0

    def run(self, files: dict[str, bytes], check: Callable[[], object]) -> None:
        self.runs += 1
        try:
            check()
        except Exception:
            self.failing = files
            raise

    @contextmanager
    def kept_on_failure(self) -> Iterator[Corpus]:
        try:
            yield self
        except Exception:
            if self.failing is not None:
                self.save(self.failing)
            raise
        print(f"{self.runs} generated inputs, no failure")  # shown with -s (make fuzz)

    @staticmethod
    def save(files: dict[str, bytes]) -> None:
        CORPUS.mkdir(exist_ok=True)
        digest = hashlib.sha256(b"".join(files.values())).hexdigest()[:12]
        for suffix, data in files.items():
            (CORPUS / f"case-{digest}{suffix}").write_bytes(data)


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)


@st.composite
def attributes(draw: st.DrawFn) -> str:
    """Attributes, sometimes huge, sometimes unquoted or unterminated."""
    name = draw(st.sampled_from(("href", "class", "id", "style", "data-x", "on\u00e9", "a b")))
    size = draw(st.sampled_from((0, 1, 10, 1_000, 100_000)))
    value = draw(st.sampled_from(("x", '"', "'", "&amp;", "&#0;", "\u202e", "j\u0430vascript:")))
    quote = draw(st.sampled_from(('"', "'", "")))
    return f" {name}={quote}{value * size}{quote}"


def elements(max_leaves: int = 30) -> st.SearchStrategy[str]:
    """Nested markup built from the tag list: closed, unclosed and mis-nested."""
    leaf = st.one_of(words, st.sampled_from(("&nbsp;", "&#x41;", "&bogus;", "<!--", "-->", "]]>")))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(
            lambda tag, attrs, body, close: f"<{tag}{''.join(attrs)}>{''.join(body)}{close}",
            st.sampled_from(TAGS),
            st.lists(attributes(), max_size=2),
            st.lists(inner, max_size=4),
            st.sampled_from(("</div>", "</p>", "", "</span></div>", "</body>", "/>")),
        )

    return st.recursive(leaf, extend, max_leaves=max_leaves)


@st.composite
def deep_nesting(draw: st.DrawFn) -> str:
    """Markup nested around the depth limit, or far past it."""
    tag = draw(st.sampled_from(("div", "span", "b", "table", "ul", "font")))
    depth = draw(
        st.sampled_from(
            (FUZZ_LIMITS.max_html_depth - 1, FUZZ_LIMITS.max_html_depth + 1, 5_000, 60_000)
        )
    )
    closed = draw(st.booleans())
    return f"<{tag}>" * depth + draw(words) + (f"</{tag}>" * depth if closed else "")


@st.composite
def giant_line(draw: st.DrawFn) -> str:
    """One line of many sentences (or of one endless word), with no line break."""
    unit = draw(
        st.sampled_from(("Police detained the editor. ", "word ", "x", "\u0441\u0443\u0434 "))
    )
    return unit * draw(st.sampled_from((1_000, 20_000, 90_000)))


def page_text() -> st.SearchStrategy[str]:
    """HTML or text of every hostile kind the readers must survive."""
    return st.one_of(
        elements().map(
            lambda body: f"<html><head><title>t</title></head><body>{body}</body></html>"
        ),
        elements(),
        deep_nesting(),
        giant_line(),
        st.text(max_size=2_000),
        words,
    )


@st.composite
def mixed_encoding(draw: st.DrawFn) -> bytes:
    """Pieces of one page encoded with different codecs and concatenated."""
    pieces = draw(st.lists(st.tuples(words, st.sampled_from(ENCODINGS)), min_size=1, max_size=6))
    return b"".join(text.encode(codec, errors="replace") for text, codec in pieces)


@st.composite
def truncated(draw: st.DrawFn, data: st.SearchStrategy[bytes]) -> bytes:
    raw = draw(data)
    return raw[: draw(st.integers(0, len(raw)))]


@st.composite
def gzipped(draw: st.DrawFn) -> bytes:
    """Gzip of a page, a bomb, or a damaged stream (truncated, bytes flipped, trailing junk)."""
    payload = draw(st.one_of(page_text().map(str.encode), st.just(b" " * (4 * 1024 * 1024))))
    data = bytearray(gzip.compress(payload, compresslevel=draw(st.integers(1, 9))))
    damage = draw(st.sampled_from(("none", "truncate", "flip", "junk")))
    if damage == "truncate":
        del data[draw(st.integers(0, max(0, len(data) - 1))) :]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data[at] ^= draw(st.integers(1, 255))
    elif damage == "junk":
        data += draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


def raw_document() -> st.SearchStrategy[bytes]:
    """Bytes of a document file as a hostile site could serve them."""
    pages = page_text().map(lambda s: s.encode("utf-8", errors="surrogatepass"))
    return st.one_of(
        st.binary(max_size=4_096),
        pages,
        truncated(pages),
        mixed_encoding(),
        page_text().flatmap(
            lambda s: st.sampled_from(ENCODINGS).map(
                lambda codec: s.encode(codec, errors="replace")
            )
        ),
    )


def sidecar() -> st.SearchStrategy[bytes | None]:
    """A `.meta.json` beside the document: absent, fine, wrongly typed, deep or garbage."""
    good = st.fixed_dictionaries(
        {},
        optional={
            "url": st.one_of(st.none(), st.text(max_size=50), st.integers()),
            "published": st.one_of(
                st.none(),
                st.sampled_from(("2021-05-12", "2021-05", "2021", "12 May 2021", "2021-13-40", "")),
            ),
            "title": st.one_of(st.none(), words, st.lists(words)),
        },
    ).map(lambda meta: json.dumps(meta).encode())
    deep = st.integers(10, 200_000).map(lambda n: b"[" * n + b"]" * n)
    return st.one_of(st.none(), good, deep, st.binary(max_size=200))
