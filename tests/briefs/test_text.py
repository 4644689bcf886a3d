"""The one inert-text path: what `clean` and `to_json` let through to a terminal."""

from __future__ import annotations

import json

import pytest

from briefs.text import clean, to_json

# Characters that act on a terminal or change what the reader sees without showing.
INVISIBLE = {
    "esc": "\x1b",
    "bel": "\x07",
    "c1-csi": "\x9b",
    "nel": "\x85",
    "rlo": "\u202e",
    "lre": "\u202a",
    "rli": "\u2067",
    "pdi": "\u2069",
    "lrm": "\u200e",
    "rlm": "\u200f",
    "alm": "\u061c",
    "zwsp": "\u200b",
    "zwnj": "\u200c",
    "zwj": "\u200d",
    "word-joiner": "\u2060",
    "invisible-times": "\u2062",
    "bom": "\ufeff",
    "soft-hyphen": "\xad",
    "mongolian-vowel-sep": "\u180e",
    "interlinear": "\ufff9",
    "tag": "\U000e0041",
}


@pytest.mark.parametrize("name", list(INVISIBLE))
def test_clean_shows_every_invisible_character(name: str) -> None:
    char = INVISIBLE[name]
    for single_line in (False, True):
        shown = clean(f"a{char}b", single_line=single_line)
        assert char not in shown, name
        assert shown.startswith("a") and shown.endswith("b")
        assert len(shown) > 2, "made visible, not dropped"


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_line_and_paragraph_separators_become_plain_breaks(char: str) -> None:
    assert clean(f"one{char}two") == "one\ntwo"
    assert clean(f"one{char}two", single_line=True) == "one two"


def test_clean_keeps_text_people_write() -> None:
    text = "Café — «tariffs» 加拿大 🇨🇦 25%\tnext\nline"
    assert clean(text) == text
    assert clean("a\nb\tc", single_line=True) == "a b c"


@pytest.mark.parametrize("name", list(INVISIBLE))
def test_to_json_escapes_every_invisible_character(name: str) -> None:
    char = INVISIBLE[name]
    text = to_json({"k": f"a{char}b"})
    assert char not in text
    assert json.loads(text) == {"k": f"a{char}b"}  # the same data, only spelled safely


def test_to_json_escapes_separators() -> None:
    text = to_json(["a\u2028b\u2029c"])
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == ["a\u2028b\u2029c"]


def test_every_format_and_control_character_is_shown() -> None:
    """The written-out list in briefs/text.py against this Python's Unicode tables."""
    import sys
    import unicodedata

    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
        and chr(code) not in "\t\n"
        and chr(code) in clean(chr(code))
    ]
    assert missed == []
