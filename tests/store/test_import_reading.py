"""Reading brief files for an import, made faster (issue 14), reads what it read before:
the whole file whatever its stat said, and the files of a folder in the same order."""

from __future__ import annotations

import json
from pathlib import Path

from briefs.files import brief_files
from briefs.reading import read_record_pairs

GOOD = {"title": "Canola duties", "date": "2025-03-08", "summary": "China set duties."}


def test_a_file_larger_than_its_stat_said_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "grown.json"
    path.write_text(json.dumps(GOOD))
    # As a file that grew between the stat and the read: the size given is too small.
    ((brief, _),) = read_record_pairs(path, size=5)
    assert brief.title == GOOD["title"]
    ((brief, _),) = read_record_pairs(path, size=0)
    assert brief.summary == GOOD["summary"]


def test_the_files_of_a_folder_come_in_the_order_of_their_paths(tmp_path: Path) -> None:
    names = ["b.json", "a-b/c.json", "a/b.json", "a/B.JSON", "A.txt", "a/z/y.json", "ab.json"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    (tmp_path / "notes.md").write_text("not a brief file")
    found = list(brief_files([tmp_path]))
    assert found == sorted(tmp_path / n for n in names)
    assert [p.relative_to(tmp_path).as_posix() for p in found][:3] == [
        "A.txt",
        "a/B.JSON",
        "a/b.json",
    ]
