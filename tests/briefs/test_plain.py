"""The fast path of reading a brief (briefs/plain.py) takes only what the full checks
take, and builds the same brief; anything else falls to the full checks and their
messages."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import briefs.reading as reading
from briefs.model import Actor, Brief, Note, Tariff
from briefs.plain import plain_brief, plain_record
from briefs.reading import BriefError, brief_from_dict, record_of


def _plain() -> dict[str, Any]:
    return {
        "id": "steel-quota-talks",
        "title": "Ministers meet over the steel quota",
        "date": "2024-03-05",
        "source": "Desk wire",
        "authors": ["A. Writer"],
        "summary": "Two ministers met to talk about a quota on steel.",
        "actors": [
            {"name": "Ruritania", "kind": "country"},
            {"name": "Jo Bloggs", "role": "Minister", "affiliation": "Ruritania"},
        ],
        "tariffs": [
            {
                "imposed_by": "Ruritania",
                "imposed_on": "Freedonia",
                "products": ["steel coil"],
                "rate": "12%",
                "status": "proposed",
                "year": 2024,
            }
        ],
        "tags": ["steel"],
        "body": "Plain text of the story.",
    }


def _full(data: Any, monkeypatch: pytest.MonkeyPatch) -> Brief:
    with monkeypatch.context() as m:
        m.setattr(reading, "plain_brief", lambda _data: None)
        return brief_from_dict(data)


def test_a_plain_brief_is_built_as_the_full_checks_build_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _plain()
    fast = plain_brief(data)
    assert fast is not None
    assert fast == _full(data, monkeypatch)
    del data["id"]  # the id derived from date and headline, as the full checks do
    assert plain_brief(data) == _full(data, monkeypatch)
    assert plain_brief(data).id == "2024-03-05-ministers-meet-over-the-steel-quota"
    data["date"] = "5 March 2024"  # read as the full checks read it
    assert plain_brief(data) == _full(data, monkeypatch)


def _changed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_plain())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


# Each is something the fast path does not take at a glance: some are still good briefs
# (non-ASCII text), the others are problems the full checks name.
NOT_PLAIN = [
    (("title",), "Ministers meet in Zürich"),
    (("title",), "   "),
    (("summary",), None),
    (("date",), "2024-02-30"),
    (("id",), "Not An Id"),
    (("authors",), ["A. Writer", 3]),
    (("actors", 0, "kind"), "planet"),
    (("actors", 1, "name"), ""),
    (("actors", 1, "role"), "Ministre délégué"),
    (("actors",), [{"name": "Ruritania"}, "Freedonia"]),
    (("tariffs", 0, "year"), True),
    (("tariffs", 0, "year"), 24),
    (("tariffs", 0, "measure"), "levy"),
    (("tariffs", 0, "rate"), "x" * 201),
    (("tags",), "steel"),
    (("body",), 12),
]


@pytest.mark.parametrize(("path", "value"), NOT_PLAIN)
def test_what_the_fast_path_does_not_take_goes_to_the_full_checks(
    path: tuple[Any, ...], value: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _changed(path, value)
    assert plain_brief(data) is None
    try:
        expected: Brief | str = _full(data, monkeypatch)
    except BriefError as exc:
        expected = str(exc)
    try:
        got: Brief | str = brief_from_dict(data)
    except BriefError as exc:
        got = str(exc)
    assert got == expected


def test_a_record_with_reader_data_is_not_plain() -> None:
    for key, value in (("read", True), ("starred", False), ("notes", []), ("corrections", {})):
        data = {**_plain(), key: value}
        assert plain_brief(data) is not None
        assert plain_record(data) is None
    brief, reader = record_of({**_plain(), "read": True})
    assert reader is not None and reader.read is True and brief == plain_brief(_plain())


def test_the_quick_constructors_keep_the_dataclass_signature() -> None:
    actor = Actor("Freedonia")
    assert (actor.kind, actor.role, actor.affiliation) == ("person", None, None)
    assert Actor(name="Freedonia", kind="country") == Actor("Freedonia", "country")
    tariff = Tariff("Ruritania", rate="5%")
    assert (tariff.products, tariff.measure, tariff.status, tariff.rate) == (
        (),
        "tariff",
        "in force",
        "5%",
    )
    note = Note("n1", "b1", "text", "2024-01-01T00:00:00", "2024-01-01T00:00:00")
    assert note.author is None
    with pytest.raises(TypeError):
        Actor()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Actor("A", colour="red")  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        actor.name = "other"  # type: ignore[misc]
    assert Actor.__init__.__qualname__ == "Actor.__init__"
