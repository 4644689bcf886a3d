"""Persistence: briefs and the reader's own data in TinyDB files. Never imports textual."""

from briefs.correcting import HistoryEntry
from briefs.corrections import BriefCorrections, CorrectionError
from store.errors import DamagedFileError, NoteChangedError, StoreBusyError, StoreError
from store.paths import default_store_dir, resolve_store_dir
from store.records import BriefRow, Draft, ImportCounts, ReaderState, TrashEntry
from store.store import Store

__all__ = [
    "BriefCorrections",
    "BriefRow",
    "CorrectionError",
    "DamagedFileError",
    "Draft",
    "HistoryEntry",
    "ImportCounts",
    "NoteChangedError",
    "ReaderState",
    "Store",
    "StoreBusyError",
    "StoreError",
    "TrashEntry",
    "default_store_dir",
    "resolve_store_dir",
]
