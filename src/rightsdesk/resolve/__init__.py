"""Resolution: the same person across documents and against the store.

Public API: `resolve_people(extractions, known=(), taken=...) -> Resolution` and
`candidate_keys(extractions, surnames_in)`, the name keys under which the store
files every known person the batch could join. Pure and deterministic; imports
only the domain model and the shared name parts.
"""

from __future__ import annotations

from rightsdesk.resolve.candidates import candidate_keys
from rightsdesk.resolve.people import resolve_people, slug_of

__all__ = ["candidate_keys", "resolve_people", "slug_of"]
