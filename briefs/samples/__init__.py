"""The sample briefs that ship with briefing, so a first start shows something real."""

from __future__ import annotations

import json
from importlib import resources

from briefs.model import Brief
from briefs.reading import brief_from_dict


def load_samples() -> list[Brief]:
    folder = resources.files(__name__)
    return [
        brief_from_dict(json.loads(entry.read_text(encoding="utf-8")))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    ]
