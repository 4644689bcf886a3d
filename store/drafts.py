"""Drafts: text typed in an editor and not yet saved, one file per editor.

Each reader that edits claims an owner id and holds an advisory lock on
`drafts/OWNER.lock` for as long as it runs; its draft is `drafts/OWNER.json`, which only
it writes or removes. So no other process — a `note add` from a script, another reader,
a discard elsewhere — can touch a draft that is being typed, and a draft whose owner's
lock is free was left behind (a crash, a closed terminal) and can be offered back.

Draft files are written without the store lock (atomically: temporary file, fsync,
rename), so a reader told to stop keeps its draft even while another process holds the
store for a long import.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
from pathlib import Path
from typing import Any

import orjson

from briefs.ids import is_valid_id
from store.errors import StoreError
from store.folder import check_plain_folder, plain_file_problem
from store.records import Draft
from store.shapes import is_iso_time
from store.storage import fsync_dir

FOLDER = "drafts"
_OWNER = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_TARGET = re.compile(r"|brief|summary|(?:actors|tariffs)\.(?:\d{1,6}|new)")


def new_owner() -> str:
    return f"e{secrets.token_hex(8)}"


class DraftBox:
    """The drafts folder of one store."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._held: dict[str, int] = {}  # owner → fd of its lock file, held while we run

    def claim(self) -> str:
        """A new owner id for an editor of this process, its lock held until `release`."""
        owner = new_owner()
        try:
            check_plain_folder(self.folder)
            self.folder.mkdir(exist_ok=True)
            fd = os.open(self._lock_path(owner), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise StoreError(f"{self.folder}: drafts cannot be kept: {exc.strerror}") from exc
        self._held[owner] = fd
        return owner

    def release(self, owner: str) -> None:
        fd = self._held.pop(owner, None)
        if fd is not None:
            with contextlib.suppress(OSError):
                self._lock_path(owner).unlink()
            os.close(fd)

    def release_all(self) -> None:
        """This process's editors are done: what they kept is now a draft left behind."""
        for owner in list(self._held):
            self.release(owner)

    def write(self, draft: Draft) -> None:
        """Replace the owner's draft; a crash leaves the old one or the new one."""
        path = self._path(draft.owner)
        temp = self.folder / f".{draft.owner}.json.tmp"
        payload = orjson.dumps(_to_doc(draft))
        try:
            check_plain_folder(self.folder)
            self.folder.mkdir(exist_ok=True)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
            try:
                os.write(fd, payload)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(temp, path)
            fsync_dir(self.folder)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise StoreError(f"{path}: could not keep the draft: {exc.strerror}") from exc

    def remove(self, owner: str) -> None:
        try:
            self._path(owner).unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(f"{self._path(owner)}: could not remove: {exc.strerror}") from exc

    def all(self) -> list[Draft]:
        """Every readable draft, oldest first; unreadable files are left where they are."""
        drafts = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else ():
            if not _OWNER.fullmatch(path.stem):
                continue
            try:
                if plain_file_problem(path) is not None:
                    continue  # never read through a link planted in the folder
                doc = orjson.loads(path.read_bytes())
            except (OSError, orjson.JSONDecodeError):
                continue
            draft = _from_doc(path.stem, doc)
            if draft is not None:
                drafts.append(draft)
        drafts.sort(key=lambda d: d.saved_at)
        return drafts

    def is_alive(self, owner: str) -> bool:
        """Whether a running editor holds the owner's lock."""
        if owner in self._held:
            return True
        try:
            fd = os.open(self._lock_path(owner), os.O_RDWR)
        except OSError:
            return False  # no lock file: nobody claimed it, or its owner ended cleanly
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # closing drops a lock we took
        return False

    def _path(self, owner: str) -> Path:
        if not _OWNER.fullmatch(owner):
            raise StoreError(f"{owner!r} is not a draft owner")
        return self.folder / f"{owner}.json"

    def _lock_path(self, owner: str) -> Path:
        return self.folder / f"{owner}.lock"


def _to_doc(draft: Draft) -> dict[str, Any]:
    return {
        "brief_id": draft.brief_id,
        "note_id": draft.note_id,
        "text": draft.text,
        "saved_at": draft.saved_at,
        "base": draft.base,
        "target": draft.target,
    }


def _from_doc(owner: str, doc: Any) -> Draft | None:
    if not isinstance(doc, dict):
        return None
    brief_id, note_id, text = doc.get("brief_id"), doc.get("note_id"), doc.get("text")
    base, target = doc.get("base"), doc.get("target", "")
    if not isinstance(brief_id, str) or not is_valid_id(brief_id) or not isinstance(text, str):
        return None  # left on disk, not offered: it names no brief we could show
    if not isinstance(target, str) or not _TARGET.fullmatch(target):
        return None
    saved_at = doc.get("saved_at")
    return Draft(
        brief_id=brief_id,
        # A bad note id or time costs the draft its place, never its text.
        note_id=note_id if isinstance(note_id, str) and is_valid_id(note_id) else None,
        text=text,
        saved_at=saved_at if is_iso_time(saved_at) else "",
        owner=owner,
        base=base if isinstance(base, str) else None,
        target=target,
    )
