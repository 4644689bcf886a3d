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
import time
from pathlib import Path

from store.errors import StoreError


class StoreLock:
    def __init__(self, path: Path, *, shared: bool = False) -> None:
        self.path = path
        self.shared = shared
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._owner: int | None = None  # the thread holding the lock
        # Threads of this process holding the file lock: their writes are short, so
        # `held_elsewhere` does not count them. One still waiting for it is not counted: it
        # waits on someone else, which is what `held_elsewhere` is asked.
        self._in_process = 0
        self._count_lock = threading.Lock()

    def __enter__(self) -> StoreLock:
        if self._owner == threading.get_ident():  # re-entered by the thread holding it
            self._depth += 1
            return self
        # The file lock first, the thread lock after: a thread waiting on another process
        # holds nothing this process's readers need (see `reading`). Each thread opens its
        # own descriptor, and flock keeps descriptors apart within a process too.
        fd = self._take()
        with self._count_lock:
            self._in_process += 1
        try:
            self._thread_lock.acquire()
        except BaseException:
            self._let_go(fd)
            self._left()
            raise
        self._owner, self._fd, self._depth = threading.get_ident(), fd, 1
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

    def held_elsewhere(self, patience: float = 0.3) -> bool:
        """Whether another process holds the lock for longer than `patience` seconds: a
        script's note or a `briefing list` holds it for milliseconds, an import or a
        suspended process for long. A thread of this process holding it is no one else:
        its write is short."""
        if self._in_process or self.shared:
            return False
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return False  # no lock file yet: nobody holds it
        try:
            give_up = time.monotonic() + patience
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return False
                except BlockingIOError:
                    if time.monotonic() >= give_up:
                        return True
                    time.sleep(0.01)
                except OSError:
                    return False
        finally:
            os.close(fd)  # closing lets go of a lock the probe took

    def reading(self) -> threading.RLock:
        """For a read: only this process's threads are kept apart, other processes are not
        waited on (a long import, a `briefing` suspended with ctrl+z). Every write replaces
        a file whole by a rename and the content log only grows, so a read sees each file
        as it was before a write or after it, never between. Never take the store lock
        inside a `reading` block: a thread waiting for the file lock would wait on it."""
        return self._thread_lock

    def __exit__(self, *exc_info: object) -> None:
        self._depth -= 1
        if self._depth:
            return
        fd, self._fd, self._owner = self._fd, None, None
        self._thread_lock.release()
        self._let_go(fd)
        self._left()

    def _left(self) -> None:
        with self._count_lock:
            self._in_process -= 1

    @staticmethod
    def _let_go(fd: int | None) -> None:
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
