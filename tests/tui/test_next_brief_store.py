"""What the next brief asks of the disk: nothing while the store's files stay as they were,
and every change another process makes is seen once the reader's poll has looked."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from store import Store

ROOT = Path(__file__).resolve().parents[2]


def _count_file_calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name in ("stat", "lstat", "fstat", "open"):
        real = getattr(os, name)

        def counted(*args: object, _real: object = real, _name: str = name, **kw: object) -> object:
            counts[_name] += 1
            return _real(*args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(os, name, counted)
    return counts


def _elsewhere(store_dir: Path, code: str) -> None:
    """Run `code` with `store` open on the folder in another process."""
    opening = "from pathlib import Path\nfrom store import Store\n"
    script = f"{opening}store = Store(Path({str(store_dir)!r}))\n{code}\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=ROOT, timeout=60)


def test_the_next_brief_makes_no_file_calls_while_nothing_changed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seven stat() calls a brief (index, recent index, trash, corrections, the content
    log opened and closed again), for files this process had just seen."""
    ids = store.row_ids()
    assert store.brief(ids[0]) is not None  # the files seen once
    counts = _count_file_calls(monkeypatch)
    shown = [store.brief(brief_id) for brief_id in ids[1:5]]
    assert all(brief is not None for brief in shown)
    assert [brief.id for brief in shown if brief] == ids[1:5]
    assert counts == Counter()


def test_a_write_here_is_seen_at_once(store: Store, store_dir: Path) -> None:
    """Through another store object of this process too: any write looks again."""
    brief_id = store.row_ids()[0]
    assert store.brief(brief_id) is not None
    Store(store_dir).correct(brief_id, {"title": "Retitled by a second store"})
    brief = store.brief(brief_id)
    assert brief is not None and brief.title == "Retitled by a second store"
    store.delete_brief(brief_id)
    assert store.brief(brief_id) is None


def test_another_processs_writes_are_seen_after_the_poll(store: Store, store_dir: Path) -> None:
    """A correction, a deletion and an import made elsewhere: the poll the reader runs
    (changed_elsewhere) looks at every file, and the next brief read shows them."""
    ids = store.row_ids()
    for brief_id in ids[:3]:
        assert store.brief(brief_id) is not None
    _elsewhere(
        store_dir,
        f"store.correct({ids[0]!r}, {{'title': 'Retitled elsewhere'}})\n"
        f"store.delete_brief({ids[1]!r})\n"
        "from briefs.reading import brief_from_dict\n"
        "store.import_briefs([brief_from_dict({'id': 'new-elsewhere', 'title': 'Made elsewhere',"
        " 'date': '2025-11-27', 'summary': 'Imported by another process.'})])",
    )
    assert store.changed_elsewhere()
    first = store.brief(ids[0])
    assert first is not None and first.title == "Retitled elsewhere"
    assert store.brief(ids[1]) is None
    made = store.brief("new-elsewhere")  # content appended to the log since it was opened
    assert made is not None and made.summary == "Imported by another process."
    assert store.brief(ids[2]) is not None
