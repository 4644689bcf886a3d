"""Fuzzing the brief-file reader: any bytes give briefs or a `path: reason` error."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefs import Brief, BriefError, BriefFileError, brief_from_dict, read_brief_file

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
FIELDS = ["id", "title", "date", "summary", "source", "authors", "actors", "tariffs", "tags"]
brief_like = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=9)


@settings(max_examples=300, deadline=None)
@given(brief_like)
def test_any_object_is_a_brief_or_named_problems(data: dict[str, object]) -> None:
    try:
        brief = brief_from_dict(data)
    except BriefError as exc:
        assert exc.problems and all(": " in p for p in exc.problems)
    else:
        assert isinstance(brief, Brief) and brief.id and brief.title


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_file_reads_or_fails_with_path_and_reason(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_bytes(raw)
        try:
            briefs = read_brief_file(path)
        except BriefFileError as exc:
            assert str(exc).startswith(f"{path}: ")
        else:
            assert briefs and all(isinstance(b, Brief) for b in briefs)
