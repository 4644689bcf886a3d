"""The list's rows, newest first, made from the compact index only when asked.

A `Rows` is what `Store.row_source()` hands the reader: a sequence of BriefRows in the
order of briefs.order.newest_first (the corrected titles and dates; none in the trash),
of which only the rows asked for — a screenful, at the first paint — are ever made. The
index's own order comes presorted (store/compact.py); the briefs in the trash are left
out of it and the few whose corrections move them are put back in their places, so no
sort of every row is needed. A row once made is kept.

It is a snapshot: the reader data and corrections as they were when it was made. The
catalog takes a new one whenever the store changes (and single rows as they change).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from itertools import compress
from typing import Any, overload

from store.compact import CompactIndex
from store.records import BriefRow

# brief id, index record, corrections' row overrides (or None) → the row
MakeRow = Callable[[str, Mapping[str, Any], Mapping[str, Any] | None], BriefRow]
# brief id, title, date, source, digest → the row of an uncorrected brief (most of them)
MakePlain = Callable[[str, str, str, str | None, str], BriefRow]
Key = tuple[str, str, str]  # date, title (case ignored), id


def _before(a: Key, b: Key) -> bool:
    """Whether key `a` comes before `b` newest first (briefs.order.newest_first)."""
    return a[0] > b[0] or (a[0] == b[0] and (a[1], a[2]) < (b[1], b[2]))


class RowSequence(Sequence[BriefRow]):
    """Rows made one at a time: a subclass gives `_one(at)`, a slice is made row by row."""

    @overload
    def __getitem__(self, at: int) -> BriefRow: ...

    @overload
    def __getitem__(self, at: slice) -> list[BriefRow]: ...

    def __getitem__(self, at: int | slice) -> BriefRow | list[BriefRow]:
        if isinstance(at, slice):
            return [self._one(k) for k in range(*at.indices(len(self)))]
        return self._one(at)

    def _one(self, at: int) -> BriefRow:
        raise NotImplementedError


class Rows(RowSequence):
    """Every row newest first; `get` and `position` by brief id."""

    def __init__(
        self,
        index: CompactIndex,
        make: MakeRow,
        *,
        trash: Mapping[str, Any] | None = None,
        shown: Mapping[str, Mapping[str, Any]] | None = None,
        laid: Mapping[str, Mapping[str, Any]] | None = None,
        plain: MakePlain | None = None,
    ) -> None:
        """`index`: briefs.json compact; `laid`: the records of briefs-recent.json, which
        replace those of the same id (store/index.py); `shown`: the corrections' row
        overrides by brief id; `make` makes a row of a record and its overrides, and
        `plain` (when given) one of the index's own fields, with no record made first."""
        self.index = index
        self._make, self._plain = make, plain
        self._trash = trash or {}
        self._shown = shown or {}
        self._made: dict[int, BriefRow] = {}  # by position in the index
        # Rows not drawn from their index position: those of the recent file, and those
        # corrected to another title or date. Made at once: they are few.
        self._moved: dict[str, BriefRow] = {}
        # The order as index positions (k ≥ 0) and moved rows (-1 - j); None: the index's.
        self._order: list[int] | None = None
        self._moved_list: list[BriefRow] = []
        self._where: dict[str, int] | None = None  # id → place, when the order is not the index's
        self._arrange(laid or {})

    def _arrange(self, laid: Mapping[str, Mapping[str, Any]]) -> None:
        index, moved = self.index, []
        for brief_id, record in laid.items():
            if brief_id not in self._trash:
                moved.append(self._make(brief_id, record, self._shown.get(brief_id)))
        for brief_id, over in self._shown.items():
            if brief_id in self._trash or not over or brief_id in laid:
                continue
            k = index.position(brief_id)
            if k is None:
                continue
            title, date = over.get("title"), over.get("date")
            if (title is None or title == index.title_at(k)) and (
                date is None or date == index.date_at(k)
            ):
                continue
            moved.append(self._make(brief_id, index.record_at(k), over))
        self._moved = {row.id: row for row in moved}
        gone = {i for i in (*self._moved, *self._trash) if i in index}
        if not moved and not gone:
            return
        order = [k for k, i in enumerate(index.ids()) if i not in gone]
        moved.sort(key=lambda r: (r.title.casefold(), r.id))
        moved.sort(key=lambda r: r.date, reverse=True)
        self._moved_list = moved
        # Each moved row goes where a binary search over the kept index rows puts it: a
        # few probes of the columns each, where sorting every row would make them all.
        out: list[int] = []
        start = 0
        for j, row in enumerate(moved):
            key = (row.date, row.title.casefold(), row.id)
            lo, hi = start, len(order)
            while lo < hi:
                mid = (lo + hi) // 2
                if _before(self._key_at(order[mid]), key):
                    lo = mid + 1
                else:
                    hi = mid
            out.extend(order[start:lo])
            out.append(-1 - j)
            start = lo
        out.extend(order[start:])
        self._order = out

    def _key_at(self, k: int) -> Key:
        index = self.index
        return index.date_at(k), index.title_at(k).casefold(), index.id_at(k)

    # -- the sequence ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.index) if self._order is None else len(self._order)

    def _one(self, at: int) -> BriefRow:
        if at < 0:
            at += len(self)
        if not 0 <= at < len(self):
            raise IndexError(at)
        k = at if self._order is None else self._order[at]
        return self._moved_list[-1 - k] if k < 0 else self._at(k)

    def _at(self, k: int) -> BriefRow:
        row = self._made.get(k)
        if row is None:
            row = self._made[k] = self._make_at(k)
        return row

    def _make_at(self, k: int) -> BriefRow:
        index = self.index
        brief_id = index.id_at(k)
        over = self._shown.get(brief_id)
        if over is None and self._plain is not None:
            title, date, source = index.title_at(k), index.date_at(k), index.source_at(k)
            return self._plain(brief_id, title, date, source, index.sha_at(k))
        return self._make(brief_id, index.record_at(k), over)

    def __iter__(self) -> Iterator[BriefRow]:
        for at in range(len(self)):
            yield self[at]

    # -- by id ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Every id in the order, without making rows."""
        if self._order is None:
            return list(self.index.ids())
        ids, moved = self.index.ids(), self._moved_list
        return [ids[k] if k >= 0 else moved[-1 - k].id for k in self._order]

    def titles(self) -> list[tuple[str, str]]:
        """(title, id) of every row in the order, without making the rows (what the
        palette matches as it is typed in)."""
        index, moved = self.index, self._moved_list
        if self._order is None:
            return [(index.title_at(k), i) for k, i in enumerate(index.ids())]
        ids = index.ids()
        return [
            (index.title_at(k), ids[k]) if k >= 0 else (moved[-1 - k].title, moved[-1 - k].id)
            for k in self._order
        ]

    def share_titles(self) -> Callable[[int], str]:
        """The title of the row at a place in the order, without making the row: the
        index's own string, which what is made of every brief (the catalog's docs) then
        holds rather than a copy. The index keeps its titles as strings from here on and
        lets the bytes they came from go (CompactIndex.settle)."""
        index, moved, order = self.index, self._moved_list, self._order
        titles = index.titles()
        index.settle()
        if order is None:
            return titles.__getitem__
        return lambda at: titles[k] if (k := order[at]) >= 0 else moved[-1 - k].title

    def get(self, brief_id: str) -> BriefRow | None:
        if brief_id in self._trash:
            return None
        moved = self._moved.get(brief_id)
        if moved is not None:
            return moved
        k = self.index.position(brief_id)
        if k is None:
            return None
        # Not kept: a lookup of every brief by id (the catalog's scan) must not leave a
        # row per brief behind; the rows drawn are kept by `__getitem__`.
        return self._made.get(k) or self._make_at(k)

    def position(self, brief_id: str) -> int | None:
        """Where the row of `brief_id` is in the order; None when it is not listed."""
        if self._order is None:
            return self.index.position(brief_id)
        if self._where is None:
            self._where = {i: at for at, i in enumerate(self.ids())}
        return self._where.get(brief_id)

    def __contains__(self, row: object) -> bool:
        return isinstance(row, BriefRow) and self.get(row.id) == row

    def versions(self) -> dict[str, str]:
        """Each listed brief's version (what tells a changed brief), without making rows."""
        index = self.index
        out = dict(zip(index.ids(), index.shas(), strict=True))
        for brief_id in self._trash:
            out.pop(brief_id, None)
        for brief_id, over in self._shown.items():
            if over and brief_id in out:
                out[brief_id] = f"{out[brief_id]}+{over.get('generation', 0)}"
        out.update((i, row.version) for i, row in self._moved.items())
        return out

    def version_at(self, at: int) -> str:
        """The version of the row at place `at` in the order (as `versions` gives it),
        without making the row."""
        k = at if self._order is None else self._order[at]
        if k < 0:
            return self._moved_list[-1 - k].version
        index = self.index
        over = self._shown.get(index.id_at(k))
        sha = index.sha_at(k)
        return f"{sha}+{over.get('generation', 0)}" if over else sha

    def version_of(self, brief_id: str) -> str:
        row = self._moved.get(brief_id)
        if row is not None:
            return row.version
        k = self.index.position(brief_id)
        if k is None:
            return ""
        made = self._made.get(k)
        if made is not None:
            return made.version
        over = self._shown.get(brief_id)
        sha = self.index.sha_at(k)
        return f"{sha}+{over.get('generation', 0)}" if over else sha


