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


def _read_twice(text: str) -> tuple[dt.datetime, dt.datetime]:
    """dateutil's reading of `text` under each default; raises what dateutil raises."""
    from dateutil import parser as date_parser  # not at start-up: stored dates skip it

    with warnings.catch_warnings():
        # "10:26 AM ET": a zone dateutil does not know is dropped, not worth a warning.
        warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
        return (
            date_parser.parse(text, default=_DEFAULT_A),
            date_parser.parse(text, default=_DEFAULT_B),
        )


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
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 200:
        raise DateError(f"{text[:40]!r} is not a date")
    try:
        first, second = _read_twice(cleaned)
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


# -- spans of days: what since:, before: and date: of a query name ------------------

_RELATIVE = re.compile(
    r"(\d{1,5})\s*(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)(?:\s+ago)?"
)
_MAX_SPAN_TEXT = 64


class DateSpanError(DateError):
    """A text `day_span` cannot use. `reason` says why, for the caller to word:
    'too long', 'unreadable', 'no year', 'no month' or 'outside the calendar'."""

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(f"{text[:40]!r}: {reason}")
        self.reason = reason


def _month_start(day: dt.date) -> dt.date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def relative_span(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """[start, end) for the relative dates dateutil cannot read; None when not one.

    '30d', '2w', '6m', '1y', '3 days ago': from then to today (inclusive); 'today',
    'yesterday', 'this week'/'last week' (from Monday), 'this month', 'last month', 'this
    year', 'last year'. `text` is lower case with single spaces. Raises ValueError or
    OverflowError when the span reaches outside the calendar.
    """
    from dateutil.relativedelta import relativedelta

    tomorrow = today + dt.timedelta(days=1)
    match = _RELATIVE.fullmatch(text)
    if match:
        count, unit = int(match.group(1)), match.group(2)[0]
        delta = {
            "d": relativedelta(days=count),
            "w": relativedelta(weeks=count),
            "m": relativedelta(months=count),
            "y": relativedelta(years=count),
        }[unit]
        return today - delta, tomorrow
    monday = today - dt.timedelta(days=today.weekday())
    month = _month_start(today)
    year = dt.date(today.year, 1, 1)
    named = {
        "today": (today, tomorrow),
        "yesterday": (today - dt.timedelta(days=1), today),
        "this week": (monday, monday + dt.timedelta(days=7)),
        "last week": (monday - dt.timedelta(days=7), monday),
        "this month": (month, month + relativedelta(months=1)),
        "last month": (month - relativedelta(months=1), month),
        "this year": (year, year + relativedelta(years=1)),
        "last year": (year - relativedelta(years=1), year),
    }
    return named.get(text)


def day_span(text: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days `text` names, as [start, end): a `relative_span`, or what dateutil reads
    with a year — a day (2025-10-01), a month ("oct 2025") or a year (2025).

    Case and runs of spaces are ignored. Raises DateSpanError.
    """
    from dateutil.relativedelta import relativedelta

    value = " ".join(text.lower().split())
    if len(value) > _MAX_SPAN_TEXT:
        raise DateSpanError("too long", text)
    try:
        relative = relative_span(value, today)
    except (ValueError, OverflowError) as exc:
        raise DateSpanError("outside the calendar", text) from exc
    if relative is not None:
        return relative
    try:
        first, second = _read_twice(value)
    except Exception as exc:  # dateutil raises several types on odd input; all mean "no"
        raise DateSpanError("unreadable", text) from exc
    # A field that differs between the two readings was not written: that sets the span.
    if first.year != second.year:
        raise DateSpanError("no year", text)
    if first.day == second.day and first.month != second.month:
        raise DateSpanError("no month", text)
    try:
        if first.day == second.day:  # and the month: one day
            start = first.date()
            return start, start + dt.timedelta(days=1)
        if first.month == second.month:
            start = dt.date(first.year, first.month, 1)
            return start, start + relativedelta(months=1)
        start = dt.date(first.year, 1, 1)
        return start, start + relativedelta(years=1)
    except (ValueError, OverflowError) as exc:
        raise DateSpanError("outside the calendar", text) from exc
