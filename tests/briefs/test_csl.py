"""CSL-JSON items (for Zotero): one `article-newspaper` item per brief, with the names of
people split into family and given names and every other byline kept whole."""

from __future__ import annotations

import json

import pytest

from briefs import Brief, Note
from briefs.csl import csl_item, csl_name


def note(text: str, created: str, note_id: str = "n1") -> Note:
    return Note(id=note_id, brief_id="b", text=text, created=created, updated=created)


def test_an_item_carries_what_zotero_imports() -> None:
    brief = Brief(
        id="2025-10-31-xi",
        title="Xi and Carney meet",
        date="2025-10-31",
        summary="They talked.",
        source="The Associated Press",
        authors=("Ken Moritsugu", "The Associated Press"),
        url="https://example.com/xi",
    )
    notes = [
        note("Ask the desk\nabout canola", "2025-11-28T14:02:00+00:00"),
        note("Second", "2025-11-29T09:30:00+00:00", "n2"),
    ]
    item = csl_item(brief, notes)
    assert item == {
        "id": "2025-10-31-xi",
        "type": "article-newspaper",
        "title": "Xi and Carney meet",
        "container-title": "The Associated Press",
        "author": [{"family": "Moritsugu", "given": "Ken"}, {"literal": "The Associated Press"}],
        "issued": {"date-parts": [[2025, 10, 31]]},
        "URL": "https://example.com/xi",
        "abstract": "They talked.",
        "note": "2025-11-28 14:02 Ask the desk about canola\n2025-11-29 09:30 Second",
    }
    json.dumps(item)  # plain JSON values only


def test_absent_fields_are_left_out() -> None:
    item = csl_item(Brief(id="b", title="T", date="2025-01-02", summary="S"), [])
    assert item == {
        "id": "b",
        "type": "article-newspaper",
        "title": "T",
        "issued": {"date-parts": [[2025, 1, 2]]},
        "abstract": "S",
    }


def test_a_full_datetime_gives_its_day() -> None:
    brief = Brief(id="b", title="T", date="2025-03-04T17:45:00-05:00", summary="S")
    assert csl_item(brief, [])["issued"] == {"date-parts": [[2025, 3, 4]]}


def test_only_web_addresses_become_the_url() -> None:
    brief = Brief(id="b", title="T", date="2025-01-02", summary="S", url="javascript:alert(1)")
    assert "URL" not in csl_item(brief, [])


def test_no_note_line_reads_as_a_zotero_field() -> None:
    """Zotero keeps `note` in Extra and reads its `label: value` lines as fields: every line
    starts with the note's time, never with a word."""
    item = csl_item(
        Brief(id="b", title="T", date="2025-01-02", summary="S"),
        [note("fine\ntitle: Not the title\nDOI: 10.1/x", "2025-11-28T14:02:00+00:00")],
    )
    assert item["note"] == "2025-11-28 14:02 fine title: Not the title DOI: 10.1/x"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ken Moritsugu", {"family": "Moritsugu", "given": "Ken"}),
        ("Rob Gillies", {"family": "Gillies", "given": "Rob"}),
        ("Mary-Jane O'Neil", {"family": "O'Neil", "given": "Mary-Jane"}),
        ("J. R. Smith", {"family": "Smith", "given": "J. R."}),
        ("Ursula von der Leyen", {"family": "von der Leyen", "given": "Ursula"}),
        ("Luiz Inácio Lula da Silva", {"family": "da Silva", "given": "Luiz Inácio Lula"}),
        ("Gillies, Rob", {"family": "Gillies", "given": "Rob"}),
        ("Martin Luther King Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("Henry Ford III", {"family": "Ford", "given": "Henry", "suffix": "III"}),
        ("Reuters", {"literal": "Reuters"}),
        ("The Associated Press", {"literal": "The Associated Press"}),
        ("CBC News", {"literal": "CBC News"}),
        ("Bloomberg Staff", {"literal": "Bloomberg Staff"}),  # shares a word with the source
        ("Canola Council", {"literal": "Canola Council"}),
        ("Staff 2", {"literal": "Staff 2"}),
        ("jane doe", {"literal": "jane doe"}),
        ("A, B, C", {"literal": "A, B, C"}),
        ("Jane Doe and John Roe", {"literal": "Jane Doe and John Roe"}),
        ("  ", None),
    ],
)
def test_names_split_only_when_they_are_a_persons(
    name: str, expected: dict[str, str] | None
) -> None:
    assert csl_name(name, source="Bloomberg") == expected
