"""Hostile text, one kind at a time, in every place a brief's text appears.

Each kind goes into the title, summary, an actor, a product and a note; the reader must
show it inertly (no markup acted on, no control sequence passed on, no crash) in the
list, the header, the summary, both tables and the notes, and both exports must keep it
inert too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs import Actor, Brief, Tariff
from briefs.model import MAX_TEXT
from store import Store
from tests.tui.helpers import new_app, screen_text
from tui.cli import main

HOSTILE_ID = "2025-11-27-hostile-kind"

# kind → (the text put in the data, what the screen must show for it)
KINDS: dict[str, tuple[str, str]] = {
    "markup": (
        "[bold]x[/] [@click=app.quit]q[/] [link=file:///etc/passwd]x[/link]",
        "[bold]x[/] [@click=app.quit]q[/]",
    ),
    "unclosed-markup": ("before [/ after", "before [/ after"),
    "csi": ("clear\x1b[2Jscreen", "clear␛[2Jscreen"),
    "osc52": ("copy\x1b]52;c;aGk=\x07me", "copy␛]52;c;aGk=␇me"),
    "c1": ("c1\x9b31mred", "c1<U+009B>31mred"),
    "bidi": ("abc\u202edcba", "abc<U+202E>dcba"),
    "zero-width": ("zero\u200bwidth\u200dok\u2060\ufeff", "zero<U+200B>width"),
    "bidi-marks": ("left\u200eright\u200f\u061cmarks", "left<U+200E>right"),
    "line-separator": ("one\u2028two\u2029three", "one"),
    # As long as a title or a name may be (briefs.model.MAX_TEXT); the store refuses longer.
    "long-line": ("x" * (MAX_TEXT - 2), "xxxxxxxxxx"),
    "cjk-emoji": ("加拿大 关税 🇨🇦🚗", "加拿大"),
}
FORBIDDEN = ("\x1b", "\x9b", "\x07", "\u202e", "\u200b", "\u200d", "\u200e", "\u2028", "\u2029")


def hostile(text: str, body: str | None = None) -> Brief:
    return Brief(
        id=HOSTILE_ID,
        title=f"T {text}",
        date="2025-11-27",
        summary=f"S {text}",
        actors=(Actor(name=f"A {text}", kind="person", role=text, affiliation="Canada"),),
        tariffs=(Tariff(imposed_by="Canada", imposed_on="China", products=(f"P {text}",)),),
        body=body,
    )


@pytest.mark.parametrize("kind", list(KINDS))
async def test_reader_shows_each_kind_inertly(store: Store, kind: str) -> None:
    text, shown = KINDS[kind]
    store.import_briefs([hostile(text)])
    store.add_note(HOSTILE_ID, f"N {text}")
    async with new_app(store).run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = screen_text(pilot.app)
        assert pilot.app.is_running
        for place in ("T ", "S ", "N "):
            expected = shown if kind == "long-line" else f"{place}{shown}"[:12]
            assert expected in screen, (kind, place)
        # Table cells wrap at spaces and are cut to fit, so look for the text itself.
        assert screen.count(shown[:8]) >= 5, kind
        assert not any(c in screen for c in FORBIDDEN)


@pytest.mark.parametrize("kind", list(KINDS))
def test_exports_keep_each_kind_inert(
    store_dir: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text, _ = KINDS[kind]
    store = Store(store_dir)
    store.import_briefs([hostile(text)])
    store.add_note(HOSTILE_ID, f"N {text}")
    for fmt in ("json", "markdown"):
        assert main(["export", "--store", str(store_dir), "--format", fmt, HOSTILE_ID]) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in FORBIDDEN), (kind, fmt)
    assert main(["list", "--store", str(store_dir)]) == 0
    assert not any(c in capsys.readouterr().out for c in FORBIDDEN)


async def test_five_megabyte_body_opens(store: Store) -> None:
    body = ("Tariffs on canola rose again. " * 180_000)[:5_000_000]
    store.import_briefs([hostile("big body", body=body)])
    async with new_app(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "T big body" in screen_text(pilot.app)
    assert len(Store(store.root).brief(HOSTILE_ID).body or "") == 5_000_000  # type: ignore[union-attr]
