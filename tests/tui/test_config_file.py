"""The config file as plain Python: every setting checked, a bad one named with its line
and left at its default, the theme written back without touching the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.config import EXAMPLE, load_config, save_theme


def written(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_file_is_all_defaults(config_file: Path) -> None:
    config = load_config()
    assert config.path == config_file
    assert (config.theme, config.preset, config.keys, config.problems) == (None, "default", {}, [])


def test_the_example_is_a_valid_config(config_file: Path) -> None:
    config = load_config(written(config_file, EXAMPLE))
    assert config.problems == []
    assert (config.store, config.theme, config.preset) == ("~/briefs", "nord", "vim")
    assert config.keys == {"reader.next": "x"}
    assert (config.list_width, config.show_detail) == ("60", True)
    assert config.origin("theme") == "config.toml line 3"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("theme = 3\n", ":1: theme: expected a non-empty string"),
        ("colour = 'red'\n", ":1: colour: unknown setting"),
        ("[keys]\npreset = 'emacs'\n", ":2: keys.preset: expected one of default, vim"),
        ("[keys]\n'reader.next' = 'a b'\n", ":2: keys.reader.next: expected key names"),
        ("[keys]\nnext = 'x'\n", ":2: keys.next: expected a binding id"),
        ("[layout]\nlist_width = 5\n", ":2: layout.list_width: expected 20–160 columns"),
        ("[layout]\nlist_width = '95%'\n", ":2: layout.list_width: expected"),
        ("[layout]\nshow_detail = 1\n", ":2: layout.show_detail: expected true or false"),
        ("keys = 1\n", ":1: keys: expected a table"),
    ],
)
def test_a_bad_value_is_named_with_its_line_and_left_at_its_default(
    config_file: Path, text: str, problem: str
) -> None:
    config = load_config(written(config_file, text))
    (found,) = config.problems
    assert found.startswith(str(config_file)) and problem in found
    assert (config.theme, config.preset, config.keys) == (None, "default", {})
    assert (config.list_width, config.show_detail) == (None, True)


def test_a_file_that_is_not_toml_is_named_and_ignored(config_file: Path) -> None:
    config = load_config(written(config_file, "theme = \n[keys\n"))
    (problem,) = config.problems
    assert "not valid TOML" in problem and "line 1" in problem


def test_save_theme_replaces_only_the_theme_line(config_file: Path) -> None:
    text = '# my settings\ntheme = "nord"  # dark\n\n[keys]\ntheme = "not this one"\n'
    save_theme(written(config_file, text), "gruvbox")
    assert config_file.read_text(encoding="utf-8") == (
        '# my settings\ntheme = "gruvbox"\n\n[keys]\ntheme = "not this one"\n'
    )


def test_save_theme_creates_the_file_and_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_theme(path, "nord")
    assert load_config(path).theme == "nord"
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temporary left


def test_config_path_and_show(
    config_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_STORE", raising=False)
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{config_file}\n"
    written(config_file, '[keys]\npreset = "vim"\n"reader.next" = "j"\n')
    assert main(["config", "show"]) == 1  # a clash is a problem
    out, err = capsys.readouterr()
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    assert lines["keys.preset"] == ["vim", "(config.toml", "line", "2)"]
    assert lines["theme"] == ["textual-dark", "(default)"]
    assert "keys.reader.next: j is also list.down (the brief list)" in err


def test_the_config_names_the_store_unless_the_flag_or_env_does(
    config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_STORE", raising=False)
    store = tmp_path / "from-config"
    written(config_file, f'store = "{store}"\n')
    assert main(["list"]) == 0
    assert (store / "briefs.json").exists()


def test_the_readme_shows_the_example_config() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"```toml\n{EXAMPLE}```" in readme
