"""Nothing is lost: kill -9 mid-write, several writers at once, damaged files, a full disk."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import DamagedFileError, Store, StoreError
from store.folder import reader_bucket
from store.health import check, repair
from tests.fixtures.format2 import format_2_store, note_docs
from tests.fixtures.full_disk import open_on_full_disk, write_then_fill
from tui.cli import main

ROOT = Path(__file__).parents[1]
XI = "2025-10-31-xi-carney-apec-gyeongju"
NOTES = f"reader/{reader_bucket(XI)}"  # XI's notes and state
KILLS = 100
AIMED_KILLS = 15  # rounds for repair and compaction: each writer loops fast, so most land


def start_writer(*args: str, ready: bool = False) -> subprocess.Popen[str]:
    """A writer process; with `ready`, returned once it has imported everything, so a
    kill timed from now lands among its writes however busy the machine is."""
    env = {**os.environ, "BRIEFING_WRITER_READY": "1"} if ready else None
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fixtures.writers", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    if ready:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process


def kill_at_random(
    process: subprocess.Popen[str], rng: random.Random, low: float = 0.15, high: float = 0.6
) -> list[str]:
    """Let the writer run for a random moment, SIGKILL it, and return what it printed."""
    time.sleep(rng.uniform(low, high))
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate()
    return out.split()


def reopen(store_dir: Path, round_: int) -> Store:
    """The store after a kill, opened as the reader opens it (checks deferred, files whose
    identity was checked before taken on trust) in even rounds and as the CLI does in odd
    ones: what a kill leaves must read the same both ways."""
    return Store(store_dir, defer_checks=round_ % 2 == 0)


def finish(store: Store) -> None:
    """The deferred checks, as the reader runs them after its first frame: they find no
    damage in what a kill left."""
    store.finish_checks()
    assert not store.checks_pending


def test_kill_during_note_writes_loses_no_acknowledged_note(store_dir: Path) -> None:
    Store(store_dir)
    rng = random.Random(20251128)
    acknowledged: list[str] = []
    for round_ in range(KILLS):
        writer = start_writer("notes", str(store_dir), XI, "0", f"r{round_}", ready=True)
        acknowledged += [w for w in kill_at_random(writer, rng) if w.startswith("n")]
        store = reopen(store_dir, round_)  # always opens
        ids = [n.id for n in store.notes(XI)]
        assert len(ids) == len(set(ids)), "a note was saved twice"
        missing = set(acknowledged) - set(ids)
        assert not missing, f"round {round_}: printed but lost: {missing}"
        finish(store)
    assert len(acknowledged) > KILLS  # the kills landed while notes were being written
    assert not list(store_dir.glob(".*.tmp"))  # leftovers were cleaned at each start


def test_kill_during_import_keeps_the_store_and_the_notes(store_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(150):
        brief = {
            "title": f"Brief {i}",
            "date": "2025-01-02",
            "summary": "s " * 200,
            "body": "word " * 600,
        }
        (folder / f"b{i}.json").write_text(json.dumps(brief))
    store = Store(store_dir)
    note = store.add_note(XI, "must survive")
    rng = random.Random(7)
    for round_ in range(KILLS):
        # Alternate the content so every import really rewrites briefs.json.
        for path in rng.sample(sorted(folder.iterdir()), 3):
            data = json.loads(path.read_text())
            data["summary"] = f"changed {rng.random()}"
            path.write_text(json.dumps(data))
        kill_at_random(start_writer("imports", str(store_dir), str(folder), "0", ready=True), rng)
        reopened = reopen(store_dir, round_)
        assert reopened.note(note.id) == note
        count = reopened.count()
        assert count in (7, 157), count  # the import went in whole or not at all
        # The index never points at content that is not all there.
        assert all(brief is not None for _, brief in reopened.read_briefs())
        finish(reopened)


def test_two_writers_at_once_lose_nothing(store_dir: Path) -> None:
    Store(store_dir)
    writers = [start_writer("notes", str(store_dir), XI, "200", tag) for tag in ("A", "B")]
    printed = []
    for writer in writers:
        out, _ = writer.communicate(timeout=300)
        assert writer.returncode == 0
        printed += out.split()
    notes = Store(store_dir).notes(XI)
    assert len(printed) == 400 and len(notes) == 400
    assert {n.id for n in notes} == set(printed)
    texts = {n.text for n in notes}
    assert {f"A {i}" for i in range(200)} <= texts and {f"B {i}" for i in range(200)} <= texts


@pytest.mark.parametrize("file", ["reader.json", NOTES])
@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "not valid JSON"),
        (lambda p: p.write_text("not json at all"), "not valid JSON"),
        (lambda p: p.write_text("[]"), "expected a JSON object"),
        (lambda p: p.write_text('{"_meta": {"format": {"version": 99}}}'), "newer briefing"),
    ],
    ids=["truncated", "not-json", "wrong-shape", "newer-format"],
)
def test_damaged_file_is_named_kept_and_repaired_from_backup(
    store_dir: Path,
    capsys: pytest.CaptureFixture[str],
    damage,
    reason: str,  # type: ignore[no-untyped-def]
    file: str,
) -> None:
    store = Store(store_dir)
    store.add_note(XI, "first")
    store.add_note(XI, "second")
    reader = store_dir / file
    damage(reader)
    damaged = reader.read_bytes()

    assert main(["list", "--store", str(store_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{reader}: " in err and reason in err and "check --repair" in err
    assert reader.read_bytes() == damaged  # never overwritten
    assert main(["note", "add", "--store", str(store_dir), XI, "third"]) == 2
    assert reader.read_bytes() == damaged

    assert main(["check", "--store", str(store_dir)]) == 1
    assert "DAMAGED" in capsys.readouterr().out
    assert main(["check", "--repair", "--store", str(store_dir)]) == 0
    out = capsys.readouterr().out
    assert f"restored from {reader.name}.bak" in out
    kept = [p for p in reader.parent.iterdir() if p.name.startswith(f"{reader.name}.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert sorted(n.text for n in Store(store_dir).notes(XI)) == ["first", "second"]


def test_check_reports_a_healthy_store(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store(store_dir).add_note(XI, "n")
    (store_dir / ".reader.json.123.tmp").write_text("left by a crash")
    assert main(["check", "--store", str(store_dir)]) == 0
    out = capsys.readouterr().out
    assert "briefs.json: ok, 7 briefs" in out and "reader.json: ok, 0 views" in out
    assert "reader: ok, 1 files, 1 notes, 0 states" in out
    assert "1 temporary file(s)" in out


def test_note_add_reads_standard_input(store_dir: Path) -> None:
    Store(store_dir)
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "note", "add", "--store", str(store_dir), XI, "-"],
        input="line one\nline two\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    note_id = result.stdout.strip()
    assert Store(store_dir).note(note_id).text == "line one\nline two\n"  # type: ignore[union-attr]


def test_full_disk_keeps_the_old_file(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(store_dir)
    store.add_note(XI, "kept")
    before = (store_dir / NOTES).read_bytes()
    monkeypatch.setattr("store.storage.open", open_on_full_disk, raising=False)
    with pytest.raises(StoreError, match="No space left on device"):
        store.add_note(XI, "too much")
    monkeypatch.undo()
    assert (store_dir / NOTES).read_bytes() == before
    assert [n.text for n in Store(store_dir).notes(XI)] == ["kept"]
    assert not list(store_dir.glob(".*.tmp")) and not list(store_dir.glob("reader/.*.tmp"))


def test_a_failed_import_on_a_full_disk_takes_back_its_partial_append(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefs import brief_from_dict

    store = Store(store_dir)
    log = store_dir / "content-000001.jsonl"
    before = log.read_bytes()
    brief = brief_from_dict({"title": "Big", "date": "2025-01-02", "summary": "s " * 5000})
    monkeypatch.setattr("store.content_log._write_all", write_then_fill)
    with pytest.raises(StoreError, match="No space left on device"):
        store.import_briefs([brief])
    monkeypatch.undo()
    assert log.read_bytes() == before  # the half line is gone, and the space it took
    assert Store(store_dir).count() == 7


def test_kill_during_repair_never_leaves_a_file_without_its_backup(store_dir: Path) -> None:
    store = Store(store_dir)
    notes = {store.add_note(XI, f"note {i}").id for i in range(3)}
    store.correct(XI, {"title": "Corrected"})
    store.delete_brief("2024-08-26-canada-surtax-chinese-evs-steel-aluminum")
    rng = random.Random(11)
    landed = 0
    for round_ in range(AIMED_KILLS):
        # The writer damages reader.json, briefs.json, trash.json and a bucket in turn,
        # and removes the index with its backup, and repairs each (restores, rebuilds),
        # so the kill falls inside one repair or another.
        writer = start_writer("repairs", str(store_dir), "-", "0", ready=True)
        printed = kill_at_random(writer, rng, 0.3, 0.8)
        landed += bool(printed)
        try:
            reopened = reopen(store_dir, round_)
            finish(reopened)  # a deferred open names the damage here, before any write
        except DamagedFileError:  # cut short between damage and repair: repair finishes
            repair(store_dir)
            reopened = reopen(store_dir, round_)
            finish(reopened)
        assert {n.id for n in reopened.notes(XI)} == notes, round_
        assert reopened.count() == 6 and len(reopened.trash()) == 1, round_
        assert reopened.brief(XI).title == "Corrected", round_  # type: ignore[union-attr]
        assert check(store_dir).ok, round_
    assert landed > AIMED_KILLS // 2  # most kills came while repairs were running


def test_kill_during_compaction_loses_nothing(store_dir: Path) -> None:
    from tests.fixtures.writers import version

    store = Store(store_dir)
    note = store.add_note(XI, "must survive")
    store.import_briefs(version(n, 0) for n in range(40))
    rng = random.Random(5)
    compacted = set()
    for round_ in range(AIMED_KILLS):
        kill_at_random(
            start_writer("compacts", str(store_dir), "40", "0", ready=True), rng, 0.3, 0.9
        )
        reopened = reopen(store_dir, round_)  # always opens
        finish(reopened)  # and keeps only the current log (at once, or after the checks)
        logs = sorted(p.name for p in store_dir.glob("content-*.jsonl"))
        assert len(logs) == 1, logs
        compacted.add(logs[0])
        assert reopened.note(note.id) == note and reopened.count() == 47
        briefs = dict(reopened.read_briefs())
        assert all(brief is not None for brief in briefs.values()), round_
        # Each import went in whole: every one of the 40 briefs is of one version.
        assert len({briefs[version(n, 0).id].summary for n in range(40)}) == 1, round_  # type: ignore[union-attr]
        assert check(store_dir).ok
    assert len(compacted) > 3  # the kills came across many compactions


def test_kill_during_a_migration_loses_no_note(store_dir: Path, tmp_path: Path) -> None:
    """A store of format 2 with 4,000 notes on 400 briefs (reader.json of 1.3 MB, some 200
    buckets to write): its first write, a `briefing note add`, killed at random."""
    from briefs import brief_from_dict

    briefs = [
        brief_from_dict({"title": f"Brief {i}", "date": "2025-01-02", "summary": "s"})
        for i in range(400)
    ]
    pristine = tmp_path / "format-2"
    held = set(format_2_store(pristine, note_docs([b.id for b in briefs], 4000), briefs)["notes"])
    rng = random.Random(14)
    midway = 0
    for round_ in range(AIMED_KILLS):
        shutil.rmtree(store_dir, ignore_errors=True)
        shutil.copytree(pristine, store_dir)
        writer = start_writer("notes", str(store_dir), XI, "1", f"r{round_}")
        acknowledged = set(kill_at_random(writer, rng, 0.25, 0.9))
        split = json.loads((store_dir / "reader.json").read_text())
        midway += bool(split.get("notes")) and (store_dir / "reader").is_dir()
        reopened = reopen(store_dir, round_)  # always opens
        seen = {n.id for row in reopened.rows() for n in reopened.notes(row.id)}
        assert held | acknowledged <= seen, round_
        assert sum(row.note_count for row in reopened.rows()) == len(seen), round_
        finish(reopened)
        assert check(store_dir).ok, round_
        reopened.add_note(XI, "completes it")  # the next write finishes the migration
        assert "notes" not in json.loads((store_dir / "reader.json").read_text()), round_
        again = Store(store_dir)
        assert held | acknowledged < {n.id for r in again.rows() for n in again.notes(r.id)}
        assert check(store_dir).ok, round_
    assert midway >= 2  # kills came inside migrations, between their first and last write
