"""The brief index in a compact, presorted form: what the list and the content reads need.

At 100,000 briefs the reader's start spent about a second on `briefs.json` before its
first paint: parsing 27 MiB into a dict per brief (about 1 KB each, held for good) and
sorting them newest first. A `CompactIndex` holds the same records in columns — one
block of bytes per field, with the end offsets of each value — in the list's order
(briefs.order.newest_first of the index's own titles and dates), so a row is made from
a few slices when it is drawn, and the order is known without a sort.

`cache/index.bin` keeps it between runs, under the digests of the index files it was
made from (`briefs.json` and `briefs-recent.json`, as laid over it: store/index.py), the
folder it was written in and the code that makes it. A cache of other files, another
folder or other code, or one that is torn or damaged, is not used: it is made again from
the parsed index. Deleting `cache/` is always safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import sys
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from store.checked import FOLDER, fingerprint, read_cache, seal, write_cache

NAME = "index.bin"
FORMAT = 2
_HEADER = b"briefing compact index"
_DERIVING = ("store/compact.py", "briefs/order.py")  # the code that decides the order
_FEW = 64  # lookups by id answered by a search of the id bytes before a dict is built
Record = dict[str, Any]
Buffer = bytes | memoryview


@functools.cache
def _code() -> str:
    top = Path(__file__).resolve().parent.parent
    h = hashlib.sha1(fingerprint().encode(), usedforsecurity=False)
    for name in _DERIVING:
        with contextlib.suppress(OSError):
            h.update((top / name).read_bytes())
    return f"{h.hexdigest()}:{sys.byteorder}"


def _ends(values: list[bytes]) -> tuple[bytes, array[int]]:
    ends, at = array("Q"), 0
    for value in values:
        at += len(value)
        ends.append(at)
    return b"".join(values), ends


def _order(records: Mapping[str, Record]) -> list[str]:
    """The ids newest first, as briefs.order.newest_first orders rows of these records:
    by title A–Z (case ignored) then id, then (stably) by date, latest first."""
    ids = sorted(records, key=lambda i: (str(records[i].get("title", "")).casefold(), i))
    ids.sort(key=lambda i: str(records[i].get("date", "")), reverse=True)
    return ids


class CompactIndex:
    """Index records by position in newest-first order (and by id), made when asked.

    `of` names the index files it was made from; `log`, `version`, `live` are what the
    store asks of them besides the records (the content log, the format of briefs.json,
    the total length of the content the records point at)."""

    def __init__(self, of: str, meta: Mapping[str, Any], parts: Mapping[str, Buffer]) -> None:
        self.of = of
        self.log: str | None = meta.get("log")
        self.version: int = meta.get("version", 1)
        self.live: int = meta.get("live", 0)
        self.count: int = meta["count"]
        self._ids_blob = bytes(parts["ids"])  # b"\nid\nid\n…\n"
        self._id_ends = _array("Q", parts["id_ends"])  # where each id's b"\n" is
        self._titles, self._dates = parts["titles"], parts["dates"]
        self._title_ends = _array("Q", parts["title_ends"])
        self._date_ends = _array("Q", parts["date_ends"])
        self._shas = parts["shas"]  # fixed width
        self._sha_width: int = meta["sha_width"]
        self._sources: list[str | None] = [None, *orjson.loads(parts["sources"])]
        self._source_of = _array("L", parts["source_of"])
        self._at, self._len = _array("Q", parts["at"]), _array("Q", parts["len"])
        sizes = (len(self._id_ends), len(self._title_ends), len(self._date_ends))
        sizes += (len(self._source_of),)
        if set(sizes) != {self.count} or len(self._at) != self.count != len(self._len):
            raise ValueError("columns of different lengths")
        if len(self._shas) != self.count * self._sha_width:
            raise ValueError("digests of the wrong length")
        if self.count and (
            self._id_ends[-1] != len(self._ids_blob) - 1
            or self._title_ends[-1] != len(self._titles)
            or self._date_ends[-1] != len(self._dates)
        ):
            raise ValueError("columns of the wrong lengths")
        self._ids: list[str] | None = None
        self._where: dict[str, int] | None = None
        self._asked = 0  # lookups by id so far

    # -- making one ------------------------------------------------------------------

    @classmethod
    def of_records(
        cls, of: str, records: Mapping[str, Record], log: str | None, version: int
    ) -> CompactIndex:
        """The compact form of checked index records (id → record)."""
        ids = _order(records)
        got = [records[i] for i in ids]
        titles, title_ends = _ends([str(r.get("title", "")).encode() for r in got])
        dates, date_ends = _ends([str(r.get("date", "")).encode() for r in got])
        shas = [str(r.get("sha", "")) for r in got]
        width = max(map(len, shas), default=0)
        sources: dict[str, int] = {}
        source_of = array("L")
        for r in got:
            source = r.get("source")
            if source is None:
                source_of.append(0)
            else:
                source_of.append(sources.setdefault(str(source), len(sources) + 1))
        at, length = array("Q"), array("Q")
        for r in got:
            at.append(int(r.get("at", 0)))
            length.append(int(r.get("len", 0)))
        id_ends, end = array("Q"), 0
        for i in ids:
            end += len(i) + 1  # ids are ASCII (the index's check): one byte a character
            id_ends.append(end)
        parts = {
            "ids": ("\n" + "".join(f"{i}\n" for i in ids)).encode(),
            "id_ends": id_ends.tobytes(),
            "titles": titles,
            "title_ends": title_ends.tobytes(),
            "dates": dates,
            "date_ends": date_ends.tobytes(),
            "shas": "".join(s.ljust(width) for s in shas).encode(),
            "sources": orjson.dumps(list(sources)),
            "source_of": source_of.tobytes(),
            "at": at.tobytes(),
            "len": length.tobytes(),
        }
        meta = {
            "log": log,
            "version": version,
            "live": sum(length),
            "count": len(ids),
            "sha_width": width,
        }
        made = cls(of, meta, parts)
        made._ids = ids
        return made

    # -- by position -----------------------------------------------------------------

    def __len__(self) -> int:
        return self.count

    def ids(self) -> list[str]:
        """Every id, newest first (one list, made once)."""
        if self._ids is None:
            self._ids = self._ids_blob[1:-1].decode().split("\n") if self.count else []
        return self._ids

    def id_at(self, k: int) -> str:
        if self._ids is not None:
            return self._ids[k]
        ends = self._id_ends
        return self._ids_blob[(ends[k - 1] if k else 0) + 1 : ends[k]].decode()

    def title_at(self, k: int) -> str:
        return _cut(self._titles, self._title_ends, k)

    def date_at(self, k: int) -> str:
        return _cut(self._dates, self._date_ends, k)

    def source_at(self, k: int) -> str | None:
        # Checked here, not for all at load (a pass over 100,000 numbers at every start).
        i = self._source_of[k]
        return self._sources[i] if i < len(self._sources) else None

    def sha_at(self, k: int) -> str:
        w = self._sha_width
        return str(self._shas[k * w : (k + 1) * w], "ascii").rstrip()

    def shas(self) -> list[str]:
        """Every record's digest, in the order (what tells a changed brief)."""
        w, blob = self._sha_width, bytes(self._shas)
        return [blob[at : at + w].decode().rstrip() for at in range(0, len(blob), w)] if w else []

    def span_at(self, k: int) -> tuple[int, int]:
        return self._at[k], self._len[k]

    def record_at(self, k: int) -> Record:
        """The index record at `k`, as briefs.json holds it (without the url)."""
        at, length = self.span_at(k)
        return {
            "title": self.title_at(k),
            "date": self.date_at(k),
            "source": self.source_at(k),
            "at": at,
            "len": length,
            "sha": self.sha_at(k),
        }

    # -- by id -----------------------------------------------------------------------

    def position(self, brief_id: str) -> int | None:
        """Where `brief_id` is in the order; None when it is not in the index. The first
        few are found in the id bytes; after that a dict answers (an import, the scan)."""
        if self._where is None and self._asked < _FEW:
            self._asked += 1
            if "\n" in brief_id or not brief_id:
                return None
            at = self._ids_blob.find(b"\n" + brief_id.encode("utf-8", "replace") + b"\n")
            # The b"\n" before the id ends the id before it: the ids ending up to there.
            return None if at < 0 else bisect_right(self._id_ends, at)
        if self._where is None:
            self._where = {i: k for k, i in enumerate(self.ids())}
        return self._where.get(brief_id)

    def __contains__(self, brief_id: object) -> bool:
        return isinstance(brief_id, str) and self.position(brief_id) is not None

    def record(self, brief_id: str) -> Record | None:
        k = self.position(brief_id)
        return None if k is None else self.record_at(k)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids())

    # -- the cache file --------------------------------------------------------------

    def to_bytes(self, seal: str) -> bytes:
        parts = {
            "ids": self._ids_blob,
            "id_ends": self._id_ends.tobytes(),
            "titles": self._titles,
            "title_ends": self._title_ends.tobytes(),
            "dates": self._dates,
            "date_ends": self._date_ends.tobytes(),
            "shas": self._shas,
            "sources": orjson.dumps(self._sources[1:]),
            "source_of": self._source_of.tobytes(),
            "at": self._at.tobytes(),
            "len": self._len.tobytes(),
        }
        body = b"".join(parts.values())
        head = {
            "format": FORMAT,
            "seal": seal,
            "of": self.of,
            "log": self.log,
            "version": self.version,
            "live": self.live,
            "count": self.count,
            "sha_width": self._sha_width,
            "parts": [[name, len(part)] for name, part in parts.items()],
        }
        head["crc"] = _crc(head, body)
        return _HEADER + b" " + orjson.dumps(head) + b"\n" + body


