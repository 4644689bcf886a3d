"""`briefing export`: briefs with their notes as JSON or Markdown, and the corrected
briefs as article/gold pairs; `--out` writes to what the user named."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from briefs.text import to_json
from store import Store, StoreError
from store.storage import atomic_write_bytes
from tui.cli_common import UsageError, say, selected

# Folders where a name stands for a device or a descriptor: written into, never replaced.
_DEVICE_FOLDERS = ("/dev/", "/proc/")


def export(
    store: Store, fmt: str, out: str | None, ids: list[str], *, query: str | None = None
) -> int:
    chosen = selected(store, query)
    if chosen is None:
        records = store.export_records(ids or None)
    else:
        wanted = [r.id for r in store.rows() if r.id in chosen and (not ids or r.id in ids)]
        records = store.export_records(wanted)
    if fmt == "json":
        text = to_json(records) + "\n"
    else:
        text = "\n---\n\n".join(_markdown(record) for record in records)
    if out:
        write_out(Path(out), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def _markdown(record: dict[str, Any]) -> str:
    """One export record as Markdown: the record holds the corrected brief, its notes and
    flags, so nothing is read again per brief (notes were read once for all of them)."""
    from briefs import BriefError, Note, brief_from_dict
    from briefs.markdown import brief_markdown

    try:
        brief = brief_from_dict(record)
    except BriefError as exc:
        raise StoreError(f"{record.get('id')}: {exc}") from exc
    notes = [
        Note(n["id"], brief.id, n["text"], n["created"], n["updated"])
        for n in record.get("notes", ())
    ]
    return brief_markdown(brief, notes, starred=bool(record.get("starred")))


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
