"""A folder that is not a store is never written into, a store deletes only what it wrote,
and no name in a store file leads outside the store (issue 11, findings 3 and 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefs import brief_from_dict
from store import DamagedFileError, Store, StoreError
from store.health import check, repair
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize(
    "command",
    [["list"], ["check"], ["check", "--repair"], ["trash"], ["export"], ["note", "list", "x"]],
)
def test_an_ordinary_folder_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    for name in ("content-000001.jsonl", "content-old.jsonl", ".notes.tmp", "letter.txt"):
        (folder / name).write_text(f"the user's {name}")
    (folder / ".reader.json.12.tmp").write_text("not ours either: this is no store")
    before = _snapshot(folder)
    assert main([*command, "--store", str(folder)]) == 2
    assert "is not a briefing store" in capsys.readouterr().err
    assert _snapshot(folder) == before  # nothing deleted, nothing added (not even .lock)


def test_an_empty_folder_becomes_a_store_with_its_marker(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert check(folder).ok and list(folder.iterdir()) == []  # checking writes nothing
    assert Store(folder).count() == 7
    assert (folder / ".briefing-store").is_file()
    assert Store(folder).count() == 7


def test_a_store_from_before_the_marker_opens_and_gets_one(store_dir: Path) -> None:
    note = Store(store_dir).add_note(XI, "kept")
    (store_dir / ".briefing-store").unlink()
    (store_dir / "letter.txt").write_text("a file of the user's, beside the store")
    reopened = Store(store_dir)
    assert reopened.note(note.id) == note
    assert (store_dir / ".briefing-store").is_file()
    assert (store_dir / "letter.txt").exists()


def test_a_store_deletes_only_the_files_it_wrote(store_dir: Path) -> None:
    Store(store_dir)
    mine = {
        "content-notes.jsonl": "a user's file with a name like a log's",
        ".mine.tmp": "a user's temporary",
        ".reader.json.tmp": "not of our pattern",
    }
    for name, text in mine.items():
        (store_dir / name).write_text(text)
    (store_dir / "content-000009.jsonl").write_text("a log left by a cut-short compaction")
    (store_dir / ".reader.json.4242.tmp").write_text("left by a crashed write")
    Store(store_dir)
    for name, text in mine.items():
        assert (store_dir / name).read_text() == text
    assert not (store_dir / "content-000009.jsonl").exists()
    assert not (store_dir / ".reader.json.4242.tmp").exists()


@pytest.mark.parametrize("name", ["../outside.jsonl", "/ABSOLUTE", "content-000001.jsonl/..", ""])
def test_an_index_naming_a_path_outside_the_store_is_damage(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    store = Store(store_dir)
    note = store.add_note(XI, "kept")
    outside = tmp_path / "outside.jsonl"
    outside.write_text("echo pwned\n")
    target = str(outside) if name == "/ABSOLUTE" else name
    index = store_dir / "briefs.json"
    for path in (index, store_dir / "briefs.json.bak"):  # a crafted store: backup too
        data = json.loads(path.read_text())
        data["_meta"]["content"]["log"] = target
        path.write_text(json.dumps(data))
    with pytest.raises(DamagedFileError) as caught:
        Store(store_dir)
    assert caught.value.path == index and "content log" in caught.value.reason
    brief = tmp_path / "b.json"
    brief.write_text(json.dumps({"title": "New", "date": "2025-01-01", "summary": "s"}))
    assert main(["import", "--store", str(store_dir), str(brief)]) == 2
    assert "briefs.json" in capsys.readouterr().err
    assert outside.read_text() == "echo pwned\n"  # never appended to, never deleted
    assert not check(store_dir).ok
    assert any("rebuilt from the content" in line for line in repair(store_dir))
    repaired = Store(store_dir)
    assert repaired.count() == 7 and repaired.note(note.id) == note
    assert outside.read_text() == "echo pwned\n"


def test_a_content_log_that_is_a_link_is_never_written_through(
    store_dir: Path, tmp_path: Path
) -> None:
    Store(store_dir)
    outside = tmp_path / "bashrc"
    outside.write_text("# the user's shell\n")
    log = store_dir / "content-000001.jsonl"
    log.unlink()
    log.symlink_to(outside)
    with pytest.raises(StoreError, match="symbolic link"):
        Store(store_dir).import_briefs(
            [brief_from_dict({"title": "New", "date": "2025-01-01", "summary": "s"})]
        )
    assert outside.read_text() == "# the user's shell\n"
    assert not check(store_dir).ok


def test_a_draft_that_is_a_link_is_never_read(store_dir: Path, tmp_path: Path) -> None:
    store = Store(store_dir)
    store.save_draft(XI, None, "mine")
    outside = tmp_path / "secret.json"
    outside.write_text(json.dumps({"brief_id": XI, "text": "a file of the user's"}))
    (store_dir / "drafts" / "e0123456789abcdef.json").symlink_to(outside)
    assert [d.text for d in Store(store_dir).drafts()] == ["mine"]


def test_init_makes_a_store_beside_other_files_but_never_over_a_name_of_its_own(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "letter.txt").write_text("kept")
    with pytest.raises(StoreError, match="not a briefing store"):
        Store(folder)
    assert Store(folder, init=True).count() == 7
    assert (folder / "letter.txt").read_text() == "kept" and Store(folder).count() == 7
    other = tmp_path / "other"
    other.mkdir()
    (other / "content-000001.jsonl").write_text("a file that only looks like a log\n")
    with pytest.raises(StoreError, match=r"content-000001\.jsonl"):
        Store(other, init=True)
    assert [p.name for p in other.iterdir()] == ["content-000001.jsonl"]


def test_a_draft_with_hostile_values_keeps_its_text_and_nothing_else(store_dir: Path) -> None:
    Store(store_dir).save_draft(XI, None, "kept")
    folder = store_dir / "drafts"
    bad = {"brief_id": XI, "note_id": "\x1b[2J", "text": "typed", "saved_at": "\x1b]52;c;x\x07"}
    (folder / "e00000000000000aa.json").write_text(json.dumps(bad))
    (folder / "e00000000000000bb.json").write_text(json.dumps({**bad, "brief_id": "../x"}))
    drafts = {d.text: d for d in Store(store_dir).drafts()}
    assert sorted(drafts) == ["kept", "typed"]
    assert drafts["typed"].note_id is None and drafts["typed"].saved_at == ""


def test_two_processes_making_one_new_store_at_once_both_open_it(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / ".lock").touch()  # what the other one leaves while it writes its marker
    (folder / "..briefing-store.4242.tmp").write_text("its marker, not yet in place")
    assert Store(folder).count() == 7
