"""The catalog: the one loaded view of the store for the interface.

The reader, the actor index, the tariff tracker and the palette all read from it: the
list rows, the search index, every brief's actors and every tariff as a tracker row. It
is plain Python (no Textual): the app fills it in a worker and hands it to the screens.

Every brief is read once, by `scan` (in a worker); after that only the briefs that
changed are read again (`refresh`, `refresh_content`), so a note saved or a brief
imported elsewhere costs one brief, not the whole store. The scan keeps what it derived in
the store's scan cache (store/scan_cache.py, see tui/derived.py), so the next start reads
again only the briefs that changed since.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from store import BriefRow, ReaderState, Store, scan_cache
from tui.derived import CACHE_KIND, BriefActors, Derived, TariffRow, decode, derive, encode

if TYPE_CHECKING:
    from briefs.actor_index import ActorEntry
    from briefs.search.docs import SearchDoc
    from briefs.search.index import SearchIndex
    from briefs.search.query import Query

# Search, rates and the actor index load when every brief is first read (after the first
# paint), not when the reader starts: the imports below sit in the functions that use them.


@dataclass(slots=True)
class Scan:
    """Everything derived from reading every brief once; made off the UI thread."""

    docs: list[SearchDoc] = field(default_factory=list)
    actors: dict[str, BriefActors] = field(default_factory=dict)
    tariffs: dict[str, list[TariffRow]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    # The reader data the docs were made with, to bring up to date at adoption.
    texts: dict[str, list[str]] = field(default_factory=dict)
    states: dict[str, ReaderState] = field(default_factory=dict)

    def take(self, derived: Derived) -> None:
        self.docs.append(derived.doc)
        self.actors[derived.doc.id] = derived.actors
        self.tariffs[derived.doc.id] = derived.tariffs


class Catalog:
    """Rows are loaded at once (the store's index holds them); the rest after `adopt(scan())`.

    Not thread-safe: `scan` and `read_rows` may run in a worker, everything else runs on
    the UI thread.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rows: dict[str, BriefRow] = {}
        self.index: SearchIndex | None = None  # None until the first scan is adopted
        self.unreadable: list[str] = []
        self._actors: dict[str, BriefActors] = {}
        self._tariffs: dict[str, list[TariffRow]] = {}
        self._actor_entries: list[ActorEntry] | None = None
        self._reader: tuple[dict[str, list[str]], dict[str, ReaderState]] = ({}, {})
        # Briefs that changed while the first scan ran: read again once it is adopted.
        self._pending: set[str] = set()
        # `rows` is in the store's order (newest first) until a change here may move one.
        self._in_order = True

    # -- rows ----------------------------------------------------------------------

    def read_rows(self) -> list[BriefRow]:
        """The list rows, fresh from the store (cheap: the index file is already parsed)."""
        return self.store.rows()

    def set_rows(self, rows: Iterable[BriefRow]) -> set[str]:
        """Take new rows; returns the ids whose content changed or that came or went."""
        new = {row.id: row for row in rows}
        old, self.rows, self._in_order = self.rows, new, True
        if not old:
            return set(new)
        changed = {i for i, row in new.items() if i not in old or old[i].version != row.version}
        changed |= old.keys() - new.keys()
        return changed

    def newest_first(self) -> list[BriefRow]:
        """Every row newest first (see briefs.order); sorted only when a change here may
        have moved one, since the store gives them in that order."""
        if not self._in_order:
            from briefs.order import newest_first

            self.rows = {row.id: row for row in newest_first(self.rows.values())}
            self._in_order = True
        return list(self.rows.values())

    def _put_row(self, brief_id: str, row: BriefRow | None) -> None:
        old = self.rows.get(brief_id)
        if row is None:
            self.rows.pop(brief_id, None)
            return
        if old is None or (old.date, old.title) != (row.date, row.title):
            self._in_order = False
        self.rows[brief_id] = row

    def load_rows(self) -> None:
        self.set_rows(self.read_rows())

    # -- the one full read -------------------------------------------------------

    def scan(self) -> Scan:
        """Read every brief once: search docs, actors and tariff rows. Call from a worker.

        A brief whose version the scan cache holds is taken from there; the others are
        read from the content, and the cache is written again when any were."""
        texts, states = self.store.note_texts(), self.store.states()
        scan = Scan(texts=texts, states=states)
        rows = dict(self.rows) or {row.id: row for row in self.store.rows()}
        versions = {i: row.version for i, row in rows.items()}
        done: set[str] = set()
        seen = 0  # lines in the cache: one more or one less than the briefs is stale
        for k, (brief_id, entry) in enumerate(scan_cache.load(self.store.root, CACHE_KIND)):
            seen += 1
            if k % 200 == 199:
                time.sleep(0)  # let the UI thread in: keys typed meanwhile stay prompt
            if versions.get(brief_id) != entry[0] or brief_id in done:
                continue
            derived = decode(brief_id, entry, texts.get(brief_id, []), _state(states, brief_id))
            if derived is not None:
                scan.take(derived)
                done.add(brief_id)
        fresh = [i for i in versions if i not in done]
        stale = seen != len(done)
        for k, (brief_id, brief) in enumerate(self.store.read_briefs(fresh)):
            if k % 20 == 19:
                time.sleep(0)
            if brief is None:
                scan.unreadable.append(brief_id)
                continue
            scan.take(derive(brief, texts.get(brief_id, []), _state(states, brief_id)))
        # Rewritten when it held a brief no longer there, or lacked one now read; an
        # unreadable brief is never in it (it is read, and reported, each time).
        if (stale or len(fresh) > len(scan.unreadable)) and not self.store.read_only:
            self._keep(scan, versions)
        return scan

    def _keep(self, scan: Scan, versions: dict[str, str]) -> None:
        """Write the scan cache: every brief the scan derived, under the version it read."""
        entries = (
            (
                doc.id,
                encode(versions[doc.id], Derived(doc, scan.actors[doc.id], scan.tariffs[doc.id])),
            )
            for doc in scan.docs
        )
        scan_cache.save(self.store.root, CACHE_KIND, entries)

    def adopt(self, scan: Scan) -> None:
        """Make a finished scan the catalog's data (on the UI thread)."""
        from briefs.search.index import SearchIndex

        self.index = SearchIndex(scan.docs)
        self._actors, self._tariffs = scan.actors, scan.tariffs
        self.unreadable = scan.unreadable
        self._actor_entries = None
        # What changed since the scan read the store is not lost: queued, not dropped.
        self._reader = scan.texts, scan.states
        self.refresh_reader()
        pending, self._pending = self._pending, set()
        self.refresh_content(pending | (scan_ids(scan) ^ self.rows.keys()))

    @property
    def ready(self) -> bool:
        return self.index is not None

    # -- keeping it fresh, one brief at a time -------------------------------------

    def refresh(self, brief_id: str) -> None:
        """After a note or state change here: that brief's row and reader data only."""
        self._put_row(brief_id, self.store.row(brief_id))
        texts, states = self._reader
        notes = [note.text for note in self.store.notes(brief_id)]
        state = self.store.state(brief_id)
        if notes:
            texts[brief_id] = notes
        else:
            texts.pop(brief_id, None)
        states[brief_id] = state
        doc = self.index.get(brief_id) if self.index is not None else None
        if doc is not None and self.index is not None:
            self.index.put(doc.with_reader(notes=notes, read=state.read, starred=state.starred))

    def brief_changed(self, brief_id: str) -> None:
        """A brief corrected, deleted or restored here: its row and content, read again."""
        self._put_row(brief_id, self.store.row(brief_id))
        self.refresh_content({brief_id})

    def refresh_reader(self) -> None:
        """Notes, read and starred may have changed (here or elsewhere): update the docs of
        the briefs whose reader data differs from what the index holds."""
        if self.index is None:
            return
        texts, states = self.store.note_texts(), self.store.states()
        old_texts, old_states = self._reader
        for brief_id in texts.keys() | old_texts.keys() | states.keys() | old_states.keys():
            if texts.get(brief_id) == old_texts.get(brief_id) and states.get(
                brief_id
            ) == old_states.get(brief_id):
                continue
            doc = self.index.get(brief_id)
            if doc is not None:
                state = states.get(brief_id, ReaderState())
                notes = texts.get(brief_id, [])
                self.index.put(doc.with_reader(notes=notes, read=state.read, starred=state.starred))
        self._reader = texts, states

    def refresh_content(self, brief_ids: Iterable[str]) -> None:
        """Briefs imported, replaced or deleted (here or elsewhere): read just those again."""
        ids = set(brief_ids)
        if self.index is None:
            self._pending |= ids  # the first scan is still running
            return
        if not ids:
            return
        texts, states = self.store.note_texts(), self.store.states()
        for brief_id in ids:
            self.index.remove(brief_id)
            self._actors.pop(brief_id, None)
            self._tariffs.pop(brief_id, None)
        present = [i for i in ids if i in self.rows]
        for brief_id, brief in self.store.read_briefs(present):
            if brief is None:
                if brief_id not in self.unreadable:
                    self.unreadable.append(brief_id)
                continue
            derived = derive(brief, texts.get(brief_id, []), _state(states, brief_id))
            self.index.put(derived.doc)
            self._actors[brief_id] = derived.actors
            self._tariffs[brief_id] = derived.tariffs
        self._actor_entries = None
        self._reader = texts, states

    # -- what the screens ask -----------------------------------------------------

    def search(self, query: Query) -> list[str]:
        assert self.index is not None
        return self.index.search(query)

    def search_tariffs(self, query: Query) -> list[TariffRow]:
        """The tracker rows the query keeps, newest brief first."""
        assert self.index is not None
        tariffs = self._tariffs
        return [tariffs[i][k] for i, k in self.index.search_tariffs(query) if i in tariffs]

    @property
    def tariff_count(self) -> int:
        return sum(len(rows) for rows in self._tariffs.values())

    def actor_entries(self) -> list[ActorEntry]:
        """Every actor across briefs (built on first use after a change)."""
        if self._actor_entries is None:
            from briefs.actor_index import build_actor_index

            ordered = [self._actors[i] for i in self.rows if i in self._actors]
            self._actor_entries = build_actor_index(ordered)  # type: ignore[arg-type]
        return self._actor_entries


def scan_ids(scan: Scan) -> set[str]:
    return {doc.id for doc in scan.docs} | set(scan.unreadable)


def _state(states: dict[str, ReaderState], brief_id: str) -> ReaderState:
    return states.get(brief_id) or ReaderState()
