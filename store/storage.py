"""A crash-safe TinyDB storage.

TinyDB's JSONStorage truncates and rewrites its file in place, so a crash mid-write
leaves half a file. This storage serialises first, writes a temporary file in the
same folder, fsyncs it, renames it over the old one and fsyncs the folder, so readers
see the old file or the new one, never a mix. A backup of each successful write is kept
the same way beside it, to restore from if the file is later damaged from outside.

Parsed data is cached and re-read only when the file on disk changes (another process
wrote it), so repeated TinyDB reads cost one stat() call. Each storage knows the digest
of the bytes it holds, so a file whose bytes passed the checks before (store/checked.py)
is read at open without parsing or checking it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from store.errors import DamagedFileError, StoreError
from store.folder import LEDGER_NAME, MARKER_FILE, MARKER_TEXT, check_plain, lexists, relative

# 2: brief content moved to the content log; 3: notes and states moved to reader/NN.json
# (a briefing of format 2 would not see them, so it is told the store is newer); 4: the
# latest imports' index records in briefs-recent.json (format 3 would not see them, and
# its compaction of the content log would drop their content).
FORMAT_VERSION = 4
META_TABLE = "_meta"
TEMP_SUFFIX = ".tmp"

MISSING_WITH_BACKUP = (
    "is missing, and so is its backup: it was deleted. Put it back if you can; "
    "`briefing check --repair` goes on without it"
)
Tree = dict[str, dict[str, dict[str, Any]]]
# Checks the types and values of one file's documents; raises DamagedFileError.
Validator = Callable[[Path, Tree], None]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_file(path: Path) -> int:
    """A descriptor on a new file at `path`: whatever had the name (a leftover, or a link
    planted to make us write elsewhere) is removed first, and a link is never followed."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)


