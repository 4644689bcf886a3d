"""20 SIGKILLs at random moments of syncs (issue 17's "How to test"): the moments are drawn
from a seeded generator, so every run kills at the same ones. Each time, a process adds a
note and edits the one it added the time before (both acknowledged: on disk), then syncs
and is killed before, during or after one of the sync's git commands. Killed during one,
its git is left running on its own (it runs in a session of its own, as in use), with
its input cut short; the test waits for that git to end before going on. Meanwhile the
two other copies add notes and both edit one shared note. After two clean syncs every
acknowledged note is on every copy with its last acknowledged text, and each copy's last
edit of the shared note is kept (as the note or beside it)."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

from store import Store
from store.sync import sync
from tests.store.test_sync import (  # noqa: F401 (git_alone is a fixture)
    all_round,
    bare_repo,
    git_alone,
    later_clock,
    note_texts,
    open_store,
)

ROOT = Path(__file__).parents[2]
KILLS = 20


def wait_for_exit(pid: int) -> None:
    """Until the git a killed sync left running has ended (the wait is a safety net)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return  # ended already
    try:
        ended, _, _ = select.select([handle], [], [], 300)
        assert ended, f"git {pid}, left by a killed sync, never ended"
    finally:
        os.close(handle)


CHILD = """
import os, signal, subprocess, sys
from pathlib import Path
from store import Store
from store.sync import sync
from store.sync.git import Git

root, step, when = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
real_run, calls = Git.run, []


def run(self, *args, **kwargs):
    calls.append(args[0])
    if when == "before" and len(calls) == step:
        os.kill(os.getpid(), signal.SIGKILL)
    done = real_run(self, *args, **kwargs)
    if when == "after" and len(calls) == step:
        os.kill(os.getpid(), signal.SIGKILL)
    return done


real_start = subprocess.Popen.__init__


def start(self, *args, **kwargs):
    real_start(self, *args, **kwargs)
    if when == "during" and len(calls) == step:  # git started, its input not yet sent
        Path(sys.argv[5]).write_text(str(self.pid))
        os.kill(os.getpid(), signal.SIGKILL)


subprocess.Popen.__init__ = start


store = Store(root)
brief_id = store.rows()[0].id
if sys.argv[4]:  # the note the previous run added
    edited = store.update_note(sys.argv[4], f"edited before kill {step} {when}")
    print(edited.id, edited.text, sep="\t", flush=True)  # acknowledged: on disk
note = store.add_note(brief_id, f"added before kill {step} {when}", author="Ana")
print(note.id, note.text, sep="\t", flush=True)
Git.run = run
sync(store)
print("finished", flush=True)
"""


def test_twenty_random_sigkills_during_syncs_lose_nothing_acknowledged(tmp_path: Path) -> None:
    remote = bare_repo(tmp_path)
    ana = open_store(tmp_path / "a")
    ben, cleo = (open_store(tmp_path / n, later_clock(k * 1000)) for k, n in ((1, "b"), (2, "c")))
    for store, name in ((ana, "Ana"), (ben, "Ben"), (cleo, "Cleo")):
        assert sync(store, remote=str(remote), name=name).pushed
    brief_id = ana.rows()[0].id
    ben_note = ben.add_note(brief_id, "Ben's, edited by everyone", author="Ben")
    all_round([ben, ana, cleo])
    rng = random.Random(17)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged: dict[str, str] = {}  # Ana's note id → the last text acknowledged for it
    theirs: list[str] = []  # the notes the other copies added
    last_edit: dict[str, str] = {}  # the other copy's name → its last text of Ben's note
    previous, killed, orphans = "", 0, 0
    for k in range(KILLS):
        other, name = ((ben, "Ben"), (cleo, "Cleo"))[k % 2]
        last_edit[name] = other.update_note(ben_note.id, f"{name}'s edit {k}").text
        theirs.append(other.add_note(brief_id, f"from {name} {k}", author=name).text)
        sync(other)  # so Ana's sync has something to fetch and merge
        step, when = rng.randint(1, 40), rng.choice(("before", "during", "after"))
        orphan = tmp_path / f"orphan-{k}"
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(ana.root), str(step), when, previous, orphan],
            capture_output=True,
            env=env,
            text=True,
            timeout=300,
        )
        assert done.returncode in (0, -signal.SIGKILL), done.stderr
        killed += done.returncode == -signal.SIGKILL
        if orphan.exists():
            wait_for_exit(int(orphan.read_text()))
            orphans += 1
        for line in done.stdout.splitlines():
            if "\t" in line:
                previous, text = line.split("\t", 1)
                acknowledged[previous] = text
    assert killed >= KILLS // 2 and orphans >= 3  # most cut short, some mid-command
    survivor = Store(ana.root)  # the store opens after every kill
    all_round([survivor, ben, cleo])
    for store in (survivor, ben, cleo):
        for note_id, text in acknowledged.items():
            found = store.note(note_id)
            assert found is not None and found.text == text, (note_id, text)
        shown = note_texts(store)
        assert set(theirs) <= shown
        assert set(last_edit.values()) <= shown
    assert survivor.sync_snapshot().notes == ben.sync_snapshot().notes
    assert ben.sync_snapshot().notes == cleo.sync_snapshot().notes