class RowMap(MutableMapping[str, BriefRow]):
    """Rows by brief id, over a `Rows`: what the catalog holds. A row put or taken here
    lies over the source without making any other row; iteration is in the source's
    order (rows added here come last)."""

    def __init__(self, source: Rows) -> None:
        self.source = source
        self._over: dict[str, BriefRow] = {}
        self._gone: set[str] = set()

    def __getitem__(self, brief_id: str) -> BriefRow:
        if brief_id in self._gone:
            raise KeyError(brief_id)
        row = self._over.get(brief_id) or self.source.get(brief_id)
        if row is None:
            raise KeyError(brief_id)
        return row

    def __contains__(self, brief_id: object) -> bool:
        if not isinstance(brief_id, str) or brief_id in self._gone:
            return False
        return brief_id in self._over or self.source.position(brief_id) is not None

    def __setitem__(self, brief_id: str, row: BriefRow) -> None:
        self._gone.discard(brief_id)
        self._over[brief_id] = row

    def __delitem__(self, brief_id: str) -> None:
        if brief_id not in self:
            raise KeyError(brief_id)
        self._over.pop(brief_id, None)
        if self.source.position(brief_id) is not None:
            self._gone.add(brief_id)

    @property
    def untouched(self) -> bool:
        """No row put or taken here: the rows are the source's, in its order."""
        return not self._over and not self._gone

    def _added(self) -> list[str]:
        return [i for i in self._over if self.source.position(i) is None]

    def __iter__(self) -> Iterator[str]:
        gone = self._gone
        yield from (i for i in self.source.ids() if i not in gone) if gone else self.source.ids()
        yield from self._added()

    def __len__(self) -> int:
        return len(self.source) - len(self._gone) + len(self._added())

    def titles(self) -> list[tuple[str, str]]:
        """(title, id) of every row, in the order of iteration, making none."""
        over, gone = self._over, self._gone
        out = [(over[i].title if i in over else t, i) for t, i in self.source.titles()]
        if gone:
            out = [pair for pair in out if pair[1] not in gone]
        return out + [(over[i].title, i) for i in self._added()]

    def versions(self) -> dict[str, str]:
        out = self.source.versions()
        for brief_id in self._gone:
            out.pop(brief_id, None)
        out.update((i, row.version) for i, row in self._over.items())
        return out

    def in_order(self) -> OverRows | Picked | None:
        """The rows in the source's order with those put here laid over (and without
        those taken), as a snapshot; None once a row came that the source has not (the
        caller sorts)."""
        if self._added():
            return None
        view = OverRows(self.source, dict(self._over))
        if not self._gone:
            return view
        gone = set(self._gone)
        return picked(view, lambda i: i not in gone)


