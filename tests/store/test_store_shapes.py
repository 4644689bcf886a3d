"""Valid JSON of the wrong types is damage, named by `check` and repaired by `--repair`,
never a crash later in whatever reads the value (issue 11, finding 8)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from store import DamagedFileError, Store, StoreError
from store.folder import reader_bucket
from store.health import check, repair
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
NOTES = f"reader/{reader_bucket(XI)}"  # XI's notes and state
ELSEWHERE = "2024-08-26-canada-surtax-chinese-evs-steel-aluminum"  # in another bucket
Edit = Callable[[dict[str, Any]], None]


def _note(data: dict[str, Any]) -> dict[str, Any]:
    return next(iter(data["notes"].values()))


@pytest.mark.parametrize(
    ("file", "edit", "said"),
    [
        ("briefs.json", lambda d: d["briefs"][XI].update(date="31 Oct 2025"), "ISO date"),
        ("briefs.json", lambda d: d["briefs"][XI].update(date=["2025-10-31"]), "ISO date"),
        ("briefs.json", lambda d: d["briefs"][XI].update(title=["a"]), "title"),
        ("briefs.json", lambda d: d["briefs"][XI].update(at=10**30), "offset"),
        ("briefs.json", lambda d: d["briefs"][XI].update(len=-4), "offset"),
        ("briefs.json", lambda d: d["briefs"][XI].update(len=2**30), "offset"),  # 1 GiB read
        ("briefs.json", lambda d: d["briefs"][XI].update(title="t" * 2001), "length"),
        (NOTES, lambda d: _note(d).update(text="n" * 1_000_001), "length"),
        ("briefs.json", lambda d: d["briefs"][XI].update(sha=7), "digest"),
        ("briefs.json", lambda d: d["briefs"].update({"../x": d["briefs"][XI]}), "not a brief"),
        (NOTES, lambda d: _note(d).update(brief_id=[XI]), "brief_id"),
        (NOTES, lambda d: _note(d).update(created="yesterday"), "ISO time"),
        (NOTES, lambda d: _note(d).update(updated="2025-11-28T14:02\x1b[2J"), "ISO"),
        (NOTES, lambda d: _note(d).update(text=None), "text"),
        (NOTES, lambda d: _note(d).update(id="\x1b[2J"), "id"),
        (NOTES, lambda d: d["states"][XI].update(read="yes"), "true or false"),
        ("trash.json", lambda d: d["trash"].update({"x": {"deleted_at": "\x1b[2J"}}), "ISO"),
        # A note or state in a file its brief does not name: the reader would never find it.
        (NOTES, lambda d: _note(d).update(brief_id=ELSEWHERE), "belongs in"),
        (NOTES, lambda d: d["states"].update({ELSEWHERE: {"read": True}}), "belongs in"),
        (NOTES, lambda d: _note(d).update(author="\x1b]52;c;eA==\x07"), "author"),
        ("reader.json", lambda d: d["_meta"].update(reader={"buckets": 16}), "256 buckets"),
        ("reader.json", lambda d: d["_meta"].update(reader="../x"), "not an object"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None,
)
def test_a_file_of_the_wrong_types_is_damaged_and_repaired(
    store_dir: Path, capsys: pytest.CaptureFixture[str], file: str, edit: Edit, said: str
) -> None:
    store = Store(store_dir)
    note = store.add_note(XI, "kept")
    store.set_state(XI, read=True)
    store.delete_brief("2024-08-26-canada-surtax-chinese-evs-steel-aluminum")
    path = store_dir / file
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))
    with pytest.raises(DamagedFileError) as caught:
        Store(store_dir)
    assert caught.value.path == path and said in caught.value.reason
    assert main(["list", "--store", str(store_dir)]) == 2  # a named error, no traceback
    assert file in capsys.readouterr().err
    assert main(["check", "--store", str(store_dir)]) == 1
    assert f"{file}: DAMAGED" in capsys.readouterr().out
    assert any(f"{file}: restored from {Path(file).name}.bak" in line for line in repair(store_dir))
    assert Store(store_dir).note(note.id) == note and check(store_dir).ok


@pytest.mark.parametrize("kind", ["folder", "loop"])
def test_a_lock_that_is_no_file_is_named_and_moved_aside(
    store_dir: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    note = Store(store_dir).add_note(XI, "kept")
    lock = store_dir / ".lock"
    lock.unlink()
    if kind == "folder":
        lock.mkdir()
    else:
        lock.symlink_to(lock)
    assert main(["list", "--store", str(store_dir)]) == 2
    assert ".lock: the store lock cannot be taken" in capsys.readouterr().err
    assert main(["check", "--repair", "--store", str(store_dir)]) == 0
    assert "moved aside" in capsys.readouterr().out
    assert Store(store_dir).note(note.id) == note


def test_a_store_file_that_is_a_link_loop_is_damage(store_dir: Path) -> None:
    note = Store(store_dir).add_note(XI, "kept")
    reader = store_dir / "reader.json"
    reader.unlink()
    reader.symlink_to(reader)
    with pytest.raises(DamagedFileError, match="symbolic link"):
        Store(store_dir)
    assert not check(store_dir).ok
    repair(store_dir)
    assert Store(store_dir).note(note.id) == note


def test_a_content_log_that_is_a_folder_is_named(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = Store(store_dir).add_note(XI, "kept")
    log = store_dir / "content-000001.jsonl"
    log.unlink()
    log.mkdir()
    with pytest.raises(DamagedFileError, match="folder"):
        Store(store_dir).brief(XI)
    assert main(["export", "--store", str(store_dir)]) == 2
    assert "content-000001.jsonl: is a folder" in capsys.readouterr().err
    assert main(["check", "--store", str(store_dir)]) == 1
    assert main(["check", "--repair", "--store", str(store_dir)]) == 0
    assert Store(store_dir).note(note.id) == note


def test_an_offset_past_the_end_of_the_log_is_damaged_content(store_dir: Path) -> None:
    Store(store_dir)
    index = store_dir / "briefs.json"
    data = json.loads(index.read_text())
    data["briefs"][XI]["at"] = 2**39  # a plausible number, but far past this log's end
    index.write_text(json.dumps(data))
    reopened = Store(store_dir)
    assert dict(reopened.read_briefs())[XI] is None  # shown as damaged, not a crash
    with pytest.raises(StoreError, match="damaged"):
        reopened.brief(XI)
    health = check(store_dir)
    assert not health.ok and any(XI in f.damaged for f in health.files)


def test_content_that_is_another_brief_s_is_damaged(store_dir: Path) -> None:
    """An index entry pointing (digest and all) at another brief's content: a crafted
    store would show one brief under the other's id, notes and corrections."""
    Store(store_dir)
    index = store_dir / "briefs.json"
    data = json.loads(index.read_text())
    other = "2024-08-26-canada-surtax-chinese-evs-steel-aluminum"
    data["briefs"][XI].update({k: data["briefs"][other][k] for k in ("at", "len", "sha")})
    index.write_text(json.dumps(data))
    reopened = Store(store_dir)
    assert dict(reopened.read_briefs())[XI] is None
    with pytest.raises(DamagedFileError, match="another brief"):
        reopened.brief(XI)
    health = check(store_dir)
    assert any(f.damaged == (XI,) for f in health.files)
    repair(store_dir)
    assert Store(store_dir).brief(other) is not None and check(store_dir).ok
