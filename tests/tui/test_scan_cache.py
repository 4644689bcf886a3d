"""The scan cache: the next start reads again only the briefs that changed, and a damaged,
foreign or hostile cache costs a full read, never a wrong search or a crash."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson
import pytest

from briefs.model import Brief, Tariff
from briefs.search.query import parse_query
from store import Store, scan_cache
from tui.catalog import Catalog
from tui.derived import cache_kind, digest_of

XI = "2025-10-31-xi-carney-apec-gyeongju"
TODAY = dt.date(2025, 11, 28)


class CountingStore(Store):
    """A store that records which briefs the catalog read from the content."""

    read: list[str]

    def read_briefs(self, ids: Iterable[str] | None = None) -> Iterator[tuple[str, Brief | None]]:
        for brief_id, brief in super().read_briefs(ids):
            self.read.append(brief_id)
            yield brief_id, brief


def scanned(root: Path) -> tuple[Catalog, list[str]]:
    store = CountingStore(root)
    store.read = []
    catalog = Catalog(store)
    catalog.load_rows()
    catalog.adopt(catalog.scan())
    return catalog, store.read


def found(catalog: Catalog, query: str) -> list[str]:
    return catalog.search(parse_query(query, today=TODAY))


QUERIES = ("canola", "actor:carney", "by:canada rate>=25", "status:threatened", "-tariff")


def answers(catalog: Catalog) -> list[list[str]]:
    tariffs = [
        [r.key for r in catalog.search_tariffs(parse_query(q, today=TODAY))] for q in QUERIES
    ]
    return [found(catalog, q) for q in QUERIES] + tariffs


def test_a_second_start_reads_no_brief_and_answers_alike(store: Store) -> None:
    first, read = scanned(store.root)
    assert len(read) == 7 and scan_cache.cache_path(store.root).is_file()
    second, read_again = scanned(store.root)
    assert read_again == []
    assert answers(second) == answers(first)
    assert sorted(e.name for e in second.actor_entries()) == sorted(
        e.name for e in first.actor_entries()
    )


def test_only_a_brief_changed_since_is_read_again(store: Store) -> None:
    scanned(store.root)
    xi = store.brief(XI)
    assert xi is not None
    extra = Tariff("Canada", "China", ("lobster",), "15%")
    store.import_briefs([dataclasses.replace(xi, tariffs=(*xi.tariffs, extra))])
    catalog, read = scanned(store.root)
    assert read == [XI]
    assert found(catalog, "product:lobster") == [XI]
    # And the cache now holds the new version: a third start reads nothing.
    assert scanned(store.root)[1] == []


def test_notes_and_read_marks_come_from_the_store_not_the_cache(store: Store) -> None:
    scanned(store.root)
    store.add_note(XI, "ask about lobster quotas")
    store.set_state(XI, read=True)
    catalog, read = scanned(store.root)
    assert read == []
    assert found(catalog, "lobster") == [XI] and XI in found(catalog, "is:read")


def _closed(catalog: Catalog) -> None:
    """Let go of the cache (its last connection folds the log into the file)."""
    assert catalog.index is not None and catalog.index.words is not None
    catalog.index.words.close()  # type: ignore[attr-defined]


def _sql(root: Path, *statements: str) -> None:
    conn = sqlite3.connect(scan_cache.cache_path(root), isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _torn(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def _garbled(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    for at in range(4096, len(raw), 512):  # every page past the first
        raw[at : at + 64] = b"\xa5" * 64
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize(
    "damage",
    [
        _torn,
        _garbled,
        lambda path: path.write_bytes(b"not a database at all" * 100),
        lambda path: _sql(path.parent.parent, "UPDATE meta SET value = 'x' WHERE name = 'kind'"),
        lambda path: _sql(path.parent.parent, "UPDATE meta SET value = '1' WHERE name = 'format'"),
        lambda path: _sql(path.parent.parent, "UPDATE docs SET entry = '[1, 2]'"),
        lambda path: _sql(path.parent.parent, "UPDATE docs SET entry = 'not json'"),
        lambda path: _sql(path.parent.parent, "CREATE TABLE extra(x)"),
        lambda path: _sql(
            path.parent.parent,
            "CREATE TRIGGER t AFTER DELETE ON docs BEGIN DELETE FROM meta; END",
        ),
    ],
    ids=[
        "torn",
        "garbled-pages",
        "not-sqlite",
        "other-kind",
        "other-format",
        "wrong-shapes",
        "not-json",
        "foreign-table",
        "foreign-trigger",
    ],
)
def test_a_damaged_cache_costs_a_full_read_and_is_written_anew(store: Store, damage) -> None:  # type: ignore[no-untyped-def]
    first, _ = scanned(store.root)
    expected = answers(first)
    _closed(first)
    damage(scan_cache.cache_path(store.root))
    second, read = scanned(store.root)
    assert sorted(read) == sorted(first.rows)
    assert answers(second) == expected
    _closed(second)
    assert scanned(store.root)[1] == []  # written anew
    conn = sqlite3.connect(scan_cache.cache_path(store.root))
    names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "extra" not in names and "t" not in names


def _entries(root: Path) -> list[tuple[int, list]]:  # type: ignore[type-arg]
    conn = sqlite3.connect(scan_cache.cache_path(root))
    rows = [
        (key, orjson.loads(entry)) for key, entry in conn.execute("SELECT key, entry FROM docs")
    ]
    conn.close()
    return rows


def _rewrite(root: Path, change) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(scan_cache.cache_path(root), isolation_level=None)
    for key, entry in _entries(root):
        change(entry)
        conn.execute("UPDATE docs SET entry = ? WHERE key = ?", (orjson.dumps(entry), key))
    conn.close()


def test_values_of_the_wrong_type_are_never_taken(store: Store) -> None:
    first, _ = scanned(store.root)
    expected = answers(first)
    _closed(first)

    def hostile(entry: list) -> None:  # type: ignore[type-arg]
        entry[1] = {"title": "not a string"}  # the title
        # One tariff, flat: its year is a string.
        entry[5] = ["Canada", "China", "canola", " canola ", "tariff", "in force", "5%", "a lot"]

    _rewrite(store.root, hostile)
    second, read = scanned(store.root)
    assert sorted(read) == sorted(first.rows)
    assert answers(second) == expected


def test_a_cache_that_is_a_link_is_never_followed(store: Store, tmp_path: Path) -> None:
    scanned(store.root)
    elsewhere = tmp_path / "elsewhere.jsonl"
    path = scan_cache.cache_path(store.root)
    os.replace(path, elsewhere)
    before = elsewhere.read_bytes()
    path.symlink_to(elsewhere)
    _, read = scanned(store.root)
    assert len(read) == 7  # not read through the link…
    assert elsewhere.read_bytes() == before and path.is_symlink()  # …nor written through it


def test_a_cache_folder_that_is_a_file_is_left_alone(store: Store) -> None:
    folder = store.root / scan_cache.FOLDER
    if folder.is_dir():  # the store keeps other caches there (store/checked.py)
        shutil.rmtree(folder)
    folder.write_text("mine")
    first, read = scanned(store.root)
    assert len(read) == 7 and folder.read_text() == "mine"
    assert XI in found(first, "actor:carney")


def test_round_trip(tmp_path: Path) -> None:
    cache = scan_cache.ScanCache.open(tmp_path, cache_kind())
    assert cache.path == scan_cache.cache_path(tmp_path)
    keys = cache.put_many([("a", "v1", [1, 2], ("x", "", "")), ("b", "v2", ["x"], ("", "", ""))])
    assert keys is not None
    cache.close()
    again = scan_cache.ScanCache.open(tmp_path, cache_kind())
    assert [e[1:] for e in again.entries()] == [("a", "v1", [1, 2]), ("b", "v2", ["x"])]
    again.close()
    other = scan_cache.ScanCache.open(tmp_path, "another-kind")
    assert list(other.entries()) == []  # made anew for the other kind
    other.close()


def test_a_log_left_without_its_database_is_never_applied_to_a_new_one(tmp_path: Path) -> None:
    cache = scan_cache.ScanCache.open(tmp_path, cache_kind())
    cache.put_many([("a", "v1", [1], ("alpha", "", ""))])
    path = scan_cache.cache_path(tmp_path)
    wal = path.with_name(path.name + "-wal")
    held = wal.read_bytes()  # the log, as a kill would leave it beside a deleted database
    cache.close()
    path.unlink()
    wal.write_bytes(held)
    fresh = scan_cache.ScanCache.open(tmp_path, cache_kind())
    assert list(fresh.entries()) == []
    assert fresh.word_hits(["alpha"], prefix=True, actors_only=False) == set()


def test_the_cache_of_earlier_versions_is_removed(store: Store) -> None:
    old = store.root / scan_cache.FOLDER / scan_cache.OLD_FILE
    old.parent.mkdir(exist_ok=True)
    old.write_bytes(b'{"format": 1, "kind": "catalog-3"}\n')
    scanned(store.root)
    assert not old.exists() and scan_cache.cache_path(store.root).is_file()


def test_a_brief_changed_while_the_reader_runs_is_written_to_the_cache(store: Store) -> None:
    catalog, _ = scanned(store.root)
    xi = store.brief(XI)
    assert xi is not None
    extra = Tariff("Canada", "China", ("lobster",), "15%")
    Store(store.root).import_briefs([dataclasses.replace(xi, tariffs=(*xi.tariffs, extra))])
    catalog.refresh_content(catalog.set_rows(catalog.read_rows()))
    assert found(catalog, "lobster") == [XI] == found(catalog, "product:lobster")
    _closed(catalog)
    again, read = scanned(store.root)
    assert read == [] and found(again, "lobster") == [XI]


@pytest.mark.parametrize(
    ("place", "value"),
    [(4, "letters"), (6, "abcd"), (5, "abcdefgh")],
    ids=["tags-as-a-string", "actors-as-strings", "tariffs-as-strings"],
)
def test_a_string_where_a_list_belongs_is_not_read_as_its_letters(
    store: Store, place: int, value: object
) -> None:
    first, _ = scanned(store.root)
    _closed(first)

    def change(entry: list) -> None:  # type: ignore[type-arg]
        entry[place] = value  # a string unpacks as its letters: four for an actor's fields

    _rewrite(store.root, change)
    catalog, read = scanned(store.root)
    assert len(read) == 7 and found(catalog, "tag:l") == [] and found(catalog, "actor:a") == []


def test_the_cache_kind_follows_the_code_that_made_its_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries made by other code (a gazetteer that lacked a country) are not trusted: the
    kind holds a digest of the deriving modules, so an upgrade reads every brief again."""
    code = [tmp_path / "gazetteer.py", tmp_path / "docs.py"]
    for path in code:
        path.write_text("COUNTRIES = {}\n")
    before = digest_of(code)
    code[0].write_text("COUNTRIES = {'eswatini': 'sz'}\n")
    assert digest_of(code) != before
    assert cache_kind().startswith("catalog-4-") and cache_kind() == cache_kind()
    import briefs.gazetteer

    monkeypatch.setattr(briefs.gazetteer, "__file__", str(code[0]))  # another gazetteer
    assert cache_kind.__wrapped__() != cache_kind()


def test_docs_keep_no_searched_text_or_actors_and_the_actor_index_reads_them_back(
    store: Store,
) -> None:
    """Memory: the catalog's docs leave text, names, body and actors to the cache's file."""
    from briefs.actor_index import build_actor_index

    for catalog in (scanned(store.root)[0], scanned(store.root)[0]):  # made, then decoded
        assert catalog.index is not None
        docs = list(catalog.index.docs())
        assert docs and all(d.key > 0 for d in docs)
        assert {(d.text, d.body, d.actors, d.people) for d in docs} == {("", "", "", ())}
        by_rows = [store.brief(i) for i in catalog.rows]
        assert catalog.actor_entries() == build_actor_index([b for b in by_rows if b])


def test_an_oversized_entry_is_never_parsed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = scanned(store.root)
    expected = answers(first)
    _closed(first)
    monkeypatch.setattr(scan_cache, "MAX_ENTRY", 10)  # every entry is over it now
    second, read = scanned(store.root)
    assert sorted(read) == sorted(first.rows)
    assert answers(second) == expected
