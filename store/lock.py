"""One lock for the whole store, held across every read-modify-write.

An advisory `fcntl.flock` on a lock file guards against other processes; a thread
lock guards against this process's own worker threads. It is re-entrant so a store
method may call another while holding it.

A read-only store takes the lock shared: flock works on a file opened read-only, so
readers wait only while a writer (for whom the folder is writable) holds it. Where the
lock file does not exist and cannot be created, readers take no lock: every write is a
rename, so a reader still sees each file whole.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

from store.errors import StoreError


class StoreLock:
    def __init__(self, path: Path, *, shared: bool = False) -> None:
        self.path = path
        self.shared = shared
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    def __enter__(self) -> StoreLock:
        self._thread_lock.acquire()
        if self._depth == 0:
            try:
                fd = self._take()
            except BaseException:
                self._thread_lock.release()
                raise
            self._fd = fd
        self._depth += 1
        return self

    def _take(self) -> int | None:
        if self.shared:
            try:
                fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW)
            except OSError:
                return None  # no lock file, and none can be made: see the module's note
        else:
            # Never through a link: O_CREAT on one would make a file wherever it points.
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
            except OSError as exc:
                raise StoreError(
                    f"{self.path}: the store lock cannot be taken: {exc.strerror or exc} "
                    "(`briefing check --repair` moves a bad lock file aside)"
                ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def __exit__(self, *exc_info: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        self._thread_lock.release()
