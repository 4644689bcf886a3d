"""The catalog: the one loaded view of the store for the interface.

The reader, the actor index, the tariff tracker and the palette all read from it: the
list rows and the search index, whose one doc per brief also holds its actors and tariffs
as written, so the actor index and the tracker's rows are made from the docs when asked
(tui/derived.py). It is plain Python (no Textual): the app fills it in a worker and hands
it to the screens.

Every brief is read once, by `scan` (in a worker); after that only the briefs that
changed are read again (`refresh`, `refresh_content`), so a note saved or a brief
imported elsewhere costs one brief, not the whole store. The scan keeps what it derived in
the store's scan cache (store/scan_cache.py, see tui/derived.py), so the next start reads
again only the briefs that changed since. The docs are light (briefs.search.docs): each
brief's searched text and its actors stay in that cache's file, whose word index answers
the queries' words (`SearchIndex(words=…)`) and which the actor index is read from.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from store import BriefRow, ReaderState, Store
from store.rows import RowMap, Rows, picked
from tui.derived import Decoder, TariffRow, cache_kind, derive, encode, note_segments, rows_of

if TYPE_CHECKING:
    from briefs.actor_index import ActorEntry
    from briefs.search.docs import SearchDoc
    from briefs.search.index import SearchIndex
    from briefs.search.query import Query
    from store import scan_cache

# Search, rates and the actor index load when every brief is first read (after the first
# paint), not when the reader starts: the imports below sit in the functions that use them.

_NO_STATE = ReaderState()


@dataclass(slots=True)
class Scan:
    """Everything derived from reading every brief once; made off the UI thread."""

    docs: list[SearchDoc] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    # What tells the note texts the docs were made with (`_noted`), to bring up to date at
    # adoption (read and starred are compared with the docs themselves).
    notes: dict[str, int] = field(default_factory=dict)
    # The scan cache, whose word index answers the light docs' text terms.
    words: scan_cache.ScanCache | None = None
    # The reader files' stamp before the scan read them: unchanged at adoption, the docs
    # hold today's notes and states, and the files need not be read again.
    stamp: tuple[object, ...] = ()


class Catalog:
    """Rows are loaded at once (the store's index holds them); the rest after `adopt(scan())`.

    Not thread-safe: `scan` and `read_rows` may run in a worker, everything else runs on
    the UI thread.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rows: MutableMapping[str, BriefRow] = {}
        self.index: SearchIndex | None = None  # None until the first scan is adopted
        self.unreadable: list[str] = []
        self._actor_entries: list[ActorEntry] | None = None
        self._words: scan_cache.ScanCache | None = None  # the adopted scan's cache
        self._tariff_count: int | None = None
        self._generation = 0  # counts changes of content: what a worker built may be stale
        # The note texts each doc was made with (briefs with notes only): what
        # `refresh_reader` compares the store's with.
        self._notes: dict[str, int] = {}  # `_noted`
        # Briefs that changed while the first scan ran: read again once it is adopted.
        self._pending: set[str] = set()
        # `rows` is in the store's order (newest first) until a change here may move one.
        self._in_order = True
        # Called by `scan` every few briefs: the app makes it wait while keys are handled.
        self.pause: Callable[[], object] = _let_others_in

    # -- rows ----------------------------------------------------------------------

    def read_rows(self) -> Sequence[BriefRow]:
        """The list rows, fresh from the store, newest first: made only as they are asked
        for (store/rows.py), so the first paint makes a screenful of them."""
        return self.store.row_source()

    def set_rows(self, rows: Iterable[BriefRow]) -> set[str]:
        """Take new rows; returns the ids whose content changed or that came or went."""
        new: MutableMapping[str, BriefRow]
        new = RowMap(rows) if isinstance(rows, Rows) else {row.id: row for row in rows}
        old, self.rows, self._in_order = self.rows, new, True
        if not old:
            return set(new)
        was, now = _versions(old), _versions(new)
        changed = {i for i, version in now.items() if was.get(i) != version}
        changed |= was.keys() - now.keys()
        return changed

    def newest_first(self, keep: Callable[[str], bool] | None = None) -> Sequence[BriefRow]:
        """Every row newest first (see briefs.order), or those whose id `keep` keeps;
        sorted only when a change here may have moved one, since the store gives them in
        that order. Rows the store makes when asked stay unmade (store/rows.py)."""
        rows = self.rows
        if self._in_order and isinstance(rows, RowMap):
            view = rows.in_order()
            if view is not None:
                return view if keep is None else picked(view, keep)
        if not self._in_order:
            from briefs.order import newest_first

            self.rows = {row.id: row for row in newest_first(self.rows.values())}
            self._in_order = True
        if keep is not None:
            return [row for row in self.rows.values() if keep(row.id)]
        return list(self.rows.values())

    def row_titles(self) -> list[tuple[str, str]]:
        """(title, brief id) of every row, without making the rows the store makes when
        asked (the palette matches titles, and shows a few)."""
        rows = self.rows
        if isinstance(rows, RowMap):
            return rows.titles()
        return [(row.title, brief_id) for brief_id, row in rows.items()]

    def _put_row(self, brief_id: str, row: BriefRow | None) -> None:
        old = self.rows.get(brief_id)
        if row is None:
            self.rows.pop(brief_id, None)
            return
        if old is None or (old.date, old.title) != (row.date, row.title):
            self._in_order = False
        self.rows[brief_id] = row

    def load_rows(self) -> None:
        """The first rows (before the first paint): taken as they are, none made."""
        rows = self.read_rows()
        if isinstance(rows, Rows):
            self.rows, self._in_order = RowMap(rows), True
        else:
            self.set_rows(rows)

    # -- the one full read -------------------------------------------------------

    def scan(self, *, keep: bool = True) -> Scan:
        """Read every brief once into its search doc. Call from a worker.

        A brief whose version the scan cache holds is taken from there; the others are
        read from the content. The cache is written again (with `keep`; else call `keep`
        later, after adopting) when any were, or when it held a brief no longer there."""
        # The collector off while the docs are made, and what was made frozen after (left
        # out of every later collection): the docs live as long as the catalog and hold no
        # cycles, and at 100,000 briefs the collector's passes over them took half the
        # scan, or a second on the UI thread at the first collection after it. The young
        # garbage is collected first, while that is cheap, so the freeze keeps none.
        paused = gc.isenabled()
        gc.collect(1)
        gc.disable()
        try:
            scan = self._scan()
        finally:
            gc.freeze()
            if paused:
                gc.enable()
        if keep:
            self.keep(scan)
        return scan

    def _scan(self) -> Scan:
        stamp = self.store.reader_stamp()
        texts, states = self.store.reader_data()
        scan = Scan(notes={i: _noted(t) for i, t in texts.items() if t}, stamp=stamp)
        # The notes as the docs hold them, folded once here: the texts are not kept through
        # the scan (8 MB at 20,000 notes).
        noted = {i: note_segments(t) for i, t in texts.items() if t}
        del texts
        ids, version_at, title_at = self._listed()
        # By id in the rows' order (newest first): the row's place until the doc is made
        # (which shares the row's id string: `ids[place]`), then the doc. So the docs come
        # out in order, unsorted, and no id → version dict is made beside this one.
        placed: dict[str, int | SearchDoc] = {i: k for k, i in enumerate(ids)}
        from store import scan_cache  # with sqlite3: the first frame needs neither

        cache = scan_cache.ScanCache.open(
            self.store.root, cache_kind(), writable=not self.store.read_only
        )
        scan.words = cache
        decoder = Decoder()
        # Entries of briefs not listed here: another reader's (imported since the rows were
        # read) unless the store no longer lists them either.
        unknown: list[tuple[int, str]] = []
        for k, (key, brief_id, version, entry) in enumerate(cache.entries()):
            if k % 50 == 49:  # a pause every ~4 ms: a key waits no longer
                self.pause()
            place = placed.get(brief_id)
            doc = None
            if type(place) is int and version_at(place) == version:
                state = _state(states, brief_id)
                doc = decoder.decode(ids[place], key, entry, state, title_at(place))
            if doc is None:
                if place is None:
                    unknown.append((key, brief_id))
                # Else read again below and written over in place: a brief keeps its key,
                # which another reader on the store may hold.
                continue
            notes = noted.get(brief_id)
            placed[brief_id] = doc.with_folded_notes(notes) if notes is not None else doc
        if cache.damaged:  # what was read of it may be wrong too: all is read again
            cache.reset()
            placed = {i: k for k, i in enumerate(ids)}
            unknown = []
        if unknown:
            listed = set(self.store.row_ids())
            cache.drop(key for key, brief_id in unknown if brief_id not in listed)
        fresh = [i for i, v in placed.items() if type(v) is int]
        batch: list[tuple[str, SearchDoc]] = []
        for k, (brief_id, brief) in enumerate(self.store.read_briefs(fresh)):
            if k % 20 == 19:
                self.pause()
            if brief is None:
                scan.unreadable.append(brief_id)
                continue
            doc = derive(brief, [], _state(states, brief_id))
            notes = noted.get(brief_id)
            version = version_at(placed[brief_id])  # type: ignore[arg-type]
            batch.append((version, doc if notes is None else doc.with_folded_notes(notes)))
            if len(batch) == _BATCH:
                placed.update((d.id, d) for d in _indexed(cache, batch))
                batch = []
        placed.update((d.id, d) for d in _indexed(cache, batch))
        docs = [d for d in placed.values() if type(d) is not int]
        del placed
        from briefs.search.index import is_newest_first

        if not is_newest_first(docs):  # a row moved here since the rows were read
            from briefs.order import newest_first

            docs = newest_first(docs)  # here, not at the first search on the UI thread
        scan.docs = docs  # type: ignore[assignment]
        return scan

    def _listed(self) -> tuple[Sequence[str], Callable[[int], str], Callable[[int], str | None]]:
        """The listed ids in the rows' order, the version of the brief at a place in it and
        its title: from the compact index's columns when the rows are its own (no id →
        version dict of every brief, nor a version string each, held through the scan; the
        docs share the index's title strings)."""
        rows = self.rows
        if isinstance(rows, RowMap) and rows.untouched:
            source = rows.source
            return source.ids(), source.version_at, source.share_titles()
        versions = _versions(rows) or {r.id: r.version for r in self.store.rows()}
        ids = list(versions)
        return ids, lambda k: versions[ids[k]], lambda k: None

    def keep(self, scan: Scan) -> None:
        """Fold the scan cache's log into its file; safe in a worker after `adopt` (the
        cache was written brief by brief as the scan read them)."""
        if scan.words is not None:
            scan.words.checkpoint()

    def adopt(self, scan: Scan) -> None:
        """Make a finished scan the catalog's data (on the UI thread)."""
        from briefs.search.index import SearchIndex

        # The docs handed to the index, which keeps the list as its order: the scan (which
        # a worker's result may hold on to) keeps none of them.
        docs, scan.docs = scan.docs, []
        self.index = SearchIndex(docs, in_order=True, words=scan.words)
        self._words = scan.words
        self.unreadable = scan.unreadable
        self._changed()
        # What changed since the scan read the store is not lost: queued, not dropped.
        self._notes = scan.notes
        if not scan.stamp or self.store.reader_stamp() != scan.stamp:
            self.refresh_reader()
        pending, self._pending = self._pending, set()
        self.refresh_content(pending | self._not_scanned(docs, scan.unreadable))

    def _not_scanned(self, docs: list[SearchDoc], unreadable: list[str]) -> set[str]:
        """The briefs the scan read that are no longer listed, and those listed that it did
        not read; at once when the scan's docs are the rows, in their order (no set of every
        id, nor `x in self.rows` for each: that makes the compact index hold an id → place
        dict, 6 MB at 100,000 briefs)."""
        if not unreadable and [d.id for d in docs] == list(self.rows):
            return set()
        return ({d.id for d in docs} | set(unreadable)) ^ set(self.rows)

    def _changed(self) -> None:
        """Content came or went: what is counted over every doc is counted again."""
        self._actor_entries = None
        self._tariff_count = None
        self._generation += 1

    @property
    def ready(self) -> bool:
        return self.index is not None

    # -- keeping it fresh, one brief at a time -------------------------------------

    def refresh(self, brief_id: str) -> None:
        """After a note or state change here: that brief's row and reader data only."""
        self._put_row(brief_id, self.store.row(brief_id))
        notes = [note.text for note in self.store.notes(brief_id)]
        state = self.store.state(brief_id)
        self._note_texts(brief_id, notes)
        doc = self.index.get(brief_id) if self.index is not None else None
        if doc is not None and self.index is not None:
            self.index.put(doc.with_reader(notes=notes, read=state.read, starred=state.starred))

    def _note_texts(self, brief_id: str, notes: list[str] | None) -> None:
        if notes:
            self._notes[brief_id] = _noted(notes)
        else:
            self._notes.pop(brief_id, None)

    def brief_changed(self, brief_id: str) -> None:
        """A brief corrected, deleted or restored here: its row and content, read again."""
        self._put_row(brief_id, self.store.row(brief_id))
        self.refresh_content({brief_id})

    def refresh_reader(self) -> None:
        """Notes, read and starred may have changed (here or elsewhere): update the docs of
        the briefs whose reader data differs from what the index holds."""
        index = self.index
        if index is None:
            return
        texts, states = self.store.reader_data()
        notes = {i: _noted(t) for i, t in texts.items() if t}
        old = self._notes
        changed = {i for i in notes.keys() | old.keys() if notes.get(i) != old.get(i)}
        for doc in index.docs():
            state = states.get(doc.id) or _NO_STATE
            if doc.read != state.read or doc.starred != state.starred:
                changed.add(doc.id)
        for brief_id in changed:
            doc = index.get(brief_id)
            if doc is not None:
                state = states.get(brief_id) or _NO_STATE
                note_list = texts.get(brief_id, [])
                index.put(doc.with_reader(notes=note_list, read=state.read, starred=state.starred))
        self._notes = notes

    def refresh_content(self, brief_ids: Iterable[str]) -> None:
        """Briefs imported, replaced or deleted (here or elsewhere): read just those again."""
        ids = set(brief_ids)
        if self.index is None:
            self._pending |= ids  # the first scan is still running
            return
        if not ids:
            return
        texts, states = self.store.reader_data()
        for brief_id in ids:
            self.index.remove(brief_id)
        present = [i for i in ids if i in self.rows]
        batch: list[tuple[str, SearchDoc]] = []
        for brief_id, brief in self.store.read_briefs(present):
            if brief is None:
                if brief_id not in self.unreadable:
                    self.unreadable.append(brief_id)
                continue
            doc = derive(brief, texts.get(brief_id, []), _state(states, brief_id))
            batch.append((self.rows[brief_id].version, doc))
        for doc in _indexed(self._words, batch):
            self.index.put(doc)
        if self._words is not None:
            self._words.drop_ids(ids - {doc.id for _, doc in batch})
        # Only these briefs' docs hold today's notes: another brief's new note is still
        # to be laid over by `refresh_reader`.
        for brief_id in ids:
            self._note_texts(brief_id, texts.get(brief_id))
        self._changed()

    # -- what the screens ask -----------------------------------------------------

    def trust_words(self, disagreeing: set[int] | None = None) -> None:
        """Before the word index is trusted: the briefs whose entries another reader on the
        store wrote over or removed (`ScanCache.disagreeing`, or those given, found in a
        worker) are read and written again, so this reader's docs and the file agree."""
        index, words = self.index, self._words
        if index is None or words is None:
            return
        keys = words.disagreeing() if disagreeing is None else disagreeing
        if keys:
            self.refresh_content({doc.id for doc in index.docs() if doc.key in keys})
            words.trusted(keys)  # ours written again; the rest are not ours

    def words_disagreeing(self) -> set[int]:
        """`ScanCache.disagreeing` of the word index in use: safe in a worker (hand what it
        finds to `trust_words`, on the UI thread)."""
        return self._words.disagreeing() if self._words is not None else set()

    def search(self, query: Query) -> list[str]:
        assert self.index is not None
        self.trust_words()
        return self.index.search(query)

    def searcher(self, query: Query) -> Callable[[], tuple[set[str], set[int]]]:
        """`search` as a call for a worker: the docs as they are now, newest first, are
        taken here (the index changes only on the UI thread); there, the query's words are
        asked of the file, with the keys another reader's writes put in doubt since: when
        there are any, `trust_words` them back here and search again."""
        assert self.index is not None
        docs, words = list(self.index), self._words

        def run() -> tuple[set[str], set[int]]:
            doubt = words.disagreeing() if words is not None else set()
            bound = query if words is None else query.bound(words)
            return {doc.id for doc in bound.select(docs)}, doubt

        return run

    def search_tariffs(self, query: Query) -> list[TariffRow]:
        """The tracker rows the query keeps, newest brief first (made when asked). In a
        worker: `trust_words(words_disagreeing())` first, the former on the UI thread."""
        assert self.index is not None
        # The collector paused while up to 400,000 tuples (no cycles) are made: its passes
        # over them were a good part of the time.
        paused = gc.isenabled()
        gc.disable()
        try:
            return rows_of(self.index.tariff_hits(query))
        finally:
            if paused:
                gc.enable()

    @property
    def tariff_count(self) -> int:
        if self._tariff_count is None:
            docs = self.index.docs() if self.index is not None else ()
            self._tariff_count = sum(doc.tariff_count for doc in docs)
        return self._tariff_count

    def actor_entries(self) -> list[ActorEntry]:
        """Every actor across briefs (built on first use after a change). About 2 s at
        100,000 briefs: the screens build it in a worker (`actor_sources`, then
        `build_actor_entries` there and `keep_actor_entries` back here)."""
        if self._actor_entries is None:
            generation, sources = self.actor_sources()
            self.keep_actor_entries(generation, build_actor_entries(sources))
        return self._actor_entries or []

    @property
    def built_actor_entries(self) -> list[ActorEntry] | None:
        """The actor index when it is built and current, else None."""
        return self._actor_entries

    def actor_sources(self) -> tuple[int, ActorSources]:
        """(generation, each brief's id, date and actors, newest first): what the actor
        index is made of, taken here so a worker can build it from a list nobody changes.
        A light doc's actors are in the scan cache: read as the worker goes through them."""
        get = self.index.get if self.index is not None else {}.get
        docs = [doc for doc in map(get, self.rows) if doc is not None]
        items = [(d.id, d.date, d.key or d.people) for d in docs]
        return self._generation, ActorSources(items, self._words)

    def keep_actor_entries(self, generation: int, entries: list[ActorEntry]) -> None:
        """Keep what was built from `actor_sources` unless the content changed since."""
        if generation == self._generation:
            self._actor_entries = entries


ActorSource = tuple[str, str, tuple]


class ActorSources(Sequence[ActorSource]):
    """(id, date, actors) of each brief; the actors of a light doc (given by its key) are
    read from the scan cache when asked, a chunk at a time (in the worker, not here)."""

    _CHUNK = 2000

    def __init__(
        self, items: list[tuple[str, str, tuple | int]], cache: scan_cache.ScanCache | None
    ) -> None:
        self._items, self._cache = items, cache

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, at: int) -> ActorSource:  # type: ignore[override]
        return next(iter(ActorSources([self._items[at]], self._cache)))

    def __iter__(self) -> Iterator[ActorSource]:
        from tui.derived import people_of

        for at in range(0, len(self._items), self._CHUNK):
            chunk = self._items[at : at + self._CHUNK]
            keys = [p for _, _, p in chunk if type(p) is int]
            found = self._cache.entries_of(keys) if keys and self._cache is not None else {}
            for brief_id, date, people in chunk:
                if type(people) is int:
                    people = people_of(found.get(people))
                yield brief_id, date, people


