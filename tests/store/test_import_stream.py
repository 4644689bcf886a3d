"""Importing files as streams (issue 14): many files, one fsync and one index write; a file
that turns out bad while it is read leaves nothing behind, not even bytes in the log; an
export too large to parse at once (the whole store) imports back, notes and all."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import briefs.files
from briefs import BriefFileError, brief_from_dict, stream
from briefs.files import brief_files, stream_files
from briefs.model import Brief, ReaderData
from store import Store, StoreError, content_log
from tests.conftest import TickingClock
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"


def brief(k: int, **more: Any) -> Brief:
    data = {"id": f"b-{k}", "title": f"Story {k}", "date": "2025-01-02", "summary": f"S {k}."}
    return brief_from_dict({**data, **more})


def log_size(store: Store) -> int:
    return sum(p.stat().st_size for p in store.root.glob("content-*.jsonl"))


def failing_after(records: list[Brief], reason: str) -> Iterator[tuple[Brief, None]]:
    for item in records:
        yield item, None
    raise BriefFileError(f"big.json: {reason}")


def test_a_file_that_fails_while_read_leaves_nothing_not_even_log_bytes(store: Store) -> None:
    before_log, before_ids = log_size(store), {r.id for r in store.rows()}
    good = [(brief(1), None)]
    later = [(brief(4), None)]
    taken = store.import_files(
        [good, failing_after([brief(2), brief(3)], "[2].title: is required"), later]
    )
    assert taken.failures == ["big.json: [2].title: is required"]
    assert taken.counts.added == 2
    assert {r.id for r in store.rows()} == before_ids | {"b-1", "b-4"}
    # Exactly the two good briefs' lines were added: the bad file's appends were cut off.
    lines = [json.dumps(b.to_dict(), separators=(",", ":")) for b in (brief(1), brief(4))]
    assert log_size(store) - before_log == sum(len(line.encode()) + 1 for line in lines)


def test_a_bad_file_does_not_count_its_duplicates_or_renames(store: Store) -> None:
    taken = store.import_files([failing_after([brief(1), brief(1)], "no"), [(brief(1), None)]])
    assert taken.counts.duplicates == () and taken.counts.added == 1


def test_the_last_of_a_brief_given_twice_is_kept_even_when_it_is_the_stored_one(
    store: Store,
) -> None:
    store.import_briefs([brief(1)])
    counts = store.import_briefs([brief(1, summary="changed"), brief(1)])
    assert counts.duplicates == ("b-1",)
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 1)
    assert store.brief("b-1").summary == "S 1."  # type: ignore[union-attr]


def test_a_store_error_midway_cuts_the_log_back_and_changes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.importing as importing

    before, rows = log_size(store), store.rows()
    real, calls = importing._payload, []

    def third_fails(item: Brief) -> bytes:
        calls.append(item.id)
        if len(calls) == 3:
            raise StoreError("cannot be stored")
        return real(item)

    monkeypatch.setattr(importing, "_payload", third_fails)
    monkeypatch.setattr(content_log.Appender, "BUFFER", 1)  # written at once, then cut
    with pytest.raises(StoreError):
        store.import_briefs([brief(1), brief(2), brief(3)])
    assert log_size(store) == before
    assert store.rows() == rows


def test_many_files_take_one_index_write(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(30):
        (folder / f"{k:02d}.json").write_text(json.dumps(brief(k).to_dict()))
    writes = []
    storage = type(store._briefs_db.storage)
    real = storage.write
    monkeypatch.setattr(storage, "write", lambda self, data: (writes.append(1), real(self, data)))
    taken = store.import_files(f.records for f in stream_files(brief_files([folder])))
    assert taken.counts.added == 30 and taken.failures == []
    assert len(writes) == 1


def test_the_export_of_a_store_too_large_to_parse_whole_imports_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Store(tmp_path / "source", clock=TickingClock())
    source.import_briefs([brief(k) for k in range(60)])
    source.add_note(XI, "Ask the desk about canola")
    source.add_note("b-7", "second look")
    source.set_state("b-3", starred=True)
    out = tmp_path / "all.json"
    assert main(["export", "--store", str(source.root), "--out", str(out)]) == 0
    expected = source.export_records()
    # Every export this size is read as a stream; the store's own cap is far above it.
    monkeypatch.setattr(briefs.files, "MAX_FILE_BYTES", 2048)
    monkeypatch.setattr(stream, "CHUNK", 1000)
    assert out.stat().st_size > 20 * 2048
    target = tmp_path / "target"
    assert main(["import", "--store", str(target), str(out)]) == 0
    assert "notes: 2 restored" in capsys.readouterr().out
    back = Store(target)
    assert back.export_records() == expected
    assert main(["import", "--store", str(target), str(out)]) == 0  # again: nothing changes
    assert "added 0, updated 0, unchanged 67" in capsys.readouterr().out


def test_an_export_with_a_bad_record_imports_nothing_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [brief(k).to_dict() for k in range(40)]
    records[33]["tariffs"] = [{"imposed_by": "Canada", "status": "maybe"}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records, indent=2))
    monkeypatch.setattr(briefs.files, "MAX_FILE_BYTES", 1024)
    target = Store(tmp_path / "target")
    before = log_size(target), target.rows()
    assert main(["import", "--store", str(target.root), str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: [33].tariffs[0].status: 'maybe' is not one of" in err
    again = Store(target.root)
    assert (log_size(again), again.rows()) == before


def test_reader_data_of_a_bad_file_is_not_restored(store: Store) -> None:
    from briefs.model import Note

    note = Note("n1", "b-1", "t", "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00")
    data = ReaderData("b-1", (note,), starred=True)

    def records() -> Iterator[tuple[Brief, ReaderData | None]]:
        yield brief(1), data
        raise BriefFileError("x.json: cut short")

    taken = store.import_files([records()])
    assert taken.reader == [] and taken.failures == ["x.json: cut short"]


def test_a_file_that_fails_alone_leaves_no_log_open(store: Store) -> None:
    fds = len(os.listdir("/proc/self/fd"))
    taken = store.import_files([failing_after([brief(1), brief(2)], "cut short")])
    assert taken.failures == ["big.json: cut short"] and taken.counts.added == 0
    assert len(os.listdir("/proc/self/fd")) == fds


def test_an_exports_notes_on_a_brief_in_the_trash_are_kept_for_it(store: Store) -> None:
    from briefs.model import Note

    store.import_briefs([brief(1)])
    store.delete_brief("b-1")
    note = Note("n1", "b-1", "t", "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00")
    taken = store.import_files([[(brief(1), ReaderData("b-1", (note,)))]])
    assert taken.counts.skipped_deleted == 1
    assert [data.brief_id for data in taken.reader] == ["b-1"]


def test_a_kill_during_a_streamed_import_leaves_the_store_as_it_was_or_all_of_it(
    tmp_path: Path,
) -> None:
    # An export over the whole-file cap, so `briefing import` streams it; each round
    # changes one summary so every import has content to append and an index to write.
    import random
    import signal
    import subprocess
    import sys

    body = "Tariff talks went on. " * (7 * 2**20 // 22)
    records = [{**brief(k).to_dict(), "body": body} for k in range(10)]
    path = tmp_path / "export.json"
    store_dir = tmp_path / "store"
    note = Store(store_dir).add_note(XI, "must survive")
    root = Path(__file__).resolve().parents[2]
    rng = random.Random(14)
    for round_ in range(6):
        records[round_]["summary"] = f"changed in round {round_}"
        path.write_text(json.dumps(records, indent=2))
        assert path.stat().st_size > stream.MAX_FILE_BYTES
        writer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.fixtures.writers",
                "imports",
                str(store_dir),
                str(path),
                "0",
            ],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            writer.wait(timeout=rng.uniform(0.3, 3.0))
        except subprocess.TimeoutExpired:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        reopened = Store(store_dir)
        assert reopened.note(note.id) == note
        assert reopened.count() in (7, 17)  # the export went in whole or not at all
        assert all(item is not None for _, item in reopened.read_briefs())
        reopened.close()
