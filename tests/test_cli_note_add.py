"""`briefing note add` opens only what it needs (issue 14) and still stops at damage: the
brief's presence comes from the checked id list, any file changed since its last check is
checked before the note is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefs import Brief
from store import Store
from store.folder import reader_bucket
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"


def _note_add(root: Path, brief_id: str, text: str) -> int:
    return main(["note", "add", "--store", str(root), brief_id, text])


def test_a_brief_imported_by_another_process_takes_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    assert _note_add(root, XI, "first") == 0
    Store(root).import_briefs(
        [Brief(id="later-1", title="Later", date="2025-11-02", summary="Came later.")]
    )
    capsys.readouterr()
    assert _note_add(root, "later-1", "on the new one") == 0
    note_id = capsys.readouterr().out.strip()
    assert [n.id for n in Store(root).notes("later-1")] == [note_id]
    assert _note_add(root, "never-imported", "refused") == 2
    assert "no brief with id" in capsys.readouterr().err


def test_damage_to_any_reader_file_stops_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    store = Store(root)
    other = next(r.id for r in store.rows() if reader_bucket(r.id) != reader_bucket(XI))
    assert _note_add(root, other, "theirs") == 0
    assert _note_add(root, XI, "mine") == 0
    bucket = root / "reader" / reader_bucket(other)
    st = os.stat(bucket)
    bucket.write_bytes(bucket.read_bytes().replace(b'"text":"theirs"', b'"text":["heir"]'))
    os.utime(bucket, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same times
    mine = root / "reader" / reader_bucket(XI)
    before = mine.read_bytes()
    capsys.readouterr()
    assert _note_add(root, XI, "more") == 2
    assert reader_bucket(other) in capsys.readouterr().err
    assert mine.read_bytes() == before
