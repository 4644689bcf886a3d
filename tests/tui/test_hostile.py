"""Text from files is data: hostile titles and notes are shown literally and act on nothing."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from store import Store
from tests.fixtures.hostile import (
    CLEAR,
    CLICK,
    HIDDEN_SHOWN,
    LINK,
    MARKUP,
    OSC52,
    hostile_brief,
)
from tests.tui.helpers import new_app, screen_text

HOSTILE_NOTE = f"{CLICK} {OSC52} note"


async def test_hostile_brief_is_shown_literally(store: Store) -> None:
    store.import_briefs([hostile_brief()])
    store.add_note("2025-11-27-hostile", HOSTILE_NOTE)
    async with new_app(store).run_test(size=(160, 50)) as pilot:
        await pilot.pause()  # the hostile brief is the newest, so it is shown first
        text = screen_text(pilot.app)
        assert MARKUP in text and "[@click=app.quit]press me[/]" in text
        assert "␛[2JWIPED" in text  # the ESC is shown, not sent
        assert "[red]Source[/red]" in text
        assert "␛]52;c;aGk=␇" in text
        assert "<U+009B>31mRED" in text and "abc<U+202E>dcba" in text
        assert HIDDEN_SHOWN in text
        assert LINK in text
        await pilot.click("#brief-header")  # clicking where the fake link is does nothing
        assert pilot.app.is_running
        assert "\x1b" not in text


def _run_in_pty(args: list[str], keys: bytes, seconds: float) -> bytes:
    """Run the real `briefing` in a pseudo-terminal and return every byte it wrote."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.update({"TERM": "xterm-256color", "COLUMNS": "160", "LINES": "50"})
        os.execvp(args[0], args)
    out = bytearray()
    deadline = time.monotonic() + seconds
    sent = False
    while time.monotonic() < deadline:
        poller = select.poll()  # not select: past 1024 descriptors it refuses the fd
        poller.register(fd, select.POLLIN)
        if poller.poll(100):
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        if not sent and time.monotonic() > deadline - seconds / 2:
            os.write(fd, keys)
            sent = True
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return bytes(out)


def test_no_escape_sequence_from_data_reaches_the_terminal(store_dir: Path) -> None:
    store = Store(store_dir)
    store.import_briefs([hostile_brief()])
    store.add_note("2025-11-27-hostile", HOSTILE_NOTE)
    # The hostile brief is the newest, so it is the one shown at start.
    assert store.rows()[0].id == "2025-11-27-hostile"
    script = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    output = _run_in_pty([sys.executable, "-c", script, "--store", str(store_dir)], b"q", seconds=8)
    shown = output.decode("utf-8", "replace")
    assert "␛[2JWIPED" in shown  # the title was drawn…
    assert CLEAR not in shown  # …and its escape sequence never sent
    assert OSC52 not in shown and "\x1b]52;" not in shown
    assert "\x9b" not in shown and "\u202e" not in shown
    assert not set(shown) & set("\u200f\u200b\u200d\ufeff\u2028\u2029")


def test_hostile_text_in_cli_output(store_dir: Path) -> None:
    store = Store(store_dir)
    store.import_briefs([hostile_brief()])
    store.add_note("2025-11-27-hostile", HOSTILE_NOTE)
    cwd = Path(__file__).parents[2]
    for args in (["list"], ["export", "--format", "markdown"], ["export"]):
        result = subprocess.run(
            [sys.executable, "-m", "tui.cli", *args, "--store", str(store_dir)],
            capture_output=True,
            cwd=cwd,
            check=True,
        )
        shown = result.stdout.decode()
        assert not set(shown) & {"\x1b", "\x9b", "\x07", "\u202e", "\u200b", "\u2028"}, args


async def test_notifications_show_data_literally(store: Store) -> None:
    """A view name, a path or an error in a notification is never read as markup."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(
            "slash", *"canola", "enter", "v", *"[bold]x[/] [@click=app.quit]", "enter"
        )
        await pilot.pause()
        assert app.is_running
        last = list(app._notifications)[-1]
        assert last.markup is False
        assert "“[bold]x[/] [@click=app.quit]”" in last.message
    assert "[bold]x[/] [@click=app.quit]" in Store(store.root).views()


def test_history_times_and_kinds_from_a_store_file_are_inert() -> None:
    from briefs.correcting import HistoryEntry
    from tui.screens.history import history_text

    entry = HistoryEntry("2025-11-28T14:02\x1b[2J", "title", "a", "b", "ed\x1b]0;x\x07it")
    shown = history_text([entry]).plain
    assert "\x1b" not in shown and "\x07" not in shown
