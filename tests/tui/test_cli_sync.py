"""`briefing sync`, `sync --status [--json]`, `note edit` and `note delete` from the shell."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from store import Store
from tests.store.test_sync import bare_repo, git_alone  # noqa: F401 (a fixture)
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_two_stores_share_a_note_added_and_edited_from_the_shell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote = str(bare_repo(tmp_path))
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    code, out, err = run(capsys, "sync", "--store", a, "--remote", remote, "--as", "Ana")
    assert code == 0 and out.startswith(f"synced with {remote}:") and err == ""
    assert run(capsys, "sync", "--store", b, "--remote", remote, "--as", "Ben")[0] == 0
    brief_id = Store(Path(a)).rows()[0].id
    code, note_id, _ = run(capsys, "note", "add", "--store", a, brief_id, "from Ana")
    note_id = note_id.strip()
    assert run(capsys, "sync", "--store", a)[0] == 0
    code, out, _ = run(capsys, "sync", "--store", b)
    assert code == 0 and "1 change(s) in" in out
    code, out, _ = run(capsys, "note", "edit", "--store", b, note_id, "edited by Ben")
    assert (code, out.strip()) == (0, note_id)
    run(capsys, "sync", "--store", b)
    run(capsys, "sync", "--store", a)
    code, out, _ = run(capsys, "note", "list", "--store", a, brief_id, "--json")
    assert [n["text"] for n in json.loads(out)] == ["edited by Ben"]
    code, out, _ = run(capsys, "note", "delete", "--store", a, note_id)
    assert (code, out.strip()) == (0, f"deleted {note_id}")
    run(capsys, "sync", "--store", a)
    run(capsys, "sync", "--store", b)
    assert Store(Path(b)).note(note_id) is None


def test_note_edit_reads_standard_input_and_refuses_empty_text(
    store_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(store_dir)
    note = store.add_note(store.rows()[0].id, "first")
    monkeypatch.setattr("sys.stdin", io.StringIO("from standard input\n"))
    assert run(capsys, "note", "edit", "--store", str(store_dir), note.id, "-")[0] == 0
    assert Store(store_dir).note(note.id).text == "from standard input\n"  # type: ignore[union-attr]
    code, _, err = run(capsys, "note", "edit", "--store", str(store_dir), note.id, "  ")
    assert code == 1 and "empty note" in err
    code, _, err = run(capsys, "note", "edit", "--store", str(store_dir), "n-missing", "x")
    assert code == 2 and "no note with id 'n-missing'" in err
    code, _, err = run(capsys, "note", "delete", "--store", str(store_dir), "n-missing")
    assert code == 2 and "no note with id 'n-missing'" in err


def test_sync_status_says_what_is_waiting(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "sync", "--store", str(store_dir), "--status")
    assert code == 0 and out.startswith("no desk")
    remote = str(bare_repo(tmp_path))
    run(capsys, "sync", "--store", str(store_dir), "--remote", remote, "--as", "Ana")
    store = Store(store_dir)
    store.add_note(store.rows()[0].id, "waiting")
    code, out, _ = run(capsys, "sync", "--store", str(store_dir), "--status", "--json")
    found = json.loads(out)
    assert (found["remote"], found["name"], found["waiting"]) == (remote, "Ana", 1)
    assert found["last_sync"]["ok"] is True
    code, out, _ = run(capsys, "sync", "--store", str(store_dir), "--status")
    assert f"remote: {remote}" in out and "waiting to go out: 1 file(s)" in out


def test_sync_without_a_remote_and_offline_say_so(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "sync", "--store", str(store_dir))
    assert code == 2 and "sync --remote URL" in err
    gone = str(tmp_path / "gone.git")
    code, out, err = run(capsys, "sync", "--store", str(store_dir), "--remote", gone)
    assert code == 1 and "cannot be reached" in err and "next sync" in err
    assert out.startswith("not synced")
    code, _, err = run(capsys, "sync", "--store", str(store_dir), "--remote", gone, "--as", "")
    assert code == 2 and "--as" in err


def test_a_rewritten_remote_is_refused_with_exit_2_and_skipped_files_exit_1(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store.sync import layout
    from tests.store.test_sync import git

    remote = bare_repo(tmp_path)
    run(capsys, "sync", "--store", str(store_dir), "--remote", str(remote), "--as", "Ana")
    clone = tmp_path / "hand"
    git("clone", "-q", str(remote), str(clone))
    bad = clone / layout.path_of("notes", "n-bad")
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("[not a note]")
    git("add", "-A", cwd=clone)
    git("commit", "-q", "-m", "by hand", cwd=clone)
    git("push", "-q", "origin", "HEAD:main", cwd=clone)
    code, out, err = run(capsys, "sync", "--store", str(store_dir))
    assert code == 1 and err.startswith(f"{layout.path_of('notes', 'n-bad')}: ")
    assert "1 skipped" in out
    git("push", "-q", "--force", "origin", "HEAD~1:main", cwd=clone)  # history rewritten
    code, _, err = run(capsys, "sync", "--store", str(store_dir))
    assert code == 2 and "rewritten" in err and "Nothing was changed" in err
