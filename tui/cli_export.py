"""`briefing export`: briefs with their notes as JSON, Markdown, CSL-JSON (for Zotero) or
a folder of Obsidian notes, and the corrected briefs as article/gold pairs; `--out` writes
to what the user named."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from briefs import Brief, Note
from briefs.text import to_json
from store import Store, StoreError
from store.storage import atomic_write_bytes
from tui.cli_common import EXIT_FAILED, UsageError, say, selected

# Folders where a name stands for a device or a descriptor: written into, never replaced.
_DEVICE_FOLDERS = ("/dev/", "/proc/")


def export(
    store: Store, fmt: str, out: str | None, ids: list[str], *, query: str | None = None
) -> int:
    if fmt == "obsidian":
        if not out:
            raise UsageError("--format obsidian writes one note per brief: give --out DIR")
        folder = _vault_folder(Path(out))  # before any work: a wrong --out costs nothing
        return _export_obsidian(_records(store, ids, query), folder)
    records = _records(store, ids, query)
    if fmt == "json":
        text = to_json(records) + "\n"
    elif fmt == "csl-json":
        from briefs.csl import csl_item

        text = to_json([csl_item(*_brief_and_notes(r)) for r in records]) + "\n"
    else:
        text = "\n---\n\n".join(_markdown(record) for record in records)
    if out:
        write_out(Path(out), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def _records(store: Store, ids: list[str], query: str | None) -> list[dict[str, Any]]:
    """The export records (corrected briefs, notes read once for all) of the briefs the
    ids and the query select."""
    chosen = selected(store, query)
    if chosen is None:
        return store.export_records(ids or None)
    wanted = [r.id for r in store.rows() if r.id in chosen and (not ids or r.id in ids)]
    return store.export_records(wanted)


def _brief_and_notes(record: dict[str, Any]) -> tuple[Brief, list[Note]]:
    """The brief and notes an export record holds (the record holds the corrected brief,
    its notes and flags, so nothing is read again per brief)."""
    from briefs import BriefError, brief_from_dict

    try:
        brief = brief_from_dict(record)
    except BriefError as exc:
        raise StoreError(f"{record.get('id')}: {exc}") from exc
    notes = [
        Note(n["id"], brief.id, n["text"], n["created"], n["updated"])
        for n in record.get("notes", ())
    ]
    return brief, notes


def _markdown(record: dict[str, Any]) -> str:
    from briefs.markdown import brief_markdown

    brief, notes = _brief_and_notes(record)
    return brief_markdown(brief, notes, starred=bool(record.get("starred")))


def _vault_folder(folder: Path) -> Path:
    """The folder an Obsidian export writes into, made when it is missing."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {folder}: is not a folder (--format obsidian writes one)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {folder}: cannot create: {exc.strerror or exc}") from exc
    return folder


def _export_obsidian(records: list[dict[str, Any]], folder: Path) -> int:
    """ID.md for each brief, each replaced atomically. Nothing else in the folder is read,
    written or deleted; a note whose text is unchanged is left as it is (no new mtime for a
    vault's sync to carry). A note that cannot be written is reported, the rest are."""
    from briefs.ids import is_valid_id
    from briefs.obsidian import obsidian_note

    written = unchanged = failed = 0
    for record in records:
        brief, notes = _brief_and_notes(record)
        path = folder / f"{brief.id}.md"
        if not is_valid_id(brief.id):  # the store checks ids; a file name must be one
            say(f"{path}: not a brief id, not written", err=True)
            failed += 1
            continue
        payload = obsidian_note(
            brief, notes, starred=bool(record.get("starred")), read=bool(record.get("read"))
        ).encode("utf-8")
        if _holds(path, payload):
            unchanged += 1
            continue
        try:
            atomic_write_bytes(path, payload, keep_backup=False)
        except StoreError as exc:
            say(str(exc), err=True)
            failed += 1
            continue
        written += 1
    say(
        f"wrote {written} note(s) to {folder}"
        + (f"; {unchanged} unchanged" if unchanged else "")
        + (f"; {failed} failed" if failed else "")
    )
    return EXIT_FAILED if failed else 0


def _holds(path: Path, payload: bytes) -> bool:
    """Whether `path` is a regular file (not a link) that holds exactly `payload`."""
    try:
        found = os.lstat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(payload):
            return False
        return path.read_bytes() == payload
    except OSError:
        return False


def write_out(path: Path, data: bytes) -> None:
    """Write `data` to what `path` names.

    A regular file (or a new one) is replaced atomically; through a symbolic link, the
    link's target is, and the link stays. A FIFO, a terminal, /dev/null or a descriptor
    (/dev/stdout, /proc/self/fd/N) is written into: replacing it would take a device or a
    pipe away from everything else that uses it. A folder, a block device or a socket is
    refused (UsageError).
    """
    try:
        found = os.stat(path)  # follows links: the kind of thing the name leads to
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise UsageError(f"--out {path}: {exc.strerror or exc}") from exc
    mode = found.st_mode if found is not None else 0
    if found is not None and stat.S_ISDIR(mode):
        raise UsageError(f"--out {path}: is a folder")
    if found is not None and (stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket"
        raise UsageError(f"--out {path}: is {kind}, not written")
    named = os.path.abspath(path)
    in_device_folder = any(named.startswith(folder) for folder in _DEVICE_FOLDERS)
    if (found is None or stat.S_ISREG(mode)) and not in_device_folder:
        target = Path(os.path.realpath(path))
        if not target.parent.is_dir():
            raise UsageError(f"--out {path}: the folder {target.parent} does not exist")
        try:
            atomic_write_bytes(target, data, keep_backup=False)
        except StoreError as exc:
            reason = getattr(exc.__cause__, "strerror", None) or exc
            raise UsageError(f"--out {path}: could not save: {reason}") from exc
        return
    _write_into(path, data, append=stat.S_ISREG(mode))


def _write_into(path: Path, data: bytes, *, append: bool) -> None:
    """Write into an existing FIFO, terminal or descriptor (never created, never renamed).

    A regular file reached through a descriptor (`--out /dev/stdout >> log`) is appended
    to: the shell truncated it already if it was asked to.
    """
    flags = os.O_WRONLY | os.O_NOCTTY | (os.O_APPEND if append else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UsageError(f"--out {path}: {exc.strerror or exc}") from exc
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"--out {path}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def export_corrections(store: Store, folder: Path, ids: list[str], query: str | None) -> int:
    """ID.txt and ID.gold.json (briefs/gold.py) for every corrected brief with a body."""
    chosen = selected(store, query)
    wanted = [
        i
        for i in store.corrected_ids()
        if (chosen is None or i in chosen) and (not ids or i in ids)
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create: {exc.strerror or exc}") from exc
    from briefs.gold import article_text, gold_answer

    written = skipped = 0
    for brief_id, brief in store.read_briefs(wanted):
        article = None if brief is None else article_text(brief)
        if brief is None or article is None:
            skipped += 1
            continue
        atomic_write_bytes(folder / f"{brief_id}.txt", article.encode(), keep_backup=False)
        payload = (to_json(gold_answer(brief)) + "\n").encode()
        atomic_write_bytes(folder / f"{brief_id}.gold.json", payload, keep_backup=False)
        written += 1
    say(
        f"wrote {written} article(s) with gold answers to {folder}"
        + (f"; {skipped} corrected brief(s) without a body skipped" if skipped else "")
    )
    return 0
