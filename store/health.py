"""`briefing check`: what state a store folder is in, and restoring damaged files.

Works on the files directly, without opening a Store, because opening refuses a
damaged file — which is exactly when this is needed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from store import content_log
from store.corrections import FOLDER as CORRECTIONS_FOLDER
from store.corrections import TRASH_FILE, bucket_paths
from store.errors import DamagedFileError, StoreError
from store.folder import (
    BRIEFS_FILE,
    DRAFTS_FOLDER,
    LOCK_FILE,
    LOG_NAME,
    MARKER_FILE,
    READER_FILE,
    READER_FOLDER,
    RECENT_FILE,
    folder_problem,
    has_data,
    is_empty,
    is_store,
    leftover_temporaries,
    lexists,
    marker_text,
    not_a_store_error,
    plain_file_problem,
    reader_bucket_paths,
    split_backups,
)
from store.lock import StoreLock
from store.paths import is_read_only, read_only_error
from store.restore import aside_name, put, rebuild_index, restore_from_backup
from store.shapes import (
    check_bucket_values,
    check_index,
    check_reader,
    check_reader_bucket,
    check_trash,
)
from store.storage import (
    META_TABLE,
    MISSING_WITH_BACKUP,
    AtomicJSONStorage,
    Ledger,
    Validator,
    backup_path,
    load_file,
)
from store.subscriptions import FEEDS_FILE, check_feeds


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


def _validator(path: Path) -> Validator:
    name = path.name.removesuffix(".bak")
    if path.parent.name == CORRECTIONS_FOLDER:
        return check_bucket_values
    if path.parent.name == READER_FOLDER:
        return check_reader_bucket
    if path in split_backups(path.parent):
        return check_reader
    validators = {
        BRIEFS_FILE: check_index,
        RECENT_FILE: check_index,
        READER_FILE: check_reader,
        FEEDS_FILE: check_feeds,
    }
    return validators.get(name, check_trash)


def _inspect(path: Path) -> tuple[str | None, dict[str, int]]:
    try:
        data = load_file(path, _validator(path))
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
        index = load_file(root / BRIEFS_FILE, check_index)
        recent = load_file(root / RECENT_FILE, check_index) or {}
    except StoreError:
        return None  # the index itself is reported
    if index is None:
        return None
    name = index.get(META_TABLE, {}).get("content", {}).get("log")
    if not isinstance(name, str) or not LOG_NAME.fullmatch(name):
        return None
    path = root / name
    records = dict(index.get("briefs", {}))
    if recent.get(META_TABLE, {}).get("content", {}).get("log") == name:
        records.update(recent.get("briefs", {}))  # laid over the index (store/index.py)
    spans = [
        (brief_id, record["at"], record["len"], record["sha"])
        for brief_id, record in records.items()
    ]
    if not lexists(path):
        return FileHealth(path, False, "the content log is missing: import the briefs again")
    try:
        damaged = [
            key
            for key, payload in content_log.read_many(path, spans)
            if payload is None or not _names(payload, key)
        ]
    except StoreError as exc:
        reason = exc.reason if isinstance(exc, DamagedFileError) else str(exc)
        return FileHealth(path, True, reason)
    problem = None
    if damaged:
        problem = f"content of {len(damaged)} brief(s) damaged: {', '.join(damaged)}"
    return FileHealth(
        path, True, problem, {"briefs": len(spans) - len(damaged)}, damaged=tuple(damaged)
    )


def _names(payload: bytes, brief_id: str) -> bool:
    """Whether a brief's content is of that brief (the index could point one brief at
    another's). Content starts with its id as the store writes it: no parse needed."""
    if payload.startswith(b'{"id":"' + brief_id.encode() + b'",'):
        return True
    try:
        return orjson.loads(payload).get("id") == brief_id
    except (orjson.JSONDecodeError, AttributeError):
        return False


