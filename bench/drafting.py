"""Drafting speed: articles of about 600 words drafted per second on one core.

    .venv/bin/python bench/drafting.py [--seconds N] [--set eval|synth|both]

Two sets: the evaluation set's articles, each lengthened to about 600 words with story paragraphs
from the next one (same shape, realistic text), and the benchmark's synthetic articles
(`bench.synth.article_text`, seed as `python -m bench`), which name tariffs in most sentences.
Reports the median and best of several rounds of CPU time: on a shared machine the median is the
fair figure, the best what one core can do when the machine is otherwise quiet.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synth import article_text  # noqa: E402
from briefs.drafting import draft_brief  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
TARGET_WORDS = 600
SYNTH_SEED = 6  # `python -m bench` default
SYNTH_ARTICLES = 200


def articles() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    out = []
    for i, text in enumerate(texts):
        extra = texts[(i + 1) % len(texts)].split("\n\n")[6:]
        words = len(text.split())
        lines = [text.rstrip("\n")]
        for para in extra:
            if words >= TARGET_WORDS:
                break
            if para.strip() and not para.startswith("_"):
                lines.append(para.strip())
                words += len(para.split())
        out.append("\n\n".join(lines) + "\n")
    return out


def synthetic_articles(count: int = SYNTH_ARTICLES) -> list[str]:
    rng = random.Random(SYNTH_SEED + 3)  # as `bench.synth.write_articles`
    return [article_text(rng, k) for k in range(count)]


def measure(texts: list[str], seconds: float) -> tuple[float, float, int]:
    """(median, best) articles/s over rounds of the whole set, and the number of rounds."""
    for text in texts:  # warm caches and imports
        draft_brief(text)
    rates: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(rates) < 3:
        start = time.process_time()
        for text in texts:
            draft_brief(text)
        rates.append(len(texts) / max(time.process_time() - start, 1e-9))
    return statistics.median(rates), max(rates), len(rates)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0, help="per set")
    parser.add_argument("--set", choices=("eval", "synth", "both"), default="both")
    args = parser.parse_args()
    sets = {"eval": articles, "synth": synthetic_articles}
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, make in sets.items():
        if args.set not in (name, "both"):
            continue
        texts = make()
        words = sum(len(t.split()) for t in texts) / len(texts)
        median, best, rounds = measure(texts, args.seconds)
        print(
            f"{name:>5}: {median:.0f} articles/s median, {best:.0f} best of {rounds} rounds "
            f"({len(texts)} articles of {words:.0f} words)"
        )


if __name__ == "__main__":
    main()
