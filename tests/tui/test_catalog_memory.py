"""What the catalog's adoption of a scan costs (issue 14, memory at 100,000 briefs): the
reader's files are not read again when nothing changed since the scan read them, and no id
→ place dict is made of the compact index; a change in between is still taken."""

from __future__ import annotations

import datetime as dt

import pytest

from briefs.search.query import parse_query
from store import Store
from tui.catalog import Catalog

XI = "2025-10-31-xi-carney-apec-gyeongju"
TODAY = dt.date(2025, 11, 28)


def _counted(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = store.reader_data

    def counting() -> object:
        calls.append(1)
        return real()

    monkeypatch.setattr(store, "reader_data", counting)
    return calls


def test_adopting_reads_no_reader_file_when_none_changed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_note(XI, "kept zyxwvut")
    catalog = Catalog(store)
    catalog.load_rows()
    scan = catalog.scan()
    calls = _counted(store, monkeypatch)
    catalog.adopt(scan)
    assert calls == []
    assert catalog.search(parse_query("zyxwvut", today=TODAY)) == [XI]


def test_a_note_added_elsewhere_during_the_scan_is_taken(store: Store) -> None:
    catalog = Catalog(store)
    catalog.load_rows()
    scan = catalog.scan()
    Store(store.root).add_note(XI, "written qwertyuiop")
    catalog.adopt(scan)
    assert catalog.search(parse_query("qwertyuiop", today=TODAY)) == [XI]


def test_a_state_set_here_during_the_scan_is_taken(store: Store) -> None:
    catalog = Catalog(store)
    catalog.load_rows()
    scan = catalog.scan()
    store.set_state(XI, starred=True)
    catalog.adopt(scan)
    assert catalog.search(parse_query("is:starred", today=TODAY)) == [XI]


def test_notes_folded_once_at_the_scan_still_search_cold_and_warm(store: Store) -> None:
    store.add_note(XI, "ask about plumquat")
    canola = "2025-08-12-china-anti-dumping-deposit-canadian-canola"
    store.add_note(canola, "   ")  # blank, and still a note for has:notes
    for _ in ("cold: no cache yet", "warm: from the cache"):
        catalog = Catalog(store)
        catalog.load_rows()
        catalog.adopt(catalog.scan())
        assert catalog.search(parse_query("plumquat", today=TODAY)) == [XI]
        assert set(catalog.search(parse_query("has:notes", today=TODAY))) == {XI, canola}
