"""The reader's corrections in the store: every view shows them, imports keep them, the
history and undo, two processes, SIGKILL mid-save, speed of reading them."""

from __future__ import annotations

import dataclasses
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefs.corrections import CorrectionError
from briefs.reading import read_records_file
from store import DamagedFileError, Store, StoreError
from store.corrections import bucket_name
from store.health import check, repair
from tests.conftest import TickingClock

ROOT = Path(__file__).parents[2]
XI = "2025-10-31-xi-carney-apec-gyeongju"


def test_correct_shows_in_every_view(store: Store) -> None:
    source = store.brief(XI)
    assert source is not None
    version = store.row(XI).version  # type: ignore[union-attr]
    brief = store.correct(
        XI, {"title": "Corrected title", "actors.2.role": "PM", "tariffs.1.rate": "25%"}
    )
    assert brief.title == "Corrected title" and brief.actors[1].role == "PM"
    assert store.brief(XI) == brief
    assert store.source_brief(XI) == source
    assert dict(store.read_briefs([XI]))[XI] == brief
    assert brief in store.all_briefs()
    row = store.row(XI)
    assert row is not None and row.title == "Corrected title" and row.corrected
    assert row.version != version  # the catalog re-reads the brief
    assert next(r for r in store.rows() if r.id == XI).title == "Corrected title"
    record = next(r for r in store.export_records([XI]))
    assert record["title"] == "Corrected title"
    assert record["corrections"]["source"]["title"] == source.title


def test_several_fields_are_all_or_none(store: Store) -> None:
    before = (store.brief(XI), store.history(XI))
    with pytest.raises(CorrectionError, match=r"tariffs\.1\.year: 'soon' is not a year"):
        store.correct(XI, {"title": "New", "tariffs.1.year": "soon"})
    with pytest.raises(CorrectionError, match="no such row"):
        store.correct(XI, {"title": "New", "tariffs.99.rate": "5%"})
    assert (store.brief(XI), store.history(XI)) == before
    assert not (store.root / "corrections").exists()


def test_a_correction_of_an_unknown_brief_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no brief with id 'nope'"):
        store.correct("nope", {"title": "x"})


def test_reimport_keeps_the_readers_value_and_marks_the_source_change(store: Store) -> None:
    source = store.source_brief(XI)
    assert source is not None
    store.correct(XI, {"title": "Mine", "tariffs.1.status": "threatened"})
    changed = dataclasses.replace(
        source,
        title="Theirs, updated",
        tariffs=(dataclasses.replace(source.tariffs[0], status="removed"), *source.tariffs[1:]),
    )
    assert store.import_briefs([changed]).updated == 1
    brief = store.brief(XI)
    assert brief is not None and brief.title == "Mine" and brief.tariffs[0].status == "threatened"
    view = store.corrections(XI)
    assert view.source_changed == {"title", "tariffs.1.status"}
    assert view.source_value("title") == "Theirs, updated"
    assert view.edited_from("title") == source.title
    # Editing again takes the new source as the one corrected: no longer marked.
    store.correct(XI, {"title": "Mine again"})
    assert store.corrections(XI).source_changed == {"tariffs.1.status"}


def test_history_and_undo(store: Store) -> None:
    original = store.brief(XI)
    store.correct(XI, {"title": "One"})
    store.correct(XI, {"title": "Two", "summary": "Short."})
    store.add_row(XI, "actors", {"name": "Jane Doe", "kind": "person"})
    store.remove_row(XI, "tariffs.1")
    store.revert(XI, "title")
    kinds = [(e.kind, e.path) for e in store.history(XI)]
    assert kinds == [
        ("edit", "title"),
        ("edit", "title"),
        ("edit", "summary"),
        ("add", "actors.10"),
        ("remove", "tariffs.1"),
        ("revert", "title"),
    ]
    first = store.history(XI)[0]
    assert (first.old, first.new) == (original.title, "One")  # type: ignore[union-attr]
    assert store.undo(XI).title == "Two"  # type: ignore[union-attr]
    assert len(store.undo(XI).tariffs) == 4  # type: ignore[union-attr]
    assert len(store.undo(XI).actors) == 9  # type: ignore[union-attr]
    brief = store.undo(XI)
    assert brief is not None and (brief.title, brief.summary) == ("One", original.summary)  # type: ignore[union-attr]
    assert store.undo(XI) == original
    assert store.undo(XI) is None  # nothing left
    assert [e.kind for e in store.history(XI)][-5:] == ["undo"] * 5
    assert store.corrections(XI).edited == frozenset()


def test_corrections_survive_reopening_and_round_trip_an_export(
    store: Store, store_dir: Path, tmp_path: Path
) -> None:
    store.correct(XI, {"tags": "trade, apec", "actors.1.affiliation": "PRC"})
    store.add_row(XI, "tariffs", {"imposed_by": "Canada", "rate": "100%", "year": 2024})
    store.remove_row(XI, "actors.3")
    expected = store.brief(XI)
    view = store.corrections(XI)
    assert Store(store_dir).brief(XI) == expected

    export = tmp_path / "export.json"
    export.write_text(json.dumps(store.export_records()))
    other = Store(tmp_path / "other", clock=TickingClock())
    records = read_records_file(export)
    other.import_briefs(records.briefs)
    counts = other.import_reader_data(records.reader)
    assert counts.corrections_restored == 1
    assert other.brief(XI) == expected
    assert other.source_brief(XI) == store.source_brief(XI)  # the source, not the corrected
    restored = other.corrections(XI)
    assert (restored.edited, restored.removed) == (view.edited, view.removed)
    assert restored.source_changed == frozenset()  # the source is the one corrected
    assert [e.path for e in other.history(XI)] == [e.path for e in store.history(XI)]
    # Twice changes nothing.
    assert other.import_reader_data(read_records_file(export).reader).corrections_present == 1
    assert other.brief(XI) == expected


