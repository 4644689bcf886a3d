"""A brief as a readable Markdown document (for `briefing export --format markdown`)."""

from __future__ import annotations

from collections.abc import Sequence

from briefs.dates import format_day
from briefs.model import Brief, Note
from briefs.text import clean


def _cell(text: str | None) -> str:
    """Table cells: pipes escaped and line breaks folded, so a value cannot break the table."""
    return _line(text or "—").replace("|", "\\|")


def _line(text: str) -> str:
    return clean(text, single_line=True)


def brief_markdown(brief: Brief, notes: Sequence[Note] = (), *, starred: bool = False) -> str:
    lines = [f"# {_line(brief.title)}{' ★' if starred else ''}", ""]
    meta = [format_day(brief.date)]
    meta += [_line(x) for x in (brief.source, ", ".join(brief.authors), brief.dateline) if x]
    lines += [" · ".join(meta), ""]
    if brief.url:
        lines += [f"<{_line(brief.url)}>", ""]
    lines += ["## Summary", "", clean(brief.summary.strip()), ""]
    if brief.actors:
        lines += [
            "## Key actors",
            "",
            "| name | kind | role | affiliation |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {_cell(a.name)} | {a.kind} | {_cell(a.role)} | {_cell(a.affiliation)} |"
            for a in brief.actors
        ]
        lines.append("")
    if brief.tariffs:
        lines += [
            "## Tariffs",
            "",
            "| imposed by → on | products | rate | measure | status | year |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for t in brief.tariffs:
            parties = f"{_cell(t.imposed_by)} → {_cell(t.imposed_on or 'all')}"
            lines.append(
                f"| {parties} | {_cell(', '.join(t.products))} | {_cell(t.rate)} "
                f"| {t.measure} | {t.status} | {t.year or '—'} |"
            )
        lines.append("")
    if notes:
        lines += ["## Notes", ""]
        for note in notes:
            lines += [
                f"### {note.created[:16].replace('T', ' ')}",
                "",
                clean(note.text.strip()),
                "",
            ]
    return "\n".join(lines)
