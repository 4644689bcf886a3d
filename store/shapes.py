"""What each store file may hold: types and values checked on every read.

A store folder can come from anywhere (a desk, a sync tool, an editor), so valid JSON is
not enough: ids must be ids, times ISO times, offsets numbers a log can hold. A file that
fails is damaged — `briefing check` names it, `--repair` restores it — rather than a
crash later in whatever reads the bad value. The checks are those imported briefs get
where they apply (briefs.ids, briefs.dates, briefs.corrections).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefs.corrections import Corrections
from briefs.dates import day_of
from briefs.ids import ID_PATTERN, is_valid_id
from briefs.model import MAX_CHARS, MAX_TEXT
from briefs.reading import MAX_FILE_BYTES
from briefs.text import clean
from store.errors import DamagedFileError
from store.folder import LOG_NAME, READER_BUCKETS, reader_bucket

Tree = Mapping[str, Mapping[str, Mapping[str, Any]]]
MAX_OFFSET = 2**40  # a content log of a terabyte is already far past any real one
# One brief's content: never more than the largest brief file import reads (twice that,
# for JSON's escapes), so no index can make one read ask for gigabytes.
MAX_LENGTH = 2 * MAX_FILE_BYTES
_TITLE, _URL, _NOTE = MAX_CHARS["title"], MAX_CHARS["url"], MAX_CHARS["text"]
_SHA = re.compile(r"[0-9a-f]{20}")
_SHOWN = 40
MAX_AUTHOR = 80  # a reader's name, as the desk's note files allow it (store/sync/layout.py)


def _quote(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[str] = []

    def add(self, where: str, reason: str) -> None:
        self.found.append(f"{where}: {reason}")

    def raise_any(self) -> None:
        if self.found:
            shown = "; ".join(self.found[:3])
            more = f"; … {len(self.found) - 3} more" if len(self.found) > 3 else ""
            raise DamagedFileError(self.path, f"{len(self.found)} bad value(s): {shown}{more}")


def _id_key(problems: _Problems, table: str, key: str) -> bool:
    if is_valid_id(key):
        return True
    problems.add(f"{table} {_quote(key)}", "is not a brief or note id")
    return False


def is_iso_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_author_name(value: Any) -> bool:
    """A note's author as the store keeps it: a plain name of one line, at most
    MAX_AUTHOR characters, with nothing that could act on a terminal or hide text
    (briefs.text.clean leaves it as it is) and no white space at its ends or doubled."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_AUTHOR
        and clean(value, single_line=True) == value
    )


def plain_author(value: Any) -> str | None:
    """The closest plain name to `value` (a name from a desk's file, from a config), or
    None when nothing of a name is left."""
    if not isinstance(value, str):
        return None
    name = clean(value, single_line=True)[:MAX_AUTHOR].rstrip()
    return name or None


