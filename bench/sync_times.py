"""`python -m bench.sync_times`: how long a desk's syncs take at size.

Three stores share one bare repository (a path). Ana's store holds every brief and every
note; her first sync fills the empty desk, and Ben's and Cleo's empty stores each take it
all in at theirs. Then each adds a few notes and syncs in turn, twice round (the second
round brings the others' notes to the ones who went first). Each figure is one run: a
first sync happens once per copy.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import synth

NAMES = ("Ana", "Ben", "Cleo")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.sync_times", description=__doc__)
    p.add_argument("--briefs", type=int, default=10_000)
    p.add_argument("--notes", type=int, default=20_000)
    p.add_argument("--few", type=int, default=3, help="notes each adds before syncing again")
    p.add_argument("--work", type=Path, help="keep the stores and the desk here")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--profile", type=Path, help="cProfile Ana's first sync into this file")
    return p


def _timed(what: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    done = what()
    return time.perf_counter() - started, done


def _fill(store: Any, briefs: int, notes: int, seed: int) -> None:
    """Every brief in one import, every note in one batch (one write per file), none
    signed yet: Ana's first sync signs them, as it does a store's notes from before."""
    made = synth.make_briefs(briefs, seed)
    store.import_briefs(made)
    rng = random.Random(seed + 1)
    store.add_notes(
        (rng.choice(made).id, " ".join(synth._sentence(rng) for _ in range(rng.randint(1, 3))))
        for _ in range(notes)
    )


def _du(path: Path) -> str:
    done = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=False)
    return done.stdout.split()[0] if done.returncode == 0 else "?"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from store import Store
    from store.sync import sync

    os.environ.setdefault("GIT_CONFIG_NOSYSTEM", "1")
    work = args.work or Path(tempfile.mkdtemp(prefix="briefing-sync-"))
    remote = work / "desk.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    stores = [Store(work / n.lower(), seed=False) for n in NAMES]
    filled, _ = _timed(lambda: _fill(stores[0], args.briefs, args.notes, args.seed))
    print(f"{args.briefs:,} briefs, {args.notes:,} notes into Ana's store: {filled:.1f} s")
    rows: list[tuple[str, float, str]] = []
    for store, name in zip(stores, NAMES, strict=True):
        if name == "Ana" and args.profile:
            import cProfile

            with cProfile.Profile() as prof:
                took, report = _timed(lambda s=store, n=name: sync(s, remote=str(remote), name=n))
            prof.dump_stats(args.profile)
        else:
            took, report = _timed(lambda s=store, n=name: sync(s, remote=str(remote), name=n))
        what = f"{report.exported:,} files out, {report.applied:,} in"
        rows.append((f"first sync, {name}", took, what))
        print(f"{rows[-1][0]:<32} {took:8.2f} s   {what}", flush=True)
    for round_ in (1, 2):
        for store, name in zip(stores, NAMES, strict=True):
            if round_ == 1:
                brief_id = store.rows()[0].id
                for i in range(args.few):
                    store.add_note(brief_id, f"{name}'s note {i}")
            took, report = _timed(lambda s=store: sync(s))
            what = f"{report.exported:,} files out, {report.applied:,} in"
            rows.append((f"incremental {round_}, {name}", took, what))
            print(f"{rows[-1][0]:<32} {took:8.2f} s   {what}", flush=True)
    counts = [sum(len(v) for v in s.note_texts().values()) for s in stores]
    mirror = _du(work / "ana" / "desk")
    print(f"notes on each copy: {counts}; desk {_du(remote)}, Ana's mirror {mirror}")
    print(f"work folder: {work}")
    return 0 if len(set(counts)) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
