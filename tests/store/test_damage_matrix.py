"""Every store file, every kind of damage: each ends in a named error or a repair, never a
traceback, never a lost note, never a write outside the store (issue 11)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefs import Brief
from store import Store
from store.corrections import bucket_name
from store.folder import reader_bucket
from tests.conftest import TickingClock
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
GONE = "2024-08-26-canada-surtax-chinese-evs-steel-aluminum"
BUCKET = f"corrections/{bucket_name(XI)}"
NOTES = f"reader/{reader_bucket(XI)}"  # XI's notes and state
OWNER = "e0000000000000001"
DRAFT = f"drafts/{OWNER}.json"
SECRET = "the user's own file\n"
RECENT = "briefs-recent.json"  # the latest import's index records (store/index.py)
ADDED = "2025-11-05-added-later"


def _json(path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def _first_note(data: dict[str, Any]) -> dict[str, Any]:
    return next(iter(data["notes"].values()))


# Per file: valid JSON of a wrong type, and a hostile name inside it.
WRONG_TYPE: dict[str, Callable[[dict[str, Any]], None]] = {
    "briefs.json": lambda d: d["briefs"][XI].update(date=20251031),
    RECENT: lambda d: d["briefs"][ADDED].update(len="many"),
    "reader.json": lambda d: d["views"]["canola"].update(query=["canola"]),
    NOTES: lambda d: _first_note(d).update(brief_id=[XI]),
    "trash.json": lambda d: d["trash"][GONE].update(deleted_at=3),
    BUCKET: lambda d: d["corrections"][XI].update(entries=[]),
    DRAFT: lambda d: d.update(text=["typed"]),
}
HOSTILE: dict[str, Callable[[dict[str, Any]], None]] = {
    "briefs.json": lambda d: d["_meta"]["content"].update(log="../outside"),
    RECENT: lambda d: d["briefs"].update({"../../etc": d["briefs"][ADDED]}),
    "reader.json": lambda d: d["_meta"].update(reader={"buckets": "../../etc"}),
    NOTES: lambda d: d["notes"].update({"../../etc": _first_note(d)}),
    "trash.json": lambda d: d["trash"].update({"\x1b]52;c;eA==\x07": d["trash"][GONE]}),
    BUCKET: lambda d: d["corrections"].update({"../x": d["corrections"][XI]}),
    DRAFT: lambda d: d.update(brief_id="../../x", note_id="\x1b[2J"),
}
FILES = [
    "briefs.json",
    RECENT,
    "reader.json",
    "trash.json",
    BUCKET,
    NOTES,
    "content-000001.jsonl",
    ".lock",
    ".briefing-store",
    "briefs.json.bak",
    f"{RECENT}.bak",
    "reader.json.bak",
    f"{NOTES}.bak",
    DRAFT,
]
FOLDERS = ["corrections", "drafts", "reader"]
# Damage to these is never quiet: `check` names it.
DATA = [*FILES[:7], *FOLDERS]
DAMAGES = ["missing", "truncated", "wrong-type", "link-out", "link-loop", "folder", "hostile"]
FOLDER_DAMAGES = ["link-out", "link-loop", "file"]


def _applies(file: str, kind: str) -> bool:
    """Whether the damage means anything for the file: a lock's content is never read, a
    log and the marker hold no names or types beyond their bytes."""
    key = file.removesuffix(".bak")
    if kind == "hostile":
        return key in HOSTILE
    if kind == "wrong-type":
        return key in WRONG_TYPE or file.endswith(".jsonl")
    return not (kind == "truncated" and file == ".lock")


CASES = [(f, k) for f in FILES for k in DAMAGES if _applies(f, k)]
CASES += [(f, k) for f in FOLDERS for k in FOLDER_DAMAGES]


def _damage(path: Path, kind: str, outside: Path) -> None:
    key = f"{path.parent.name}/{path.name}" if path.parent.name in FOLDERS else path.name
    key = key.removesuffix(".bak")
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
        if kind == "file":
            path.write_text("a file where a folder belongs\n")
        else:
            path.symlink_to(outside.parent if kind == "link-out" else path)
    elif kind == "wrong-type" and path.suffix == ".jsonl":
        path.write_text("[1]\n" * 40)
    elif kind in ("wrong-type", "hostile"):
        _json(path, (WRONG_TYPE if kind == "wrong-type" else HOSTILE)[key])
    elif kind == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        path.unlink()
        if kind == "link-out":
            path.symlink_to(outside)
        elif kind == "link-loop":
            path.symlink_to(path)
        elif kind == "folder":
            path.mkdir()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("template") / "store"
    store = Store(root, clock=TickingClock())
    store.import_briefs([Brief(id=ADDED, title="Added later", date="2025-11-05", summary="New.")])
    ids = [store.add_note(XI, text).id for text in ("first", "second")]
    store.correct(XI, {"title": "Corrected"})
    store.correct(XI, {"title": "Corrected again"})
    store.delete_brief(GONE)
    store.save_draft(XI, None, "typed, not yet saved", owner=OWNER)
    store.save_view("canola", "canola")
    store.set_state(XI, read=True)
    return root, ids


@pytest.mark.parametrize(("file", "kind"), CASES, ids=[f"{f}-{k}" for f, k in CASES])
def test_damage_ends_in_a_named_error_or_a_repair(
    template: tuple[Path, list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    kind: str,
) -> None:
    root, note_ids = template
    store_dir = tmp_path / "store"
    shutil.copytree(root, store_dir, symlinks=True)
    (tmp_path / "elsewhere").mkdir()
    outside = tmp_path / "elsewhere" / "outside"
    outside.write_text(SECRET)
    _damage(store_dir / file, kind, outside)
    flag = ["--store", str(store_dir)]

    for command in (["list"], ["check"]):
        code = main([*command, *flag])
        err = capsys.readouterr().err
        assert code in (0, 1, 2), err
        if code == 2:  # a named error: the file, or the folder it is in
            assert Path(file).name in err or Path(file).parent.name in err, err
        elif command == ["check"] and file in DATA:
            assert code == 1, "damage to a data file passed `check`"
    assert main(["check", "--repair", *flag]) == 0, capsys.readouterr().out
    assert main(["check", *flag]) == 0
    assert main(["list", *flag]) == 0, capsys.readouterr().err
    store = Store(store_dir)
    if file != "reader":  # (that damage takes the folder with every note and backup in it)
        assert all(store.note(note_id) is not None for note_id in note_ids)  # never a lost note
    # Nothing written outside: the file a link pointed at, and the folder it is in.
    assert outside.read_text() == SECRET and outside.is_file()
    assert [p.name for p in outside.parent.iterdir()] == ["outside"]
