"""Reading dates in any common form and showing them to people."""

from __future__ import annotations

import datetime as dt
import re
import warnings

# Two defaults that differ in every time field: a field that comes out the same
# under both was written in the text; otherwise dateutil filled it in.
_DEFAULT_A = dt.datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = dt.datetime(2001, 2, 2, 1, 1, 1)

# The one month table: drafting reads story dates with it, and every pattern of month names is
# built from it, so no module keeps a list of its own.
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Abbreviations written with a dot ("Oct. 31") that do not end a sentence; "may" is a word.
MONTH_ABBREVIATIONS = frozenset(m[:3] for m in MONTHS if m != "may") | {"sept"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month_number(name: str) -> int | None:
    """1–12 for a month's name or abbreviation in any case ('Oct', 'Sept.', 'MAY'), else None."""
    word = name.rstrip(".").casefold()
    for number, month in enumerate(MONTHS, 1):
        if word == month or (word in MONTH_ABBREVIATIONS and month.startswith(word)):
            return number
    return None


def month_pattern(*, full_only: tuple[str, ...] = ()) -> str:
    """A regex alternation of capitalised months: 'Jan(?:uary)?|…|Sep(?:tember|t)?|…'.

    A month in `full_only` is only matched in full (drafting skips a bare "Mar").
    """
    forms = []
    for month in MONTHS:
        short = month[:3]
        if month in full_only or short not in MONTH_ABBREVIATIONS:
            forms.append(month.capitalize())
            continue
        rests = {month[3:]} | {a[3:] for a in MONTH_ABBREVIATIONS if a.startswith(short)}
        tails = "|".join(sorted((r for r in rests if r), key=len, reverse=True))
        forms.append(f"{short.capitalize()}(?:{tails})?")
    return "|".join(forms)


class DateError(ValueError):
    """A date that python-dateutil cannot read."""


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> str:
    """Return `text` as ISO `YYYY-MM-DD`, or a full ISO datetime when it has a time.

    Raises DateError when the text holds no date or is only partial (no year).
    """
    if _ISO_DAY.fullmatch(text):
        # What we store ourselves: no need for dateutil (nor its import at start-up).
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError as exc:
            raise DateError(f"{text!r} is not a date") from exc
    from dateutil import parser as date_parser

    cleaned = text.strip()
    if not cleaned or len(cleaned) > 200:
        raise DateError(f"{text[:40]!r} is not a date")
    try:
        with warnings.catch_warnings():
            # "10:26 AM ET": a zone dateutil does not know is dropped, not worth a warning.
            warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
            first = date_parser.parse(cleaned, default=_DEFAULT_A)
            second = date_parser.parse(cleaned, default=_DEFAULT_B)
    except (ValueError, OverflowError) as exc:
        raise DateError(f"{cleaned[:40]!r} is not a date") from exc
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise DateError(f"{cleaned[:40]!r} lacks a day, month or year")
    if (first.hour, first.minute) == (second.hour, second.minute):
        return first.replace(microsecond=0).isoformat()
    return first.date().isoformat()


def day_of(iso: str) -> dt.date:
    """The calendar day of an ISO date or datetime as stored in a brief."""
    return dt.date.fromisoformat(iso[:10])


def format_day(iso: str) -> str:
    """'2025-10-31' → '31 Oct 2025'."""
    return day_of(iso).strftime("%d %b %Y")


def age(iso: str, today: dt.date) -> str:
    """How long ago a date was, in words: 'today', '1 day ago', '3 months ago'."""
    days = (today - day_of(iso)).days
    if days < 0:
        return "in the future" if days < -1 else "tomorrow"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"
