"""briefs.corrections and briefs.correcting: checking fields, laying corrections over a
brief, planning each change. Pure: no store."""

from __future__ import annotations

import dataclasses

import pytest

from briefs.correcting import (
    plan_add,
    plan_correct,
    plan_remove,
    plan_restore,
    plan_revert,
    value_at,
)
from briefs.corrections import (
    CorrectionError,
    Corrections,
    apply,
    check_field,
    check_row,
    check_value,
    describe,
)
from briefs.model import Actor, Brief, Tariff

AT = "2025-11-28T14:02:00+00:00"
SOURCE = Brief(
    id="b",
    title="Canada tariffs Chinese EVs",
    date="2024-08-26",
    summary="Canada acts.",
    actors=(
        Actor("Justin Trudeau", "person", "Prime Minister", "Canada"),
        Actor("Chrystia Freeland", "person", "Finance Minister", "Canada"),
    ),
    tariffs=(
        Tariff("Canada", "China", ("electric vehicles",), "100%", "surtax", "announced", 2024),
    ),
    tags=("canada", "evs"),
)


def corrected(*changes: dict[str, object]) -> tuple[Brief, Corrections]:
    """Apply each change in turn, as the store would, and return (brief, corrections)."""
    entries: dict[str, object] = {}
    for change in changes:
        plan = plan_correct(SOURCE, Corrections(entries), change, AT)
        for key, entry in plan.updates.items():
            if entry is None:
                entries.pop(key, None)
            else:
                entries[key] = entry
    corrections = Corrections(entries)
    return apply(SOURCE, corrections), corrections


def carry_out(entries: dict[str, object], plan) -> Corrections:  # type: ignore[no-untyped-def]
    for key, entry in plan.updates.items():
        if entry is None:
            entries.pop(key, None)
        else:
            entries[key] = entry
    return Corrections(entries)


@pytest.mark.parametrize(
    ("path", "text", "value"),
    [
        ("tariffs.1.rate", "25%", "25%"),
        ("tariffs.1.rate", " 17.0%-35.3% ", "17.0%-35.3%"),
        ("tariffs.1.rate", "up to 35.3%", "up to 35.3%"),
        ("tariffs.1.rate", "", None),
        ("tariffs.1.year", "2025", 2025),
        ("tariffs.1.year", "", None),
        ("tariffs.1.status", "Threatened", "threatened"),
        ("tariffs.1.measure", "anti-dumping duty", "anti-dumping duty"),
        ("tariffs.1.products", "canola, pork ,, seafood", ["canola", "pork", "seafood"]),
        ("tariffs.1.imposed_on", "", None),
        ("actors.3.kind", "country", "country"),
        ("actors.1.role", "  ", None),
        ("tags", "a, b", ["a", "b"]),
        ("title", " New title ", "New title"),
        ("date", "31 Oct 2025", "2025-10-31"),
        ("summary", "[bold]x\x1b[2J", "[bold]x\x1b[2J"),  # hostile text stays data
    ],
)
def test_check_field_reads_a_form_value(path: str, text: str, value: object) -> None:
    assert check_field(path, text) == value


@pytest.mark.parametrize(
    ("path", "text", "reason"),
    [
        ("tariffs.1.rate", "lots", "is not a rate as written"),
        ("tariffs.1.year", "1899", "is not a year from 1900 to 2100"),
        ("tariffs.1.year", "twenty", "is not a year"),
        ("tariffs.1.status", "maybe", "is not one of in force"),
        ("actors.1.kind", "org", "is not one of person, organization, country"),
        ("actors.1.name", " ", "must not be empty"),
        ("tariffs.1.imposed_by", "", "must not be empty"),
        ("title", "", "must not be empty"),
        ("summary", "", "must not be empty"),
        ("colour", "x", "no such field"),
        ("actors.0.name", "x", "rows count from 1"),
        ("actors.1.height", "x", "no such field"),
        ("actors.1", "x", "names a row"),
        ("title", "bad \ud800", "lone surrogate"),
    ],
)
def test_check_field_names_the_path_and_the_reason(path: str, text: str, reason: str) -> None:
    with pytest.raises(CorrectionError) as caught:
        check_field(path, text)
    assert caught.value.path == path and reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_check_value_takes_python_values() -> None:
    assert check_value("tags", ["a", " b", ""]) == ["a", "b"]
    assert check_value("tariffs.1.year", 2030) == 2030
    assert check_value("tariffs.1.year", None) is None
    with pytest.raises(CorrectionError, match="year from 1900"):
        check_value("tariffs.1.year", 3000)
    with pytest.raises(CorrectionError, match="must be text"):
        check_value("title", 5)
    with pytest.raises(CorrectionError, match="must be text"):
        check_value("tariffs.1.year", True)


