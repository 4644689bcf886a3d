"""`briefing check`: what state a store folder is in, and restoring damaged files.

Works on the files directly, without opening a Store, because opening refuses a
damaged file — which is exactly when this is needed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from store import content_log
from store.corrections import FOLDER as CORRECTIONS_FOLDER
from store.corrections import TABLE as CORRECTIONS_TABLE
from store.corrections import TRASH_FILE, bucket_paths, check_doc
from store.errors import DamagedFileError, StoreError
from store.lock import StoreLock
from store.paths import is_read_only, read_only_error
from store.storage import (
    META_TABLE,
    TEMP_SUFFIX,
    AtomicJSONStorage,
    backup_path,
    fsync_dir,
    load_file,
)
from store.tables import BRIEFS_FILE, LOCK_FILE, READER_FILE


@dataclass(frozen=True, slots=True)
class FileHealth:
    path: Path
    exists: bool
    problem: str | None  # None when the file parses and has the right shape
    counts: dict[str, int] = field(default_factory=dict)  # documents per table
    backup_ok: bool = False  # a backup exists and parses
    damaged: tuple[str, ...] = ()  # briefs whose content is unreadable (content log only)

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class Health:
    root: Path
    files: tuple[FileHealth, ...]
    leftovers: tuple[Path, ...]  # temporary files a crashed writer left
    read_only: bool = False  # readable, but the folder refuses writes

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)


def _inspect(path: Path) -> tuple[str | None, dict[str, int]]:
    try:
        data = load_file(path)
    except DamagedFileError as exc:
        return exc.reason, {}
    except StoreError as exc:
        return str(exc), {}
    if data is None:
        return None, {}
    counts = {name: len(table) for name, table in data.items() if not name.startswith("_")}
    if path.parent.name == CORRECTIONS_FOLDER:  # a bucket or its backup
        bad = [p for i, doc in data.get(CORRECTIONS_TABLE, {}).items() for p in check_doc(i, doc)]
        if bad:
            shown = "; ".join(bad[:3]) + (f"; … {len(bad) - 3} more" if len(bad) > 3 else "")
            return f"{len(bad)} damaged correction(s): {shown}", counts
    return None, counts


def _inspect_content(root: Path) -> FileHealth | None:
    """Check every brief's content in the log against the digest the index holds."""
    try:
        index = load_file(root / BRIEFS_FILE)
    except StoreError:
        return None  # the index itself is reported
    if index is None:
        return None
    name = index.get(META_TABLE, {}).get("content", {}).get("log")
    if not isinstance(name, str):
        return None
    path = root / name
    spans = []
    for brief_id, record in index.get("briefs", {}).items():
        try:
            spans.append((brief_id, int(record["at"]), int(record["len"]), str(record["sha"])))
        except (KeyError, TypeError, ValueError):
            return FileHealth(path, path.exists(), f"bad index entry for {brief_id}")
    if not path.exists():
        return FileHealth(path, False, "the content log is missing: import the briefs again")
    damaged = [key for key, payload in content_log.read_many(path, spans) if payload is None]
    problem = None
    if damaged:
        problem = f"content of {len(damaged)} brief(s) damaged: {', '.join(damaged)}"
    return FileHealth(
        path, True, problem, {"briefs": len(spans) - len(damaged)}, damaged=tuple(damaged)
    )


def check(root: Path) -> Health:
    if not root.is_dir():
        raise StoreError(f"{root}: is not a folder")
    read_only = is_read_only(root)
    with StoreLock(root / LOCK_FILE, shared=read_only):
        return dataclasses.replace(_check(root), read_only=read_only)


def _check(root: Path) -> Health:
    files = []
    buckets = [p for p in bucket_paths(root) if p.exists() or backup_path(p).exists()]
    for path in [root / BRIEFS_FILE, root / READER_FILE, root / TRASH_FILE, *buckets]:
        problem, counts = _inspect(path)
        backup = backup_path(path)
        backup_ok = backup.exists() and _inspect(backup)[0] is None
        files.append(FileHealth(path, path.exists(), problem, counts, backup_ok))
    content = _inspect_content(root)
    if content is not None:
        files.insert(1, content)
    leftovers = tuple(
        sorted(
            [*root.glob(f".*{TEMP_SUFFIX}"), *(root / CORRECTIONS_FOLDER).glob(f".*{TEMP_SUFFIX}")]
        )
    )
    return Health(root, tuple(files), leftovers)


def _forget_damaged(root: Path, health: FileHealth) -> str:
    """Unreadable content cannot be restored: drop it from the index so that importing
    the brief again puts it back (its notes, kept by id, come back with it)."""
    if health.ok:
        return ""
    if not health.damaged:
        return f"{health.path}: {health.problem}; import the briefs again"
    # Straight on the index file: we hold the store lock, and a Store would take it again.
    storage = AtomicJSONStorage(root / BRIEFS_FILE)
    data = storage.read() or {}
    for brief_id in health.damaged:
        data.get("briefs", {}).pop(brief_id, None)
    storage.write(data)
    return (
        f"{health.path}: removed {len(health.damaged)} damaged brief(s) from the index "
        f"({', '.join(health.damaged)}); import them again — their notes are kept"
    )


def repair(root: Path, now: dt.datetime | None = None) -> list[str]:
    """Restore each damaged file from its backup, keeping the damaged one beside it.

    Returns one line per action. A damaged file without a good backup is left as it
    is and reported; nothing is ever deleted.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    if is_read_only(root):
        raise read_only_error(root)
    try:
        with StoreLock(root / LOCK_FILE):
            # JSON files first: forgetting damaged content opens the store, which needs them.
            actions = [_restore(root, h, stamp) for h in _check(root).files if _is_json(h)]
            actions += [_forget_damaged(root, h) for h in _check(root).files if not _is_json(h)]
    except OSError as exc:
        raise StoreError(f"{root}: repair failed: {exc.strerror or exc}") from exc
    return [line for line in actions if line]


def _is_json(health: FileHealth) -> bool:
    return not health.path.name.startswith(content_log.LOG_PREFIX)


def _restore(root: Path, health: FileHealth, stamp: str) -> str:
    """Put the backup of a damaged JSON file in its place, keeping the damaged one."""
    if health.ok:
        return ""
    path = health.path
    if not health.backup_ok:
        return f"{path}: damaged ({health.problem}) and no good backup to restore"
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    os.replace(path, kept)
    staged = path.with_name(f".{path.name}.restore{TEMP_SUFFIX}")
    shutil.copyfile(backup_path(path), staged)
    with open(staged, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, path)
    fsync_dir(path.parent)
    return f"{path}: restored from {backup_path(path).name}; damaged copy kept as {kept.name}"
