"""Drafting speed: articles of about 600 words drafted per second on one core.

    .venv/bin/python bench/drafting.py [--seconds N]

The articles are the evaluation set's, each lengthened to about 600 words with story
paragraphs from the next one (same shape, realistic text). Reports the best of several rounds,
which is what one core can do when the machine is otherwise quiet.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefs.drafting import draft_brief  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
TARGET_WORDS = 600


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    texts = articles()
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    for text in texts:  # warm caches and imports
        draft_brief(text)
    best = 0.0
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        for text in texts:
            draft_brief(text)
        best = max(best, len(texts) / (time.perf_counter() - start))
    print(f"{best:.0f} articles/s (best round), {len(texts)} articles of {mean_words:.0f} words")


if __name__ == "__main__":
    main()
