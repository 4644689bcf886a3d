"""What the reader derived from every brief, kept beside the store: `cache/search.sqlite`.

One SQLite file (with its full-text index, FTS5, which Python's sqlite3 carries) holds, per
brief, its id, the version (content digest and corrections generation) the entry was made
from, the entry (opaque here: a JSON list the interface encodes and checks value by value
before use) and the words searched — text and names in one FTS5 table, with positions,
so phrases are found; the body's distinct words in another, without. Each brief has a
number, its `key`, which the FTS rows share. So the next start reads again only the briefs
that changed, and a search asks the file for the briefs holding a word instead of keeping
every brief's text in memory (`word_hits`, the `briefs.search.lookup.WordLookup`).

It is a cache, not data. Every entry is used only while its version is still the brief's
in the index; anything else is read again from the content and written anew, brief by
brief. A file that is not an SQLite database, holds any table, index or trigger other than
ours, is of another format or kind (other code made its entries), or is found damaged
while read, is deleted and made anew. It is opened without following a link (`nofollow`),
with `trusted_schema` off, and only ever queried with our own statements. A store that
cannot be written keeps its cache in a temporary folder for the session. Deleting `cache/` is always
safe.

Text indexed is the folded words of each field one space apart (see
`briefs.search.docs.indexed`): FTS5's `ascii` tokenizer cuts it exactly where
`briefs.folding.words` did (only ASCII characters that are not letters or digits
separate, and folded words hold none), so a token is a word and a prefix query a word
start.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sqlite3
import tempfile
import threading
import urllib.parse
import weakref
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from store.errors import StoreError
from store.folder import check_plain, check_plain_folder, plain_file_problem

FOLDER = "cache"
FILE = "search.sqlite"
OLD_FILE = "scan.jsonl"  # the cache of earlier versions, removed once this one is made
FORMAT = "2"
_SIDE = ("-wal", "-shm", "-journal")  # SQLite's own files beside the database
_CHUNK = 2000  # entries read per statement: the lock is never held across a whole read
_MAX_SEEN = 1 << 22  # keys watched for changes made elsewhere (8 bytes each, as they come)
MAX_ENTRY = 16 * 1024 * 1024  # bytes; far above any brief the import limits let in

Entry = list[Any]  # what the catalog keeps, after the version

_SCHEMA = (
    "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE docs(key INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    " version TEXT NOT NULL, entry BLOB NOT NULL)",
    "CREATE VIRTUAL TABLE text_words USING fts5(text, names, tokenize='ascii')",
    "CREATE VIRTUAL TABLE body_words USING fts5(body, tokenize='ascii', detail=none)",
)


def cache_path(root: Path) -> Path:
    return root / FOLDER / FILE


def _create(conn: sqlite3.Connection, kind: str) -> None:
    conn.execute("BEGIN")
    for statement in _SCHEMA:
        conn.execute(statement)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("kind", kind)])
    conn.execute("COMMIT")


def _schema(conn: sqlite3.Connection) -> set[tuple[Any, ...]]:
    return set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def _expected_schema() -> set[tuple[Any, ...]]:
    conn = sqlite3.connect(":memory:")
    try:
        _create(conn, "")
        # AUTOINCREMENT's table: a fresh file holds it once a row was ever written.
        conn.execute("INSERT INTO docs(id, version, entry) VALUES ('', '', '')")
        return _schema(conn)
    finally:
        conn.close()


_EXPECTED: set[tuple[Any, ...]] | None = None


def _connect(target: str, *, uri: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")  # a damaged page is an error, not a read
    # Another process's batch is short, but one suspended mid-batch (ctrl+z) holds the
    # write lock for good: a write here gives up soon (the brief's words then stay in
    # memory, searched as before) rather than freeze the reader 5 s a call. Reads never
    # wait: the file is in WAL mode.
    conn.execute("PRAGMA busy_timeout = 250")
    return conn


def _sound(conn: sqlite3.Connection, kind: str) -> bool:
    """Ours, of this format and kind, and nothing else in it."""
    global _EXPECTED
    if _EXPECTED is None:
        _EXPECTED = _expected_schema()
    schema = _schema(conn)
    fresh = {item for item in _EXPECTED if item[1] != "sqlite_sequence"}
    if schema not in (_EXPECTED, fresh):
        return False
    meta = dict(conn.execute("SELECT name, value FROM meta"))
    return meta == {"format": FORMAT, "kind": kind}


def _remove(path: Path) -> None:
    """Delete the database and SQLite's files beside it (regular files only: ours)."""
    for name in (path, *(path.with_name(path.name + side) for side in _SIDE)):
        if plain_file_problem(name) is None:
            with contextlib.suppress(OSError):
                name.unlink()


