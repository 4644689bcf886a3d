import json
from pathlib import Path

import pytest

from briefs import Brief, BriefError, BriefFileError, brief_from_dict, read_brief_file
from briefs.dates import DateError, age, format_day, parse_date
from briefs.ids import derive_id

MINIMAL = {"title": "Canada sets EV surtax", "date": "Aug. 26, 2024", "summary": "A surtax."}


def write(tmp_path: Path, content: str | bytes, name: str = "b.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_minimal_brief_gets_iso_date_and_derived_id() -> None:
    brief = brief_from_dict(MINIMAL)
    assert brief.date == "2024-08-26"
    assert brief.id == "2024-08-26-canada-sets-ev-surtax"
    assert brief.actors == () and brief.tariffs == ()


def test_round_trip_through_to_dict_is_identity() -> None:
    data = {
        **MINIMAL,
        "id": "x1",
        "actors": [
            {
                "name": "Chrystia Freeland",
                "kind": "person",
                "role": "Minister",
                "affiliation": "Canada",
            }
        ],
        "tariffs": [
            {
                "imposed_by": "Canada",
                "imposed_on": "China",
                "products": ["EVs"],
                "rate": "100%",
                "measure": "surtax",
                "status": "announced",
                "year": 2024,
                "evidence": None,
            }
        ],
        "tags": ["evs"],
    }
    brief = brief_from_dict(data)
    assert brief_from_dict(brief.to_dict()) == brief


def test_brief_is_immutable() -> None:
    brief = brief_from_dict(MINIMAL)
    with pytest.raises(AttributeError):
        brief.title = "changed"  # type: ignore[misc]


def test_every_problem_is_named_with_its_field() -> None:
    bad = {
        "title": 3,
        "date": "not a date at all",
        "tariffs": [
            {"imposed_by": "Canada"},
            {"imposed_by": "China"},
            {"imposed_by": "US", "status": "maybe", "year": "2024"},
        ],
        "actors": [{"kind": "robot"}],
    }
    with pytest.raises(BriefError) as caught:
        brief_from_dict(bad)
    problems = caught.value.problems
    assert "title: must be a string, not int" in problems
    assert "summary: is required" in problems
    assert any(p.startswith("date: ") for p in problems)
    assert any(
        p.startswith("tariffs[2].status: 'maybe' is not one of in force, announced")
        for p in problems
    )
    assert any(p.startswith("tariffs[2].year:") for p in problems)
    assert "actors[0].name: is required" in problems
    assert any(p.startswith("actors[0].kind: 'robot'") for p in problems)


def test_bad_id_is_rejected() -> None:
    with pytest.raises(BriefError, match="id: 'Bad Id!'"):
        brief_from_dict({**MINIMAL, "id": "Bad Id!"})


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-10-31", "2025-10-31"),
        ("October 31, 2025", "2025-10-31"),
        ("Oct. 31, 2025", "2025-10-31"),
        ("31 Oct 2025", "2025-10-31"),
        ("October 31, 2025 8:02 am", "2025-10-31T08:02:00"),
        ("2025-10-31T10:26:00+00:00", "2025-10-31T10:26:00+00:00"),
    ],
)
def test_dates_in_common_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["", "soon", "October", "x" * 500])
def test_unreadable_dates(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_date_display() -> None:
    import datetime as dt

    assert format_day("2025-10-31") == "31 Oct 2025"
    assert age("2025-10-31", dt.date(2025, 11, 28)) == "28 days ago"
    assert age("2025-11-28T09:00:00", dt.date(2025, 11, 28)) == "today"


def test_derived_id_drops_accents_and_fits_pattern() -> None:
    brief_id = derive_id("2025-05-12", "Émile Zoé à Genève " + "long " * 40)
    assert brief_id.startswith("2025-05-12-emile-zoe-a-geneve-")
    assert len(brief_id) <= 80 and not brief_id.endswith("-")


def test_file_with_one_object_and_file_with_array(tmp_path: Path) -> None:
    one = write(tmp_path, json.dumps(MINIMAL), "one.json")
    many = write(tmp_path, json.dumps([MINIMAL, {**MINIMAL, "title": "Other"}]), "many.json")
    assert len(read_brief_file(one)) == 1
    assert [b.title for b in read_brief_file(many)] == ["Canada sets EV surtax", "Other"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"{not json", "not JSON"),
        (b"\xff\xfe\x00\x01garbage", "binary"),
        (b'{"title": "caf\xe9"}', "not UTF-8"),
        (b"[]", "the array holds no briefs"),
        (b"42", "a brief must be a JSON object, not int"),
        (b'[{"title": "x", "date": "2025-01-01", "summary": "s"}, 7]', "[1]: a brief must be"),
    ],
)
def test_bad_files_name_path_and_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(BriefFileError) as caught:
        read_brief_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message


