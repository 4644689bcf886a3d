"""Strings read from store files are data too: ids, times and file names from a crafted
store never reach the terminal raw, on the command line or in the reader.

Two ways in for each: the store's own answer patched to carry the hostile string (so the
output path is tested whatever the store decides about such a file), and a crafted file on
disk (whatever the store makes of it — shown, or reported damaged — nothing raw gets out).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from briefs import Note
from store import Store
from tests.tui.helpers import new_app, screen_text
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
CLEAR = "\x1b[2J"
OSC52 = "\x1b]52;c;aGk=\x07"
# What no output may carry: ESC, CSI, BEL, bidi override/mark, zero-width, line separator.
FORBIDDEN = ("\x1b", "\x9b", "\x07", "\u202e", "\u200f", "\u200b", "\u2028")
HOSTILE_ID = f"n1{OSC52}\u202e"
HOSTILE_TIME = f"2025-11-28T{CLEAR}\u200f\u2028:00+00:00"


def inert(text: str) -> bool:
    return not any(c in text for c in FORBIDDEN)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


def hostile_note(brief_id: str) -> Note:
    return Note(
        id=HOSTILE_ID, brief_id=brief_id, text="plain", created=HOSTILE_TIME, updated=HOSTILE_TIME
    )


def test_note_list_shows_note_ids_and_times_inertly(
    store_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir)
    monkeypatch.setattr(Store, "notes", lambda self, brief_id: [hostile_note(brief_id)])
    code, shown = run(capsys, "note", "list", "--store", str(store_dir), XI)
    assert code == 0 and inert(shown)
    assert "n1␛]52;c;aGk=␇" in shown and "␛[2J" in shown
    code, shown = run(capsys, "note", "list", "--json", "--store", str(store_dir), XI)
    assert code == 0 and inert(shown)


def test_list_and_trash_show_ids_and_dates_inertly(
    store_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(store_dir)
    real_rows = store.rows()
    store.delete_brief(XI)
    real_trash = store.trash()

    def rows(self: Store) -> list[object]:
        return [dataclasses.replace(r, id=f"x{CLEAR}", date=HOSTILE_TIME) for r in real_rows]

    def trash(self: Store) -> list[object]:
        return [
            dataclasses.replace(e, id=f"y{OSC52}", date=HOSTILE_TIME, deleted_at=HOSTILE_TIME)
            for e in real_trash
        ]

    monkeypatch.setattr(Store, "rows", rows)
    monkeypatch.setattr(Store, "trash", trash)
    for args in (["list"], ["list", "--json"], ["trash"], ["trash", "--json"]):
        code, shown = run(capsys, *args, "--store", str(store_dir))
        assert code == 0 and inert(shown), args
    code, shown = run(capsys, "list", "--store", str(store_dir))
    assert "x␛[2J" in shown


def _craft_reader_file(store_dir: Path) -> None:
    """A crafted note put into the reader bucket that holds the brief's real note."""
    (path,) = [p for p in (store_dir / "reader").glob("*.json") if "real note" in p.read_text()]
    data = json.loads(path.read_text())
    doc = {**hostile_note(XI).to_dict(), "brief_id": XI}
    data["notes"] = {HOSTILE_ID: doc}
    path.write_text(json.dumps(data))


def test_crafted_reader_file_reaches_no_terminal_raw(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir).add_note(XI, "real note")
    _craft_reader_file(store_dir)
    for args in (["note", "list"], ["list"], ["check"]):
        extra = [XI] if args[0] == "note" else []
        _, shown = run(capsys, *args, "--store", str(store_dir), *extra)
        assert inert(shown), args


def test_crafted_index_reaches_no_terminal_raw(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir)
    path = store_dir / "briefs.json"
    data = json.loads(path.read_text())
    entry = data["briefs"].pop(XI)
    data["briefs"][f"z{CLEAR}\u202e"] = {**entry, "date": HOSTILE_TIME}
    data["_meta"]["content"]["log"] = f"content-{OSC52}\u200b.jsonl"
    path.write_text(json.dumps(data))
    for args in (["list"], ["check"], ["export", "--format", "markdown"]):
        _, shown = run(capsys, *args, "--store", str(store_dir))
        assert inert(shown), args


async def test_notes_pane_shows_crafted_ids_and_times_inertly(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_note(store.row_ids()[0], "A note, so the brief's row counts one: notes are read")
    monkeypatch.setattr(Store, "notes", lambda self, brief_id: [hostile_note(brief_id)])
    async with new_app(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert pilot.app.is_running
        assert "Notes (1)" in text
        assert "␛[2J" in text and inert(text)
