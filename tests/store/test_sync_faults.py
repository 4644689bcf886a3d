"""Sync faults: a remote that cannot be reached or goes away mid-push, history rewritten
or unrelated, two syncs at once, hostile files from the remote, SIGKILL mid-sync."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import orjson
import pytest

from store import Store, StoreError
from store.lock import StoreLock
from store.sync import SyncRefused, layout, sync
from store.sync.engine import LOCK
from store.sync.git import Git
from store.sync.mirror import FOLDER
from tests.store.test_sync import (  # noqa: F401 (git_alone is a fixture)
    all_round,
    bare_repo,
    git,
    git_alone,
    later_clock,
    note_texts,
    open_store,
)

ROOT = Path(__file__).parents[2]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Store, Store]:
    remote = bare_repo(tmp_path)
    ana, ben = open_store(tmp_path / "a"), open_store(tmp_path / "b", later_clock(1000))
    assert sync(ana, remote=str(remote), name="Ana").pushed
    assert sync(ben, remote=str(remote), name="Ben").pushed
    return remote, ana, ben


def test_an_unreachable_remote_keeps_local_work_and_the_next_sync_catches_up(
    tmp_path: Path,
) -> None:
    remote = tmp_path / "not-yet.git"
    ana = open_store(tmp_path / "a")
    note = ana.add_note(ana.rows()[0].id, "written offline")
    report = sync(ana, remote=str(remote), name="Ana")
    assert not report.pushed and report.offline and "not-yet.git" in report.offline
    assert ana.note(note.id) is not None and report.exported > 0
    bare_repo(tmp_path, "not-yet.git")
    assert sync(ana).pushed
    ben = open_store(tmp_path / "b")
    sync(ben, remote=str(remote), name="Ben")
    assert ben.note(note.id) is not None


def test_a_remote_gone_mid_push_loses_nothing(pair, monkeypatch: pytest.MonkeyPatch) -> None:
    remote, ana, ben = pair
    note = ana.add_note(ana.rows()[0].id, "pushed as the remote went away")
    real_run = Git.run
    moved = remote.with_name("moved.git")

    def run(self: Git, *args: str, **kwargs: object):  # type: ignore[no-untyped-def]
        if args[0] == "push" and not moved.exists():
            remote.rename(moved)  # the disk went away between the fetch and the push
        return real_run(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Git, "run", run)
    report = sync(ana)
    assert report.offline and not report.pushed
    monkeypatch.setattr(Git, "run", real_run)
    moved.rename(remote)
    assert ana.note(note.id) is not None
    all_round([ana, ben])
    assert ben.note(note.id) is not None


def _remote_state(remote: Path) -> str:
    return git("--git-dir", str(remote), "rev-parse", "main")


def test_rewritten_remote_history_is_refused_and_nothing_changes(pair, tmp_path: Path) -> None:
    remote, ana, ben = pair
    ben.add_note(ben.rows()[0].id, "on the desk")
    all_round([ben, ana])
    # Someone resets the desk's branch to an older commit: what Ana synced is gone from it.
    git("--git-dir", str(remote), "update-ref", "refs/heads/main", "main~1")
    ana.add_note(ana.rows()[0].id, "waiting to go out")
    before, head = ana.sync_snapshot(), git("rev-parse", "HEAD", cwd=ana.root / FOLDER)
    remote_before = _remote_state(remote)
    with pytest.raises(SyncRefused, match="rewritten or is another desk"):
        sync(ana)
    assert ana.sync_snapshot() == before
    assert git("rev-parse", "HEAD", cwd=ana.root / FOLDER) == head
    assert _remote_state(remote) == remote_before


def test_an_unrelated_remote_is_refused(pair, tmp_path: Path) -> None:
    remote, ana, _ = pair
    shutil.rmtree(remote)
    bare_repo(tmp_path)  # the same place now holds another desk
    other = open_store(tmp_path / "other")
    sync(other, remote=str(remote), name="Olga")
    remote_before, before = _remote_state(remote), ana.sync_snapshot()
    with pytest.raises(SyncRefused):
        sync(ana)
    assert _remote_state(remote) == remote_before and ana.sync_snapshot() == before


def test_two_syncs_at_once_one_waits_for_the_other(pair) -> None:
    _, ana, ben = pair
    brief_id = ana.rows()[0].id
    finished: list[bool] = []
    held = StoreLock(ana.root / LOCK)
    with held:
        waiting = threading.Thread(target=lambda: finished.append(sync(ana).pushed))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and not finished  # it waits for the lock
    waiting.join()
    assert finished == [True]
    # And two at once, each adding notes: both complete, nothing lost.
    texts = []

    def one(i: int) -> None:
        texts.append(ana.add_note(brief_id, f"at once {i}").text)
        sync(ana)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    all_round([ana, ben])
    assert set(texts) <= note_texts(ben)


def test_malformed_files_from_the_remote_are_reported_and_skipped(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote, ana, ben = pair
    monkeypatch.setattr(layout, "MAX_FILE", 50_000)  # so a file over it is quick to make
    brief_id = ana.rows()[0].id
    mine = ana.add_note(brief_id, "Ana's own note")
    sync(ana)
    clone = tmp_path / "hand"
    git("clone", "-q", str(remote), str(clone))

    def at(note_id: str) -> Path:
        path = clone / layout.path_of("notes", note_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    good = {
        "id": "n-good",
        "brief_id": brief_id,
        "text": "a fine note \x1b[31mwith an escape, kept as text\x1b[0m",
        "created": "2025-11-28T14:00:00+00:00",
        "updated": "2025-11-28T14:00:00+00:00",
        "author": "Hand",
    }
    at("n-good").write_bytes(orjson.dumps(good))
    at("n-not-json").write_bytes(b"{not json")
    at("n-list").write_bytes(b"[1, 2]")
    at("n-bad-utf8").write_bytes(b'{"id": "n-bad-utf8", "text": "\xff\xfe"}')
    at("n-wrong-id").write_bytes(orjson.dumps({**good, "id": "n-other"}))
    at(mine.id).write_bytes(orjson.dumps({"text": 42}))  # over Ana's note
    (clone / layout.path_of("briefs", brief_id)).write_bytes(b'{"brief": {"title": 3}}')
    (clone / "README").write_text("not one of ours\n")
    huge = {**good, "id": "n-huge", "text": "x" * 60_000}
    at("n-huge").write_bytes(orjson.dumps(huge))
    os.symlink("/etc/passwd", at("n-link"))
    git("add", "-A", cwd=clone)
    git("commit", "-q", "-m", "hand-edited", cwd=clone)
    git("push", "-q", "origin", "HEAD:main", cwd=clone)
    shown = ana.brief(brief_id)

    report = sync(ana)
    reported = " ".join(report.problems)
    for name in ("n-not-json", "n-list", "n-bad-utf8", "n-wrong-id", mine.id):
        assert f"{layout.path_of('notes', name)}: " in reported
    assert f"{layout.path_of('briefs', brief_id)}: " in reported
    assert f"{layout.path_of('notes', 'n-link')}: not a plain file" in reported
    assert f"{layout.path_of('notes', 'n-huge')}: over 50,000 bytes" in reported
    assert "README" not in reported  # not one of the desk's files: left alone
    assert ana.note("n-good") is not None
    assert ana.note("n-good").text == good["text"]  # type: ignore[union-attr]
    found = ana.note(mine.id)
    assert found is not None and found.text == "Ana's own note"  # nothing local overwritten
    assert ana.brief(brief_id) == shown
    for bad in ("n-not-json", "n-list", "n-bad-utf8", "n-wrong-id", "n-other", "n-link", "n-huge"):
        assert ana.note(bad) is None
    # The next sync sends Ana's own note back over the broken copy; the rest stay skipped.
    sync(ana)
    sync(ben)
    found = ben.note(mine.id)
    assert found is not None and found.text == "Ana's own note"
    assert ben.note("n-good") is not None


CHILD = """
import os, signal, sys
from pathlib import Path
from store import Store, StoreError
from store.sync import sync
from store.sync.git import Git