def check(root: Path) -> Health:
    if not root.is_dir():
        raise StoreError(f"{root}: is not a folder")
    read_only = is_read_only(root)
    if not is_store(root):
        if not is_empty(root):
            raise not_a_store_error(root)
        # Nothing to guard, and no reason to leave a .lock in a folder that is no store.
        return dataclasses.replace(_check(root), read_only=read_only)
    with StoreLock(root / LOCK_FILE, shared=read_only):
        return dataclasses.replace(_check(root), read_only=read_only)


def _check(root: Path) -> Health:
    files = []
    ledger = Ledger(root)
    buckets = [
        p for p in bucket_paths(root) if lexists(p) or lexists(backup_path(p)) or ledger.knows(p)
    ]
    feeds = (
        [root / FEEDS_FILE] if lexists(root / FEEDS_FILE) or ledger.knows(root / FEEDS_FILE) else []
    )
    recent = [
        p for p in [root / RECENT_FILE] if lexists(p) or lexists(backup_path(p)) or ledger.knows(p)
    ]
    index = [root / BRIEFS_FILE, *recent]
    for path in [*index, root / READER_FILE, root / TRASH_FILE, *buckets, *feeds]:
        files.append(_file_health(root, path, ledger))
    files += _reader_health(root, ledger)
    for path in split_backups(root):  # reader.json before the split: only its damage counts
        problem, counts = _inspect(path)
        files.append(FileHealth(path, True, problem, counts))
    marker = plain_file_problem(root / MARKER_FILE)
    if marker is not None:
        files.append(FileHealth(root / MARKER_FILE, True, marker))
    for name in (CORRECTIONS_FOLDER, DRAFTS_FOLDER, READER_FOLDER):
        problem = folder_problem(root / name)
        if problem is not None:
            files.insert(0, FileHealth(root / name, True, problem))  # repaired first
    content = _inspect_content(root)
    if content is not None:
        files.insert(1, content)
    return Health(root, tuple(files), tuple(leftover_temporaries(root)))


def _file_health(root: Path, path: Path, ledger: Ledger) -> FileHealth:
    problem, counts = _inspect(path)
    backup = backup_path(path)
    backup_ok = lexists(backup) and _inspect(backup)[0] is None
    if problem is None and path.name == BRIEFS_FILE and not lexists(path) and has_data(root):
        problem = "is missing, but the store holds data (--repair rebuilds it from content)"
    elif problem is None and not lexists(path) and ledger.knows(path):
        problem = MISSING_WITH_BACKUP
    return FileHealth(path, lexists(path), problem, counts, backup_ok)


def _reader_health(root: Path, ledger: Ledger) -> list[FileHealth]:
    """reader/: each damaged bucket by name, the good ones as one line for the folder
    (up to 256 files). Nothing is read through a folder that is a link: that is named
    (see _check), and its files are looked at once it is moved aside."""
    if folder_problem(root / READER_FOLDER) is not None:
        return []
    paths = [
        p
        for p in reader_bucket_paths(root)
        if lexists(p) or lexists(backup_path(p)) or ledger.knows(p)
    ]
    found = [_file_health(root, path, ledger) for path in paths]
    good = [f for f in found if f.ok]
    out = [f for f in found if not f.ok]
    if good:
        counts = {"notes": 0, "states": 0}
        for f in good:
            for name in counts:
                counts[name] += f.counts.get(name, 0)
        counts["files"] = len(good)
        backups = all(f.backup_ok for f in good)
        out.append(FileHealth(root / READER_FOLDER, True, None, counts, backups))
    return out