def _replace_durably(path: Path, payload: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with open(_new_file(temp), "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, payload: bytes, *, keep_backup: bool) -> None:
    """Replace `path` by `payload` so that a crash leaves the old or the new file whole.

    With keep_backup, `NAME.bak` then gets the same payload: a copy of the last
    successful write, for when the file itself is later damaged from outside. The write
    has succeeded once the file is in place, so a backup that fails (a full disk) is
    skipped rather than reported as a failed save, which would invite a duplicate.
    """
    try:
        _replace_durably(path, payload)
        fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"{path}: could not save: {exc.strerror or exc}") from exc
    if keep_backup:
        with contextlib.suppress(OSError):
            _replace_durably(backup_path(path), payload)
            fsync_dir(path.parent)


def check_shape(path: Path, data: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Raise DamagedFileError unless `data` is a TinyDB document tree of our format."""
    if not isinstance(data, dict):
        raise DamagedFileError(path, f"expected a JSON object, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedFileError(path, f"table {name!r} is not an object")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise DamagedFileError(path, f"document {name}/{doc_id} is not an object")
    meta = data.get(META_TABLE, {}).get("format", {})
    version = meta.get("version", FORMAT_VERSION) if isinstance(meta, dict) else None
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise DamagedFileError(
            path,
            f"written by a newer briefing (format {version!r}); "
            f"this one reads up to format {FORMAT_VERSION}",
        )
    return data


Identity = tuple[int, int, int, int]  # inode, mtime and ctime in ns, size


def identity_of(st: os.stat_result) -> Identity:
    """A file's identity as the checks trust it: an edit in place that puts the mtime back
    (`touch -d`, a sync tool) still moves the ctime, which no one can set."""
    return (st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size)


class _Trust(threading.local):
    on = False  # within `unchanged_files_trusted`, in this thread


_TRUST = _Trust()
# Bumped by every write of this process (through any store object): a file's identity seen
# before one is looked at again. Another process's writes are seen by the reader's poll
# (`take_changed_elsewhere`), which looks at every file.
_WRITES = [0]


@contextlib.contextmanager
def unchanged_files_trusted(trust: bool = True) -> Iterator[None]:
    """Reads in this thread take each file to be as this process last saw it (at a read,
    a write or the poll for other processes' writes) with no stat() call, until this
    process writes again. For the reader's reads between its polls (a next brief read 7
    files' identities); never under the store lock, where a write must see every change:
    `trust` False (the caller holds it) reads as ever."""
    if not trust or _TRUST.on:
        yield
        return
    _TRUST.on = True
    try:
        yield
    finally:
        _TRUST.on = False


def _written() -> None:
    _WRITES[0] += 1


HASHED_IN_PIECES = 4 << 20  # a checked file larger than this is not held in memory at open


def digest(raw: bytes) -> str:
    """Names a file's bytes (store/checked.py keeps the digests of checked ones)."""
    return hashlib.sha1(raw, usedforsecurity=False).hexdigest()


def read_bytes(path: Path) -> tuple[bytes, Identity] | None:
    """The bytes of one store file and the identity of the file they came from; None when
    it does not exist (and never did: a file missing beside its backup was lost, and is
    damage, not a new file)."""
    check_plain(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        if path.suffix != ".bak" and lexists(backup_path(path)):
            raise DamagedFileError(
                path, f"is missing, but its backup {backup_path(path).name} exists"
            ) from None
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        with open(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            raw = handle.read()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return raw, identity_of(st)


def _hash_file(path: Path) -> tuple[str, Identity] | None:
    """The digest of one store file's bytes, read a piece at a time (see read_bytes)."""
    check_plain(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    named = hashlib.sha1(usedforsecurity=False)
    try:
        with open(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            while piece := handle.read(1 << 20):
                named.update(piece)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return named.hexdigest(), identity_of(st)


def parse_file(path: Path, raw: bytes, validate: Validator | None = None) -> Tree:
    """Parse and check the bytes of one store file."""
    if not raw.strip():
        raise DamagedFileError(path, "the file is empty (truncated?)")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(path, f"not valid JSON ({exc})") from exc
    tree = check_shape(path, data)
    if validate is not None:
        validate(path, tree)
    return tree


def load_file(path: Path, validate: Validator | None = None) -> Tree | None:
    """Parse and check one store file; None when it does not exist (see read_bytes)."""
    found = read_bytes(path)
    return None if found is None else parse_file(path, found[0], validate)


class Ledger:
    """The store files a store has written, listed in its marker after the first line.

    A file the ledger names that is missing with its backup was deleted (a sync tool, an
    accident): that is damage to report, not a new empty file. A file is listed after its
    first write succeeds, so a kill leaves at worst an unlisted file, never a listed one
    that was never written. Only names a store writes are taken from the marker."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # The names as last read, and the marker's identity then: an open asks for each
        # file not there (most of the 256 reader files of a small store) and its backup.
        self._read: tuple[Identity, list[str]] | None = None

    def names(self) -> list[str]:
        marker = self.root / MARKER_FILE
        try:
            with open(os.open(marker, os.O_RDONLY | os.O_NOFOLLOW), "rb") as f:
                st = os.fstat(f.fileno())
                identity = identity_of(st)
                if self._read is not None and self._read[0] == identity:
                    return list(self._read[1])
                lines = f.read(64 * 1024).decode("utf-8", "replace").splitlines()[1:]
        except OSError:
            return []
        names = [line for line in dict.fromkeys(lines) if LEDGER_NAME.fullmatch(line)]
        self._read = (identity, names)
        return list(names)

    def knows(self, path: Path) -> bool:
        return relative(self.root, path) in self.names()

    def remember(self, path: Path, *, forget: bool = False) -> None:
        name = relative(self.root, path)
        names = self.names()
        if (name in names) != forget:
            return
        self._write([n for n in names if n != name] if forget else [*names, name])

    def catch_up(self, paths: Iterable[Path]) -> None:
        """List those of `paths` that exist but are not listed: put back by a repair, or
        written just before a kill that came ahead of their listing."""
        names = self.names()
        more = [relative(self.root, p) for p in paths if lexists(p)]
        if not set(more) <= set(names):
            self._write([*names, *(n for n in more if n not in names)])

    def _write(self, names: list[str]) -> None:
        payload = MARKER_TEXT + "".join(f"{n}\n" for n in names).encode()
        with contextlib.suppress(StoreError, DamagedFileError):
            check_plain(self.root / MARKER_FILE)
            atomic_write_bytes(self.root / MARKER_FILE, payload, keep_backup=False)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable writes and a stat-checked read cache.

    `digest` names the bytes the storage holds (read, or written); `verify` at open reads
    a file without parsing it when those bytes passed the checks before."""

    def __init__(
        self, path: Path, validate: Validator | None = None, *, ledger: Ledger | None = None
    ) -> None:
        self.path = path
        self.validate = validate
        self.ledger = ledger
        self._existed = False  # seen on disk by this process: missing later is damage
        self._data: dict[str, Any] | None = None
        self._identity: Identity | None = None
        # The file's bytes, kept unparsed by `verify` while `_identity` is still theirs.
        self._raw: bytes | None = None
        self.digest: str | None = None
        self._seen_once = False
        # Read as a file never made (no backup, not in the ledger) and not made since: a
        # store's 256 reader buckets are mostly that while it is small.
        self._absent = False
        # The digest of checked bytes let go of by `release`, to parse again unchecked.
        self._released: str | None = None
        # Counts the contents this storage has held: what is derived from them (note
        # counts per brief) is kept until it moves.
        self.generation = 0
        # Set when a read finds the file rewritten since we last read or wrote it:
        # another process changed it. Cleared by take_changed_elsewhere().
        self._changed_elsewhere = False
        # A deferred open (Store(defer_checks=True)): `verify` takes the listed digest on
        # trust when the file is still the one it was listed for (`defer_to`, its identity
        # then), and `confirm` checks later what it took; `gate` runs before any write.
        self.defer_to: Identity | None = None
        self._unconfirmed: str | None = None
        self.gate: Callable[[], None] | None = None
        # The identity last seen on disk, and the count of this process's writes then.
        self._looked: tuple[int, Identity | None] | None = None

    def _stat_identity(self, *, trusted: bool = True) -> Identity | None:
        looked = self._looked
        if trusted and _TRUST.on and looked is not None and looked[0] == _WRITES[0]:
            return looked[1]  # unchanged_files_trusted: as last seen
        writes = _WRITES[0]
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            identity = None
        except OSError:
            identity = (-1, -1, -1, -1)  # unreadable: load_file names the problem
        else:
            identity = identity_of(st)
        self._looked = (writes, identity)
        return identity

    def read(self) -> dict[str, Any] | None:
        identity = self._stat_identity()
        if identity != self._identity and self._seen_once:
            self._changed_elsewhere = True
        self._seen_once = True
        if identity is None and self._absent:
            return None  # still not made: the checks below passed when it was last read
        if identity is None:
            return self._missing()
        self._absent = False
        self._existed = True
        if identity != self._identity or self._data is None:
            if self._raw is not None and identity == self._identity:
                data = orjson.loads(self._raw)  # bytes that passed the checks (verify)
            else:
                found = read_bytes(self.path)
                if found is None:  # gone since the stat
                    return self._missing()
                raw, identity = found
                named = digest(raw)
                # Bytes this storage held and let go of (`release`) need no checks again.
                sound = self._released == named
                data = orjson.loads(raw) if sound else parse_file(self.path, raw, self.validate)
                self.digest = named
            self._released = None
            self._data, self._identity, self._raw = data, identity, None
            self.generation += 1
        return self._data

    def _missing(self) -> None:
        load_file(self.path)  # a file lost beside its backup raises
        if self._existed or (self.ledger is not None and self.ledger.knows(self.path)):
            raise DamagedFileError(self.path, MISSING_WITH_BACKUP)
        self._data, self._identity, self._absent = None, None, True
        self._raw = self.digest = None
        return None

    def verify(self, trusted: str | None) -> None:
        """Read the file at open, so that damage is reported before any write: parsed and
        checked now, unless its bytes have the digest `trusted` (bytes that passed the
        checks before: store/checked.py). Those are kept, and parsed without the checks
        when first used."""
        identity = self._stat_identity(trusted=False)
        if trusted is None or identity is None:
            self.read()
            return
        if self.defer_to is not None and identity == self.defer_to:
            # The file listed, as it was listed: its bytes are hashed by `confirm`, once
            # the reader has drawn; until then a parse hashes them first (`_released`).
            self._raw, self._identity, self._released = None, identity, trusted
            self._seen_once, self._absent, self._existed = True, False, True
            self._data, self.digest, self._unconfirmed = None, trusted, trusted
            return
        if identity[2] > HASHED_IN_PIECES:  # the index at 100,000 briefs: 27 MiB
            hashed = _hash_file(self.path)
            if hashed is None or hashed[0] != trusted:
                self.read()
                return
            # Not kept: a reader that makes its rows from the compact index never parses
            # it, and the bytes would be held for nothing (read again when used).
            self._raw, self._identity, self._released = None, hashed[1], trusted
        else:
            found = read_bytes(self.path)
            if found is None or digest(found[0]) != trusted:
                self.read()  # gone since the stat, or other bytes: read and checked
                return
            self._raw, self._identity = found
        self._seen_once, self._absent, self._existed = True, False, True
        self._data, self.digest = None, trusted

    def confirm(self) -> None:
        """Check what `verify` took on trust at a deferred open: the file is hashed, and
        read and checked unless its bytes are the listed ones (damage raises, and is
        raised again by the next call, so no write follows it)."""
        trusted, self.defer_to = self._unconfirmed, None
        if trusted is None:
            return
        if self._data is None:  # a parse since hashed the bytes and checked other ones
            if self._identity != self._stat_identity(trusted=False):
                self.read()  # replaced since (another process): read and checked
            else:
                self.verify(trusted)
        self._unconfirmed = None

    @property
    def held_identity(self) -> Identity | None:
        """The identity of the file whose bytes `digest` names (None when unknown)."""
        return self._identity if self.digest is not None else None

    def current_digest(self) -> str | None:
        """The digest of the file as it is on disk, when it is the one this storage holds
        (no other process has replaced the file since): one stat() call."""
        if self.digest is None or self._identity is None:
            return None
        return self.digest if self._stat_identity() == self._identity else None

    def current_key(self) -> str | None:
        """`current_digest`, or "-" for a file that is still not there; None when the
        file on disk is not the one this storage holds (read it first)."""
        if self._absent and self._stat_identity() is None:
            return "-"
        return self.current_digest()

    def release(self) -> None:
        """Let go of the parsed contents and the bytes (what the caller needs of them is
        kept elsewhere: store/compact.py); a later read reads the file again, and takes
        it without the checks while its bytes are still the ones checked."""
        if self.digest is not None and (self._data is not None or self._raw is not None):
            self._released = self.digest
            self._data = self._raw = None

    @property
    def parsed(self) -> bool:
        """Whether the file's contents are parsed (and current as of the last read)."""
        return self._data is not None

    def mark_absent(self) -> None:
        """Take the file as never made, without a read: the caller listed its folder and
        the ledger once for many files and found neither it nor its backup (256 reader
        buckets, most of them not yet written in a small store)."""
        self._seen_once, self._absent = True, True
        self._data, self._identity = None, None
        self._raw = self.digest = None

    @property
    def made(self) -> bool:
        """Whether the file has been on disk (seen by a read, or written) in this process."""
        return self._existed

    def take_changed_elsewhere(self) -> bool:
        """Whether another process has written the file since we last asked."""
        changed = self._changed_elsewhere or (
            self._seen_once and self._stat_identity(trusted=False) != self._identity
        )
        self._changed_elsewhere = False
        if changed:
            # Re-read on next use, and let that read not count the same change again.
            self._data, self._identity = None, self._stat_identity(trusted=False)
            self._raw = self.digest = None
        return changed

    def write(self, data: dict[str, Any], *, remember: bool = True) -> None:
        """Replace the file by `data`. `remember=False`: the caller lists the file in the
        ledger itself, once for a batch of files (Ledger.catch_up)."""
        if self.gate is not None:  # a deferred open: the store's files are checked first
            self.gate()
        _written()  # before and after: no read trusts what this write may change
        if not self._existed:
            # A file read as never made may have been made since and lost: the full check
            # again (reads skip it while a file stays absent), so that this write never
            # replaces the backup of what was lost.
            self._absent = False
            self.read()
        data.setdefault(META_TABLE, {})["format"] = {"version": FORMAT_VERSION}
        try:
            try:
                payload = orjson.dumps(data)
            except orjson.JSONEncodeError as exc:
                raise StoreError(f"{self.path}: could not encode: {exc}") from exc
            atomic_write_bytes(self.path, payload, keep_backup=True)
            if remember and not self._existed and self.ledger is not None:
                self.ledger.remember(self.path)
            self._existed, self._absent = True, False
        except BaseException:
            # TinyDB edits the dict we handed out in place; forget it so the next
            # read comes from disk and matches what is really there.
            self._data, self._identity = None, None
            self._raw = self.digest = None
            self.generation += 1
            _written()
            raise
        _written()
        self._data, self._identity, self._raw = data, self._stat_identity(), None
        self.digest = digest(payload)
        self.generation += 1

    def close(self) -> None:
        self._data = self._raw = None
