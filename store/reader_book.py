"""The reader's notes and read/starred states, in small files by brief-id bucket.

`reader/NN.json` (NN: two hex digits, `store.folder.reader_bucket` of the brief id; 256
files at most): table `notes` (note id → {"id", "brief_id", "text", "created",
"updated"[, "author", "beside"]}) and table `states` (brief id → {"read", "starred"}) of
the briefs of that bucket. A save rewrites one file, a few kilobytes at 20,000 notes,
where the one reader.json of format 2 was megabytes. Each file is an AtomicJSONStorage
(atomic, with its .bak, listed in the ledger once written), parsed once and re-read only
when it changes, so reading every note (the list's counts, search, sync) merges cached
tables, and a brief's notes are one file's.

A store of format 2 kept notes and states in reader.json. It is migrated at its first
write, under the store lock, in steps that each leave every note readable:

1. reader.json is kept as reader-v2.json (a hard link: the old bytes, no copy);
2. each bucket its notes and states belong in is written, holding them;
3. reader.json is written without them, naming the layout (`_meta.reader`).

Until step 3 is done, reads take reader.json's notes and states together with the
buckets' (of two copies of a note, the later), so a kill anywhere loses nothing, and the
next write goes on from where the migration stands.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from store.errors import DamagedFileError, StoreError
from store.folder import (
    READER_BUCKETS,
    READER_FOLDER,
    check_plain_folder,
    folder_problem,
    lexists,
    reader_bucket,
    reader_bucket_paths,
    split_backups,
)
from store.shapes import check_reader_bucket
from store.storage import (
    META_TABLE,
    AtomicJSONStorage,
    Identity,
    Ledger,
    atomic_write_bytes,
    fsync_dir,
    identity_of,
)

NOTES, STATES = "notes", "states"
LAYOUT = {"buckets": READER_BUCKETS}
Doc = dict[str, Any]
Changes = Mapping[str, Doc | None]
# Per bucket: (note changes, state changes) of one write.
Plan = dict[str, tuple[dict[str, Doc | None], dict[str, Doc | None]]]


def _later(one: Mapping[str, Any], two: Mapping[str, Any]) -> bool:
    """Whether note `one` was updated after note `two` (text order when the times cannot
    be compared, as a naive and an aware time cannot)."""
    a, b = str(one.get("updated", one.get("created"))), str(two.get("updated", two.get("created")))
    try:
        return dt.datetime.fromisoformat(a) > dt.datetime.fromisoformat(b)
    except (TypeError, ValueError):
        return a > b


def _applied(table: Mapping[str, Doc], changes: Mapping[str, Doc | None]) -> dict[str, Doc]:
    out = dict(table)  # never the storage's cached dict: a failed write must not show
    for key, doc in changes.items():
        if doc is None:
            out.pop(key, None)
        else:
            out[key] = doc
    return out


# Buckets kept parsed at once, those used last: the others are let go of after a read
# (their bytes read and parsed again, unchecked while unchanged, when next used), so a read
# of every note (the catalog's) does not leave 20,000 notes parsed (18 MB) behind.
KEPT_PARSED = 8


class ReaderBook:
    """The buckets, and reader.json's notes and states while a store is of format 2.
    Reads under the store's `reading` lock or the store lock; writes under the lock."""

    def __init__(self, root: Path, reader: AtomicJSONStorage, ledger: Ledger) -> None:
        self.root = root
        self.folder = root / READER_FOLDER
        self.ledger = ledger
        self._reader = reader  # reader.json
        self._buckets = {
            p.name: AtomicJSONStorage(p, check_reader_bucket, ledger=ledger)
            for p in reader_bucket_paths(root)
        }
        self._counts: dict[str, tuple[int, dict[str, int]]] = {}  # by bucket, per generation
        self._kept: dict[str, None] = {}  # the buckets read last, oldest first
        self._homes: dict[str, str] = {}  # note id → the bucket it was last seen in

    def open(self, trusted: Callable[[Path], str | None] = lambda _path: None) -> list[Path]:
        """Read every bucket there is (a damaged one raises; one whose bytes `trusted`
        says passed the checks before is parsed only when used), and return their paths.
        One listing of reader/ and of the ledger tells which of the 256 exist, so a small
        store does not pay a file check per bucket at every start."""
        problem = folder_problem(self.folder)
        if problem is not None:  # never read (nor written) through a planted link
            raise DamagedFileError(self.folder, problem)
        try:
            present = set(os.listdir(self.folder)) if lexists(self.folder) else set()
        except OSError:
            present = set()  # unreadable: each bucket's own read names the problem
        listed = set(self.ledger.names())
        found = []
        for name, storage in self._buckets.items():
            known = f"{READER_FOLDER}/{name}" in listed
            if not present.intersection((name, name + ".bak")) and not known:
                storage.mark_absent()
                continue
            storage.verify(trusted(storage.path))
            found.append(storage.path)
        return found

    def storages(self) -> list[AtomicJSONStorage]:
        return list(self._buckets.values())

    def paths(self) -> list[Path]:
        return [storage.path for storage in self._buckets.values()]

    # -- reads ----------------------------------------------------------------------

    def _read(self, name: str) -> dict[str, Any] | None:
        """Bucket `name`'s contents; the bucket read longest ago is let go of (KEPT_PARSED)."""
        data = self._buckets[name].read()
        kept = self._kept
        kept.pop(name, None)
        kept[name] = None
        while len(kept) > KEPT_PARSED:
            oldest = next(iter(kept))
            del kept[oldest]
            self._buckets[oldest].release()
        return data

    def _table(self, name: str, table: str) -> dict[str, Doc]:
        return (self._read(name) or {}).get(table, {})

    def legacy(self) -> tuple[dict[str, Doc], dict[str, Doc]]:
        """reader.json's notes and states: none once the store is migrated."""
        data = self._reader.read() or {}
        return data.get(NOTES, {}), data.get(STATES, {})

    def all_notes(self) -> dict[str, Doc]:
        return self.everything()[0]

    def all_states(self) -> dict[str, Doc]:
        return self.everything()[1]

    def stamp(self) -> tuple[Identity | None, ...]:
        """What tells whether any reader file changed (here or elsewhere) since another
        stamp: each file's inode, time and size (a write replaces a file, so its inode
        changes), read without opening or parsing one."""
        out: list[Identity | None] = []
        for path in (self._reader.path, *(s.path for s in self._buckets.values())):
            try:
                st = os.lstat(path)
            except OSError:
                out.append(None)
                continue
            out.append(identity_of(st))
        return tuple(out)

    def each_bucket(self) -> Iterator[dict[str, Any]]:
        """Each bucket's contents in turn, for a caller that keeps only part of them (the
        buckets are let go of as it goes: KEPT_PARSED)."""
        for name in self._buckets:
            data = self._read(name)
            if data:
                yield data

    def everything(self) -> tuple[dict[str, Doc], dict[str, Doc]]:
        """Every note by id and every state by brief id, in one pass over the buckets."""
        notes: dict[str, Doc] = {}
        states: dict[str, Doc] = {}
        for name in self._buckets:
            data = self._read(name) or {}
            notes.update(data.get(NOTES, {}))
            states.update(data.get(STATES, {}))
        old_notes, old_states = self.legacy()
        for key, doc in old_notes.items():
            if key not in notes or _later(doc, notes[key]):
                notes[key] = doc
        for key, doc in old_states.items():
            states.setdefault(key, doc)
        return notes, states

    def note_counts(self) -> dict[str, int]:
        """Notes per brief id. Counted once per bucket and kept until the bucket changes:
        the list asks at every refresh."""
        if self.legacy()[0]:
            return dict(Counter(str(d.get("brief_id")) for d in self.all_notes().values()))
        out: dict[str, int] = {}
        for name, storage in self._buckets.items():
            data = self._read(name)
            if data is None:
                continue
            cached = self._counts.get(name)
            if cached is None or cached[0] != storage.generation:
                counts = Counter(str(d.get("brief_id")) for d in data.get(NOTES, {}).values())
                cached = self._counts[name] = (storage.generation, dict(counts))
            out.update(cached[1])
        return out

    def notes_of(self, brief_id: str) -> list[Doc]:
        table = self._table(reader_bucket(brief_id), NOTES)
        found = {k: d for k, d in table.items() if d.get("brief_id") == brief_id}
        for key, doc in self.legacy()[0].items():
            if doc.get("brief_id") == brief_id and (key not in found or _later(doc, found[key])):
                found[key] = doc
        return list(found.values())

    def state_of(self, brief_id: str) -> Mapping[str, Any]:
        found = self._table(reader_bucket(brief_id), STATES).get(brief_id)
        return found or self.legacy()[1].get(brief_id) or {}

    def note(self, note_id: str) -> Doc | None:
        home = self.home(note_id)
        found = None if home is None else self._table(home, NOTES).get(note_id)
        old = self.legacy()[0].get(note_id)
        return old if old is not None and (found is None or _later(old, found)) else found

    def home(self, note_id: str) -> str | None:
        """The bucket that holds `note_id` (note ids name no brief: the last place it was
        seen is tried first, then every bucket)."""
        hint = self._homes.get(note_id)
        if hint is not None and note_id in self._table(hint, NOTES):
            return hint
        for name in self._buckets:
            if note_id in self._table(name, NOTES):
                self._homes[note_id] = name
                return name
        return None

    def _all_homes(self) -> dict[str, str]:
        return {key: name for name in self._buckets for key in self._table(name, NOTES)}

    # -- writes ---------------------------------------------------------------------

    def write(
        self, notes: Changes | None = None, states: Changes | None = None, *, fresh: bool = False
    ) -> None:
        """Write the changed documents (None removes one): one atomic write per bucket
        touched. A note goes to its brief's bucket, and leaves the one it was in should its
        brief have changed (written after, so a kill leaves two copies, never none).
        `fresh`: the notes are new, held by no bucket. Migrates a store of format 2
        first. Call with the store lock held."""
        self.migrate()
        notes = notes or {}
        where: Callable[[str], str | None]
        if fresh:
            where = lambda _key: None  # noqa: E731
        elif len(notes) > 8:
            where = self._all_homes().get  # one pass for a batch, not one per note
        else:
            where = self.home
        plan: Plan = {}
        moved: Plan = {}
        for key, doc in notes.items():
            home = where(key)
            if doc is None:
                if home is not None:
                    plan.setdefault(home, ({}, {}))[0][key] = None
                continue
            target = reader_bucket(str(doc.get("brief_id")))
            plan.setdefault(target, ({}, {}))[0][key] = doc
            if home is not None and home != target:
                moved.setdefault(home, ({}, {}))[0][key] = None
        for brief_id, doc in (states or {}).items():
            plan.setdefault(reader_bucket(brief_id), ({}, {}))[1][brief_id] = doc
        self._write_plan(plan)
        self._write_plan(moved)

    def _write_plan(self, plan: Plan) -> None:
        if not plan:
            return
        check_plain_folder(self.folder)  # never a link to write through
        self.folder.mkdir(exist_ok=True)
        made = []
        for name, (notes, states) in plan.items():
            storage = self._buckets[name]
            data = self._read(name) or {}
            new = {
                **data,
                NOTES: _applied(data.get(NOTES, {}), notes),
                STATES: _applied(data.get(STATES, {}), states),
            }
            if not storage.made:
                made.append(storage.path)
            # Listed in the ledger once for the batch, below: a kill before leaves
            # unlisted files, which the next open lists (Ledger.catch_up).
            storage.write(new, remember=False)
            self._homes.update((key, name) for key, doc in notes.items() if doc is not None)
        if made:
            self.ledger.catch_up(made)

    def migrate(self) -> bool:
        """Bring notes and states of a store of format 2 out of reader.json into the
        buckets (see the module's note), or, in a store that has no layout in reader.json
        yet, write it there; whether reader.json was written."""
        data = self._reader.read() or {}
        notes, states = data.get(NOTES) or {}, data.get(STATES) or {}
        meta = data.get(META_TABLE, {})
        if not notes and not states and meta.get("reader") == LAYOUT:
            return False
        if notes or states:
            self._keep_format_2()
            self._write_plan(self._moving_in(notes, states))
        rest = {k: v for k, v in data.items() if k not in (NOTES, STATES)}
        rest.setdefault("views", {})  # what the file is for now, counted by `check`
        rest[META_TABLE] = {**meta, "reader": dict(LAYOUT)}
        self._reader.write(rest)
        return True

    def _moving_in(self, notes: Mapping[str, Doc], states: Mapping[str, Doc]) -> Plan:
        """What the buckets lack of reader.json's notes and states. A bucket already
        holding them all (a migration cut short) is not written again."""
        plan: Plan = {}
        for key, doc in notes.items():
            name = reader_bucket(str(doc.get("brief_id")))
            held = self._table(name, NOTES).get(key)
            if held is None or (held != doc and not _later(held, doc)):
                plan.setdefault(name, ({}, {}))[0][key] = doc
        for brief_id, doc in states.items():
            name = reader_bucket(brief_id)
            if brief_id not in self._table(name, STATES):
                plan.setdefault(name, ({}, {}))[1][brief_id] = doc
        return plan

    def _keep_format_2(self) -> None:
        """reader.json as it is, kept under a name of its own before the migration
        changes anything; kept once (a migration cut short made it already)."""
        source = self._reader.path
        for kept in split_backups(self.root):
            with contextlib.suppress(OSError):
                if os.path.samefile(kept, source):
                    return
        target = self.root / "reader-v2.json"
        n = 1
        while lexists(target):
            n += 1
            target = self.root / f"reader-v2-{n}.json"
        try:
            os.link(source, target, follow_symlinks=False)
            fsync_dir(self.root)
        except OSError:  # no hard links here: a copy, written as every store file is
            try:
                with open(os.open(source, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
                    payload = handle.read()
            except OSError as exc:
                raise StoreError(f"{source}: cannot be read: {exc.strerror or exc}") from exc
            atomic_write_bytes(target, payload, keep_backup=False)
