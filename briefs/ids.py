"""Brief ids: checked when given, derived from date and title when not."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def is_valid_id(value: str) -> bool:
    return ID_PATTERN.fullmatch(value) is not None


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; accents dropped, not the letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def derive_id(date_iso: str, title: str) -> str:
    """'2025-10-31' + 'Xi and Carney meet' → '2025-10-31-xi-and-carney-meet' (≤ 80 chars)."""
    words = slug(title) or "brief"
    candidate = f"{date_iso[:10]}-{words}"[:80].rstrip("-")
    return candidate
