"""The config file: TOML at $BRIEFING_CONFIG, else `config.toml` in the platform's config
folder for briefing. It holds the store folder, the theme, the keys and the layout.

A bad file or value is a problem (its line and what was expected), never a failure: that
setting keeps its default and the reader still starts. Plain Python: the command line
reads it without loading Textual.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

PRESETS = ("default", "vim")
LIST_WIDTH_COLUMNS = (20, 160)
LIST_WIDTH_PERCENT = (15, 85)

EXAMPLE = """\
# briefing's settings. Every one is optional; `briefing config show` prints those in force.
store = "~/briefs"            # the store folder (--store and $BRIEFING_STORE win over it)
theme = "nord"                # any theme of the palette's "theme" command; saved when you pick one

[keys]
preset = "vim"                # or "default"
"reader.next" = "x"           # binding id = key(s), comma-separated; `?` in the reader shows ids

[layout]
list_width = 60               # columns, or a share of the screen such as "40%"
show_detail = true            # false: the list alone (backslash switches it in the reader)
"""


@dataclass
class Config:
    """The settings in force, each with where it came from (`origins`), and the problems
    met reading the file (`problems`, one line each: `FILE:LINE: setting: what is wrong`)."""

    path: Path
    store: str | None = None
    theme: str | None = None
    preset: str = "default"
    keys: dict[str, str] = field(default_factory=dict)
    list_width: str | None = None  # "60" (columns) or "40%"; None: the layout's own
    show_detail: bool = True
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def origin(self, name: str) -> str:
        return self.origins.get(name, "default")

    def shown(self) -> list[tuple[str, str, str]]:
        """(setting, value, where it came from) for `briefing config show`."""
        rows = [
            ("store", self.store or "(the platform's data folder)", self.origin("store")),
            ("theme", self.theme or "textual-dark", self.origin("theme")),
            ("keys.preset", self.preset, self.origin("keys.preset")),
        ]
        rows += [(f"keys.{k}", v, self.origin(f"keys.{k}")) for k, v in sorted(self.keys.items())]
        width, detail = self.list_width or "auto", str(self.show_detail).lower()
        rows.append(("layout.list_width", width, self.origin("layout.list_width")))
        rows.append(("layout.show_detail", detail, self.origin("layout.show_detail")))
        return rows


def config_path() -> Path:
    env = os.environ.get("BRIEFING_CONFIG")
    if env:
        return Path(env).expanduser()
    return user_config_path("briefing", appauthor=False) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """The settings of `path` (the usual place when None); a missing file is all defaults."""
    path = path or config_path()
    config = Config(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return config
    except OSError as exc:
        config.problems.append(f"{path}: cannot be read ({exc.strerror or exc}); defaults used")
        return config
    if len(raw) > 1_000_000:
        config.problems.append(f"{path}: larger than 1 MB, so not a config file; defaults used")
        return config
    import tomllib  # only for a file that exists: most starts have none

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        config.problems.append(f"{path}: not valid TOML ({exc}); defaults used")
        return config
    _Reader(config, text).read(data)
    return config


class _Reader:
    """Takes each setting from the parsed file, checking it; a bad one stays default."""

    def __init__(self, config: Config, text: str) -> None:
        self.config = config
        self.lines = text.splitlines()

    def read(self, data: dict[str, Any]) -> None:
        tables = {"keys": self._keys, "layout": self._layout}
        for name, value in data.items():
            if name in tables:
                if isinstance(value, dict):
                    tables[name](value)
                else:
                    self._problem("", name, "expected a table, such as [" + name + "]")
            elif name in ("store", "theme"):
                if isinstance(value, str) and value.strip():
                    setattr(self.config, name, value.strip())
                    self._took("", name)
                else:
                    self._problem("", name, "expected a non-empty string")
            else:
                self._problem("", name, "unknown setting (store, theme, [keys], [layout])")

    def _keys(self, table: dict[str, Any]) -> None:
        for name, value in table.items():
            if name == "preset":
                if value in PRESETS:
                    self.config.preset = value
                    self._took("keys", name)
                else:
                    self._problem("keys", name, f"expected one of {', '.join(PRESETS)}")
                continue
            keys = _key_list(value)
            if not re.fullmatch(r"[a-z_]+\.[a-z_]+", name):
                self._problem("keys", name, "expected a binding id such as reader.next")
            elif keys is None:
                self._problem("keys", name, 'expected key names, comma-separated ("x", "j,down")')
            else:
                self.config.keys[name] = keys
                self._took("keys", name)

    def _layout(self, table: dict[str, Any]) -> None:
        for name, value in table.items():
            if name == "list_width":
                width = _list_width(value)
                if width is None:
                    low, high = LIST_WIDTH_COLUMNS
                    plow, phigh = LIST_WIDTH_PERCENT
                    expected = f'{low}–{high} columns or a share such as "40%" ({plow}–{phigh}%)'
                    self._problem("layout", name, f"expected {expected}")
                else:
                    self.config.list_width = width
                    self._took("layout", name)
            elif name == "show_detail":
                if isinstance(value, bool):
                    self.config.show_detail = value
                    self._took("layout", name)
                else:
                    self._problem("layout", name, "expected true or false")
            else:
                self._problem("layout", name, "unknown setting (list_width, show_detail)")

    def _line(self, table: str, name: str) -> int | None:
        """The line that sets `name` in `table` ("" for the top), for messages."""
        current = ""
        quoted = re.escape(name)
        key = re.compile(rf"""\s*(?:"{quoted}"|'{quoted}'|{quoted})\s*=""")
        for number, line in enumerate(self.lines, start=1):
            header = re.match(r"\s*\[([^\]]*)\]", line)
            if header:
                current = header.group(1).strip()
            elif current == table and key.match(line):
                return number
        return None

    def _where(self, table: str, name: str) -> str:
        line = self._line(table, name)
        return f"{self.config.path}:{line}" if line else str(self.config.path)

    def _took(self, table: str, name: str) -> None:
        full = f"{table}.{name}" if table else name
        line = self._line(table, name)
        self.config.origins[full] = f"{self.config.path.name} line {line}" if line else "config"

    def _problem(self, table: str, name: str, expected: str) -> None:
        full = f"{table}.{name}" if table else name
        self.config.problems.append(f"{self._where(table, name)}: {full}: {expected}")


def _key_list(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    keys = [k.strip() for k in value.split(",")]
    if not keys or any(not k or " " in k or len(k) > 40 for k in keys):
        return None
    return ",".join(keys)


def _list_width(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        low, high = LIST_WIDTH_COLUMNS
        return str(value) if low <= value <= high else None
    if isinstance(value, str) and (match := re.fullmatch(r"\s*(\d{1,3})\s*%\s*", value)):
        low, high = LIST_WIDTH_PERCENT
        percent = int(match.group(1))
        return f"{percent}%" if low <= percent <= high else None
    return None


def save_theme(path: Path, theme: str) -> None:
    """Set `theme` in the file at `path`, keeping everything else in it as written; the
    file is replaced atomically (created, with its folder, when missing)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    line = f"theme = {json.dumps(theme)}"  # a TOML basic string is JSON's
    lines = text.splitlines()
    top_end = next((i for i, x in enumerate(lines) if re.match(r"\s*\[", x)), len(lines))
    for i in range(top_end):
        if re.match(r"\s*theme\s*=", lines[i]):
            lines[i] = line
            break
    else:
        lines.insert(top_end, line)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
