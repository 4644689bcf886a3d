"""Two readers on one store share its search cache (cache/search.sqlite): what one writes
there never takes away what the other holds, so each finds what the other imported or
corrected once it has read the change, without a restart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefs.model import Brief
from briefs.search.query import parse_query
from store import Store, scan_cache
from tests.conftest import TODAY, TickingClock
from tui.catalog import Catalog
from tui.derived import cache_kind

XI = "2025-10-31-xi-carney-apec-gyeongju"


def opened(root: Path) -> Catalog:
    """A reader's catalog, its rows read, its scan not yet run (a reader starting)."""
    catalog = Catalog(Store(root, clock=TickingClock()))
    catalog.load_rows()
    return catalog


def scanned(root: Path) -> Catalog:
    catalog = opened(root)
    catalog.adopt(catalog.scan())
    return catalog


def polled(catalog: Catalog) -> None:
    """What the reader does when its poll finds the store changed elsewhere."""
    changed = catalog.set_rows(catalog.read_rows())
    catalog.refresh_content(changed)
    catalog.refresh_reader()


def found(catalog: Catalog, text: str) -> list[str]:
    return catalog.search(parse_query(text, today=TODAY))


def new_brief(word: str) -> Brief:
    return Brief(
        id=f"2025-11-20-{word}",
        title=f"Port of {word.title()} sets a levy",
        date="2025-11-20",
        summary=f"The {word} authority set a levy on steel.",
    )


def cache_ids(root: Path) -> list[str]:
    conn = sqlite3.connect(scan_cache.cache_path(root))
    try:
        return sorted(i for (i,) in conn.execute("SELECT id FROM docs"))
    finally:
        conn.close()


def test_a_brief_imported_while_another_reader_starts_stays_found_by_both(
    store: Store,
) -> None:
    first = scanned(store.root)
    second = opened(store.root)  # its rows were read before the import
    brief = new_brief("quokkaville")
    first.store.import_briefs([brief])
    polled(first)
    assert found(first, "quokkaville") == [brief.id]
    second.adopt(second.scan())  # it meets an entry of a brief it does not list
    assert found(first, "quokkaville") == [brief.id]
    polled(second)
    assert found(second, "quokkaville") == [brief.id]
    assert found(first, "quokkaville") == [brief.id]


def test_a_brief_corrected_while_another_reader_starts_stays_found_by_both(
    store: Store,
) -> None:
    first = scanned(store.root)
    second = opened(store.root)  # it holds the brief's version before the correction
    first.store.correct(XI, {"summary": "Talks on wombats and canola went well."})
    first.brief_changed(XI)
    assert found(first, "wombats") == [XI]
    second.adopt(second.scan())  # the cache's entry is of a version it does not hold
    assert found(first, "wombats") == [XI]
    polled(second)
    assert found(second, "wombats") == [XI]
    assert found(first, "wombats") == [XI]


def test_words_written_elsewhere_that_disagree_are_not_trusted(store: Store) -> None:
    first = scanned(store.root)
    assert found(first, "carney") != []
    # Another process (say one whose rows were older, which then quit) writes other words
    # for a brief under its key: this reader's brief is not what the file now says.
    other = scan_cache.ScanCache.open(store.root, cache_kind())
    assert other.put_many([(XI, "some other version", [], ("nothing alike", "", ""))])
    other.close()
    assert XI in found(first, "carney")
    assert XI not in found(first, "alike")


def test_an_entry_of_a_brief_deleted_while_no_reader_ran_is_dropped_at_the_next_start(
    store: Store,
) -> None:
    brief = new_brief("quokkaville")
    store.import_briefs([brief])
    first = scanned(store.root)
    assert brief.id in cache_ids(store.root)
    first.index.words.close()  # type: ignore[union-attr]
    store.delete_brief(brief.id)
    later = scanned(store.root)
    assert brief.id not in cache_ids(store.root)
    assert found(later, "quokkaville") == []
