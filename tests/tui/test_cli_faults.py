"""The command line where things go wrong or come back: export → import round trips,
hostile exports, read-only stores, an empty $BRIEFING_STORE, a brief without notes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from tests.conftest import TickingClock
from tests.store.test_read_only import make_read_only, snapshot
from tests.tui.helpers import reader_files
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"
GOOD = {"title": "EU and US agree steel truce", "date": "2025-11-20", "summary": "A truce."}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def exported(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Store, Path]:
    store = Store(store_dir, clock=TickingClock())
    store.add_note(XI, "Ask the desk about canola")
    store.add_note(CANOLA, "Deposit rate?")
    store.set_state(XI, read=True, starred=True)
    path = tmp_path / "export.json"
    assert run(capsys, "export", "--store", str(store_dir), "--out", str(path))[0] == 0
    return store, path


def test_export_then_import_restores_notes_and_states(
    tmp_path: Path, exported: tuple[Store, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source, path = exported
    other = tmp_path / "other"
    code, out, err = run(capsys, "import", "--store", str(other), str(path))
    assert (code, err) == (0, "")
    assert out == (
        "added 0, updated 0, unchanged 7, failed 0; "
        "notes: 2 restored, 0 already there, 0 kept beside a different text; "
        "states: 1 restored, 6 unchanged\n"
    )
    target = Store(other)
    for brief_id in (XI, CANOLA):
        assert target.notes(brief_id) == source.notes(brief_id)
        assert target.state(brief_id) == source.state(brief_id)
    # The same export again: nothing is added twice.
    before = reader_files(target.root)
    code, out, _ = run(capsys, "import", "--store", str(other), str(path))
    assert code == 0 and out.endswith(
        "notes: 0 restored, 2 already there, 0 kept beside a different text; "
        "states: 0 restored, 7 unchanged\n"
    )
    assert reader_files(target.root) == before


def test_a_note_changed_since_the_export_keeps_both_texts(
    exported: tuple[Store, Path], store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, path = exported
    (note,) = source.notes(XI)
    source.update_note(note.id, "Ask the desk about canola and pork")
    code, out, _ = run(capsys, "import", "--store", str(store_dir), str(path))
    assert code == 0
    assert "notes: 0 restored, 1 already there, 1 kept beside a different text" in out
    texts = sorted(n.text for n in Store(store_dir).notes(XI))
    assert texts == ["Ask the desk about canola", "Ask the desk about canola and pork"]


def test_a_hostile_export_is_named_and_changes_nothing(
    tmp_path: Path,
    exported: tuple[Store, Path],
    store_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, path = exported
    records = json.loads(path.read_text())
    records[0]["title"] = "Changed, but the file fails"
    records[0]["notes"].append({"id": "../x", "text": 5, "created": "soon"})
    records[1]["starred"] = "yes"
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "bad.json"
    bad.write_text(json.dumps(records))
    (folder / "good.json").write_text(json.dumps(GOOD))
    before = reader_files(source.root)
    code, out, err = run(capsys, "import", "--store", str(store_dir), str(folder))
    assert code == 1
    assert err.splitlines() == [
        f"{bad}: [0].notes[1].id: '../x' must match [a-z0-9][a-z0-9-]{{0,79}}",
        f"{bad}: [0].notes[1].text: must be a string, not int",
        f"{bad}: [0].notes[1].created: 'soon' is not an ISO datetime",
        f"{bad}: [1].starred: must be true or false, not str",
    ]
    assert out == "added 1, updated 0, unchanged 0, failed 1\n"
    assert reader_files(source.root) == before
    assert Store(store_dir).brief(XI).title != "Changed, but the file fails"  # type: ignore[union-attr]


def test_a_failed_write_of_reader_data_changes_nothing(
    exported: tuple[Store, Path],
    store_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, path = exported
    (note,) = source.notes(XI)
    source.update_note(note.id, "changed here, so the import has a note to write")
    before = reader_files(source.root)

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    code, _, err = run(capsys, "import", "--store", str(store_dir), str(path))
    monkeypatch.undo()
    assert code == 2 and "No space left on device" in err and "Traceback" not in err
    assert reader_files(source.root) == before


@pytest.fixture
def read_only(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    store = Store(store_dir, clock=TickingClock())
    store.add_note(XI, "kept")
    store.close()
    make_read_only(store_dir, monkeypatch)
    yield store_dir
    monkeypatch.undo()
    for path in [store_dir, *store_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def test_a_read_only_store_can_be_listed_exported_and_checked(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(read_only)
    code, out, err = run(capsys, "list", "--store", str(read_only))
    assert code == 0 and XI in out and err == ""
    code, out, err = run(capsys, "export", "--store", str(read_only), XI)
    assert code == 0 and json.loads(out)[0]["notes"][0]["text"] == "kept"
    code, out, err = run(capsys, "check", "--store", str(read_only))
    assert code == 0 and err == ""
    assert "  read-only: everything can be read, nothing can be saved\n" in out
    assert "briefs.json: ok" in out
    assert snapshot(read_only) == before


@pytest.mark.parametrize(
    "args",
    [
        ["note", "add", "--store", "{store}", XI, "x"],
        ["import", "--store", "{store}", "{brief}"],
        ["check", "--repair", "--store", "{store}"],
    ],
    ids=["note add", "import", "check --repair"],
)
def test_writing_to_a_read_only_store_is_a_one_line_error(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    brief = tmp_path / "b.json"
    brief.write_text(json.dumps(GOOD))
    before = snapshot(read_only)
    argv = [a.format(store=read_only, brief=brief) for a in args]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err == f"briefing: {read_only} is read-only: nothing can be saved\n"
    assert snapshot(read_only) == before


def test_an_empty_briefing_store_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_STORE", "")
    code, out, err = run(capsys, "list")
    assert (code, out) == (2, "")
    assert err == "briefing: $BRIEFING_STORE: the path is empty\n"


def test_note_list_says_when_there_are_none(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "note", "list", "--store", str(store_dir), XI)
    assert (code, out, err) == (0, f"no notes on {XI}\n", "")
    code, out, _ = run(capsys, "note", "list", "--json", "--store", str(store_dir), XI)
    assert (code, out) == (0, "[]\n")
