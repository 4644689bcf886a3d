"""A search index whose word pages are damaged (the schema intact, so an open trusts it):
the first search that meets the damage says so, and the file goes, so the next start
makes it anew instead of failing every search for good. (Review: 'vtable constructor
failed' was not taken for damage.)"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from briefs.search.query import parse_query
from store import Store, StoreError, scan_cache
from tui.catalog import Catalog

TODAY = dt.date(2025, 11, 28)


def scanned(root: Path) -> Catalog:
    catalog = Catalog(Store(root))
    catalog.load_rows()
    catalog.adopt(catalog.scan())
    return catalog


def zero_the_word_pages(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = con.execute("SELECT pageno FROM dbstat WHERE name = 'text_words_data'").fetchall()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    for (page,) in pages:
        start = (page - 1) * size
        data[start + 100 : start + size] = bytes(size - 100)
    path.write_bytes(bytes(data))


def test_damaged_word_pages_are_said_once_and_made_anew(store: Store, store_dir: Path) -> None:
    query = parse_query("canola", today=TODAY)
    want = scanned(store_dir).search(query)
    assert want
    path = scan_cache.cache_path(store_dir)
    zero_the_word_pages(path)
    damaged = scanned(store_dir)
    with pytest.raises(StoreError, match="cannot be read"):
        damaged.search(query)
    assert not path.exists()  # gone: the next start makes it anew
    assert scanned(store_dir).search(query) == want


def test_a_held_write_lock_elsewhere_costs_the_cache_not_the_search(
    store: Store, store_dir: Path
) -> None:
    """Another process holds the index's write lock (a `list --query` suspended mid-batch):
    a brief imported meanwhile is searchable all the same, its words kept in memory."""
    from briefs.model import Brief

    catalog = scanned(store_dir)
    holder = sqlite3.connect(scan_cache.cache_path(store_dir), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        catalog.store.import_briefs(
            [Brief(id="zz-quokka", title="New talks", date="2025-11-21", summary="Quokka.")]
        )
        catalog.refresh_content(catalog.set_rows(catalog.read_rows()))
        assert "zz-quokka" in catalog.search(parse_query("quokka", today=TODAY))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
