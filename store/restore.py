"""Putting a damaged store file right: from its backup, or (the index) from the content.

Every step leaves a whole file in place: the restored file is written and fsynced under a
temporary name first, the damaged one is kept under a new name by a hard link (or, when
it is a folder or a link, moved aside whole), and one rename puts the restored file in
place. A kill at any point leaves the damaged file or the restored one, and the backup.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

import orjson

from briefs import Brief, BriefError, brief_from_dict
from store import content_log
from store.errors import StoreError
from store.folder import BRIEFS_FILE, RECENT_FILE, lexists, log_files
from store.shapes import check_index
from store.storage import (
    FORMAT_VERSION,
    META_TABLE,
    TEMP_SUFFIX,
    atomic_write_bytes,
    backup_path,
    fsync_dir,
)
from store.tables import index_record


def _read_plain(path: Path) -> bytes:
    with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
        return handle.read()


def aside_name(path: Path, stamp: str) -> Path:
    """NAME.damaged-STAMP, or with -2, -3... when a copy of this second is already kept."""
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while lexists(kept):
        n += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return kept


def _keep_aside(path: Path, kept: Path) -> None:
    """Keep what is at `path` under `kept`, leaving `path` in place when it is a file."""
    if stat.S_ISREG(os.lstat(path).st_mode):
        try:
            os.link(path, kept)
        except OSError:  # a file system without hard links
            shutil.copyfile(path, kept, follow_symlinks=False)
    else:
        os.rename(path, kept)


def put(path: Path, payload: bytes, stamp: str) -> str | None:
    """Replace `path` by `payload`, keeping what was there as NAME.damaged-STAMP; return
    the kept name (None when nothing was there)."""
    staged = path.with_name(f".{path.name}.restore{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staged)
    fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with open(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    kept = None
    if lexists(path):
        kept = aside_name(path, stamp)
        _keep_aside(path, kept)
    os.replace(staged, path)
    fsync_dir(path.parent)
    return None if kept is None else kept.name


def restore_from_backup(path: Path, stamp: str) -> str:
    kept = put(path, _read_plain(backup_path(path)), stamp)
    done = f"{path}: restored from {backup_path(path).name}"
    return done + (f"; damaged copy kept as {kept}" if kept else " (the file was missing)")


def _put_with_backup(path: Path, payload: bytes, stamp: str) -> str | None:
    kept = put(path, payload, stamp)
    with contextlib.suppress(StoreError, OSError):  # a good backup of the new file
        backup = backup_path(path)
        if lexists(backup):
            put(backup, payload, stamp)
        else:
            atomic_write_bytes(backup, payload, keep_backup=False)
    return kept


def rebuild_index(root: Path, stamp: str) -> str:
    """Write a new index from the briefs the content logs hold (the last version of each,
    oldest log first), into a new log of its own; unreadable lines are skipped."""
    latest: dict[str, tuple[Brief, bytes]] = {}
    skipped = 0
    logs = log_files(root)
    for log in logs:
        try:
            raw = _read_plain(log)
        except OSError:
            skipped += 1
            continue
        for line in raw.split(b"\n"):
            if not line.strip():
                continue
            try:
                brief = brief_from_dict(orjson.loads(line))
            except (orjson.JSONDecodeError, BriefError):
                skipped += 1
                continue
            latest[brief.id] = (brief, line)
    generation = max((content_log.generation_of(p.name) for p in logs), default=0) + 1
    name = content_log.log_name(generation)
    payloads = [line for _, line in latest.values()]
    spans = content_log.write_new(root / name, payloads)
    records = {
        brief_id: index_record(brief, span, content_log.digest(line))
        for (brief_id, (brief, line)), span in zip(latest.items(), spans, strict=True)
    }
    meta = {"content": {"log": name}, "format": {"version": FORMAT_VERSION}}
    tree = {"briefs": records, META_TABLE: meta}
    check_index(root / BRIEFS_FILE, tree)  # type: ignore[arg-type]
    kept = _put_with_backup(root / BRIEFS_FILE, orjson.dumps(tree), stamp)
    # The recent index's records are in the new index: it starts empty, after the index is
    # in place (until then it names the old log, so it is not laid over the new index, and
    # a kill between loses nothing). Written even when it is gone with its backup: the
    # store remembers writing it, and a store missing a file it wrote does not open.
    _put_with_backup(root / RECENT_FILE, orjson.dumps({"briefs": {}, META_TABLE: meta}), stamp)
    # The old logs are stale now. Whole, they hold nothing the new one lacks; with lines
    # that did not read, they are kept aside under a name no store takes for a log.
    for log in logs:
        if skipped:
            os.rename(log, aside_name(log, stamp))
        else:
            log.unlink(missing_ok=True)
    found = f"{len(records)} brief(s)"
    if skipped:
        found += f", {skipped} unreadable line(s) skipped (the old logs kept as *.damaged-*)"
    note = f"; damaged copy kept as {kept}" if kept else ""
    return f"{root / BRIEFS_FILE}: rebuilt from the content log(s): {found}{note}"
