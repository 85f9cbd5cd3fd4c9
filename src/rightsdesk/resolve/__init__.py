"""Resolution: the same person across documents and against the store.

Public API: `resolve_people(extractions, known=(), taken=...) -> Resolution`, and
`candidate_ids(extractions, index)`: the known people a batch could join, asked
of the store's name index, which are all `resolve_people` needs to be given.
Pure and deterministic; imports only the domain model and the shared name parts.
"""

from __future__ import annotations

from rightsdesk.resolve.candidates import NameIndex, candidate_ids
from rightsdesk.resolve.people import resolve_people, slug_of

__all__ = ["NameIndex", "candidate_ids", "resolve_people", "slug_of"]
