"""The note editor. Its own module so TextArea loads only when a note is first edited."""

from __future__ import annotations

from textual.widgets import TextArea


class NoteEditor(TextArea):
    """Multi-line editor; ctrl+s and escape are handled by the reader screen."""

    def __init__(self) -> None:
        super().__init__(id="note-editor", soft_wrap=True, show_line_numbers=False)
