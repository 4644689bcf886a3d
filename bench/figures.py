"""Store-level figures: saving a note, search, drafting articles, importing brief files."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TODAY = dt.date(2025, 11, 28)
# Free words, a phrase, field filters and a reader-state query: what the search bar sees.
QUERIES = (
    "canola",
    '"electric vehicles"',
    "by:canada since:2024-01-01",
    "rate>=25 -status:removed",
    "is:unread OR has:notes",
    "actor:carney product:steel",
)


def timed(fn: Callable[[], Any], warmup: int, runs: int) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        out.append(time.perf_counter() - started)
        # Freed after the clock stops: freeing the last run's catalog (0.2-0.5 s at
        # 100,000 briefs) is no part of the next run's "search ready".
        del result
    return out


def copy_store(store_dir: Path, target: Path) -> None:
    """A copy of the benchmark store for runs that write, its files flushed to disk
    (untimed). A store's files are on disk long before a write: a copy just made is still
    in the page cache, and the first fsync of the content log (the one an import makes)
    would write the whole copy out (0.3 s for the 723 MiB log of 100,000 briefs) and
    count it as the import's."""
    shutil.copytree(store_dir, target)
    for folder, _, names in os.walk(target):
        for name in [*names, "."]:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def save_note(store_dir: Path, warmup: int, runs: int) -> list[float]:
    """`Store.add_note`: the note is on disk (fsynced, renamed) when it returns."""
    from store import Store

    store = Store(store_dir)
    brief_id = store.rows()[0].id
    texts = iter(range(warmup + runs))
    times = timed(lambda: store.add_note(brief_id, f"Benchmark note {next(texts)}."), warmup, runs)
    store.close()
    return times


def search(store_dir: Path, warmup: int, runs: int) -> dict[str, Any]:
    """Per query seconds, plus the index build; `placeholder` when briefs.search is missing."""
    from store import Store

    store = Store(store_dir)
    try:
        from briefs.search.index import SearchIndex
        from briefs.search.query import parse_query
    except ImportError:
        rows = store.rows()
        out: dict[str, Any] = {"placeholder": True, "build": [], "queries": {}}
        for text in QUERIES:
            needle = text.lower()
            out["queries"][text] = timed(
                lambda n=needle: [r.id for r in rows if n in r.title.lower()], warmup, runs
            )
        return out

    def build(*, cold: bool) -> SearchIndex:
        """What the reader does after its first paint: every brief's search doc, tracker
        rows and actors, from the scan cache where it matches (`cold`: without one)."""
        from store import scan_cache
        from tui.catalog import Catalog

        if cold:
            scan_cache.remove(store_dir)
        catalog = Catalog(store)
        catalog.load_rows()
        catalog.adopt(catalog.scan())
        assert catalog.index is not None
        return catalog.index

    started = time.perf_counter()
    build(cold=True)  # reads every brief, and writes the cache the next start uses
    cold_s = time.perf_counter() - started
    warm = timed(lambda: build(cold=False), 0, max(1, min(runs, 3)))
    index = build(cold=False)
    out = {"placeholder": False, "build": warm, "cold": [cold_s], "queries": {}, "hits": {}}
    for text in QUERIES:
        query = parse_query(text, today=TODAY)
        out["queries"][text] = timed(lambda q=query: index.search(q), warmup, runs)
        out["hits"][text] = len(index.search(query))
    store.close()
    return out


def _import_runs(
    store_dir: Path,
    folder: Path,
    work: Path,
    warmup: int,
    runs: int,
) -> list[dict[str, Any]]:
    """Every file in `folder` imported as `briefing import` does: read (or drafted) by
    `briefs.files.stream_files`, then one `Store.import_files`, then the reader data.

    Each run imports into a fresh copy of the benchmark store (the copy, and its first
    open, are not timed), so every run adds the same briefs to a store of the same size.
    Reading the files alone is timed apart, before, by `read_files`.
    """
    from briefs.files import brief_files, read_files, stream_files
    from store import Store

    out = []
    for k in range(warmup + runs):
        target = work / f"run-{k}"
        copy_store(store_dir, target)
        # Opened once, untimed: a store copied into a new folder checks every file at its
        # first open (store/checked.py), which a reader's own store did long ago.
        Store(target).close()
        gc.collect()
        started = time.perf_counter()
        reading = read_files(brief_files([folder]))
        read_s = time.perf_counter() - started
        count, failed = len(reading.briefs) + len(reading.failures), reading.failures
        del reading
        gc.collect()
        started = time.perf_counter()
        store = Store(target)
        opened = time.perf_counter()
        # As `briefing import` does: a file that fails is reported, the rest go in.
        groups = [f.records for f in stream_files(brief_files([folder]))]
        taken = store.import_files(groups)
        if taken.reader:  # as briefing import: plain brief files carry none
            store.import_reader_data(taken.reader, placed=taken.counts)
        done = time.perf_counter()
        store.close()
        shutil.rmtree(target)
        if k >= warmup:
            out.append(
                {
                    "files": count,
                    "failed": len(failed),
                    "first_failure": failed[0] if failed else "",
                    "open_s": opened - started,
                    "read_s": read_s,
                    "import_s": done - opened,
                    "total_s": done - started,
                }
            )
    return out


