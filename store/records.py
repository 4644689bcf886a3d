"""What the store hands out besides briefs: list rows, reader state, import counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReaderState:
    read: bool = False
    starred: bool = False


@dataclass(frozen=True, slots=True)
class BriefRow:
    """One line of the brief list: enough to draw it without loading the brief."""

    id: str
    title: str
    date: str
    source: str | None
    note_count: int
    read: bool
    starred: bool
    version: str = ""  # the content's digest: a new one means the brief changed


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved editor text, kept so a crash or a closed terminal loses nothing."""

    brief_id: str
    note_id: str | None  # None for a note not yet saved once
    text: str
    saved_at: str
    owner: str = ""  # the editor that typed it (store/drafts.py); "" for an older store's
    base: str | None = None  # the note's text when the editor opened it
