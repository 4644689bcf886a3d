"""The reader asks whether a text field has the focus without loading the text area's
modules at start (reader_notes imported TextArea for it, some milliseconds of every
start); a text area, once the note editor has made one, is still a field that types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from tui.screens.reader_notes import TYPING_FIELDS

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_loads_without_the_text_area() -> None:
    code = "import sys, tui.app; print('textual.widgets._text_area' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_inputs_and_text_areas_are_typing_fields() -> None:
    assert isinstance(Input(), TYPING_FIELDS)
    assert isinstance(TextArea(), TYPING_FIELDS)
    assert not isinstance(Static(), TYPING_FIELDS)
    assert not isinstance(None, TYPING_FIELDS)
