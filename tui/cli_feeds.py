"""`briefing feed add|list|remove|import|export`, `briefing fetch` and `briefing import URL`.

Failures are `URL: reason` lines on standard error, the summary goes to standard output,
and the exit code is 1 when anything failed (2 for a command line that cannot be carried
out); everything that could be fetched is imported either way. Every string from a feed or
a page is shown through `clean`, so none acts on the terminal.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefs.text import clean, to_json

if TYPE_CHECKING:
    from store import Store
    from store.fetch import FetchProgress, FetchReport
    from store.fetching import HttpClient

EXIT_FAILED = 1
EXIT_USAGE = 2
COMMANDS = ("feed", "fetch")
MAX_OPML_FILE = 4 * 1024 * 1024


def make_client() -> HttpClient:
    """The client every command uses; tests put a quicker one in its place."""
    from store.fetching import HttpClient

    return HttpClient()


def add_commands(commands: Any, store_flag: argparse.ArgumentParser) -> None:
    """Register `feed` and `fetch` on the `briefing` parser's subcommands."""
    feed = commands.add_parser("feed", help="subscribe to RSS/Atom feeds")
    sub = feed.add_subparsers(dest="feed_command", required=True)
    add = sub.add_parser("add", parents=[store_flag], help="subscribe to a feed")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", metavar="NAME", help="default: the feed's own title")
    lst = sub.add_parser("list", parents=[store_flag], help="the feeds subscribed to")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    rm = sub.add_parser("remove", parents=[store_flag], help="unsubscribe (briefs stay)")
    rm.add_argument("feed", metavar="NAME|URL")
    imp = sub.add_parser("import", parents=[store_flag], help="subscribe to an OPML list")
    imp.add_argument("file", metavar="FILE.opml")
    exp = sub.add_parser("export", parents=[store_flag], help="the subscriptions as OPML")
    exp.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    fetch = commands.add_parser(
        "fetch", parents=[store_flag], help="fetch feeds, draft and import new items"
    )
    fetch.add_argument("feeds", nargs="*", metavar="NAME", help="default: every feed")


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


def wants(args: argparse.Namespace) -> bool:
    """Whether this module runs the command: feed, fetch, or import (which hands its paths
    that are not URLs back to tui/cli.py's import)."""
    return args.command in (*COMMANDS, "import")


def run(store: Store, args: argparse.Namespace, import_paths: Callable[..., int]) -> int:
    """Carry out the command; `import_paths` imports the non-URL paths of `import`."""
    if args.command == "import":
        urls = [p for p in args.paths if is_url(p)]
        paths = [Path(p) for p in args.paths if not is_url(p)]
        if not urls:
            return import_paths(store, paths, undelete=args.undelete)
        code = _import_urls(store, urls)
        if paths:
            code = max(code, import_paths(store, paths, undelete=args.undelete))
        return code
    if args.command == "fetch":
        return _fetch(store, args.feeds or None)
    command = args.feed_command
    if command == "add":
        return _add(store, args.url.strip(), args.name)
    if command == "list":
        return _list(store, as_json=args.json)
    if command == "remove":
        return _remove(store, args.feed)
    if command == "import":
        return _import_opml(store, Path(args.file))
    return _export(store, args.out)


def _err(line: str) -> None:
    print(clean(line, single_line=True), file=sys.stderr)


def _subs(store: Store):  # type: ignore[no-untyped-def]
    from store.subscriptions import Subscriptions

    return Subscriptions(store)


def _add(store: Store, url: str, name: str | None) -> int:
    from store.fetch import probe_feed
    from store.fetching import FetchError

    if not is_url(url):
        _err(f"briefing: feed add: {url}: not a web address (http:// or https://)")
        return EXIT_USAGE
    subs = _subs(store)
    there = subs.find(url)
    if there is not None:
        print(clean(f"already subscribed as {there.name}", single_line=True))
        return 0
    try:
        feed = probe_feed(url, client=make_client())
    except FetchError as exc:
        _err(str(exc))
        return EXIT_FAILED
    from urllib.parse import urlsplit

    chosen = (name or "").strip() or feed.title or urlsplit(url).hostname or url
    sub, _new = subs.add(url, chosen, site=feed.link)
    count = len(feed.items)
    print(
        clean(
            f"subscribed to {sub.name} ({url}): {count} item{'s' * (count != 1)}; "
            "`briefing fetch` drafts them",
            single_line=True,
        )
    )
    return 0


def _when(stamp: str | None) -> str:
    return stamp[:16].replace("T", " ") if stamp else "never"


