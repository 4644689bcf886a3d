"""The benchmark still runs end to end. A smoke test: it never asserts that anything is fast."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
QUICK = [sys.executable, "-m", "bench", "--quick", "--briefs", "200", "--runs", "1"]
QUICK += ["--articles", "20", "--files", "50"]
# Every figure `make bench` reports against a target, plus the bare-app baselines.
FIGURES = {
    "start_ratio",
    "start_ms",
    "bare_start_ms",
    "peak_rss_mib",
    "bare_peak_rss_mib",
    "next_brief_ms",
    "bare_key_to_paint_ms",
    "save_note_ui_ms",
    "save_note_ms",
    "search_query_ms",
    "import_briefs_per_s",
    "note_add_over_version_ms",
    "check_s",
    "whole_import_per_s",
    "draft_articles_per_s",
}


def test_quick_benchmark_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [*QUICK, "--json", str(out), "--work", str(tmp_path / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = {f["name"]: f for f in orjson.loads(out.read_bytes())["figures"]}
    assert figures.keys() >= FIGURES
    for name in FIGURES:
        figure = figures[name]
        if not figure["available"]:
            # Only drafting may be missing (its module is optional); it must say so.
            assert name == "draft_articles_per_s" and figure["note"] == "not available"
            continue
        assert isinstance(figure["median"], float) and math.isfinite(figure["median"]), name
        # A difference of two process times may come out below zero on a busy machine.
        assert figure["median"] > 0 or name == "note_add_over_version_ms", name
    assert "figure" in proc.stdout and "met" in proc.stdout
