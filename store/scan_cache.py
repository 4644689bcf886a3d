"""What the reader derived from every brief, kept beside the store so the next start need
not read them all again: `cache/scan.jsonl`.

It is a cache, not data: each entry carries the version (content digest and corrections
generation) of the brief it was made from, and the reader uses an entry only while that
version is still the brief's in the index; anything else is read again from the content. A
missing, unreadable, oversized or malformed file (or line) is no error: those briefs are
read from the content, as before the cache existed, and a new cache is written. Deleting
`cache/` is always safe. What an entry holds is opaque here (the interface's catalog
encodes it and checks every value's type before use; its strings are shown inert, as any
other string from the store).

One JSON line per brief, after a header line, so the cache is read and written a line at a
time: a 100,000-brief cache never sits in memory whole.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from store.errors import StoreError
from store.folder import check_plain, check_plain_folder
from store.storage import TEMP_SUFFIX, fsync_dir

FOLDER = "cache"
FILE = "scan.jsonl"
FORMAT = 1
MAX_LINE = 16 * 1024 * 1024  # far above any brief the import limits let in

Entry = list[Any]  # [version, …what the catalog keeps]


def cache_path(root: Path) -> Path:
    return root / FOLDER / FILE


def _header(kind: str) -> bytes:
    return orjson.dumps({"format": FORMAT, "kind": kind}) + b"\n"


def load(root: Path, kind: str) -> Iterator[tuple[str, Entry]]:
    """(brief id, entry) for each usable line of the cache of `kind` (the catalog's
    encoding); nothing when there is no cache or it is of another kind or format."""
    path = cache_path(root)
    try:
        check_plain_folder(path.parent)
        check_plain(path)
        handle = open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb")  # noqa: SIM115
    except (OSError, StoreError):
        return
    with handle:
        try:
            if handle.readline(MAX_LINE) != _header(kind):
                return
            for line in iter(lambda: handle.readline(MAX_LINE), b""):
                try:
                    item = orjson.loads(line)
                except orjson.JSONDecodeError:
                    continue  # a torn or foreign line: that brief is read again
                if (
                    isinstance(item, list)
                    and len(item) > 1
                    and isinstance(item[0], str)
                    and isinstance(item[1], str)
                ):
                    yield item[0], item[1:]
        except OSError:
            return


def save(root: Path, kind: str, entries: Iterable[tuple[str, Entry]]) -> bool:
    """Write the cache atomically (a temporary file renamed over it), a line at a time;
    False when it could not be written (read-only, a full disk: the next start reads those
    briefs again, nothing is lost)."""
    folder = root / FOLDER
    temp = folder / f".{FILE}.{os.getpid()}{TEMP_SUFFIX}"
    try:
        check_plain_folder(folder)
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        check_plain_folder(folder)
        check_plain(cache_path(root))
        # Temporaries left by a kill. One may be another reader's, mid-write: its write
        # then fails, which a cache can afford.
        for left in folder.glob(f".{FILE}.*{TEMP_SUFFIX}"):
            left.unlink(missing_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        with open(os.open(temp, flags, 0o644), "wb") as handle:
            handle.write(_header(kind))
            for brief_id, entry in entries:
                handle.write(orjson.dumps([brief_id, *entry]) + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, cache_path(root))
        fsync_dir(folder)
    except (OSError, StoreError, TypeError, ValueError):
        return False
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return True
