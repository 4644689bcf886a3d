"""The `briefing` command line, run in-process against temporary stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
GOOD = {"title": "EU and US agree steel truce", "date": "2025-11-20", "summary": "A truce."}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_reports_bad_files_and_keeps_the_good(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.json").write_text(json.dumps(GOOD))
    (folder / "sub" / "also.json").write_text(json.dumps({**GOOD, "title": "Second"}))
    (folder / "broken.json").write_text("{nope")
    (folder / "latin1.json").write_bytes(b'{"title": "caf\xe9"}')
    (folder / "empty.json").write_text("")
    (folder / "badfield.json").write_text(json.dumps({**GOOD, "tariffs": [{"imposed_by": 1}]}))
    (folder / "ignored.csv").write_text("x")
    before = Store(store_dir).rows()
    code, out, err = run(capsys, "import", "--store", str(store_dir), str(folder))
    assert code == 1
    lines = err.strip().splitlines()
    assert all(line.startswith(f"{folder}") for line in lines)  # only `path: reason` lines
    assert f"{folder / 'broken.json'}: not JSON" in err
    assert f"{folder / 'latin1.json'}: not UTF-8" in err
    assert f"{folder / 'empty.json'}: the file is empty" in err
    assert f"{folder / 'badfield.json'}: tariffs[0].imposed_by: must be a string" in err
    assert out == "added 2, updated 0, unchanged 0, failed 4\n"  # the summary: stdout
    after = Store(store_dir).rows()
    assert len(after) == len(before) + 2


def test_import_again_counts_unchanged(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps(GOOD))
    assert run(capsys, "import", "--store", str(store_dir), str(path))[0] == 0
    code, out, err = run(capsys, "import", "--store", str(store_dir), str(path))
    assert code == 0 and out.strip() == "added 0, updated 0, unchanged 1, failed 0"
    assert err == ""


def test_store_that_is_a_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    code, out, err = run(capsys, "list", "--store", str(target))
    assert code == 2 and out == ""
    assert err == f"briefing: {target}: is not a folder\n"


def test_damaged_store_file_is_named_and_left_alone(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir)
    (store_dir / "reader.json").write_text("{truncated")
    code, _, err = run(capsys, "list", "--store", str(store_dir))
    assert code == 2 and "reader.json: not valid JSON" in err and "Traceback" not in err
    assert (store_dir / "reader.json").read_text() == "{truncated"


def test_list_plain_and_json(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store(store_dir).add_note(XI, "n")
    code, out, _ = run(capsys, "list", "--store", str(store_dir))
    assert code == 0 and out.splitlines()[0].startswith(f"2025-10-31  {XI}  Xi and Carney")
    code, out, _ = run(capsys, "list", "--json", "--store", str(store_dir))
    records = json.loads(out)
    assert records[0]["id"] == XI and records[0]["notes"] == 1 and records[0]["read"] is False
    assert {"id", "title", "date", "source", "notes", "read", "starred"} <= set(records[0])


def test_store_from_environment(
    store_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_STORE", str(store_dir))
    code, out, _ = run(capsys, "list")
    assert code == 0 and XI in out
    assert (store_dir / "briefs.json").exists()


def test_json_export_round_trips_with_notes(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(store_dir)
    store.add_note(XI, "keep this")
    out_file = tmp_path / "export.json"
    assert run(capsys, "export", "--store", str(store_dir), "--out", str(out_file))[0] == 0
    records = json.loads(out_file.read_text())
    assert records[0]["notes"][0]["text"] == "keep this"
    other = tmp_path / "other"
    code, out, _ = run(capsys, "import", "--store", str(other), str(out_file))
    assert code == 0 and "unchanged 7" in out  # the samples came back identical
    assert Store(other).all_briefs() == store.all_briefs()
    assert Store(other).notes(XI) == store.notes(XI)  # and the notes with them


def test_markdown_export_of_one_brief(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store(store_dir).add_note(XI, "ask about | pipes")
    code, out, _ = run(capsys, "export", "--format", "markdown", "--store", str(store_dir), XI)
    assert code == 0
    assert out.startswith("# Xi and Carney meet at APEC")
    for heading in ("## Summary", "## Key actors", "## Tariffs", "## Notes"):
        assert heading in out
    assert "| Canada → China | electric vehicles | 100% |" in out
    assert "ask about | pipes" in out


def test_export_unknown_id(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "--store", str(store_dir), "no-such-brief")
    assert code == 2 and "no brief with id 'no-such-brief'" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("briefing ")


def test_empty_store_path_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", "--store", "")
    assert code == 2 and out == "" and err == "briefing: --store: the path is empty\n"


def test_note_add_keeps_to_the_note_limit(
    store_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note the import would refuse is refused when added, so an export always imports
    again; standard input is read no further than the limit."""
    import io

    from briefs.model import MAX_CHARS

    limit = MAX_CHARS["text"]
    long_input = io.StringIO("n" * (limit * 3))
    monkeypatch.setattr("sys.stdin", long_input)
    code, out, err = run(capsys, "note", "add", "--store", str(store_dir), XI, "-")
    assert code == 1 and out == ""
    assert err == f"briefing: the note is over the limit of {limit:,} characters; not saved\n"
    assert long_input.tell() <= limit + 1
    assert Store(store_dir).notes(XI) == []
    monkeypatch.setattr("sys.stdin", io.StringIO("n" * limit))
    assert run(capsys, "note", "add", "--store", str(store_dir), XI, "-")[0] == 0


def test_draft_and_import_take_a_date_for_articles_that_give_none(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(
        "Canada puts 25% surtax on Chinese steel\n\n"
        "OTTAWA — Canada will charge a 25% surtax on steel from China, the minister said.\n",
        encoding="utf-8",
    )
    assert main(["draft", str(article)]) == 1
    assert "give one with --date" in capsys.readouterr().err
    assert main(["draft", str(article), "--date", "3 Mar 2025"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2025-03-03"
    assert main(["draft", str(article), "--date", "soon"]) == 2
    assert "--date: 'soon' is not a date" in capsys.readouterr().err
    assert main(["import", "--store", str(store_dir), "--date", "2025-03-03", str(article)]) == 0
    assert Store(store_dir).brief("2025-03-03-canada-puts-25-surtax-on-chinese-steel") is not None


def test_import_says_when_a_story_got_another_id(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = {"title": "Canada sets a duty", "date": "2025-01-02", "summary": "First story."}
    other = {**one, "source": "Another Wire", "summary": "A different story, same headline."}
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "two.json").write_text(json.dumps(other), encoding="utf-8")
    assert main(["import", "--store", str(store_dir), str(tmp_path / "one.json")]) == 0
    capsys.readouterr()
    assert main(["import", "--store", str(store_dir), str(tmp_path / "two.json")]) == 0
    out = capsys.readouterr().out
    assert "renamed 1 (another story had the id): 2025-01-02-canada-sets-a-duty → " in out


def test_a_folder_with_other_files_becomes_a_store_only_with_init(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    assert main(["--store", str(folder), "list"]) != 0
    assert "pass --init to make one there" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["mine.txt"]
    assert main(["--store", str(folder), "--init", "list"]) == 0
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert main(["--store", str(folder), "list"]) == 0  # a store now
