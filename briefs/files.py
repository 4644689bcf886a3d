"""A path → briefs: brief files (.json) read, articles (.txt) drafted, folders searched.

What `briefing import` and the benchmark read. Besides `briefs.evaluate`, the one module
outside drafting that imports `briefs.drafting`: reading a path needs the drafter for
articles, and nothing below it (model, reading, search) may depend on drafting.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefs.drafting import read_article_file
from briefs.model import Brief, ReaderData
from briefs.reading import BriefFileError, BriefRecords, read_records_file

BRIEF_SUFFIXES = (".json", ".txt")  # compared in lower case: 'A.JSON' is a brief file too


def brief_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the brief files found under folders named, in a stable order.

    A named file is yielded whatever its suffix (reading it says what is wrong); a folder
    yields its `.json` and `.txt` files at any depth, sorted by path.
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix.lower() in BRIEF_SUFFIXES and p.is_file()
            )
        else:
            yield path


def read_file_records(path: Path, *, date: str | None = None) -> BriefRecords:
    """The briefs of one file — an article (.txt) drafted into a brief, else a brief file
    or an export — and the reader data an export carries. `date` dates an article that
    gives none.

    Only a regular file or a pipe is read (a pipe with the same cap on what is read: it has
    no size to check first); a device such as /dev/zero, a socket or the like is refused
    unread. Raises BriefFileError (`path: reason`) on any problem.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = stat.S_IFREG  # missing or unreadable: reading it names the reason
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISDIR(mode)):
        raise BriefFileError(f"{path}: not a regular file; only files and pipes are read")
    if path.suffix.lower() == ".txt":
        return BriefRecords(briefs=[read_article_file(path, date=date)])
    return read_records_file(path)


def read_file(path: Path) -> list[Brief]:
    """The briefs of one file (see `read_file_records`)."""
    return read_file_records(path).briefs


@dataclass(slots=True)
class Reading:
    """What reading many files gave: every good brief, the reader data (notes, read,
    starred) the good files carried, and one entry (`path: reason` lines) per failed file."""

    briefs: list[Brief] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    reader: list[ReaderData] = field(default_factory=list)


def read_files(files: Iterable[Path], *, date: str | None = None) -> Reading:
    """Read every file of `files` (as `brief_files` lists them); a failure never stops it.
    `date` dates the articles that give none (`import --date`)."""
    out = Reading()
    for path in files:
        try:
            found = read_file_records(path, date=date)
        except BriefFileError as exc:
            out.failures.append(str(exc))
            continue
        out.briefs.extend(found.briefs)
        out.reader.extend(found.reader)
    return out
