"""Reading one brief: the article in place of the summary, its URL, the evidence behind a
tariff, and enter on a row to follow it. A mixin of ReaderScreen, one job per file."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from briefs.corrections import BriefCorrections
from briefs.model import Brief, Tariff
from store import StoreError
from tui.widgets.brief_panes import source_changes
from tui.widgets.line_table import LineTable

if TYPE_CHECKING:
    from textual.app import App

    from tui.catalog import Catalog
    from tui.widgets.article_view import ArticleView
    from tui.widgets.brief_list import BriefList
    from tui.widgets.brief_panes import EvidenceLine


def tariff_query(tariff: Tariff) -> str:
    """The tracker query that selects this measure: its parties and kind."""
    parts = [f'by:"{_unquoted(tariff.imposed_by)}"']
    parts.append(f'on:"{_unquoted(tariff.imposed_on)}"' if tariff.imposed_on else "on:all")
    parts.append(f'measure:"{tariff.measure}"')
    return " ".join(parts)


def _unquoted(text: str) -> str:
    # The query language has no escape inside quotes; the words around a quote still match.
    return " ".join(text.replace('"', " ").split())


class BriefReading:
    """What ReaderScreen does to read a brief beyond its panes. It provides these."""

    brief: Brief | None
    marks: BriefCorrections
    article_shown: bool
    # The brief n or p shows next, read after this one was painted: (id, its catalog row
    # then, the brief). Used only while the catalog still has that row object.
    _ahead: tuple[str, object, Brief | None] | None = None

    if TYPE_CHECKING:
        app: App[None]
        catalog: Catalog
        brief_list: BriefList

        def notify(self, message: str, *, severity: str = ..., timeout: float = ...) -> None: ...
        def query_one(self, selector: str, expect_type: type | None = None) -> object: ...
        def apply_query(self, query: str) -> None: ...
        def open_tracker(self, query: str) -> None: ...
        def set_focus(self, widget: object) -> None: ...

    @cached_property
    def article(self) -> ArticleView:
        return self.query_one("#article")  # type: ignore[return-value]

    @cached_property
    def evidence_line(self) -> EvidenceLine:
        return self.query_one("#evidence")  # type: ignore[return-value]

    def read_brief(self, brief_id: str) -> Brief | None:
        """The brief to show: the one read ahead when it is still current, else the store's."""
        ahead, self._ahead = self._ahead, None
        if (
            ahead is not None
            and ahead[0] == brief_id
            and self.catalog.rows.get(brief_id) is ahead[1]
        ):
            return ahead[2]
        return self.catalog.store.brief(brief_id)

    def read_ahead(self, step: int) -> None:
        """Read the brief `step` rows from the highlighted one, which n or p shows next,
        once this one is painted: the store reads it from disk (at 100,000 briefs its
        bytes are seldom in the page cache, 2-5 ms a brief), off the key's path."""
        brief_list = self.brief_list
        index = brief_list.highlighted
        target = -1 if index is None else index + step
        if not 0 <= target < brief_list.option_count:
            return
        brief_id = brief_list.get_option_at_index(target).id
        row = self.catalog.rows.get(brief_id)
        if row is None or (self._ahead is not None and self._ahead[0] == brief_id):
            return
        try:
            brief = self.catalog.store.brief(brief_id)
        except StoreError:
            return  # read again, and the error shown, if the reader goes there
        self._ahead = (brief_id, row, brief)

    def forget_ahead(self) -> None:
        """The store changed: what was read ahead may be out of date."""
        self._ahead = None

    def show_reading(self, brief: Brief | None) -> None:
        """A new brief: the article view and the evidence line follow it."""
        evidence = [t.evidence for t in brief.tariffs if t.evidence] if brief else []
        self.article.show(brief.body if brief else None, evidence)
        self.evidence_line.show(None)

    def action_toggle_article(self) -> None:
        """b: the article in place of the summary and tables, and back."""
        self.article_shown = not self.article_shown
        self.query_one("#detail").display = not self.article_shown  # type: ignore[attr-defined]
        self.article.display = self.article_shown
        self.query_one("#detail-column").set_class(self.article_shown, "-article")  # type: ignore[attr-defined]
        self.set_focus(self.article if self.article_shown else self.query_one("#detail"))

    def _url(self) -> str | None:
        url = self.brief.url if self.brief else None
        if not url:
            self.notify("This brief has no URL.", severity="warning")
        return url

    def action_open_url(self) -> None:
        if url := self._url():
            self.app.open_url(url)

    def action_copy_url(self) -> None:
        if url := self._url():
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {url}", timeout=3)

    def on_line_table_row_highlighted(self, event: LineTable.RowHighlighted) -> None:
        """The row's evidence (a tariff's) and how its source changed, under the tables."""
        table, brief, row = event.table.id, self.brief, event.cursor_row
        if table not in ("actors", "tariffs") or brief is None:
            return
        changes = source_changes(self.marks, f"{table}.{row + 1}")
        tariff = brief.tariffs[row] if table == "tariffs" and row < len(brief.tariffs) else None
        sentence = tariff.evidence if tariff else None
        self.evidence_line.show(sentence, changes)
        if event.table.has_focus:  # the row and, where it fits, the line about it
            self.call_after_refresh(event.table.reveal_cursor, down_to=self.evidence_line)
        if table == "tariffs":
            self.article.mark(sentence)

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        """Enter on an actor: their briefs; on a tariff: the tracker on that measure."""
        from briefs.actor_index import actor_query

        brief, row = self.brief, event.cursor_row
        if brief is None:
            return
        if event.table.id == "actors" and 0 <= row < len(brief.actors):
            self.apply_query(actor_query(brief.actors[row].name))
        elif event.table.id == "tariffs" and 0 <= row < len(brief.tariffs):
            self.open_tracker(tariff_query(brief.tariffs[row]))
