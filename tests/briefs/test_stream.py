"""A brief file over the whole-file cap (an export of a large store) is read as a stream of
records (issue 14): the same records as a whole parse would give, whatever the layout and
wherever the reading window cuts; memory near one record; hostile files named."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from briefs import stream
from briefs.files import file_records
from briefs.reading import BriefFileError, record_pairs

GOOD: dict[str, Any] = {
    "title": "Canada sets a surtax on Chinese EVs",
    "date": "2024-08-26",
    "summary": "Ottawa follows Washington with a 100% surtax.",
    "tariffs": [{"imposed_by": "Canada", "rate": "100%", "products": ["electric vehicles"]}],
}


def records(n: int) -> list[dict[str, Any]]:
    out = []
    for k in range(n):
        record = {**copy.deepcopy(GOOD), "id": f"brief-{k}", "summary": f"Summary {k} — café."}
        if k % 3 == 0:
            record["notes"] = [
                {"id": f"n{k}", "text": "a note", "created": "2025-01-01T10:00:00+00:00"}
            ]
            record["starred"] = True
        out.append(record)
    return out


def streamed(data: bytes, chunk: int, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    monkeypatch.setattr(stream, "CHUNK", chunk)
    return list(stream.stream_records(Path("big.json"), io.BytesIO(data), len(data)))


LAYOUTS = {
    "indented": lambda r: json.dumps(r, indent=2, ensure_ascii=False),
    "compact": lambda r: json.dumps(r, separators=(",", ":"), ensure_ascii=False),
    "one per line": lambda r: "[\n" + ",\n".join(json.dumps(x) for x in r) + "\n]\n",
    "spaced": lambda r: "\ufeff \n\t[ " + " ,\r\n ".join(json.dumps(x) for x in r) + " ] \n",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("chunk", [1, 7, 64, 4096])
def test_a_stream_gives_the_records_a_whole_parse_gives(
    layout: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = records(12)
    text = LAYOUTS[layout](data)
    assert streamed(text.encode("utf-8"), chunk, monkeypatch) == record_pairs(data)


def bad(text: str, monkeypatch: pytest.MonkeyPatch, chunk: int = 16) -> str:
    with pytest.raises(BriefFileError) as caught:
        streamed(text.encode("utf-8"), chunk, monkeypatch)
    message = str(caught.value)
    assert message.startswith("big.json: ")
    return message


def test_a_bad_record_is_named_and_every_problem_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = records(6)
    del data[2]["title"]
    data[4]["tariffs"][0]["status"] = "maybe"
    message = bad(json.dumps(data), monkeypatch)
    assert "[2].title: is required" in message
    assert "[4].tariffs[0].status: 'maybe' is not one of" in message


def test_problems_past_the_limit_are_counted_not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = [{"id": f"x{k}"} for k in range(30)]
    message = bad(json.dumps(data), monkeypatch, chunk=4096)
    lines = message.splitlines()
    assert len(lines) == stream.MAX_PROBLEMS + 1
    assert lines[-1].endswith("more problems")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (json.dumps(GOOD), "must be a JSON array of briefs"),
        ("   ", "the file is empty"),
        ("[]", "the array holds no briefs"),
        ("[" + json.dumps(GOOD) + ",", "the array is not closed"),
        ("[" + json.dumps(GOOD), "',' or ']' expected after item [0], found the end"),
        ("[" + json.dumps(GOOD) + ' {"a": 1}]', "',' or ']' expected after item [0], found '{'"),
        ("[" + json.dumps(GOOD) + "] []", "text after the array's end"),
        ("[" + json.dumps(GOOD) + ", ]", "not JSON (Expecting value"),
        ('[{"title": "x", oops}]', "not JSON (Expecting property name"),
        ("[" + json.dumps(GOOD)[:-5], "not JSON"),
        ("[" + "[" * 100_000 + "]" * 100_000 + "]", "[0]: nested too deeply"),
        ("[7]", "[0]: a brief must be a JSON object, not int"),
    ],
)
def test_a_hostile_or_broken_file_is_named(
    text: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reason in bad(text, monkeypatch)


def test_a_number_cut_by_the_window_is_not_read_short(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2024 split as '20' | '24' would be a valid, wrong year if taken at the window's end.
    data = [{**GOOD, "id": "a", "tariffs": [{"imposed_by": "Canada", "year": 2024}]}]
    text = json.dumps(data, separators=(",", ":"))
    for chunk in range(1, len(text) + 2):
        assert streamed(text.encode(), chunk, monkeypatch) == record_pairs(data)


def test_bytes_that_are_not_utf8_or_text_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    head = ("[" + json.dumps(GOOD) + ",").encode()
    monkeypatch.setattr(stream, "CHUNK", 16)
    for tail, reason in ((b'{"title": "caf\xe9"}]', "not UTF-8"), (b"\x00\x00]", "binary")):
        data = head + tail
        with pytest.raises(BriefFileError, match=reason):
            list(stream.stream_records(Path("big.json"), io.BytesIO(data), len(data)))


def test_one_record_over_the_cap_is_refused_with_bounded_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stream, "MAX_FILE_BYTES", 4096)
    monkeypatch.setattr(stream, "_CAP", 0)
    huge = {**GOOD, "summary": "x" * 20_000}
    data = ("[" + json.dumps(GOOD) + "," + json.dumps(huge) + "," + json.dumps(GOOD) + "]").encode()

    class Counting(io.BytesIO):
        taken = 0

        def read(self, size: int | None = -1) -> bytes:
            got = super().read(size)
            Counting.taken += len(got)
            return got

    monkeypatch.setattr(stream, "CHUNK", 512)
    with pytest.raises(BriefFileError, match=r"\[1\]: not JSON within"):
        list(stream.stream_records(Path("big.json"), Counting(data), len(data)))
    assert Counting.taken < 2 * 4096 + 2 * 512  # it stopped at the cap, not at the end


def test_no_more_is_read_than_the_size_given(monkeypatch: pytest.MonkeyPatch) -> None:
    text = json.dumps(records(3)).encode()
    data = text + b"\n" + b" " * 1000 + b"garbage"  # grown after its size was taken
    monkeypatch.setattr(stream, "CHUNK", 64)
    found = list(stream.stream_records(Path("big.json"), io.BytesIO(data), len(text)))
    assert found == record_pairs(records(3))


def test_a_file_over_the_cap_is_streamed_and_one_under_it_is_parsed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefs.files

    data = records(40)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    whole = list(file_records(path))
    monkeypatch.setattr(briefs.files, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(stream, "CHUNK", 256)
    taken = iter(file_records(path))
    assert next(taken) == whole[0]  # streamed: the first record before the file is read
    assert [whole[0], *taken] == whole == record_pairs(data)


def test_the_real_cap_an_export_larger_than_64_mib_reads_back(tmp_path: Path) -> None:
    # Ten briefs of 7 MiB bodies each: over the whole-file cap, every one under its own.
    body = "Tariff talks went on. " * (7 * 2**20 // 22)
    data = [{**GOOD, "id": f"long-{k}", "body": body} for k in range(10)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert path.stat().st_size > stream.MAX_FILE_BYTES
    found = [brief.id for brief, _ in file_records(path)]
    assert found == [f"long-{k}" for k in range(10)]


def test_listing_the_files_reads_the_ordinary_ones_now_and_a_large_one_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # So `briefing import` reads and drafts before it takes the store lock, and holds it
    # while reading only for an export too large to hold.
    import briefs.files
    from briefs.files import stream_files

    small, large, bad = tmp_path / "small.json", tmp_path / "large.json", tmp_path / "bad.json"
    small.write_text(json.dumps(records(1)))
    large.write_text(json.dumps(records(30)))
    bad.write_text("{not json")
    monkeypatch.setattr(briefs.files, "MAX_FILE_BYTES", 2048)
    listed = list(stream_files([small, large, bad]))
    for path in (small, large, bad):
        path.unlink()
    assert [brief.id for brief, _ in listed[0].records] == ["brief-0"]  # read already
    with pytest.raises(BriefFileError, match="No such file"):
        list(listed[1].records)  # to be read as it is taken: it is gone now
    with pytest.raises(BriefFileError, match="not JSON"):
        list(listed[2].records)  # read already: its failure is kept for then
