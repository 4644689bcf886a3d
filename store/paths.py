"""Where the store lives (--store, else $BRIEFING_STORE, else the user data folder) and
whether we may write there."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from store.errors import StoreError


def default_store_dir() -> Path:
    return user_data_path("briefing", appauthor=False)


def resolve_store_dir(flag: str | None) -> Path:
    if flag is not None:
        if not flag.strip():
            # Falling back to the real store here would surprise a script that meant a
            # scratch folder.
            raise StoreError("--store: the path is empty")
        return Path(flag).expanduser()
    env = os.environ.get("BRIEFING_STORE")
    if env is not None:
        if not env.strip():
            raise StoreError("$BRIEFING_STORE: the path is empty")  # set but empty, as above
        return Path(env).expanduser()
    return default_store_dir()


def is_read_only(root: Path) -> bool:
    """Whether the store folder (which we can read) refuses our writes: a read-only mount,
    another user's store, a chmod. Such a store is opened for reading only."""
    return not os.access(root, os.W_OK)


def read_only_error(root: Path) -> StoreError:
    return StoreError(f"{root} is read-only: nothing can be saved")
