"""The Obsidian export: a note per brief whose front matter parses as YAML to exactly the
brief's values, and whose Markdown keeps its structure whatever a field or a note holds.

The front matter is read with PyYAML's safe loader (what Obsidian's own reader accepts is a
subset of what it parses); the Markdown is rendered as in tests/briefs/test_markdown.py.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from briefs import Actor, Brief, Note, Tariff
from briefs.obsidian import FRONT_MATTER_KEYS, obsidian_note, wikilink, yaml_string
from tests.briefs.test_markdown import HOSTILE, SAFE_TAGS, shape

# What Obsidian reads besides Markdown, each in a note and in every field.
OBSIDIAN_HOSTILE = {
    "wikilink": "see [[Other brief]] and ![[embed.png]]",
    "tag": "#canola #trade/policy",
    "comment": "%% hide the rest",
    "highlight": "==marked==",
    "math": "$x^2$ and $$\\int$$",
    "block-id": "end ^block-1",
    "callout": "> [!warning] Fake callout",
    "front-matter": "---\nid: other\n---",
    "yaml-breakers": "a: b\n- c\n\"quoted\" \\ back 'single' {flow} [list] & * ! | > % @ `",
    "controls": "esc \x1b[31m red \x07 bell \x85 nel \u2028 line \u2029 para \ufeff bom",
    "bidi": "abc \u202edcba\u202c \u200b zero",
    "astral": "emoji \U0001f600 and tag \U000e0041",
}
ALL_HOSTILE = {**HOSTILE, **OBSIDIAN_HOSTILE}
# Characters a file must not hold as themselves: controls, format characters, surrogates,
# non-characters, and the line and paragraph separators.
UNSHOWN = {"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"}


def brief_with(text: str) -> Brief:
    return Brief(
        id="2025-11-27-hostile",
        title=f"T {text}",
        date="2025-11-27",
        summary=f"S {text}",
        source=f"Src {text}",
        authors=(f"Au {text}",),
        dateline=f"Dl {text}",
        url="https://example.com/a?b=1&c=2",
        actors=(Actor(name=f"A {text}", role=text, affiliation="Canada"),),
        tariffs=(Tariff(imposed_by="Canada", products=(f"P {text}",), rate=text),),
        tags=(f"tag {text}",),
        body=f"B {text}",
    )


def note(text: str) -> Note:
    when = "2025-11-28T14:02:00+00:00"
    return Note(id="n1", brief_id="2025-11-27-hostile", text=text, created=when, updated=when)


def split(doc: str) -> tuple[dict[str, object], str]:
    """The front matter (parsed) and the Markdown after it."""
    assert doc.startswith("---\n")
    head, sep, rest = doc[4:].partition("\n---\n")
    assert sep, "front matter is not closed"
    data = yaml.safe_load(head)
    assert isinstance(data, dict)
    return data, rest


EXPECTED_HEADINGS = ["h1", "h2", "h2", "h2", "h2", "h3", "h2"]
EXPECTED_TITLES = ["Summary", "Key actors", "Tariffs", "Notes", "2025-11-28 14:02", "Article"]


@pytest.mark.parametrize("kind", list(ALL_HOSTILE))
def test_front_matter_parses_to_the_briefs_values(kind: str) -> None:
    text = ALL_HOSTILE[kind]
    brief = brief_with(text)
    data, _ = split(obsidian_note(brief, [note(f"N {text}")], starred=True, read=False))
    assert list(data) == list(FRONT_MATTER_KEYS)
    assert data["id"] == brief.id
    assert data["title"] == brief.title  # every character, escapes and all
    assert data["date"] == "2025-11-27"
    assert data["source"] == brief.source
    assert data["url"] == brief.url
    assert data["starred"] is True and data["read"] is False
    (tag,) = data["tags"]  # type: ignore[misc]
    assert isinstance(tag, str) and re.fullmatch(r"[\w/-]+", tag), tag
    (actor,) = data["actors"]  # type: ignore[misc]
    assert isinstance(actor, str) and re.fullmatch(r"\[\[[^\[\]|#^]+\]\]", actor), actor


@pytest.mark.parametrize("kind", list(ALL_HOSTILE))
def test_no_field_or_note_changes_the_structure(kind: str) -> None:
    text = ALL_HOSTILE[kind]
    doc = obsidian_note(brief_with(text), [note(f"N {text}")], starred=False, read=True)
    _, markdown = split(doc)
    found = shape(markdown)
    assert [h for h, _ in found.headings] == EXPECTED_HEADINGS, kind
    assert [t for _, t in found.headings[1:]] == EXPECTED_TITLES, kind
    assert set(found.tags) <= SAFE_TAGS | {"a"}, (kind, set(found.tags) - SAFE_TAGS)
    assert found.tags.count("table") == 2, kind
    assert found.tags.count("a") == 1, kind  # the brief's own web address, no other link
    # Obsidian's own syntax never appears unescaped in what came from the brief.
    for syntax in ("[[", "%%", "==", "$", "^", "#c", "#t"):
        assert not re.search(r"(?<!\\)" + re.escape(syntax), markdown.replace("\\\\", "")), (
            kind,
            syntax,
        )
    assert "\x1b" not in doc and "\u202e" not in doc and "\u2028" not in doc


def test_the_document_reads_as_a_brief() -> None:
    brief = Brief(
        id="2025-10-31-xi",
        title="Xi and Carney meet",
        date="2025-10-31",
        summary="They talked.",
        source="The Associated Press",
        authors=("Ken Moritsugu",),
        url="https://example.com/xi",
        actors=(Actor("Xi Jinping", role="President", affiliation="China"),),
        tariffs=(Tariff("Canada", "China", ("electric vehicles",), "100%"),),
        tags=("trade policy", "canola"),
        body="GYEONGJU — The leaders met.",
    )
    doc = obsidian_note(brief, [note("Ask the desk")], starred=False, read=True)
    data, markdown = split(doc)
    assert data == {
        "id": "2025-10-31-xi",
        "title": "Xi and Carney meet",
        "date": "2025-10-31",
        "source": "The Associated Press",
        "url": "https://example.com/xi",
        "tags": ["trade-policy", "canola"],
        "actors": ["[[Xi Jinping]]"],
        "starred": False,
        "read": True,
    }
    assert markdown.lstrip().startswith("# Xi and Carney meet\n")
    assert "| Xi Jinping | person | President | China |" in markdown
    assert "| Canada → China | electric vehicles | 100\\% |" in markdown  # `%%` is a comment
    assert "Ask the desk" in markdown and "The leaders met." in markdown
    assert "<https://example.com/xi>" in markdown


def test_absent_values_are_null_and_empty_lists_empty() -> None:
    brief = Brief(id="b", title="T", date="2025-01-02", summary="S")
    data, markdown = split(obsidian_note(brief, [], starred=False, read=False))
    assert data["source"] is None and data["url"] is None
    assert data["tags"] == [] and data["actors"] == []
    assert "## Notes" not in markdown and "## Article" not in markdown


def test_a_url_that_is_not_a_web_address_is_left_out_of_the_front_matter() -> None:
    brief = Brief(id="b", title="T", date="2025-01-02", summary="S", url="javascript:alert(1)")
    data, markdown = split(obsidian_note(brief, [], starred=False, read=False))
    assert data["url"] is None
    assert "](javascript" not in markdown and "<javascript" not in markdown


def test_yaml_string_round_trips_every_kind_of_character() -> None:
    every = "".join(chr(c) for c in range(0x250)) + "\u2028\u2029\ufeff\ufffe\uffff\U0001f600"
    for text in (every, "", "null", "true", "123", "- x", "[[a]]", "#x", "'", '"', "\\"):
        quoted = yaml_string(text)
        assert quoted.startswith('"') and quoted.endswith('"') and "\n" not in quoted
        assert not [c for c in quoted if unicodedata.category(c) in UNSHOWN], repr(text)
        assert yaml.safe_load(f"k: {quoted}") == {"k": text}, repr(text)


def test_wikilink_targets_keep_to_what_obsidian_links_to() -> None:
    assert wikilink("Xi Jinping") == "[[Xi Jinping]]"
    assert wikilink("A]] | [[B#x^y") == "[[A B x y]]"
    assert wikilink("U.S./Canada: talks") == "[[U.S. Canada talks]]"
    assert wikilink("..hidden") == "[[hidden]]"
    assert wikilink("[]|#") is None
