"""`python -m bench`: build a synthetic store, measure every figure, print and save them.

Absolute times on a shared machine drift, so start-up is also given as a ratio to a bare
Textual app measured alternately in the same run, and every figure is a median of runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from bench import synth
from bench.report import Figure, print_table, to_json, unavailable

MIB = 1024  # ru_maxrss is in KiB
DEFAULT_JSON = Path(__file__).parent / "results" / "latest.json"
# Generated data is kept between runs: a 100,000-brief store takes minutes to make.
WORK_ROOT = Path(__file__).parent / "work"
GROUPS = ("start", "ui", "note", "commands", "search", "import", "export", "draft")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--briefs", type=int, help="briefs in the store (default 10,000)")
    p.add_argument(
        "--notes", type=int, help="notes in the store (default: 1-3 on one brief in ten)"
    )
    p.add_argument("--runs", type=int, help="timed runs per figure (default 5)")
    p.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    p.add_argument("--seed", type=int, default=6, help="seed for the synthetic data")
    p.add_argument("--articles", type=int, help="articles to draft per run (default 1,000)")
    p.add_argument("--files", type=int, help="brief files to import per run (default 1,000)")
    p.add_argument(
        "--quick", action="store_true", help="1,000 briefs, 100 files, 3 runs: a smoke run"
    )
    p.add_argument("--json", type=Path, default=DEFAULT_JSON, help="write results here")
    p.add_argument("--compare", type=Path, help="an earlier results JSON, shown alongside")
    p.add_argument(
        "--work",
        type=Path,
        help="keep the generated data here, reused while the sizes and seed match "
        f"(default: a folder per size under {WORK_ROOT.name}/, git-ignored)",
    )
    p.add_argument("--only", help=f"comma-separated subset of {','.join(GROUPS)} (default: all)")
    p.add_argument("--headless", action="store_true", help="start-up without a pseudo-terminal")
    return p


def _settings(args: argparse.Namespace) -> dict[str, int]:
    quick = args.quick
    return {
        "briefs": args.briefs or (1_000 if quick else 10_000),
        "notes": -1 if args.notes is None else max(0, args.notes),  # -1: the default plan
        "runs": max(1, args.runs or (3 if quick else 5)),
        "warmup": max(0, args.warmup),
        "articles": args.articles or (100 if quick else 1_000),
        "files": args.files or (100 if quick else 1_000),
    }


def _prepare(work: Path, s: dict[str, int], seed: int) -> dict[str, Any]:
    """Generate (or reuse) the store, brief files and articles; returns what was made."""
    marker = work / "made.json"
    wanted = {k: s[k] for k in ("briefs", "notes", "articles", "files")} | {"seed": seed}
    if marker.exists():
        made = orjson.loads(marker.read_bytes())
        if made.get("wanted") == wanted:
            return made
    for sub in ("store", "files", "articles"):
        path = work / sub
        if path.exists():
            import shutil

            shutil.rmtree(path)
    print(f"generating {s['briefs']:,} briefs …", file=sys.stderr)
    notes = None if s["notes"] < 0 else s["notes"]
    info = synth.build_store(work / "store", s["briefs"], seed, notes)
    synth.write_brief_files(work / "files", s["files"], seed)
    synth.write_articles(work / "articles", s["articles"], seed)
    made = {"wanted": wanted, "store": info.__dict__}
    marker.write_bytes(orjson.dumps(made))
    return made


def _ms(values: list[float]) -> list[float]:
    return [v * 1000 for v in values]


def _step(name: str) -> None:
    print(f"measuring {name} …", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, work: Path) -> tuple[list[Figure], dict[str, Any]]:
    s = _settings(args)
    runs, warmup = s["runs"], s["warmup"]
    only = set(args.only.split(",")) if args.only else set(GROUPS)
    made = _prepare(work, s, args.seed)
    store = work / "store"
    if synth.bring_current(store):  # untimed: every figure is of a store of this format
        print("migrated the store to the current format", file=sys.stderr)
    work_tmp = work / "tmp"  # copies of the store that runs write to, removed after
    work_tmp.mkdir(exist_ok=True)
    figures: list[Figure] = []
    # The targets are for 10,000 briefs and for a desk's 100,000 (and 20,000 notes).
    small = s["briefs"] <= 10_000
    st = made["store"]
    figures.append(
        Figure(
            "generate_store_s",
            "generate the store (batch imports + one batch of notes)",
            "s",
            [st["import_s"] + st["notes_s"]],
            note=f"{st['notes']:,} notes, briefs.json {st['briefs_bytes'] / 2**20:.0f} MiB",
        )
    )

    if "start" in only:
        from bench.startup import measure_startup

        _step("start-up (ours and bare, alternately)")
        ours, bare = measure_startup(store, runs, headless=args.headless)
        o = [x.first_paint_s for x in ours]
        b = [x.first_paint_s for x in bare]
        ratios = [x / y for x, y in zip(o, b, strict=True)]
        figures += [
            Figure(
                "start_ratio",
                "start → first paint with first brief, ÷ bare app",
                "×",
                ratios,
                1.3 if small else 1.5,
                median=statistics.median(o) / statistics.median(b),
                note="median ÷ median; range per pair",
            ),
            Figure("start_ms", "  start → first paint (ours)", "ms", _ms(o)),
            Figure("bare_start_ms", "  start → first paint (bare app)", "ms", _ms(b)),
            Figure(
                "peak_rss_mib",
                "peak memory, everything loaded",
                "MiB",
                [x.peak_rss_kib / MIB for x in ours],
                100 if small else 150,
            ),
            Figure(
                "bare_peak_rss_mib",
                "  peak memory (bare app)",
                "MiB",
                [x.peak_rss_kib / MIB for x in bare],
            ),
        ]

    if "ui" in only:
        from bench.interactive import measure_ui

        _step("next brief and saving a note in the app")
        ui = measure_ui(store, warmup, runs)
        figures += [
            Figure("next_brief_ms", "next brief until its panes show it", "ms",
                   _ms(ui["next_brief"]), 16),
            Figure("next_brief_cpu_ms", "  the same in CPU time of the app's thread", "ms",
                   _ms(ui["next_brief_cpu"])),
            Figure("bare_key_to_paint_ms", "  key → repaint (bare app)", "ms",
                   _ms(ui["bare_key_to_paint"])),
            Figure("save_note_ui_ms", "  save a note in the app (ctrl+s → shown)", "ms",
                   _ms(ui["save_note_ui"])),
        ]  # fmt: skip

    if "note" in only:
        from bench.figures import save_note

        _step("saving a note")
        figures.append(
            Figure(
                "save_note_ms",
                "save a note until it is on disk",
                "ms",
                _ms(save_note(store, warmup, max(runs, 10))),
                5 if small else 10,
                note="Store.add_note",
            )
        )

    if "commands" in only:
        from bench.figures import whole_commands

        _step("briefing note add, --version and check as whole processes")
        res = whole_commands(store, work_tmp, warmup, runs if args.quick else max(runs, 10))
        over = [a - v for a, v in zip(res["note_add"], res["version"], strict=True)]
        figures += [
            Figure(
                "note_add_over_version_ms",
                "briefing note add (a process), over briefing --version",
                "ms",
                _ms(over),
                100 if small else 150,
                median=statistics.median(_ms(res["note_add"]))
                - statistics.median(_ms(res["version"])),
                note="median - median; range per pair",
            ),
            Figure("note_add_ms", "  briefing note add (whole process)", "ms",
                   _ms(res["note_add"])),
            Figure("version_ms", "  briefing --version (whole process)", "ms",
                   _ms(res["version"])),
            Figure("check_s", "briefing check (whole process)", "s", res["check"],
                   5 if small else 30),
        ]  # fmt: skip

    if "search" in only:
        from bench.figures import search

        _step("search")
        res = search(store, warmup, max(runs, 10))
        per_query = {q: statistics.median(v) * 1000 for q, v in res["queries"].items()}
        everything = [t for v in res["queries"].values() for t in v]
        figures.append(
            Figure(
                "search_query_ms",
                "a search query",
                "ms",
                _ms(everything),
                20 if small else 50,
                note="PLACEHOLDER: title scan" if res["placeholder"] else "all queries pooled",
                extra={"per_query_ms": per_query, "hits": res.get("hits", {})},
            )
        )
        for k, (q, v) in enumerate(res["queries"].items()):
            figures.append(Figure(f"search_q{k}_ms", f"  {q}", "ms", _ms(v)))
        if res["build"]:
            figures.append(
                Figure(
                    "search_build_s",
                    "search ready after start (every brief, from the scan cache)",
                    "s",
                    res["build"],
                    2 if small else 10,
                )
            )
            figures.append(
                Figure(
                    "search_build_cold_s",
                    "  the same with no cache (every brief read and derived)",
                    "s",
                    res["cold"],
                )
            )

    if "import" in only:
        from bench.figures import import_files

        _step(f"importing {s['files']:,} brief files")
        res = import_files(store, work / "files", work_tmp, warmup, runs)
        runs_ = res["into_store"]
        n = s["files"]
        figures += [
            Figure(
                "import_briefs_per_s",
                f"import {n:,} brief files",
                "briefs/s",
                [r["files"] / r["total_s"] for r in runs_],
                5000 if small else 2000,
                ">=",
                note=f"into the {s['briefs']:,}-brief store, opening it included",
            ),
            Figure(
                "import_read_per_s",
                "  reading the files only",
                "briefs/s",
                [r["files"] / r["read_s"] for r in runs_],
            ),
            Figure("import_open_s", "  opening the store only", "s", [r["open_s"] for r in runs_]),
            Figure(
                "import_write_s",
                "  importing, once open (reading + writing)",
                "s",
                [r["import_s"] for r in runs_],
            ),
            Figure(
                "import_empty_per_s",
                "  into an empty store (briefing import)",
                "briefs/s",
                [n / t for t in res["into_empty_cli"]],
            ),
        ]

    if "export" in only:
        from bench.figures import whole_export
        from briefs.reading import MAX_FILE_BYTES

        _step("exporting the whole store and importing it back")
        res = whole_export(store, work_tmp)
        size = f"{res['bytes'] / 2**20:,.0f} MiB"
        streamed = ", read as a stream" if res["bytes"] > MAX_FILE_BYTES else ""
        figures += [
            Figure("whole_export_s", f"briefing export, the whole store ({size})", "s",
                   [res["export_s"]], note=f"one run; peak {res['export_mib']:.0f} MiB"),
            Figure("whole_import_per_s", "  briefing import of it, into an empty store",
                   "briefs/s", [s["briefs"] / res["import_s"]],
                   note=f"one run{streamed}; peak {res['import_mib']:.0f} MiB"),
            Figure("whole_import_peak_mib", "  peak memory of that import", "MiB",
                   [res["import_mib"]]),
        ]  # fmt: skip

    if "draft" in only:
        from bench.figures import drafting

        _step(f"drafting {s['articles']:,} articles")
        res = drafting(store, work / "articles", work_tmp, warmup, runs)
        label = f"draft and import {s['articles']:,} articles"
        if res is None:
            figures.append(
                unavailable("draft_articles_per_s", label, "articles/s", 200, ">=", "not available")
            )
        else:
            failed = max(r["failed"] for r in res)
            note = "one core"
            if failed:
                reason = res[0]["first_failure"].rsplit(": ", 1)[-1]
                note += f"; {failed} of {s['articles']:,} failed to draft: {reason}"
            figures += [
                Figure(
                    "draft_articles_per_s",
                    label,
                    "articles/s",
                    [r["files"] / r["total_s"] for r in res],
                    200,
                    ">=",
                    note=note,
                    extra={"failed": failed, "first_failure": res[0]["first_failure"]},
                ),
                Figure(
                    "draft_only_per_s",
                    "  drafting only",
                    "articles/s",
                    [r["files"] / r["read_s"] for r in res],
                ),
            ]

    meta = {
        **s,
        "seed": args.seed,
        "quick": args.quick,
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": _commit(),
        "store": made["store"],
        "start_terminal": "headless" if args.headless else "pty 120x40",
    }
    return figures, meta


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def _work_name(s: dict[str, int], seed: int) -> str:
    notes = "" if s["notes"] < 0 else f"-{s['notes']}n"
    return f"{s['briefs']}b{notes}-{s['files']}f-{s['articles']}a-seed{seed}"


def _compile_project() -> None:
    """Byte-compile our packages first, as installing a package does: a start measured
    while Python compiles our sources (PYTHONDONTWRITEBYTECODE) times the compiler, not
    the reader (about 150 ms of a 10,000-brief start)."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in ("briefs", "store", "tui"):
        compileall.compile_dir(root / package, quiet=2)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    previous = orjson.loads(args.compare.read_bytes()) if args.compare else None
    started = time.perf_counter()
    _compile_project()
    work = args.work or WORK_ROOT / _work_name(_settings(args), args.seed)
    work.mkdir(parents=True, exist_ok=True)
    figures, meta = run(args, work)
    meta["bench_s"] = round(time.perf_counter() - started, 1)
    print_table(figures, meta, previous)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_bytes(orjson.dumps(to_json(figures, meta), option=orjson.OPT_INDENT_2))
    print(f"results: {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
