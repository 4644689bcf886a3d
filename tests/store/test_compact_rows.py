"""The list's rows from the compact, presorted index (store/compact.py, store/rows.py;
issue 14): the same rows in the same order as made from the parsed index, made only as
they are asked for, and a cache/index.bin that is stale, torn, hostile or copied is made
again rather than believed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import store.index
import store.listing
import store.storage
from briefs import Brief
from briefs.order import newest_first
from store import DamagedFileError, Store
from store import corrections as book
from store.compact import NAME, CompactIndex
from store.rows import Rows
from store.tables import brief_row
from tests.conftest import TickingClock

CACHE = Path("cache") / NAME
XI = "2025-10-31-xi-carney-apec-gyeongju"  # a sample brief, in briefs.json


def _brief(n: int, date: str, title: str) -> Brief:
    return Brief(id=f"b-{n:03d}", title=title, date=date, summary=f"Brief {n}.")


def _many() -> list[Brief]:
    """Same days, titles that differ in case only, a time of day, and ties on title."""
    titles = ["apple", "Banana", "banana", "Cherry", "apple"]
    dates = ["2025-11-03", "2025-11-03T09:30:00", "2025-11-01", "2025-11-03", "2024-02-29"]
    return [_brief(n, dates[n % 5], f"{titles[(n * 3) % 5]} {n % 4}") for n in range(60)]


def _expected(opened: Store) -> list:
    """The rows as made before the compact index: every parsed record, sorted."""
    notes, states = opened._reader.note_counts(), opened._reader.all_states()
    corrected, trash = opened._book.all(), opened._book.trash()
    rows = [
        brief_row(
            i,
            doc,
            notes.get(i, 0),
            states.get(i, {}),
            book.row_overrides(corrected[i]) if i in corrected else None,
        )
        for i, doc in dict(opened._index()).items()
        if i not in trash
    ]
    return newest_first(rows)


def _busy_store(root: Path) -> Store:
    opened = Store(root, clock=TickingClock())
    opened.import_briefs(_many()[:40])
    opened.import_briefs(_many()[40:])  # in the recent file, laid over briefs.json
    opened.import_briefs([_brief(7, "2025-11-02", "Replaced seven")])
    opened.add_note("b-003", "one")
    opened.add_note("b-003", "two")
    opened.set_state("b-005", read=True, starred=True)
    opened.correct("b-010", {"title": "Zulu, corrected"})  # moves it
    opened.correct("b-011", {"date": "2026-01-01"})  # moves it to the top
    opened.correct("b-012", {"source": "A source of our own"})  # stays where it was
    opened.delete_brief("b-013")
    return opened


@pytest.mark.parametrize("folded", [False, True])
def test_the_rows_are_those_of_the_parsed_index_in_the_same_order(
    store_dir: Path, folded: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The briefs in the recent file (laid over the cache's rows), or all in briefs.json
    (in the cache's order, with those corrected to another place moved)."""
    if folded:
        monkeypatch.setattr(store.index, "RECENT_MIN", 0)
        monkeypatch.setattr(store.index, "RECENT_SHARE", 10**9)
    _busy_store(store_dir)
    assert (b"b-001" in (store_dir / "briefs.json").read_bytes()) == folded
    opened = Store(store_dir)
    got = opened.row_source()
    assert isinstance(got, Rows)
    assert list(got) == _expected(opened)
    assert got.ids() == [row.id for row in _expected(opened)]
    assert got[0].id == "b-011" and got.get("b-013") is None and "b-013" not in got.ids()
    for at, row in enumerate(got):
        assert got.position(row.id) == at and got.get(row.id) == row
        assert got.version_of(row.id) == row.version
    assert got.versions() == {row.id: row.version for row in got}


def test_an_open_store_shows_its_rows_and_first_brief_without_parsing_the_index(
    store_dir: Path,
) -> None:
    _busy_store(store_dir)
    Store(store_dir).rows()  # the compact index made and kept
    opened = Store(store_dir)
    rows = opened.rows()
    assert opened.brief(rows[0].id) is not None and opened.row(rows[1].id) == rows[1]
    assert opened.count() == len(rows)
    assert not opened._briefs_db.storage.parsed
    assert rows == _expected(Store(store_dir))


def test_rows_are_made_only_when_asked(store_dir: Path) -> None:
    _busy_store(store_dir)
    got = Store(store_dir).row_source()
    assert isinstance(got, Rows)
    assert got[0].id == "b-011" and got[5] == got[5]
    assert len(got._made) <= 2  # the moved row is made apart


