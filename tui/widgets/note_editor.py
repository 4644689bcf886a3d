"""The editor of notes and of the summary in place. Its own module so TextArea loads only
when it is first needed."""

from __future__ import annotations

from textual.widgets import TextArea


class NoteEditor(TextArea):
    """Multi-line editor; ctrl+s and escape are handled by the reader screen."""

    def __init__(self, *, id: str = "note-editor") -> None:
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False)
