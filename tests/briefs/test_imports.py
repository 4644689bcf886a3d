"""Imports inside briefs/ go one way: no cycles, search apart from drafting.

Every import counts: at the top, inside functions and under `if TYPE_CHECKING:`. A
package's `__init__.py` is the module of the package itself, so `from briefs import X` in a
module that `briefs/__init__.py` imports is a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules(package: str) -> dict[str, Path]:
    out = {}
    for path in (ROOT / package).rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = modules("briefs")


def _known(name: str) -> str | None:
    """The module of ours that importing `name` runs last: itself, else its package."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str) -> set[str]:
    path = MODULES[name]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's package
                package = name if path.name == "__init__.py" else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{node.module}" if node.module else package
            else:
                base = node.module or ""
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in MODULES else _known(base))
    found.discard(None)
    found.discard(name)
    return {n for n in found if n is not None}


GRAPH = {name: imports_of(name) for name in MODULES}


def reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in GRAPH[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_no_import_cycles_in_briefs() -> None:
    cycles = sorted(name for name in GRAPH if name in reachable(name))
    assert cycles == [], f"modules on an import cycle: {cycles}"


def test_search_never_reaches_drafting() -> None:
    for name in MODULES:
        if name == "briefs.search" or name.startswith("briefs.search."):
            reached = reachable(name)
            assert not any(n.startswith("briefs.drafting") for n in reached), name


def test_only_files_and_evaluate_use_drafting_from_outside_it() -> None:
    users = {
        name
        for name, deps in GRAPH.items()
        if not name.startswith("briefs.drafting")
        and any(d.startswith("briefs.drafting") for d in deps)
    }
    # briefs.web.article drafts a fetched page, and briefs.web.page_files a saved one, as
    # files.py drafts a .txt: a source → briefs.
    # briefs.csl reads only the drafter's word lists (name particles, organisation heads):
    # one list each, not a second copy to drift apart.
    assert users <= {
        "briefs.files",
        "briefs.evaluate",
        "briefs.web.article",
        "briefs.web.page_files",
        "briefs.csl",
    }


def test_the_search_package_itself_imports_nothing() -> None:
    assert GRAPH["briefs.search"] == set()
