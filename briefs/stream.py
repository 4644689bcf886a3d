"""A brief file too large to parse at once, read one record at a time.

An export of a whole store (880 MB at 100,000 briefs) is a JSON array. Parsing it in one
go would hold the text and every object at once; here the array is decoded item by item
from a window of the file, so memory stays near the largest single record, which is held
to the per-file cap (MAX_FILE_BYTES): one brief never needs more than a small file may
hold. Work stays linear in the file's size: the window only grows (doubling) while one
record does not fit, and what a record left behind is dropped.
"""

from __future__ import annotations

import codecs
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from briefs.model import Brief, ReaderData
from briefs.reading import MAX_FILE_BYTES, BriefError, BriefFileError, record_of

CHUNK = 4 * 2**20  # bytes read at a time
_WHITESPACE = re.compile(r"[ \t\n\r]*")  # JSON's white space
_DECODER = json.JSONDecoder()
MAX_PROBLEMS = 20  # of a damaged file, named before "… and more"
_CAP = MAX_FILE_BYTES // 2**20

Record = tuple[Brief, ReaderData | None]


class _Window:
    """Decoded text of a file, read on demand; `text[pos:]` is what is not yet used."""

    def __init__(self, handle: BinaryIO, path: Path, size: int) -> None:
        self.handle, self.path, self.left = handle, path, size
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text, self.pos, self.used = "", 0, 0  # `used`: characters before `text`
        self.eof = False

    def more(self, at_least: int = 0) -> bool:
        """Read at least CHUNK, or `at_least`, more bytes (fewer at the end); False at
        the end."""
        if self.eof:
            return False
        want = min(max(at_least, CHUNK), self.left)
        raw = self.handle.read(want) if want else b""
        self.left -= len(raw)
        if not raw or not self.left:
            self.eof = True
        if b"\x00" in raw:
            raise BriefFileError(f"{self.path}: the file is binary, not text")
        try:
            decoded = self.decoder.decode(raw, final=self.eof)
        except UnicodeDecodeError as exc:
            where = f"in bytes {self.handle.tell() - len(raw):,}–{self.handle.tell():,}"
            raise BriefFileError(f"{self.path}: not UTF-8 text (a bad byte {where})") from exc
        self.used += self.pos
        self.text = self.text[self.pos :] + decoded
        self.pos = 0
        return True

    def skip_space(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            # A pattern, not a loop in Python: a file of nothing but spaces is read fast.
            pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            self.pos = pos
            if pos < len(self.text):
                return self.text[pos]
            if not self.more():
                return ""

    def value(self, index: int) -> object:
        """The JSON value that starts here. A value is taken only once something follows
        it (or the file ends), so a number or an object cut by the window is never read
        short; one that does not fit in the cap is refused."""
        while True:
            failed: json.JSONDecodeError | None = None
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                failed, end = exc, -1
            except RecursionError as exc:
                raise BriefFileError(f"{self.path}: [{index}]: nested too deeply") from exc
            if end != -1 and (end < len(self.text) or self.eof):
                self.pos = end
                return value
            pending = len(self.text) - self.pos
            if failed is not None and (self.eof or pending > MAX_FILE_BYTES):
                where = f"at character {self.used + failed.pos:,}"
                if self.eof:
                    raise BriefFileError(f"{self.path}: not JSON ({failed.msg} {where})")
                raise BriefFileError(
                    f"{self.path}: [{index}]: not JSON within {_CAP} MiB ({failed.msg} "
                    f"{where}); one brief is at most {_CAP} MiB"
                )
            self.more(pending)


def stream_records(path: Path, handle: BinaryIO, size: int) -> Iterator[Record]:
    """The records of the JSON array in `handle` (at most `size` bytes are read), one at
    a time. Raises BriefFileError at once if the file is not a JSON array, and once the
    array is read if any record was bad (every problem named, up to MAX_PROBLEMS):
    records after the first bad one are checked, not yielded. Either way the caller must
    drop what it took of this file, as a file is taken whole or not at all."""
    window = _Window(handle, path, size)
    first = window.skip_space()
    if first != "[":
        raise BriefFileError(
            f"{path}: the file is empty"
            if first == ""
            else f"{path}: larger than {_CAP} MiB, so it must be a JSON array of briefs "
            "(as `briefing export` writes)"
        )
    window.pos += 1
    if window.skip_space() == "]":
        raise BriefFileError(f"{path}: the array holds no briefs")
    problems: list[str] = []
    for index in itertools.count():
        if window.skip_space() == "":
            raise BriefFileError(f"{path}: not JSON (the array is not closed: cut short?)")
        item = window.value(index)
        try:
            record = record_of(item, index)
        except BriefError as exc:
            problems.extend(exc.problems)
        else:
            if not problems:
                yield record
        follows = window.skip_space()
        window.pos += 1
        if follows == "]":
            break
        if follows != ",":
            found = "the end of the file" if follows == "" else repr(follows)
            raise BriefFileError(
                f"{path}: not JSON (',' or ']' expected after item [{index}], found {found})"
            )
    if window.skip_space() != "":
        raise BriefFileError(f"{path}: not JSON (text after the array's end)")
    if problems:
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(f"… and {len(problems) - MAX_PROBLEMS:,} more problems")
        raise BriefFileError("\n".join(f"{path}: {p}" for p in shown))
