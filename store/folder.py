"""The store folder: which folders are stores, the names of the files a store writes, and
removing only what a store itself left behind.

A folder handed to us may be anything: the user's home, a folder a desk sent, one with
planted links. So a folder is written into only when it is a store (it holds the marker
file, or — for a store written before the marker — `briefs.json`/`reader.json` or their
backups) or is empty, and the store then deletes only regular files whose names it makes
itself: content logs (`content-NNNNNN.jsonl`) and its own temporaries.

Notes and states live in `reader/NN.json` (NN: two hex digits, the bucket of the brief
id); `reader.json` keeps saved views and older drafts, and until a store written before
the split is migrated (store/reader_book.py), its notes and states too.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import zlib
from pathlib import Path

from store.errors import DamagedFileError, StoreError

BRIEFS_FILE = "briefs.json"
# The index records of the latest imports, laid over briefs.json's: an import rewrites this
# small file, not the whole index, until it has grown to a tenth of it (store/importing.py).
RECENT_FILE = "briefs-recent.json"
READER_FILE = "reader.json"
TRASH_FILE = "trash.json"
LOCK_FILE = ".lock"
MARKER_FILE = ".briefing-store"
CORRECTIONS_FOLDER = "corrections"
DRAFTS_FOLDER = "drafts"
# Notes and read/starred states, by brief-id bucket (store/reader_book.py): a save
# rewrites one small file, whatever the number of notes and briefs.
READER_FOLDER = "reader"
READER_BUCKETS = 256
# reader.json as it was before the split (format 2), kept by the migration: the name
# for the first, then reader-v2-2.json … should an old reader.json ever come back.
SPLIT_BACKUP = re.compile(r"reader-v2(?:-\d{1,4})?\.json")
MARKER_TEXT = b"A briefing store: the README's 'Your data' section says what is in it.\n"

LOG_NAME = re.compile(r"content-\d{6}\.jsonl")
# What the marker's ledger may name (store/storage.py Ledger): the store's JSON files.
LEDGER_NAME = re.compile(
    r"briefs\.json|briefs-recent\.json|reader\.json|trash\.json|corrections/\d\d\.json"
    r"|reader/[0-9a-f]{2}\.json"
)
_JSON_NAMES = (
    rf"(?:{re.escape(BRIEFS_FILE)}|{re.escape(RECENT_FILE)}|{re.escape(READER_FILE)}"
    rf"|{re.escape(TRASH_FILE)})"
)
# Temporaries: `.NAME.PID.tmp` (store/storage.py, content_log.write_new), `.NAME.restore.tmp`
# (store/restore.py), in the folder itself and in corrections/ (NAME = NN.json).
_OWN = rf"(?:{_JSON_NAMES}|{SPLIT_BACKUP.pattern}|content-\d{{6}}\.jsonl|{re.escape(MARKER_FILE)})"
_TEMP_TOP = re.compile(rf"\.{_OWN}(?:\.bak)?\.(?:\d+|restore)\.tmp")
_TEMP_MARKER = re.compile(rf"\.{re.escape(MARKER_FILE)}\.\d+\.tmp")
_TEMP_BUCKET = re.compile(r"\.\d\d\.json(?:\.bak)?\.(?:\d+|restore)\.tmp")
_TEMP_READER = re.compile(r"\.[0-9a-f]{2}\.json(?:\.bak)?\.(?:\d+|restore)\.tmp")
_LEGACY = (BRIEFS_FILE, READER_FILE, BRIEFS_FILE + ".bak", READER_FILE + ".bak")


def reader_bucket(brief_id: str) -> str:
    """The file under reader/ that holds a brief's notes and state. crc32, not hash():
    the same in every process and every run."""
    return f"{zlib.crc32(brief_id.encode('utf-8')) % READER_BUCKETS:02x}.json"


def reader_bucket_paths(root: Path) -> list[Path]:
    folder = root / READER_FOLDER
    return [folder / f"{n:02x}.json" for n in range(READER_BUCKETS)]


def split_backups(root: Path) -> list[Path]:
    """The copies of reader.json the migration to reader/ kept (regular files only)."""
    return _ours(root, SPLIT_BACKUP)


def lexists(path: Path) -> bool:
    """Whether anything (a file, a folder, a link, even a broken one) has this name."""
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def plain_file_problem(path: Path) -> str | None:
    """Why `path` cannot be a store file (None when it is a regular file or absent).

    A link could lead a write or a read anywhere, a folder or a device is not a file:
    each is damage to report, never something to follow."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be examined: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "is a symbolic link, not a plain file"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return "is not a regular file"


