"""The `briefing` command line: open the reader, import, list, export, correct and delete
briefs."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefs import BriefFileError
from briefs.text import clean, to_json
from store import DamagedFileError, ImportCounts, Store, StoreError, resolve_store_dir
from store.records import ReaderImportCounts
from store.storage import backup_path
from tui import cli_config
from tui.cli_common import (
    EXIT_FAILED,
    EXIT_STORE,
    EXIT_USAGE,
    UsageError,
    note_text,
    say,
    selected,
)
from tui.collector import hold_collector, release_collector
from tui.config import Config, load_config

if TYPE_CHECKING:  # the other verbs' modules load when one is asked for (see main)
    import argparse

PROGRESS_THRESHOLD = 5  # more files than this get a progress bar in a terminal


def _parser() -> argparse.ArgumentParser:
    import argparse

    from tui import cli_feeds, cli_serve, cli_sync

    class _VersionAction(argparse.Action):
        """--version, reading the installed version only when asked (it costs 30 ms)."""

        def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
            super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

        def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
            from importlib.metadata import PackageNotFoundError, version

            try:
                found = version("briefing")
            except PackageNotFoundError:
                found = "unknown"
            print(f"briefing {found}")
            parser.exit()

    # SUPPRESS keeps a subcommand's missing --store from erasing one given before it.
    store_flag = argparse.ArgumentParser(add_help=False)
    store_flag.add_argument(
        "--store",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="store folder (default: $BRIEFING_STORE, else the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A terminal reader for briefs on trade and policy news.",
        parents=[store_flag],
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--init", action="store_true", help="make a store of a folder that holds other files"
    )
    commands = parser.add_subparsers(dest="command")

    imp = commands.add_parser("import", parents=[store_flag], help="import briefs and articles")
    imp.add_argument("paths", nargs="+", metavar="PATH|URL", help="briefs, articles, pages")
    imp.add_argument(
        "--undelete", action="store_true", help="bring back briefs in the trash it holds"
    )
    imp.add_argument("--date", metavar="DATE", help="the date of articles that give none")

    lst = commands.add_parser("list", parents=[store_flag], help="one line per brief")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    lst.add_argument("--query", metavar="Q", help="only briefs the query selects (see README)")

    exp = commands.add_parser("export", parents=[store_flag], help="export briefs with notes")
    exp.add_argument(
        "--format",
        choices=("json", "markdown", "obsidian", "csl-json"),
        default="json",
        help="json (the default) imports again; obsidian writes one note per brief into a "
        "folder given with --out",
    )
    exp.add_argument(
        "--out",
        metavar="FILE",
        help="write here instead of standard output (for obsidian: a folder)",
    )
    exp.add_argument("--query", metavar="Q", help="only briefs the query selects")
    exp.add_argument(
        "--corrections",
        metavar="DIR",
        help="write ID.txt (the body) and ID.gold.json (the corrected brief) for every "
        "corrected brief with a body, for python -m briefs.evaluate DIR",
    )
    exp.add_argument("ids", nargs="*", metavar="ID", help="briefs to export (default: every brief)")

    edit = commands.add_parser("edit", parents=[store_flag], help="correct a brief")
    edit.add_argument("id", metavar="ID", help="the brief's id")
    edit.add_argument(
        "assignments",
        nargs="*",
        metavar="FIELD=VALUE",
        help="title, summary, tags (comma-separated), actors.N.name|kind|role|affiliation, "
        "tariffs.N.imposed_by|imposed_on|products|rate|measure|status|year; all or none",
    )
    edit.add_argument("--add-actor", metavar="JSON", help="add an actor row")
    edit.add_argument("--add-tariff", metavar="JSON", help="add a tariff row")
    edit.add_argument("--remove", metavar="ROW", help="remove a row: actors.N or tariffs.N")
    edit.add_argument("--revert", metavar="FIELD", help="back to the source: a field, a row, all")
    edit.add_argument("--history", action="store_true", help="what was changed, when")
    edit.add_argument("--json", action="store_true", help="--history as a JSON array")

    for name, what, where in (
        ("delete", "move briefs to the trash", "briefing list"),
        ("undelete", "bring them back", "briefing trash"),
    ):
        cmd = commands.add_parser(name, parents=[store_flag], help=what)
        cmd.add_argument(
            "ids", nargs="+", metavar="ID", help=f"brief ids, as `{where}` prints them"
        )
    trash = commands.add_parser("trash", parents=[store_flag], help="list deleted briefs")
    trash.add_argument("--json", action="store_true", help="print a JSON array")

    draft = commands.add_parser("draft", help="print the brief drafted from an article, as JSON")
    draft.add_argument(
        "file", metavar="FILE", help="an article: a UTF-8 text file, or a saved web page (.html)"
    )
    draft.add_argument("--date", metavar="DATE", help="the date, if the article gives none")

    note = commands.add_parser("note", help="add or list notes from the shell")
    note_commands = note.add_subparsers(dest="note_command", required=True)
    note_add = note_commands.add_parser("add", parents=[store_flag], help="add a note")
    note_add.add_argument("id", metavar="ID", help="the brief's id")
    note_add.add_argument("text", metavar="TEXT", help="the note; - reads standard input")
    note_list = note_commands.add_parser("list", parents=[store_flag], help="list notes")
    note_list.add_argument("id", metavar="ID", help="the brief's id")
    note_list.add_argument("--json", action="store_true", help="print a JSON array")

    chk = commands.add_parser("check", parents=[store_flag], help="report the store's health")
    chk.add_argument("--repair", action="store_true", help="restore damaged files from backups")
    cli_feeds.add_commands(commands, store_flag)  # feed …, fetch
    cli_config.add_commands(commands)  # config path|show|example
    cli_serve.add_commands(commands, store_flag)  # serve: the reader in a browser
    cli_sync.add_commands(commands, store_flag)  # sync; note edit|delete
    return parser


def reader_args(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(--store, --init) when the command line only opens the reader (no verb, no help,
    no version), else None. The reader's start parses it so, without building the parser
    of every verb, nor loading their modules (a few ms of each start); anything else,
    even an abbreviation argparse would take, goes to the parser."""
    store: str | None = None
    init = False
    words = iter(argv)
    for word in words:
        if word == "--init":
            init = True
        elif word == "--store":
            store = next(words, None)
            if store is None or store.startswith("-"):
                return None  # the parser says what is wrong
        elif word.startswith("--store="):
            store = word.removeprefix("--store=")
        else:
            return None
    return store, init


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    reader = reader_args(given)
    if reader is not None:
        hold_collector()  # Textual and the app load next; the reader releases it once drawn
        command, flag, init = None, reader[0], reader[1]
    else:
        args = _parser().parse_args(given)
        command, flag, init = args.command, getattr(args, "store", None), args.init
    try:
        if command == "draft":  # needs no store, so no store setting can fail it
            return _draft(Path(args.file), date=args.date)
        if command == "config":
            return cli_config.run(args)
        config = load_config()  # its store folder counts when neither flag nor env says
        root = resolve_store_dir(cli_config.store_setting(flag, config))
        if command == "serve":
            from tui import cli_serve

            return cli_serve.run(args, root)
        if command == "check":
            return _check(root, repair=args.repair)
        # The reader hashes the store's files once it has drawn (before any write): it
        # shows sooner, and a damaged file is still named before anything is written.
        store = Store(root, init=init, defer_checks=command is None)
        if command is None:
            return _run_reader(store, config)
        return _run_verb(store, args)
    except DamagedFileError as exc:
        say(f"briefing: {exc}", err=True)
        if backup_path(exc.path).exists():
            say(
                f"briefing: the file was left as it is; a backup of its last good write "
                f"exists: `briefing check --repair --store {root}` restores it",
                err=True,
            )
        else:
            say(
                f"briefing: the file was left as it is and has no backup; "
                f"`briefing check --store {root}` says what can be done",
                err=True,
            )
        return EXIT_STORE
    except StoreError as exc:
        say(f"briefing: {exc}", err=True)
        return EXIT_STORE
    except UsageError as exc:
        say(f"briefing: {exc}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing export | head`: the reader of our output left; that is not an error.
        # Point stdout at /dev/null so the interpreter's final flush stays quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        release_collector()  # if the reader did not get to draw (a store it cannot open)


def _run_verb(store: Store, args: argparse.Namespace) -> int:
    from tui import cli_feeds, cli_sync
    from tui.cli_edit import delete, edit, trash
    from tui.cli_export import export, export_corrections

    if cli_feeds.wants(args):  # import (URLs fetched there), feed …, fetch
        dated = functools.partial(_import, date=_given_date(getattr(args, "date", None)))
        return cli_feeds.run(store, args, dated)
    if cli_sync.wants(args):  # sync, note edit|delete
        return cli_sync.run(store, args)
    if args.command == "edit":
        return edit(store, args)
    if args.command in ("delete", "undelete"):
        return delete(store, args.ids, undo=args.command == "undelete")
    if args.command == "trash":
        return trash(store, as_json=args.json)
    if args.command == "list":
        return _list(store, as_json=args.json, query=args.query)
    if args.command == "note":
        if args.note_command == "add":
            return _note_add(store, args.id, args.text)
        return _note_list(store, args.id, as_json=args.json)
    if args.corrections:
        return export_corrections(store, Path(args.corrections), args.ids, args.query)
    return export(store, args.format, args.out, args.ids, query=args.query)


def _run_reader(store: Store, config: Config) -> int:
    from tui.app import make_app  # Textual loads only when the reader opens.
    from tui.keys import resolve_keys

    keymap, problems = resolve_keys(config)
    app = make_app(store, config=config, keymap=keymap, problems=problems)
    app.run()
    if app.damage is not None:  # found by the checks after the first frame
        raise app.damage
    return app.return_code or 0


def _given_date(text: str | None) -> str | None:
    """--date as ISO, or a usage error saying what a date looks like."""
    if text is None:
        return None
    from briefs.dates import DateError, parse_date

    try:
        return parse_date(text)[:10]
    except DateError as exc:
        raise UsageError(f'--date: {exc} (for example 2025-10-31 or "31 Oct 2025")') from exc


def _import(
    store: Store, paths: list[Path], *, undelete: bool = False, date: str | None = None
) -> int:
    from briefs.files import brief_files, stream_files  # drafting loads only to import

    files = list(brief_files(paths))
    show_progress = sys.stderr.isatty() and len(files) > PROGRESS_THRESHOLD
    if show_progress:
        from rich.progress import track

        steps = track(files, description="Reading", console=_stderr_console(), transient=True)
    else:
        steps = iter(files)
    # Files are read (articles drafted) here, before the store lock is taken; only an
    # export over 64 MiB is read as its records are taken, under the lock, record by
    # record. Content first, so the notes restored next have their briefs.
    groups = [f.records for f in stream_files(steps, date=date)]
    taken = store.import_files(groups, undelete=undelete)
    failures = taken.failures
    for line in failures:
        say(line, err=True)
    # Plain brief files carry no reader data: then reader/ is not read at all.
    reader = ReaderImportCounts()
    if taken.reader:
        reader = store.import_reader_data(taken.reader, placed=taken.counts)
    say(_import_summary(taken.counts, reader, len(failures)))
    return EXIT_FAILED if failures else 0


def _import_summary(counts: ImportCounts, reader: ReaderImportCounts, failed: int) -> str:
    """`added A, updated U, unchanged N, failed F`, then what was done with the notes and
    read/starred flags the files carried (an export does; a plain brief file does not)."""
    parts = [
        f"added {counts.added}, updated {counts.updated}, unchanged {counts.unchanged}, "
        f"failed {failed}"
    ]
    if reader.notes:
        parts.append(
            f"notes: {reader.notes_restored} restored, {reader.notes_present} already there, "
            f"{reader.notes_beside} kept beside a different text"
        )
    if reader.states:
        parts.append(
            f"states: {reader.states_restored} restored, {reader.states_unchanged} unchanged"
        )
    if reader.corrections_restored or reader.corrections_present:
        parts.append(
            f"corrections: {reader.corrections_restored} restored, "
            f"{reader.corrections_present} already there"
        )
    if counts.skipped_deleted:
        parts.append(
            f"deleted: {counts.skipped_deleted} left in the trash (--undelete brings them back)"
        )
    if counts.undeleted:
        parts.append(f"undeleted {counts.undeleted}")
    if counts.renamed:  # another story had the id its date and headline give
        shown = ", ".join(f"{old} → {new}" for old, new in counts.renamed[:3])
        more = f" and {len(counts.renamed) - 3} more" if len(counts.renamed) > 3 else ""
        parts.append(f"renamed {len(counts.renamed)} (another story had the id): {shown}{more}")
    if counts.duplicates:
        parts.append(f"given twice, the last kept: {', '.join(counts.duplicates[:3])}")
    if reader.unplaced:
        parts.append(f"notes left out: {reader.unplaced} (their brief's id was ambiguous)")
    return "; ".join(parts)


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


def _list(store: Store, *, as_json: bool, query: str | None = None) -> int:
    chosen = selected(store, query)
    rows = [r for r in store.rows() if chosen is None or r.id in chosen]
    if as_json:
        records = [
            {
                "id": r.id,
                "title": r.title,
                "date": r.date,
                "source": r.source,
                "notes": r.note_count,
                "read": r.read,
                "starred": r.starred,
                "corrected": r.corrected,
            }
            for r in rows
        ]
        say(to_json(records))
        return 0
    for r in rows:
        say(f"{r.date[:10]}  {r.id}  {clean(r.title, single_line=True)}", flush=False)
    return 0


def _note_add(store: Store, brief_id: str, text: str) -> int:
    body = note_text(text)
    if body is None:
        return EXIT_FAILED
    from store.sync import desk_name  # the author, once the store shares with a desk

    note = store.add_note(brief_id, body, author=desk_name(store))  # on disk when this returns
    say(note.id)
    return 0


def _note_list(store: Store, brief_id: str, *, as_json: bool) -> int:
    if store.brief(brief_id) is None:
        raise StoreError(f"no brief with id {brief_id!r}")
    notes = store.notes(brief_id)
    if as_json:
        say(to_json([n.to_dict() for n in notes]))
        return 0
    if not notes:
        say(f"no notes on {brief_id}")  # a script can tell this from a failed call
        return 0
    for n in notes:
        when = clean(n.created[:16].replace("T", " "), single_line=True)
        by = f"by {clean(n.author, single_line=True)}  " if n.author else ""
        say(f"{n.id}  {when}  {by}{clean(n.text, single_line=True)}", flush=False)
    return 0


def _check(root: Path, *, repair: bool) -> int:
    from store.health import check
    from store.health import repair as repair_files

    if repair:
        for line in repair_files(root):
            say(line)
    health = check(root)
    say(f"store: {root}")
    if health.read_only:
        say("  read-only: everything can be read, nothing can be saved")
    buckets = [f for f in health.files if f.path.parent.name == "corrections" and f.ok]
    if buckets:  # up to 16 files of one kind: one line unless one is damaged
        count = sum(f.counts.get("corrections", 0) for f in buckets)
        backups = "backups ok" if all(f.backup_ok for f in buckets) else "some without backup"
        say(f"  corrections/: ok, {count} corrections in {len(buckets)} file(s) ({backups})")
    for f in health.files:
        if f in buckets:
            continue
        if not f.exists and f.ok:
            state = "missing (created on first use)"
        elif f.ok:
            state = "ok, " + ", ".join(f"{n} {name}" for name, n in sorted(f.counts.items()))
        else:
            state = f"DAMAGED: {f.problem}"
        if f.path.suffix == ".jsonl":
            backup = "append-only; damage is repaired by importing again"
        else:
            backup = "backup ok" if f.backup_ok else "no backup"
        name = f.path.relative_to(root) if f.path.is_relative_to(root) else f.path.name
        say(f"  {name}: {clean(state, single_line=True)} ({backup})")
    if health.leftovers:
        say(
            f"  {len(health.leftovers)} temporary file(s) from an interrupted write "
            "(removed at the next start)"
        )
    if not health.ok and not repair:
        say("run `briefing check --repair` to restore damaged files from their backups")
    stuck = [f.path for f in health.files if not f.ok and not f.backup_ok]
    stuck = [path for path in stuck if path.suffix != ".jsonl"]  # mended by importing again
    if stuck and repair:
        # Nothing left to restore from: say what the reader can still do.
        for path in stuck:
            say(
                f"{path}: no backup to restore it from; mend it by hand, or move it aside "
                f"(mv {path} {path}.damaged) and the store starts it anew without what it held"
            )
    return 0 if health.ok else EXIT_FAILED


def _draft(path: Path, *, date: str | None = None) -> int:
    from briefs.files import draft_file

    try:
        day = _given_date(date)
    except UsageError as exc:
        say(f"briefing: {exc}", err=True)
        return EXIT_USAGE
    try:
        brief = draft_file(path, date=day)
    except BriefFileError as exc:
        say(str(exc), err=True)
        return EXIT_FAILED
    say(to_json(brief.to_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
