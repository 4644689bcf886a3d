"""What a store has already checked, so that opening it need not check it all again.

Every store file is checked whole when read (store/shapes.py): at 100,000 briefs that is
0.14 s for the index and as much again for the 256 reader files, at every start and every
`briefing note add`. `cache/checked.json` lists, per store file, the digest of bytes that
passed those checks (read and checked, or written by this code from checked data), under
a fingerprint of the checking code. A file whose bytes have that digest is known sound,
so an open reads and digests it (to report damage before any write, as ever) and parses
it only when it is used, without the checks. A file of any other bytes is checked as
before. `cache/index-ids.txt` holds the brief ids and the content log's name of the index
of one digest: what `note add` needs of a 27 MiB index, in 3 MB.

Both are caches: missing, damaged, of other checks or another index, they are not used
and are written anew; deleting `cache/` is always safe. A digest stands for bytes, not
for a file's times or inode, so a copied store keeps its checks and an edit in place
that keeps size and times is still seen.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from store.errors import StoreError
from store.folder import check_plain, check_plain_folder, relative
from store.storage import TEMP_SUFFIX, Identity, digest

FOLDER = "cache"
CHECKED = "checked.json"
IDS = "index-ids.txt"
FORMAT = 2
_IDS_HEADER = b"briefing index ids"
# The modules whose code decides what passes: other code, other checks, nothing trusted.
_CHECKING = ("store/shapes.py", "store/corrections.py", "store/storage.py", "store/folder.py")
_CHECKING_BRIEFS = (
    "briefs/ids.py",
    "briefs/dates.py",
    "briefs/model.py",
    "briefs/text.py",
    "briefs/corrections.py",  # the reader buckets' check (store/shapes.py)
    "briefs/reading.py",  # the size limits
)


@functools.cache
def fingerprint() -> str:
    """A digest of the checking code: checks changed by an upgrade check everything again."""
    top = Path(__file__).resolve().parent.parent
    h = hashlib.sha1(usedforsecurity=False)
    for name in (*_CHECKING, *_CHECKING_BRIEFS):
        with contextlib.suppress(OSError):
            h.update((top / name).read_bytes())
    return h.hexdigest()


def seal(root: Path) -> str:
    """What the listed digests are valid for: this checking code, in this very folder.
    The list lies in the store's folder, so a store copied, unpacked or sent from
    elsewhere (whose list could name hostile bytes) gets a new folder and is checked anew."""
    try:
        st = os.stat(root)
    except OSError:
        return ""
    return f"{fingerprint()}:{st.st_dev}:{st.st_ino}"


def read_cache(path: Path, limit: int) -> bytes | None:
    try:
        check_plain_folder(path.parent)
        check_plain(path)
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
            return handle.read(limit)
    except (OSError, StoreError):
        return None


def write_cache(path: Path, payload: bytes) -> None:
    """Atomically, without fsync: a cache torn by a power cut fails its own checks and
    is written anew. Fails quietly (read-only, a full disk): the next open checks again."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        check_plain_folder(path.parent)
        with contextlib.suppress(FileExistsError):
            path.parent.mkdir()
        check_plain_folder(path.parent)
        check_plain(path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        with open(os.open(temp, flags, 0o644), "wb") as handle:
            handle.write(payload)
        os.replace(temp, path)
    except (OSError, StoreError):
        pass
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


class Checked:
    """The digests `cache/checked.json` lists, by file name relative to the store."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / FOLDER / CHECKED
        self._saved: dict[str, str] = {}
        # Each listed file's identity (inode, mtime, ctime, size) when listed: a deferred open
        # (store/storage.py `verify`) trusts a digest only for the very file it was for.
        self._seen: dict[str, Identity] = {}
        raw = read_cache(self.path, 4 * 1024 * 1024)
        try:
            data = orjson.loads(raw) if raw else None
        except orjson.JSONDecodeError:
            data = None
        if (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and (sealed := seal(root))
            and data.get("checks") == sealed
            and isinstance(data.get("files"), dict)
        ):
            files = data["files"]
            self._saved = {k: v for k, v in files.items() if type(k) is str and type(v) is str}
            seen = data.get("seen")
            if isinstance(seen, dict):
                saved = self._saved
                for k, v in seen.items():
                    if (
                        k in saved
                        and type(v) is list
                        and len(v) == 4
                        and all(type(part) is int for part in v)
                    ):
                        self._seen[k] = (v[0], v[1], v[2], v[3])

    def trusted(self, path: Path) -> str | None:
        """The digest of `path`'s bytes that passed the checks, if any."""
        return self._saved.get(relative(self.root, path))

    def seen(self, path: Path) -> Identity | None:
        """The identity `path` had when its digest was listed, if known."""
        return self._seen.get(relative(self.root, path))

    def save(
        self,
        digests: Mapping[Path, str | None],
        seen: Mapping[Path, Identity | None] | None = None,
    ) -> None:
        """List `digests` (each of bytes checked or written from checked data), and the
        identities of the files they were of (`seen`), when they differ from what is
        listed."""
        files = {relative(self.root, p): d for p, d in digests.items() if d is not None}
        ids = {relative(self.root, p): list(i) for p, i in (seen or {}).items() if i}
        ids = {k: v for k, v in ids.items() if k in files}
        if files == self._saved and ids == {k: list(v) for k, v in self._seen.items()}:
            return
        sealed = seal(self.root)
        if not sealed:  # a folder we cannot stat: nothing listed is worth trusting later
            return
        payload = {"format": FORMAT, "checks": sealed, "files": files, "seen": ids}
        write_cache(self.path, orjson.dumps(payload))
        self._saved = files
        self._seen = {k: (v[0], v[1], v[2], v[3]) for k, v in ids.items()}


class IndexIds:
    """The ids of one index (of digest `of`), the content log it names, its format, and
    the number and total length of its records (what deciding on a compaction needs)."""

    def __init__(
        self, of: str, log: str | None, numbers: tuple[int, int, int], body: bytes
    ) -> None:
        self.of, self.log = of, log
        self.version, self.count, self.live = numbers
        self._body = body  # b"\nid\nid\n…\n"
        self._asked = 0
        self._set: set[str] | None = None

    def __contains__(self, brief_id: object) -> bool:
        if not isinstance(brief_id, str) or "\n" in brief_id:
            return False
        if self._set is not None:
            return brief_id in self._set
        self._asked += 1
        if self._asked > 8:  # an import asks for each of its briefs: a set, once
            self._set = set(self._body.decode("utf-8", "replace").split("\n"))
            self._set.discard("")
            return brief_id in self._set
        return b"\n" + brief_id.encode("utf-8", "replace") + b"\n" in self._body


def load_ids(root: Path, of: str) -> IndexIds | None:
    """The ids of the index whose bytes have digest `of`; None when the file is missing,
    torn, or of another index."""
    raw = read_cache(root / FOLDER / IDS, 256 * 1024 * 1024)
    if raw is None:
        return None
    head, sep, body = raw.partition(b"\n")
    parts = head.decode("ascii", "replace").split(" ")
    if not sep or len(parts) != 10 or " ".join(parts[:3]).encode() != _IDS_HEADER:
        return None
    version, index, log, *numbers, body_digest = parts[3:]
    if version != str(FORMAT) or index != of or digest(body) != body_digest:
        return None
    if not all(n.isdigit() for n in numbers):
        return None
    name = None if log == "-" else log
    found = int(numbers[0]), int(numbers[1]), int(numbers[2])
    return IndexIds(of, name, found, b"\n" + body)


def save_ids(root: Path, of: str, tree: Mapping[str, Mapping[str, Any]]) -> None:
    """List the ids of the index of digest `of` (its parsed, checked `tree`)."""
    records: Mapping[str, Mapping[str, Any]] = tree.get("briefs", {})
    meta = tree.get("_meta", {})
    log = meta.get("content", {}).get("log")
    version = meta.get("format", {}).get("version", 1)
    body = ("\n".join(records) + "\n").encode("utf-8") if records else b""
    live = sum(r.get("len", 0) for r in records.values() if type(r.get("len")) is int)
    fields = [FORMAT, of, log if isinstance(log, str) else "-", version, len(records), live]
    fields.append(digest(body))
    head = _IDS_HEADER + b" " + " ".join(map(str, fields)).encode()
    write_cache(root / FOLDER / IDS, head + b"\n" + body)
