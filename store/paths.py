"""Where the store lives: --store, else $BRIEFING_STORE, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path


def default_store_dir() -> Path:
    return user_data_path("briefing", appauthor=False)


def resolve_store_dir(flag: str | None) -> Path:
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get("BRIEFING_STORE")
    if env:
        return Path(env).expanduser()
    return default_store_dir()
