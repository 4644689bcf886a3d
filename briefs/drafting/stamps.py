"""Dates in the header lines of news pages: "Posted November 29, 2024 5:48 pm.", "Published on
29/03/2026 - 21:47", "BEIJING, Dec. 29 (Xinhua)", and which of them dates the article."""

from __future__ import annotations

import datetime as dt
import re

from briefs.dates import MONTHS, DateError, month_pattern, parse_date

_DOT_TIME = re.compile(r"(?<=\s)(\d{1,2})\.([0-5]\d)(?=\s|$)")  # "19.02 BST"
_MONTH = rf"(?:{month_pattern()})\.?"
_FULL_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b")
_DAY_FIRST_DATE = re.compile(rf"\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\b")  # "3 June 2025"
_HAS_MONTH = re.compile(rf"\b{_MONTH}(?![a-z])")
_DAY_MONTH = re.compile(rf"\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?")
# "2025-08-19", "2025-08-19T09:15:00Z" (ISO 8601 with its time), "19/08/2025"
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:\b|(?=T\d))|\b\d{1,2}/\d{1,2}/\d{4}\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DASHED_DAY = re.compile(r"(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b")
_ISO_IN_TEXT = re.compile(r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")
_MONTH_NUMBER = {month.capitalize(): number for number, month in enumerate(MONTHS, 1)}
# The stamp most outlets print ("October 29 2024 9:14 am" once commas are gone), read without
# dateutil, which costs a tenth of the drafting time; anything else still goes to dateutil.
_PLAIN_STAMP = re.compile(
    rf"({'|'.join(_MONTH_NUMBER)})\s+(\d{{1,2}})\s+((?:19|20)\d\d)"
    r"(?:\s+(\d{1,2}):([0-5]\d)(?:\s*(am|pm|AM|PM))?)?"
)
# "GMT+9" on a page means nine hours east; dateutil reads it the POSIX way (west), so the
# offset is written out as "+09:00" first.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)([+-])(\d{1,2})(?::?([0-5]\d))?\b")
_TZ_TAIL = re.compile(r"\s+(?:[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d\d)?)?)$")


def _read_date(text: str) -> str | None:
    """A date as ISO via dateutil, after tidying what news sites add ('at', 'a.m.', 'ET')."""
    if _ISO_DAY.fullmatch(text.strip()):
        try:  # the common ` date 2025-10-31` line needs no parser
            return dt.date.fromisoformat(text.strip()).isoformat()
        except ValueError:
            return None
    cleaned = text.strip().rstrip(".").replace("a.m.", "am").replace("p.m.", "pm")
    cleaned = re.sub(r"\bat\b|,|\|", " ", cleaned)
    cleaned = _DOT_TIME.sub(r"\1:\2", cleaned)
    cleaned = _GMT_OFFSET.sub(
        lambda m: f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}", cleaned
    )
    cleaned = _TZ_TAIL.sub("", cleaned.strip())
    if len(cleaned) > 80 or not (_YEAR.search(cleaned) or _NUMERIC_DATE.search(cleaned)):
        return None
    plain = _plain_stamp(cleaned)
    if plain is not None:
        return plain
    dashed = _DASHED_DAY.match(cleaned)
    if dashed:  # "17-09-2021", "05-09-2021 10:30": day first, as every page that writes it
        day, month, year = dashed.groups()
        cleaned = f"{year}-{int(month):02d}-{int(day):02d}{cleaned[dashed.end() :]}"
    try:
        return parse_date(cleaned)
    except (DateError, ValueError, OverflowError, TypeError):
        return None


def _plain_stamp(text: str) -> str | None:
    """What parse_date gives for a plain stamp, or None to ask dateutil."""
    match = _PLAIN_STAMP.fullmatch(text)
    if not match:
        return None
    month, day, year, hour, minute, half = match.groups()
    try:
        if hour is None:
            return dt.date(int(year), _MONTH_NUMBER[month], int(day)).isoformat()
        clock = int(hour)
        if half:
            if not 1 <= clock <= 12:
                return None
            clock = clock % 12 + (12 if half in ("pm", "PM") else 0)
        return dt.datetime(
            int(year), _MONTH_NUMBER[month], int(day), clock, int(minute)
        ).isoformat()
    except ValueError:
        return None  # "February 30": dateutil decides


def _first_full_date(text: str) -> str | None:
    """ "February 10, 2026 - Ottawa, Ontario", "KYODO NEWS - Feb 10, 2025 - 14:02 | World",
    "Trade press | Nordic Metals | 3 June 2025",
    "Source: Xinhua | 2025-12-29 21:07:35 | Editor: …"."""
    match = _FULL_DATE.search(text) or _DAY_FIRST_DATE.search(text)
    if match:
        return _read_date(match.group(0))
    iso = _ISO_IN_TEXT.search(text)
    return _read_date(iso.group(0)) if iso else None


def _is_date_line(text: str) -> bool:
    return len(text) <= 60 and bool(_HAS_MONTH.search(text) or _NUMERIC_DATE.search(text))


def _day_first_if_dateline_says(candidate: str, dateline_date: str | None) -> str:
    """ "03/06/2025" read as March 6 beside "OSLO, 3 June (Xinhua)": the dateline's 3 June."""
    if not dateline_date or _YEAR.search(dateline_date):
        return candidate
    named = _read_date(f"{dateline_date} {candidate[:4]}")
    year, month, day = candidate[:4], candidate[5:7], candidate[8:10]
    if named and named[:10] != candidate[:10] and named[:10] == f"{year}-{day}-{month}":
        return named[:10] + candidate[10:]
    return candidate


def _choose_date(
    line_date: str | None,
    posted: str | None,
    stamp_date: str | None,
    updated: str | None,
    dateline_date: str | None,
    nearby: list[str],
) -> str | None:
    """The first line, else the Posted line, else a date line, else the dateline."""
    for candidate in (line_date, posted, stamp_date):
        if candidate:
            # A Posted time on the same day makes the date exact.
            if candidate is line_date and posted and posted[:10] == line_date[:10]:
                return posted
            return _day_first_if_dateline_says(candidate, dateline_date)

    if dateline_date:
        exact = _read_date(dateline_date)
        if exact:
            return exact
        year_from = updated or next(
            (m.group(0) for t in nearby for m in [_FULL_DATE.search(t[:2000])] if m), None
        )
        year = _YEAR.search(year_from or "")
        if year:
            return _read_date(f"{dateline_date} {year.group(0)}")
    if updated:
        return updated
    for text in nearby:
        match = _FULL_DATE.search(text[:2000])
        if match:
            return _read_date(match.group(0))
    return None


# Public names for the layout reader.
read_date = _read_date
first_full_date = _first_full_date
is_date_line = _is_date_line
choose_date = _choose_date
HAS_MONTH = _HAS_MONTH
DAY_MONTH = _DAY_MONTH
YEAR = _YEAR
