"""`Rows.version_at` (what the catalog's scan compares cache entries with) is the version
`Rows.versions` gives for the row at that place, with the trash, corrections that move a
row and the recent index laid over."""

from __future__ import annotations

from briefs import brief_from_dict
from store import Store
from store.rows import Rows

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"


def _same(store: Store) -> None:
    rows = store.row_source()
    assert isinstance(rows, Rows)
    versions = rows.versions()
    assert [rows.version_at(k) for k in range(len(rows))] == [versions[i] for i in rows.ids()]
    assert [rows.version_at(k) for k in range(len(rows))] == [row.version for row in rows]


def test_version_at_is_each_place_s_version(store: Store) -> None:
    _same(store)
    store.correct(XI, {"summary": "Corrected, in place."})
    _same(store)
    store.correct(CANOLA, {"title": "Zz moved by its title", "date": "2020-01-01"})
    _same(store)
    store.delete_brief(XI)
    _same(store)
    fresh = brief_from_dict({"title": "Fresh", "date": "2026-01-01", "summary": "New."})
    store.import_briefs([fresh])
    _same(store)
