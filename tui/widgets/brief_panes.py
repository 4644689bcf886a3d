"""The panes that show one brief: header, summary, key actors and tariffs."""

from __future__ import annotations

import datetime as dt
import textwrap

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Static

from briefs import Brief
from briefs.dates import age, format_day
from briefs.text import clean
from tui.safe import safe_text


class BriefHeader(Static):
    """Title, then '31 Oct 2025 · 28 days ago · source · authors · dateline'."""

    def show(self, brief: Brief | None, today: dt.date) -> None:
        if brief is None:
            self.update(Text("No brief selected", style="dim"))
            return
        text = safe_text(brief.title, "bold", single_line=True)
        meta = [format_day(brief.date), age(brief.date, today)]
        if brief.source:
            meta.append(brief.source)
        if brief.authors:
            meta.append(", ".join(brief.authors))
        if brief.dateline:
            meta.append(brief.dateline)
        text.append("\n")
        text.append_text(safe_text(" · ".join(meta), "dim", single_line=True))
        extra = [brief.url] if brief.url else []
        extra += [f"#{tag}" for tag in brief.tags]
        if extra:
            text.append("\n")
            text.append_text(safe_text("  ".join(extra), "italic", single_line=True, limit=400))
        self.update(text)

    def show_unreadable(self, brief_id: str, reason: str) -> None:
        text = safe_text(f"This brief cannot be read ({brief_id})", "bold", single_line=True)
        text.append("\n")
        text.append_text(safe_text(reason, single_line=True))
        text.append(
            "\nRun `briefing check` to see what is wrong, `briefing check --repair` to fix it."
        )
        self.update(text)


class EvidenceLine(Static):
    """The sentence the highlighted tariff was drafted from, under the tables."""

    def show(self, sentence: str | None) -> None:
        self.display = bool(sentence)
        if sentence:
            line = Text("Evidence: ", style="bold", end="")
            line.append_text(safe_text(sentence, "italic", single_line=True, limit=600))
            self.update(line)


class SummaryPane(Static):
    def show(self, brief: Brief | None, edited: frozenset[str] = frozenset()) -> None:
        self.update(safe_text(brief.summary if brief else ""))
        marks = [name for name in ("title", "summary", "tags") if name in edited]
        self.border_title = "Summary" + (f" · ✎ {', '.join(marks)} edited" if marks else "")


def wrapped(text: str | None, width: int, style: str = "", lines: int = 2) -> Text:
    """A cell of at most `lines` lines of `width`, so a table fits an 80-column pane."""
    folded = clean(text or "—", single_line=True)[: width * lines * 2]
    parts = textwrap.wrap(folded, width) or ["—"]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return Text("\n".join(parts), style=style, end="")


def row_edited(edited: frozenset[str], row: str) -> bool:
    """Whether the reader changed row `actors.N` or any of its fields (✎ marks it)."""
    return row in edited or any(path.startswith(row + ".") for path in edited)


class _BriefTable(DataTable[Text]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)


class ActorsTable(_BriefTable):
    def on_mount(self) -> None:
        self.add_columns("Name", "Kind", "Role", "Affiliation")

    def show(self, brief: Brief | None, edited: frozenset[str] = frozenset()) -> None:
        self.clear()
        for n, actor in enumerate(brief.actors if brief else (), start=1):
            mark = "✎ " if row_edited(edited, f"actors.{n}") else ""
            cells = (
                wrapped(mark + actor.name, 22, "bold"),
                Text(actor.kind, style="dim"),
                wrapped(actor.role, 24),
                wrapped(actor.affiliation, 16),
            )
            self.add_row(*cells, height=max(len(c.plain.splitlines()) for c in cells))
        self.border_title = f"Key actors ({len(brief.actors) if brief else 0})"


class TariffsTable(_BriefTable):
    def on_mount(self) -> None:
        self.add_columns("By → on", "Products", "Rate", "Measure", "Status", "Year")

    def show(self, brief: Brief | None, edited: frozenset[str] = frozenset()) -> None:
        self.clear()
        for n, tariff in enumerate(brief.tariffs if brief else (), start=1):
            mark = "✎ " if row_edited(edited, f"tariffs.{n}") else ""
            parties = f"{mark}{tariff.imposed_by} → {tariff.imposed_on or 'all'}"
            cells = (
                wrapped(parties, 14, "bold"),
                wrapped(", ".join(tariff.products), 17),
                wrapped(tariff.rate, 8),
                wrapped(tariff.measure, 12),
                wrapped(tariff.status, 10, "italic"),
                Text(str(tariff.year) if tariff.year else "—"),
            )
            self.add_row(*cells, height=max(len(c.plain.splitlines()) for c in cells))
        self.border_title = f"Tariffs ({len(brief.tariffs) if brief else 0})"
