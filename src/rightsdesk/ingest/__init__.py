"""Ingest: find source files and read them into `Source` records."""

from rightsdesk.ingest.files import doc_id_of, list_inputs, read_source
from rightsdesk.ingest.warc import is_warc, read_warc

__all__ = ["doc_id_of", "is_warc", "list_inputs", "read_source", "read_warc"]