def _list(store: Store, *, as_json: bool) -> int:
    subs = _subs(store).all()
    if as_json:
        print(to_json([s.to_dict() for s in subs]))
        return 0
    if not subs:
        print("no feeds yet: `briefing feed add URL` subscribes to one")
    for s in subs:
        fields = [s.name, s.url, f"fetched {_when(s.last_fetched)}", f"{s.items_seen} items seen"]
        if s.last_error:
            fields.append(f"error: {s.last_error}")
        print("  ".join(clean(field, single_line=True) for field in fields))
    return 0


def _remove(store: Store, which: str) -> int:
    gone = _subs(store).remove(which)
    if gone is None:
        _err(f"{which}: no feed of that name or URL (see briefing feed list)")
        return EXIT_FAILED
    print(clean(f"removed {gone.name} ({gone.url}); its briefs stay", single_line=True))
    return 0


def _import_opml(store: Store, path: Path) -> int:
    from briefs.web.opml import OpmlError, read_opml

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_OPML_FILE + 1)
        outlines = read_opml(data)
    except OSError as exc:
        _err(f"{path}: {exc.strerror or exc}")
        return EXIT_FAILED
    except OpmlError as exc:
        _err(f"{path}: {exc}")
        return EXIT_FAILED
    good = [o for o in outlines if is_url(o.url)]
    for bad in outlines:
        if not is_url(bad.url):
            _err(f"{bad.url}: not a web address (http:// or https://)")
    from urllib.parse import urlsplit

    added = _subs(store).add_many(
        (o.url, o.name or urlsplit(o.url).hostname or o.url, o.folder, o.site) for o in good
    )
    new = sum(1 for _, fresh in added if fresh)
    failed = len(outlines) - len(good)
    print(
        clean(
            f"subscribed to {new} feed{'s' * (new != 1)} from {path}, "
            f"{len(added) - new} already there, {failed} failed",
            single_line=True,
        )
    )
    return EXIT_FAILED if failed else 0


def _export(store: Store, out: str | None) -> int:
    from briefs.web.opml import Outline, write_opml

    outlines = [Outline(s.name, s.url, s.folder, s.site) for s in _subs(store).all()]
    payload = write_opml(outlines)
    if out:
        from store.storage import atomic_write_bytes

        atomic_write_bytes(Path(out), payload, keep_backup=False)
        print(clean(f"wrote {len(outlines)} feed(s) to {out}", single_line=True))
    else:
        sys.stdout.write(payload.decode("utf-8"))
    return 0


def _in_background(job: Callable[[threading.Event], FetchReport]) -> FetchReport:
    """Run `job` in a thread so ctrl+c stops it cleanly: the requests under way finish,
    what was fetched is kept, and the next fetch picks up the rest."""
    cancel = threading.Event()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["report"] = job(cancel)
        except BaseException as exc:  # handed to the main thread below
            result["error"] = exc

    thread = threading.Thread(target=work, name="briefing-fetch", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.1)
    except KeyboardInterrupt:
        cancel.set()
        print("briefing: stopping after the requests under way…", file=sys.stderr)
        thread.join()
    if "error" in result:
        raise result["error"]
    return result["report"]


def _progress_bar():  # type: ignore[no-untyped-def]
    """A progress bar on standard error when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _with_progress(what: str, noun: str, job: Callable[..., FetchReport]) -> FetchReport:
    bar = _progress_bar()
    if bar is None:
        return _in_background(lambda cancel: job(progress=None, cancel=cancel))
    with bar:
        task = bar.add_task(what, total=None)

        def progress(step: FetchProgress) -> None:
            # One bar over feeds and items: the items of a feed are known once it answers.
            bar.update(
                task,
                total=step.feeds_total + step.items_total,
                completed=step.feeds_done + step.items_done,
                description=f"{what}: {step.feeds_done}/{step.feeds_total} {noun}, "
                f"{step.items_done}/{step.items_total} items, {step.new} new, "
                f"{step.failed} failed",
            )

        return _in_background(lambda cancel: job(progress=progress, cancel=cancel))


def _report(report: FetchReport, summary: str) -> int:
    for line in report.failures:
        _err(line)
    print(clean(summary, single_line=True), flush=True)
    return EXIT_FAILED if report.failures else 0


def _fetch(store: Store, names: list[str] | None) -> int:
    from store.fetch import fetch_feeds

    client = make_client()
    if names is None and not _subs(store).all():
        print("no feeds yet: `briefing feed add URL` subscribes to one")
        return 0
    job = functools.partial(fetch_feeds, store, names, client=client)
    report = _with_progress("Fetching", "feeds", job)
    return _report(report, report.summary())


def _import_urls(store: Store, urls: list[str]) -> int:
    from store.fetch import import_pages

    client = make_client()
    report = _with_progress(
        "Importing", "pages", lambda **kw: import_pages(store, urls, client=client, **kw)
    )
    return _report(report, report.summary("page", "imported"))
