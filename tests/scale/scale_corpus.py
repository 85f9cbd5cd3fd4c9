"""Helpers of the scale tests: PostgreSQL schemas as stores, a WARC as files, store contents."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

from rightsdesk.ingest.warc import read_warc
from rightsdesk.model import CaseFile, Source
from rightsdesk.store import open_store


class pg_schema:
    """A throwaway schema on the server, as a store URL (its search_path points there)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.name = f"rightsdesk_scale_{uuid.uuid4().hex[:10]}"
        self.admin = sa.create_engine(sa.make_url(url).set(drivername="postgresql+psycopg"))

    def __enter__(self) -> str:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {self.name}")
        separator = "&" if "?" in self.url else "?"
        return f"{self.url}{separator}options={quote(f'-csearch_path={self.name}')}"

    def __exit__(self, *_exc: object) -> None:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {self.name} CASCADE")
        self.admin.dispose()


def explode(warc: Path, into: Path) -> list[Path]:
    """The archive's pages as `DOC_ID.html` files with a url sidecar, in archive order,
    so the single-process path reads the very same documents."""
    into.mkdir(parents=True, exist_ok=True)
    files = []
    for source in read_warc(warc):
        if isinstance(source, Source):
            page = into / f"{source.doc_id}.html"
            page.write_bytes(source.raw)
            (into / f"{source.doc_id}.meta.json").write_text(json.dumps({"url": source.url}))
            files.append(page)
    return files


def contents(url: str) -> CaseFile:
    """Everything the store holds, as the read model (ids included)."""
    with open_store(url) as store:
        return store.case_file()
