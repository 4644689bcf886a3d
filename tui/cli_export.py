"""`briefing export`: briefs with their notes as JSON, Markdown, CSL-JSON (for Zotero) or
a folder of Obsidian notes, and the corrected briefs as article/gold pairs; `--out` writes
to what the user named."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from briefs import Brief, Note
from briefs.text import to_json
from store import Store, StoreError
from store.storage import TEMP_SUFFIX, atomic_write_bytes, fsync_dir
from tui.cli_common import EXIT_FAILED, UsageError, say, selected

EXPORT_BATCH = 500  # briefs read at a time: notes and states are read once per batch
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
    # Written as it is made, a few hundred briefs at a time: an export of a whole store
    # (650 MB at 100,000 briefs) is never held whole, as text or as records.
    pieces = _pieces(fmt, _records(store, ids, query))
    if out:
        write_out(Path(out), (piece.encode("utf-8") for piece in pieces))
    else:
        for piece in pieces:
            sys.stdout.write(piece)
    return 0


def _pieces(fmt: str, records: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The export's text, a piece per record. JSON is exactly what `to_json(records)`
    gives (an indented array), so exports read the same whatever their size."""
    if fmt == "markdown":
        for k, record in enumerate(records):
            yield ("\n---\n\n" if k else "") + _markdown(record)
        return
    if fmt == "csl-json":
        from briefs.csl import csl_item

        items: Iterator[Any] = (csl_item(*_brief_and_notes(r)) for r in records)
    else:
        items = records
    empty = True
    for item in items:
        yield ("[\n" if empty else ",\n") + _indented(to_json(item))
        empty = False
    yield "[]\n" if empty else "\n]\n"


def _indented(text: str) -> str:
    """`text` (JSON, one value) as an item of an indented array: two spaces in. JSON
    text holds no newline inside a string, so each line is one line of the layout."""
    return "  " + text.replace("\n", "\n  ")


def _records(store: Store, ids: list[str], query: str | None) -> Iterator[dict[str, Any]]:
    """The export records (corrected briefs, notes read once per batch) of the briefs the
    ids and the query select, a batch at a time. An unknown id is refused before any is
    given (StoreError)."""
    chosen = selected(store, query)
    rows = store.rows()
    if ids:
        known = {r.id for r in rows}
        unknown = next((i for i in ids if i not in known), None)
        if unknown is not None:
            raise StoreError(f"no brief with id {unknown!r}")
    if chosen is None:
        wanted = list(ids) if ids else [r.id for r in rows]
    else:
        wanted = [r.id for r in rows if r.id in chosen and (not ids or r.id in ids)]
    return _batches(store, wanted)


def _batches(store: Store, wanted: list[str]) -> Iterator[dict[str, Any]]:
    for first in range(0, len(wanted), EXPORT_BATCH):
        yield from store.export_records(wanted[first : first + EXPORT_BATCH])


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


def _export_obsidian(records: Iterable[dict[str, Any]], folder: Path) -> int:
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


def write_out(path: Path, data: Iterable[bytes]) -> None:
    """Write `data` (pieces, made as they are written) to what `path` names.

    A regular file (or a new one) is replaced atomically; through a symbolic link, the
    link's target is, and the link stays. A FIFO, a terminal, /dev/null or a descriptor
    (/dev/stdout, /proc/self/fd/N) is written into: replacing it would take a device or a
    pipe away from everything else that uses it. A folder, a block device or a socket is
    refused (UsageError), before anything is made.
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
            _replace_with(target, data)
        except OSError as exc:
            raise UsageError(f"--out {path}: could not save: {exc.strerror or exc}") from exc
        return
    _write_into(path, data, append=stat.S_ISREG(mode))


def _replace_with(target: Path, data: Iterable[bytes]) -> None:
    """Replace `target` atomically by the pieces of `data`: written to a new temporary
    file beside it (never through a link left there), flushed and fsynced, renamed over
    it, and the folder fsynced. A failure — or an error while the pieces are made —
    leaves `target` as it was."""
    temp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with open(fd, "wb") as handle:
            for piece in data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _write_into(path: Path, data: Iterable[bytes], *, append: bool) -> None:
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
        for piece in data:
            view = memoryview(piece)
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
