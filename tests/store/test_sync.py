"""Sharing a store with a desk through git: three stores and a bare repository in the
test's folder. Git never reads the user's own config (GIT_CONFIG_GLOBAL=/dev/null)."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from pathlib import Path

import orjson
import pytest

from store import Store
from store.sync import layout, sync
from store.sync.mirror import FOLDER
from tests.conftest import TickingClock

DeskStore = Store  # a store that shares with a desk: every Store can


@pytest.fixture(autouse=True)
def git_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Git as on a machine with no config of its own: nothing of the user's is read."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Test Desk")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "desk@example.invalid")


def git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, check=True, timeout=60, text=True
    )
    return done.stdout.strip()


def bare_repo(tmp_path: Path, name: str = "desk.git") -> Path:
    path = tmp_path / name
    git("init", "-q", "--bare", "-b", "main", str(path))
    return path


def open_store(path: Path, clock: TickingClock | None = None) -> DeskStore:
    return DeskStore(path, clock=clock or TickingClock())


def later_clock(minutes: int) -> TickingClock:
    clock = TickingClock()
    clock.now += dt.timedelta(minutes=minutes)
    return clock


def note_texts(store: Store) -> set[str]:
    return {text for texts in store.note_texts().values() for text in texts}


def all_round(stores: list[DeskStore], rounds: int = 2) -> None:
    """Each store syncs in turn, twice over: then every copy has seen every change."""
    for _ in range(rounds):
        for s in stores:
            report = sync(s)
            assert report.pushed, report
            assert report.problems == []


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, list[DeskStore]]:
    remote = bare_repo(tmp_path)
    stores = [open_store(tmp_path / n, later_clock(i * 1000)) for i, n in enumerate("abc")]
    for store, name in zip(stores, ("Ana", "Ben", "Cleo"), strict=True):
        assert sync(store, remote=str(remote), name=name).pushed
    return remote, stores


def test_three_stores_share_every_note_through_a_bare_repository(desk) -> None:
    _, stores = desk
    brief_id = stores[0].rows()[0].id
    for i, store in enumerate(stores):
        store.add_note(brief_id, f"note {i} on the first brief")
        store.add_note(store.rows()[-1].id, f"note {i} on the last brief")
    all_round(stores)
    expected = {f"note {i} on the {w} brief" for i in range(3) for w in ("first", "last")}
    for store in stores:
        assert note_texts(store) == expected
        assert sorted(r.id for r in store.rows()) == sorted(r.id for r in stores[0].rows())


def test_each_note_is_one_file_named_by_its_id_with_its_author(desk) -> None:
    _, (ana, ben, _) = desk
    note = ana.add_note(ana.rows()[0].id, "Ask the desk about canola")
    all_round([ana, ben])
    for store in (ana, ben):
        path = store.root / FOLDER / layout.path_of("notes", note.id)
        assert orjson.loads(path.read_bytes())["author"] == "Ana"
        assert store.sync_snapshot().notes[note.id]["author"] == "Ana"
    # Ben edits Ana's note: it stays hers.
    ben.update_note(note.id, "Ask the desk about canola and pork")
    all_round([ben, ana])
    doc = ana.sync_snapshot().notes[note.id]
    assert (doc["text"], doc["author"]) == ("Ask the desk about canola and pork", "Ana")


def test_two_readers_adding_notes_while_syncing_lose_none(desk) -> None:
    """Two readers add 200 notes each while both sync over and over: 400 on every copy."""
    _, (ana, ben, cleo) = desk
    brief_id = ana.rows()[0].id
    added: list[str] = []

    def type_notes(store: DeskStore, who: str) -> None:
        for i in range(200):
            added.append(store.add_note(brief_id, f"{who} {i}", author=who).text)

    writers = [
        threading.Thread(target=type_notes, args=(s, w)) for s, w in ((ana, "A"), (ben, "B"))
    ]
    for writer in writers:
        writer.start()
    while any(w.is_alive() for w in writers):  # sync while the notes are being typed
        sync(ana)
        sync(ben)
    for writer in writers:
        writer.join()
    all_round([ana, ben, cleo])
    assert len(added) == 400
    for store in (ana, ben, cleo):
        assert note_texts(store) == set(added)
        authors = {n.text: n.author for n in store.notes(brief_id)}
        assert all(authors[text] == text.split()[0] for text in added)


def test_the_same_note_edited_on_two_copies_keeps_both_texts(desk) -> None:
    _, (ana, ben, cleo) = desk
    note = ana.add_note(ana.rows()[0].id, "first text")
    all_round([ana, ben])
    ana.update_note(note.id, "Ana's text")  # Ana's clock is earlier than Ben's
    ben.update_note(note.id, "Ben's text")
    all_round([ana, ben, cleo])
    for store in (ana, ben, cleo):
        notes = store.sync_snapshot().notes
        assert notes[note.id]["text"] == "Ben's text"  # the later edit is the note
        beside = [d for d in notes.values() if d.get("beside") == note.id]
        assert [d["text"] for d in beside] == ["Ana's text"]
        for path in (store.root / FOLDER / "notes").glob("*/*.json"):
            assert b"<<<<<<<" not in path.read_bytes()
    assert ana.sync_snapshot().notes == ben.sync_snapshot().notes == cleo.sync_snapshot().notes


def test_a_note_deleted_on_one_copy_and_edited_on_another_is_kept_edited(desk) -> None:
    _, (ana, ben, _) = desk
    brief_id = ana.rows()[0].id
    kept, gone = ana.add_note(brief_id, "edited elsewhere"), ana.add_note(brief_id, "deleted")
    all_round([ana, ben])
    ana.delete_note(kept.id)
    ben.update_note(kept.id, "edited on Ben's copy")
    ben.delete_note(gone.id)
    all_round([ana, ben])
    for store in (ana, ben):
        assert store.note(gone.id) is None
        found = store.note(kept.id)
        assert found is not None and found.text == "edited on Ben's copy"


def test_a_brief_imported_again_on_two_copies_takes_the_later_import(desk) -> None:
    _, (ana, ben, _) = desk
    brief = ana.brief(ana.rows()[0].id)
    assert brief is not None
    ana_note = ana.add_note(brief.id, "Ana's note")
    ben_note = ben.add_note(brief.id, "Ben's note")
    all_round([ana, ben])
    import dataclasses

    ana.import_briefs([dataclasses.replace(brief, summary="Ana's import.")])
    ben.import_briefs([dataclasses.replace(brief, summary="Ben's import.")])
    ben.correct(brief.id, {"title": "Ben's title"})
    all_round([ana, ben])
    for store in (ana, ben):
        shown = store.brief(brief.id)
        assert shown is not None and shown.summary == "Ben's import."  # Ben's clock is later
        assert shown.title == "Ben's title"
        assert {n.id for n in store.notes(brief.id)} >= {ana_note.id, ben_note.id}


def test_read_and_starred_live_in_each_readers_own_file(desk) -> None:
    _, (ana, ben, _) = desk
    brief_id = ana.rows()[0].id
    ana.set_state(brief_id, starred=True)
    ana.save_view("canola", "canola")
    all_round([ana, ben])
    own = orjson.loads((ben.root / FOLDER / "readers" / "ana.json").read_bytes())
    assert own["states"][brief_id]["starred"] is True and own["views"] == {"canola": "canola"}
    assert not ben.state(brief_id).starred  # Ana's stars are hers
    assert ben.views() == {}


def test_one_reader_on_two_machines_merges_their_states(tmp_path: Path) -> None:
    remote = bare_repo(tmp_path)
    home, laptop = open_store(tmp_path / "home"), open_store(tmp_path / "laptop")
    sync(home, remote=str(remote), name="Ana")
    sync(laptop, remote=str(remote), name="Ana")
    first, second = home.rows()[0].id, home.rows()[1].id
    home.set_state(first, starred=True)
    laptop.set_state(second, read=True)
    all_round([home, laptop])
    for store in (home, laptop):
        assert store.state(first).starred and store.state(second).read


def test_the_first_sync_of_a_new_store_takes_in_the_desk(desk, tmp_path: Path) -> None:
    remote, (ana, *_) = desk
    note = ana.add_note(ana.rows()[0].id, "before Dana joined")
    sync(ana)
    dana = open_store(tmp_path / "d")
    report = sync(dana, remote=str(remote), name="Dana")
    assert report.pushed and report.applied >= 1
    assert dana.note(note.id) is not None


def test_files_are_laid_out_one_per_brief_note_correction_and_reader(desk) -> None:
    _, (ana, *_) = desk
    brief_id = ana.rows()[0].id
    note = ana.add_note(brief_id, "laid out")
    ana.correct(brief_id, {"title": "A corrected title"})
    sync(ana)
    mirror = ana.root / FOLDER
    bucket = layout.bucket(note.id)
    assert (mirror / "notes" / bucket / f"{note.id}.json").is_file()
    assert (mirror / "corrections" / layout.bucket(brief_id) / f"{brief_id}.json").is_file()
    assert (mirror / "readers" / "ana.json").is_file()
    assert {p.stem for p in (mirror / "briefs").glob("*/*.json")} == {r.id for r in ana.rows()}
    assert layout.place_of(f"notes/{bucket}/{note.id}.json") == layout.Place("notes", note.id)
    assert layout.place_of(f"notes/{note.id}.json") is None  # not in its folder
    assert layout.place_of(f"notes/zz/{note.id}.json") is None
    assert git("status", "--porcelain", cwd=mirror) == ""


def test_a_mirror_file_edited_by_hand_changes_nothing_and_is_written_over(desk) -> None:
    _, (ana, ben, _) = desk
    note = ana.add_note(ana.rows()[0].id, "as saved")
    all_round([ana, ben])
    by_hand = ana.root / FOLDER / layout.path_of("notes", note.id)
    by_hand.write_text("edited in the mirror by hand")
    ben.update_note(note.id, "edited by Ben")
    all_round([ben, ana])
    found = ana.note(note.id)
    assert found is not None and found.text == "edited by Ben"
    assert orjson.loads(by_hand.read_bytes())["text"] == "edited by Ben"


def test_corrections_of_one_brief_on_two_copies_merge_field_by_field(desk) -> None:
    _, (ana, ben, _) = desk
    brief_id = ana.rows()[0].id
    all_round([ana, ben])
    ana.correct(brief_id, {"title": "Ana's title", "summary": "Ana's summary."})
    ben.correct(brief_id, {"title": "Ben's title", "tags": "canola, pork"})  # later clock
    all_round([ana, ben])
    for store in (ana, ben):
        shown = store.brief(brief_id)
        assert shown is not None
        assert (shown.title, shown.summary, shown.tags) == (
            "Ben's title",
            "Ana's summary.",
            ("canola", "pork"),
        )
        assert len(store.history(brief_id)) == 4  # both histories: two fields each


def test_an_empty_store_takes_in_the_desk(desk, tmp_path: Path) -> None:
    remote, (ana, *_) = desk
    empty = Store(tmp_path / "empty", clock=TickingClock(), seed=False)
    assert empty.count() == 0
    assert sync(empty, remote=str(remote), name="Eve").pushed
    assert sorted(r.id for r in empty.rows()) == sorted(r.id for r in ana.rows())


def test_a_store_named_by_a_relative_path_merges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefing sync --store ben`: git runs in the mirror, so no path handed to it may be
    relative to where briefing was started (the merge's index was: 'Unable to create')."""
    remote = bare_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    ana, ben = open_store(Path("ana")), open_store(Path("ben"), later_clock(1000))
    assert sync(ana, remote=str(remote), name="Ana").pushed
    assert sync(ben, remote=str(remote), name="Ben").pushed
    ana.add_note(ana.rows()[0].id, "Ana's")
    ben.add_note(ben.rows()[0].id, "Ben's")  # so Ben's sync merges
    all_round([ana, ben])
    assert note_texts(ana) == note_texts(ben) == {"Ana's", "Ben's"}


def test_a_copy_that_took_in_the_desk_reads_none_of_its_briefs_again(
    desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What each brief file holds is noted as it is taken in: the next export compares
    digests without reading the files again (at 10,000 briefs that read took 1.3 s)."""
    from store.sync.git import Git

    remote, _ = desk
    dana = Store(tmp_path / "d", clock=TickingClock(), seed=False)
    assert sync(dana, remote=str(remote), name="Dana").pushed
    asked: list[str] = []
    real_blobs = Git.blobs

    def blobs(self: Git, ids, **kwargs):  # type: ignore[no-untyped-def]
        asked.extend(ids)
        return real_blobs(self, ids, **kwargs)

    monkeypatch.setattr(Git, "blobs", blobs)
    dana.add_note(dana.rows()[0].id, "one more", author="Dana")
    assert sync(dana).pushed
    files = Git(dana.root / FOLDER).tree_files("HEAD")
    briefs = {blob for path, blob in files.items() if path.startswith("briefs/")}
    assert briefs and not briefs & set(asked)