def test_check_row_fills_defaults_and_refuses_unknown_fields() -> None:
    assert check_row("actors", {"name": "Jane"}) == {
        "name": "Jane",
        "kind": "person",
        "role": None,
        "affiliation": None,
    }
    row = check_row("tariffs", {"imposed_by": "EU", "products": "cars, vans", "year": "2025"})
    assert row["products"] == ["cars", "vans"] and row["year"] == 2025
    assert row["measure"] == "tariff" and row["status"] == "in force"
    with pytest.raises(CorrectionError, match=r"actors\.height: no such field"):
        check_row("actors", {"name": "x", "height": 2})
    with pytest.raises(CorrectionError, match=r"tariffs\.imposed_by: must not be empty"):
        check_row("tariffs", {"rate": "5%"})
    with pytest.raises(CorrectionError, match=r"tariffs\.rate: 'x' is not a rate"):
        check_row("tariffs", {"imposed_by": "EU", "rate": "x"})


def test_apply_lays_fields_over_the_source() -> None:
    brief, corrections = corrected(
        {"title": "Corrected", "actors.2.role": "Deputy PM", "tariffs.1.rate": "102%"},
        {"tags": ["trade"], "tariffs.1.year": None},
    )
    assert brief.title == "Corrected" and brief.tags == ("trade",)
    assert brief.actors[1].role == "Deputy PM" and brief.actors[0] == SOURCE.actors[0]
    assert brief.tariffs[0].rate == "102%" and brief.tariffs[0].year is None
    assert brief.tariffs[0].products == ("electric vehicles",)
    view = describe(SOURCE, corrections)
    assert view.edited == {"title", "tags", "actors.2.role", "tariffs.1.rate", "tariffs.1.year"}
    assert view.source_changed == frozenset()
    assert view.source_value("tariffs.1.rate") == "100%"
    assert view.source_value("title") == SOURCE.title
    assert view.edited_from("actors.2.role") == "Finance Minister"


def test_a_value_equal_to_the_source_drops_the_correction() -> None:
    _, corrections = corrected({"title": "x"}, {"title": SOURCE.title})
    assert not corrections and corrections.entries == {}
    plan = plan_correct(SOURCE, Corrections(), {"title": SOURCE.title}, AT)
    assert not plan  # nothing changes, nothing for the history


def test_a_changed_source_keeps_the_readers_value_and_says_so() -> None:
    _, corrections = corrected({"title": "Mine", "actors.1.role": "PM"})
    new_source = dataclasses.replace(
        SOURCE,
        title="Their new title",
        actors=(dataclasses.replace(SOURCE.actors[0], role="Former PM"), SOURCE.actors[1]),
    )
    brief = apply(new_source, corrections)
    assert brief.title == "Mine" and brief.actors[0].role == "PM"
    view = describe(new_source, corrections)
    assert view.source_changed == {"title", "actors.1.role"}
    assert view.source_value("title") == "Their new title"  # the source's new value
    assert view.edited_from("title") == SOURCE.title  # the one the reader corrected


def test_an_edited_row_the_source_drops_is_kept() -> None:
    _, corrections = corrected({"actors.2.role": "Deputy PM"})
    shorter = dataclasses.replace(SOURCE, actors=SOURCE.actors[:1])
    brief = apply(shorter, corrections)
    assert [a.name for a in brief.actors] == ["Justin Trudeau", "Chrystia Freeland"]
    assert brief.actors[1].role == "Deputy PM"
    assert "actors.2.role" in describe(shorter, corrections).source_changed


