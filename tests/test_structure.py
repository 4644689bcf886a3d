"""The shape of the code: no import cycles, the rules inside each layer, small modules.

Every import counts — at the top, inside a function, under `if TYPE_CHECKING:` — because a
cycle hidden in a function is still two modules that cannot be understood apart. An import
names the module it imports (`from briefs.search import query` names briefs.search.query;
`from briefs import Brief` names the package `briefs`); the parent packages Python runs
first are not counted.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGES = ("briefs", "store", "tui", "bench")
MAX_CODE_LINES = 500


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


MODULES = _modules()


def _imports(path: Path) -> Iterator[str]:
    """The modules of our own that `path` imports, anywhere in it."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            # `from a import b`: b may be a module of a, or a name defined in a.
            names = [
                f"{node.module}.{alias.name}"
                if f"{node.module}.{alias.name}" in MODULES
                else node.module
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            if name.split(".")[0] in PACKAGES:
                yield name


GRAPH = {name: sorted(set(_imports(path)) - {name}) for name, path in MODULES.items()}


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in graph:
                    continue
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph.get(target, ()))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"], "e": ["e"]}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": ["b"], "b": []}) == []


def test_no_import_cycles() -> None:
    assert _cycles(GRAPH) == []


def _importers(prefix: str, forbidden: str) -> list[str]:
    return [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if name == prefix or name.startswith(prefix + ".")
        for target in targets
        if target == forbidden or target.startswith(forbidden + ".")
    ]


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        # The layers: tui → store → briefs, never back.
        ("briefs", "store"),
        ("briefs", "tui"),
        ("briefs", "bench"),
        ("store", "tui"),
        ("store", "bench"),
        ("tui", "bench"),
        # Inside briefs: search and the shared homes know nothing of drafting.
        ("briefs.search", "briefs.drafting"),
        ("briefs.model", "briefs.drafting"),
        ("briefs.reading", "briefs.drafting"),
        ("briefs.gazetteer", "briefs.drafting"),
        ("briefs.folding", "briefs.drafting"),
        ("briefs.rates", "briefs.drafting"),
        ("briefs.dates", "briefs.drafting"),
        ("briefs.order", "briefs.drafting"),
        ("briefs.search", "briefs.actor_index"),
        # Inside tui: widgets never know the screens; plain-Python parts know no screen.
        ("tui.widgets", "tui.screens"),
        ("tui.widgets", "tui.app"),
        ("tui.screens", "tui.app"),
        ("tui.screens", "tui.palette"),
        ("tui.catalog", "tui.screens"),
        ("tui.catalog", "tui.widgets"),
        ("tui.note_session", "tui.screens"),
        ("tui.note_session", "tui.widgets"),
        ("tui.messages", "tui.screens"),
    ],
)
def test_import_rules(importer: str, imported: str) -> None:
    assert _importers(importer, imported) == []


def test_the_rules_see_real_imports() -> None:
    """The graph is read right: known edges are there (else every rule above holds
    vacuously)."""
    assert "briefs.search.docs" in GRAPH["briefs.search.query"] or any(
        t.startswith("briefs.search") for t in GRAPH["briefs.search.query"]
    )
    assert "tui.catalog" in GRAPH["tui.app"]
    assert "tui.palette" in GRAPH["tui.app"]  # an import inside a function counts


def code_lines(path: Path) -> int:
    """Lines that are neither blank nor comments (docstrings count: they are code to read)."""
    return sum(
        1
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    )


def test_no_module_is_too_long() -> None:
    long = {name: n for name, path in MODULES.items() if (n := code_lines(path)) > MAX_CODE_LINES}
    assert long == {}


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("briefs", {"tinydb", "textual", "rich"}), ("store", {"textual", "rich"})],
)
def test_the_layers_keep_to_their_libraries(package: str, forbidden: set[str]) -> None:
    """The domain knows no storage or terminal library, and the store no terminal one."""
    found = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            found += [f"{path}: {n}" for n in names if n.split(".")[0] in forbidden]
    assert found == []
