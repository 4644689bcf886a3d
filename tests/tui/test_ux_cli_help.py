"""Each subcommand's --help says what its arguments are: a new user reads `briefing export
--help` and learns what ID is, what --format does and that obsidian wants a folder."""

from __future__ import annotations

import pytest

from tui.cli import main


def help_of(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps at the terminal's width


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (("export",), ["default: every brief", "obsidian", "a folder"]),
        (("delete",), ["briefing list"]),
        (("undelete",), ["briefing trash"]),
        (("draft",), ["article"]),
        (("note", "edit"), ["briefing note list"]),
        (("note", "delete"), ["briefing note list"]),
    ],
)
def test_every_argument_is_explained(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...], words: list[str]
) -> None:
    text = help_of(capsys, *command)
    for word in words:
        assert word in text, text
