"""The scan cache: the next start reads again only the briefs that changed, and a damaged,
foreign or hostile cache costs a full read, never a wrong search or a crash."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
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


def _lines(root: Path) -> list[bytes]:
    return scan_cache.cache_path(root).read_bytes().splitlines()


@pytest.mark.parametrize(
    "damage",
    [
        lambda lines: lines[:1] + [line[: len(line) // 2] for line in lines[1:]],  # torn
        lambda lines: [b'{"format": 1, "kind": "someone-else"}', *lines[1:]],
        lambda lines: [b"not json at all"] * len(lines),
        lambda lines: [lines[0], b'["%s", "v", 1, 2]' % XI.encode()],  # wrong shapes
    ],
    ids=["torn-lines", "other-kind", "not-json", "wrong-shapes"],
)
def test_a_damaged_cache_costs_a_full_read_and_is_written_anew(store: Store, damage) -> None:  # type: ignore[no-untyped-def]
    first, _ = scanned(store.root)
    path = scan_cache.cache_path(store.root)
    path.write_bytes(b"\n".join(damage(_lines(store.root))) + b"\n")
    second, read = scanned(store.root)
    assert sorted(read) == sorted(first.rows)
    assert answers(second) == answers(first)
    assert scanned(store.root)[1] == []  # written anew


def test_values_of_the_wrong_type_are_never_taken(store: Store) -> None:
    first, _ = scanned(store.root)
    hostile = []
    for line in _lines(store.root)[1:]:
        item = orjson.loads(line)
        item[3] = {"title": "not a string"}  # the title
        # One tariff, flat: its year is a string.
        item[10] = ["Canada", "China", "canola", " canola ", "tariff", "in force", "5%", "a lot"]
        hostile.append(orjson.dumps(item))
    path = scan_cache.cache_path(store.root)
    path.write_bytes(b"\n".join([_lines(store.root)[0], *hostile]) + b"\n")
    second, read = scanned(store.root)
    assert sorted(read) == sorted(first.rows)
    assert answers(second) == answers(first)


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
    entries = [("a", ["v1", [1, 2]]), ("b", ["v2", "x"])]
    assert scan_cache.save(tmp_path, cache_kind(), entries)
    assert list(scan_cache.load(tmp_path, cache_kind())) == entries
    assert list(scan_cache.load(tmp_path, "another-kind")) == []


def test_a_write_cut_short_leaves_no_temporary_behind_the_next(tmp_path: Path) -> None:
    folder = tmp_path / scan_cache.FOLDER
    folder.mkdir()
    left = folder / f".{scan_cache.FILE}.99999.tmp"  # what a kill mid-write leaves
    left.write_bytes(b"half")
    assert scan_cache.save(tmp_path, cache_kind(), [("a", ["v1"])])
    assert sorted(p.name for p in folder.iterdir()) == [scan_cache.FILE]


@pytest.mark.parametrize(
    ("place", "value"),
    [(9, "letters"), (11, "abcd"), (10, "abcdefgh")],
    ids=["tags-as-a-string", "actors-as-strings", "tariffs-as-strings"],
)
def test_a_string_where_a_list_belongs_is_not_read_as_its_letters(
    store: Store, place: int, value: object
) -> None:
    scanned(store.root)
    lines = _lines(store.root)
    items = [orjson.loads(line) for line in lines[1:]]
    for item in items:
        item[place] = value  # a string unpacks as its letters: four for an actor's fields
    body = [orjson.dumps(item) for item in items]
    scan_cache.cache_path(store.root).write_bytes(b"\n".join([lines[0], *body]) + b"\n")
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
    assert cache_kind().startswith("catalog-3-") and cache_kind() == cache_kind()
    import briefs.gazetteer

    monkeypatch.setattr(briefs.gazetteer, "__file__", str(code[0]))  # another gazetteer
    assert cache_kind.__wrapped__() != cache_kind()
