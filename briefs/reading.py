"""Turning untrusted JSON into validated briefs (and the reader data an export adds),
with every problem named.

A problem reads `field: reason` (e.g. `tariffs[2].status: 'maybe' is not one of …`);
file-level errors prefix the path, so the reader sees `x.json: tariffs[2].status: …`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from briefs.corrections import Corrections
from briefs.dates import DateError, parse_date
from briefs.ids import derive_id, is_valid_id
from briefs.model import (
    ACTOR_KINDS,
    MAX_CHARS,
    MAX_ITEMS,
    MAX_TEXT,
    MEASURES,
    STATUSES,
    Actor,
    Brief,
    Note,
    ReaderData,
    Tariff,
)
from briefs.plain import plain_brief, plain_record
from briefs.text import clean

MAX_FILE_BYTES = 64 * 1024 * 1024
_SHOWN = 40  # characters of a bad value quoted back in a message


class BriefError(ValueError):
    """One or more problems with brief data; `problems` holds `field: reason` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class BriefFileError(ValueError):
    """A brief file that cannot be read; str() is `path: reason`."""


def _quote(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _is_unicode(value: str) -> bool:
    """False for strings JSON escapes can make but no file can store ("\\ud800")."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Checker:
    """Collects problems while pulling typed fields out of one mapping."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, reason: str) -> None:
        self.problems.append(f"{where}: {reason}")

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool) -> str | None:
        value = data.get(key)
        # The common case in one test (a brief has ~60 such fields): plain ASCII text
        # within its limit, not blank when required. Anything else takes the checks below.
        if (
            type(value) is str
            and value.isascii()
            and len(value) <= MAX_CHARS.get(key, MAX_TEXT)
            and (not required or (value and not value.isspace()))
        ):
            return value
        if value is None:
            if required:
                self.fail(where + key, "is required")
            return None
        if not isinstance(value, str):
            self.fail(where + key, f"must be a string, not {type(value).__name__}")
            return None
        if len(value) > (limit := MAX_CHARS.get(key, MAX_TEXT)):  # before any parsing
            self.fail(where + key, f"{len(value):,} characters, over the limit of {limit:,}")
            return None
        if not _is_unicode(value):
            self.fail(where + key, "holds a lone surrogate (\\ud800–\\udfff), not text")
            return None
        if required and not value.strip():
            self.fail(where + key, "must not be empty")
            return None
        return value

    def texts(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(where + key, f"must be a list of strings, not {type(value).__name__}")
            return ()
        if not self.few(value, where + key, key):
            return ()
        if all(type(item) is str and item.isascii() and len(item) <= MAX_TEXT for item in value):
            return tuple(value)  # the common case in one pass; else each item is checked
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and len(item) > MAX_TEXT:
                self.fail(
                    f"{where}{key}[{i}]",
                    f"{len(item):,} characters, over the limit of {MAX_TEXT:,}",
                )
            elif isinstance(item, str) and _is_unicode(item):
                out.append(item)
            elif isinstance(item, str):
                self.fail(f"{where}{key}[{i}]", "holds a lone surrogate, not text")
            else:
                self.fail(f"{where}{key}[{i}]", f"must be a string, not {type(item).__name__}")
        return tuple(out)

    def few(self, items: list[Any], where: str, name: str) -> bool:
        """False (a problem noted) when a list holds more items than its field (`name`)
        allows."""
        limit = MAX_ITEMS.get(name, MAX_TEXT)
        if len(items) > limit:
            self.fail(where, f"{len(items):,} items, over the limit of {limit:,}")
            return False
        return True

    def choice(
        self, data: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str
    ) -> str:
        value = data.get(key)
        if value is None:
            return default
        if value not in allowed:
            self.fail(where + key, f"{_quote(value)} is not one of {', '.join(allowed)}")
            return default
        return value

    def records(self, data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, f"must be a list, not {type(value).__name__}")
            return []
        if not self.few(value, key, key):
            return []
        out = []
        for i, item in enumerate(value):
            where = f"{key}[{i}]"
            if type(item) is dict or isinstance(item, Mapping):
                out.append((where + ".", item))
            else:
                self.fail(where, f"must be an object, not {type(item).__name__}")
        return out


def _actor(check: _Checker, where: str, data: Mapping[str, Any]) -> Actor:
    return Actor(
        name=check.text(data, "name", where, required=True) or "",
        kind=check.choice(data, "kind", where, ACTOR_KINDS, "person"),
        role=check.text(data, "role", where, required=False),
        affiliation=check.text(data, "affiliation", where, required=False),
    )


def _tariff(check: _Checker, where: str, data: Mapping[str, Any]) -> Tariff:
    year = data.get("year")
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999
    ):
        check.fail(where + "year", f"{_quote(year)} is not a four-digit year")
        year = None
    return Tariff(
        imposed_by=check.text(data, "imposed_by", where, required=True) or "",
        imposed_on=check.text(data, "imposed_on", where, required=False),
        products=check.texts(data, "products", where),
        rate=check.text(data, "rate", where, required=False),
        measure=check.choice(data, "measure", where, MEASURES, "tariff"),
        status=check.choice(data, "status", where, STATUSES, "in force"),
        year=year,
        evidence=check.text(data, "evidence", where, required=False),
    )


