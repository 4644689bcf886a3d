"""`Store.migrate`: a store of an older format brought to the current one at once, as
its first write would, so that what follows (the bench's timed imports) writes only
what an import of a current store writes (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import store.storage
from briefs import Brief
from store import Store
from tests.fixtures.format2 import format_2_store

RECENT = "briefs-recent.json"


def _index(root: Path) -> dict:
    return json.loads((root / "briefs.json").read_text())


def _format_3(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.storage, "FORMAT_VERSION", 3)
    Store(root).close()
    monkeypatch.undo()
    assert _index(root)["_meta"]["format"] == {"version": 3}


def test_a_format_3_index_is_rewritten_as_format_4_once(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _format_3(store_dir, monkeypatch)
    rows = [(r.id, r.title) for r in Store(store_dir).rows()]
    assert Store(store_dir).migrate() is True
    assert _index(store_dir)["_meta"]["format"] == {"version": 4}
    assert [(r.id, r.title) for r in Store(store_dir).rows()] == rows
    written = (store_dir / "briefs.json").read_bytes()
    assert Store(store_dir).migrate() is False  # current: nothing written
    assert (store_dir / "briefs.json").read_bytes() == written
    # The next import is one of a current store: the recent file, not briefs.json.
    Store(store_dir).import_briefs(
        [Brief(id="added-1", title="A", date="2025-11-01", summary="S.")]
    )
    assert (store_dir / "briefs.json").read_bytes() == written
    assert list(json.loads((store_dir / RECENT).read_text())["briefs"]) == ["added-1"]


def test_a_format_2_store_has_its_notes_moved_and_kept(tmp_path: Path) -> None:
    root = tmp_path / "old"
    format_2_store(root)
    before = {n.id: n.text for r in Store(root).rows() for n in Store(root).notes(r.id)}
    assert before
    assert Store(root).migrate() is True
    assert (root / "reader-v2.json").exists()
    after = {n.id: n.text for r in Store(root).rows() for n in Store(root).notes(r.id)}
    assert after == before
    assert Store(root).migrate() is False


def test_a_current_store_is_left_as_it_is(store_dir: Path) -> None:
    Store(store_dir).migrate()  # a new store's reader.json gets its layout written once
    files = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    assert Store(store_dir).migrate() is False
    assert {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()} == files
