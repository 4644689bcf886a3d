"""Markdown export is text, not markup: whatever a brief or note holds, the document has
exactly the structure the export gives it, and shows every field as the characters it is.

Checked by rendering with markdown-it (CommonMark + GFM tables and strikethrough, the
dependency Rich already brings) with its own link safety switched off, so the test sees
what a less careful renderer (an editor, a static site) would make of the text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from briefs import Actor, Brief, Note, Tariff
from briefs.markdown import brief_markdown, escape_block, escape_inline, link

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "handler": '<img src=x onerror="alert(1)">',
    "js-autolink": "<javascript:alert(1)>",
    "js-link": "[click](javascript:alert(1))",
    "image": "![x](https://evil.example/t.png)",
    "reference": "[a]: javascript:alert(1)",
    "heading": "fine\n## Notes\n### 2025-01-01 00:00\nfake note",
    "setext": "Fake heading\n===",
    "rule": "end\n---\n\n# Another brief",
    "rule-stars": "x\n***\ny",
    "fence": "```\nswallow everything after",
    "tilde-fence": "~~~\nswallow",
    "quote": "> quoted\n> more",
    "list": "- one\n+ two\n* three\n1. four\n2) five",
    "table": "a | b\n--- | ---\n1 | 2",
    "colon-table": "a | b\n:-- | --:\n1 | 2",
    "html-comment": "<!-- hide the rest",
    "entity": "&lt;script&gt; &amp; &#x3C;",
    "emphasis": "*bold* _it_ ~~gone~~ `code`",
    "backslash": "ends with \\",
    "hashes": "Tariffs ##",
    "indented": "para\n\n    code block",
}


def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    md.validateLink = lambda url: True  # as a careless renderer would
    return md


class _Shape(HTMLParser):
    """Tags of the rendered HTML, and the text of every heading."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._in: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._in, self._buf = tag, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self.headings.append((tag, self._buf))
            self._in = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in:
            self._buf += data


def shape(markdown: str) -> _Shape:
    parser = _Shape()
    parser.feed(_md().render(markdown))
    return parser


def hostile_brief(text: str) -> Brief:
    return Brief(
        id="2025-11-27-hostile",
        title=f"T {text}",
        date="2025-11-27",
        summary=f"S {text}",
        source=f"Src {text}",
        url="javascript:alert(1)",
        actors=(Actor(name=f"A {text}", role=text, affiliation="Canada"),),
        tariffs=(Tariff(imposed_by="Canada", products=(f"P {text}",), rate=text),),
    )


def note(text: str, created: str = "2025-11-28T14:02:00+00:00") -> Note:
    return Note(id="n1", brief_id="2025-11-27-hostile", text=text, created=created, updated=created)


EXPECTED_HEADINGS = [
    ("h1", None),  # the title, checked apart
    ("h2", "Summary"),
    ("h2", "Key actors"),
    ("h2", "Tariffs"),
    ("h2", "Notes"),
    ("h3", "2025-11-28 14:02"),
]
SAFE_TAGS = {"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "br"}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_no_field_adds_markup_or_structure(kind: str) -> None:
    text = HOSTILE[kind]
    doc = brief_markdown(hostile_brief(text), [note(f"N {text}")])
    found = shape(doc)
    assert [h for h, _ in found.headings] == [h for h, _ in EXPECTED_HEADINGS], kind
    assert [t for _, t in found.headings[1:]] == [t for _, t in EXPECTED_HEADINGS[1:]], kind
    assert set(found.tags) <= SAFE_TAGS, (kind, set(found.tags) - SAFE_TAGS)
    assert found.tags.count("table") == 2, kind  # the actors and the tariffs, no other
    assert "<javascript" not in doc and not re.search(r"(?<!\\)\]\(javascript", doc)


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_every_field_shows_its_characters(kind: str) -> None:
    """Rendered, each field reads as the text it holds (line breaks aside)."""
    text = HOSTILE[kind]
    rendered = "".join(shape(escape_block(text)).text)
    assert _words(rendered) == _words(text), kind
    inline = "".join(shape(escape_inline(text)).text)
    assert _words(inline) == _words(text), kind


def _words(text: str) -> str:
    return " ".join(text.split())


def test_boundaries_between_briefs_cannot_be_faked() -> None:
    docs = [brief_markdown(hostile_brief(HOSTILE[k])) for k in ("rule", "heading", "setext")]
    found = shape("\n---\n\n".join(docs))
    assert [h for h, _ in found.headings].count("h1") == 3
    assert found.tags.count("hr") == 2


def test_a_crafted_note_time_is_text() -> None:
    doc = brief_markdown(hostile_brief("x"), [note("n", created="2025-11-28T<b>##</b>\n# Fake")])
    found = shape(doc)
    assert [h for h, _ in found.headings][-1] == "h3"
    assert "b" not in found.tags and found.tags.count("h1") == 1


def test_links_only_for_web_addresses() -> None:
    assert link("https://example.com/a?b=1&c=2") == "<https://example.com/a?b=1&c=2>"
    for url in ("javascript:alert(1)", "data:text/html,<b>", "https://x.example/<a>", "vbscript:x"):
        shown = link(url)
        assert not shown.startswith("<"), url
        assert "a" not in shape(shown).tags


def test_plain_text_stays_readable() -> None:
    text = "Canada's 100% surtax on U.S. steel (2025) — AT&T, 3.5 per cent: pipes | ok"
    assert "".join(shape(escape_block(text)).text).strip() == text
    assert (
        escape_block("Canada's 100% surtax on U.S. steel") == "Canada's 100% surtax on U.S. steel"
    )