def brief_from_dict(data: Any) -> Brief:
    """Validate one brief object; raise BriefError listing every problem found."""
    fast = plain_brief(data)  # the common case: every field passes at its first test
    if fast is not None:
        return fast
    if not isinstance(data, Mapping):
        raise BriefError([f"a brief must be a JSON object, not {type(data).__name__}"])
    check = _Checker()
    title = check.text(data, "title", "", required=True)
    summary = check.text(data, "summary", "", required=True)
    raw_date = check.text(data, "date", "", required=True)
    date = ""
    if raw_date:
        try:
            date = parse_date(raw_date)
        except DateError as exc:
            check.fail("date", str(exc))
    raw_id = check.text(data, "id", "", required=False)
    if raw_id is not None and not is_valid_id(raw_id):
        check.fail("id", f"{_quote(raw_id)} must match [a-z0-9][a-z0-9-]{{0,79}}")
    actors = tuple(_actor(check, w, d) for w, d in check.records(data, "actors"))
    tariffs = tuple(_tariff(check, w, d) for w, d in check.records(data, "tariffs"))
    brief = Brief(
        id=raw_id or (derive_id(date, title) if date and title else ""),
        title=title or "",
        date=date,
        summary=summary or "",
        source=check.text(data, "source", "", required=False),
        authors=check.texts(data, "authors", ""),
        dateline=check.text(data, "dateline", "", required=False),
        url=check.text(data, "url", "", required=False),
        actors=actors,
        tariffs=tariffs,
        tags=check.texts(data, "tags", ""),
        body=check.text(data, "body", "", required=False),
    )
    if check.problems:
        raise BriefError(check.problems)
    return brief


def _note(check: _Checker, where: str, data: Mapping[str, Any], brief_id: str) -> Note | None:
    before = len(check.problems)
    note_id = check.text(data, "id", where, required=True)
    if note_id is not None and not is_valid_id(note_id):
        # Ids end up as keys in reader.json and in messages: keep them plain.
        check.fail(where + "id", f"{_quote(note_id)} must match [a-z0-9][a-z0-9-]{{0,79}}")
    if data.get("text") is None:
        check.fail(where + "text", "is required")
    text = check.text(data, "text", where, required=False)
    created = _iso_time(check, data, "created", where, required=True)
    updated = _iso_time(check, data, "updated", where, required=False) or created
    author = data.get("author")  # a desk's reader: a plain name, as the store keeps it
    if author is not None and not (
        isinstance(author, str)
        and 0 < len(author) <= 80
        and clean(author, single_line=True) == author
    ):
        check.fail(where + "author", "is not a plain name of at most 80 characters")
    if len(check.problems) > before:
        return None
    return Note(
        id=note_id or "",
        brief_id=brief_id,
        text=text or "",
        created=created or "",
        updated=updated or "",
        author=author,
    )


