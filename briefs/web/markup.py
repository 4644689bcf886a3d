"""Text that came as markup, made plain: tags dropped, entities read, controls removed."""

from __future__ import annotations

import html
import re

_BLOCKS = re.compile(r"<(script|style|iframe|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_BREAKS = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6])\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
# C0 controls but tab and newline, DEL and C1: never meaningful in a page, and an ESC
# in a title would act on the terminal that shows it.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str | None, *, limit: int = 300) -> str:
    """Plain text on one line, white space folded, at most `limit` characters."""
    if not text:
        return ""
    folded = " ".join(strip_controls(text).split())
    return folded if len(folded) <= limit else folded[: limit - 1].rstrip() + "…"


def plain_text(fragment: str | None) -> str:
    """An HTML fragment (a feed item's summary) as plain paragraphs."""
    if not fragment:
        return ""
    text = _BLOCKS.sub(" ", fragment)
    text = _BREAKS.sub("\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    lines = (_SPACES.sub(" ", line).strip() for line in strip_controls(text).split("\n"))
    return "\n".join(line for line in lines if line)
