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