class OverRows(RowSequence):
    """A `Rows` with some rows replaced in place (of the same id, order unchanged)."""

    def __init__(self, source: Rows, over: Mapping[str, BriefRow]) -> None:
        self.source, self._over = source, over

    def __len__(self) -> int:
        return len(self.source)

    def _one(self, at: int) -> BriefRow:
        row = self.source[at]
        return self._over.get(row.id, row) if self._over else row

    def __iter__(self) -> Iterator[BriefRow]:
        for at in range(len(self)):
            yield self[at]

    def position(self, brief_id: str) -> int | None:
        return self.source.position(brief_id)

    def ids(self) -> list[str]:
        return self.source.ids()


class Picked(RowSequence):
    """Some rows of a sequence, in its order, picked by id without making the others."""

    def __init__(self, source: Sequence[BriefRow], places: list[int]) -> None:
        self.source, self._places = source, places  # rising places in the source

    def __len__(self) -> int:
        return len(self._places)

    def _one(self, at: int) -> BriefRow:
        return self.source[self._places[at]]

    def __iter__(self) -> Iterator[BriefRow]:
        for at in range(len(self)):
            yield self[at]

    def position(self, brief_id: str) -> int | None:
        found = getattr(self.source, "position", None)
        place = found(brief_id) if found is not None else None
        if place is None:
            return None
        at = bisect_left(self._places, place)  # places rise: no dict of 100,000 of them
        return at if at < len(self._places) and self._places[at] == place else None

    def ids(self) -> list[str]:
        found = getattr(self.source, "ids", None)
        ids = found() if found is not None else [row.id for row in self.source]
        return [ids[k] for k in self._places]


def picked(rows: OverRows | Picked, keep: Callable[[str], bool]) -> Picked:
    """The rows of `rows` whose id `keep` keeps (a search's hits), in their order."""
    if isinstance(rows, Picked):  # a pick of a pick: of the first one's source
        ids, places = rows.source.ids(), rows._places
        return Picked(rows.source, [k for k in places if keep(ids[k])])
    ids = rows.ids()  # tested in C, not a loop here: 100,000 ids a search's refresh
    return Picked(rows, list(compress(range(len(ids)), map(keep, ids))))
