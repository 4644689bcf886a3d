"""Patterns that run on article text do bounded work per character, whatever the text.

Sizes are chosen so that the old patterns would take minutes (they were quadratic: 8,000
characters took 0.3 s, 200,000 take about 200 s); the tests finish at once now, and check
the answers too.
"""

from __future__ import annotations

from briefs.drafting.sentences import split_sentences

LONG = 200_000


def test_a_long_run_of_punctuation_is_one_pass() -> None:
    for mark in ("!", ".", "?", '."', ".)"):
        text = mark * (LONG // len(mark)) + "x"
        assert split_sentences(text) == [text]


def test_long_runs_of_marks_still_end_sentences() -> None:
    text = "Wow" + "!" * 40 + " Next one." + "?" * 3 + " Last."
    assert split_sentences(text) == ["Wow" + "!" * 40, "Next one.???", "Last."]
