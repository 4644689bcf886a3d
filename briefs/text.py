"""Making untrusted text safe to show: control characters become visible stand-ins."""

from __future__ import annotations

import json
import re

# What may not reach a terminal as itself: C0 controls except tab and newline, DEL and the
# C1 controls (they start escape sequences), and every format character (Unicode category
# Cf: bidi marks, embeddings, overrides and isolates that reorder what the reader sees;
# zero-width spaces and joiners, the BOM, soft hyphens and tags that hide text or change
# its width). The Cf list is Unicode 15's, written out: building it from unicodedata at
# import would cost every start 100 ms. tests/briefs/test_text.py checks it is complete.
_FORMAT = (
    "\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
_ASTRAL_FORMAT = re.compile(
    "[\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# U+2028 and U+2029 break lines in some programs and not in others: shown as a newline.
_SEPARATORS = "\u2028\u2029"
# Beyond the BMP the pattern takes every character and the replacement keeps those that
# are not format characters: a class with astral ranges in it made every search twice as
# slow, and characters beyond the BMP (emoji, mostly) are rare in news text.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_FORMAT}{_SEPARATORS}]|[\U00010000-\U0010ffff]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL …
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _SEPARATORS:
        return "\n"
    if code > 0xFFFF and not _ASTRAL_FORMAT.match(char):
        return char
    return f"<U+{code:04X}>"


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if ord(char) > 0xFFFF and not _ASTRAL_FORMAT.match(char):
        return char
    return json.dumps(char)[1:-1]


def clean(text: str, *, single_line: bool = False) -> str:
    """`text` with unsafe characters made visible; all white space folded when single_line."""
    cleaned = _UNSAFE.sub(_stand_in, text)
    if single_line:
        cleaned = " ".join(cleaned.split())
    return cleaned


def to_json(data: object) -> str:
    """Readable JSON (UTF-8 kept) in which no character can act on a terminal.

    json escapes C0 controls itself; C1, format characters and the line separators are
    escaped here too. They can only occur inside JSON strings, where `\\uXXXX` (a pair of
    them beyond the BMP) means the same character.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(_json_escape, text)