def _open_file(root: Path, kind: str) -> sqlite3.Connection | None:
    folder = root / FOLDER
    path = folder / FILE
    try:
        check_plain_folder(folder)
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        check_plain_folder(folder)
        check_plain(path)
        for side in _SIDE:
            check_plain(path.with_name(path.name + side))
    except (OSError, StoreError):
        return None
    if not path.exists():
        _remove(path)  # a journal left without its database belongs to no database
    old = folder / OLD_FILE
    if plain_file_problem(old) is None and old.exists():
        with contextlib.suppress(OSError):
            old.unlink()
    target = "file:" + urllib.parse.quote(str(path)) + "?nofollow=1"
    for attempt in range(2):
        conn = None
        try:
            conn = _connect(target, uri=True)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # a cache: a power cut may lose the last
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                _create(conn, kind)
            if _sound(conn, kind):
                return conn
        except sqlite3.Error:
            pass
        if conn is not None:
            conn.close()
        if attempt == 0:
            _remove(path)
    return None


def _let_go(conn: sqlite3.Connection, folder: Path) -> None:
    """A temporary cache's end: its connection closed, its folder removed."""
    with contextlib.suppress(sqlite3.Error):
        conn.close()
    shutil.rmtree(folder, ignore_errors=True)


def _corrupt(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


# What a read may meet that says nothing of the file: another process's hold, memory.
_PASSING = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOMEM", "SQLITE_INTERRUPT")


def _damaged_in_read(exc: sqlite3.Error) -> bool:
    """A read failed for the file's sake: damaged pages of the word index may fail as a
    plain SQLITE_ERROR ('vtable constructor failed'), not only as SQLITE_CORRUPT."""
    return getattr(exc, "sqlite_errorname", "") not in _PASSING


class ScanCache:
    """The open cache. Safe to share between threads (each call takes a lock)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, kind: str) -> None:
        self._conn = conn
        self.path = path  # None: in memory, for this session only
        self.kind = kind
        self._lock = threading.Lock()
        self.damaged = False  # found so while read: `reset` before use
        self._gone: weakref.finalize | None = None  # a temporary cache's removal
        # Another reader on the store shares the file: what this one last wrote or read
        # under each key (a hash of the version, 0 for none) and the file's data_version
        # then, so an entry changed elsewhere is found (`disagreeing`), not trusted.
        self._seen = array("q")
        self._data_version = self._file_version()
        self._doubt: set[int] = set()  # found so, until written again or `trusted`

    @classmethod
    def open(cls, root: Path, kind: str, *, writable: bool = True) -> ScanCache:
        """The cache of the store at `root` for entries of `kind`; never raises. A missing,
        damaged or foreign file is made anew; without one (`writable` False, or the folder
        cannot hold it) the cache is `temporary`."""
        conn = _open_file(root, kind) if writable else None
        if conn is not None:
            return cls(conn, cache_path(root), kind)
        return cls.temporary(kind)

    @classmethod
    def temporary(cls, kind: str) -> ScanCache:
        """A cache for this session only, on disk in a folder of its own under the system's
        temporary folder (a store that cannot be written: its words then cost no memory
        either), removed when closed or at exit; in memory if no such folder can be made."""
        try:
            folder = Path(tempfile.mkdtemp(prefix="briefing-search-"))
        except OSError:
            return cls.in_memory(kind)
        conn = _open_file(folder, kind)
        if conn is None:
            shutil.rmtree(folder, ignore_errors=True)
            return cls.in_memory(kind)
        cache = cls(conn, cache_path(folder), kind)
        cache._gone = weakref.finalize(cache, _let_go, conn, folder)
        return cache

    @classmethod
    def in_memory(cls, kind: str) -> ScanCache:
        """A cache for this session only (a store that cannot be written, tests)."""
        conn = _connect(":memory:", uri=False)
        _create(conn, kind)
        return cls(conn, None, kind)

    def reset(self) -> None:
        """Empty it (after damage was found): a new file, or memory when none can be made."""
        with self._lock:
            self._conn.close()
            conn = None
            if self.path is not None:
                _remove(self.path)
                conn = _open_file(self.path.parent.parent, self.kind)
            if conn is None:
                self.path = None
                conn = _connect(":memory:", uri=False)
                _create(conn, self.kind)
            self._conn = conn
            self.damaged = False
            self._seen = array("q")
            self._data_version = self._file_version()
            self._doubt = set()

    def _file_version(self) -> int:
        """SQLite's count of commits made by other connections (the lock held, or at open)."""
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return -1

    def _saw(self, key: int, version: str) -> None:
        seen = self._seen
        if not 0 < key < _MAX_SEEN:
            return  # keys are counted from 1 by the file: far ones go unwatched
        if key >= len(seen):
            seen.frombytes(bytes(8 * (key + 1 - len(seen) + 1024)))  # zeros, some to spare
        seen[key] = hash(version) or 1

    def disagreeing(self) -> set[int]:
        """The keys whose entries another connection (another reader on the store) changed
        or removed since this one wrote or read them: their words and entries are no longer
        what this one holds, and are to be written again (until then, or until `trusted`,
        they are named at every call). Costs one pragma when nobody else committed; else
        one read of every key and version (0.3 s at 100,000 briefs: off the UI thread)."""
        with self._lock:
            self._doubt |= self._changed_elsewhere()
            return set(self._doubt)

    def trusted(self, keys: Iterable[int]) -> None:
        """These keys' entries are as good as this reader's own now (or none of its own)."""
        with self._lock:
            self._doubt.difference_update(keys)

    def _changed_elsewhere(self) -> set[int]:
        """`disagreeing`'s new keys (the lock held)."""
        now = self._file_version()
        if now == self._data_version:
            return set()
        self._data_version = now
        seen = self._seen
        mine = {k for k in range(len(seen)) if seen[k]}
        out: set[int] = set()
        try:
            for key, version in self._conn.execute("SELECT key, version FROM docs"):
                if key in mine:
                    mine.discard(key)
                    now_seen = (hash(version) or 1) if type(version) is str else -1
                    if now_seen != seen[key]:
                        seen[key] = now_seen  # kept in `_doubt` till written again
                        out.add(key)
        except sqlite3.Error:
            mine = {k for k in range(len(seen)) if seen[k]}  # unreadable: none trusted
        for key in mine:  # removed elsewhere (or unreadable)
            seen[key] = 0
        return out | mine

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._gone is not None:
                self._gone()

    # -- entries ---------------------------------------------------------------------

    def entries(self) -> Iterator[tuple[int, str, str, Entry]]:
        """(key, brief id, version, entry) of each brief, in key order. A row of the wrong
        types or an entry over MAX_ENTRY bytes is skipped (its brief is read again);
        damage ends the read and sets `damaged`."""
        last = -1
        while True:
            try:
                with self._lock:
                    rows = self._conn.execute(
                        "SELECT key, id, version, CASE WHEN length(entry) <= ? THEN entry END"
                        " FROM docs WHERE key > ? ORDER BY key LIMIT ?",
                        (MAX_ENTRY, last, _CHUNK),
                    ).fetchall()
                    for key, _, version, _ in rows:
                        if type(key) is int and type(version) is str:
                            self._saw(key, version)
            except sqlite3.Error:
                self.damaged = True
                return
            if not rows:
                return
            for key, brief_id, version, entry in rows:
                last = key
                if type(brief_id) is not str or type(version) is not str:
                    continue
                try:
                    item = orjson.loads(entry)
                except (orjson.JSONDecodeError, TypeError):
                    continue
                if isinstance(item, list):
                    yield key, brief_id, version, item

    def entries_of(self, keys: Sequence[int]) -> dict[int, Entry]:
        """The entries of these keys (a JSON value each, unchecked); those it has."""
        out: dict[int, Entry] = {}
        for at in range(0, len(keys), 500):
            chunk = list(keys[at : at + 500])
            marks = ", ".join("?" * len(chunk))
            try:
                with self._lock:
                    rows = self._conn.execute(
                        f"SELECT key, entry FROM docs WHERE key IN ({marks})", chunk
                    ).fetchall()
            except sqlite3.Error:
                return out
            for key, entry in rows:
                with contextlib.suppress(orjson.JSONDecodeError, TypeError):
                    out[key] = orjson.loads(entry)
        return out

    def put_many(
        self, items: Iterable[tuple[str, str, Entry, tuple[str, str, str]]]
    ) -> list[int] | None:
        """Write (brief id, version, entry, (text, names, body)) of each brief in one
        transaction; the keys, in order (a brief keeps its key), or None when the file
        would not take them (the cache then holds none of them)."""
        batch = list(items)
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    keys = self._insert(batch)
                except sqlite3.IntegrityError:  # some are there already: one at a time
                    conn.execute("ROLLBACK")
                    conn.execute("BEGIN IMMEDIATE")
                    keys = [self._upsert(*item) for item in batch]
                conn.execute("COMMIT")
            except (sqlite3.Error, TypeError, ValueError):
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                return None
            for key, item in zip(keys, batch, strict=True):
                self._saw(key, item[1])
            self._doubt.difference_update(keys)
        return keys

    def _insert(self, batch: list[tuple[str, str, Entry, tuple[str, str, str]]]) -> list[int]:
        """Briefs not in the cache (what a scan reads), in three statements: new keys past
        any ever given (AUTOINCREMENT's own count), so no word row can be in the way."""
        conn = self._conn
        (top,) = conn.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'docs'), 0),"
            " coalesce((SELECT max(key) FROM docs), 0))"
        ).fetchone()
        keys = list(range(top + 1, top + 1 + len(batch)))
        conn.executemany(
            "INSERT INTO docs(key, id, version, entry) VALUES (?, ?, ?, ?)",
            [(k, i, v, orjson.dumps(e)) for k, (i, v, e, _) in zip(keys, batch, strict=True)],
        )
        conn.executemany(
            "INSERT INTO text_words(rowid, text, names) VALUES (?, ?, ?)",
            [(k, t[0], t[1]) for k, (_, _, _, t) in zip(keys, batch, strict=True)],
        )
        conn.executemany(
            "INSERT INTO body_words(rowid, body) VALUES (?, ?)",
            [(k, t[2]) for k, (_, _, _, t) in zip(keys, batch, strict=True)],
        )
        return keys

    def _upsert(
        self, brief_id: str, version: str, entry: Entry, texts: tuple[str, str, str]
    ) -> int:
        conn = self._conn
        (key,) = conn.execute(
            "INSERT INTO docs(id, version, entry) VALUES (?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET version = excluded.version,"
            " entry = excluded.entry RETURNING key",
            (brief_id, version, orjson.dumps(entry)),
        ).fetchone()
        conn.execute("DELETE FROM text_words WHERE rowid = ?", (key,))
        conn.execute("DELETE FROM body_words WHERE rowid = ?", (key,))
        conn.execute(
            "INSERT INTO text_words(rowid, text, names) VALUES (?, ?, ?)",
            (key, texts[0], texts[1]),
        )
        conn.execute("INSERT INTO body_words(rowid, body) VALUES (?, ?)", (key, texts[2]))
        return key

    def drop(self, keys: Iterable[int]) -> None:
        """Forget these briefs (gone, or their entries no longer of use)."""
        rows = [(key,) for key in keys]
        if not rows:
            return
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                for table in ("docs", "text_words", "body_words"):
                    column = "key" if table == "docs" else "rowid"
                    conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", rows)
                conn.execute("COMMIT")
                seen = self._seen
                for (key,) in rows:
                    if 0 <= key < len(seen):
                        seen[key] = 0
                    self._doubt.discard(key)
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")

    def drop_ids(self, brief_ids: Iterable[str]) -> None:
        with self._lock:
            keys = []
            with contextlib.suppress(sqlite3.Error):
                for brief_id in brief_ids:
                    row = self._conn.execute(
                        "SELECT key FROM docs WHERE id = ?", (brief_id,)
                    ).fetchone()
                    if row is not None:
                        keys.append(row[0])
        self.drop(keys)

    # -- words -----------------------------------------------------------------------

    def word_hits(self, found: Sequence[str], *, prefix: bool, actors_only: bool) -> set[int]:
        """The keys of the briefs holding `found` (see `briefs.search.lookup.WordLookup`):
        as a phrase in text or names (or names only), or each word in the body."""
        star = "*" if prefix else ""
        quoted = ['"' + w.replace('"', '""') + '"' for w in found]
        phrase = '"' + " ".join(w.replace('"', '""') for w in found) + '"' + star
        statements = [
            (
                "SELECT rowid FROM text_words WHERE text_words MATCH ?",
                ("names : " if actors_only else "{text names} : ") + phrase,
            ),
        ]
        if not actors_only:
            statements.append(
                (
                    "SELECT rowid FROM body_words WHERE body_words MATCH ?",
                    " AND ".join(quoted) + star,
                )
            )
        hits: set[int] = set()
        with self._lock:
            try:
                for sql, match in statements:
                    hits.update(itertools.chain.from_iterable(self._conn.execute(sql, (match,))))
            except sqlite3.Error as exc:
                if self.path is not None and _damaged_in_read(exc):
                    _remove(self.path)  # the next start makes it anew
                raise StoreError(
                    f"the search index in {FOLDER}/ cannot be read ({exc}); it is made "
                    "anew at the next start"
                ) from None
        return hits

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (off the UI thread, after a scan)."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def file_size(root: Path) -> int:
    """Bytes of the cache on disk (the database and its log), for figures."""
    path = cache_path(root)
    total = 0
    for name in (path, *(path.with_name(path.name + side) for side in _SIDE)):
        with contextlib.suppress(OSError):
            total += os.stat(name).st_size
    return total


def remove(root: Path) -> None:
    """Delete the cache (the next open makes it anew)."""
    _remove(cache_path(root))