def test_the_parsed_index_is_let_go_once_held_compactly(store_dir: Path) -> None:
    opened = _busy_store(store_dir)
    opened.rows()
    assert not opened._briefs_db.storage.parsed
    opened.import_briefs([_brief(99, "2025-12-01", "Later")])  # still writes correctly
    assert opened.rows()[0].id == "b-099" or opened.rows()[1].id == "b-099"
    assert Store(store_dir).rows() == _expected(Store(store_dir))


def test_an_import_elsewhere_shows_in_the_next_rows(store_dir: Path) -> None:
    first = _busy_store(store_dir)
    assert "b-200" not in first.row_source().ids()
    Store(store_dir).import_briefs([_brief(200, "2025-12-24", "From elsewhere")])
    got = first.row_source()
    assert got.ids()[1] == "b-200"  # below b-011 (2026)
    assert list(got) == _expected(Store(store_dir))


@pytest.mark.parametrize(
    "damage",
    ["truncated", "flipped", "header", "empty", "garbage", "other-index"],
)
def test_a_damaged_or_stale_cache_is_made_again(
    store_dir: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _busy_store(store_dir)
    Store(store_dir).rows()
    path = store_dir / CACHE
    raw = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "flipped":
        path.write_bytes(raw[:-10] + bytes([raw[-10] ^ 0x20]) + raw[-9:])
    elif damage == "header":  # the content log it names, of the same length
        assert b'"log":"content-000001' in raw
        path.write_bytes(raw.replace(b'"log":"content-000001', b'"log":"content-000002', 1))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(b"briefing compact index {not json\n\x00\x01")
    else:  # a cache of briefs.json before an import folded into it
        monkeypatch.setattr(store.index, "RECENT_MIN", 0)
        monkeypatch.setattr(store.index, "RECENT_SHARE", 10**9)
        Store(store_dir).import_briefs([_brief(300, "2025-12-25", "Newer")])
        assert not (store_dir / "briefs-recent.json").read_bytes().count(b"b-300")
        path.write_bytes(raw)
    opened = Store(store_dir)
    assert opened.rows() == _expected(Store(store_dir))
    # Made again: the same bytes as before the damage, or those of the newer index.
    assert (path.read_bytes() == raw) == (damage != "other-index")
    assert Store(store_dir).rows() == _expected(Store(store_dir))


def test_a_cache_in_a_copied_store_is_not_believed(store_dir: Path, tmp_path: Path) -> None:
    """The cache is no more trusted than cache/checked.json: a store copied or sent from
    elsewhere could carry one of other titles, so it counts only where it was written."""
    _busy_store(store_dir)
    Store(store_dir).rows()
    path = store_dir / CACHE
    raw = path.read_bytes()
    title = Store(store_dir).row(XI).title.encode()  # type: ignore[union-attr]
    assert title in raw  # a brief of briefs.json (the others are in the recent file)
    path.write_bytes(raw.replace(title, b"X" * len(title)))
    # (Its checksum no longer matches either; a copy is refused before that is asked.)
    shutil.copytree(store_dir, tmp_path / "copy")
    copied = Store(tmp_path / "copy")
    assert copied.row(XI).title.encode() == title  # type: ignore[union-attr]
    assert copied.rows() == _expected(copied)


def test_a_read_only_store_makes_its_rows_and_writes_no_cache(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _busy_store(store_dir)
    saved: list[object] = []
    monkeypatch.setattr(store.index.compact, "save", lambda *a: saved.append(a))
    opened = Store(store_dir)
    opened.read_only = True
    assert opened.rows() == _expected(opened)
    assert saved == []


def test_an_empty_store_has_no_rows(tmp_path: Path) -> None:
    opened = Store(tmp_path / "empty", seed=False)
    assert list(opened.row_source()) == [] and opened.rows() == [] and opened.count() == 0


def test_an_import_into_the_recent_file_keeps_the_cache(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is of briefs.json alone: the recent file's few records are laid over it
    as the rows are made, so the start after an import parses nothing big either."""
    _busy_store(store_dir)
    Store(store_dir).rows()
    before = (store_dir / CACHE).read_bytes()
    Store(store_dir).import_briefs([_brief(400, "2025-11-02", "apple 2, later")])
    made: list[object] = []
    real = store.index.CompactIndex.of_records
    monkeypatch.setattr(
        store.index.CompactIndex, "of_records", lambda *a: made.append(a) or real(*a)
    )
    opened = Store(store_dir)
    rows = opened.rows()
    assert made == [] and not opened._briefs_db.storage.parsed
    assert (store_dir / CACHE).read_bytes() == before
    assert "b-400" in [row.id for row in rows] and opened.count() == len(rows)
    assert rows == _expected(Store(store_dir))
    assert [b for b, _ in opened.read_briefs()] == [row.id for row in rows]


def test_a_screenful_of_rows_reads_the_reader_files_of_its_briefs_only(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 briefs and 20,000 notes, parsing the 256 reader files for every row's
    note count took 0.03 s before the first paint: the first rows look theirs up."""
    opened = Store(store_dir, clock=TickingClock(), seed=False)
    opened.import_briefs(_many())
    opened.add_notes([(f"b-{n:03d}", f"note {n}") for n in range(60)])
    opened.set_state("b-005", read=True)
    Store(store_dir)  # checks the files those writes changed, as any next open does
    reopened = Store(store_dir)
    got = reopened.row_source()
    first = [got[k] for k in range(3)]
    parsed = [s for s in reopened._reader.storages() if s.parsed]
    assert 1 <= len(parsed) <= 3
    assert all(row.note_count == 1 for row in first)
    assert list(got) == _expected(Store(store_dir))
    monkeypatch.setattr(store.listing, "ONE_BY_ONE", 2)  # then from the counts of all
    assert list(Store(store_dir).row_source()) == _expected(Store(store_dir))


def test_the_compact_index_answers_by_position_and_by_id_alike() -> None:
    """The first lookups by id search the id bytes, later ones a dict: the same answers."""
    records = {
        f"id-{n:04d}": {
            "title": f"Tïtle {n % 7} ☃",
            "date": f"2025-0{1 + n % 9}-1{n % 10}",
            "source": None if n % 3 else f"Source {n % 2}",
            "at": n * 100,
            "len": 50 + n,
            "sha": f"{n:020x}",
        }
        for n in range(300)
    }
    made = CompactIndex.of_records("of", records, "content-000001.jsonl", 4)
    sealed = CompactIndex("of", {"count": 300, "sha_width": 20}, _parts(made.to_bytes("seal")))
    ids = made.ids()
    assert ids == [i for i, _ in sorted(records.items(), key=_newest)]
    for k, brief_id in enumerate(ids):
        assert sealed.id_at(k) == brief_id and sealed.position(brief_id) == k
        expected = {key: v for key, v in records[brief_id].items()}
        assert sealed.record_at(k) == expected == sealed.record(brief_id)
    assert sealed.position("id-9999") is None and sealed.position("") is None
    assert sealed.shas() == [records[i]["sha"] for i in ids]


def _newest(item: tuple[str, dict]) -> tuple:
    brief_id, r = item
    return (-int(r["date"].replace("-", "")), r["title"].casefold(), brief_id)


def _parts(raw: bytes) -> dict[str, bytes]:
    import orjson

    head, _, body = raw.partition(b"\n")
    parts, at = {}, 0
    for name, size in orjson.loads(head.split(b" ", 3)[3])["parts"]:
        parts[name] = body[at : at + size]
        at += size
    return parts


def test_a_large_checked_index_is_hashed_at_open_and_not_held(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 briefs `briefs.json` is 27 MiB: read a piece at a time to name any
    damage before a write, as ever, but not kept in memory (the rows come from the
    compact index); a write reads it again."""
    monkeypatch.setattr(store.storage, "HASHED_IN_PIECES", 0)
    _busy_store(store_dir)
    Store(store_dir).rows()
    opened = Store(store_dir)
    storage = opened._briefs_db.storage
    assert storage._raw is None and not storage.parsed
    assert opened.rows() == _expected(Store(store_dir))
    monkeypatch.setattr(store.index, "RECENT_MIN", 0)  # the next import folds
    opened.import_briefs([_brief(500, "2025-12-31", "Folded")])
    assert b"b-500" in (store_dir / "briefs.json").read_bytes()
    assert Store(store_dir).rows() == _expected(Store(store_dir))
    index = store_dir / "briefs.json"
    raw = index.read_bytes()
    assert b'"date":"2025-12-31"' in raw
    index.write_bytes(raw.replace(b'"date":"2025-12-31"', b'"date":"2025-13-31"'))
    with pytest.raises(DamagedFileError, match=r"briefs\.json"):
        Store(store_dir)
