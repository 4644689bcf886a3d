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

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from store.errors import DamagedFileError, StoreError
from store.folder import LOG_NAME, check_plain, lexists
from store.storage import TEMP_SUFFIX, fsync_dir

LOG_PREFIX = "content-"
LOG_SUFFIX = ".jsonl"
COMPACT_MIN_BYTES = 8 * 2**20  # below this, dead versions are not worth a rewrite


def log_name(generation: int) -> str:
    return f"{LOG_PREFIX}{generation:06d}{LOG_SUFFIX}"


def generation_of(name: str) -> int:
    return int(name[len(LOG_PREFIX) : -len(LOG_SUFFIX)])


def log_path(root: Path, name: str, index: Path) -> Path:
    """The log the index names, which must be a log's plain name inside the store: a name
    from a file is never a path (`../.bashrc`, `/etc/passwd`)."""
    if not LOG_NAME.fullmatch(name):
        raise DamagedFileError(index, f"it names {name[:40]!r} as its content log")
    return root / name


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=10).hexdigest()


class Appender:
    """Appends payloads (one line each) to a log, buffered, for one import under the
    store lock. Nothing counts until `finish` has fsynced it; `undo_to` drops what came
    after an offset (a file of the import that turned out bad), and `abort` — or any
    failure, such as a full disk — cuts the log back to where it was, so a failed import
    leaves neither half a line nor the space it took."""

    BUFFER = 2**20

    def __init__(self, path: Path) -> None:
        check_plain(path)
        self.path = path
        self.created = not lexists(path)  # then the folder is fsynced too, for its name
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise StoreError(f"{path}: could not save: {exc.strerror or exc}") from exc
        self.start = self.offset = os.fstat(self.fd).st_size
        self._pending: list[bytes] = []
        self._pending_bytes = 0

    def add(self, payload: bytes) -> tuple[int, int]:
        """Queue one payload; its (offset, length) once it is written."""
        span = (self.offset, len(payload))
        self._pending.append(payload)
        self._pending.append(b"\n")
        self.offset += len(payload) + 1
        self._pending_bytes += len(payload) + 1
        if self._pending_bytes >= self.BUFFER:
            self._flush()
        return span

    def _flush(self) -> None:
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending, self._pending_bytes = [], 0
        try:
            _write_all(self.fd, data)
        except OSError as exc:
            self.abort()
            raise StoreError(f"{self.path}: could not save: {exc.strerror or exc}") from exc

    def undo_to(self, offset: int) -> None:
        """Forget every payload added after `offset` (a value `offset` had before)."""
        self._flush()
        self._cut(offset)
        self.offset = offset

    def _cut(self, offset: int) -> None:
        # Should it fail, the index never points past `offset`: the bytes are dead, not wrong.
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, offset)

    def finish(self) -> None:
        """Write what is queued and fsync it, with the folder; then close."""
        try:
            self._flush()
            os.fsync(self.fd)
            if self.created:
                fsync_dir(self.path.parent)
        except OSError as exc:
            self.abort()
            raise StoreError(f"{self.path}: could not save: {exc.strerror or exc}") from exc
        self._close()

    def abort(self) -> None:
        """Cut the log back to where it was before this import; then close."""
        if self.fd < 0:
            return
        self._pending, self._pending_bytes = [], 0
        self._cut(self.start)
        with contextlib.suppress(OSError):
            os.fsync(self.fd)
        self._close()

    def _close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def append(path: Path, payloads: Iterable[bytes]) -> list[tuple[int, int]]:
    """Append payloads (one line each) and fsync; return (offset, length) of each.
    A failed append (a full disk) is cut off again (see Appender)."""
    appender = Appender(path)
    try:
        spans = [appender.add(payload) for payload in payloads]
        appender.finish()
    finally:
        appender.abort()  # closes; after finish, there is nothing left to cut
    return spans


def read(path: Path, offset: int, length: int, expected: str) -> bytes:
    """One payload, checked against its digest so damage is named, not misread."""
    fd = open_log(path)
    try:
        ((_, payload),) = read_many(path, [("", offset, length, expected)], fd)
    finally:
        os.close(fd)
    if payload is None:
        raise DamagedFileError(path, f"content at byte {offset} is damaged")
    return payload


def write_new(path: Path, payloads: Iterable[bytes]) -> list[tuple[int, int]]:
    """Write a fresh log (for compaction) under a temporary name, then rename it."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    temp.unlink(missing_ok=True)  # a leftover (or a planted link) is never appended to
    try:
        spans = append(temp, payloads)
        os.replace(temp, path)
        fsync_dir(path.parent)
    finally:
        temp.unlink(missing_ok=True)
    return spans


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
    check_plain(path)
    try:
        return os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError as exc:
        raise DamagedFileError(path, "the content log is missing") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def read_many(
    path: Path, spans: Iterable[tuple[str, int, int, str]], fd: int | None = None
) -> Iterator[tuple[str, bytes | None]]:
    """(key, payload) for each (key, offset, length, digest), one at a time; the payload
    is None where the bytes lie past the end of the log or no longer match their digest,
    so one damaged brief does not hide all the others."""
    own = fd is None
    handle = open_log(path) if fd is None else fd
    try:
        size = os.fstat(handle).st_size
        for key, offset, length, expected in spans:
            if offset < 0 or length < 0 or offset + length > size:
                yield key, None
                continue
            try:
                payload = os.pread(handle, length, offset)
            except OSError as exc:
                raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
            ok = len(payload) == length and digest(payload) == expected
            yield key, payload if ok else None
    finally:
        if own:
            os.close(handle)