def test_rows_added_removed_and_restored() -> None:
    entries: dict[str, object] = {}
    corrections = carry_out(entries, plan_add(SOURCE, Corrections(), "actors", {"name": "Xi"}, AT))
    assert [a.name for a in apply(SOURCE, corrections).actors][-1] == "Xi"
    corrections = carry_out(entries, plan_remove(SOURCE, corrections, "actors.1", AT))
    brief = apply(SOURCE, corrections)
    assert [a.name for a in brief.actors] == ["Chrystia Freeland", "Xi"]
    view = describe(SOURCE, corrections)
    assert view.edited == {"actors.2"} and view.removed == ("actors.1",)
    assert view.source_value("actors.2") is None  # an added row has no source
    # Editing a field of an added row changes the row itself.
    corrections = carry_out(
        entries,
        plan_correct(
            SOURCE, corrections, {"actors.2.kind": "person", "actors.2.role": "President"}, AT
        ),
    )
    assert apply(SOURCE, corrections).actors[1].role == "President"
    with pytest.raises(CorrectionError, match="no source value"):
        plan_revert(SOURCE, corrections, "actors.2.role")
    corrections = carry_out(entries, plan_restore(SOURCE, corrections, "actors.1"))
    assert apply(SOURCE, corrections).actors[0].name == "Justin Trudeau"
    with pytest.raises(CorrectionError, match="not a row you removed"):
        plan_restore(SOURCE, corrections, "actors.1")
    with pytest.raises(CorrectionError, match="no such row: the brief has 3 actors"):
        plan_remove(SOURCE, corrections, "actors.4", AT)
    with pytest.raises(CorrectionError, match="name a row"):
        plan_remove(SOURCE, corrections, "actors.1.name", AT)


def test_revert_a_field_a_row_and_all() -> None:
    entries: dict[str, object] = {}
    plan = plan_correct(
        SOURCE, Corrections(), {"title": "T", "actors.1.role": "x", "actors.1.name": "y"}, AT
    )
    corrections = carry_out(entries, plan)
    corrections = carry_out(
        entries, plan_add(SOURCE, corrections, "tariffs", {"imposed_by": "EU"}, AT)
    )
    corrections = carry_out(entries, plan_revert(SOURCE, corrections, "actors.1"))
    assert apply(SOURCE, corrections).actors == SOURCE.actors
    plan = plan_revert(SOURCE, corrections, "all")
    assert ("title", "T", SOURCE.title) in plan.items
    assert ("tariffs.2", value_at(apply(SOURCE, corrections), "tariffs.2"), None) in plan.items
    corrections = carry_out(entries, plan)
    assert apply(SOURCE, corrections) == SOURCE and entries == {}
    assert not plan_revert(SOURCE, corrections, "title")  # nothing left to revert


def test_a_damaged_entry_is_left_out_and_named() -> None:
    corrections = Corrections(
        {
            "title": {"value": "Fine", "source": "x", "at": AT},
            "summary": {"value": ""},  # empty: not a summary
            "tariffs.s0.year": {"value": "soon"},
            "actors.s0.role": "not an object",
            "weird": {},
        }
    )
    assert apply(SOURCE, corrections).title == "Fine"
    assert apply(SOURCE, corrections).summary == SOURCE.summary
    assert len(corrections.problems) == 4


@pytest.mark.parametrize(
    ("path", "text", "reason"),
    [
        ("title", "t" * 2_001, "longer than 2,000 characters"),
        ("actors.1.role", "r" * 2_001, "longer than 2,000 characters"),
        ("tariffs.1.rate", "2" * 199 + "%%", "longer than 200 characters"),
        ("tags", ",".join(["evs"] * 1_001), "more than 1,000 items"),
        ("tariffs.1.products", "x" * 2_001, "an item is longer than 2,000 characters"),
    ],
)
def test_a_correction_an_import_would_refuse_is_refused(path: str, text: str, reason: str) -> None:
    with pytest.raises(CorrectionError, match=reason):
        check_field(path, text)
    check_field(path, text[:100])  # the same, within the limit, is taken
