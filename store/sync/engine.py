"""`briefing sync`: fetch, merge, apply, export, push — with the desk's git remote.

One sync at a time per store (`desk.lock` beside the store files: a second waits). The
store's own lock is held only while the store is read or written, never across the
network, so the reader keeps saving notes while a sync talks to the remote.

Order, each step safe to cut short: the store is caught up if an earlier sync was cut
short after the mirror moved on (Mirror.recover); the remote is fetched and
its history checked (rewritten or unrelated: refuse, nothing changed); the store's
changes are committed; the remote's are merged in and applied; the result is pushed.
A push that finds the remote moved on fetches and merges again.
"""

from __future__ import annotations

import contextlib
import getpass
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from store.errors import StoreError
from store.lock import StoreLock
from store.shapes import MAX_AUTHOR, is_author_name, plain_author
from store.sync.git import GitError
from store.sync.mirror import BRANCH, FOLDER, INCOMING, SEEN, Mirror

if TYPE_CHECKING:
    from store.syncing import SyncingStore

LOCK = "desk.lock"
REMOTE = "origin"
STATUS = "briefing-status.json"
PUSH_TRIES = 5


class SyncRefused(StoreError):
    """The remote's history is not one this copy can merge with; nothing was changed."""


@dataclass(slots=True)
class SyncReport:
    remote: str
    name: str = ""  # the reader this copy synced as: the author of its new notes
    exported: int = 0  # mirror files this copy's changes wrote
    applied: int = 0  # store documents the desk's changes wrote
    pushed: bool = False
    offline: str | None = None  # why the remote could not be reached
    problems: list[str] = field(default_factory=list)  # `path: reason`, files skipped
    seconds: float = 0.0


def reader_name(store: SyncingStore, given: str | None) -> str:
    """`--as`, else the name this store synced as before (kept in the mirror's git config,
    `briefing.name`), else the user's login name. Always a plain name the store takes as
    a note's author."""
    if given is not None:
        name = " ".join(given.split())
        if not is_author_name(name):
            raise StoreError(
                f"--as: a reader's name is 1 to {MAX_AUTHOR} printable characters on one line"
            )
        return name
    mirror = Mirror(store, "reader")
    if mirror.exists():
        done = mirror.git.run("config", "--local", "briefing.name", check=False)
        saved = plain_author(done.stdout.decode("utf-8", "replace").strip())
        if done.returncode == 0 and saved:
            return saved
    try:
        return plain_author(getpass.getuser()) or "reader"
    except (KeyError, OSError):
        return "reader"


def desk_name(store: SyncingStore) -> str | None:
    """The name this store's notes are written under: None for a store with no desk (no
    git runs then), else the name it syncs as."""
    return reader_name(store, None) if has_desk(store) else None


def has_desk(store: SyncingStore) -> bool:
    """Whether this store was ever connected to a desk (cheap: no git runs), so a reader
    syncs by itself only a store its user connected."""
    return (store.root / FOLDER / ".git").is_dir()


def sync(store: SyncingStore, *, remote: str | None = None, name: str | None = None) -> SyncReport:
    store._writable()
    started = time.monotonic()
    with StoreLock(store.root / LOCK):  # two syncs of one store: the second waits here
        who = reader_name(store, name)
        mirror = Mirror(store, who)
        mirror.clear_stale_locks()  # before any git that takes a lock here
        mirror.init()
        if name is not None:
            mirror.git.run("config", "--local", "briefing.name", who)
        url = _remote(mirror, remote)
        report = SyncReport(remote=url, name=who)
        try:
            _sync(mirror, report)
        finally:
            report.seconds = time.monotonic() - started
            _save_status(mirror, report)
    return report


def _remote(mirror: Mirror, remote: str | None) -> str:
    if remote is not None:
        if not remote.strip() or remote.startswith("-"):
            raise StoreError("--remote: not a git URL")
        has = mirror.git.run("remote", "get-url", REMOTE, check=False).returncode == 0
        mirror.git.run("remote", "set-url" if has else "add", REMOTE, remote)
        return remote
    done = mirror.git.run("remote", "get-url", REMOTE, check=False)
    if done.returncode != 0:
        raise StoreError("this store has no desk yet: `briefing sync --remote URL` sets one")
    return done.stdout.decode("utf-8", "replace").strip()