def test_field_problem_in_file_reads_path_field_reason(tmp_path: Path) -> None:
    data = {
        **MINIMAL,
        "tariffs": [
            {"imposed_by": "a"},
            {"imposed_by": "b"},
            {"imposed_by": "c", "status": "maybe"},
        ],
    }
    path = write(tmp_path, json.dumps(data), "x.json")
    with pytest.raises(BriefFileError) as caught:
        read_brief_file(path)
    assert str(caught.value).startswith(f"{path}: tariffs[2].status: 'maybe' is not one of")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BriefFileError, match="No such file"):
        read_brief_file(tmp_path / "absent.json")


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "[" * 100_000 + "]" * 100_000)
    with pytest.raises(BriefFileError):
        read_brief_file(path)


def test_samples_are_valid_and_rich() -> None:
    from briefs.samples import load_samples

    samples = load_samples()
    assert len(samples) >= 6
    assert len({b.id for b in samples}) == len(samples)
    for brief in samples:
        assert isinstance(brief, Brief)
        assert len(brief.actors) >= 4, brief.id
        assert brief.tariffs, brief.id
        assert brief.summary.count(".") >= 2, brief.id
    xi = next(b for b in samples if b.date == "2025-10-31")
    assert {"Xi Jinping", "Mark Carney"} <= {a.name for a in xi.actors}
    assert any(t.rate == "100%" and t.imposed_by == "Canada" for t in xi.tariffs)


# -- the reader data an export adds: notes, read, starred ------------------------

NOTE = {
    "id": "n20251128140200ab12cd34",
    "text": "Ask the desk about canola",
    "created": "2025-11-28T14:02:00+00:00",
    "updated": "2025-11-28T14:05:00+00:00",
}


def test_reader_data_of_an_export_record() -> None:
    from briefs.model import Note, ReaderData
    from briefs.reading import reader_data_from_dict

    record = {**MINIMAL, "notes": [NOTE], "read": True, "starred": False}
    data = reader_data_from_dict(record, "b1")
    assert data == ReaderData(
        brief_id="b1",
        notes=(Note(NOTE["id"], "b1", NOTE["text"], NOTE["created"], NOTE["updated"]),),
        read=True,
        starred=False,
    )
    # A plain brief file carries no reader data; absent flags are left as they are.
    plain = reader_data_from_dict(MINIMAL, "b1")
    assert plain.notes == () and plain.read is None and plain.starred is None
    assert plain.empty and not data.empty
    # `updated` defaults to `created`, as the store reads a note.
    (note,) = reader_data_from_dict({"notes": [{**NOTE, "updated": None}]}, "b1").notes
    assert note.updated == NOTE["created"]


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"notes": "x"}, "notes: must be a list, not str"),
        ({"notes": [3]}, "notes[0]: must be an object, not int"),
        ({"notes": [{**NOTE, "id": "../../etc"}]}, "notes[0].id: '../../etc' must match"),
        ({"notes": [{**NOTE, "id": None}]}, "notes[0].id: is required"),
        ({"notes": [{**NOTE, "text": 7}]}, "notes[0].text: must be a string, not int"),
        ({"notes": [{**NOTE, "text": "\ud800"}]}, "notes[0].text: holds a lone surrogate"),
        ({"notes": [{**NOTE, "created": "yesterday"}]}, "notes[0].created: 'yesterday' is not"),
        ({"notes": [{**NOTE, "updated": 5}]}, "notes[0].updated: must be a string, not int"),
        ({"read": "yes"}, "read: must be true or false, not str"),
        ({"starred": 1}, "starred: must be true or false, not int"),
    ],
)
def test_bad_reader_data_names_field_and_reason(record: dict[str, object], problem: str) -> None:
    from briefs.reading import reader_data_from_dict

    with pytest.raises(BriefError) as caught:
        reader_data_from_dict({**MINIMAL, **record}, "b1")
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems


def test_export_file_gives_briefs_and_reader_data(tmp_path: Path) -> None:
    from briefs.reading import read_records_file

    records = [{**MINIMAL, "notes": [NOTE], "starred": True}, {**MINIMAL, "title": "Other"}]
    found = read_records_file(write(tmp_path, json.dumps(records)))
    assert [b.title for b in found.briefs] == ["Canada sets EV surtax", "Other"]
    (data,) = found.reader  # the plain second record carries none
    assert data.brief_id == found.briefs[0].id and data.starred is True
    assert [n.brief_id for n in data.notes] == [found.briefs[0].id]


def test_bad_reader_data_in_a_file_reads_path_field_reason(tmp_path: Path) -> None:
    from briefs.reading import read_records_file

    bad = {**NOTE, "created": "soon"}
    path = write(tmp_path, json.dumps([MINIMAL, {**MINIMAL, "notes": [bad]}]), "x.json")
    with pytest.raises(BriefFileError) as caught:
        read_records_file(path)
    assert str(caught.value).startswith(f"{path}: [1].notes[0].created: 'soon' is not")
    # The briefs of such a file are not read either: a file is taken whole or not at all.
    with pytest.raises(BriefFileError):
        read_brief_file(path)
