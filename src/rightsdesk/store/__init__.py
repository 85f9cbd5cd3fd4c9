"""The case store: sources, persons and facts with evidence, on SQLite or PostgreSQL."""

from rightsdesk.store.case_store import Store, open_store
from rightsdesk.store.export import EXPORT_FIELDS, ExportRow, export_rows
from rightsdesk.store.search import SearchHit

__all__ = ["EXPORT_FIELDS", "ExportRow", "SearchHit", "Store", "export_rows", "open_store"]
