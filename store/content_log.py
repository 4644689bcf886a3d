"""Brief content, append-only, one JSON line per version of a brief.

At 10,000 briefs the full content (bodies, actors, tariffs) is ~70 MiB: parsing it at
start costs a second and ~300 MiB. So `briefs.json` (TinyDB) holds only what the list
needs plus where each brief's content lies in this log, and a brief is read from here
when it is opened.

Appending is crash-safe without rewriting: new lines go at the end and are fsynced
before the index that points at them is written, so a crash leaves at worst unreferenced
bytes at the end. When dead versions outweigh live ones the log is compacted into a new
file with a new name; the index switches to it in one atomic write.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from store.errors import DamagedFileError, StoreError
from store.storage import TEMP_SUFFIX, fsync_dir

LOG_PREFIX = "content-"
LOG_SUFFIX = ".jsonl"
COMPACT_MIN_BYTES = 8 * 2**20  # below this, dead versions are not worth a rewrite


def log_name(generation: int) -> str:
    return f"{LOG_PREFIX}{generation:06d}{LOG_SUFFIX}"


def generation_of(name: str) -> int:
    return int(name[len(LOG_PREFIX) : -len(LOG_SUFFIX)])


def digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=10).hexdigest()


def append(path: Path, payloads: Iterable[bytes]) -> list[tuple[int, int]]:
    """Append payloads (one line each) and fsync; return (offset, length) of each."""
    spans = []
    try:
        with open(path, "ab") as handle:
            offset = handle.seek(0, os.SEEK_END)
            for payload in payloads:
                handle.write(payload + b"\n")
                spans.append((offset, len(payload)))
                offset += len(payload) + 1
            handle.flush()
            os.fsync(handle.fileno())
        fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"{path}: could not save: {exc.strerror or exc}") from exc
    return spans


def read(path: Path, offset: int, length: int, expected: str) -> bytes:
    """One payload, checked against its digest so damage is named, not misread."""
    try:
        with open(path, "rb") as handle:
            payload = os.pread(handle.fileno(), length, offset)
    except FileNotFoundError as exc:
        raise DamagedFileError(path, "the content log is missing") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(payload) != length or digest(payload) != expected:
        raise DamagedFileError(path, f"content at byte {offset} is damaged")
    return payload


def write_new(path: Path, payloads: Iterable[bytes]) -> list[tuple[int, int]]:
    """Write a fresh log (for compaction) under a temporary name, then rename it."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        spans = append(temp, payloads)
        os.replace(temp, path)
        fsync_dir(path.parent)
    finally:
        temp.unlink(missing_ok=True)
    return spans


def stale_logs(root: Path, current: str | None) -> list[Path]:
    """Logs the index no longer points at (left by a compaction that was cut short)."""
    return [p for p in root.glob(f"{LOG_PREFIX}*{LOG_SUFFIX}") if p.name != current]


def worth_compacting(path: Path, live_bytes: int) -> bool:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    return size > COMPACT_MIN_BYTES and size > 2 * live_bytes


def open_log(path: Path) -> int:
    """A descriptor for reading. Bytes once written never change, and a compaction
    that removes the file leaves an open descriptor readable, so reads through it need
    no lock."""
    try:
        return os.open(path, os.O_RDONLY)
    except FileNotFoundError as exc:
        raise DamagedFileError(path, "the content log is missing") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def read_many(
    path: Path, spans: Iterable[tuple[str, int, int, str]], fd: int | None = None
) -> Iterator[tuple[str, bytes | None]]:
    """(key, payload) for each (key, offset, length, digest), one at a time; the payload
    is None where the bytes no longer match their digest, so one damaged brief does not
    hide all the others."""
    own = fd is None
    handle = open_log(path) if fd is None else fd
    try:
        for key, offset, length, expected in spans:
            payload = os.pread(handle, length, offset)
            ok = len(payload) == length and digest(payload) == expected
            yield key, payload if ok else None
    finally:
        if own:
            os.close(handle)
