"""The desk mirror: a git working tree at `<store>/desk/` holding what the store shares
(store/sync/layout.py). The store is the truth for this copy; the mirror is how it meets
the others. Three moves, each safe to cut short by a kill:

- export: the store's notes, corrections, own reader file and brief content written as
  files where they differ from the mirror's last commit, and committed;
- merge_in: a commit fetched from the remote merged with ours, file by file
  (store/sync/merge.py), into a new commit — never git's own merge, so never markers;
- apply: what changed between two commits written into the store under the store lock,
  each change taken only where the store still holds what the older commit held (else
  the store's own change and the incoming one are merged by the same rules).

`refs/briefing/applied` names the commit the store is known to match. A sync cut short
after the mirror moved on but before the store caught up finds it behind HEAD and
applies the difference first.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store import content_log
from store.errors import StoreError
from store.folder import check_plain_folder
from store.storage import atomic_write_bytes
from store.sync import layout
from store.sync.git import EMPTY_TREE, IRREGULAR, Git, GitError
from store.sync.layout import BadFile
from store.sync.merge import merge
from store.syncing import SyncSnapshot, SyncWrite

if TYPE_CHECKING:
    from store.syncing import SyncingStore

FOLDER = "desk"
BRANCH = "refs/heads/main"
APPLIED = "refs/briefing/applied"  # the commit the store matches
SEEN = "refs/briefing/seen"  # the remote's commit we last merged or pushed
INCOMING = "refs/briefing/incoming"  # the remote's commit as just fetched
EXPORTING = "refs/briefing/exporting"  # an export's commit before the branch takes it
_ZERO = "0" * 40
_CACHE = "briefing-briefs.json"  # blob id → content digest of brief files, to skip reads
_SKIPPED = "briefing-skipped.json"  # path → blob id of remote files that were refused
_NOTES = layout.NOTES + "/"
# Seconds after which a git lock file in the mirror is taken to be left by a git that was
# killed: well past the longest any command of a sync holds one.
STALE_LOCK = 600.0


@dataclass(slots=True)
class Applied:
    changed: int = 0  # store documents (and briefs) written
    problems: list[str] = field(default_factory=list)


class Mirror:
    def __init__(self, store: SyncingStore, name: str) -> None:
        self.store = store
        self.name = name
        self.slug = layout.reader_slug(name)
        # Absolute: git runs in the tree (-C), so a relative path would be read from there.
        self.tree = store.root.absolute() / FOLDER
        self.git = Git(self.tree, author=name)
        self._unsigned: dict[str, str] = {}  # note id → author, for notes the store names none

    @property
    def meta(self) -> Path:
        return self.tree / ".git"

    def exists(self) -> bool:
        check_plain_folder(self.tree)  # never through a link: writes would land elsewhere
        return (self.meta / "HEAD").is_file()

    def init(self) -> None:
        """A new mirror: an empty repository whose first commit holds nothing."""
        if self.exists() and self.git.rev(BRANCH):
            return
        self.tree.mkdir(exist_ok=True)
        check_plain_folder(self.tree)
        self.git.run("init", "-q")
        self.git.run("symbolic-ref", "HEAD", BRANCH)
        root = self.git.out("commit-tree", EMPTY_TREE, "-m", "A desk mirror begins")
        self.git.run("update-ref", BRANCH, root)
        self.git.run("update-ref", APPLIED, root)

    def head(self) -> str:
        found = self.git.rev(BRANCH)
        assert found is not None, "init() first"
        return found

    def checkout(self, old: str, new: str) -> None:
        """Bring the working tree from commit `old` to `new`, touching only the files that
        differ. Nothing reads the working tree (the store is read through snapshots,
        the remote's files as git objects), so one edited by hand or left half-written
        by a kill is simply written over: the whole tree is reset when the quick way
        finds it not as `old` left it."""
        try:
            self.git.run("read-tree", "-m", "-u", old, new)
        except GitError:
            self.git.run("read-tree", "--reset", "-u", new)

    def clear_stale_locks(self) -> None:
        """Remove the lock files a git killed mid-command left (a power cut, the OOM
        killer: every later git here would refuse to start). Called under desk.lock, so
        no other sync runs; a lock older than any command of ours holds one is stale. A
        fresh one is a git still at work (a sync's command outliving its killed
        process, or one run by hand): the sync stops, having changed nothing."""
        now = time.time()
        for lock in [*self.meta.glob("*.lock"), *(self.meta / "refs").rglob("*.lock")]:
            try:
                age = now - lock.lstat().st_mtime
            except OSError:
                continue  # gone meanwhile
            if age > STALE_LOCK:
                lock.unlink(missing_ok=True)
                continue
            where = lock.relative_to(self.tree)
            raise StoreError(
                f"git is still at work in the desk mirror ({FOLDER}/{where}, {age:.0f} s "
                f"old): sync again in a minute. A lock left by a git that was stopped is "
                f"cleared once it is {STALE_LOCK / 60:.0f} minutes old"
            )

    def tidy(self) -> None:
        """The index and working tree back to the last commit when a kill left them
        behind it (a working tree is for people to look at; nothing reads it)."""
        index = self.git.run("write-tree", check=False).stdout.decode().strip()
        if index != self.git.out("rev-parse", f"{BRANCH}^{{tree}}"):
            self.git.run("read-tree", "--reset", "-u", BRANCH)

    def recover(self) -> Applied:
        applied, head = self.git.rev(APPLIED) or EMPTY_TREE, self.head()
        if applied == head:
            return Applied()
        done = self.apply(applied, head)
        self.git.run("update-ref", APPLIED, head)
        return done

    # -- store → mirror ---------------------------------------------------------

    def plan_export(self) -> tuple[dict[str, bytes], list[str]]:
        """(files to write, files to remove) for the mirror to match the store."""
        return self._plan_export(self.store.sync_snapshot())

    def _plan_export(self, snap: SyncSnapshot) -> tuple[dict[str, bytes], list[str]]:
        head_files = self.git.tree_files(self.head())
        skipped = self._json(_SKIPPED)
        wanted: dict[str, bytes] = {}
        authors = self._authors(snap, head_files)
        for note_id, doc in snap.notes.items():
            path = layout.path_of(layout.NOTES, note_id)
            if not doc.get("author"):
                authors[note_id] = authors.get(note_id) or self.name
            wanted[path] = layout.note_file(doc, authors.get(note_id, ""))
        self._unsigned = authors
        for brief_id, doc in snap.corrections.items():
            wanted[layout.path_of(layout.CORRECTIONS, brief_id)] = layout.corrections_file(
                brief_id, doc
            )
        own = layout.path_of(layout.READERS, self.slug)
        wanted[own] = layout.reader_file(self.name, snap.states, snap.views)
        writes = {p: b for p, b in wanted.items() if head_files.get(p) != layout.blob_id(b)}
        removes = [
            p
            for p, blob in head_files.items()
            # Cheap tests first: most files are not notes, and most notes are wanted.
            if p.startswith(_NOTES)
            and p not in wanted
            and skipped.get(p) != blob
            and (place := layout.place_of(p)) is not None
            and place.kind == layout.NOTES
        ]
        writes.update(self._brief_writes(snap, head_files))
        return writes, removes

    def _authors(self, snap: SyncSnapshot, head_files: Mapping[str, str]) -> dict[str, str]:
        """Who wrote each note the store names no author for but the mirror holds: a note
        edited here keeps its author."""
        missing = {
            i: head_files[p]
            for i in snap.notes
            if not snap.notes[i].get("author")
            and (p := layout.path_of(layout.NOTES, i)) in head_files
        }
        blobs = self.git.blobs(list(missing.values()))
        out = {}
        for note_id, blob in missing.items():
            with contextlib.suppress(BadFile, KeyError):
                out[note_id] = layout.parse_note(note_id, blobs[blob])["author"]
        return out

    def _brief_writes(self, snap: SyncSnapshot, head_files: Mapping[str, str]) -> dict[str, bytes]:
        cache = self._json(_CACHE)
        ids = [i for i in snap.digests if i not in snap.trash]
        unknown = [
            head_files[p]
            for i in ids
            if (p := layout.path_of(layout.BRIEFS, i)) in head_files and head_files[p] not in cache
        ]
        for blob, payload in self.git.blobs(unknown).items():
            header = layout.brief_header(payload)
            cache[blob] = header[0] if header else ""
        stale = [
            i
            for i in ids
            if cache.get(head_files.get(layout.path_of(layout.BRIEFS, i), "")) != snap.digests[i]
        ]
        now = self.store.clock().isoformat()  # type: ignore[attr-defined]
        writes = {}
        for brief_id, brief in self.store.source_briefs(stale).items():
            sha = content_log.digest(orjson.dumps(brief.to_dict()))
            payload = layout.brief_file(brief, sha, now)
            writes[layout.path_of(layout.BRIEFS, brief_id)] = payload
            cache[layout.blob_id(payload)] = sha
        live = set(head_files.values()) | {layout.blob_id(b) for b in writes.values()}
        self._save_json(_CACHE, {k: v for k, v in cache.items() if k in live})
        return writes

    def export(self) -> int:
        """Commit the store's changes to the mirror; how many files changed. Notes new
        here get this reader as their author, in the store too."""
        snap = self.store.sync_snapshot()
        writes, removes = self._plan_export(snap)
        if not writes and not removes:
            self._sign(snap)
            return 0
        head = self.head()
        paths = sorted([*writes, *removes])
        notes = sum(1 for p in paths if p.startswith(layout.NOTES + "/"))
        message = f"{self.name}: {len(paths)} file(s), {notes} of them notes"
        commit = self.git.commit_files(EXPORTING, head, writes, removes, message)
        self.checkout(head, commit)
        # One transaction: the mirror's branch and "the store matches" move together.
        self.git.run(
            "update-ref",
            "--stdin",
            data=f"start\nupdate {BRANCH} {commit} {head}\nupdate {APPLIED} {commit}\n"
            "prepare\ncommit\n".encode(),
        )
        self._sign(snap)
        return len(paths)

    def _sign(self, snap: SyncSnapshot) -> None:
        """Record in the store the author each note the mirror now holds carries there,
        for notes the store names none for, where the note is still as exported (so
        nothing typed meanwhile is touched). Again at every sync, so a kill before it
        only puts it off."""
        unsigned = self._unsigned
        if not unsigned:
            return

        def plan(now: SyncSnapshot) -> SyncWrite:
            write = SyncWrite()
            for note_id, author in unsigned.items():
                if now.notes.get(note_id) == snap.notes[note_id]:
                    write.notes[note_id] = {**snap.notes[note_id], "author": author}
            return write

        self.store.apply_synced(plan)

    # -- remote commit → mirror ---------------------------------------------------

    def merge_in(self, incoming: str) -> Applied:
        """Merge `incoming` into the branch (a fast-forward when ours is behind) and bring
        the store along (apply); what was written, and what could not be merged."""
        head = self.head()
        if self.git.is_ancestor(incoming, head):
            return Applied()
        if self.git.is_ancestor(head, incoming):
            merged, problems = incoming, []
        else:
            merged, problems = self._merge_commit(head, incoming)
        self.git.run("update-ref", BRANCH, merged, head)
        self.checkout(head, merged)
        done = self.apply(head, merged)
        self.git.run("update-ref", APPLIED, merged)
        done.problems[:0] = problems
        return done

    def _merge_commit(self, head: str, incoming: str) -> tuple[str, list[str]]:
        base = self.git.merge_base(head, incoming) or EMPTY_TREE
        ours, theirs = self.git.changed(base, head), self.git.changed(base, incoming)
        result: dict[str, str | None] = {}
        both = []
        for path, blob in theirs.items():
            if blob == IRREGULAR or ours.get(path) == IRREGULAR:
                continue  # never into our tree (apply reports the remote's)
            if path not in ours:
                result[path] = blob
            elif ours[path] != blob:
                both.append(path)
        problems: list[str] = []
        if both:
            base_files = self.git.tree_files(base) if base != EMPTY_TREE else {}
            ids = [i for p in both for i in (base_files.get(p), ours[p], theirs[p]) if i]
            blobs = self.git.blobs(ids, max_size=layout.MAX_FILE)

            def content(blob: str | None) -> bytes | None:
                return None if blob is None else blobs.get(blob)

            for path in both:
                merged = merge(
                    path, content(base_files.get(path)), content(ours[path]), content(theirs[path])
                )
                problems += merged.problems
                new = {p: b for p, b in merged.files.items() if b is not None}
                ids_of = dict(zip(new, self.git.write_blobs(list(new.values())), strict=True))
                for p, payload in merged.files.items():
                    result[p] = None if payload is None else ids_of[p]
        index = self.meta / "briefing-merge.index"
        index.unlink(missing_ok=True)
        env = {"GIT_INDEX_FILE": str(index)}
        self.git.run("read-tree", head, env=env)
        lines = "".join(
            f"0 {_ZERO}\t{p}\0" if b is None else f"100644 {b}\t{p}\0" for p, b in result.items()
        )
        self.git.run("update-index", "-z", "--index-info", data=lines.encode(), env=env)
        tree = self.git.run("write-tree", env=env).stdout.decode().strip()
        index.unlink(missing_ok=True)
        message = f"{self.name}: merged the desk's changes"
        commit = self.git.out("commit-tree", tree, "-p", head, "-p", incoming, "-m", message)
        return commit, problems

    # -- mirror → store -----------------------------------------------------------

    def apply(self, old: str, new: str) -> Applied:
        """Write into the store what changed from commit `old` to `new`."""
        changed = self.git.changed(old, new)
        old_files = self.git.tree_files(old) if old != EMPTY_TREE and changed else {}
        blobs = self.git.blobs(
            [b for b in changed.values() if b and b != IRREGULAR]
            + [old_files[p] for p in changed if p in old_files],
            max_size=layout.MAX_FILE,
        )
        entries = []
        done = Applied()
        skipped = self._json(_SKIPPED)
        digests: dict[str, str] = {}  # brief files' blob → content digest, for export
        for path, blob in changed.items():
            place = layout.place_of(path)
            if place is None or (place.kind == layout.READERS and place.key != self.slug):
                continue  # another reader's own file, or not one of ours: left in the mirror
            before = blobs.get(old_files[path]) if path in old_files else None
            after = blobs.get(blob) if blob else None
            parsed: Any = None
            if blob == IRREGULAR:
                problem: str | None = IRREGULAR
            elif blob is not None and after is None:
                problem = f"over {layout.MAX_FILE:,} bytes (or unreadable)"
            else:
                problem, parsed = _check(place, after)
            if problem:
                done.problems.append(f"{path}: {problem}; skipped")
                skipped[path] = blob or ""
                continue
            skipped.pop(path, None)
            entries.append((path, place, before, after, parsed))
            if place.kind == layout.BRIEFS and blob is not None and parsed is not None:
                digests[blob] = parsed[1]
        self._save_json(_SKIPPED, skipped)
        if entries:
            write = self.store.apply_synced(lambda snap: self._plan(snap, entries, done))
            done.changed = sum(
                len(x) for x in (write.briefs, write.notes, write.corrections, write.states)
            )
        if digests:  # a hint only, true of the blob whatever the store holds
            self._save_json(_CACHE, {**self._json(_CACHE), **digests})
        return done

    def _plan(self, snap: SyncSnapshot, entries: Iterable[Any], done: Applied) -> SyncWrite:
        write = SyncWrite()
        for path, place, before, after, parsed in entries:
            if place.kind == layout.BRIEFS:
                if after is not None:
                    brief, sha, _ = parsed  # checked and parsed once, in apply
                    if snap.digests.get(place.key) != sha:
                        write.briefs.append(brief)
                continue
            current = self._current(snap, place, before)
            if current == after:
                continue
            if current == before:
                if place.kind == layout.NOTES:  # the common case: parsed once, in apply
                    write.notes[place.key] = parsed
                    continue
                result = {path: after}
            else:  # the store changed it since: both changes, merged by the same rules
                merged = merge(path, before, current, after)
                done.problems += merged.problems
                result = merged.files
            for p, payload in result.items():
                self._into(write, snap, layout.place_of(p), payload)
        return write

    def _current(
        self, snap: SyncSnapshot, place: layout.Place, before: bytes | None
    ) -> bytes | None:
        """The store's version of one mirror file, as the mirror would write it."""
        if place.kind == layout.NOTES:
            doc = snap.notes.get(place.key)
            if doc is None:
                return None
            author = None
            if before is not None:
                with contextlib.suppress(BadFile):
                    author = layout.parse_note(place.key, before)["author"]
            return layout.note_file(doc, author or self.name)
        if place.kind == layout.CORRECTIONS:
            doc = snap.corrections.get(place.key)
            return None if doc is None else layout.corrections_file(place.key, doc)
        return layout.reader_file(self.name, snap.states, snap.views)

    def _into(
        self,
        write: SyncWrite,
        snap: SyncSnapshot,
        place: layout.Place | None,
        payload: bytes | None,
    ) -> None:
        if place is None:
            return
        if place.kind == layout.NOTES:
            write.notes[place.key] = (
                None if payload is None else layout.parse_note(place.key, payload)
            )
        elif place.kind == layout.CORRECTIONS and payload is not None:
            write.corrections[place.key] = layout.parse_corrections(place.key, payload)
        elif place.kind == layout.READERS and payload is not None:
            states, views = layout.parse_reader(payload)
            for brief_id in set(snap.states) | set(states):
                if snap.states.get(brief_id) != states.get(brief_id):
                    write.states[brief_id] = states.get(brief_id)
            for name in set(snap.views) | set(views):
                if snap.views.get(name) != views.get(name):
                    write.views[name] = {"query": views[name]} if name in views else None

    # -- small files of our own in .git -----------------------------------------------

    def _json(self, name: str) -> dict[str, str]:
        try:
            value = orjson.loads((self.meta / name).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        return value if isinstance(value, dict) else {}

    def _save_json(self, name: str, value: Mapping[str, Any]) -> None:
        _write(self.meta / name, orjson.dumps(value))


def _check(place: layout.Place, payload: bytes | None) -> tuple[str | None, Any]:
    """(why a file from the remote cannot be taken in, or None; what it parsed to)."""
    if payload is None:
        return None, None
    try:
        if place.kind == layout.NOTES:
            return None, layout.parse_note(place.key, payload)
        if place.kind == layout.BRIEFS:
            return None, layout.parse_brief(place.key, payload)
        if place.kind == layout.CORRECTIONS:
            return None, layout.parse_corrections(place.key, payload)
        return None, layout.parse_reader(payload)
    except BadFile as exc:
        return str(exc), None


def _write(path: Path, payload: bytes) -> None:
    """Replace one of the mirror's own small files in .git whole and durably."""
    atomic_write_bytes(path, payload, keep_backup=False)
