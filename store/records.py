"""What the store hands out besides briefs: list rows, reader state, import counts; and
how reader.json keeps a note."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefs.model import Note


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
    version: str = ""  # the content's digest (+ corrections generation): new = changed
    corrected: bool = False  # the reader corrected some field or row


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_deleted: int = 0  # in the trash, so left there (import_briefs(undelete=True))
    undeleted: int = 0  # in the trash and brought back by undelete=True
    # (derived id, id given instead): another story already had the derived id
    renamed: tuple[tuple[str, str], ...] = ()
    duplicates: tuple[str, ...] = ()  # ids that came more than once: the last one is kept
    # Derived ids this import both kept and renamed (or renamed twice): reader data carried
    # under one cannot be told apart, so import_reader_data(placed=...) leaves it out.
    ambiguous: tuple[str, ...] = ()

    def placed_as(self, brief_id: str) -> str | None:
        """The id this import gave a brief that came as `brief_id`; None when ambiguous."""
        if brief_id in self.ambiguous:
            return None
        return next((new for old, new in self.renamed if old == brief_id), brief_id)


@dataclass(frozen=True, slots=True)
class TrashEntry:
    """A deleted brief: its content, notes and corrections stay until it is undeleted."""

    id: str
    title: str
    date: str
    deleted_at: str


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved editor text, kept so a crash or a closed terminal loses nothing."""

    brief_id: str
    note_id: str | None  # None for a note not yet saved once
    text: str
    saved_at: str
    owner: str = ""  # the editor that typed it (store/drafts.py); "" for an older store's
    base: str | None = None  # the note's text when the editor opened it
    # What a correction form was editing ("brief", "actors.2", "tariffs.new"); "" for a
    # note. A form's draft holds its fields' text as a JSON object in `text`.
    target: str = ""


@dataclass(frozen=True, slots=True)
class ReaderImportCounts:
    """What importing an export's reader data did (see store/reader_import.py)."""

    notes_restored: int = 0  # added with their own ids
    notes_present: int = 0  # the store holds them already
    notes_beside: int = 0  # their id holds another text here: added under a new id
    states_restored: int = 0  # briefs whose read/starred the import set
    states_unchanged: int = 0  # briefs whose read/starred already said as much
    corrections_restored: int = 0  # briefs whose corrections the import added
    corrections_present: int = 0  # briefs whose corrections were all there already
    unplaced: int = 0  # records left out: their brief's id was ambiguous (ImportCounts)

    @property
    def notes(self) -> int:
        return self.notes_restored + self.notes_present + self.notes_beside

    @property
    def states(self) -> int:
        return self.states_restored + self.states_unchanged


def note_doc(note: Note) -> dict[str, Any]:
    """A note as reader.json keeps it."""
    return {**note.to_dict(), "brief_id": note.brief_id}


def note_from_doc(doc: Mapping[str, Any]) -> Note:
    # .get throughout: a hand-edited file must not crash the reader over one field.
    created = str(doc.get("created", ""))
    author = doc.get("author")
    return Note(
        id=str(doc.get("id", "")),
        brief_id=str(doc.get("brief_id", "")),
        text=str(doc.get("text", "")),
        created=created,
        updated=str(doc.get("updated", created)),
        author=author if isinstance(author, str) and author else None,
    )