def _forget_damaged(root: Path, health: FileHealth, stamp: str) -> str:
    """Unreadable content cannot be restored: drop it from the index so that importing
    the brief again puts it back (its notes, kept by id, come back with it)."""
    if health.ok:
        return ""
    if not health.damaged:  # the whole log is unusable: a folder, a link, missing
        moved = ""
        if lexists(health.path):
            kept = aside_name(health.path, stamp)
            os.rename(health.path, kept)  # kept whole, whatever it is
            moved = f"; moved aside as {kept.name}"
        rebuilt = rebuild_index(root, stamp)
        return (
            f"{health.path}: {health.problem}{moved}. {rebuilt}; import the briefs again "
            "— their notes are kept"
        )
    # Straight on the index files: we hold the store lock, and a Store would take it again.
    for name in (BRIEFS_FILE, RECENT_FILE):
        storage = AtomicJSONStorage(root / name, check_index)
        data = storage.read()
        table = (data or {}).get("briefs", {})
        if data is not None and any(brief_id in table for brief_id in health.damaged):
            for brief_id in health.damaged:
                table.pop(brief_id, None)
            storage.write(data)
    return (
        f"{health.path}: removed {len(health.damaged)} damaged brief(s) from the index "
        f"({', '.join(health.damaged)}); import them again — their notes are kept"
    )


def repair(root: Path, now: dt.datetime | None = None) -> list[str]:
    """Restore each damaged file from its backup (the index, lacking one, is rebuilt from
    the content), keeping the damaged one beside it.

    Returns one line per action. A damaged file without a good backup is left as it
    is and reported; nothing is ever deleted.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    if not root.is_dir():
        raise StoreError(f"{root}: is not a folder")
    if not is_store(root):
        raise not_a_store_error(root)
    if is_read_only(root):
        raise read_only_error(root)
    actions = []
    try:
        lock = root / LOCK_FILE
        bad_lock = plain_file_problem(lock)
        if bad_lock is not None:  # else no lock can be taken to repair
            os.rename(lock, aside_name(lock, stamp))
            actions.append(f"{lock}: {bad_lock}; moved aside")
        with StoreLock(lock):
            # JSON files first: forgetting damaged content opens the store, which needs them.
            actions += [_restore(root, h, stamp) for h in _check(root).files if _is_json(h)]
            # Again: a folder moved aside shows what was in it as missing.
            actions += [_restore(root, h, stamp) for h in _check(root).files if _is_json(h)]
            logs = [h for h in _check(root).files if not _is_json(h)]
            actions += [_forget_damaged(root, h, stamp) for h in logs]
    except OSError as exc:
        raise StoreError(f"{root}: repair failed: {exc.strerror or exc}") from exc
    return [line for line in dict.fromkeys(actions) if line]


def _is_json(health: FileHealth) -> bool:
    return not health.path.name.startswith(content_log.LOG_PREFIX)


def _restore(root: Path, health: FileHealth, stamp: str) -> str:
    """Put the backup of a damaged JSON file in its place, keeping the damaged one."""
    if health.ok:
        return ""
    path = health.path
    if path.name in (CORRECTIONS_FOLDER, DRAFTS_FOLDER, READER_FOLDER):
        kept = aside_name(path, stamp)
        os.rename(path, kept)  # whatever it is (a link, a file), kept as it is
        return f"{path}: {health.problem}; moved aside as {kept.name}"
    if path.name == MARKER_FILE:
        kept = put(path, marker_text(root), stamp)
        return f"{path}: {health.problem}; written anew, the old one kept as {kept}"
    if health.backup_ok:
        return restore_from_backup(path, stamp)
    if path in split_backups(root):  # a copy only: kept aside, so the store is whole
        kept = aside_name(path, stamp)
        os.rename(path, kept)
        return f"{path}: {health.problem}; a copy of reader.json of format 2, kept as {kept.name}"
    if path.name == BRIEFS_FILE:
        return rebuild_index(root, stamp)
    if path.name == RECENT_FILE and path.parent == root:
        # Its records' briefs are in the content log: a new index holds them all, and
        # the recent file starts empty (the damaged one kept aside).
        return f"{path}: {health.problem}; {rebuild_index(root, stamp)}"
    if health.problem == MISSING_WITH_BACKUP:
        Ledger(root).remember(path, forget=True)
        return f"{path}: missing with its backup, nothing to restore it from; going on without it"
    if not lexists(path):
        return (
            f"{path}: missing, and its backup does not read ({health.problem}); "
            f"move {backup_path(path).name} aside to start the file anew"
        )
    return f"{path}: damaged ({health.problem}) and no good backup to restore"
