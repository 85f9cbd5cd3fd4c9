"""The exception catalogue: each error names its input and says what to do next."""

from __future__ import annotations


class RightsdeskError(Exception):
    """Base of every error rightsdesk raises on purpose."""


class UnreadableSource(RightsdeskError):
    """A source file that cannot be read as a document (binary, empty, too big...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        """Pickle by its two fields, so worker processes can report one."""
        return (UnreadableSource, (self.path, self.reason))


class StoreError(RightsdeskError):
    """The case store cannot be opened or written."""


class StoreBusy(StoreError):
    """Another writer held the store longer than a writer waits."""


class UnknownPerson(RightsdeskError):
    """A person id or name that the store does not hold."""
