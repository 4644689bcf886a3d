"""The tariff tracker's chart: measures per imposing party and the highest stated rate per
year, drawn as bars in eighths of a cell."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from briefs.folding import fold
from tui.derived import TariffRow
from tui.safe import safe_text


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the chart draws: measures per imposing party, highest stated rate per year."""

    by_party: tuple[tuple[str, int], ...] = ()
    by_year: tuple[tuple[int, float | None], ...] = ()


def chart_data(rows: Iterable[TariffRow]) -> ChartData:
    parties: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    years: dict[int, float | None] = {}
    for row in rows:
        key = fold(row.imposed_by)
        parties[key] += 1
        spelling.setdefault(key, row.imposed_by)
        # A tariff with no year of its own counts in the year of its brief.
        year = row.year
        if year is None and row.date[:4].isdigit():
            year = int(row.date[:4])
        if year is None:
            continue
        best = years.get(year)
        if row.rate_value is not None and (best is None or row.rate_value > best):
            years[year] = row.rate_value
        else:
            years.setdefault(year, best)
    return ChartData(
        by_party=tuple((spelling[k], n) for k, n in parties.most_common()),
        by_year=tuple(sorted(years.items(), reverse=True)),
    )


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar `width` cells at `top`, in eighths of a cell."""
    if top <= 0 or width <= 0:
        return ""
    eighths = round(max(value, 0) / top * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


class TariffChart(Widget):
    """Two small bar charts of what the filter selects, side by side where they fit."""

    COMPONENT_CLASSES = {"tariff-chart--bar", "tariff-chart--title", "tariff-chart--value"}

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.data = ChartData()

    def show(self, data: ChartData) -> None:
        self.data = data
        self.refresh()

    def _panel(
        self, title: str, items: Sequence[tuple[Text, float | None, str]], width: int, lines: int
    ) -> list[Text]:
        bar_style = self.get_component_rich_style("tariff-chart--bar")
        value_style = self.get_component_rich_style("tariff-chart--value")
        shown = items[:lines]
        out = [Text(title, style=self.get_component_rich_style("tariff-chart--title"), end="")]
        if len(items) > lines:
            out[0].append(f" (top {lines} of {len(items)})")
        label_w = min(max((len(label) for label, _, _ in shown), default=0), 14)
        value_w = max((len(v) for _, _, v in shown), default=0)
        bar_w = max(width - label_w - value_w - 2, 1)
        top = max((value or 0 for _, value, _ in shown), default=0)
        for label, value, value_label in shown:
            line = label.copy()
            line.truncate(label_w, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append(bar(value or 0, top, bar_w).ljust(bar_w), style=bar_style)
            line.append(" ")
            line.append(value_label.rjust(value_w), style=value_style)
            out.append(line)
        if not items:
            out.append(Text("nothing selected", style=value_style, end=""))
        return out

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        lines = max(height - 1, 1)
        parties = [
            (safe_text(name, single_line=True), float(n), f"{n:,}")
            for name, n in self.data.by_party
        ]
        years = [(Text(str(y), end=""), rate, _rate(rate)) for y, rate in self.data.by_year]
        if width < 60:  # one chart: the parties
            panels = [self._panel("Measures by imposer", parties, width, lines)]
            widths = [width]
        else:
            half = (width - 3) // 2
            panels = [
                self._panel("Measures by imposer", parties, half, lines),
                self._panel("Highest rate by year", years, width - 3 - half, lines),
            ]
            widths = [half, width - 3 - half]
        text = Text(end="", no_wrap=True, overflow="crop")
        for k in range(min(height, 1 + lines)):
            if k:
                text.append("\n")
            for p, (panel, panel_width) in enumerate(zip(panels, widths, strict=True)):
                line = panel[k].copy() if k < len(panel) else Text("")
                line.truncate(panel_width, overflow="ellipsis", pad=p < len(panels) - 1)
                if p:
                    text.append(" │ ", style="dim")
                text.append_text(line)
        return text
