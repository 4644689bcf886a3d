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


def is_derived(brief_id: str, date_iso: str, title: str) -> bool:
    """Whether `brief_id` is what `derive_id` makes of this date and title: such an id
    names a day and the start of a headline, which two stories can share."""
    return bool(date_iso and title) and brief_id == derive_id(date_iso, title)


def with_suffix(brief_id: str, n: int) -> str:
    """The n-th id for another story whose derived id is `brief_id`: '…-meet-2' (≤ 80)."""
    tail = f"-{n}"
    return f"{brief_id[: 80 - len(tail)].rstrip('-')}{tail}"
