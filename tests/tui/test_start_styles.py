"""The reader is styled once at start: each widget as it mounts, not the whole screen again
at its first showing (Textual restyles a screen each time it is shown; the first time,
every widget had just been styled). Shown again with a restyle asked for (Textual asks
when a see-through screen over it closes, or screens are switched), it is restyled whole
as ever."""

from __future__ import annotations

from collections import Counter

import pytest
from textual import events
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from store import Store
from tests.tui.helpers import new_app, settle
from tui.screens.reader import ReaderScreen


async def test_each_widget_is_styled_once_as_the_reader_starts(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    styled: Counter[int] = Counter()
    real = Stylesheet.apply

    def counted(self: Stylesheet, node: DOMNode, **kwargs: object) -> None:
        styled[id(node)] += 1
        real(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counted)
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        nodes = list(app.reader.walk_children(with_self=True))
        # The focused list and its column are styled again for the focus (:focus,
        # :focus-within), the screen for its layout class: no other widget twice.
        twice = [n for n in nodes if styled[id(n)] > 1 and n.id not in ("brief-list",)]
        assert len(twice) <= 3, [(n.id or type(n).__name__, styled[id(n)]) for n in twice]


async def test_shown_again_the_reader_is_restyled(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[str] = []
    real = ReaderScreen.update_node_styles

    def counted(self: ReaderScreen, animate: bool = True) -> None:
        restyled.append("reader")
        real(self, animate)

    monkeypatch.setattr(ReaderScreen, "update_node_styles", counted)
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert restyled == []
        app.reader.post_message(events.ScreenResume())
        await settle(pilot)
        assert restyled == ["reader"]
