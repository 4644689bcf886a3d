"""What the reader's start loads: not the modules of the command line's other verbs (nor
argparse, to open the reader), nor the config's TOML parser when there is no config file,
nor the config module at all when the app is made without one (the bench's probe). The
reader's own command line is read without the full parser, as the parser reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import _parser, reader_args

ROOT = Path(__file__).resolve().parents[2]
VERBS = ("tui.cli_feeds", "tui.cli_serve", "tui.cli_sync", "tui.cli_edit", "tui.cli_export")


def loaded(code: str, names: tuple[str, ...], tmp_path: Path) -> list[str]:
    """Which of `names` are in sys.modules after `code`, in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint(' '.join(n for n in {names!r} if n in sys.modules))"
    env = {"PATH": "/usr/bin:/bin", "BRIEFING_CONFIG": str(tmp_path / "none.toml")}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()[-1].split() if out.stdout.strip() else []


def test_the_app_loads_no_config_module(tmp_path: Path) -> None:
    code = "from store import Store\nfrom tui.app import BriefingApp"
    assert loaded(code, ("tomllib", "tui.config", "argparse"), tmp_path) == []


def test_the_readers_command_line_loads_no_other_verb(tmp_path: Path) -> None:
    store = tmp_path / "store"
    code = (
        "import tui.cli, tui.app\n"
        "tui.app.BriefingApp.run = lambda self, *a, **k: None  # no terminal here\n"
        f"assert tui.cli.main(['--store', {str(store)!r}]) == 0"
    )
    assert loaded(code, (*VERBS, "argparse", "tomllib"), tmp_path) == []
    assert (store / "briefs.json").exists()  # the store was opened, for the reader


def test_a_verb_still_loads_its_module(tmp_path: Path) -> None:
    code = f"import tui.cli\ntui.cli.main(['list', '--store', {str(tmp_path / 's')!r}])"
    assert loaded(code, ("tui.cli_feeds", "argparse"), tmp_path) == ["tui.cli_feeds", "argparse"]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--store", "x"],
        ["--store=x"],
        ["--store="],
        ["--init", "--store", "a b"],
        ["--store", "one", "--store", "two"],
        ["--init", "--init"],
    ],
)
def test_the_readers_command_line_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    args = _parser().parse_args(argv)
    assert args.command is None
    assert reader_args(argv) == (getattr(args, "store", None), args.init)


@pytest.mark.parametrize(
    "argv",
    [["list"], ["--help"], ["-h"], ["--version"], ["--store"], ["--sto", "x"], ["--", "x"]],
)
def test_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    assert reader_args(argv) is None
