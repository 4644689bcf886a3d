"""Making untrusted text safe to show: control characters become visible stand-ins."""

from __future__ import annotations

import json
import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding,
# override and isolate characters that can reorder what the reader sees.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL …
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def clean(text: str, *, single_line: bool = False) -> str:
    """`text` with unsafe characters made visible; all white space folded when single_line."""
    cleaned = _UNSAFE.sub(_stand_in, text)
    if single_line:
        cleaned = " ".join(cleaned.split())
    return cleaned


def to_json(data: object) -> str:
    """Readable JSON (UTF-8 kept) in which no character can act on a terminal.

    json escapes C0 controls itself; C1 and bidi characters are escaped here too. They
    can only occur inside JSON strings, where `\\uXXXX` means the same character.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