def drafting(
    store_dir: Path, articles: Path, work: Path, warmup: int, runs: int
) -> list[dict[str, Any]] | None:
    """Articles drafted and imported per run; None when `briefs.drafting` does not exist."""
    try:
        import briefs.drafting  # noqa: F401
    except ImportError:
        return None
    return _import_runs(store_dir, articles, work, warmup, runs)


def import_files(store_dir: Path, files: Path, work: Path, warmup: int, runs: int) -> dict:
    """Brief files into the benchmark store (headline) and into an empty store, via the CLI."""
    from tui.cli import main as cli_main

    into_store = _import_runs(store_dir, files, work, warmup, runs)
    empty = []
    for k in range(warmup + runs):
        target = work / f"empty-{k}"
        started = time.perf_counter()
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            code = cli_main(["import", "--store", str(target), str(files)])
        elapsed = time.perf_counter() - started
        if code != 0:
            raise RuntimeError(f"briefing import failed with exit {code}")
        shutil.rmtree(target)
        if k >= warmup:
            empty.append(elapsed)
    return {"into_store": into_store, "into_empty_cli": empty}


def _briefing() -> list[str]:
    """The `briefing` command as installed beside this Python, else the module."""
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


def _run(argv: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[1:3])} failed: {proc.stderr.decode()[-500:]}")
    return elapsed


def whole_commands(store_dir: Path, work: Path, warmup: int, runs: int) -> dict[str, list[float]]:
    """`briefing note add` and `briefing --version` as whole processes, alternately (so
    the difference is what a note costs over starting Python and the command line), and
    `briefing check` of the whole store. Note adds go to a copy of the store."""
    target = work / "commands"
    shutil.rmtree(target, ignore_errors=True)
    copy_store(store_dir, target)
    from store import Store

    store = Store(target)
    brief_id = store.rows()[0].id
    store.close()
    exe = _briefing()
    out: dict[str, list[float]] = {"version": [], "note_add": [], "check": []}
    for k in range(warmup + runs):
        version = _run([*exe, "--version"])
        note = _run([*exe, "note", "add", "--store", str(target), brief_id, f"Bench note {k}."])
        if k >= warmup:
            out["version"].append(version)
            out["note_add"].append(note)
    for k in range(warmup + max(1, runs // 2)):
        check = _run([*exe, "check", "--store", str(target)])
        if k >= warmup:
            out["check"].append(check)
    shutil.rmtree(target)
    return out


# `briefing ARGS…` (tui.cli:main, as the installed script runs it), which then writes its
# own peak memory (VmHWM: of this process alone) to the file named first.
_PEAK = """
import sys
from tui.cli import main
out, sys.argv = sys.argv[1], ["briefing", *sys.argv[2:]]
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status", "rb") as status, open(out, "w") as peak:
        peak.write(next(l for l in status if l.startswith(b"VmHWM:")).split()[1].decode())
sys.exit(code)
"""


def _measured(args: list[str], work: Path, name: str) -> tuple[float, float]:
    """`briefing ARGS…` run as a process: its wall time in seconds and its own peak
    memory in MiB. Its peak is read by the process itself: the rusage of a child counts
    the memory of the process it was forked from (this benchmark, some hundreds of MiB
    by now), which gave 383 MiB for an import that peaks at 203."""
    log, peak = work / f"{name}.log", work / f"{name}.peak"
    started = time.perf_counter()
    with log.open("wb") as err:
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, str(peak), *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            check=False,
            cwd=Path(__file__).resolve().parent.parent,
        )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed: {log.read_text()[-500:]}")
    mib = int(peak.read_text()) / 1024
    peak.unlink()
    return elapsed, mib


def whole_export(store_dir: Path, work: Path) -> dict[str, float]:
    """`briefing export` of the whole store to one file, then `briefing import` of that
    file into an empty store: over 64 MiB, it is read as a stream of records. Once each
    (at 100,000 briefs they take minutes)."""
    out_file, target = work / "whole-export.json", work / "whole-import"
    shutil.rmtree(target, ignore_errors=True)
    try:
        export_s, export_mib = _measured(
            ["export", "--store", str(store_dir), "--out", str(out_file)], work, "export"
        )
        size = out_file.stat().st_size
        import_s, import_mib = _measured(
            ["import", "--store", str(target), str(out_file)], work, "import"
        )
    finally:
        out_file.unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
    return {
        "export_s": export_s,
        "export_mib": export_mib,
        "bytes": size,
        "import_s": import_s,
        "import_mib": import_mib,
    }
