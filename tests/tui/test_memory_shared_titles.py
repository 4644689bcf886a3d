"""Memory at 100,000 briefs (issue 14): the catalog's docs hold the compact index's own
title strings, not copies, and the index then lets go of the block it was read from,
answering everything as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, compact
from store.compact import CompactIndex, load
from tui.catalog import Catalog


def _scanned(store: Store) -> Catalog:
    catalog = Catalog(store)
    catalog.load_rows()
    catalog.adopt(catalog.scan())  # the scan cache is written...
    catalog = Catalog(Store(store.root))
    catalog.load_rows()
    catalog.adopt(catalog.scan())  # ...and read: the docs come from its entries
    return catalog


def test_the_docs_hold_the_index_titles_themselves(store: Store) -> None:
    catalog = _scanned(store)
    held = catalog.store._compact()
    assert held is not None and held.settled
    titles = held.titles()
    assert catalog.index is not None
    docs = {doc.id: doc for doc in catalog.index.docs()}
    assert len(docs) == len(titles) > 1
    for k, brief_id in enumerate(held.ids()):
        assert docs[brief_id].title is titles[k]


def _answers(index: CompactIndex) -> list[object]:
    ids = index.ids()
    return [
        ids,
        [index.id_at(k) for k in range(len(index))],
        [index.record_at(k) for k in range(len(index))],
        [index.position(i) for i in [*ids, "none-such"]],
        index.shas(),
    ]


def test_a_settled_index_answers_as_before(store: Store) -> None:
    Store(store.root).rows()  # writes cache/index.bin
    key = store._briefs_db.storage.current_key()
    loaded = load(store.root, key)
    assert loaded is not None and not loaded.settled
    before = _answers(loaded)
    raw = loaded.to_bytes("seal")
    loaded.settle()
    assert loaded.settled
    assert _answers(loaded) == before
    assert loaded.to_bytes("seal") == raw


def test_the_cache_is_read_with_its_size_not_the_cap(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store.root).rows()  # writes cache/index.bin
    asked: list[int] = []
    real = compact.read_cache

    def reading(path: Path, limit: int) -> bytes | None:
        asked.append(limit)
        return real(path, limit)

    monkeypatch.setattr(compact, "read_cache", reading)
    key = store._briefs_db.storage.current_key()
    assert load(store.root, key) is not None
    assert asked == [(store.root / "cache" / "index.bin").stat().st_size + 1]
