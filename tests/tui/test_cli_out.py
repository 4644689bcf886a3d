"""`export --out` writes to what the user named: a regular file atomically, a link's
target (the link stays), a FIFO, a terminal or a descriptor by writing into it; nothing
that is not a regular file is ever replaced.

No test here names /dev/null or /dev/stdout: run as root against a broken build, such a
test would replace the machine's own device. /proc/self/fd/N and a pseudo-terminal stand
for them: a build that tried to replace those fails without harm.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"


def export(store_dir: Path, out: Path | str, *extra: str) -> int:
    return main(["export", "--store", str(store_dir), "--out", str(out), *extra])


def read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_regular_file_is_replaced_whole(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    out.write_text("old contents that are longer than nothing")
    assert export(store_dir, out, XI) == 0
    assert json.loads(out.read_text())[0]["id"] == XI
    assert [p.name for p in tmp_path.iterdir() if p.name != "store"] == ["export.json"]


def test_symlink_stays_and_its_target_gets_the_export(store_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "real" / "export.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert export(store_dir, link, XI) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())[0]["id"] == XI


def test_dangling_symlink_creates_its_target(store_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert export(store_dir, link, "--format", "markdown", XI) == 0
    assert link.is_symlink() and target.read_text().startswith("# Xi and Carney")


def test_fifo_is_written_into_not_replaced(store_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Open the reading end first (without waiting), so the export's open finds a reader.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert export(store_dir, fifo, XI) == 0
        os.set_blocking(reader, True)
        data = read_all(reader)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(data)[0]["id"] == XI


def test_descriptor_path_is_written_into(store_dir: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        assert export(store_dir, f"/proc/self/fd/{write_end}", XI) == 0
        os.close(write_end)
        data = read_all(read_end)
    finally:
        os.close(read_end)
    assert json.loads(data)[0]["id"] == XI


def test_terminal_is_written_into(store_dir: Path) -> None:
    master, slave = os.openpty()
    name = os.ttyname(slave)
    try:
        assert export(store_dir, name, "--format", "markdown", XI) == 0
        assert stat.S_ISCHR(os.stat(name).st_mode)
        os.set_blocking(master, False)
        shown = os.read(master, 65536)
    finally:
        os.close(master)
        os.close(slave)
    assert shown.startswith(b"# Xi and Carney")


def test_folder_is_a_clear_error(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert export(store_dir, folder, XI) == 2
    assert capsys.readouterr().err == f"briefing: --out {folder}: is a folder\n"
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_missing_folder_is_a_clear_error(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "absent" / "export.json"
    assert export(store_dir, out, XI) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"briefing: --out {out}: ") and "Traceback" not in err


def test_markdown_export_reads_notes_once(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Notes come with the export records (read once for all briefs), never per brief."""
    from store import Store

    store = Store(store_dir)
    store.add_note(XI, "keep this")

    def per_brief(*args: object, **kwargs: object) -> object:
        raise AssertionError("a per-brief read in the export")

    for name in ("notes", "brief", "state"):
        monkeypatch.setattr(Store, name, per_brief)
    assert main(["export", "--store", str(store_dir), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n---\n") == 6 and "keep this" in out