_BATCH = 1000  # briefs written to the scan cache per transaction (each ends an FTS5 segment)


def _indexed(
    cache: scan_cache.ScanCache | None, batch: list[tuple[str, SearchDoc]]
) -> list[SearchDoc]:
    """The docs of `batch` ((version, doc) each), written to the cache and kept light;
    kept whole (searched in memory) when the cache would not take them."""
    from briefs.search.docs import indexed, light

    if cache is None or not batch:
        return [doc for _, doc in batch]
    keys = cache.put_many((doc.id, v, encode(doc), indexed(doc)) for v, doc in batch)
    if keys is None:
        return [doc for _, doc in batch]
    return [light(doc, key) for (_, doc), key in zip(batch, keys, strict=True)]


def build_actor_entries(sources: Iterable[ActorSource]) -> list[ActorEntry]:
    """The actor index of `sources` (see `Catalog.actor_sources`); safe in a worker."""
    from briefs.actor_index import build_actor_index_flat

    return build_actor_index_flat(sources)


def _versions(rows: Mapping[str, BriefRow]) -> dict[str, str]:
    """Each row's version by id, without making the rows a RowMap has not made."""
    if isinstance(rows, RowMap):
        return rows.versions()
    return {i: row.version for i, row in rows.items()}


def _let_others_in() -> None:
    time.sleep(0)  # hands the interpreter lock over: keys typed meanwhile stay prompt


def _noted(texts: Iterable[str]) -> int:
    """What tells one brief's note texts from others (a hash: the catalog keeps this per
    brief, not a second copy of 20,000 texts; a change elsewhere is found by comparing)."""
    return hash(tuple(texts))


def _state(states: dict[str, ReaderState], brief_id: str) -> ReaderState:
    return states.get(brief_id) or _NO_STATE
