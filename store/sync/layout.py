"""The desk mirror's files: where each kind lives, how it is written, and how one that
arrives from a remote is checked before anything of it reaches the store.

    briefs/XX/ID.json       brief content: {"sha", "imported_at", "brief": the source}
    notes/XX/ID.json        one note: {"id", "brief_id", "text", "created", "updated",
                            "author"[, "beside": the note it was edited beside]}
    corrections/XX/ID.json  the reader's corrections of one brief: {"brief_id", "doc"}
    readers/NAME.json       one reader's read/starred states and saved views

(XX: see `bucket`.)

One file per brief, per note and per reader: two readers adding notes never write the
same file, so their changes meet without conflict. Every file is JSON with sorted keys,
so the same data is the same bytes (and the same git blob) on every copy.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from briefs import BriefError, brief_from_dict
from briefs.ids import is_valid_id
from briefs.model import MAX_CHARS, Brief
from store import content_log
from store.shapes import bucket_problems, is_iso_time, plain_author

BRIEFS, NOTES, CORRECTIONS, READERS = "briefs", "notes", "corrections", "readers"
MAX_FILE = 16 * 1024 * 1024  # a brief with the longest body the drafter reads, and room
MAX_NAME = 80
_NAME_FILE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


class BadFile(ValueError):
    """A mirror file that cannot be taken in; the message says why."""


def dumps(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


def blob_id(payload: bytes) -> str:
    """The id git gives a file of these bytes, without asking git."""
    return hashlib.sha1(b"blob %d\0" % len(payload) + payload, usedforsecurity=False).hexdigest()


def reader_slug(name: str) -> str:
    """A reader's name as a file name: lower-case letters, digits and hyphens."""
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in name.lower())
    out = re.sub(r"-+", "-", out).strip("-")[:MAX_NAME]
    return out or "reader"


@dataclass(frozen=True, slots=True)
class Place:
    kind: str  # BRIEFS, NOTES, CORRECTIONS or READERS
    key: str  # the brief id, note id or reader's file name


@functools.lru_cache(maxsize=1 << 18)  # asked for every brief and note at every sync
def bucket(key: str) -> str:
    """The sub-folder of a brief's, note's or corrections' file: two hex digits of a hash
    of its id. Git rewrites a whole folder's listing at each commit that touches one of
    its files; 256 small folders keep that (and the desk's history) small."""
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:2]


def place_of(path: str) -> Place | None:
    """What a mirror path holds; None for a path that is not one of ours."""
    parts = path.split("/")
    if not parts[-1].endswith(".json"):
        return None
    key = parts[-1].removesuffix(".json")
    if parts[0] == READERS and len(parts) == 2:
        return Place(READERS, key) if _NAME_FILE.fullmatch(key) else None
    if parts[0] not in (BRIEFS, NOTES, CORRECTIONS) or len(parts) != 3 or not is_valid_id(key):
        return None
    return Place(parts[0], key) if parts[1] == bucket(key) else None


def path_of(kind: str, key: str) -> str:
    if kind == READERS:
        return f"{kind}/{key}.json"
    return f"{kind}/{bucket(key)}/{key}.json"


