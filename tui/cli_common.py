"""What every `briefing` command shares: exit codes, the usage error, the one way output
is printed, and the briefs a `--query` selects."""

from __future__ import annotations

import datetime as dt
import sys

from briefs.text import clean
from store import Store

EXIT_FAILED = 1
EXIT_STORE = 2
EXIT_USAGE = 2  # as argparse does for a bad command line


class UsageError(Exception):
    """A command line that cannot be carried out as written."""


def say(text: str = "", *, err: bool = False, flush: bool = True) -> None:
    """Print one line (or a block) of output.

    Every line the command line prints goes through here, so an id, a time or a file name
    read from a store file reaches the terminal as text, never as a control sequence or a
    bidi trick (see briefs/text.py). JSON from `to_json` passes unchanged. Lines are
    flushed unless told (a long listing), so a script sees each one as it happens.
    """
    print(clean(text), file=sys.stderr if err else sys.stdout, flush=flush)


def selected(store: Store, query: str | None) -> set[str] | None:
    """Ids the query selects, or None for all; a bad query raises UsageError."""
    if query is None:
        return None
    from briefs.search.index import SearchIndex
    from briefs.search.query import QueryError, parse_query
    from tui.catalog import Catalog

    try:
        parsed = parse_query(query, today=dt.date.today())
    except QueryError as exc:
        raise UsageError(f"--query: {exc}") from exc
    # The catalog's one read of every brief, searched here without the reader's live state.
    scan = Catalog(store).scan()
    return set(SearchIndex(scan.docs, words=scan.words).search(parsed))


def note_text(text: str, *, empty_hint: str = "") -> str | None:
    """A note's text as given on the command line (`-` reads standard input, no further
    than the note limit an import checks); None, and the reason said, when it is empty or
    too long."""
    from briefs.model import MAX_CHARS

    limit = MAX_CHARS["text"]  # what an import takes, so an export always imports again
    body = sys.stdin.read(limit + 1) if text == "-" else text
    if len(body) > limit:
        say(f"briefing: the note is over the limit of {limit:,} characters; not saved", err=True)
        return None
    if not body.strip():
        say(f"briefing: an empty note is not saved{empty_hint}", err=True)
        return None
    return body