def _sync(mirror: Mirror, report: SyncReport) -> None:
    mirror.tidy()
    recovered = mirror.recover()
    report.applied += recovered.changed
    report.problems += recovered.problems
    for _ in range(PUSH_TRIES):
        try:
            incoming = _fetch(mirror)
        except GitError as exc:
            if not exc.offline:
                raise
            report.offline = str(exc)
            report.exported += mirror.export()  # kept, to go out at the next sync
            return
        _check_history(mirror, incoming)
        report.exported += mirror.export()
        if incoming is not None:
            merged = mirror.merge_in(incoming)
            report.applied += merged.changed
            report.problems += merged.problems
            mirror.git.run("update-ref", SEEN, incoming)
        head = mirror.head()
        if incoming == head:
            report.pushed = True
            return
        try:
            mirror.git.run("push", "-q", REMOTE, f"{head}:{BRANCH}", network=True)
        except GitError as exc:
            if not exc.offline:
                continue  # turned down: the remote moved on meanwhile; fetch, merge again
            report.offline = str(exc)
            return
        mirror.git.run("update-ref", SEEN, head)
        report.pushed = True
        # Now and then (thousands of loose objects), pack them: the mirror stays small.
        mirror.git.run("-c", "gc.auto=6700", "gc", "--auto", "--quiet", check=False)
        return
    raise StoreError("the remote kept changing during the sync; run it again")


def _fetch(mirror: Mirror) -> str | None:
    """The remote's commit (None for an empty remote), kept as INCOMING."""
    try:
        mirror.git.run(
            "fetch",
            "-q",
            "--no-tags",
            "--no-recurse-submodules",
            REMOTE,
            f"+{BRANCH}:{INCOMING}",
            network=True,
        )
    except GitError as exc:
        if "couldn't find remote ref" in str(exc).lower():
            return None  # a new, empty remote: our push makes the desk
        raise
    return mirror.git.rev(INCOMING)


def _check_history(mirror: Mirror, incoming: str | None) -> None:
    seen = mirror.git.rev(SEEN)
    if incoming is None or seen is None:
        return
    if not mirror.git.is_ancestor(seen, incoming):
        raise SyncRefused(
            "the remote's history was rewritten or is another desk's: it no longer holds "
            "what this copy last synced. Nothing was changed here or there. If this is "
            "right, sync a new store with it; otherwise restore the remote"
        )


def _save_status(mirror: Mirror, report: SyncReport) -> None:
    status = {
        "at": mirror.store.clock().isoformat(),  # type: ignore[attr-defined]
        "remote": report.remote,
        "ok": report.pushed,
        "offline": report.offline,
        "problems": report.problems[:50],
        "seconds": round(report.seconds, 3),
    }
    with contextlib.suppress(OSError):
        mirror._save_json(STATUS, status)


def status(store: SyncingStore) -> dict[str, Any]:
    """The remote, the last sync and what is waiting to go out, as plain data."""
    mirror = Mirror(store, reader_name(store, None))
    if not mirror.exists() or mirror.git.rev(BRANCH) is None:
        return {"remote": None, "name": mirror.name, "last_sync": None, "waiting": 0}
    done = mirror.git.run("remote", "get-url", REMOTE, check=False)
    remote = done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else None
    try:
        last = orjson.loads((mirror.meta / STATUS).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        last = None
    with StoreLock(store.root / LOCK):
        writes, removes = mirror.plan_export()
        seen = mirror.git.rev(SEEN)
        head = mirror.head()
        commits = mirror.git.out("rev-list", "--count", head, *([f"^{seen}"] if seen else []))
    return {
        "remote": remote,
        "name": mirror.name,
        "last_sync": last,
        "waiting": len(writes) + len(removes),
        "commits_not_pushed": int(commits or 0),
    }
