"""The bundled sample corpus is present, has sidecars, and cleans to its articles."""

from __future__ import annotations

import gzip
import json

from rightsdesk.clean import clean_html, clean_text
from rightsdesk.sample import corpus_dir


def documents():
    return [p for p in corpus_dir().iterdir() if not p.name.endswith(".meta.json")]


def test_every_document_has_a_sidecar_with_url_date_title() -> None:
    for doc in documents():
        meta = json.loads((doc.parent / f"{doc.name.split('.')[0]}.meta.json").read_text())
        assert set(meta) == {"url", "published", "title"}, doc.name


def test_corpus_mixes_html_gzip_and_text() -> None:
    suffixes = {"".join(p.suffixes) for p in documents()}
    assert {".html", ".html.gz", ".txt"} <= suffixes


def test_sample_documents_clean_without_chrome() -> None:
    for doc in documents():
        raw = doc.read_bytes()
        raw = gzip.decompress(raw) if doc.suffix == ".gz" else raw
        decoded = raw.decode("utf-8")
        text = clean_text(decoded) if doc.suffix == ".txt" else clean_html(decoded).text
        assert len(text.split()) > 100, doc.name
        for clutter in ("cookies", "per annum", "Read next", "Share"):
            assert clutter not in text, (doc.name, clutter)
