"""The arrows go tui → store → briefs, never back: checked on what really gets imported at
run time (tests/test_structure.py checks every import in the source)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in result.stdout.split()}


def test_briefs_loads_neither_storage_nor_terminal() -> None:
    loaded = loaded_after(
        "import briefs, briefs.drafting, briefs.search.index, briefs.search.query, "
        "briefs.evaluate, briefs.actor_index, briefs.markdown, briefs.samples"
    )
    assert not loaded & {"tinydb", "textual", "store", "tui", "rich"}


def test_store_loads_no_terminal() -> None:
    loaded = loaded_after("import store, store.health")
    assert "tinydb" in loaded
    assert not loaded & {"textual", "tui"}
