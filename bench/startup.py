"""Start-up figures: spawn `bench.probe_start`, ours and the bare app alternately.

By default each child gets a pseudo-terminal (120×40), so Textual runs its real Linux driver
and writes every frame, as in a terminal; `headless=True` uses Textual's headless driver,
which lays out and renders widgets but skips turning frames into escape codes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

SIZE = (120, 40)  # columns, rows
TIMEOUT_S = 120


@dataclass(frozen=True)
class StartSample:
    kind: str
    first_paint_s: float
    peak_rss_kib: int
    rss_at_paint_kib: int
    cpu_at_paint_s: float = 0.0  # the child's CPU time (all threads) at first paint


def _drain(fd: int) -> None:
    # The app blocks once the pty buffer is full, so someone must read what it draws.
    with contextlib.suppress(OSError):
        while os.read(fd, 65536):
            pass


def run_probe(kind: str, store: Path | None, *, headless: bool = False) -> StartSample:
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(SIZE[0])}
        env["LINES"] = str(SIZE[1])
        env.pop("TEXTUAL", None)  # no devtools
        args = [kind, "", str(out), str(store or "")]
        if headless:
            args.append("--headless")
        master = slave = -1
        drain = None
        if headless:
            stdio: dict[str, object] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}
        else:
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            stdio = {"stdin": slave, "stdout": slave, "stderr": subprocess.PIPE}
            drain = threading.Thread(target=_drain, args=(master,), daemon=True)
            drain.start()
        try:
            t0 = time.clock_gettime(time.CLOCK_MONOTONIC)
            args[1] = repr(t0)
            proc = subprocess.run(
                [sys.executable, "-m", "bench.probe_start", *args],
                cwd=root,
                env=env,
                timeout=TIMEOUT_S,
                check=False,
                **stdio,  # type: ignore[arg-type]
            )
        finally:
            if slave >= 0:
                os.close(slave)
        if drain is not None:
            drain.join(timeout=5)
            os.close(master)
        if proc.returncode != 0 or not out.exists():
            err = proc.stderr.decode(errors="replace")[-2000:] if proc.stderr else ""
            raise RuntimeError(f"start probe {kind} failed (exit {proc.returncode}): {err}")
        data = orjson.loads(out.read_bytes())
    return StartSample(
        kind=kind,
        first_paint_s=data["first_paint_s"],
        peak_rss_kib=int(data["peak_rss_kib"]),
        rss_at_paint_kib=int(data["rss_at_paint_kib"]),
        cpu_at_paint_s=float(data.get("cpu_at_paint_s", 0.0)),
    )


def measure_startup(
    store: Path, runs: int, *, headless: bool = False
) -> tuple[list[StartSample], list[StartSample]]:
    """(ours, bare) samples, alternating bare/ours so drift hits both alike; one warm-up."""
    run_probe("bare", None, headless=headless)
    run_probe("ours", store, headless=headless)
    ours, bare = [], []
    for _ in range(runs):
        bare.append(run_probe("bare", None, headless=headless))
        ours.append(run_probe("ours", store, headless=headless))
    return ours, bare
