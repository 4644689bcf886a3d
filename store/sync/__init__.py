"""Sharing a store with a desk through git: the mirror's layout (layout.py), the git
command line (git.py), merging one file (merge.py), the mirror (mirror.py) and the
sync itself (engine.py)."""

from store.sync.engine import (
    SyncRefused,
    SyncReport,
    desk_name,
    has_desk,
    reader_name,
    status,
    sync,
)
from store.sync.git import GitError

__all__ = [
    "GitError",
    "SyncRefused",
    "SyncReport",
    "desk_name",
    "has_desk",
    "reader_name",
    "status",
    "sync",
]
