"""The store's files as TinyDB tables: names, opening, reading every document of a table
at once, writing several tables of one file in one write; and what the index keeps."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.table import Table

from briefs import Brief, BriefError, brief_from_dict
from store.errors import DamagedFileError, StoreError
from store.folder import (
    BRIEFS_FILE,
    CORRECTIONS_FOLDER,
    DRAFTS_FOLDER,
    MARKER_FILE,
    READER_FOLDER,
    TRASH_FILE,
    check_plain,
    has_marker,
    is_empty,
    is_store,
    leftover_temporaries,
    lexists,
    log_files,
    marker_text,
    not_a_store_error,
    split_backups,
)
from store.paths import is_read_only
from store.records import BriefRow
from store.storage import AtomicJSONStorage, Ledger, Validator, atomic_write_bytes


class KeyedTable(Table):
    """A table whose document ids are our own string keys (brief ids, note ids)."""

    document_id_class = str


def docs(table: Table) -> dict[str, dict[str, Any]]:
    """Every document of `table` by id, as stored, in one read of its file.

    TinyDB's public API copies each document into a Document object and offers no
    read-all-by-key; this is the one place that uses its private `_read_table`.
    """
    return table._read_table()  # type: ignore[return-value]


def brief_row(
    brief_id: str,
    doc: Mapping[str, Any],
    note_count: int,
    state: Mapping[str, Any],
    shown: Mapping[str, Any] | None = None,
) -> BriefRow:
    """A list row from an index record, a note count, a state document and what the
    reader's corrections change of the row (`store.corrections.row_overrides`)."""
    get = doc.get
    version = str(get("sha", ""))
    if not shown and not state:  # most rows: read straight from the checked index
        return BriefRow(
            brief_id,
            str(get("title", "")),
            str(get("date", "")),
            get("source"),
            note_count,
            False,
            False,
            version,
        )
    title, date, source = get("title", ""), get("date", ""), get("source")
    corrected = False
    if shown:
        title, date = shown.get("title", title), shown.get("date", date)
        source, corrected = shown.get("source", source), bool(shown.get("corrected"))
        # The catalog re-reads a brief whose version changed: corrections count too.
        version = f"{version}+{shown.get('generation', 0)}"
    return BriefRow(
        id=brief_id,
        title=str(title),
        date=str(date),
        source=source,
        note_count=note_count,
        read=bool(state.get("read", False)),
        starred=bool(state.get("starred", False)),
        version=version,
        corrected=corrected,
    )


Changes = Mapping[str, Mapping[str, dict[str, Any] | None]]


def write_tables(db: TinyDB, changes: Changes) -> None:
    """Apply {table: {doc_id: doc, or None to remove}} to one file in a single write.

    One write for several tables is what makes "save the note and drop its draft"
    atomic. Call it with the store lock held; the storage re-reads a changed file first.
    """
    data = db.storage.read() or {}
    for table, docs in changes.items():
        rows = data.setdefault(table, {})
        for doc_id, doc in docs.items():
            if doc is None:
                rows.pop(doc_id, None)
            else:
                rows[doc_id] = doc
    db.storage.write(data)


class _DB(TinyDB):
    table_class = KeyedTable


def open_db(path: Path, validate: Validator, ledger: Ledger) -> TinyDB:
    return _DB(storage=lambda: AtomicJSONStorage(path, validate, ledger=ledger))  # type: ignore[arg-type]


def index_record(brief: Brief, span: tuple[int, int], sha: str) -> dict[str, Any]:
    """What the index keeps of a brief: the list's fields and where its content lies."""
    return {
        "title": brief.title,
        "date": brief.date,
        "source": brief.source,
        "url": brief.url,
        "at": span[0],
        "len": span[1],
        "sha": sha,
    }


def span_of(log: Path, brief_id: str, record: Mapping[str, Any]) -> tuple[str, int, int, str]:
    try:
        return brief_id, int(record["at"]), int(record["len"]), str(record["sha"])
    except (KeyError, TypeError, ValueError) as exc:
        index = log.with_name(BRIEFS_FILE)
        raise DamagedFileError(index, f"brief {brief_id}: bad index entry") from exc


def brief_from_payload(log: Path, brief_id: str, payload: bytes) -> Brief:
    try:
        brief = brief_from_dict(orjson.loads(payload))
    except (orjson.JSONDecodeError, BriefError) as exc:
        raise DamagedFileError(log, f"content of {brief_id}: {exc}") from exc
    if brief.id != brief_id:  # an index that points one brief at another's content
        raise DamagedFileError(log, f"content of {brief_id}: holds another brief")
    return brief


def open_folder(root: Path, *, init: bool = False) -> bool:
    """Make `root` ready to open as a store; return whether it is read-only.

    A new or empty folder becomes a store (the marker is written first); a store from
    before the marker gets one; any other folder is refused before anything is written,
    unless `init` asks for a store beside what is there — and nothing there has a name
    the store would take for its own (and so append to, or delete)."""
    if lexists(root) and not root.is_dir():
        raise StoreError(f"{root}: is not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{root}: cannot create the store folder: {exc.strerror}") from exc
    if not os.access(root, os.R_OK | os.X_OK):
        raise StoreError(f"{root}: the store folder cannot be read")
    read_only = is_read_only(root)
    if not is_store(root) and not is_empty(root):
        if not init:
            raise not_a_store_error(root)
        names = (TRASH_FILE, CORRECTIONS_FOLDER, DRAFTS_FOLDER, READER_FOLDER)
        taken = [p for p in (root / n for n in names) if lexists(p)] + split_backups(root)
        taken += log_files(root) + leftover_temporaries(root)
        if taken:
            raise StoreError(f"{root}: holds {taken[0].name}, a name a store keeps for its own")
    if not read_only and not has_marker(root):
        mark(root)
    return read_only


def mark(root: Path) -> None:
    """Write the file that says this folder is a store."""
    check_plain(root / MARKER_FILE)
    atomic_write_bytes(root / MARKER_FILE, marker_text(root), keep_backup=False)
