"""The panes that show one brief: header, summary, key actors and tariffs."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from functools import lru_cache

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from briefs import Brief
from briefs.corrections import BriefCorrections
from briefs.dates import age, format_day
from briefs.text import clean
from tui.safe import safe_text
from tui.widgets.line_table import PADDING, Cell, LineTable
from tui.widgets.scroll_bars import LaidOutOnce, set_border_title
from tui.widgets.text_lines import TextLines


class BriefHeader(TextLines):
    """Title, then '31 Oct 2025 · 28 days ago · source · authors · dateline', then the URL
    and tags."""

    def show(self, brief: Brief | None, today: dt.date) -> None:
        if brief is None:
            super().show([("No brief selected", "dim")])
            return
        meta = [format_day(brief.date), age(brief.date, today)]
        if brief.source:
            meta.append(brief.source)
        if brief.authors:
            meta.append(", ".join(brief.authors))
        if brief.dateline:
            meta.append(brief.dateline)
        # Bold throughout, as the Static this was drew the lines after the title's.
        lines = [(_one_line(brief.title), "bold"), (_one_line(" · ".join(meta)), "bold dim")]
        extra = [brief.url] if brief.url else []
        extra += [f"#{tag}" for tag in brief.tags]
        if extra:
            lines.append((_one_line("  ".join(extra), limit=400), "bold italic"))
        super().show(lines)

    def show_unreadable(self, brief_id: str, reason: str) -> None:
        super().show(
            [
                (_one_line(f"This brief cannot be read ({brief_id})"), "bold"),
                (_one_line(reason), "bold"),
                (
                    "`briefing check --repair` fixes it; `briefing check` says what is wrong.",
                    "bold",
                ),
            ]
        )


REPAIR_HINT = "`briefing check --repair` fixes it; `briefing check` says what is wrong."


def _one_line(text: str, *, limit: int | None = None) -> str:
    return safe_text(text, single_line=True, limit=limit).plain


NO_MARKS = BriefCorrections()


def source_changes(marks: BriefCorrections, part: str) -> list[str]:
    """How the source moved since the reader edited `part` (a row, or "" for the top
    fields): "rate: the source now says “30%” (“25%” when you edited it)"."""
    out = []
    for path in sorted(marks.source_changed):
        inside = path.startswith(part + ".") if part else "." not in path
        if part and path == part:
            out.append("the source no longer has this row")
        elif inside:
            was, now = _quoted(marks.edited_from(path)), _quoted(marks.source_value(path))
            name = path.rsplit(".", 1)[-1].replace("_", " ")
            out.append(f"{name}: the source now says {now} ({was} when you edited it)")
    return out


def _quoted(value: object) -> str:
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = clean("" if value is None else str(value), single_line=True)
    return f"“{text[:60]}”" if text else "nothing"


class EvidenceLine(LaidOutOnce, Static):
    """Under the tables, for the highlighted row: the sentence a tariff was drafted from,
    and how the source changed since the reader edited the row."""

    _shown: tuple[str | None, tuple[str, ...]] = (None, ())

    def show(self, sentence: str | None, changes: list[str] | None = None) -> None:
        shown = (sentence, tuple(changes or ()))
        if shown == self._shown:
            return  # the same line: no redraw, no layout (every highlight asks)
        self._shown = shown
        self.display = bool(sentence or changes)
        line = Text(end="")
        if sentence:
            line.append("Evidence: ", style="bold")
            line.append_text(safe_text(sentence, "italic", single_line=True, limit=600))
        for change in changes or ():
            if line.plain:
                line.append("\n")
            line.append("! Source changed: ", style="bold")
            line.append_text(safe_text(change, single_line=True, limit=300))
        self.update(line)


class SummaryPane(TextLines):
    def show(self, brief: Brief | None, marks: BriefCorrections = NO_MARKS) -> None:
        super().show([(safe_text(brief.summary if brief else "").plain, "")])
        edited = [name for name in ("title", "summary", "tags") if name in marks.edited]
        changed = [name for name in edited if name in marks.source_changed]
        title = "Summary" + (f" · ✎ {', '.join(edited)} edited" if edited else "")
        if changed:  # the fields only when not every edited one changed at the source
            title += " · ! source changed" + (
                f": {', '.join(changed)}" if changed != edited else ""
            )
        set_border_title(self, title)


@lru_cache(maxsize=4096)  # roles, kinds, places, measures recur brief after brief
def wrapped(text: str | None, width: int, style: str = "", lines: int = 2) -> Cell:
    """A cell of at most `lines` lines of `width`, so a table fits its pane."""
    return wrap_clean(clean(text or "—", single_line=True), width, style, lines)


GLUE = "\u00a0"  # between words a cell keeps on one line ("China →"); drawn as a space


@lru_cache(maxsize=4096)
def wrap_clean(text: str, width: int, style: str = "", lines: int = 2) -> Cell:
    """`wrapped` for text already clean: one line, words apart by spaces or held by GLUE.
    A word longer than the column ends in … rather than going on at the next line."""
    parts = textwrap.wrap(text[: width * lines * 2], width, break_long_words=False) or ["—"]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    cut = (p if cell_len(p) <= width else p[: width - 1] + "…" for p in parts)
    return Cell(tuple(p.replace(GLUE, " ") for p in cut), style)


FLOOR = 6  # the narrowest a column of free text is made so that a fixed word stays whole


def fit_widths(
    columns: Sequence[Sequence[str]],
    shares: Sequence[int],
    room: int,
    *,
    whole: Sequence[int] = (),
) -> list[int]:
    """Widths for columns of texts, together at most `room` where it can be done. The
    columns in `whole` (fixed words: a measure, a status, a rate) get their longest word,
    the others FLOOR, and then the room left goes by `shares` to every column still short
    of its longest text. When even that is too wide, the free columns give way first, down
    to FLOOR, then the widest."""
    words = [
        max((cell_len(w) for t in texts for w in t.split(" ")), default=1) for texts in columns
    ]
    longest = [max((cell_len(t) for t in texts), default=1) for texts in columns]
    widths = [words[k] if k in whole else min(FLOOR, longest[k]) for k in range(len(columns))]
    while sum(widths) > room and max(widths) > 1:
        free = [k for k in range(len(widths)) if k not in whole and widths[k] > FLOOR]
        k = max(free or range(len(widths)), key=lambda k: widths[k])
        widths[k] -= 1
    return grow_widths(widths, longest, shares, room - sum(widths))


def grow_widths(
    widths: list[int], limits: Sequence[int], shares: Sequence[int], spare: int
) -> list[int]:
    """`spare` cells given to the columns still short of their limit, by their shares."""
    while spare > 0:
        wanting = [k for k, width in enumerate(widths) if width < limits[k]]
        if not wanting:
            break
        total = sum(shares[k] for k in wanting)
        grown = {k: min(limits[k] - widths[k], spare * shares[k] // total) for k in wanting}
        if not any(grown.values()):  # less room left than columns: the largest share first
            grown = {max(wanting, key=lambda k: shares[k]): 1}
        for k, more in grown.items():
            widths[k] += more
            spare -= more
    return widths


def row_edited(edited: frozenset[str], row: str) -> bool:
    """Whether the reader changed row `actors.N` or any of its fields (✎ marks it)."""
    return row in edited or any(path.startswith(row + ".") for path in edited)


def row_mark(marks: BriefCorrections, row: str) -> str:
    """ "✎ " for a row the reader edited, "✎! " when the source changed since."""
    if not row_edited(marks.edited, row):
        return ""
    return "✎! " if row_edited(marks.source_changed, row) else "✎ "


def table_title(name: str, table: str, count: int, marks: BriefCorrections) -> str:
    title = f"{name} ({count})"
    if any(path.startswith(table + ".") for path in marks.source_changed):
        title += " · ✎! source changed"
    removed = sum(path.startswith(table + ".") for path in marks.removed)
    if removed:
        title += f" · {removed} removed (+ brings back)"
    return title


class _BriefTable(LaidOutOnce, LineTable):
    # Each column's share of the width and the least it keeps: every column stays in view.
    COLUMNS: tuple[str, ...] = ()
    SHARES: tuple[int, ...] = ()
    LEAST: tuple[int, ...] = ()

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._shown: tuple[Brief | None, BriefCorrections] = (None, NO_MARKS)
        self._drawn_width = 0
        # The width the reader expects the table to get at the first layout (before it,
        # the table's own is 0), so the rows are made once at start, not again then.
        self.expected_width = 0

    @property
    def width_now(self) -> int:
        return self.size.width or self.expected_width

    def widths(self, brief: Brief | None, marks: BriefCorrections) -> list[int]:
        """The columns' widths for the table's width now (cell padding taken off)."""
        width = self.width_now
        inner = width - self.styles.gutter.width if width else 80
        total = inner - 2 * PADDING * len(self.SHARES) - 1
        room = max(total, sum(self.LEAST))
        whole = sum(self.SHARES)
        return [
            max(least, room * share // whole)
            for share, least in zip(self.SHARES, self.LEAST, strict=True)
        ]

    def show(self, brief: Brief | None, marks: BriefCorrections = NO_MARKS) -> None:
        self._shown = (brief, marks)
        self._drawn_width = self.width_now
        self.set_rows(self.COLUMNS, self.cells(brief, marks, self.widths(brief, marks)))
        set_border_title(self, self.title(brief, marks))

    def cells(
        self, brief: Brief | None, marks: BriefCorrections, widths: list[int]
    ) -> list[tuple[Cell, ...]]:
        raise NotImplementedError

    def title(self, brief: Brief | None, marks: BriefCorrections) -> str:
        raise NotImplementedError

    def on_resize(self) -> None:
        """Wrapped to the new width (the cursor stays on its row)."""
        if self.size.width != self._drawn_width:
            self.show(*self._shown)


class ActorsTable(_BriefTable):
    COLUMNS = ("Name", "Kind", "Role", "Affiliation")
    SHARES = (22, 12, 24, 16)
    LEAST = (10, 12, 10, 8)

    def widths(self, brief: Brief | None, marks: BriefCorrections) -> list[int]:
        """The shares' widths, but a column wider than all it holds gives what it does not
        need to those still short, by their shares: at 200 columns every role wrapped while
        the affiliations beside them left 50 cells blank."""
        widths = super().widths(brief, marks)
        rows = [
            (row_mark(marks, f"actors.{n}") + a.name, a.kind, a.role or "—", a.affiliation or "—")
            for n, a in enumerate(brief.actors if brief else (), start=1)
        ]
        longest = [
            max([cell_len(name), *(cell_len(clean(r[k], single_line=True)) for r in rows)])
            for k, name in enumerate(self.COLUMNS)
        ]
        need = [max(longest[k], least) for k, least in enumerate(self.LEAST)]
        spare = sum(max(0, w - n) for w, n in zip(widths, need, strict=True))
        widths = [min(w, n) for w, n in zip(widths, need, strict=True)]
        return grow_widths(widths, need, self.SHARES, spare)

    def cells(
        self, brief: Brief | None, marks: BriefCorrections, widths: list[int]
    ) -> list[tuple[Cell, ...]]:
        name, _, role, affiliation = widths
        return [
            (
                wrapped(row_mark(marks, f"actors.{n}") + actor.name, name, "bold"),
                Cell((clean(actor.kind, single_line=True),), "dim"),
                wrapped(actor.role, role),
                wrapped(actor.affiliation, affiliation),
            )
            for n, actor in enumerate(brief.actors if brief else (), start=1)
        ]

    def title(self, brief: Brief | None, marks: BriefCorrections) -> str:
        return table_title("Key actors", "actors", len(brief.actors) if brief else 0, marks)


class TariffsTable(_BriefTable):
    COLUMNS = ("By → on", "Products", "Rate", "Measure", "Status", "Year")
    SHARES = (14, 17, 8, 12, 10, 4)
    WHOLE = (0, 2, 3, 4, 5)  # all but the goods: their words ("Canada →", "threatened") stay whole

    def texts(self, brief: Brief | None, marks: BriefCorrections) -> list[tuple[str, ...]]:
        """Each row's cells unwrapped, as one clean line each."""
        rows = []
        for n, tariff in enumerate(brief.tariffs if brief else (), start=1):
            mark = row_mark(marks, f"tariffs.{n}")
            row = (
                f"{mark}{tariff.imposed_by}",
                ", ".join(tariff.products),
                tariff.rate or "—",
                _SHORT_MEASURES.get(tariff.measure, tariff.measure),
                tariff.status,
                str(tariff.year) if tariff.year else "—",
            )
            cleaned = [clean(text, single_line=True) or "—" for text in row]
            # The arrow stays with the imposer: "Canada →" / "China", never "→ China".
            target = clean(tariff.imposed_on or "all", single_line=True)
            cleaned[0] += f"{GLUE}→ {target}"
            rows.append(tuple(cleaned))
        return rows

    def widths(self, brief: Brief | None, marks: BriefCorrections) -> list[int]:
        room = (self.width_now or 80) - 2 * PADDING * len(self.COLUMNS)
        rows = self.texts(brief, marks)
        columns = [(name, *(row[k] for row in rows)) for k, name in enumerate(self.COLUMNS)]
        return fit_widths(columns, self.SHARES, room, whole=self.WHOLE)

    def cells(
        self, brief: Brief | None, marks: BriefCorrections, widths: list[int]
    ) -> list[tuple[Cell, ...]]:
        rows = self.texts(brief, marks)
        cells = self._wrap(rows, widths)
        # Columns wrapped at their words may leave room: the parties, then the goods, take it.
        room = (self.width_now or 80) - 2 * PADDING * len(self.COLUMNS)
        for k in (0, 1):
            used = [
                max([cell_len(name), *(cell_len(line) for row in cells for line in row[j].lines)])
                for j, name in enumerate(self.COLUMNS)
            ]
            if sum(used) < room:
                widths = [*used[:k], used[k] + room - sum(used), *used[k + 1 :]]
                cells = self._wrap(rows, widths)
        return cells

    @staticmethod
    def _wrap(rows: list[tuple[str, ...]], widths: list[int]) -> list[tuple[Cell, ...]]:
        by, products, rate, measure, status, year = widths
        return [
            (
                # Three lines, not two, for who acts on whom and on what: a narrow pane
                # cut "European Union → China" to "European / Union →…".
                wrap_clean(row[0], by, "bold", lines=3),
                wrap_clean(row[1], products, lines=3),
                wrap_clean(row[2], rate),
                wrap_clean(row[3], measure),
                wrap_clean(row[4], status, "italic"),
                wrap_clean(row[5], year),
            )
            for row in rows
        ]

    def title(self, brief: Brief | None, marks: BriefCorrections) -> str:
        return table_title("Tariffs", "tariffs", len(brief.tariffs) if brief else 0, marks)


# Measures as the narrow pane shows them, as the tariff tracker does: the kind of duty.
_SHORT_MEASURES = {
    "anti-dumping duty": "anti-dumping",
    "countervailing duty": "countervailing",
    "retaliatory tariff": "retaliatory",
}
