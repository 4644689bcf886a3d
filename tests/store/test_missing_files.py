"""A missing file is damage once the store has existed: never a new, empty file, never a
reason to overwrite a backup or to reseed the library (issue 11, findings 1 and 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs import brief_from_dict
from store import DamagedFileError, Store
from store.folder import reader_bucket
from store.health import check, repair
from store.storage import Ledger, backup_path
from tests.conftest import TickingClock
from tests.fixtures.cut_short import Killed, cut_after
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
NOTES = f"reader/{reader_bucket(XI)}"  # where XI's notes and state are kept
READER_FILES = ["reader.json", NOTES]


def _noted(store_dir: Path) -> tuple[Store, list[str]]:
    store = Store(store_dir, clock=TickingClock())
    ids = [store.add_note(XI, text).id for text in ("first", "second")]
    return store, ids


@pytest.mark.parametrize("file", READER_FILES)
def test_a_missing_reader_file_is_damage_and_its_backup_is_kept(
    store_dir: Path, capsys: pytest.CaptureFixture[str], file: str
) -> None:
    _, ids = _noted(store_dir)
    reader = store_dir / file
    backup = backup_path(reader).read_bytes()
    reader.unlink()  # a sync tool, an accident, or a repair cut short
    with pytest.raises(DamagedFileError, match="missing") as caught:
        Store(store_dir)
    assert caught.value.path == reader
    assert main(["note", "add", "--store", str(store_dir), XI, "third"]) == 2
    assert main(["list", "--store", str(store_dir)]) == 2
    assert reader.name in capsys.readouterr().err
    assert backup_path(reader).read_bytes() == backup  # never overwritten
    assert not check(store_dir).ok
    assert any(f"restored from {reader.name}.bak" in line for line in repair(store_dir))
    assert sorted(n.id for n in Store(store_dir).notes(XI)) == sorted(ids)


@pytest.mark.parametrize("file", [*READER_FILES, "briefs.json"])
def test_repair_cut_short_at_any_step_leaves_the_file_or_its_backup(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, file: str
) -> None:
    _, ids = _noted(store_dir)
    path = store_dir / file
    killed = 0
    for step in range(10):
        path.write_bytes(path.read_bytes()[:10])  # damaged: truncated
        cut_after(monkeypatch, step)
        try:
            repair(store_dir)
        except Killed:
            killed += 1
        finally:
            monkeypatch.undo()
        # Whatever the step: the store does not open as new, and a repair finishes it.
        try:
            opened = Store(store_dir)
        except DamagedFileError:
            repair(store_dir)
            opened = Store(store_dir)
        assert sorted(n.id for n in opened.notes(XI)) == sorted(ids), step
        assert opened.count() == 7, step
        if killed <= step:
            break  # the repair ran to its end: every step before it was cut once
    assert killed >= 2


def test_a_missing_index_beside_its_backup_is_restored_not_reseeded(store_dir: Path) -> None:
    store, _ = _noted(store_dir)
    store.import_briefs(
        [
            brief_from_dict({"title": f"Brief {i}", "date": "2025-01-02", "summary": "s"})
            for i in range(30)
        ]
    )
    logs = sorted(p.name for p in store_dir.glob("content-*.jsonl"))
    (store_dir / "briefs.json").unlink()
    with pytest.raises(DamagedFileError, match="missing"):
        Store(store_dir)
    assert sorted(p.name for p in store_dir.glob("content-*.jsonl")) == logs  # kept
    assert not check(store_dir).ok
    repair(store_dir)
    assert Store(store_dir).count() == 37


def test_a_store_with_content_but_no_index_is_rebuilt_from_the_content(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, ids = _noted(store_dir)
    briefs = [
        brief_from_dict({"title": f"Brief {i}", "date": "2025-01-02", "summary": "s"})
        for i in range(30)
    ]
    store.import_briefs(briefs)
    store.import_briefs([brief_from_dict({**briefs[0].to_dict(), "summary": "newer"})])
    (store_dir / "briefs.json").unlink()
    backup_path(store_dir / "briefs.json").unlink()
    assert main(["list", "--store", str(store_dir)]) == 2
    err = capsys.readouterr().err
    assert "briefs.json" in err and "missing" in err and "--repair" in err
    assert main(["check", "--store", str(store_dir)]) == 1
    assert "briefs.json: DAMAGED" in capsys.readouterr().out
    assert main(["check", "--repair", "--store", str(store_dir)]) == 0
    assert "rebuilt from the content" in capsys.readouterr().out
    rebuilt = Store(store_dir)
    assert rebuilt.count() == 37  # the samples and the 30, none reseeded over them
    assert rebuilt.brief(briefs[0].id).summary == "newer"  # type: ignore[union-attr]
    assert sorted(n.id for n in rebuilt.notes(XI)) == sorted(ids)
    assert check(store_dir).ok


def test_a_rebuild_keeps_a_log_with_unreadable_lines_aside(store_dir: Path) -> None:
    _, ids = _noted(store_dir)
    log = store_dir / "content-000001.jsonl"
    with open(log, "ab") as handle:
        handle.write(b'{"id":"2025-01-01-cut-short","title":"An append cut sh')  # a kill
    (store_dir / "briefs.json").unlink()
    backup_path(store_dir / "briefs.json").unlink()
    lines = repair(store_dir)
    assert any("1 unreadable line(s) skipped" in line for line in lines), lines
    kept = [p.name for p in store_dir.iterdir() if p.name.startswith("content-000001.jsonl.")]
    assert len(kept) == 1  # the old log, whole, under a name no store reads as a log
    rebuilt = Store(store_dir)
    assert rebuilt.count() == 7 and sorted(n.id for n in rebuilt.notes(XI)) == sorted(ids)
    assert [p.name for p in store_dir.glob("content-*.jsonl")] == ["content-000002.jsonl"]


@pytest.mark.parametrize("file", READER_FILES)
def test_a_file_deleted_with_its_backup_is_named_not_started_anew(
    store_dir: Path, capsys: pytest.CaptureFixture[str], file: str
) -> None:
    _, ids = _noted(store_dir)
    reader = store_dir / file
    reader.unlink()
    backup_path(reader).unlink()  # a sync tool took both
    with pytest.raises(DamagedFileError, match="so is its backup"):
        Store(store_dir)
    assert main(["check", "--store", str(store_dir)]) == 1
    assert f"{file}: DAMAGED: is missing, and so is its backup" in capsys.readouterr().out
    assert any("going on without it" in line for line in repair(store_dir))
    left = [n.id for n in Store(store_dir).notes(XI)]
    assert check(store_dir).ok  # said, then accepted
    # Gone with the file that held them; the views file holds no note.
    assert sorted(left) == ([] if file == NOTES else sorted(ids))


@pytest.mark.parametrize("file", READER_FILES)
def test_a_file_deleted_while_the_store_is_open_is_never_written_anew(
    store_dir: Path, file: str
) -> None:
    store, _ = _noted(store_dir)
    for path in (store_dir / file, backup_path(store_dir / file)):
        path.unlink()
    with pytest.raises(DamagedFileError, match="missing"):
        store.add_note(XI, "would replace every note with this one")
        store.save_view("would replace every view", "canola")
    assert not (store_dir / file).exists()


def test_the_marker_lists_what_the_store_wrote_and_nothing_else(store_dir: Path) -> None:
    store, _ = _noted(store_dir)
    store.correct(XI, {"title": "Corrected"})
    marker = store_dir / ".briefing-store"
    lines = marker.read_text().splitlines()[1:]
    assert sorted(lines) == sorted(["briefs.json", "corrections/06.json", NOTES, "reader.json"])
    marker.unlink()  # as a store from before the marker: marked with what it holds
    Store(store_dir)
    assert sorted(marker.read_text().splitlines()[1:]) == sorted(lines)
    marker.write_text(marker.read_text() + "../../etc/passwd\n/etc/shadow\ntrash.json\n")
    assert sorted(Ledger(store_dir).names()) == sorted([*lines, "trash.json"])  # our names only
    health = check(store_dir)  # a listed file that is missing is damage; the rest is noise
    assert [f.path.name for f in health.files if not f.ok] == ["trash.json"]


def test_a_first_start_cut_short_before_its_index_opens_with_what_it_wrote(
    store_dir: Path,
) -> None:
    Store(store_dir, seed=False)  # the folder is a store, nothing in it yet
    Store(store_dir).close()
    (store_dir / "briefs.json").unlink()  # as if the samples' index write never happened
    backup_path(store_dir / "briefs.json").unlink()
    marker = store_dir / ".briefing-store"
    marker.write_text(marker.read_text().replace("briefs.json\n", ""))
    reopened = Store(store_dir)  # no error: nothing but brief content was there
    assert reopened.count() == 7
    assert check(store_dir).ok


def test_a_file_put_back_by_a_repair_is_listed_again(store_dir: Path) -> None:
    _noted(store_dir)
    marker = store_dir / ".briefing-store"
    (store_dir / "briefs.json").unlink()
    backup_path(store_dir / "briefs.json").unlink()
    repair(store_dir)  # rebuilt: written by the repair, not through the store
    marker.write_text(marker.read_text().replace("reader.json\n", ""))  # a kill's gap
    Store(store_dir)
    assert sorted(marker.read_text().splitlines()[1:]) == sorted(
        ["briefs.json", "briefs-recent.json", NOTES, "reader.json"]  # a rebuild writes both
    )
