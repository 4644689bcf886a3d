"""Merging one mirror file changed on two copies since their common version. Pure: bytes
in, bytes out, the same result on every copy, and never conflict markers.

- a note edited on both: the later edit is the note; the other text is kept as a note
  beside it (a new id, `beside` naming the note), so neither text is lost;
- a note deleted on one and edited on the other: the edit is kept;
- a brief imported on both: the later import wins (notes and corrections are other
  files, so both readers' stay);
- a brief's corrections changed on both: field by field, the later correction of a
  field both changed wins, and the histories are joined;
- a reader's own file (the same reader on two machines): each state and view merged
  by itself, the change made on one side kept;
- a file that cannot be read: ours is kept, and the problem reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from store.sync import layout
from store.sync.layout import BadFile, Place


@dataclass(slots=True)
class Merged:
    files: dict[str, bytes | None] = field(default_factory=dict)  # None: removed
    problems: list[str] = field(default_factory=list)


def _pick(ours: bytes, theirs: bytes, ours_first: bool) -> bytes:
    return ours if ours_first else theirs


def merge(path: str, base: bytes | None, ours: bytes | None, theirs: bytes | None) -> Merged:
    """The merged content of `path` (and of any file the merge adds beside it)."""
    out = Merged()
    if ours == theirs or theirs == base:
        out.files[path] = ours
        return out
    if ours == base:
        out.files[path] = theirs
        return out
    place = layout.place_of(path)
    if place is None:
        out.files[path] = ours
        return out
    if ours is None or theirs is None:
        # Deleted on one side, changed on the other: the change stays.
        out.files[path] = ours if theirs is None else theirs
        return out
    try:
        _both_changed(place, path, base, ours, theirs, out)
    except BadFile as exc:
        out.files = {path: ours}
        out.problems.append(f"{path}: {exc}; this copy's version is kept")
    return out


def _both_changed(
    place: Place, path: str, base: bytes | None, ours: bytes, theirs: bytes, out: Merged
) -> None:
    if place.kind == layout.NOTES:
        _notes(place.key, path, ours, theirs, out)
    elif place.kind == layout.BRIEFS:
        mine, other = layout.brief_header(ours), layout.brief_header(theirs)
        if other is None:
            raise BadFile("not a brief file")
        first = mine is not None and (
            layout.later(mine[1], other[1]) or (mine[1] == other[1] and ours > theirs)
        )
        out.files[path] = _pick(ours, theirs, first)
    elif place.kind == layout.CORRECTIONS:
        out.files[path] = _corrections(place.key, base, ours, theirs)
    else:
        out.files[path] = _reader(base, ours, theirs)


def _corrections(key: str, base: bytes | None, ours: bytes, theirs: bytes) -> bytes:
    """Field by field: a correction made on one side only is kept; the same field
    corrected on both takes the later; the histories are joined in time order."""
    mine = layout.parse_corrections(key, ours)
    other = layout.parse_corrections(key, theirs)
    try:
        old = layout.parse_corrections(key, base) if base is not None else {}
    except BadFile:
        old = {}
    a, b = layout.last_change(mine), layout.last_change(other)
    first = layout.later(a, b) or (a == b and ours > theirs)
    winner, loser = (mine, other) if first else (other, mine)
    entries = merge_keys(
        old.get("entries", {}), winner.get("entries", {}), loser.get("entries", {})
    )
    history: dict[bytes, Any] = {}
    for change in [*loser.get("changes", []), *winner.get("changes", [])]:
        history.setdefault(layout.dumps(change), change)
    changes = sorted(history.values(), key=lambda c: str(c.get("at", "")))
    gen = max(int(mine.get("gen", 0)), int(other.get("gen", 0))) + 1
    merged = {**winner, "entries": entries, "changes": changes, "gen": gen}
    return layout.corrections_file(key, merged)


def _notes(key: str, path: str, ours: bytes, theirs: bytes, out: Merged) -> None:
    mine, other = layout.parse_note(key, ours), layout.parse_note(key, theirs)
    if _same_note(mine, other):
        out.files[path] = ours if ours > theirs else theirs  # e.g. only the author differs
        return
    first = layout.later(mine["updated"], other["updated"]) or (
        mine["updated"] == other["updated"] and ours > theirs
    )
    kept, beside = (ours, other) if first else (theirs, mine)
    beside_bytes = theirs if first else ours
    new_id = layout.beside_id(key, beside_bytes)
    out.files[path] = kept
    doc = {**beside, "id": new_id, "beside": key}
    out.files[layout.path_of(layout.NOTES, new_id)] = layout.dumps(doc)


def _same_note(one: Mapping[str, Any], two: Mapping[str, Any]) -> bool:
    return all(one.get(k) == two.get(k) for k in ("brief_id", "text"))


def _reader(base: bytes | None, ours: bytes, theirs: bytes) -> bytes:
    mine = layout.parse_reader(ours)
    other = layout.parse_reader(theirs)
    try:
        old = layout.parse_reader(base) if base is not None else ({}, {})
    except BadFile:
        old = ({}, {})
    states = merge_keys(old[0], mine[0], other[0])
    views = merge_keys(old[1], mine[1], other[1])
    name = layout.parse_name(ours)
    return layout.reader_file(name, states, views)


def merge_keys(
    base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> dict[str, Any]:
    """Per key: the side that changed it since `base` wins; both changed: ours."""
    out = {}
    for key in sorted(set(base) | set(ours) | set(theirs)):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        value = o if (o != b or t == b) else t
        if value is not None:
            out[key] = value
    return out
