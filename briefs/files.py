"""A path → briefs: brief files (.json) read, articles (.txt) and saved web pages (.html,
named one by one) drafted, folders searched.

What `briefing import` and the benchmark read. With `briefs.evaluate` and `briefs.web`, a
module above drafting: reading a path needs the drafter for articles, and nothing below it
(model, reading, search) may depend on drafting.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from briefs.drafting import read_article_file
from briefs.model import Brief, ReaderData
from briefs.reading import (
    MAX_FILE_BYTES,
    BriefFileError,
    BriefRecords,
    read_record_pairs,
    read_records_file,
)
from briefs.stream import Record, stream_records
from briefs.web.page_files import PAGE_SUFFIXES, read_page_file

BRIEF_SUFFIXES = (".json", ".txt")  # compared in lower case: 'A.JSON' is a brief file too


def brief_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the brief files found under folders named, in a stable order.

    A named file is yielded whatever its suffix (reading it says what is wrong); a folder
    yields its `.json` and `.txt` files at any depth, sorted by path. Folders reached
    through a symbolic link are not entered (a link to a file is read).
    """
    for path in paths:
        if path.is_dir():
            # Sorted as paths are (part by part), on their names: comparing Path objects
            # costs a thousand calls of Python for a thousand files.
            found = sorted(_found_under(os.fspath(path)), key=lambda name: name.split(os.sep))
            yield from map(Path, found)
        else:
            yield path


def _found_under(folder: str) -> Iterator[str]:
    """The brief files under `folder`; one scandir per folder, no stat per plain file."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # unreadable: as rglob, skipped
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _found_under(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in BRIEF_SUFFIXES and entry.is_file():
                yield entry.path
        except OSError:
            continue


def _checked(path: Path) -> os.stat_result | None:
    """What `path` is (None when it cannot be asked: reading it names the reason); a
    device such as /dev/zero, a socket or the like is refused unread (a pipe is read with
    the same cap as a file: it has no size to check first)."""
    try:
        found = path.stat()
    except OSError:
        return None
    mode = found.st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISDIR(mode)):
        raise BriefFileError(f"{path}: not a regular file; only files and pipes are read")
    return found


def draft_file(path: Path, *, date: str | None = None) -> Brief:
    """The brief drafted from one article: a saved web page (.html, .htm) read as a page,
    any other file as plain text. Raises BriefFileError (`path: reason`)."""
    if path.suffix.lower() in PAGE_SUFFIXES:
        return read_page_file(path, date=date)
    return read_article_file(path, date=date)


def read_file_records(path: Path, *, date: str | None = None) -> BriefRecords:
    """The briefs of one file — an article (.txt) drafted into a brief, else a brief file
    or an export — and the reader data an export carries. `date` dates an article that
    gives none. Raises BriefFileError (`path: reason`) on any problem."""
    _checked(path)
    if path.suffix.lower() in (".txt", *PAGE_SUFFIXES):
        return BriefRecords(briefs=[draft_file(path, date=date)])
    with _what_it_is(path):
        return read_records_file(path)


def _streamed(path: Path, size: int) -> Iterator[Record]:
    try:
        with path.open("rb") as handle:
            yield from stream_records(path, handle, size)
    except OSError as exc:
        raise BriefFileError(f"{path}: {exc.strerror or exc}") from exc


def _large(path: Path, found: os.stat_result | None) -> bool:
    return (
        found is not None
        and stat.S_ISREG(found.st_mode)
        and found.st_size > MAX_FILE_BYTES
        and path.suffix.lower() != ".txt"
    )


def file_records(path: Path, *, date: str | None = None) -> Iterator[Record]:
    """(brief, reader data or None) of one file, as `read_file_records` reads it, one at
    a time: a regular `.json` file over MAX_FILE_BYTES (the export of a large store) is
    read as a stream (briefs/stream.py), record by record. Raises BriefFileError, maybe
    after some records: the caller then drops every record of this file."""
    found = _checked(path)
    if _large(path, found):
        yield from _streamed(path, found.st_size)  # type: ignore[union-attr]
    else:
        yield from _read_now(path, found, date)


def _read_now(path: Path, found: os.stat_result | None, date: str | None) -> list[Record]:
    if path.suffix.lower() in (".txt", *PAGE_SUFFIXES):
        return [(draft_file(path, date=date), None)]
    with _what_it_is(path):
        return read_record_pairs(path, None if found is None else found.st_size)


@contextmanager
def _what_it_is(path: Path) -> Iterator[None]:
    """A file of another suffix that is no brief file either (a `.md` or `.docx` article,
    say) is told what `import` reads, beside what was wrong."""
    try:
        yield
    except BriefFileError as exc:
        if path.suffix.lower() == ".json":
            raise
        raise BriefFileError(
            f"{exc} — import reads brief files (.json), articles as plain text (.txt) "
            "and saved web pages (.html)"
        ) from exc


class _Failed:
    """The records of a file that could not be read: iterating them raises its error."""

    def __init__(self, error: BriefFileError) -> None:
        self.error = error

    def __iter__(self) -> Iterator[Record]:
        raise self.error


def stream_files(files: Iterable[Path], *, date: str | None = None) -> Iterator[FileRecords]:
    """One FileRecords per file of `files`. A file of ordinary size is read (an article
    drafted) as its FileRecords is made, so a caller that lists them before it imports
    does that slow part before it takes the store lock; an export over MAX_FILE_BYTES is
    read only as its records are taken, so memory stays near one record. Either way a
    file's failure is raised when its records are taken."""
    for path in files:
        try:
            found = _checked(path)
            if _large(path, found):
                records: Iterable[Record] = _streamed(path, found.st_size)  # type: ignore[union-attr]
            else:
                records = _read_now(path, found, date)
        except BriefFileError as exc:
            records = _Failed(exc)
        yield FileRecords(path, records)


@dataclass(frozen=True, slots=True)
class FileRecords:
    """One file and its records (see `stream_files`)."""

    path: Path
    records: Iterable[Record]


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
