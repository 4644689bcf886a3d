"""The catalog: every brief read once, then kept fresh one changed brief at a time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from briefs.model import Tariff
from briefs.reading import brief_from_dict
from briefs.search.query import parse_query
from store import Store
from tui.catalog import Catalog

XI = "2025-10-31-xi-carney-apec-gyeongju"
TODAY = dt.date(2025, 11, 28)


def loaded(store: Store) -> Catalog:
    catalog = Catalog(store)
    catalog.load_rows()
    catalog.adopt(catalog.scan())
    return catalog


def found(catalog: Catalog, query: str) -> list[str]:
    return catalog.search(parse_query(query, today=TODAY))


def test_one_scan_gives_rows_search_actors_and_tariffs(store: Store) -> None:
    catalog = loaded(store)
    assert len(catalog.rows) == 7 and catalog.ready and catalog.unreadable == []
    assert XI in found(catalog, "actor:carney")
    assert catalog.tariff_count == sum(len(b.tariffs) for b in store.all_briefs())
    rows = catalog.search_tariffs(parse_query("product:canola", today=TODAY))
    assert rows and all("canola" in row.products.lower() for row in rows)
    assert any(entry.name == "Mark Carney" for entry in catalog.actor_entries())


def test_a_note_saved_here_is_searchable_at_once(store: Store) -> None:
    catalog = loaded(store)
    store.add_note(XI, "ask the desk about lobster")
    catalog.refresh(XI)
    assert found(catalog, "lobster") == [XI]
    assert catalog.rows[XI].note_count == 1


def test_changes_elsewhere_reread_only_what_changed(store: Store) -> None:
    catalog = loaded(store)
    elsewhere = Store(store.root)
    xi = elsewhere.brief(XI)
    assert xi is not None
    changed_xi = dataclasses.replace(
        xi, tariffs=(*xi.tariffs, Tariff("Canada", "China", ("lobster",), "15%"))
    )
    new = brief_from_dict({"title": "Fresh import", "date": "2025-11-27", "summary": "New."})
    elsewhere.import_briefs([changed_xi, new])
    elsewhere.add_note(new.id, "a note from the shell")
    changed = catalog.set_rows(catalog.read_rows())
    assert changed == {XI, new.id}  # the other six are not read again
    catalog.refresh_content(changed)
    catalog.refresh_reader()
    assert found(catalog, "product:lobster") == [XI]
    assert found(catalog, "shell") == [new.id]
    assert catalog.tariff_count == sum(len(b.tariffs) for b in store.all_briefs())


def test_an_unreadable_brief_is_named_not_fatal(store: Store) -> None:
    log = store.root / "content-000001.jsonl"
    raw = bytearray(log.read_bytes())
    raw[store._briefs._read_table()[XI]["at"] + 5] ^= 0xFF
    log.write_bytes(bytes(raw))
    catalog = loaded(Store(store.root))
    assert catalog.unreadable == [XI]
    assert XI not in found(catalog, "canola") and found(catalog, "canola")


def test_what_changes_while_the_scan_runs_is_searchable_once_it_is_adopted(
    store: Store,
) -> None:
    catalog = Catalog(store)
    catalog.load_rows()
    scan = catalog.scan()  # the worker's read, finished before these changes arrive
    elsewhere = Store(store.root)
    new = brief_from_dict({"title": "Imported mid-scan", "date": "2025-11-27", "summary": "N."})
    elsewhere.import_briefs([new])
    elsewhere.add_note(XI, "a walrus note")
    changed = catalog.set_rows(catalog.read_rows())  # the poll, on the UI thread
    catalog.refresh_content(changed)
    catalog.refresh_reader()
    catalog.adopt(scan)
    assert found(catalog, "mid-scan") == [new.id]
    assert found(catalog, "walrus") == [XI]


def test_rows_stay_newest_first_after_a_date_is_corrected_here(store: Store) -> None:
    catalog = loaded(store)
    oldest = catalog.newest_first()[-1].id
    assert [row.id for row in catalog.newest_first()] == [row.id for row in store.rows()]
    store.correct(oldest, {"date": "2025-12-01"})
    catalog.brief_changed(oldest)
    assert catalog.newest_first()[0].id == oldest
    assert [row.id for row in catalog.newest_first()] == [row.id for row in store.rows()]


def test_a_note_made_elsewhere_beside_an_import_is_searchable(store: Store) -> None:
    # The poll reads again the briefs whose content changed (the import) and then the
    # reader data: a note written elsewhere on another brief must not be missed in between.
    catalog = loaded(store)
    elsewhere = Store(store.root)
    new = brief_from_dict({"title": "Fresh import", "date": "2025-11-27", "summary": "New."})
    elsewhere.import_briefs([new])
    elsewhere.add_note(XI, "ask the desk about lobster")
    elsewhere.set_state(XI, starred=True)
    changed = catalog.set_rows(catalog.read_rows())
    assert changed == {new.id}
    catalog.refresh_content(changed)
    catalog.refresh_reader()
    assert found(catalog, "lobster") == [XI]
    assert XI in found(catalog, "is:starred")


def test_tracker_rows_and_actor_entries_are_those_of_the_briefs(store: Store) -> None:
    from briefs.actor_index import build_actor_index
    from briefs.order import newest_first
    from tui.derived import tariff_rows

    catalog = loaded(store)
    briefs = newest_first(store.all_briefs())
    expected = [row for b in briefs for row in tariff_rows(b)]
    assert catalog.search_tariffs(parse_query("", today=TODAY)) == expected
    assert catalog.tariff_count == len(expected)
    by_rows = [b for i in catalog.rows for b in briefs if b.id == i]
    assert catalog.actor_entries() == build_actor_index(by_rows)


def test_actor_entries_built_elsewhere_are_kept_only_while_current(store: Store) -> None:
    """The actor index is built in a worker from `actor_sources`: what comes back after the
    content changed is not kept (the next open builds it again)."""
    from tui.catalog import Catalog, build_actor_entries

    catalog = Catalog(store)
    catalog.load_rows()
    catalog.adopt(catalog.scan())
    generation, sources = catalog.actor_sources()
    entries = build_actor_entries(sources)
    assert [e.name for e in entries] == [e.name for e in catalog.actor_entries()]
    catalog.brief_changed(sources[0][0])  # content changed while the worker ran
    catalog.keep_actor_entries(generation, entries)
    assert catalog.built_actor_entries is None
    generation, sources = catalog.actor_sources()
    catalog.keep_actor_entries(generation, build_actor_entries(sources))
    assert catalog.built_actor_entries is not None


def test_docs_are_newest_first_when_a_row_moved_before_the_scan(store: Store) -> None:
    # The scan lays the docs out in the rows' order; a row re-dated here before it ran
    # is out of that order, and the docs are sorted then.
    from briefs.order import newest_first

    catalog = Catalog(store)
    catalog.load_rows()
    oldest = list(catalog.rows)[-1]
    store.correct(oldest, {"date": "2025-12-01"})
    catalog.brief_changed(oldest)
    scan = catalog.scan()
    assert [d.id for d in scan.docs] == [b.id for b in newest_first(store.all_briefs())]
    assert scan.docs[0].id == oldest
