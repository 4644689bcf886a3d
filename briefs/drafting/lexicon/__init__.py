"""The drafting rules' word lists and cue tables, kept as data files beside this module.

A `NAME.txt` list holds one entry a line, lower case and sorted; `#` starts a comment. A
`NAME.toml` table holds what needs more shape: ordered cues, or names with their spelling.
Each file is read once, through importlib.resources, so an installed package finds it too.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


def _read(filename: str) -> str:
    return files(__name__).joinpath(filename).read_text(encoding="utf-8")


def entries(text: str) -> list[str]:
    """The entries of a list file in file order: comments and blank lines dropped."""
    out = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `NAME.txt`, for membership tests on lower-cased tokens."""
    return frozenset(entries(_read(f"{name}.txt")))


@cache
def table(name: str) -> dict[str, Any]:
    """`NAME.toml`, parsed."""
    return tomllib.loads(_read(f"{name}.toml"))


def cue(entry: dict[str, Any]) -> str:
    """The pattern of one cue table entry: its pieces joined."""
    return "".join(entry["cue"])
