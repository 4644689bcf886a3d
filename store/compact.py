"""The brief index in a compact, presorted form: what the list and the content reads need.

At 100,000 briefs the reader's start spent about a second on `briefs.json` before its
first paint: parsing 27 MiB into a dict per brief (about 1 KB each, held for good) and
sorting them newest first. A `CompactIndex` holds the same records in columns — one
block of bytes per field, with the end offsets of each value — in the list's order
(briefs.order.newest_first of the index's own titles and dates), so a row is made from
a few slices when it is drawn, and the order is known without a sort. Once every title is
wanted as a string (the catalog's docs, which hold them: `titles`), `settle` keeps the
titles and dates as lists of strings and the numbers narrow, and lets the block read from
the cache go.

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
import os
import sys
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from store.checked import FOLDER, fingerprint, read_cache, seal, write_cache

NAME = "index.bin"
FORMAT = 2
_HEADER = b"briefing compact index"
_DERIVING = ("store/compact.py", "briefs/order.py")  # the code that decides the order
_FEW = 64  # lookups by id answered by a search of the id bytes before a dict is built
_PIECE = 4096  # values of a column made strings at a time
_CAP = 1 << 31  # the largest cache file read
Record = dict[str, Any]
Buffer = bytes | memoryview
Numbers = memoryview | array  # a column of numbers


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


class _Columns:
    """The columns of one index, replaced whole (`CompactIndex.settle`), never changed: a
    thread that took them reads them all consistently while another settles them."""

    __slots__ = (
        "at", "date_ends", "date_names", "date_of", "dates", "id_ends", "ids", "ids_from",
        "ids_to", "len", "shas", "source_of", "title_ends", "title_list", "titles",
    )  # fmt: skip

    def __init__(self, parts: Mapping[str, Buffer], ids_in: tuple[bytes, int] | None) -> None:
        # The ids are searched (bytes.find) where they lie, in the block read from the
        # cache file, rather than copied out of it (2.8 MB at 100,000 briefs).
        size = len(parts["ids"])
        self.ids, self.ids_from = ids_in or (bytes(parts["ids"]), 0)
        self.ids_to = self.ids_from + size
        # Numbers: views of the file's 8-byte columns, or narrower arrays once settled.
        self.id_ends: Numbers = _array("Q", parts["id_ends"])  # where each id's b"\n" is
        self.titles: Buffer | None = parts["titles"]
        self.title_ends: memoryview | None = _array("Q", parts["title_ends"])
        self.title_list: list[str] | None = None
        self.dates: Buffer | None = parts["dates"]
        self.date_ends: memoryview | None = _array("Q", parts["date_ends"])
        # Settled: each date's place in `date_names`, the distinct dates (a few thousand).
        self.date_of: array[int] | None = None
        self.date_names: list[str] = []
        self.shas = parts["shas"]  # fixed width
        self.source_of: Numbers = _array("L", parts["source_of"])
        self.at: Numbers = _array("Q", parts["at"])
        self.len: Numbers = _array("Q", parts["len"])


class CompactIndex:
    """Index records by position in newest-first order (and by id), made when asked.

    `of` names the index files it was made from; `log`, `version`, `live` are what the
    store asks of them besides the records (the content log, the format of briefs.json,
    the total length of the content the records point at)."""

    def __init__(
        self,
        of: str,
        meta: Mapping[str, Any],
        parts: Mapping[str, Buffer],
        *,
        ids_in: tuple[bytes, int] | None = None,
    ) -> None:
        """`parts`: each column's bytes (views of the block read, or bytes); `ids_in`: the
        block the ids' view lies in, and where in it."""
        self.of = of
        self.log: str | None = meta.get("log")
        self.version: int = meta.get("version", 1)
        self.live: int = meta.get("live", 0)
        self.count: int = meta["count"]
        self._sha_width: int = meta["sha_width"]
        self._sources: list[str | None] = [None, *orjson.loads(parts["sources"])]
        c = self._c = _Columns(parts, ids_in)
        assert c.title_ends is not None and c.date_ends is not None and c.titles is not None
        sizes = (len(c.id_ends), len(c.title_ends), len(c.date_ends), len(c.source_of))
        if set(sizes) != {self.count} or len(c.at) != self.count != len(c.len):
            raise ValueError("columns of different lengths")
        if len(c.shas) != self.count * self._sha_width:
            raise ValueError("digests of the wrong length")
        if self.count and (
            c.id_ends[-1] != c.ids_to - c.ids_from - 1
            or c.title_ends[-1] != len(c.titles)
            or c.date_ends[-1] != len(c.dates or b"")
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
            c = self._c
            blob = c.ids[c.ids_from + 1 : c.ids_to - 1]
            self._ids = blob.decode().split("\n") if self.count else []
        return self._ids

    def titles(self) -> list[str]:
        """Every title, newest first (one list, made once): the catalog's docs hold these
        very strings, and `settle` lets the bytes they were made from go."""
        c = self._c
        if c.title_list is not None:
            return c.title_list
        assert c.titles is not None and c.title_ends is not None
        made = _texts(c.titles, c.title_ends)
        if self._c is c:  # else settled meanwhile, with a list of its own
            c.title_list = made
        return self._c.title_list or made

    def id_at(self, k: int) -> str:
        if self._ids is not None:
            return self._ids[k]
        c = self._c
        ends = c.id_ends
        return c.ids[c.ids_from + (ends[k - 1] if k else 0) + 1 : c.ids_from + ends[k]].decode()

    def title_at(self, k: int) -> str:
        c = self._c
        if c.title_list is not None:
            return c.title_list[k]
        return _cut(c.titles, c.title_ends, k)  # type: ignore[arg-type]

    def date_at(self, k: int) -> str:
        c = self._c
        if c.date_of is not None:
            return c.date_names[c.date_of[k]]
        return _cut(c.dates, c.date_ends, k)  # type: ignore[arg-type]

    def source_at(self, k: int) -> str | None:
        # Checked here, not for all at load (a pass over 100,000 numbers at every start).
        i = self._c.source_of[k]
        return self._sources[i] if i < len(self._sources) else None

    def sha_at(self, k: int) -> str:
        w = self._sha_width
        return str(self._c.shas[k * w : (k + 1) * w], "ascii").rstrip()

    def shas(self) -> list[str]:
        """Every record's digest, in the order (what tells a changed brief)."""
        w, blob = self._sha_width, bytes(self._c.shas)
        return [blob[at : at + w].decode().rstrip() for at in range(0, len(blob), w)] if w else []

    def span_at(self, k: int) -> tuple[int, int]:
        c = self._c
        return c.at[k], c.len[k]

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

    # -- held lightly ----------------------------------------------------------------

    @property
    def settled(self) -> bool:
        return self._c.titles is None

    def settle(self) -> None:
        """Let the block read from the cache file go (18 MB at 100,000 briefs) once the
        titles are held as strings (`titles`, which the catalog's docs share): the columns
        still needed are copied out of it, the dates kept as one list of shared strings.
        Safe while another thread reads: the columns are replaced whole."""
        c = self._c
        if c.titles is None:
            return
        titles, dates = self.titles(), self._dates()
        new = _Columns.__new__(_Columns)
        new.ids, new.ids_from, new.ids_to = c.ids[c.ids_from : c.ids_to], 0, c.ids_to - c.ids_from
        # Numbers in the narrowest type that holds them (half, or a quarter, of the 8
        # bytes each the file gives them: 2 MB at 100,000 briefs).
        new.id_ends = _narrow(c.id_ends)
        new.titles = new.title_ends = new.dates = new.date_ends = None
        new.title_list = titles
        places: dict[str, int] = {}
        new.date_of = _narrow([places.setdefault(d, len(places)) for d in dates])
        new.date_names = list(places)
        new.shas = bytes(c.shas)
        new.source_of = _narrow(c.source_of)
        new.at, new.len = _array("Q", bytes(c.at)), _narrow(c.len)
        self._c = new

    def _dates(self) -> list[str]:
        c = self._c
        if c.date_of is not None:
            return [c.date_names[k] for k in c.date_of]
        assert c.dates is not None and c.date_ends is not None
        return [sys.intern(d) for d in _texts(c.dates, c.date_ends)]  # a few thousand days

    # -- by id -----------------------------------------------------------------------

    def position(self, brief_id: str) -> int | None:
        """Where `brief_id` is in the order; None when it is not in the index. The first
        few are found in the id bytes; after that a dict answers (an import, the scan)."""
        if self._where is None and self._asked < _FEW:
            self._asked += 1
            if "\n" in brief_id or not brief_id:
                return None
            c = self._c
            needle = b"\n" + brief_id.encode("utf-8", "replace") + b"\n"
            at = c.ids.find(needle, c.ids_from, c.ids_to)
            # The b"\n" before the id ends the id before it: the ids ending up to there.
            return None if at < 0 else bisect_right(c.id_ends, at - c.ids_from)
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
        c = self._c
        titles, title_ends = (
            (c.titles, c.title_ends.tobytes())
            if c.titles is not None and c.title_ends is not None
            else _joined(self.titles())
        )
        dates, date_ends = (
            (c.dates, c.date_ends.tobytes())
            if c.dates is not None and c.date_ends is not None
            else _joined(self._dates())
        )
        parts = {
            "ids": c.ids[c.ids_from : c.ids_to],
            "id_ends": _wide(c.id_ends),
            "titles": titles,
            "title_ends": title_ends,
            "dates": dates,
            "date_ends": date_ends,
            "shas": c.shas,
            "sources": orjson.dumps(self._sources[1:]),
            "source_of": array("L", c.source_of).tobytes(),
            "at": c.at.tobytes(),
            "len": _wide(c.len),
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


def _narrow(numbers: Iterable[int]) -> array[int]:
    """The numbers in an array of the narrowest unsigned type that holds them all."""
    found = list(numbers)
    top = max(found, default=0)
    return array("B" if top < 2**8 else "H" if top < 2**16 else "I" if top < 2**32 else "Q", found)


def _wide(numbers: Numbers) -> bytes:
    """A column of numbers as the file holds them: 8 bytes each."""
    return numbers.tobytes() if numbers.itemsize == 8 else array("Q", numbers).tobytes()


def _cut(blob: Buffer, ends: memoryview, k: int) -> str:
    return str(blob[ends[k - 1] if k else 0 : ends[k]], "utf-8")


def _texts(blob: Buffer, ends: memoryview) -> list[str]:
    """Every value of a column as a string, a few thousand at a time: ASCII (most) is
    decoded at once and cut by the ends, which then count characters too. In pieces, so
    no copy of the whole column is made beside the strings (memory freed by a worker
    thread stays with its process)."""
    out: list[str] = []
    for first in range(0, len(ends), _PIECE):
        last = min(first + _PIECE, len(ends))
        base = ends[first - 1] if first else 0
        piece = bytes(blob[base : ends[last - 1]])
        if piece.isascii():
            text, at = piece.decode("ascii"), 0
            for k in range(first, last):
                end = ends[k] - base
                out.append(text[at:end])
                at = end
        else:
            out += [_cut(blob, ends, k) for k in range(first, last)]
    return out


def _joined(values: list[str]) -> tuple[bytes, bytes]:
    blob, ends = _ends([v.encode() for v in values])
    return blob, ends.tobytes()


def seal_of(root: Path) -> str:
    """What a cache file is valid for: this folder (as store/checked.py seals its list)
    and this code."""
    folder = seal(root)
    return f"{folder}:{_code()}" if folder else ""


def load(root: Path, of: str) -> CompactIndex | None:
    """The cached compact index of the index files `of` names; None when there is none
    of those files, or it is torn, damaged or of another folder or code."""
    path = root / FOLDER / NAME
    try:  # a read of the cap itself asked for a 2 GiB buffer at every start
        limit = min(os.lstat(path).st_size, _CAP) + 1
    except OSError:
        return None
    raw = read_cache(path, limit)
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
        parts, at, ids_at = {}, 0, 0
        for name, size in head["parts"]:
            parts[name] = body[at : at + size]
            ids_at = end + 1 + at if name == "ids" else ids_at
            at += size
        if at != len(body):
            return None
        return CompactIndex(of, head, parts, ids_in=(raw, ids_at))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None


def save(root: Path, index: CompactIndex) -> None:
    """Keep `index` in cache/index.bin (quietly not, where the store cannot be written)."""
    sealed = seal_of(root)
    if sealed:
        write_cache(root / FOLDER / NAME, index.to_bytes(sealed))
