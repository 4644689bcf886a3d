"""`briefing check`: what state a store folder is in, and restoring damaged files.

Works on the files directly, without opening a Store, because opening refuses a
damaged file — which is exactly when this is needed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from store import content_log
from store.errors import DamagedFileError, StoreError
from store.storage import META_TABLE, TEMP_SUFFIX, backup_path, fsync_dir, load_file
from store.store import BRIEFS_FILE, READER_FILE


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
    damaged: list[str] = []
    for span in spans:
        try:
            list(content_log.read_many(path, [span]))
        except DamagedFileError:
            damaged.append(span[0])
    if not path.exists():
        return FileHealth(path, False, "the content log is missing: import the briefs again")
    problem = None
    if damaged:
        problem = f"content of {len(damaged)} brief(s) damaged: {', '.join(damaged)}"
    return FileHealth(
        path, True, problem, {"briefs": len(spans) - len(damaged)}, damaged=tuple(damaged)
    )


def check(root: Path) -> Health:
    if not root.is_dir():
        raise StoreError(f"{root}: is not a folder")
    files = []
    for name in (BRIEFS_FILE, READER_FILE):
        path = root / name
        problem, counts = _inspect(path)
        backup = backup_path(path)
        backup_ok = backup.exists() and _inspect(backup)[0] is None
        files.append(FileHealth(path, path.exists(), problem, counts, backup_ok))
    content = _inspect_content(root)
    if content is not None:
        files.insert(1, content)
    leftovers = tuple(sorted(root.glob(f".*{TEMP_SUFFIX}")))
    return Health(root, tuple(files), leftovers)


def _forget_damaged(root: Path, health: FileHealth) -> str:
    """Unreadable content cannot be restored: drop it from the index so that importing
    the brief again puts it back (its notes, kept by id, come back with it)."""
    if not health.damaged:
        return f"{health.path}: {health.problem}; import the briefs again"
    from store.store import Store

    Store(root, seed=False).forget(health.damaged)
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
    actions = []
    for health in check(root).files:
        if health.ok:
            continue
        if health.path.name.startswith(content_log.LOG_PREFIX):
            actions.append(_forget_damaged(root, health))
            continue
        path = health.path
        if not health.backup_ok:
            actions.append(f"{path}: damaged ({health.problem}) and no good backup to restore")
            continue
        kept = path.with_name(f"{path.name}.damaged-{stamp}")
        os.replace(path, kept)
        staged = path.with_name(f".{path.name}.restore{TEMP_SUFFIX}")
        shutil.copyfile(backup_path(path), staged)
        with open(staged, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(staged, path)
        fsync_dir(root)
        actions.append(
            f"{path}: restored from {backup_path(path).name}; damaged copy kept as {kept.name}"
        )
    return actions
