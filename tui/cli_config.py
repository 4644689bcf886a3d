"""`briefing config path` and `briefing config show`, and the settings the reader starts
with: the config file (tui/config.py) and the keys resolved from it (tui/keys.py)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from briefs.text import clean
from tui.config import EXAMPLE, Config, load_config

if TYPE_CHECKING:
    import argparse


def add_commands(commands: Any) -> None:
    config = commands.add_parser("config", help="where the config file is, and what it sets")
    verbs = config.add_subparsers(dest="config_command", required=True)
    verbs.add_parser("path", help="print where the config file is read from")
    verbs.add_parser("show", help="print the settings in force and where each came from")
    verbs.add_parser("example", help="print an example config file")


def store_setting(flag: str | None, config: Config) -> str | None:
    """--store, else (when $BRIEFING_STORE is unset) the config's store folder."""
    if flag is not None or "BRIEFING_STORE" in os.environ:
        return flag
    return config.store


def run(args: argparse.Namespace) -> int:
    config = load_config()
    if args.config_command == "path":
        print(config.path)
        return 0
    if args.config_command == "example":
        print(EXAMPLE, end="")
        return 0
    from tui.keys import resolve_keys  # loads the widgets, to know every binding

    _, problems = resolve_keys(config)
    rows = config.shown()
    if "BRIEFING_STORE" in os.environ:
        rows[0] = ("store", os.environ["BRIEFING_STORE"], "$BRIEFING_STORE")
    width = max(len(name) for name, _, _ in rows)
    print(f"# {clean(str(config.path), single_line=True)}")
    for name, value, origin in rows:
        print(f"{name:<{width}}  {clean(value, single_line=True)}  ({origin})")
    for problem in [*config.problems, *problems]:
        print(clean(problem, single_line=True), file=sys.stderr)
    return 1 if config.problems or problems else 0