real_run, calls = Git.run, []


def run(self, *args, **kwargs):
    done = real_run(self, *args, **kwargs)
    calls.append(args[0])
    if len(calls) == int(sys.argv[3]):  # killed right after this step of the sync
        os.kill(os.getpid(), signal.SIGKILL)
    return done


store = Store(Path(sys.argv[1]))
note = store.add_note(store.rows()[0].id, sys.argv[2])
print(note.id, flush=True)  # acknowledged: on disk
Git.run = run
sync(store)
print("finished", flush=True)
"""


def test_sigkill_at_each_step_of_a_sync_loses_no_acknowledged_note(pair) -> None:
    _, ana, ben = pair
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged: list[str] = []
    finished = 0
    for step in range(1, 32, 4):  # a sync with a merge runs about thirty git commands
        ben.add_note(ben.rows()[0].id, f"Ben before kill {step}")
        sync(ben)  # so Ana's sync has something to merge
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(ana.root), f"note {step}", str(step)],
            capture_output=True,
            env=env,
            text=True,
            timeout=120,
        )
        lines = done.stdout.split()
        acknowledged.append(lines[0])
        finished += "finished" in lines
        assert done.returncode in (0, -signal.SIGKILL), done.stderr
    assert finished < 8  # most runs were cut short mid-sync
    survivor = Store(ana.root)  # the store opens after every kill
    all_round([survivor, ben])
    for store in (survivor, ben):
        found = {n.id for r in store.rows() for n in store.notes(r.id)}
        assert set(acknowledged) <= found
        texts = note_texts(store)
        assert {f"Ben before kill {s}" for s in range(1, 32, 4)} <= texts


def test_the_users_own_git_settings_and_environment_do_not_leak_in(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, ana, ben = pair
    hostile = tmp_path / "gitconfig"
    hostile.write_text(
        "[core]\n\tautocrlf = true\n\thooksPath = /nonexistent\n"
        "[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = /bin/false\n"
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(hostile))
    elsewhere = tmp_path / "elsewhere"
    git("init", "-q", str(elsewhere))
    monkeypatch.setenv("GIT_DIR", str(elsewhere / ".git"))  # as inside a git hook
    monkeypatch.setenv("GIT_INDEX_FILE", str(elsewhere / "index"))
    note = ana.add_note(ana.rows()[0].id, "line one\nline two\n")
    ben.add_note(ben.rows()[0].id, "so that Ana's sync makes a merge commit")
    assert sync(ben).pushed and sync(ana).pushed and sync(ben).pushed
    found = ben.note(note.id)
    assert found is not None and found.text == "line one\nline two\n"  # no CRLF
    monkeypatch.delenv("GIT_DIR")
    monkeypatch.delenv("GIT_INDEX_FILE")
    assert git("rev-list", "--all", "--count", cwd=elsewhere) == "0"  # untouched


def test_a_desk_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a")
    target = tmp_path / "elsewhere"
    target.mkdir()
    (store.root / FOLDER).symlink_to(target)
    with pytest.raises(StoreError, match="symbolic link"):
        sync(store, remote=str(bare_repo(tmp_path)), name="Ana")
    assert list(target.iterdir()) == []


def test_a_lock_left_by_a_git_killed_mid_command_is_cleared_once_stale(pair) -> None:
    """A git killed with the sync (a power cut, the OOM killer) leaves its lock file, and
    every later git in the mirror refuses to start. Under desk.lock no other sync runs,
    so a lock older than any command of ours could hold it is cleared; a fresh one (a git
    still at work) stops the sync with a clear message and nothing changed."""
    from store.sync import mirror as mirror_module

    _, ana, ben = pair
    note = ana.add_note(ana.rows()[0].id, "written after the power cut")
    meta = ana.root / FOLDER / ".git"
    left = [meta / "index.lock", meta / "refs" / "heads" / "main.lock"]
    for lock in left:
        lock.write_bytes(b"")
    before = ana.sync_snapshot()
    with pytest.raises(StoreError, match="still at work in the desk mirror"):
        sync(ana)
    assert ana.sync_snapshot() == before and all(lock.exists() for lock in left)
    old = mirror_module.STALE_LOCK + 60
    for lock in left:
        stamp = lock.stat().st_mtime - old
        os.utime(lock, (stamp, stamp))
    assert sync(ana).pushed
    assert not any(lock.exists() for lock in left)
    assert sync(ben).pushed and ben.note(note.id) is not None
