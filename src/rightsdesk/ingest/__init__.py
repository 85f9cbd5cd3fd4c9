"""Ingest: find source files and read them into `Source` records."""

from rightsdesk.ingest.files import doc_id_of, list_inputs, read_source

__all__ = ["doc_id_of", "list_inputs", "read_source"]
