"""The `briefing` command line: open the reader, import, list and export briefs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from briefs import Brief, BriefFileError, read_brief_file
from briefs.markdown import brief_markdown
from briefs.text import clean, to_json
from store import Store, StoreError, resolve_store_dir
from store.storage import atomic_write_bytes

EXIT_FAILED = 1
EXIT_STORE = 2
PROGRESS_THRESHOLD = 5  # more files than this get a progress bar in a terminal


def _version() -> str:
    try:
        return version("briefing")
    except PackageNotFoundError:
        return "unknown"


def _parser() -> argparse.ArgumentParser:
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
    parser.add_argument("--version", action="version", version=f"briefing {_version()}")
    commands = parser.add_subparsers(dest="command")

    imp = commands.add_parser("import", parents=[store_flag], help="import briefs and articles")
    imp.add_argument(
        "paths", nargs="+", metavar="PATH", help=".json briefs, .txt articles, folders"
    )

    lst = commands.add_parser("list", parents=[store_flag], help="one line per brief")
    lst.add_argument("--json", action="store_true", help="print a JSON array")

    exp = commands.add_parser("export", parents=[store_flag], help="export briefs with notes")
    exp.add_argument("--format", choices=("json", "markdown"), default="json")
    exp.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    exp.add_argument("ids", nargs="*", metavar="ID")

    draft = commands.add_parser("draft", help="print the brief drafted from an article, as JSON")
    draft.add_argument("file", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "draft":
            return _draft(Path(args.file))
        store = Store(resolve_store_dir(getattr(args, "store", None)))
        if args.command is None:
            return _run_reader(store)
        if args.command == "import":
            return _import(store, [Path(p) for p in args.paths])
        if args.command == "list":
            return _list(store, as_json=args.json)
        return _export(store, args.format, args.out, args.ids)
    except StoreError as exc:
        print(f"briefing: {clean(str(exc))}", file=sys.stderr)
        return EXIT_STORE
    except KeyboardInterrupt:
        return 130


def _run_reader(store: Store) -> int:
    from tui.app import make_app  # Textual loads only when the reader opens.

    make_app(store).run()
    return 0


def _files(paths: list[Path]) -> Iterator[Path]:
    """Files named, and .json/.txt files found under folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix.lower() in (".json", ".txt") and p.is_file()
            )
        else:
            yield path


def read_any(path: Path) -> list[Brief]:
    """A brief file, or an article drafted into a brief; BriefFileError otherwise."""
    if path.suffix.lower() == ".txt":
        from briefs.drafting import read_article_file

        return [read_article_file(path)]
    return read_brief_file(path)


def _import(store: Store, paths: list[Path]) -> int:
    files = list(_files(paths))
    good: list[Brief] = []
    failures: list[str] = []
    show_progress = sys.stderr.isatty() and len(files) > PROGRESS_THRESHOLD
    if show_progress:
        from rich.progress import track

        steps = track(files, description="Reading", console=_stderr_console(), transient=True)
    else:
        steps = iter(files)
    for path in steps:
        try:
            good.extend(read_any(path))
        except BriefFileError as exc:
            failures.append(str(exc))
    counts = store.import_briefs(good)
    for line in failures:
        print(clean(line), file=sys.stderr)
    print(
        f"added {counts.added}, updated {counts.updated}, unchanged {counts.unchanged}, "
        f"failed {len(failures)}",
        file=sys.stderr,
    )
    return EXIT_FAILED if failures else 0


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


def _list(store: Store, *, as_json: bool) -> int:
    rows = store.rows()
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
            }
            for r in rows
        ]
        print(to_json(records))
        return 0
    for r in rows:
        print(f"{r.date[:10]}  {r.id}  {clean(r.title, single_line=True)}")
    return 0


def _export(store: Store, fmt: str, out: str | None, ids: list[str]) -> int:
    records = store.export_records(ids or None)
    if fmt == "json":
        text = to_json(records) + "\n"
    else:
        parts = []
        for brief_id in [r["id"] for r in records]:
            brief = store.brief(brief_id)
            assert brief is not None
            parts.append(
                brief_markdown(brief, store.notes(brief_id), starred=store.state(brief_id).starred)
            )
        text = "\n---\n\n".join(parts)
    if out:
        atomic_write_bytes(Path(out), text.encode("utf-8"), keep_backup=False)
    else:
        sys.stdout.write(text)
    return 0


def _draft(path: Path) -> int:
    from briefs.drafting import read_article_file

    try:
        brief = read_article_file(path)
    except BriefFileError as exc:
        print(clean(str(exc)), file=sys.stderr)
        return EXIT_FAILED
    print(to_json(brief.to_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