def test_a_bad_corrections_object_in_an_export_is_named(tmp_path: Path) -> None:
    from briefs.reading import BriefFileError

    record = {"title": "T", "date": "2025-01-01", "summary": "S", "corrections": {"entries": 5}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(record))
    with pytest.raises(BriefFileError, match=r"corrections\.entries: must be an object"):
        read_records_file(path)


def test_two_stores_on_one_folder_keep_both_edits(store_dir: Path) -> None:
    a, b = Store(store_dir, clock=TickingClock()), Store(store_dir, clock=TickingClock())
    a.brief(XI), b.brief(XI)  # both have read the files
    a.correct(XI, {"title": "From A"})
    b.correct(XI, {"summary": "From B."})
    for store in (a, b, Store(store_dir)):
        brief = store.brief(XI)
        assert brief is not None and (brief.title, brief.summary) == ("From A", "From B.")
    a.correct(XI, {"actors.1.role": "earlier"})
    b.correct(XI, {"actors.1.role": "later"})
    assert a.brief(XI).actors[0].role == "later"  # type: ignore[union-attr]
    roles = [(e.old, e.new) for e in a.history(XI) if e.path == "actors.1.role"]
    assert roles == [("President", "earlier"), ("earlier", "later")]
    assert a.changed_elsewhere()  # b's write shows in a


def test_changed_elsewhere_notices_corrections_and_deletions(store_dir: Path) -> None:
    reader, other = Store(store_dir), Store(store_dir)
    reader.changed_elsewhere()
    other.correct(XI, {"title": "x"})
    assert reader.changed_elsewhere() and not reader.changed_elsewhere()
    reader.correct(XI, {"title": "y"})
    assert not reader.changed_elsewhere()  # our own write
    other.delete_brief(XI)
    assert reader.changed_elsewhere()


def test_check_counts_corrections_and_names_damage(store: Store, store_dir: Path) -> None:
    store.correct(XI, {"title": "x"})
    bucket = store_dir / "corrections" / bucket_name(XI)
    found = next(f for f in check(store_dir).files if f.path == bucket)
    assert found.ok and found.counts == {"corrections": 1} and found.backup_ok
    data = json.loads(bucket.read_text())
    data["corrections"][XI]["entries"]["tariffs.s0.year"] = {"value": "soon"}
    bucket.write_text(json.dumps(data))
    found = next(f for f in check(store_dir).files if f.path == bucket)
    assert not found.ok and "1 damaged correction(s)" in (found.problem or "")
    # The store still opens and shows what it can.
    assert Store(store_dir).brief(XI).title == "x"  # type: ignore[union-attr]


def test_a_damaged_bucket_is_named_and_repaired_from_its_backup(
    store: Store, store_dir: Path
) -> None:
    store.correct(XI, {"title": "kept"})
    bucket = store_dir / "corrections" / bucket_name(XI)
    bucket.write_text("{truncated")
    with pytest.raises(DamagedFileError, match="not valid JSON"):
        Store(store_dir)
    assert any(line.startswith(f"{bucket}: restored") for line in repair(store_dir))
    assert Store(store_dir).brief(XI).title == "kept"  # type: ignore[union-attr]


def test_reading_many_briefs_reads_the_corrections_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.correct(XI, {"title": "x"})
    calls = []
    real = store._book.all
    monkeypatch.setattr(store._book, "all", lambda: calls.append(1) or real())
    monkeypatch.setattr(store._book, "doc", lambda _: pytest.fail("one lookup per brief"))
    briefs = dict(store.read_briefs())
    assert briefs[XI].title == "x" and len(briefs) == 7  # type: ignore[union-attr]
    assert len(calls) == 2  # once for the rows (the order), once for the briefs


WRITER = """
import sys
from tui.cli import main
store, brief_id, tag = sys.argv[1:4]
print("ready", flush=True)  # imports done: the kill below lands among the edits
i = 0
while True:
    if main(["edit", "--store", store, brief_id, f"title={tag} {i}"]) != 0:
        sys.exit(1)
    i += 1
"""
KILLS = 30


def test_kill_during_edits_loses_no_acknowledged_edit(store_dir: Path) -> None:
    """Each `edit` prints its change once it is on disk; SIGKILL at a random moment."""
    source_title = Store(store_dir).brief(XI).title  # type: ignore[union-attr]
    rng = random.Random(20251201)
    acknowledged: list[str] = []
    for round_ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(store_dir), XI, f"r{round_}"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.25, 0.45))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        acknowledged += [line.rsplit("→ ", 1)[1] for line in out.splitlines() if "→" in line]
        store = Store(store_dir)  # always opens
        titles = [e.new for e in store.history(XI)]
        assert len(titles) == len(set(titles)), "an edit was saved twice"
        missing = set(acknowledged) - set(titles)
        assert not missing, f"round {round_}: printed but lost: {missing}"
        # The last edit on disk shows (none yet on a machine too busy to make one).
        assert store.brief(XI).title == (titles[-1] if titles else source_title)  # type: ignore[union-attr]
    assert acknowledged  # the kills landed while edits were being saved
    assert not list(store_dir.glob(".*.tmp"))
