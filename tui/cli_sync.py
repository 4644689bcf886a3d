"""`briefing sync [--remote URL] [--as NAME] [--status [--json]]`, and `briefing note
edit|delete`, so scripts and tests can do what the reader does to a shared note.

Files the remote sent that could not be taken in are `path: reason` lines on standard
error; the summary goes to standard output; the exit code is 1 when anything was skipped
or the remote could not be reached (everything else was done, and nothing local lost)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from briefs.text import clean, to_json
from tui.cli_common import EXIT_FAILED, note_text, say

if TYPE_CHECKING:
    from store import Store

NOTE_COMMANDS = ("edit", "delete")


def add_commands(commands: Any, store_flag: argparse.ArgumentParser) -> None:
    """Register `sync`, and `edit` and `delete` under the `note` command already there."""
    cmd = commands.add_parser(
        "sync", parents=[store_flag], help="share this store with a desk through git"
    )
    cmd.add_argument("--remote", metavar="URL", help="connect to this git remote (any git URL)")
    cmd.add_argument("--as", dest="as_name", metavar="NAME", help="your name on your notes")
    cmd.add_argument("--status", action="store_true", help="the remote, last sync, what waits")
    cmd.add_argument("--json", action="store_true", help="--status as a JSON object")
    notes = _subcommands(commands.choices["note"])
    edit = notes.add_parser("edit", parents=[store_flag], help="replace a note's text")
    edit.add_argument("note_id", metavar="NOTE_ID", help=NOTE_ID_HELP)
    edit.add_argument("text", metavar="TEXT", help="the new text; - reads standard input")
    delete = notes.add_parser("delete", parents=[store_flag], help="delete a note")
    delete.add_argument("note_id", metavar="NOTE_ID", help=NOTE_ID_HELP)


NOTE_ID_HELP = "the note's id, as `briefing note list ID` prints it"


def _subcommands(parser: argparse.ArgumentParser) -> Any:
    # argparse offers no public way back to a parser's subcommands; this is its one home.
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def wants(args: argparse.Namespace) -> bool:
    if args.command == "sync":
        return True
    return args.command == "note" and getattr(args, "note_command", None) in NOTE_COMMANDS


def run(store: Store, args: argparse.Namespace) -> int:
    if args.command == "note":
        if args.note_command == "edit":
            return _note_edit(store, args.note_id, args.text)
        return _note_delete(store, args.note_id)
    if args.status:
        return _status(store, as_json=args.json)
    from store.sync import sync

    report = sync(store, remote=args.remote, name=args.as_name)
    for line in report.problems:
        say(line, err=True)
    if report.offline:
        say(
            f"briefing: {report.remote}: cannot be reached ({report.offline}); this store's "
            "changes are kept and go out at the next sync",
            err=True,
        )
    state = "synced" if report.pushed else "not synced"
    say(
        f"{state} with {report.remote}: {report.exported} file(s) out, "
        f"{report.applied} change(s) in, {len(report.problems)} skipped "
        f"({report.seconds:.1f} s)"
    )
    return EXIT_FAILED if report.problems or report.offline else 0


def _status(store: Store, *, as_json: bool) -> int:
    from store.sync import status

    found = status(store)
    if as_json:
        say(to_json(found))
        return 0
    if found["remote"] is None:
        say("no desk: `briefing sync --remote URL` connects this store to one")
        return 0
    last = found["last_sync"] or {}
    if not last:
        when = "never"
    elif last.get("ok"):
        when = f"{last.get('at')} (synced)"
    elif last.get("offline"):
        when = f"{last.get('at')} (offline: {last.get('offline')})"
    else:
        when = f"{last.get('at')} (not completed)"
    say(f"remote: {found['remote']}")
    say(f"reader: {found['name']}")
    say(f"last sync: {when}")
    say(
        f"waiting to go out: {found['waiting']} file(s) not yet in the mirror, "
        f"{found['commits_not_pushed']} commit(s) not yet pushed"
    )
    return 0


def _note_edit(store: Store, note_id: str, text: str) -> int:
    body = note_text(text, empty_hint=" (`note delete` removes one)")
    if body is None:
        return EXIT_FAILED
    note = store.update_note(note_id, body)  # on disk when this returns
    say(note.id)
    return 0


def _note_delete(store: Store, note_id: str) -> int:
    from store import StoreError

    if store.note(note_id) is None:
        raise StoreError(f"no note with id {note_id!r}")
    store.delete_note(note_id)
    say(f"deleted {clean(note_id, single_line=True)}")
    return 0