def check_plain(path: Path) -> None:
    problem = plain_file_problem(path)
    if problem is not None:
        raise DamagedFileError(path, problem)


def folder_problem(path: Path) -> str | None:
    """Why `path` cannot be a store's sub-folder (corrections/, drafts/); None when it is a
    real folder or absent. Through a link, writes would land wherever it points."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be examined: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return None
    kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a folder"
    return f"is {kind}; a store keeps a plain folder here"


def check_plain_folder(path: Path) -> None:
    problem = folder_problem(path)
    if problem is not None:
        raise StoreError(f"{path}: {problem}")


def marker_text(root: Path) -> bytes:
    """What the marker holds: its line, then the store files that exist now (the ledger,
    see store/storage.py), for a marker written anew."""
    names = [BRIEFS_FILE, READER_FILE, TRASH_FILE]
    names += [f"{CORRECTIONS_FOLDER}/{n:02d}.json" for n in range(16)]
    names += [f"{READER_FOLDER}/{n:02x}.json" for n in range(READER_BUCKETS)]
    return MARKER_TEXT + "".join(f"{n}\n" for n in names if lexists(root / n)).encode()


def has_marker(root: Path) -> bool:
    return lexists(root / MARKER_FILE)


def is_store(root: Path) -> bool:
    """Whether `root` is a store: the marker, or the files of a store written before it."""
    return has_marker(root) or any(lexists(root / name) for name in _LEGACY)


def is_empty(root: Path) -> bool:
    """Nothing in the folder. A `.lock` and the marker's temporary count as nothing: another
    briefing making this folder a store at this moment leaves them."""
    try:
        names = os.listdir(root)
    except OSError as exc:
        raise StoreError(f"{root}: cannot be listed: {exc.strerror or exc}") from exc
    return all(name == LOCK_FILE or _TEMP_MARKER.fullmatch(name) for name in names)


def not_a_store_error(root: Path) -> StoreError:
    return StoreError(
        f"{root}: is not a briefing store and is not empty; nothing was written there. "
        "Name a new or empty folder for a new store, or pass --init to make one there"
    )


def has_data(root: Path, *, logs: bool = True) -> bool:
    """Whether the store holds anything beyond its marker (with `logs=False`: beyond its
    marker and content logs): then a missing index is damage, not a new store."""
    names = [READER_FILE, TRASH_FILE, BRIEFS_FILE + ".bak", READER_FILE + ".bak", RECENT_FILE]
    names.append(TRASH_FILE + ".bak")
    if any(lexists(root / name) for name in names) or (logs and log_files(root)):
        return True
    if split_backups(root):
        return True
    folders = (root / CORRECTIONS_FOLDER, root / READER_FOLDER)
    return any(folder.is_dir() and any(folder.glob("*.json*")) for folder in folders)


def log_files(root: Path) -> list[Path]:
    """The content logs in the folder (regular files of the log's name), oldest first."""
    found = []
    with contextlib.suppress(OSError):
        for name in os.listdir(root):
            if LOG_NAME.fullmatch(name) and plain_file_problem(root / name) is None:
                found.append(root / name)
    return sorted(found)


def _ours(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    out = []
    for name in names:  # the name first: a path is made only for the few that match
        if pattern.fullmatch(name) and plain_file_problem(path := folder / name) is None:
            out.append(path)
    return sorted(out)


def leftover_temporaries(root: Path) -> list[Path]:
    """Temporary files a crashed writer of this store left behind (our names only)."""
    return (
        _ours(root, _TEMP_TOP)
        + _ours(root / CORRECTIONS_FOLDER, _TEMP_BUCKET)
        + _ours(root / READER_FOLDER, _TEMP_READER)
    )


def relative(root: Path, path: Path) -> str:
    """`path` (made as `root / name…`) by its name in the store, as the ledger and the
    list of checks name files; string work, since an open names some 500 paths."""
    whole, top = str(path), str(root)
    if whole.startswith(top + os.sep):
        return whole[len(top) + 1 :].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def remove_stale_temporaries(root: Path) -> None:
    for leftover in leftover_temporaries(root):
        leftover.unlink(missing_ok=True)


def stale_logs(root: Path, current: str | None) -> list[Path]:
    """Logs the index no longer points at (left by a compaction that was cut short)."""
    return [p for p in log_files(root) if p.name != current]
