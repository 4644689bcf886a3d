"""Text from files is data: never markup, and never a control sequence for the terminal.

Every string from a brief or a note reaches a widget through `safe_text`: a Rich `Text`
(never parsed as markup) whose control characters are replaced by visible stand-ins.
"""

from __future__ import annotations

from rich.text import Text

from briefs.text import clean


def safe_text(
    text: str | None, style: str = "", *, single_line: bool = False, limit: int | None = None
) -> Text:
    """Plain, inert text; cut to `limit` characters with an ellipsis when given."""
    shown = clean(text or "", single_line=single_line)
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return Text(shown, style=style, end="")
