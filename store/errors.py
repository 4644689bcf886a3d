"""Errors the store raises; each message names the file and the problem."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefs.model import Note


class StoreError(Exception):
    """The store cannot be used (not a folder, not writable, locked out, disk full…)."""


class DamagedFileError(StoreError):
    """A store file that does not parse or has the wrong shape. It is never overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoteChangedError(StoreError):
    """The note was changed elsewhere since the editor opened it; nothing was written."""

    def __init__(self, current: Note) -> None:
        super().__init__(f"note {current.id} was changed elsewhere")
        self.current = current


class StoreBusyError(StoreError):
    """Another briefing process holds the store (an import, a check, one suspended with
    ctrl+z); the write was not tried, so that nothing waits on it."""

    def __init__(self) -> None:
        super().__init__(
            "waiting for another briefing process (an import, a check, or one suspended): "
            "nothing was saved yet, and what you typed is kept; save again in a moment"
        )
