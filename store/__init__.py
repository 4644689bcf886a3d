"""Persistence: briefs and the reader's own data in TinyDB files. Never imports textual."""

from store.errors import DamagedFileError, NoteChangedError, StoreError
from store.paths import default_store_dir, resolve_store_dir
from store.records import BriefRow, Draft, ImportCounts, ReaderState
from store.store import Store

__all__ = [
    "BriefRow",
    "DamagedFileError",
    "Draft",
    "ImportCounts",
    "NoteChangedError",
    "ReaderState",
    "Store",
    "StoreError",
    "default_store_dir",
    "resolve_store_dir",
]
