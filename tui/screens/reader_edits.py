"""The reader's corrections to a brief: e edits the summary in place or the focused actor
or tariff row in a form, t the title and tags in a form, + adds a row to the focused table
(or brings back one removed), d removes the focused row, r puts a field or row back to
what the source says, D deletes the highlighted brief, ctrl+z undoes the last edit or
deletion. A mixin of ReaderScreen; what a correction means is the store's (Store.correct
and kin).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefs.corrections import BriefCorrections
from briefs.model import ACTOR_KINDS, MEASURES, STATUSES, Brief
from briefs.text import clean
from store import Draft, StoreError
from tui.catalog import Catalog
from tui.messages import SyncDesk
from tui.note_session import NoteSession
from tui.safe import safe_text
from tui.screens.dialogs import Choice, ChoiceScreen, PickScreen
from tui.timings import Timings, after
from tui.widgets.line_table import LineTable

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer
    from textual.widgets import TextArea

    from tui.screens.edit_form import FormField
    from tui.widgets.brief_list import BriefList

# The corrections module and the form load on the first edit, not at start-up.
TABLES = ("actors", "tariffs")

_CHOICES = {"kind": ACTOR_KINDS, "measure": MEASURES, "status": STATUSES}
_LABELS = {"imposed_by": "Imposed by", "imposed_on": "Imposed on (empty: everyone)"}
_REMOVE = (Choice("remove", "Remove", "y", "error"), Choice("keep", "Keep", "n", "primary"))
_DELETE = (Choice("delete", "Delete", "y", "error"), Choice("keep", "Keep", "n", "primary"))


def _label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " ").capitalize())


def _check(path: str, text: str) -> Any:
    from briefs.corrections import check_field

    return check_field(path, text)


class BriefEditing:
    """What ReaderScreen does to correct or delete briefs. It provides these attributes."""

    catalog: Catalog
    session: NoteSession
    timings: Timings
    brief: Brief | None
    marks: BriefCorrections  # what the reader corrected in the brief shown
    article_shown: bool
    brief_list: BriefList
    _undo: list[tuple[str, str]]  # (kind, brief id), newest last: "edit" or "delete"
    _form_timer: Timer | None

    if TYPE_CHECKING:
        app: App[None]
        focused: object

        def notify(self, message: str, *, severity: str = ..., timeout: float = ...) -> None: ...
        def post_message(self, message: object) -> bool: ...
        def _open(self, brief_id: str, *, scroll_home: bool = True) -> None: ...
        def refresh_list(self, keep: str | None = None) -> None: ...
        def query_one(self, selector: str, expect_type: type | None = None) -> Any: ...
        def query(self, selector: str) -> Any: ...
        def set_focus(self, widget: object) -> None: ...
        def guard_unsaved(self, then: Callable[[], object]) -> None: ...
        def close_editor(self) -> None: ...
        def action_toggle_article(self) -> None: ...

    # -- where the focus is --------------------------------------------------------

    def focused_row(self) -> tuple[str, int] | None:
        """("actors" | "tariffs", 1-based row) of the focused table's cursor."""
        table = self.focused
        if isinstance(table, LineTable) and table.id in TABLES and table.row_count:
            return str(table.id), table.cursor_row + 1
        return None

    def editing_target(self) -> str | None:
        """What `e` edits here: "brief" on the header and summary, "actors.N"/"tariffs.N"."""
        row = self.focused_row()
        if row is not None:
            return f"{row[0]}.{row[1]}"
        detail = self.query_one("#detail")
        if self.focused is detail or self.focused is self.query_one("#article"):
            return "brief"
        return None

    # -- forms -----------------------------------------------------------------------

    def edit_focused(self) -> None:
        target = self.editing_target()
        if self.brief is None or target is None:
            return
        if target == "brief":
            self.edit_summary()
        else:
            self.open_form(self.brief, target)

    def edit_title(self) -> None:
        if self.brief is not None:
            self.open_form(self.brief, "brief")

    def add_row(self) -> None:
        """A form for a new row; where the reader removed rows of the source, first a
        choice between a new row and bringing one of those back."""
        brief, row, focused = self.brief, self.focused_row(), self.focused
        table = row[0] if row else (focused.id if isinstance(focused, LineTable) else None)
        if brief is None or table not in TABLES:
            return
        removed = [path for path in self.marks.removed if path.startswith(table + ".")]
        if not removed:
            self.open_form(brief, f"{table}.new")
            return
        try:
            source = self.catalog.store.source_brief(brief.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        rows = getattr(source, table) if source else ()
        options = [("new", f"A new row of {table}")]
        for path in removed:
            n = int(path.split(".")[1])
            item = rows[n - 1] if n <= len(rows) else None  # the source may have lost it
            options.append((path, f"Bring back: {_row_label(item)}"))
        brief_id = brief.id

        def picked(choice: str | None) -> None:
            if choice == "new":
                self.open_form(brief, f"{table}.new")
            elif choice is not None:
                self._change(brief_id, lambda store: store.restore_row(brief_id, choice))

        self.app.push_screen(PickScreen(f"Add to {table}", options), picked)

    # -- the summary, edited in place --------------------------------------------------

    @property
    def summary_editor(self) -> TextArea:
        return self.query_one("#summary-editor")  # type: ignore[no-any-return]

    def prepare_summary_editor(self) -> None:
        """Mount the editor ahead of need, so the keys typed right after `e` land in it."""
        from tui.widgets.note_editor import NoteEditor

        if not self.query("#summary-editor"):
            editor = NoteEditor(id="summary-editor")
            editor.display = False
            self.query_one("#detail").mount(editor, after="#summary")

    def edit_summary(self) -> None:
        brief = self.brief
        if brief is None:
            return
        if self.article_shown:
            self.action_toggle_article()
        session = self.session
        if session.field == "summary" and session.brief_id == brief.id:
            self.set_focus(self.summary_editor)  # already open: back to it
            return
        brief_id, summary = brief.id, brief.summary
        self.guard_unsaved(lambda: self.open_summary_editor(brief_id, summary))

    def open_summary_editor(self, brief_id: str, saved: str, text: str | None = None) -> None:
        self.prepare_summary_editor()
        self.session.open_field(brief_id, "summary", saved, text)
        editor = self.summary_editor
        editor.load_text(self.session.text)
        editor.move_cursor(editor.document.end)
        editor.display = True
        self.query_one("#summary").display = False
        self.show_summary_status()
        self.set_focus(editor)
        # Stacked panes at 80×24 may be scrolled down to the tables: bring it into view.
        self.call_after_refresh(editor.scroll_visible, animate=False)

    def close_summary_editor(self) -> None:
        if self.query("#summary-editor"):
            self.summary_editor.display = False
        self.query_one("#summary").display = True

    def show_summary_status(self) -> None:
        session, editor = self.session, self.summary_editor
        state = "unsaved changes" if session.dirty else "as saved"
        editor.border_title = f"Summary · editing · {state}"
        editor.border_subtitle = "ctrl+s save · esc close"
        if session.error:  # names a path or a reason: data, never markup, in a border too
            editor.border_subtitle = safe_text(f"Not saved: {session.error}", single_line=True)
        editor.set_class(session.dirty, "-dirty")

    def summary_saved(self, brief_id: str, *, written: bool) -> None:
        """The summary's editor closes; ctrl+z undoes the edit when one was written."""
        self.close_editor()
        self.set_focus(self.query_one("#detail"))
        if not written:
            return
        self._undo.append(("edit", brief_id))
        self._content_changed(brief_id)
        self.notify("Summary saved.", timeout=2)

    # -- back to the source --------------------------------------------------------

    def revert_focused(self) -> None:
        """r: pick what to put back to the source's value (a field, or a whole row)."""
        brief, target = self.brief, self.editing_target()
        if brief is None or target is None:
            return
        options = _revert_options(self.marks, target)
        if not options:
            self.notify("Nothing here was edited: it is as the source has it.")
            return
        brief_id = brief.id

        def picked(path: str | None) -> None:
            if path is not None:
                paths = path.split("|")
                self._change(brief_id, lambda store: [store.revert(brief_id, p) for p in paths])

        question = "Put back what the source says"
        self.app.push_screen(PickScreen(question, options), picked)

    def open_form(self, brief: Brief, target: str, *, restored: Draft | None = None) -> None:
        """The form for `target` ("brief", "actors.2", "tariffs.new"), its text kept as a
        draft while it is filled in; `restored` is a draft offered back at start."""
        from tui.note_session import form_texts
        from tui.screens.edit_form import REVERT, EditFormScreen

        try:
            marks = self.catalog.store.corrections(brief.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        fields = _fields(brief, target, marks)
        if not fields:
            return
        table, _, n = target.partition(".")
        title = {"brief": "The brief", "new": f"A new row of {table}"}.get(
            n or target, f"{table[:-1].capitalize()} {n}"
        )
        can_revert = any(f.edited for f in fields) or target in marks.edited
        draft = self.session.form
        draft.open(brief.id, target, adopted=restored)
        texts = form_texts(restored) if restored else None
        form = EditFormScreen(
            title, fields, _check, can_revert=can_revert, restored=texts, on_change=self._form_typed
        )
        draft.baseline = form.initial_texts()
        if restored is not None:
            draft.typed(draft.baseline)
            self._keep_form_draft()  # ours now; the old draft goes once it is written
        brief_id = brief.id

        def done(result: dict[str, Any] | str | None) -> None:
            with contextlib.suppress(StoreError):
                draft.close()
            if result == REVERT:
                paths = [f.path for f in fields if f.edited] if target == "brief" else [target]
                self._change(brief_id, lambda store: [store.revert(brief_id, p) for p in paths])
            elif isinstance(result, dict) and result and n == "new":
                values = {path.rsplit(".", 1)[1]: value for path, value in result.items()}
                self._change(brief_id, lambda store: store.add_row(brief_id, table, values))
            elif isinstance(result, dict) and result:
                self._change(brief_id, lambda store: store.correct(brief_id, result))

        self.app.push_screen(form, done)

    def _form_typed(self, texts: dict[str, str]) -> None:
        draft = self.session.form
        if texts == draft.baseline and not draft.dirty:
            return  # the form filling its fields as it opens
        draft.typed(texts)
        if self._form_timer is not None:
            self._form_timer.stop()
        self._form_timer = after(self, self.timings.draft_pause, self._keep_form_draft)  # type: ignore[arg-type]

    def _keep_form_draft(self) -> None:
        try:
            self.session.form.keep()
        except StoreError as exc:
            self.notify(f"Draft not kept: {exc}", severity="warning")

    def remove_row(self) -> None:
        brief, row = self.brief, self.focused_row()
        if brief is None or row is None:
            return
        path = f"{row[0]}.{row[1]}"
        brief_id = brief.id

        def answered(answer: str | None) -> None:
            if answer == "remove":
                self._change(brief_id, lambda store: store.remove_row(brief_id, path))

        question = f"Remove the {_row_words(brief, *row)}? (ctrl+z brings it back)"
        self.app.push_screen(
            ChoiceScreen(question, _REMOVE, default="keep", cancel="keep"), answered
        )

    def _change(self, brief_id: str, change: Callable[[Any], object]) -> None:
        """Make one correction, then show and index the corrected brief."""
        try:
            change(self.catalog.store)
        except (StoreError, ValueError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=15)
            return
        self._undo.append(("edit", brief_id))
        self._content_changed(brief_id)
        self.notify("Correction saved.", timeout=2)

    def _content_changed(self, brief_id: str) -> None:
        self.post_message(SyncDesk(soon=True))  # the desk hears of it once edits pause
        focused, row = self.focused, self.focused_row()
        try:
            self.catalog.brief_changed(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        self.refresh_list(brief_id)
        if brief_id in self.catalog.rows:
            self._open(brief_id, scroll_home=False)
        if isinstance(focused, LineTable) and row is not None and focused.row_count:
            focused.move_cursor(row=min(row[1], focused.row_count) - 1, animate=False)

    # -- deleting and undoing --------------------------------------------------------

    def delete_highlighted(self) -> None:
        brief_id = self.brief_list.highlighted_id
        row = self.catalog.rows.get(brief_id) if brief_id else None
        if brief_id is None or row is None:
            return

        def answered(answer: str | None) -> None:
            if answer != "delete":
                return
            try:
                self.catalog.store.delete_brief(brief_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            self._undo.append(("delete", brief_id))
            self.brief = None
            self._content_changed(brief_id)
            self.notify("Brief deleted (ctrl+z undoes; `briefing trash` lists them).", timeout=5)

        question = f"Delete “{row.title}”? Its notes and corrections go to the trash with it."
        self.app.push_screen(
            ChoiceScreen(question, _DELETE, default="keep", cancel="keep"), answered
        )

    def delete_view(self, name: str) -> None:
        def answered(answer: str | None) -> None:
            if answer != "delete":
                return
            try:
                self.catalog.store.delete_view(name)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(f"Deleted the view “{name}”.", timeout=3)

        dialog = ChoiceScreen(f"Delete the view “{name}”?", _DELETE, default="keep", cancel="keep")
        self.app.push_screen(dialog, answered)

    def show_history(self) -> None:
        from tui.screens.history import HistoryScreen

        if self.brief is None:
            return
        try:
            entries = self.catalog.store.history(self.brief.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.app.push_screen(HistoryScreen(self.brief.title, entries))

    def undo_last(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.")
            return
        kind, brief_id = self._undo.pop()
        store = self.catalog.store
        try:
            if kind == "delete":
                store.undelete(brief_id)
            else:
                store.undo(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._content_changed(brief_id)
        self.notify("Undone.", timeout=2)


def _row_words(brief: Brief, table: str, n: int) -> str:
    """A row as `d` asks about it: 'actor “Mark Carney”', 'tariff “Canada → China, EVs”'."""
    if table == "actors":
        what = brief.actors[n - 1].name
    else:
        tariff = brief.tariffs[n - 1]
        what = f"{tariff.imposed_by} → {tariff.imposed_on or 'all'}"
        what += "".join(f", {product}" for product in tariff.products[:2])
    return f"{table[:-1]} “{clean(what, single_line=True)[:80]}”"


def _fields(brief: Brief, target: str, marks: BriefCorrections) -> list[FormField]:
    from briefs.corrections import ROW_FIELDS
    from tui.screens.edit_form import FormField

    if target == "brief":  # the summary is edited in place
        names = [("title", brief.title), ("tags", list(brief.tags))]
        return [
            FormField(
                name,
                _label(name),
                value,
                edited=name in marks.edited,
                source_changed=name in marks.source_changed,
            )
            for name, value in names
        ]
    table, n = target.split(".")
    if n == "new":
        return [
            FormField(f"{table}.1.{name}", _label(name), None, _CHOICES.get(name, ()))
            for name in ROW_FIELDS[table]
        ]
    items = brief.actors if table == "actors" else brief.tariffs
    if not 1 <= int(n) <= len(items):
        return []  # the row is gone (a re-import since the draft was kept)
    row = items[int(n) - 1].to_dict()
    return [
        FormField(
            f"{target}.{name}",
            _label(name),
            row.get(name),
            _CHOICES.get(name, ()),
            edited=f"{target}.{name}" in marks.edited or target in marks.edited,
            source_changed=f"{target}.{name}" in marks.source_changed,
        )
        for name in ROW_FIELDS[table]
    ]


def _shown(value: object, limit: int = 50) -> str:
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = clean("" if value is None else str(value), single_line=True) or "(empty)"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _row_label(item: object) -> str:
    if item is None:
        return "a row the source no longer has"
    row = item.to_dict()  # type: ignore[attr-defined]
    first = row.get("name") or f"{row.get('imposed_by')} → {row.get('imposed_on') or 'all'}"
    second = row.get("role") or row.get("rate") or row.get("measure") or ""
    return _shown(f"{first} {second}".strip(), 60)


def _revert_options(marks: BriefCorrections, target: str) -> list[tuple[str, str]]:
    """(paths joined by |, label) for each edited field of `target` ("brief" or a row),
    with the source's value beside it, and the whole part when more than one is edited."""
    if target == "brief":
        paths = [p for p in ("title", "summary", "tags") if p in marks.edited]
    elif target in marks.edited:  # a row the reader added or one the source lost
        return [(target, "Remove this row you added (the source does not have it)")]
    else:
        paths = sorted(p for p in marks.edited if p.startswith(target + "."))
    options = []
    for path in paths:
        name = path.rsplit(".", 1)[-1]
        changed = " (changed since your edit)" if path in marks.source_changed else ""
        source = _shown(marks.source_value(path))
        options.append((path, f"{_label(name)}: the source says “{source}”{changed}"))
    if len(paths) > 1:
        whole = "all of these" if target == "brief" else "the whole row"
        options.append(("|".join(paths if target == "brief" else [target]), f"Put back {whole}"))
    return options
