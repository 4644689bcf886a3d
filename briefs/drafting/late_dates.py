"""The article's date when its header names none: the last look before "no date found".

Pages put the date in many places the header rules do not reach: a dotted day-first line
under the headline ("Brussels, 12.03.2025"), a footer ("First published on …, March 14,
2025."), a repost's "Updated 2 hours ago" with the real date lower down. Failing there loses
the whole brief, so this looks through every paragraph, surest cue first:

1. a date right after a publication word (published, posted, updated, released, issued);
2. a short line near the top, not a sentence, that is a date or a place and a date;
3. the latest date of the text that no future or past-event word leads into: the newest
   thing a story reports is near the day it was written.
"""

from __future__ import annotations

import datetime as dt
import re

from briefs.dates import month_number, month_pattern

_MONTH = rf"(?:{month_pattern()})\.?"
_YEAR = r"(?:19|20)\d\d"
# Each form with its groups named, so one reader takes them all.
_FORMS = (
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})",
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})",
    rf"(?P<y3>{_YEAR})-(?P<n3>\d{{1,2}})-(?P<d3>\d{{1,2}})",
    # Dots are day-first wherever they are written ("12.03.2025"; a two-digit month, so
    # "1.2.2025" is left as the version number it may be); slashes are left to the header
    # rules, which know the outlet's habit.
    rf"(?P<d4>\d{{1,2}})\.(?P<n4>\d\d)\.(?P<y4>{_YEAR})",
)
# Not inside a longer word or number, though ISO 8601 may go on with its time ("…T09:15Z").
_DATE = re.compile(r"(?<![\w.-])(?:" + "|".join(_FORMS) + r")(?!(?!T\d)[\w-]|\.\d)")
_PUBLISHED = re.compile(
    r"\b(?i:(?:first |originally |last )?(?:published|posted|updated|released|issued)"
    r"|date(?:d)?)\b[^.\n]{0,40}$"
)
# Words that lead into a date that is not the article's: one to come, or one long past.
_NOT_TODAY = re.compile(
    r"\b(?i:will|would|from|until|till|through|effective|starting|start|begin|begins|by|"
    r"before|after|since|expire[sd]?|expiry|deadline|due|takes? effect|in force from|"
    r"set for|scheduled|ends?|runs? to)\s+(?:on\s+)?$"
)
_TOP = 8  # paragraphs that count as the page's top
_SHORT = 80  # characters: a line this short that holds a date is a date line


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    for k in "1234":
        year = parts.get(f"y{k}")
        if year is None:
            continue
        month_text = parts.get(f"m{k}")
        month = month_number(month_text) if month_text else int(parts[f"n{k}"])
        try:
            return dt.date(int(year), month or 0, int(parts[f"d{k}"])).isoformat()
        except ValueError:
            return None
    return None


def _dates(text: str) -> list[tuple[re.Match[str], str]]:
    return [(m, iso) for m in _DATE.finditer(text) if (iso := _iso(m))]


def first_date(text: str) -> str | None:
    """The first date in `text` in any form this module reads, as ISO, or None."""
    found = _dates(text)
    return found[0][1] if found else None


def date_anywhere(paragraphs: list[str]) -> str | None:
    """The article's date as ISO from anywhere in its paragraphs, or None."""
    found = [(n, p, m, iso) for n, p in enumerate(paragraphs) for m, iso in _dates(p)]
    for _n, para, match, iso in found:
        if _PUBLISHED.search(para[max(0, match.start() - 60) : match.start()]):
            return iso
    plain = [
        (n, para.strip(), iso)
        for n, para, match, iso in found
        if not _NOT_TODAY.search(para[max(0, match.start() - 30) : match.start()])
    ]
    for n, para, iso in plain:
        if n < _TOP and len(para) <= _SHORT and not para.endswith((".", "!", "?")):
            return iso
    return max((iso for _n, _p, iso in plain), default=None)
