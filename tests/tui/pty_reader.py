"""The installed `briefing` in a pseudo-terminal, driven by bytes as a terminal sends them.

Waiting is on what the reader draws (`wait_for`) or writes to disk, each with a generous
deadline, never a fixed pause: a busy machine makes a run slower, not different.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

BRIEFING = Path(sys.executable).with_name("briefing")  # the entry point pip installed
DEADLINE = 60.0  # seconds: far beyond a normal run, only there to end a hung one


class PtyReader:
    def __init__(self, store_dir: Path, *, size: tuple[int, int] = (120, 40)) -> None:
        self.output = bytearray()
        pid, fd = pty.fork()
        if pid == 0:  # the child: the reader, as a user would start it
            cols, rows = size
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            os.execv(BRIEFING, [str(BRIEFING), "--store", str(store_dir)])
        self.pid, self.fd = pid, fd
        self.exit_code: int | None = None

    def _read(self, timeout: float) -> bool:
        """Read what is there within `timeout`; False once the terminal is gone."""
        if self.fd < 0:
            return False
        # poll, not select: a long test run may hold descriptors past select's limit of 1024
        ready = select.poll()
        ready.register(self.fd, select.POLLIN)
        if ready.poll(timeout * 1000):
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            self.output.extend(chunk)
        return True

    def wait_for(self, text: str, *, since: int = 0) -> int:
        """Read until `text` has been drawn (after byte `since`); the offset after it."""
        needle = text.encode()
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            at = self.output.find(needle, since)
            if at >= 0:
                return at + len(needle)
            if not self._read(0.05):
                break
        raise AssertionError(f"the reader never showed {text!r}")

    def until(self, condition: Callable[[], bool]) -> None:
        """Keep the terminal drained until `condition` holds (e.g. something on disk)."""
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            if condition():
                return
            self._read(0.05)
        raise AssertionError("timed out waiting")

    def write(self, data: bytes) -> int:
        """Send bytes as one burst; the output offset from which to look for the answer."""
        mark = len(self.output)
        os.write(self.fd, data)
        return mark

    def hang_up(self) -> None:
        """Close the terminal, as closing its window or `tmux kill-session` does."""
        os.close(self.fd)
        self.fd = -1

    def signal(self, sig: signal.Signals) -> None:
        os.kill(self.pid, sig)

    def wait_exit(self) -> float:
        """Seconds until the process ended (it is killed, and the test fails, if it never
        does within the deadline)."""
        started = time.monotonic()
        while time.monotonic() < started + DEADLINE:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.exit_code = os.waitstatus_to_exitcode(status)
                return time.monotonic() - started
            if not self._read(0.05):
                time.sleep(0.05)
        self.kill()
        raise AssertionError("the reader did not exit")

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