def _load(payload: bytes) -> dict[str, Any]:
    if len(payload) > MAX_FILE:
        raise BadFile(f"over {MAX_FILE:,} bytes")
    try:
        value = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise BadFile(f"not valid JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise BadFile(f"expected a JSON object, found {type(value).__name__}")
    return value


def later(one: str, two: str) -> bool:
    """Whether ISO time `one` is after `two` (text order when they cannot be compared)."""
    try:
        return dt.datetime.fromisoformat(one) > dt.datetime.fromisoformat(two)
    except (TypeError, ValueError):
        return one > two


# -- notes ----------------------------------------------------------------------


def note_file(doc: Mapping[str, Any], author: str) -> bytes:
    """A store note document as its mirror file; `author` when the note names none."""
    out = {k: doc.get(k) for k in ("id", "brief_id", "text", "created")}
    out["updated"] = doc.get("updated", doc.get("created"))
    out["author"] = doc.get("author") or author
    if doc.get("beside"):
        out["beside"] = doc["beside"]
    return dumps(out)


def parse_note(key: str, payload: bytes) -> dict[str, Any]:
    """A note file checked as reader.json checks a note; the store document it becomes."""
    doc = _load(payload)
    if doc.get("id") != key:
        raise BadFile("its id differs from its file name")
    if not isinstance(doc.get("brief_id"), str) or not is_valid_id(doc["brief_id"]):
        raise BadFile("brief_id is not a brief id")
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadFile("the text is not a non-empty string")
    if len(text) > MAX_CHARS["text"]:
        raise BadFile(f"the text is over {MAX_CHARS['text']:,} characters")
    if not is_iso_time(doc.get("created")) or not is_iso_time(doc.get("updated")):
        raise BadFile("created or updated is not an ISO time")
    author = doc.get("author")
    if not isinstance(author, str) or not 0 < len(author) <= MAX_NAME:
        raise BadFile("the author is not a name")
    author = plain_author(author)  # as the store keeps it: one line, nothing that acts
    if author is None:
        raise BadFile("the author is not a name")
    beside = doc.get("beside")
    if beside is not None and (not isinstance(beside, str) or not is_valid_id(beside)):
        raise BadFile("beside is not a note id")
    out = {k: doc[k] for k in ("id", "brief_id", "text", "created", "updated")}
    out["author"] = author
    if beside:
        out["beside"] = beside
    return out


def beside_id(note_id: str, payload: bytes) -> str:
    """The id of the copy kept beside note `note_id` when two texts met: the same on every
    copy that makes the same merge, so two copies merging alike agree."""
    digest = hashlib.sha1(note_id.encode() + b"\0" + payload, usedforsecurity=False)
    return f"{note_id[: MAX_NAME - 9]}-{digest.hexdigest()[:8]}"


# -- briefs ---------------------------------------------------------------------


def brief_file(brief: Brief, sha: str, imported_at: str) -> bytes:
    # "sha" first in sorted order is not needed: it is read by parsing the file.
    return dumps({"sha": sha, "imported_at": imported_at, "brief": brief.to_dict()})


def parse_brief(key: str, payload: bytes) -> tuple[Brief, str, str]:
    """(the brief, its content digest as the store computes it, when it was imported)."""
    doc = _load(payload)
    if not is_iso_time(doc.get("imported_at")):
        raise BadFile("imported_at is not an ISO time")
    raw = doc.get("brief")
    if not isinstance(raw, dict):
        raise BadFile("it holds no brief")
    try:
        brief = brief_from_dict(raw)
    except BriefError as exc:
        raise BadFile(str(exc)) from exc
    if brief.id != key:
        raise BadFile("the brief's id differs from its file name")
    sha = content_log.digest(orjson.dumps(brief.to_dict()))  # never the file's own word
    return brief, sha, doc["imported_at"]


def brief_header(payload: bytes) -> tuple[str, str] | None:
    """(sha, imported_at) of a brief file, or None when it cannot be read."""
    try:
        doc = _load(payload)
    except BadFile:
        return None
    sha, at = doc.get("sha"), doc.get("imported_at")
    return (sha, at) if isinstance(sha, str) and isinstance(at, str) else None


# -- corrections ----------------------------------------------------------------


def corrections_file(brief_id: str, doc: Mapping[str, Any]) -> bytes:
    return dumps({"brief_id": brief_id, "doc": doc})


def parse_corrections(key: str, payload: bytes) -> dict[str, Any]:
    value = _load(payload)
    if value.get("brief_id") != key:
        raise BadFile("brief_id differs from its file name")
    doc = value.get("doc")
    problems = bucket_problems(key, doc)
    if problems:
        raise BadFile(problems[0])
    assert isinstance(doc, dict)
    return doc


def last_change(doc: Mapping[str, Any]) -> str:
    changes = doc.get("changes") or [{}]
    at = changes[-1].get("at") if isinstance(changes[-1], Mapping) else None
    return at if isinstance(at, str) else ""


# -- one reader's states and views ------------------------------------------------


def reader_file(name: str, states: Mapping[str, Any], views: Mapping[str, str]) -> bytes:
    return dumps({"reader": name, "states": dict(states), "views": dict(views)})


def parse_reader(payload: bytes) -> tuple[dict[str, dict[str, bool]], dict[str, str]]:
    value = _load(payload)
    states, views = value.get("states", {}), value.get("views", {})
    if not isinstance(states, dict) or not isinstance(views, dict):
        raise BadFile("states and views must be objects")
    good_states = {}
    for brief_id, state in states.items():
        if not is_valid_id(brief_id) or not isinstance(state, dict):
            raise BadFile(f"the state of {brief_id[:40]!r} is not a brief's state")
        flags = {f: state.get(f, False) for f in ("read", "starred")}
        if not all(isinstance(v, bool) for v in flags.values()):
            raise BadFile(f"the state of {brief_id} is not true or false")
        good_states[brief_id] = flags
    for name, query in views.items():
        if not isinstance(query, str) or len(name) > 200 or len(query) > 10_000:
            raise BadFile(f"the view {name[:40]!r} is not a saved query")
    return good_states, dict(views)


def parse_name(payload: bytes) -> str:
    try:
        name = _load(payload).get("reader")
    except BadFile:
        return "reader"
    return name[:MAX_NAME] if isinstance(name, str) and name else "reader"
