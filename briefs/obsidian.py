"""A brief as an Obsidian note (for `briefing export --format obsidian`): flat YAML front
matter, then the brief as Markdown.

The front matter is written here, not by a YAML library, so that its shape is fixed: every
string is double-quoted with YAML's escapes, one key a line, lists in block style, so no
value can open a key, a list, a document or a comment. The Markdown builds on
briefs/markdown.py with Obsidian's syntax escaped too (wikilinks, tags, comments,
highlights, math, block ids): a note's text stays text in a vault.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from briefs.dates import format_day
from briefs.markdown import (
    OBSIDIAN,
    actors_table,
    escape_block,
    escape_inline,
    tariffs_table,
    web_address,
)
from briefs.model import Brief, Note
from briefs.text import clean

FRONT_MATTER_KEYS = ("id", "title", "date", "source", "url", "tags", "actors", "starred", "read")

# Candidates for an escape: anything but printable ASCII other than `"` and `\`. The
# replacement keeps those YAML may hold as themselves and a reader sees as themselves.
_NOT_PLAIN = re.compile(r"[^\x20\x21\x23-\x5b\x5d-\x7e]")
_SHORT = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": "\\0"}
# Controls, format characters (bidi marks, zero-width), surrogates, unassigned and
# non-characters, the line and paragraph separators (YAML 1.1 breaks lines at them).
_ESCAPED_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Cn", "Zl", "Zp"))

# What a link target may not hold: Obsidian's link syntax ([ ] | # ^), path separators
# and the characters a file name cannot have on some systems.
_NOT_IN_LINK = re.compile(r'[\[\]|#^\\/:*"<>?]+')
# A tag is letters, digits, `_`, `-` and `/` (nesting); anything else becomes `-`.
_NOT_IN_TAG = re.compile(r"[^\w/-]+")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    if unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02X}"
    if code < 0x10000:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar on one line that parses back to exactly it."""
    return '"' + _NOT_PLAIN.sub(_escape_char, text) + '"'


def _scalar(value: str | None) -> str:
    return "null" if value is None else yaml_string(value)


def _list(key: str, values: Sequence[str]) -> list[str]:
    if not values:
        return [f"{key}: []"]
    return [f"{key}:", *(f"  - {yaml_string(v)}" for v in values)]


def wikilink(name: str) -> str | None:
    """`[[name]]` with what Obsidian would read as link syntax or a path taken out (None
    when nothing is left), so an actor's name links to a note of that name."""
    target = " ".join(_NOT_IN_LINK.sub(" ", clean(name, single_line=True)).split())
    target = target.lstrip(".").strip()
    return f"[[{target}]]" if target else None


def tag(text: str) -> str | None:
    """A tag as Obsidian takes it in a property: no spaces or punctuation but `-`, `_`
    and `/` (so 'trade policy' becomes 'trade-policy')."""
    shown = _NOT_IN_TAG.sub("-", clean(text, single_line=True))
    shown = re.sub(r"-*/[-/]*", "/", shown).strip("-/")
    return shown or None


def _unique(values: Sequence[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def front_matter(brief: Brief, *, starred: bool, read: bool) -> list[str]:
    """The front matter's lines, between the two `---` lines."""
    return [
        "---",
        f"id: {yaml_string(brief.id)}",
        f"title: {yaml_string(brief.title)}",
        f"date: {yaml_string(brief.date)}",
        f"source: {_scalar(brief.source)}",
        f"url: {_scalar(web_address(brief.url))}",
        *_list("tags", _unique([tag(t) for t in brief.tags])),
        *_list("actors", _unique([wikilink(a.name) for a in brief.actors])),
        f"starred: {'true' if starred else 'false'}",
        f"read: {'true' if read else 'false'}",
        "---",
    ]


def obsidian_note(brief: Brief, notes: Sequence[Note] = (), *, starred: bool, read: bool) -> str:
    """The whole note: front matter, title, summary, actors, tariffs, notes, article."""

    def inline(text: str | None) -> str:
        return escape_inline(text, also=OBSIDIAN)

    def block(text: str | None) -> str:
        return escape_block(text, also=OBSIDIAN)

    lines = [*front_matter(brief, starred=starred, read=read), "", f"# {inline(brief.title)}", ""]
    meta = [format_day(brief.date)]
    meta += [inline(x) for x in (brief.source, ", ".join(brief.authors), brief.dateline) if x]
    lines += [" · ".join(meta), ""]
    if brief.url:  # a web address links; anything else (javascript:) is only shown
        address = web_address(brief.url)
        lines += [f"<{address}>" if address else inline(brief.url), ""]
    lines += ["## Summary", "", block(brief.summary), ""]
    if brief.actors:
        lines += ["## Key actors", "", *actors_table(brief.actors, also=OBSIDIAN), ""]
    if brief.tariffs:
        lines += ["## Tariffs", "", *tariffs_table(brief.tariffs, also=OBSIDIAN), ""]
    if notes:
        lines += ["## Notes", ""]
        for note in notes:
            when = note.created[:16].replace("T", " ")
            lines += [f"### {inline(when)}", "", block(note.text), ""]
    if brief.body:
        lines += ["## Article", "", block(brief.body), ""]
    return "\n".join(lines)
