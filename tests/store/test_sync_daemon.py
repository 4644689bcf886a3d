"""Three stores syncing through `git daemon` on 127.0.0.1 (started and stopped here); the
daemon stopped in the middle of a push, then started again: the next sync completes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.sync import sync
from store.sync.git import Git
from tests.store.test_sync import (  # noqa: F401 (git_alone is a fixture)
    all_round,
    bare_repo,
    git_alone,
    later_clock,
    note_texts,
    open_store,
)


class Daemon:
    def __init__(self, base: Path) -> None:
        self.base = base
        with socket.socket() as probe:  # a free port, for this daemon only
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"git://127.0.0.1:{self.port}/desk.git"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "git",
                "daemon",
                "--verbose",
                "--reuseaddr",
                "--export-all",
                "--enable=receive-pack",
                "--listen=127.0.0.1",
                f"--port={self.port}",
                f"--base-path={self.base}",
                str(self.base),
            ],
            stderr=subprocess.PIPE,
            start_new_session=True,  # `git daemon` runs git-daemon as its child: one group
        )
        assert self.process.stderr is not None
        for line in self.process.stderr:  # it says so once it listens
            if b"Ready to rumble" in line:
                return
        raise AssertionError("git daemon did not start")

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)  # git and its git-daemon
            self.process.wait(timeout=30)
            assert self.process.stderr is not None
            self.process.stderr.close()
            self.process = None


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Daemon]:
    bare_repo(tmp_path)
    served = Daemon(tmp_path)
    served.start()
    yield served
    served.stop()


def test_three_stores_through_git_daemon_and_a_daemon_stopped_mid_push(
    daemon: Daemon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = [open_store(tmp_path / n, later_clock(i * 1000)) for i, n in enumerate("abc")]
    for store, name in zip(stores, ("Ana", "Ben", "Cleo"), strict=True):
        assert sync(store, remote=daemon.url, name=name).pushed
        store.add_note(store.rows()[0].id, f"{name}'s note")
    all_round(stores)
    for store in stores:
        assert note_texts(store) == {"Ana's note", "Ben's note", "Cleo's note"}

    ana = stores[0]
    late = ana.add_note(ana.rows()[0].id, "sent as the daemon stopped")
    real_run = Git.run

    def run(self: Git, *args: str, **kwargs: object):  # type: ignore[no-untyped-def]
        if args[0] == "push":
            daemon.stop()
        return real_run(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Git, "run", run)
    report = sync(ana)
    assert report.offline and not report.pushed
    monkeypatch.setattr(Git, "run", real_run)
    assert ana.note(late.id) is not None
    daemon.start()
    all_round(stores)
    for store in stores:
        assert store.note(late.id) is not None


def test_the_daemon_killed_while_it_takes_in_a_push_loses_nothing(
    daemon: Daemon, tmp_path: Path
) -> None:
    """The push is under way (the desk has the pack, its pre-receive hook holds the ref
    update) when the daemon and everything it runs are killed: the sync says offline,
    and once the daemon is back the next sync completes."""
    ana, ben = open_store(tmp_path / "a"), open_store(tmp_path / "b", later_clock(1000))
    assert sync(ana, remote=daemon.url, name="Ana").pushed
    assert sync(ben, remote=daemon.url, name="Ben").pushed
    receiving, release = tmp_path / "receiving", tmp_path / "release"
    hook = tmp_path / "desk.git" / "hooks" / "pre-receive"
    hook.parent.mkdir(exist_ok=True)
    # Holds the push until killed (or, should it outlive the daemon, until released).
    hook.write_text(
        f'#!/bin/sh\ncat >/dev/null\n: > "{receiving}"\n'
        f'while [ ! -e "{release}" ]; do sleep 0.05; done\nexit 1\n'
    )
    hook.chmod(0o755)
    note = ana.add_note(ana.rows()[0].id, "pushed as the daemon was killed")
    reports: list[object] = []
    pushing = threading.Thread(target=lambda: reports.append(sync(ana)))
    pushing.start()
    try:
        for _ in range(6000):  # a safety net of minutes; the loop ends when the push waits
            if receiving.exists() or not pushing.is_alive():
                break
            pushing.join(0.05)
        assert receiving.exists(), "the push never reached the desk's hook"
        daemon.stop()
        pushing.join(300)
    finally:
        release.touch()
        hook.unlink()
    (report,) = reports
    assert report.offline and not report.pushed  # type: ignore[attr-defined]
    assert ana.note(note.id) is not None
    daemon.start()
    all_round([ana, ben])
    found = ben.note(note.id)
    assert found is not None and found.text == "pushed as the daemon was killed"
