"""The last look for an article's date (briefs/drafting/late_dates.py), in sentences of our own."""

from __future__ import annotations

import pytest

from briefs.drafting import ArticleError, draft_brief
from briefs.drafting.late_dates import date_anywhere


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A dotted, day-first date line under the headline.
        (
            ["Ministry press office", "Lima, 04.11.2025", "The ministry said on Tuesday …"],
            "2025-11-04",
        ),
        # A footer's publication line.
        (["Story text.", "Originally published on Example Wire, June 9, 2024."], "2024-06-09"),
        (["Body.", "Last updated 17 February 2026 at 08:10"], "2026-02-17"),
        # An ISO date after "Released".
        (["Released: 2025-07-30 | Office of the Trade Representative", "Body."], "2025-07-30"),
        # A place and a date as a short line near the top.
        (["Headline here", "OTTAWA, ONTARIO, September 2, 2025", "Text."], "2025-09-02"),
    ],
)
def test_a_date_named_as_the_pages_own_is_found(paragraphs: list[str], expected: str) -> None:
    assert date_anywhere(paragraphs) == expected


def test_a_publication_cue_wins_over_a_date_line() -> None:
    paragraphs = ["Talks set for 03.03.2026", "Text.", "Posted on March 1, 2026"]
    assert date_anywhere(paragraphs) == "2026-03-01"


def test_otherwise_the_latest_date_the_story_reports() -> None:
    body = (
        "The board first looked at the case on March 3, 2024. It ruled on January 20, 2025, "
        "and the duties will apply from April 1, 2025, until March 31, 2030."
    )
    # The two future dates are led into by 'from' and 'until': the article's day is the ruling.
    assert date_anywhere(["A long headline for the story", body]) == "2025-01-20"


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["No date here at all.", "Prices rose 12.5 percent."],
        ["Version 1.2.2025 of the tool."],  # a version number is no date
        ["Imports from 31.02.2025 rose."],  # no such day
        ["Duties take effect from June 1, 2026."],  # only a date to come
    ],
)
def test_no_date_is_none(paragraphs: list[str]) -> None:
    assert date_anywhere(paragraphs) is None


_RELEASE = """Ministry of Trade - Statement

Government sets provisional duty on imported fence wire

Quito, 21.10.2025

The ministry decided to charge a provisional anti-dumping duty of 18% on galvanised fence wire
from Peru, after local mills said prices had fallen by a third in a year.

The duty applies for six months while the inquiry goes on, the ministry said in a statement.
"""

_REPOST = """Newsfront

Markets | Trade

Port workers end strike after tariff talks

Story by Lena Ortiz • Updated 3 hours ago

Dock workers returned to work on Thursday after the government agreed to review a 12% import
levy on spare parts, union leaders said.

The levy had raised costs at the port by about a tenth, the union said.

First published on Harbour Daily, May 8, 2025.

More for you
"""


@pytest.mark.parametrize(("text", "expected"), [(_RELEASE, "2025-10-21"), (_REPOST, "2025-05-08")])
def test_an_article_dated_only_below_its_header_drafts(text: str, expected: str) -> None:
    # Both failed as "no date found" before the last look.
    assert draft_brief(text).date[:10] == expected


def test_an_article_with_no_date_anywhere_still_asks_for_one() -> None:
    with pytest.raises(ArticleError, match="--date"):
        draft_brief("Port workers end strike\n\nDock workers returned to work on Thursday.\n")


@pytest.mark.parametrize(
    "stamp", ["2025-08-19T09:15:00Z", "2025-08-19T09:15:00+05:30", "Updated 2025-08-19T09:15Z"]
)
def test_an_iso_8601_stamp_with_its_time_dates_the_article(stamp: str) -> None:
    # A trade paper's stamp line: the date ran on into its time ("T09"), and was not read.
    text = (
        f"Resin duties recommended\n\n{stamp}\n\nBy Ana Cruz\n\n"
        "MUMBAI -- The trade remedies office recommended duties on resin from three origins "
        "in final findings issued on Monday, officials said.\n"
    )
    assert draft_brief(text).date[:10] == "2025-08-19"
    assert date_anywhere([f"Filed {stamp}"]) == "2025-08-19"
