"""The arrows go tui → store → briefs, never back: checked on what really gets imported."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("briefs", {"tinydb", "textual", "rich", "store", "tui"}), ("store", {"textual", "tui"})],
)
def test_no_module_imports_against_the_arrows(package: str, forbidden: set[str]) -> None:
    """Also imports inside functions, which the runtime check above would miss."""
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path}: imports {name}"