def _crc(head: Mapping[str, Any], body: Buffer) -> int:
    """A checksum of the header (but its own field) and the columns: a torn or damaged
    file is made again rather than read."""
    named = orjson.dumps({k: v for k, v in head.items() if k != "crc"})
    return zlib.crc32(body, zlib.crc32(named))


def _array(kind: str, raw: Buffer) -> memoryview:
    """The numbers of a column, read in place from the bytes (no copy)."""
    return memoryview(raw).cast(kind)


def _cut(blob: Buffer, ends: memoryview, k: int) -> str:
    return str(blob[ends[k - 1] if k else 0 : ends[k]], "utf-8")


def seal_of(root: Path) -> str:
    """What a cache file is valid for: this folder (as store/checked.py seals its list)
    and this code."""
    folder = seal(root)
    return f"{folder}:{_code()}" if folder else ""


def load(root: Path, of: str) -> CompactIndex | None:
    """The cached compact index of the index files `of` names; None when there is none
    of those files, or it is torn, damaged or of another folder or code."""
    raw = read_cache(root / FOLDER / NAME, 1 << 31)
    if not raw or not raw.startswith(_HEADER + b" "):
        return None
    # The columns are views of the bytes read, not copies (17 MB at 100,000 briefs).
    end = raw.find(b"\n")
    head_line, sep, body = raw[:end], end >= 0, memoryview(raw)[end + 1 :]
    try:
        head = orjson.loads(head_line[len(_HEADER) + 1 :])
        sealed = seal_of(root)
        if (
            not sep
            or not isinstance(head, dict)
            or head.get("format") != FORMAT
            or not sealed
            or head.get("seal") != sealed
            or head.get("of") != of
            or _crc(head, body) != head.get("crc")
        ):
            return None
        parts, at = {}, 0
        for name, size in head["parts"]:
            parts[name] = body[at : at + size]
            at += size
        if at != len(body):
            return None
        return CompactIndex(of, head, parts)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None


def save(root: Path, index: CompactIndex) -> None:
    """Keep `index` in cache/index.bin (quietly not, where the store cannot be written)."""
    sealed = seal_of(root)
    if sealed:
        write_cache(root / FOLDER / NAME, index.to_bytes(sealed))