def _iso_time(
    check: _Checker, data: Mapping[str, Any], key: str, where: str, *, required: bool
) -> str | None:
    value = check.text(data, key, where, required=required)
    if value is None:
        return None
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        check.fail(where + key, f"{_quote(value)} is not an ISO datetime")
        return None
    return value  # kept as written, so an export imported again compares equal


def _flag(check: _Checker, data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    check.fail(key, f"must be true or false, not {type(value).__name__}")
    return None


def _corrections(check: _Checker, data: Mapping[str, Any]) -> dict[str, Any] | None:
    """An export record's `corrections`: entries checked as the store reads them (see
    briefs/corrections.py) and the history as a list of objects."""
    value = data.get("corrections")
    if value is None:
        return None
    if not isinstance(value, Mapping):
        check.fail("corrections", f"must be an object, not {type(value).__name__}")
        return None
    entries, changes = value.get("entries", {}), value.get("changes", [])
    if not isinstance(entries, Mapping):
        check.fail("corrections.entries", "must be an object")
        return None
    if not isinstance(changes, list) or not all(isinstance(c, Mapping) for c in changes):
        check.fail("corrections.changes", "must be a list of objects")
        return None
    for problem in Corrections(entries).problems:
        check.fail("corrections.entries." + problem.split(": ", 1)[0], problem.split(": ", 1)[-1])
    return {"entries": dict(entries), "changes": list(changes)}


def source_of(data: Mapping[str, Any]) -> Any:
    """What an export record says its source brief was (its `corrections.source`, with the
    record's id and body), or the record itself when it carries no corrections."""
    carried = data.get("corrections")
    if not isinstance(carried, Mapping) or not isinstance(carried.get("source"), Mapping):
        return data
    source = dict(carried["source"])
    for key in ("id", "body"):
        if key in data and key not in source:
            source[key] = data[key]
    return source


def reader_data_from_dict(data: Any, brief_id: str) -> ReaderData:
    """The notes, read and starred of one export record (see design.md, the brief format);
    raise BriefError listing every problem found. A plain brief gives empty reader data."""
    if not isinstance(data, Mapping):
        raise BriefError([f"a brief must be a JSON object, not {type(data).__name__}"])
    check = _Checker()
    notes = [_note(check, w, d, brief_id) for w, d in check.records(data, "notes")]
    reader = ReaderData(
        brief_id=brief_id,
        notes=tuple(n for n in notes if n is not None),
        read=_flag(check, data, "read"),
        starred=_flag(check, data, "starred"),
        corrections=_corrections(check, data),
    )
    if check.problems:
        raise BriefError(check.problems)
    return reader


@dataclass(slots=True)
class BriefRecords:
    """What brief data holds: its briefs, and the reader data of those that carry any."""

    briefs: list[Brief] = field(default_factory=list)
    reader: list[ReaderData] = field(default_factory=list)


def _record(data: Any) -> tuple[Brief | None, ReaderData | None, list[str]]:
    """One record's brief and reader data, or the problems of both."""
    if (fast := plain_record(data)) is not None:  # a plain brief: no reader data
        return fast, None, []
    brief, reader, problems = None, None, []
    try:
        brief = brief_from_dict(data)  # the record as shown must be a brief too
        # A corrected record: the content to store is the source it was corrected from.
        source = source_of(data)
        if source is not data:
            brief = brief_from_dict(source)
    except BriefError as exc:
        problems.extend(exc.problems)
    if isinstance(data, Mapping):
        try:
            reader = reader_data_from_dict(data, brief.id if brief else "")
        except BriefError as exc:
            problems.extend(exc.problems)
    return brief, reader, problems


def record_of(item: Any, index: int | None = None) -> tuple[Brief, ReaderData | None]:
    """One record's brief and reader data (None when it carries none); raise BriefError
    with every problem, each naming the item (`[index].field: reason`) when `index` is
    given, as for an item of an array."""
    brief, reader, found = _record(item)
    if index is not None:
        found = [
            f"[{index}].{p}" if not p.startswith("a brief") else f"[{index}]: {p}" for p in found
        ]
    if found or brief is None:
        raise BriefError(found)
    return brief, None if reader is None or reader.empty else reader


def record_pairs(data: Any) -> list[tuple[Brief, ReaderData | None]]:
    """(brief, reader data or None) of one record or an array of them; problems in an
    array name the item. Any problem fails the whole: a file is taken whole or not at
    all."""
    items = data if isinstance(data, list) else [data]
    if not items:
        raise BriefError(["the array holds no briefs"])
    out, problems = [], []
    for i, item in enumerate(items):
        try:
            out.append(record_of(item, i if isinstance(data, list) else None))
        except BriefError as exc:
            problems.extend(exc.problems)
    if problems:
        raise BriefError(problems)
    return out


def _split(pairs: list[tuple[Brief, ReaderData | None]]) -> BriefRecords:
    out = BriefRecords()
    for brief, reader in pairs:
        out.briefs.append(brief)
        if reader is not None:
            out.reader.append(reader)
    return out


def records_from_json(data: Any) -> BriefRecords:
    """One record or an array of them, as `record_pairs` reads them."""
    return _split(record_pairs(data))


def briefs_from_json(data: Any) -> list[Brief]:
    """One brief object or an array of them; problems in an array name the item."""
    return records_from_json(data).briefs


def _check_text(raw: bytes) -> None:
    if not raw.strip():
        raise ValueError("the file is empty")
    if b"\x00" in raw[:8192]:
        raise ValueError("the file is binary, not text")


def decode_text(raw: bytes) -> str:
    """UTF-8 (a BOM allowed); raise ValueError with a plain reason otherwise."""
    _check_text(raw)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (bad byte at offset {exc.start})") from exc


def parse_json(raw: bytes) -> Any:
    """A file's bytes parsed as JSON text. orjson first, on the bytes themselves, as it is
    fast; where it refuses (not UTF-8, NaN, a lone surrogate's escape, nesting past its
    limit, any error) the text is decoded and the standard parser decides, so what is
    accepted and every message stay as they were. (An integer past 64 bits comes back a
    float from orjson: no field takes either.)"""
    _check_text(raw)
    try:
        return orjson.loads(raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw)
    except orjson.JSONDecodeError:
        return json.loads(decode_text(raw))


def read_record_pairs(path: Path, size: int | None = None) -> list[tuple[Brief, ReaderData | None]]:
    """Read a `.json` brief file or export, reader data included, as `record_pairs`
    gives it; raise BriefFileError(`path: reason`, one line per problem) on any problem.
    Refused over MAX_FILE_BYTES (briefs/stream.py reads a larger export). `size`: what
    the caller's stat of the file found, so it is not asked again (the read is capped
    whatever it says)."""
    try:
        known = path.stat().st_size if size is None else size
        if known > MAX_FILE_BYTES:
            raise BriefFileError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MiB")
        # The size found, and a byte more, first: a read of the cap made a 64 MiB buffer
        # for every file (20 µs each). A pipe (no size) or a file grown since reads on.
        with path.open("rb") as handle:
            raw = handle.read(known + 1)
            if len(raw) > known:
                raw += handle.read(MAX_FILE_BYTES - known)
        if len(raw) > MAX_FILE_BYTES:
            raise BriefFileError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MiB")
        data = parse_json(raw)
    except BriefFileError:
        raise
    except OSError as exc:
        raise BriefFileError(f"{path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise BriefFileError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from exc
    except (ValueError, RecursionError) as exc:
        raise BriefFileError(f"{path}: {exc}") from exc
    try:
        return record_pairs(data)
    except BriefError as exc:
        raise BriefFileError("\n".join(f"{path}: {p}" for p in exc.problems)) from exc


def read_records_file(path: Path) -> BriefRecords:
    """The briefs and reader data of a `.json` brief file (see `read_record_pairs`)."""
    return _split(read_record_pairs(path))


def read_brief_file(path: Path) -> list[Brief]:
    """The briefs of a `.json` brief file; raise BriefFileError(`path: reason`)."""
    return read_records_file(path).briefs
