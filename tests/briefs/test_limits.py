"""Bounded input at import: every field has a size limit a real article never reaches,
checked before anything is parsed or shown, with a clear error; and nothing but a regular
file (or a pipe, read with a cap) is read.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from briefs import BriefError, BriefFileError, brief_from_dict
from briefs.files import read_file, read_files
from briefs.model import MAX_CHARS, MAX_ITEMS, MAX_TEXT
from briefs.reading import MAX_FILE_BYTES, reader_data_from_dict

GOOD = {"title": "EU and US agree steel truce", "date": "2025-11-20", "summary": "A truce."}
ACTOR = {"name": "Maroš Šefčovič", "kind": "person"}
TARIFF = {"imposed_by": "European Union", "products": ["steel"], "rate": "25%"}
NOTE = {"id": "n1", "text": "ask", "created": "2025-11-28T14:02:00+00:00"}


def with_value(path: str, value: object) -> dict[str, object]:
    """GOOD with `value` at a dotted path: 'summary', 'actors.role', 'tariffs.products'."""
    data: dict[str, object] = json.loads(json.dumps(GOOD))
    top, _, inner = path.partition(".")
    if not inner:
        data[top] = value
    elif top == "actors":
        data["actors"] = [{**ACTOR, inner: value}]
    else:
        data["tariffs"] = [{**TARIFF, inner: value}]
    return data


def limit_of(path: str) -> int:
    return MAX_CHARS.get(path.rpartition(".")[2], MAX_TEXT)


TEXT_FIELDS = [
    "title",
    "summary",
    "body",
    "source",
    "dateline",
    "url",
    "id",
    "actors.name",
    "actors.role",
    "actors.affiliation",
    "tariffs.imposed_by",
    "tariffs.imposed_on",
    "tariffs.rate",
    "tariffs.evidence",
]


@pytest.mark.parametrize("path", TEXT_FIELDS)
def test_each_text_field_has_a_limit(path: str) -> None:
    limit = limit_of(path)
    with pytest.raises(BriefError) as raised:
        brief_from_dict(with_value(path, "a" * (limit + 1)))
    where = path.replace(".", "[0].")
    assert (
        f"{where}: {limit + 1:,} characters, over the limit of {limit:,}" in raised.value.problems
    )


@pytest.mark.parametrize("path", ["title", "summary", "actors.role", "tariffs.evidence"])
def test_a_field_at_its_limit_is_taken(path: str) -> None:
    limit = limit_of(path)
    brief = brief_from_dict(with_value(path, "a" * limit))
    assert brief.title


@pytest.mark.parametrize("path", ["authors", "tags", "tariffs.products"])
def test_list_items_have_the_text_limit(path: str) -> None:
    with pytest.raises(BriefError) as raised:
        brief_from_dict(with_value(path, ["ok", "a" * (MAX_TEXT + 1)]))
    assert any("[1]: " in p and "over the limit" in p for p in raised.value.problems)


@pytest.mark.parametrize("path", ["authors", "tags", "actors", "tariffs", "tariffs.products"])
def test_lists_have_a_length_limit(path: str) -> None:
    key = path.rpartition(".")[2]
    item = {"actors": ACTOR, "tariffs": TARIFF}.get(key, "x")
    count = MAX_ITEMS[key] + 1
    with pytest.raises(BriefError) as raised:
        brief_from_dict(with_value(path, [item] * count))
    assert any(
        f"{count:,} items, over the limit of {MAX_ITEMS[key]:,}" in p for p in raised.value.problems
    )


def test_a_long_date_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefs.reading

    calls: list[str] = []
    monkeypatch.setattr(briefs.reading, "parse_date", lambda text: calls.append(text) or "")
    with pytest.raises(BriefError, match="date: "):
        brief_from_dict({**GOOD, "date": "2025 " * 10_000})
    assert calls == []


def test_notes_have_limits() -> None:
    long_note = {**NOTE, "text": "a" * (MAX_CHARS["text"] + 1)}
    with pytest.raises(BriefError, match=r"notes\[0\]\.text: .* over the limit"):
        reader_data_from_dict({**GOOD, "notes": [long_note]}, "b")
    many = [{**NOTE, "id": f"n{i}"} for i in range(MAX_ITEMS["notes"] + 1)]
    with pytest.raises(BriefError, match=r"notes: .* items, over the limit"):
        reader_data_from_dict({**GOOD, "notes": many}, "b")


def test_a_huge_summary_file_fails_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps({**GOOD, "summary": "word " * 4_200_000}))  # 21 MB
    with pytest.raises(BriefFileError) as raised:
        read_file(path)
    assert str(raised.value) == (
        f"{path}: summary: 21,000,000 characters, over the limit of {MAX_CHARS['summary']:,}"
    )


def test_limits_are_generous() -> None:
    """What a real brief and article hold stays far below every limit."""
    assert MAX_CHARS["title"] >= 1_000 and MAX_CHARS["summary"] >= 100_000
    assert MAX_CHARS["body"] >= 8 * 1024 * 1024  # any article the drafter reads
    assert MAX_CHARS["text"] >= 100_000 and MAX_TEXT >= 1_000


# -- what is read at all -------------------------------------------------------------


def test_a_device_is_refused_unread() -> None:
    for name in ("/dev/zero", "/dev/urandom"):
        reading = read_files([Path(name)])
        assert reading.failures == [f"{name}: not a regular file; only files and pipes are read"]


def test_a_pipe_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(json.dumps(GOOD)))
    writer.start()
    (brief,) = read_file(fifo)
    writer.join()
    assert brief.title == GOOD["title"]


def test_a_pipe_is_read_with_a_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "endless.json"
    os.mkfifo(fifo)

    def flood() -> None:
        chunk = b" " * 1024 * 1024
        try:
            with fifo.open("wb") as out:
                for _ in range(MAX_FILE_BYTES // len(chunk) + 8):
                    out.write(chunk)
        except BrokenPipeError:
            pass  # the reader stopped at its cap, as it should

    writer = threading.Thread(target=flood)
    writer.start()
    with pytest.raises(BriefFileError, match="larger than 64 MiB"):
        read_file(fifo)
    writer.join()


def test_the_rate_limit_is_the_rates_own() -> None:
    from briefs.rates import MAX_RATE_CHARS

    assert MAX_CHARS["rate"] == MAX_RATE_CHARS
