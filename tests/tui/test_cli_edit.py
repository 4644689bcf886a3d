"""`briefing edit`, `delete`, `undelete`, `trash`, `import --undelete` and
`export --corrections`, run in-process against temporary stores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefs.model import Brief
from store import Store
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
SAMPLES = Path(__file__).parents[2] / "briefs" / "samples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_edit_several_fields_in_one_change(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "edit",
        "--store",
        str(store_dir),
        XI,
        "title=A better title",
        "tags=canada, china",
        "actors.2.role=PM",
        "tariffs.1.rate=17.0%-35.3%",
        "tariffs.1.year=",
    )
    assert (code, err) == (0, "")
    assert "title: Xi and Carney meet" in out and "→ A better title" in out
    brief = Store(store_dir).brief(XI)
    assert brief is not None and brief.title == "A better title"
    assert brief.tags == ("canada", "china") and brief.actors[1].role == "PM"
    assert (brief.tariffs[0].rate, brief.tariffs[0].year) == ("17.0%-35.3%", None)
    assert {e.at for e in Store(store_dir).history(XI)} == {Store(store_dir).history(XI)[0].at}
    code, out, _ = run(capsys, "list", "--json", "--store", str(store_dir))
    record = next(r for r in json.loads(out) if r["id"] == XI)
    assert record["title"] == "A better title" and record["corrected"] is True
    code, out, _ = run(capsys, "check", "--store", str(store_dir))
    assert code == 0 and "corrections/: ok, 1 corrections in 1 file(s) (backups ok)" in out


def test_a_bad_value_names_each_field_and_writes_nothing(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir)
    code, out, err = run(
        capsys,
        "edit",
        "--store",
        str(store_dir),
        XI,
        "title=fine",
        "tariffs.1.rate=lots",
        "actors.1.kind=org",
        "colour=red",
        "nonsense",
    )
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"{XI}: tariffs.1.rate: 'lots' is not a rate as written")
    assert lines[1].startswith(f"{XI}: actors.1.kind: 'org' is not one of person")
    assert lines[2].startswith(f"{XI}: colour: no such field")
    assert lines[3] == f"{XI}: nonsense: expected FIELD=VALUE"
    assert not (store_dir / "corrections").exists()
    code, _, err = run(capsys, "edit", "--store", str(store_dir), XI, "tariffs.9.rate=5%")
    assert code == 2 and "tariffs.9.rate: no such row: the brief has 4 tariffs" in err
    code, _, err = run(capsys, "edit", "--store", str(store_dir), "nope", "title=x")
    assert code == 2 and "no brief with id 'nope'" in err


def test_rows_revert_and_history(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = ["--store", str(store_dir)]
    actor = json.dumps({"name": "Jane Doe", "kind": "person", "role": "Trade Minister"})
    assert run(capsys, "edit", *store, XI, "--add-actor", actor)[0] == 0
    tariff = json.dumps({"imposed_by": "Canada", "imposed_on": "China", "rate": "25%"})
    assert run(capsys, "edit", *store, XI, "--add-tariff", tariff)[0] == 0
    assert run(capsys, "edit", *store, XI, "--remove", "actors.1")[0] == 0
    brief = Store(store_dir).brief(XI)
    assert brief is not None and brief.actors[-1].name == "Jane Doe"
    assert brief.tariffs[-1].rate == "25%" and brief.actors[0].name == "Mark Carney"
    code, _, err = run(capsys, "edit", *store, XI, "--add-tariff", '{"rate": "5%"}')
    assert code == 2 and err == f"{XI}: tariffs.imposed_by: must not be empty\n"
    code, _, err = run(capsys, "edit", *store, XI, "--add-actor", "[1]")
    assert code == 2 and "--add-actor: must be a JSON object" in err

    code, out, _ = run(capsys, "edit", *store, XI, "--history")
    assert code == 0 and [line.split()[2] for line in out.splitlines()] == ["add", "add", "remove"]
    code, out, _ = run(capsys, "edit", *store, XI, "--history", "--json")
    entries = json.loads(out)
    assert entries[0]["new"]["name"] == "Jane Doe" and entries[2]["old"]["name"] == "Xi Jinping"

    assert run(capsys, "edit", *store, XI, "--revert", "all")[0] == 0
    assert Store(store_dir).brief(XI) == Store(store_dir).source_brief(XI)
    code, out, _ = run(capsys, "edit", *store, XI, "--revert", "title")
    assert (code, out) == (0, f"{XI}: nothing changed\n")


def test_edit_takes_one_kind_of_change(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "edit", "--store", str(store_dir), XI, "title=x", "--revert", "all")
    assert code == 2 and "give one of" in err
    code, _, err = run(capsys, "edit", "--store", str(store_dir), XI)
    assert code == 2 and "got none" in err


def test_hostile_text_stays_inert_in_the_history(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "edit", "--store", str(store_dir), XI, "title=[bold]x\x1b[2J\x07")
    _, out, _ = run(capsys, "edit", "--store", str(store_dir), XI, "--history")
    assert "\x1b" not in out and "\x07" not in out and "[bold]x␛[2J␇" in out
    _, out, _ = run(capsys, "edit", "--store", str(store_dir), XI, "--history", "--json")
    assert "\x1b" not in out and json.loads(out)[0]["new"] == "[bold]x\x1b[2J\x07"


def test_delete_trash_undelete_and_import(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(store_dir)]
    code, out, err = run(capsys, "delete", *store, XI, "nope")
    assert code == 1 and out.startswith(f"deleted {XI}") and err == "nope: no brief with that id\n"
    _, out, _ = run(capsys, "list", *store)
    assert XI not in out
    code, out, _ = run(capsys, "trash", *store)
    assert code == 0 and f"2025-10-31  {XI}  Xi and Carney" in out
    _, out, _ = run(capsys, "trash", *store, "--json")
    assert [e["id"] for e in json.loads(out)] == [XI]

    code, out, _ = run(capsys, "import", *store, str(SAMPLES))
    assert code == 0 and "deleted: 1 left in the trash (--undelete brings them back)" in out
    code, out, _ = run(capsys, "import", *store, "--undelete", str(SAMPLES))
    assert code == 0 and "undeleted 1" in out
    assert run(capsys, "trash", *store)[1] == "the trash is empty\n"

    run(capsys, "delete", *store, XI)
    code, out, _ = run(capsys, "undelete", *store, XI)
    assert (code, out) == (0, f"restored {XI}\n")
    code, _, err = run(capsys, "undelete", *store, XI)
    assert code == 1 and err == f"{XI}: not in the trash\n"


def test_export_corrections_is_what_evaluate_scores(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(store_dir)
    brief = store.source_brief(XI)
    assert brief is not None and brief.body
    store.import_briefs([Brief(id="no-body", title="T", date="2025-01-01", summary="S.")])
    store.correct(XI, {"tariffs.1.status": "removed"})
    store.correct("no-body", {"title": "Still no body"})
    out_dir = tmp_path / "gold"
    code, out, _ = run(capsys, "export", "--store", str(store_dir), "--corrections", str(out_dir))
    assert code == 0 and "wrote 1 article(s)" in out
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{XI}.gold.json", f"{XI}.txt"]
    gold = json.loads((out_dir / f"{XI}.gold.json").read_text())
    assert gold["tariffs"][0]["status"] == "removed" and gold["summary_reference"]
    article = (out_dir / f"{XI}.txt").read_text()
    assert article == f" date 2025-10-31 {brief.title}\n\n{brief.body}"
    assert "1 corrected brief(s) without a body skipped" in out
    scored = subprocess.run(
        [sys.executable, "-m", "briefs.evaluate", str(out_dir)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    total = scored.stdout.splitlines()[-1].split()
    assert scored.returncode == 0 and total[:3] == ["TOTAL", "(1", "articles)"]
    assert float(total[5]) > 0.5  # actor recall: drafting read the article, not a stub


def test_export_import_round_trip_keeps_corrections(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "edit", "--store", str(store_dir), XI, "title=Mine")
    export = tmp_path / "all.json"
    assert run(capsys, "export", "--store", str(store_dir), "--out", str(export))[0] == 0
    other = tmp_path / "other"
    code, out, _ = run(capsys, "import", "--store", str(other), str(export))
    assert code == 0 and "corrections: 1 restored, 0 already there" in out
    assert Store(other).brief(XI).title == "Mine"  # type: ignore[union-attr]
    code, out, _ = run(capsys, "import", "--store", str(other), str(export))
    assert "corrections: 0 restored, 1 already there" in out
    assert [e.new for e in Store(other).history(XI)] == ["Mine"]
