"""The drafting lexicon: word lists kept tidy, cue tables of the expected shape."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from briefs.drafting import lexicon
from briefs.model import MEASURES, STATUSES

LISTS = sorted(
    entry.name.removesuffix(".txt")
    for entry in files(lexicon.__name__).iterdir()
    if entry.name.endswith(".txt")
)


def test_the_lists_are_found() -> None:
    assert {"role_heads", "org_heads", "common", "not_actors", "regions", "products"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_list_is_lower_case_sorted_and_without_duplicates(name: str) -> None:
    text = files(lexicon.__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    found = lexicon.entries(text)
    assert found, f"{name}.txt is empty"
    # Lookups are on lower-cased tokens, so an entry with a capital could never match.
    assert [e for e in found if e != e.lower()] == []
    assert [e for e in found if e != " ".join(e.split())] == []
    assert found == sorted(found), f"{name}.txt is not sorted"
    assert len(found) == len(set(found)), f"{name}.txt repeats an entry"


def test_entries_drop_comments_and_blank_lines() -> None:
    assert lexicon.entries("# a comment\n\nbeta\nalpha  # why\n") == ["beta", "alpha"]


def test_cue_tables_have_the_expected_shape() -> None:
    cues = lexicon.table("cues")
    assert set(cues) == {"status", "measure"}
    for entry in cues["status"]:
        assert set(entry) == {"status", "cue"}
        assert entry["status"] in STATUSES
        pattern = lexicon.cue(entry)
        re.compile(pattern)
        # Status cues run on lower-cased text: a capital letter would never match there.
        assert not re.search(r"(?<!\\)[A-Z]", pattern), entry["status"]
    assert {e["status"] for e in cues["status"]} == set(STATUSES)
    for entry in cues["measure"]:
        assert set(entry) == {"kind", "cue"}
        assert entry["kind"] in MEASURES and entry["kind"] != "tariff"
        re.compile(lexicon.cue(entry))
    assert all(isinstance(p, str) for e in cues["status"] + cues["measure"] for p in e["cue"])


def test_known_organisations_are_keyed_by_lower_case_names() -> None:
    # The exception to lower case: values are names as a brief shows them ("World Trade
    # Organization"); keys are what a folded mention is looked up by.
    known = lexicon.table("known_orgs")
    assert known["wto"] == "World Trade Organization"
    assert all(key == key.lower() and isinstance(value, str) for key, value in known.items())
    assert list(known) == sorted(known)


def test_lists_are_loaded_once() -> None:
    assert lexicon.words("common") is lexicon.words("common")
