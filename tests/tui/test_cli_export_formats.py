"""`briefing export --format obsidian|csl-json`: a note per brief in a vault folder, and
CSL-JSON for Zotero; both from the corrected briefs, with --query and ids as for JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from store import Store
from tests.tui.test_hostile_kinds import FORBIDDEN, HOSTILE_ID, KINDS, hostile
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"
SAMPLES = 7


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    head = text[4:].partition("\n---\n")[0]
    assert text.startswith("---\n")
    data = yaml.safe_load(head)
    assert isinstance(data, dict)
    return data


def vault_export(
    capsys: pytest.CaptureFixture[str], store_dir: Path, vault: Path, *extra: str
) -> tuple[int, str, str]:
    return run(
        capsys, "export", "--store", str(store_dir), "--format", "obsidian", "--out", str(vault),
        *extra,
    )  # fmt: skip


def test_obsidian_writes_one_note_per_brief(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir).add_note(XI, "# not a heading\n---\n[[not a link]] | pipe")
    vault = tmp_path / "vault" / "briefs"  # made, parents and all
    code, out, err = vault_export(capsys, store_dir, vault)
    assert (code, err) == (0, "")
    names = sorted(p.name for p in vault.iterdir())
    assert len(names) == SAMPLES and all(n.endswith(".md") for n in names)
    data = front_matter(vault / f"{XI}.md")
    assert data["id"] == XI and data["source"] == "The Associated Press"
    assert "[[Xi Jinping]]" in data["actors"]  # type: ignore[operator]
    assert data["starred"] is False and data["read"] is False
    text = (vault / f"{XI}.md").read_text(encoding="utf-8")
    assert "\\# not a heading" in text and "\\---" in text
    assert "\\[\\[not a link\\]\\]" in text
    assert f"wrote {SAMPLES} note(s)" in out and str(vault) in out


def test_exporting_again_updates_and_leaves_other_files_alone(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = tmp_path / "vault"
    (vault / "mine").mkdir(parents=True)
    (vault / "mine.md").write_text("my own note")
    (vault / "mine" / f"{XI}.md").write_text("in a folder of mine")
    (vault / f"{XI}.md").write_text("edited by the user")
    (vault / "2020-01-01-gone.md").write_text("a brief no longer in the store")
    assert vault_export(capsys, store_dir, vault, CANOLA)[0] == 0
    assert (vault / f"{XI}.md").read_text() == "edited by the user"  # not exported this time
    before = (vault / f"{CANOLA}.md").read_text(encoding="utf-8")
    Store(store_dir).add_note(CANOLA, "a second look")
    assert vault_export(capsys, store_dir, vault)[0] == 0
    after = (vault / f"{CANOLA}.md").read_text(encoding="utf-8")
    assert "a second look" in after and "a second look" not in before
    assert (vault / f"{XI}.md").read_text(encoding="utf-8").startswith("---\n")
    assert (vault / "mine.md").read_text() == "my own note"
    assert (vault / "mine" / f"{XI}.md").read_text() == "in a folder of mine"
    assert (vault / "2020-01-01-gone.md").exists()
    assert sorted(p.name for p in vault.iterdir() if p.name.startswith(".")) == []  # no temps


def test_obsidian_honours_query_ids_and_corrections(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "edit", "--store", str(store_dir), XI, "title=Corrected title")[0] == 0
    vault = tmp_path / "vault"
    assert vault_export(capsys, store_dir, vault, "--query", "canola")[0] == 0
    chosen = {p.stem for p in vault.iterdir()}
    assert CANOLA in chosen and XI in chosen and len(chosen) < SAMPLES
    assert front_matter(vault / f"{XI}.md")["title"] == "Corrected title"
    other = tmp_path / "other"
    assert vault_export(capsys, store_dir, other, "--query", "canola", XI)[0] == 0
    assert [p.stem for p in other.iterdir()] == [XI]


def test_obsidian_needs_a_folder(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "export", "--store", str(store_dir), "--format", "obsidian")
    assert code == 2 and "--out DIR" in err and out == ""
    a_file = tmp_path / "file.md"
    a_file.write_text("mine")
    code, _, err = vault_export(capsys, store_dir, a_file)
    assert code == 2 and "is not a folder" in err and a_file.read_text() == "mine"


def test_a_note_that_cannot_be_written_is_reported_and_the_rest_are(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = tmp_path / "vault"
    (vault / f"{XI}.md").mkdir(parents=True)  # a folder where the note would go
    (vault / f"{XI}.md" / "keep").write_text("kept")
    code, _, err = vault_export(capsys, store_dir, vault)
    assert code == 1
    assert err.startswith(f"{vault / (XI + '.md')}: ") and len(err.splitlines()) == 1
    assert (vault / f"{XI}.md" / "keep").read_text() == "kept"
    assert len(list(vault.glob("*.md"))) == SAMPLES  # the six others and the folder


def test_formats_read_notes_once(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir).add_note(XI, "keep this")

    def per_brief(*args: object, **kwargs: object) -> object:
        raise AssertionError("a per-brief read in the export")

    for name in ("notes", "brief", "state"):
        monkeypatch.setattr(Store, name, per_brief)
    vault, out = tmp_path / "vault", tmp_path / "items.json"
    args = ["export", "--store", str(store_dir), "--format"]
    assert main([*args, "obsidian", "--out", str(vault)]) == 0
    assert "keep this" in (vault / f"{XI}.md").read_text(encoding="utf-8")
    assert main([*args, "csl-json", "--out", str(out)]) == 0
    assert "keep this" in out.read_text(encoding="utf-8")


def test_csl_json_is_an_array_of_newspaper_articles(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(store_dir).add_note(XI, "ask about canola")
    code, out, err = run(capsys, "export", "--store", str(store_dir), "--format", "csl-json")
    assert (code, err) == (0, "")
    items = json.loads(out)
    assert isinstance(items, list) and len(items) == SAMPLES
    assert {item["type"] for item in items} == {"article-newspaper"}
    xi = next(item for item in items if item["id"] == XI)
    assert xi["container-title"] == "The Associated Press"
    assert xi["author"] == [{"family": "Moritsugu", "given": "Ken"}]
    assert xi["issued"] == {"date-parts": [[2025, 10, 31]]}
    assert xi["abstract"].startswith("Chinese President Xi Jinping")
    assert "ask about canola" in xi["note"]


def test_csl_json_honours_query_ids_corrections_and_out(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "edit", "--store", str(store_dir), XI, "title=Corrected title")[0] == 0
    out = tmp_path / "zotero.json"
    args = ("export", "--store", str(store_dir), "--format", "csl-json", "--out", str(out))
    assert run(capsys, *args, "--query", "canola")[0] == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert XI in {i["id"] for i in items} and len(items) < SAMPLES
    assert next(i for i in items if i["id"] == XI)["title"] == "Corrected title"
    assert run(capsys, *args, CANOLA)[0] == 0
    assert [i["id"] for i in json.loads(out.read_text(encoding="utf-8"))] == [CANOLA]
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]


def test_an_unchanged_note_is_left_as_it_is(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same text, same file: a vault synced elsewhere sees no change (an atomic write
    would give it a new inode even with the same bytes)."""
    vault = tmp_path / "vault"
    assert vault_export(capsys, store_dir, vault)[0] == 0
    inodes = {p.name: p.stat().st_ino for p in vault.iterdir()}
    Store(store_dir).add_note(XI, "new")
    code, out, _ = vault_export(capsys, store_dir, vault)
    assert code == 0 and f"wrote 1 note(s) to {vault}; {SAMPLES - 1} unchanged" in out
    changed = {p.name for p in vault.iterdir() if p.stat().st_ino != inodes[p.name]}
    assert changed == {f"{XI}.md"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_both_formats_keep_each_hostile_kind_inert(
    store_dir: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """No control sequence or bidi trick reaches the files, and the front matter still
    parses to the brief's own title."""
    text, _ = KINDS[kind]
    store = Store(store_dir)
    store.import_briefs([hostile(text)])
    store.add_note(HOSTILE_ID, f"N {text}")
    vault = tmp_path / "vault"
    assert vault_export(capsys, store_dir, vault, HOSTILE_ID)[0] == 0
    note = (vault / f"{HOSTILE_ID}.md").read_text(encoding="utf-8")
    assert not any(c in note for c in FORBIDDEN), kind
    assert front_matter(vault / f"{HOSTILE_ID}.md")["title"] == f"T {text}"
    code, out, _ = run(
        capsys, "export", "--store", str(store_dir), "--format", "csl-json", HOSTILE_ID
    )
    assert code == 0 and not any(c in out for c in FORBIDDEN), kind
    assert json.loads(out)[0]["title"] == f"T {text}"
