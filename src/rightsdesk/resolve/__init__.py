"""Resolution: the same person across documents and against the store.

Public API: `resolve_people(extractions, known=()) -> Resolution`. Pure and
deterministic; imports only the domain model.
"""

from __future__ import annotations

from rightsdesk.resolve.people import resolve_people, slug_of

__all__ = ["resolve_people", "slug_of"]
