"""The reader's name on every note a desk shares: written by the reader (a, ctrl+s) and by
`briefing note add`, carried to the other copies by sync, and shown beside each note in
the notes pane and in `briefing note list` — as plain text, whatever the name holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store
from tests.store.test_sync import bare_repo, git_alone  # noqa: F401 (a fixture)
from tests.tui.helpers import new_app, screen_text, settle
from tui.cli import main

BEN = "[bold]Ben[/bold]"  # markup in a name is shown as typed


def connect(tmp_path: Path) -> tuple[Path, Path]:
    remote = str(bare_repo(tmp_path))
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["sync", "--store", str(a), "--remote", remote, "--as", "Ana Lopez"]) == 0
    assert main(["sync", "--store", str(b), "--remote", remote, "--as", BEN]) == 0
    return a, b


def notes_pane(app: object) -> str:
    lines = screen_text(app).splitlines()  # type: ignore[arg-type]
    start = next(i for i, line in enumerate(lines) if "Notes (" in line)
    return "\n".join(lines[start:])


async def test_the_author_is_shown_beside_each_note_on_both_copies(tmp_path: Path) -> None:
    a, b = connect(tmp_path)
    app = new_app(Store(a))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"canola first", "ctrl+s", "escape")
        await settle(pilot)
        assert "· Ana Lopez" in notes_pane(app) and "Ana Lopez ·" not in notes_pane(app)
        await pilot.press("S")  # sync from the reader
        await settle(pilot)
        assert "desk: synced" in str(app.reader.brief_list.border_subtitle)
    (note,) = Store(a).notes(Store(a).rows()[0].id)
    assert note.author == "Ana Lopez"

    assert main(["sync", "--store", str(b)]) == 0
    app = new_app(Store(b))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"pork next", "ctrl+s", "escape")
        await settle(pilot)
        shown = notes_pane(app)
        assert "· Ana Lopez" in shown  # Ana's note, come through the desk
        assert f"· {BEN}" in shown  # Ben's own, the brackets as typed, not bold
        await pilot.press("S")
        await settle(pilot)
    assert main(["sync", "--store", str(a)]) == 0
    found = {n.text: n.author for n in Store(a).notes(Store(a).rows()[0].id)}
    assert found == {"canola first": "Ana Lopez", "pork next": BEN}


def test_note_add_and_list_from_the_shell_carry_the_author(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = connect(tmp_path)
    brief_id = Store(a).rows()[0].id
    assert main(["note", "add", "--store", str(a), brief_id, "from Ana"]) == 0
    assert main(["note", "add", "--store", str(b), brief_id, "from Ben"]) == 0
    for store in (a, b, a):
        assert main(["sync", "--store", str(store)]) == 0
    capsys.readouterr()
    for store in (a, b):
        assert main(["note", "list", "--store", str(store), brief_id]) == 0
        out = capsys.readouterr().out
        assert "  by Ana Lopez  from Ana" in out and f"  by {BEN}  from Ben" in out
        assert main(["note", "list", "--store", str(store), brief_id, "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert {n["text"]: n["author"] for n in listed} == {
            "from Ana": "Ana Lopez",
            "from Ben": BEN,
        }
    # An edit keeps the note its author's, whoever edits it.
    note_id = next(n.id for n in Store(b).notes(brief_id) if n.text == "from Ana")
    assert main(["note", "edit", "--store", str(b), note_id, "from Ana, edited by Ben"]) == 0
    assert Store(b).note(note_id).author == "Ana Lopez"  # type: ignore[union-attr]


def test_a_store_with_no_desk_writes_notes_with_no_author(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief_id = Store(store_dir).rows()[0].id
    assert main(["note", "add", "--store", str(store_dir), brief_id, "alone"]) == 0
    (note,) = Store(store_dir).notes(brief_id)
    assert note.author is None
    assert not (store_dir / "desk").exists()  # and no git ran to find out
    capsys.readouterr()
    main(["note", "list", "--store", str(store_dir), brief_id])
    assert " by " not in capsys.readouterr().out


async def test_a_note_edited_on_two_copies_shows_both_texts_one_marked(tmp_path: Path) -> None:
    from store.sync import layout

    a, b = connect(tmp_path)
    brief_id = Store(a).rows()[0].id
    note = Store(a).add_note(brief_id, "first text", author="Ana Lopez")
    for store in (a, b):
        assert main(["sync", "--store", str(store)]) == 0
    assert main(["note", "edit", "--store", str(a), note.id, "Ana's text"]) == 0
    assert main(["note", "edit", "--store", str(b), note.id, "Ben's text"]) == 0
    for store in (a, b, a):
        assert main(["sync", "--store", str(store)]) == 0
    app = new_app(Store(a))
    async with app.run_test(size=(200, 40)) as pilot:  # wide: each note's head on one line
        await settle(pilot)
        shown = notes_pane(app)
    assert "Ana's text" in shown and "Ben's text" in shown
    assert shown.count("kept beside a later edit") == 1
    (beside,) = [n for n in Store(a).notes(brief_id) if n.id != note.id]
    assert notes_pane_mark(beside.id) == note.id
    assert notes_pane_mark(layout.beside_id("n-long-" + "x" * 70, b"text")) == "n-long-" + "x" * 64
    assert notes_pane_mark(note.id) is None and notes_pane_mark("n-1234567") is None


def notes_pane_mark(note_id: str) -> str | None:
    from tui.widgets.notes_pane import kept_beside

    return kept_beside(note_id)


def test_an_export_imported_again_keeps_each_notes_author(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = connect(tmp_path)
    brief_id = Store(a).rows()[0].id
    assert main(["note", "add", "--store", str(a), brief_id, "from Ana"]) == 0
    Store(a).add_note(brief_id, "from Ben", author=BEN)
    out = tmp_path / "export.json"
    assert main(["export", "--store", str(a), "--out", str(out)]) == 0
    fresh = tmp_path / "fresh"
    assert main(["import", "--store", str(fresh), str(out)]) == 0
    found = {n.text: n.author for n in Store(fresh).notes(brief_id)}
    assert found == {"from Ana": "Ana Lopez", "from Ben": BEN}
    assert main(["import", "--store", str(fresh), str(out)]) == 0  # twice: nothing new
    assert len(Store(fresh).notes(brief_id)) == 2
