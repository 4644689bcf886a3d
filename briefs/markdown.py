"""A brief as a readable Markdown document (for `briefing export --format markdown`).

Every field is text, never markup: whatever a brief or a note holds, the document has
exactly the headings, tables and rules written here, and a renderer shows each field as
the characters it is. The escaping functions are the ones any Markdown export builds on
(an Obsidian vault passes `also=OBSIDIAN` for the syntax Obsidian adds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefs.dates import format_day
from briefs.model import Actor, Brief, Note, Tariff
from briefs.text import clean

# What Markdown reads anywhere in a line: escapes, code, emphasis, links and images,
# strikethrough; `<`, `>` and `&` start HTML, autolinks and entities, so they become
# entities themselves.
_INLINE = "\\`*_[]~<>&"
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# What Obsidian reads besides: tags, comments (which hide text), highlights, math, block ids.
OBSIDIAN = "#%=$^"
# What opens a block at the start of a line (the rest is escaped anywhere): headings,
# list items, setext underlines and rules, table rows and delimiter rows, ordered lists.
_LINE_START = re.compile(r"^([#+\-=:|])|^(\d{1,9})([.)])", re.M)
# Leading white space makes an indented code block (or continues a list): dropped, as a
# renderer would drop it from a paragraph anyway.
_INDENT = re.compile(r"^[ \t]+", re.M)
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`\\]+", re.I)


def _escaper(also: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(_INLINE + also) + "]")


_PLAIN = _escaper("")


def _escape(text: str, also: str) -> str:
    pattern = _escaper(also) if also else _PLAIN
    return pattern.sub(lambda m: _ENTITIES.get(m.group()) or "\\" + m.group(), text)


def _line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def escape_inline(text: str | None, *, also: str = "") -> str:
    """One line of text (white space folded) that renders as exactly its characters,
    wherever it is put: even at the start of a line it opens no block."""
    return _LINE_START.sub(_line_start, _escape(clean(text or "", single_line=True), also))


def escape_block(text: str | None, *, also: str = "") -> str:
    """Lines of text for a paragraph: no line can open a heading, rule, list, quote, code
    block, table or HTML block, so nothing in it can end its section or fake another."""
    escaped = _escape(_INDENT.sub("", clean((text or "").strip())), also)
    return _LINE_START.sub(_line_start, escaped)


def escape_cell(text: str | None, *, also: str = "") -> str:
    """A table cell: inline text with pipes escaped, so a value cannot break the table."""
    return escape_inline(text or "—", also=also).replace("|", "\\|")


def link(url: str | None) -> str:
    """A web address as an autolink; anything else (`javascript:`, `data:`, an address
    holding `<`) as plain text, so no export links to a script."""
    shown = clean(url or "", single_line=True)
    if _WEB_ADDRESS.fullmatch(shown):
        return f"<{shown}>"
    return escape_inline(shown)


def brief_markdown(brief: Brief, notes: Sequence[Note] = (), *, starred: bool = False) -> str:
    lines = [f"# {escape_inline(brief.title, also='#')}{' ★' if starred else ''}", ""]
    meta = [format_day(brief.date)]
    meta += [
        escape_inline(x) for x in (brief.source, ", ".join(brief.authors), brief.dateline) if x
    ]
    lines += [" · ".join(meta), ""]
    if brief.url:
        lines += [link(brief.url), ""]
    lines += ["## Summary", "", escape_block(brief.summary), ""]
    if brief.actors:
        lines += ["## Key actors", "", *actors_table(brief.actors), ""]
    if brief.tariffs:
        lines += ["## Tariffs", "", *tariffs_table(brief.tariffs), ""]
    if notes:
        lines += ["## Notes", ""]
        for note in notes:
            when = note.created[:16].replace("T", " ")
            lines += [f"### {escape_inline(when, also='#')}", "", escape_block(note.text), ""]
    return "\n".join(lines)


def web_address(url: str | None) -> str | None:
    """`url` when it is a web address a link may point to (http or https, nothing that
    could end an autolink or a quoted value), else None."""
    shown = clean(url or "", single_line=True)
    return shown if _WEB_ADDRESS.fullmatch(shown) else None


def actors_table(actors: Sequence[Actor], *, also: str = "") -> list[str]:
    """The key actors as the lines of a table, every cell escaped (`also` as for
    escape_inline)."""
    lines = ["| name | kind | role | affiliation |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {escape_cell(a.name, also=also)} | {escape_cell(a.kind, also=also)} "
        f"| {escape_cell(a.role, also=also)} | {escape_cell(a.affiliation, also=also)} |"
        for a in actors
    ]
    return lines


def tariffs_table(tariffs: Sequence[Tariff], *, also: str = "") -> list[str]:
    """The tariffs as the lines of a table, every cell escaped."""
    lines = [
        "| imposed by → on | products | rate | measure | status | year |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for t in tariffs:
        by, on = escape_cell(t.imposed_by, also=also), escape_cell(t.imposed_on or "all", also=also)
        lines.append(
            f"| {by} → {on} | {escape_cell(', '.join(t.products), also=also)} "
            f"| {escape_cell(t.rate, also=also)} | {escape_cell(t.measure, also=also)} "
            f"| {escape_cell(t.status, also=also)} | {t.year or '—'} |"
        )
    return lines
