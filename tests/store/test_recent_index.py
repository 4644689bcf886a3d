"""An import writes a small recent index, laid over briefs.json, instead of rewriting the
whole index (store/index.py, issue 14): what shows is the same, a fold into briefs.json
cut short anywhere leaves the same index, and check and repair know the file."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

import store.index
import store.storage
from briefs import Brief
from store import DamagedFileError, Store
from store.health import check, repair
from store.storage import backup_path
from tests.conftest import TickingClock
from tests.fixtures.cut_short import Killed, cut_after

XI = "2025-10-31-xi-carney-apec-gyeongju"
RECENT = "briefs-recent.json"


def _brief(n: int, summary: str = "Added.") -> Brief:
    return Brief(id=f"added-{n}", title=f"Added {n}", date=f"2025-11-0{n}", summary=summary)


def _shown(root: Path) -> dict[str, tuple[str, str]]:
    opened = Store(root)
    out = {}
    for row in opened.rows():
        brief = opened.brief(row.id)
        assert brief is not None
        out[row.id] = (row.title, brief.summary)
    return out


def _index(root: Path) -> dict[str, object]:
    return json.loads((root / "briefs.json").read_text())


def test_an_import_leaves_briefs_json_as_it_was(store_dir: Path) -> None:
    Store(store_dir)
    before = (store_dir / "briefs.json").read_bytes()
    opened = Store(store_dir)
    opened.import_briefs([_brief(1)])
    assert (store_dir / "briefs.json").read_bytes() == before
    assert not opened._briefs_db.storage.parsed  # nor parsed it: its ids are known
    recent = json.loads((store_dir / RECENT).read_text())
    assert list(recent["briefs"]) == ["added-1"]
    assert _shown(store_dir)["added-1"] == ("Added 1", "Added.")
    assert Store(store_dir).count() == 8


def test_the_recent_record_is_the_one_shown(store_dir: Path) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    Store(store_dir).import_briefs([_brief(1, "Updated.")])
    xi = Store(store_dir).brief(XI)
    assert xi is not None
    Store(store_dir).import_briefs([dataclasses.replace(xi, summary="Xi, updated.")])
    shown = _shown(store_dir)
    assert shown["added-1"][1] == "Updated." and shown[XI][1] == "Xi, updated."
    assert XI in json.loads((store_dir / RECENT).read_text())["briefs"]
    assert check(store_dir).ok
    again = Store(store_dir).import_briefs([_brief(1, "Updated.")])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_a_grown_recent_index_is_folded_into_briefs_json(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.index, "RECENT_MIN", 2)
    Store(store_dir).import_briefs([_brief(1), _brief(2)])
    assert "added-1" not in _index(store_dir)["briefs"]  # type: ignore[operator]
    Store(store_dir).import_briefs([_brief(3)])
    assert {"added-1", "added-2", "added-3"} <= set(_index(store_dir)["briefs"])  # type: ignore[arg-type]
    assert json.loads((store_dir / RECENT).read_text())["briefs"] == {}
    assert len(_shown(store_dir)) == 10 and check(store_dir).ok


def test_a_fold_cut_short_at_any_step_leaves_the_same_index(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.index, "RECENT_MIN", 2)
    Store(store_dir).import_briefs([_brief(1), _brief(2)])
    before = _shown(store_dir)
    pristine = {p.relative_to(store_dir): p.read_bytes() for p in store_dir.rglob("*.json*")}
    updates = [_brief(1, "Updated."), _brief(3)]
    cut = 0
    for step in range(30):
        opened = Store(store_dir, clock=TickingClock())
        cut_after(monkeypatch, step)
        try:
            opened.import_briefs(updates)
        except Killed:
            cut += 1
        finally:
            monkeypatch.undo()
            monkeypatch.setattr(store.index, "RECENT_MIN", 2)
        shown = _shown(store_dir)
        assert shown in (before, {**before, **_after(before)}), step
        assert check(store_dir).ok, step
        if cut <= step:
            break  # the fold ran to its end
        for rel, payload in pristine.items():
            (store_dir / rel).write_bytes(payload)
    assert cut >= 4, cut  # the recent file, briefs.json, the emptied recent file, backups
    assert _shown(store_dir) == {**before, **_after(before)}


def _after(before: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {"added-1": ("Added 1", "Updated."), "added-3": ("Added 3", "Added.")}


def test_a_compaction_folds_the_recent_index(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    monkeypatch.setattr(store.index.content_log, "worth_compacting", lambda *_: True)
    Store(store_dir).import_briefs([_brief(2)])
    monkeypatch.undo()
    logs = sorted(p.name for p in store_dir.glob("content-*.jsonl"))
    assert logs == ["content-000002.jsonl"]
    recent = json.loads((store_dir / RECENT).read_text())
    assert recent["briefs"] == {} and recent["_meta"]["content"]["log"] == logs[0]
    assert len(_shown(store_dir)) == 9 and check(store_dir).ok


def test_a_recent_index_of_another_log_is_not_laid_over(store_dir: Path) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    recent = json.loads((store_dir / RECENT).read_text())
    recent["_meta"]["content"]["log"] = "content-000009.jsonl"  # as a compaction cut short
    (store_dir / RECENT).write_text(json.dumps(recent))
    backup_path(store_dir / RECENT).write_text(json.dumps(recent))
    assert "added-1" not in _shown(store_dir)
    Store(store_dir).import_briefs([_brief(2)])  # writes it anew, for this log
    assert "added-1" not in _shown(store_dir) and "added-2" in _shown(store_dir)


def test_a_format_3_index_is_marked_newer_by_the_first_import(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.storage, "FORMAT_VERSION", 3)
    Store(store_dir)
    monkeypatch.undo()
    Store(store_dir).count()  # opening and reading write nothing
    assert _index(store_dir)["_meta"]["format"] == {"version": 3}  # type: ignore[index]
    Store(store_dir).import_briefs([_brief(1)])  # folded into briefs.json, once
    assert _index(store_dir)["_meta"]["format"] == {"version": 4}  # type: ignore[index]
    assert "added-1" in _index(store_dir)["briefs"]  # type: ignore[operator]
    Store(store_dir).import_briefs([_brief(2)])
    assert "added-2" not in _index(store_dir)["briefs"]  # type: ignore[operator]
    monkeypatch.setattr(store.storage, "FORMAT_VERSION", 3)  # a briefing of format 3,
    shutil.rmtree(store_dir / "cache")  # which checks every file
    with pytest.raises(DamagedFileError, match="newer briefing"):
        Store(store_dir)


def test_check_names_a_damaged_recent_index_and_repair_restores_it(store_dir: Path) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    Store(store_dir).import_briefs([_brief(2)])
    (store_dir / RECENT).write_text('{"briefs": {"added-1": {"title": 7}}}')
    health = check(store_dir)
    assert [f.path.name for f in health.files if not f.ok] == [RECENT]
    assert any(RECENT in line for line in repair(store_dir))
    assert check(store_dir).ok and {"added-1", "added-2"} <= set(_shown(store_dir))


def test_repair_without_a_backup_rebuilds_the_index_with_every_brief(store_dir: Path) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    (store_dir / RECENT).write_text("{half a fi")
    backup_path(store_dir / RECENT).unlink()
    assert not check(store_dir).ok
    repair(store_dir)
    assert check(store_dir).ok and "added-1" in _shown(store_dir)
    assert len(list(store_dir.glob(f"{RECENT}.damaged-*"))) == 1


def test_repair_of_a_recent_index_gone_with_its_backup_brings_the_store_back(
    store_dir: Path,
) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    (store_dir / RECENT).unlink()
    backup_path(store_dir / RECENT).unlink()
    assert not check(store_dir).ok
    repair(store_dir)
    assert check(store_dir).ok and "added-1" in _shown(store_dir)
    kept = sorted(store_dir.glob("*.damaged-*"))  # the index it rebuilt, kept aside once
    assert repair(store_dir) == [] and sorted(store_dir.glob("*.damaged-*")) == kept


def test_damaged_content_of_a_recent_brief_is_dropped_from_the_recent_index(
    store_dir: Path,
) -> None:
    Store(store_dir).import_briefs([_brief(1)])
    log = store_dir / "content-000001.jsonl"
    raw = log.read_bytes()
    at = raw.index(b'"id":"added-1"')
    log.write_bytes(raw[:at] + b'"id":"added-X"' + raw[at + 14 :])
    assert not check(store_dir).ok
    repair(store_dir)
    assert check(store_dir).ok and "added-1" not in _shown(store_dir)
    Store(store_dir).import_briefs([_brief(1)])  # imported again, it is back
    assert "added-1" in _shown(store_dir)
