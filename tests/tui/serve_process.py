"""`briefing serve` as a user starts it: a process of its own on a free loopback port, with
a temporary store and config. Waiting polls the port with a deadline, never a fixed pause."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ENTRY = "import sys; from tui.cli import main; sys.exit(main())"
DEADLINE = 60.0  # seconds: far beyond a normal start, only there to end a hung one
# The first line of each summary the reader shows: the newest sample brief, then the next.
FIRST = "Chinese President Xi Jinping"
SECOND = "China's Ministry of Commerce"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def start(tmp_path: Path, *args: str) -> Served:
    """Start serving; `args` come last, so a second --port overrides the free one."""
    # A store path with a space and a quote: each session's command goes through a shell.
    store = tmp_path / "my store's"
    log = tmp_path / "serve.log"
    port = free_port()
    env = {**os.environ, "BRIEFING_CONFIG": str(tmp_path / "config" / "config.toml")}
    env.pop("BRIEFING_STORE", None)
    command = [sys.executable, "-c", ENTRY, "serve", "--store", str(store), "--port", str(port)]
    with log.open("wb") as sink:
        process = subprocess.Popen([*command, *args], stdout=sink, stderr=sink, env=env)
    return Served(process, port, log)


def wait_for_port(served: Served) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            pytest.fail(f"serve exited {served.process.returncode}:\n{served.output()}")
        try:
            with socket.create_connection(("127.0.0.1", served.port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)  # a poll interval, not a wait for something to be done
    pytest.fail(f"serve did not listen within {DEADLINE} s:\n{served.output()}")
