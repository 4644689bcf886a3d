"""A path → briefs: brief files read, articles drafted, folders searched in a stable order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefs import BriefFileError
from briefs.files import brief_files, read_file, read_files

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "01_eu_ev_duties.txt"


def brief_json(title: str) -> str:
    return json.dumps({"title": title, "date": "2025-10-31", "summary": "S."})


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "b" / "deep" / "two.JSON").write_text(brief_json("Two"), encoding="utf-8")
    (tmp_path / "b" / "one.json").write_text(brief_json("One"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a brief", encoding="utf-8")
    (tmp_path / "dir.json").mkdir()  # a folder with a brief's suffix is no file
    return tmp_path


def test_folders_recurse_sorted_and_only_brief_files(folder: Path) -> None:
    found = list(brief_files([folder]))
    assert [p.relative_to(folder).as_posix() for p in found] == [
        "a.txt",
        "b/deep/two.JSON",
        "b/one.json",
    ]


def test_named_files_come_as_named_whatever_their_suffix(folder: Path) -> None:
    named = [folder / "notes.md", folder / "b", folder / "absent.json"]
    assert list(brief_files(named)) == [
        folder / "notes.md",
        folder / "b" / "deep" / "two.JSON",
        folder / "b" / "one.json",
        folder / "absent.json",
    ]


def test_read_file_drafts_articles_and_reads_brief_files(folder: Path) -> None:
    (article,) = read_file(folder / "a.txt")
    assert article.title and article.body  # drafted from the article's text
    assert [b.title for b in read_file(folder / "b" / "one.json")] == ["One"]
    with pytest.raises(BriefFileError, match=r"absent\.json"):
        read_file(folder / "absent.json")


def test_read_files_keeps_the_good_and_reports_each_failure(folder: Path) -> None:
    (folder / "bad.json").write_text("{", encoding="utf-8")
    shutil.copy(folder / "b" / "one.json", folder / "again.json")
    reading = read_files(brief_files([folder, folder / "missing.txt"]))
    assert sorted(b.title for b in reading.briefs if b.title in ("One", "Two")) == [
        "One",
        "One",
        "Two",
    ]
    assert len(reading.briefs) == 4
    assert [line.split(":")[0] for line in reading.failures] == [
        str(folder / "bad.json"),
        str(folder / "missing.txt"),
    ]
