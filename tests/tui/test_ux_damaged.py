"""A damaged store file with no backup: every message says what the reader can do next.
`list` said only that the file was not valid JSON; `check --repair` said there was no
backup and stopped there."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def damaged(store: Store, store_dir: Path) -> Path:
    store.save_view("mine", "canola")  # reader.json exists, then is broken with no backup
    path = store_dir / "reader.json"
    path.write_text("{not json", encoding="utf-8")
    for backup in store_dir.glob("reader.json.bak"):
        backup.unlink()
    return path


def test_a_command_on_the_store_points_to_check(
    capsys: pytest.CaptureFixture[str], store_dir: Path, damaged: Path
) -> None:
    code, _, err = run(capsys, "list", "--store", str(store_dir))
    assert code != 0 and "reader.json" in err
    assert f"briefing check --store {store_dir}" in err


def test_check_says_what_to_do_with_a_file_it_cannot_restore(
    capsys: pytest.CaptureFixture[str], store_dir: Path, damaged: Path
) -> None:
    code, out, err = run(capsys, "check", "--repair", "--store", str(store_dir))
    assert code == 1
    said = out + err
    assert "move it aside" in said and str(damaged) in said
    assert damaged.read_text(encoding="utf-8") == "{not json"  # nothing was overwritten
