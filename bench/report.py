"""Figures, targets, the printed table and the JSON file."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass
class Figure:
    """One row: a median and range over runs, with an optional target (`op` is <= or >=)."""

    name: str
    label: str
    unit: str
    samples: list[float]
    target: float | None = None
    op: str = "<="
    note: str = ""
    available: bool = True
    median: float | None = None
    min: float | None = None
    max: float | None = None
    met: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.samples and self.median is None:
            self.median = statistics.median(self.samples)
        if self.samples:
            self.min, self.max = min(self.samples), max(self.samples)
        if self.target is not None and self.median is not None:
            self.met = self.median <= self.target if self.op == "<=" else self.median >= self.target


def unavailable(name: str, label: str, unit: str, target: float, op: str, why: str) -> Figure:
    return Figure(name, label, unit, [], target, op, note=why, available=False)


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("×",):
        return f"{value:.2f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def print_table(
    figures: list[Figure], meta: dict[str, Any], previous: dict[str, Any] | None = None
) -> None:
    console = Console(width=max(Console().width, 120))
    title = (
        f"briefing benchmark — {meta['briefs']:,} briefs, {meta['runs']} runs after "
        f"{meta['warmup']} warm-up, seed {meta['seed']}"
    )
    table = Table(title=title, title_justify="left")
    table.add_column("figure")
    table.add_column("median", justify="right")
    table.add_column("min–max", justify="right")
    table.add_column("target", justify="right")
    table.add_column("met")
    old = {f["name"]: f for f in previous.get("figures", [])} if previous else {}
    if previous:
        table.add_column("previous", justify="right")
    for fig in figures:
        unit = f" {fig.unit}" if fig.unit != "×" else "×"
        median = _num(fig.median, fig.unit) + unit if fig.available else "not available"
        spread = f"{_num(fig.min, fig.unit)}–{_num(fig.max, fig.unit)}" if fig.samples else ""
        target = f"{fig.op} {_num(fig.target, fig.unit)}{unit}" if fig.target is not None else ""
        if fig.met is None:
            met = "" if fig.target is None else "n/a"
        else:
            met = "[green]yes[/]" if fig.met else "[bold red]no[/]"
        label = fig.label + (f" [dim]({fig.note})[/]" if fig.note else "")
        row = [label, median, spread, target, met]
        if previous:
            before = old.get(fig.name, {}).get("median")
            row.append(_num(before, fig.unit) if before is not None else "")
        table.add_row(*row)
    console.print(table)
    missed = [f.label for f in figures if f.met is False]
    console.print(
        f"[bold red]missed:[/] {', '.join(missed)}" if missed else "[green]every target met[/]"
    )


def to_json(figures: list[Figure], meta: dict[str, Any]) -> dict[str, Any]:
    return {"format": 1, "meta": meta, "figures": [asdict(f) for f in figures]}
