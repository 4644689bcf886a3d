"""`briefing edit`, `delete`, `undelete` and `trash`: corrections and the trash from the
shell."""

from __future__ import annotations

import argparse
import json
from typing import Any

from briefs.corrections import CorrectionError, check_field, check_row
from briefs.text import clean, to_json
from store import Store, StoreError
from tui.cli_common import EXIT_FAILED, EXIT_USAGE, UsageError, say


def edit(store: Store, args: argparse.Namespace) -> int:
    """`briefing edit`: one kind of change per call, checked whole before anything is
    written; a bad field or value is `ID: FIELD: reason` and exit 2."""
    brief_id = args.id
    kinds = ("FIELD=VALUE", "--add-actor", "--add-tariff", "--remove", "--revert", "--history")
    given = (args.assignments, args.add_actor, args.add_tariff, args.remove, args.revert)
    asked = [kind for kind, value in zip(kinds, (*given, args.history), strict=True) if value]
    if len(asked) != 1:
        got = ", ".join(asked) or "none"
        raise UsageError(f"edit: give one of {', '.join(kinds)} (got {got})")
    if args.json and not args.history:
        raise UsageError("edit: --json goes with --history")
    if store.brief(brief_id) is None:
        raise StoreError(f"no brief with id {brief_id!r}")
    if args.history:
        return _history(store, brief_id, as_json=args.json)
    before = len(store.history(brief_id))
    try:
        if args.assignments:
            store.correct(brief_id, _assignments(args.assignments))
        elif args.add_actor or args.add_tariff:
            table = "actors" if args.add_actor else "tariffs"
            row = _json_row(args.add_actor or args.add_tariff, table)
            store.add_row(brief_id, table, row)
        elif args.remove:
            store.remove_row(brief_id, args.remove)
        else:
            store.revert(brief_id, args.revert)
    except (CorrectionError, _BadFields) as exc:
        for problem in exc.problems if isinstance(exc, _BadFields) else [exc]:
            say(f"{brief_id}: {_one_line(str(problem))}", err=True)
        return EXIT_USAGE
    changes = store.history(brief_id)[before:]
    for entry in changes:
        say(_history_line(entry))
    if not changes:
        say(f"{brief_id}: nothing changed")
    return 0


def _assignments(given: list[str]) -> dict[str, Any]:
    """FIELD=VALUE pairs, each value checked as a form would (raises CorrectionError)."""
    changes: dict[str, Any] = {}
    problems: list[CorrectionError] = []
    for item in given:
        path, sep, text = item.partition("=")
        try:
            if not sep:
                raise CorrectionError(item, "expected FIELD=VALUE")
            if path in changes:
                raise CorrectionError(path, "given twice")
            changes[path] = check_field(path, text)
        except CorrectionError as exc:
            problems.append(exc)
    if problems:
        raise _BadFields(problems)
    return changes


class _BadFields(Exception):
    """Every bad FIELD=VALUE of one call, so each is named at once."""

    def __init__(self, problems: list[CorrectionError]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def _json_row(text: str, table: str) -> dict[str, Any]:
    flag = "--add-actor" if table == "actors" else "--add-tariff"
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorrectionError(flag, f"not JSON ({exc.msg})") from exc
    if not isinstance(row, dict):
        raise CorrectionError(flag, "must be a JSON object")
    return check_row(table, row)


def _shown(value: object) -> str:
    if value is None or value == []:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _history_line(entry: Any) -> str:
    when = entry.at[:16].replace("T", " ")
    line = f"{when}  {entry.kind:<6}  {entry.path}: {_shown(entry.old)} → {_shown(entry.new)}"
    return _one_line(line)


def _history(store: Store, brief_id: str, *, as_json: bool) -> int:
    entries = store.history(brief_id)
    if as_json:
        say(
            to_json(
                [
                    {"at": e.at, "kind": e.kind, "path": e.path, "old": e.old, "new": e.new}
                    for e in entries
                ]
            )
        )
        return 0
    if not entries:
        say(f"no corrections to {brief_id}")
    for entry in entries:
        say(_history_line(entry))
    return 0


def delete(store: Store, ids: list[str], *, undo: bool) -> int:
    """Delete (or undelete) each brief; one `ID: reason` line per one that fails."""
    failed = 0
    for brief_id in ids:
        try:
            if undo:
                if not store.undelete(brief_id):
                    raise StoreError("not in the trash")
                say(f"restored {brief_id}")
            else:
                store.delete_brief(brief_id)
                say(f"deleted {brief_id} (briefing undelete {brief_id} brings it back)")
        except StoreError as exc:
            if store.read_only:
                raise
            failed += 1
            reason = str(exc).replace(f"no brief with id {brief_id!r}", "no brief with that id")
            say(f"{brief_id}: {reason}", err=True)
    return EXIT_FAILED if failed else 0


def trash(store: Store, *, as_json: bool) -> int:
    entries = store.trash()
    if as_json:
        say(
            to_json(
                [
                    {"id": e.id, "title": e.title, "date": e.date, "deleted_at": e.deleted_at}
                    for e in entries
                ]
            )
        )
        return 0
    if not entries:
        say("the trash is empty")
    for e in entries:
        when = e.deleted_at[:16].replace("T", " ")
        say(f"{when}  {e.date[:10]}  {e.id}  {_one_line(e.title)}")
    return 0


def _one_line(text: str) -> str:
    return clean(text, single_line=True)