def is_stored_date(value: Any) -> bool:
    """An ISO date or datetime as a brief stores it (what the list and the reader parse)."""
    if not isinstance(value, str) or len(value) < 10:
        return False
    try:
        day_of(value)
        if len(value) > 10:
            dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _count(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def check_index(path: Path, data: Tree) -> None:
    """briefs.json: per brief id the list's fields and where its content lies. The loop
    is plain on purpose: at 50,000 briefs it runs at every re-read of the index."""
    problems = _Problems(path)
    content = data.get("_meta", {}).get("content")
    if content is not None:
        log = content.get("log") if isinstance(content, Mapping) else None
        if not isinstance(log, str) or not LOG_NAME.fullmatch(log):
            problems.add("the content log", f"{_quote(log)} is not a content log's name")
    good_dates: set[str] = set()  # briefs share days: each is parsed once
    for key, doc in data.get("briefs", {}).items():
        if ID_PATTERN.fullmatch(key) is None:
            problems.add(f"brief {_quote(key)}", "is not a brief id")
            continue
        title, date, source, url = (
            doc.get("title"),
            doc.get("date"),
            doc.get("source"),
            doc.get("url"),
        )
        at, length, sha = doc.get("at"), doc.get("len"), doc.get("sha")
        if type(title) is not str or not title or len(title) > _TITLE:
            problems.add(key, "the title is not a string of a title's length")
        if type(date) is not str or date not in good_dates:
            if is_stored_date(date):
                good_dates.add(date)
            else:
                problems.add(key, f"the date {_quote(date)} is not an ISO date")
        if (source is not None and (type(source) is not str or len(source) > MAX_TEXT)) or (
            url is not None and (type(url) is not str or len(url) > _URL)
        ):
            problems.add(key, "the source or url is not a string of its length")
        if (
            type(at) is not int
            or type(length) is not int
            or not 0 <= at <= MAX_OFFSET
            or not 0 < length <= MAX_LENGTH
        ):
            problems.add(key, "its place in the content log is not a plausible offset")
        if type(sha) is not str or _SHA.fullmatch(sha) is None:
            problems.add(key, "its digest is not a digest")
    problems.raise_any()


def _check_notes(problems: _Problems, notes: Mapping[str, Mapping[str, Any]]) -> None:
    for key, doc in notes.items():
        if not _id_key(problems, "note", key):
            continue
        if doc.get("id") != key:
            problems.add(f"note {key}", "its id differs from its key")
        brief_id = doc.get("brief_id")
        if not isinstance(brief_id, str) or not is_valid_id(brief_id):
            problems.add(f"note {key}", f"brief_id {_quote(brief_id)} is not a brief id")
        text = doc.get("text")
        if not isinstance(text, str) or len(text) > _NOTE:
            problems.add(f"note {key}", "the text is not a string of a note's length")
        for name in ("created", "updated"):
            if (name == "created" or name in doc) and not is_iso_time(doc.get(name)):
                problems.add(f"note {key}", f"{name} {_quote(doc.get(name))} is not an ISO time")
        author = doc.get("author")
        if author is not None and not is_author_name(author):
            problems.add(f"note {key}", f"the author {_quote(author)} is not a plain name")


def _check_states(problems: _Problems, states: Mapping[str, Mapping[str, Any]]) -> None:
    for key, doc in states.items():
        if _id_key(problems, "state of", key) and any(
            not isinstance(doc.get(flag, False), bool) for flag in ("read", "starred")
        ):
            problems.add(f"state of {key}", "read and starred must be true or false")


def check_reader(path: Path, data: Tree) -> None:
    """reader.json: saved views, drafts of older stores, the layout of reader/ (how many
    buckets); and, in a store not yet migrated to reader/, its notes and states."""
    problems = _Problems(path)
    _check_notes(problems, data.get("notes", {}))
    _check_states(problems, data.get("states", {}))
    for key, doc in data.get("views", {}).items():
        if not isinstance(doc.get("query"), str):
            problems.add(f"view {_quote(key)}", "the query is not a string")
    for key, doc in data.get("drafts", {}).items():
        if not all(isinstance(doc.get(name, ""), str) for name in ("brief_id", "text")):
            problems.add(f"draft {_quote(key)}", "the brief id or text is not a string")
    layout = data.get("_meta", {}).get("reader")
    if layout is not None and (
        not isinstance(layout, Mapping) or layout.get("buckets") != READER_BUCKETS
    ):
        problems.add("the layout of reader/", f"{_quote(layout)} is not {READER_BUCKETS} buckets")
    problems.raise_any()


def check_reader_bucket(path: Path, data: Tree) -> None:
    """reader/NN.json: the notes and read/starred states of the briefs of one bucket;
    each in the file its brief id names, where the store looks for it."""
    problems = _Problems(path)
    own = path.name.removesuffix(".bak")
    notes, states = data.get("notes", {}), data.get("states", {})
    _check_notes(problems, notes)
    _check_states(problems, states)
    # Briefs with several notes are placed once; the set makes it one pass at any size.
    placed = {b for doc in notes.values() if isinstance(b := doc.get("brief_id"), str)}
    placed.update(states)
    wrong = {b for b in placed if reader_bucket(b) != own}
    if wrong:
        for key, doc in notes.items():
            if doc.get("brief_id") in wrong:
                where = reader_bucket(doc["brief_id"])
                problems.add(f"note {_quote(key)}", f"its brief belongs in {where}")
        for key in wrong.intersection(states):
            problems.add(f"state of {_quote(key)}", f"it belongs in {reader_bucket(key)}")
    problems.raise_any()


def check_trash(path: Path, data: Tree) -> None:
    """trash.json: per deleted brief id its title, date and when it was deleted."""
    problems = _Problems(path)
    for key, doc in data.get("trash", {}).items():
        if not _id_key(problems, "deleted brief", key):
            continue
        if not all(
            isinstance(value := doc.get(name, ""), str) and len(value) <= _TITLE
            for name in ("title", "date")
        ):
            problems.add(key, "the title or date is not a string of its length")
        if not is_iso_time(doc.get("deleted_at")):
            problems.add(key, f"deleted_at {_quote(doc.get('deleted_at'))} is not an ISO time")
    problems.raise_any()


def bucket_problems(brief_id: str, doc: Any, *, values: bool = True) -> list[str]:
    """What is wrong with one brief's stored corrections. A bad value in one entry is
    left out when reading (`values=False`): applying corrections skips such an entry, so
    the brief still shows; `briefing check` names it."""
    if not is_valid_id(brief_id):
        return [f"{_quote(brief_id)}: is not a brief id"]
    if not isinstance(doc, Mapping):
        return [f"{brief_id}: not an object"]
    if not isinstance(doc.get("entries", {}), Mapping):
        return [f"{brief_id}: entries are not an object"]
    changes = doc.get("changes", [])
    if not isinstance(changes, list) or not all(isinstance(c, Mapping) for c in changes):
        return [f"{brief_id}: the history is not a list of changes"]
    if not _count(doc.get("gen", 0), 0, 2**53):
        return [f"{brief_id}: the generation is not a count"]
    if not values:
        return []
    return [f"{brief_id}: {p}" for p in Corrections(doc.get("entries")).problems]


def _bucket(path: Path, data: Tree, *, values: bool) -> None:
    found = data.get("corrections", {}).items()
    bad = [p for key, doc in found for p in bucket_problems(key, doc, values=values)]
    if bad:
        shown = "; ".join(bad[:3]) + (f"; … {len(bad) - 3} more" if len(bad) > 3 else "")
        raise DamagedFileError(path, f"{len(bad)} damaged correction(s): {shown}")


def check_bucket(path: Path, data: Tree) -> None:
    """corrections/NN.json as read: per brief id its corrections and their history."""
    _bucket(path, data, values=False)


def check_bucket_values(path: Path, data: Tree) -> None:
    """corrections/NN.json as `briefing check` sees it: every entry's value too."""
    _bucket(path, data, values=True)
