"""The content an import writes is `Brief.to_dict()` as JSON, byte for byte: the index
keeps its sha, so another spelling would read as changed content."""

from __future__ import annotations

import orjson

from briefs.model import Actor, Brief, Tariff
from store.importing import _payload


def test_the_payload_is_the_brief_file_format_byte_for_byte() -> None:
    briefs = [
        Brief("b1", "A headline", "2024-03-05", "A summary."),
        Brief(
            "b2",
            "Quota talks in Zürich",
            "2024-03-05T10:30:00",
            "Two ministers met.",
            source="Desk wire",
            authors=("A. Writer", "B. Writer"),
            dateline="ZURICH",
            url="https://example.org/story",
            actors=(Actor("Ruritania", "country"), Actor("Jo", "person", "Minister", "R")),
            tariffs=(Tariff("Ruritania", "Freedonia", ("steel", "zinc"), "12%", year=2024),),
            tags=("steel",),
            body="Line one.\nLine two.",
        ),
    ]
    for brief in briefs:
        assert _payload(brief) == orjson.dumps(brief.to_dict())
