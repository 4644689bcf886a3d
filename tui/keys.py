"""The keys in force: a preset (tui/keymaps/*.toml) with the config's [keys] over it, checked
before Textual's keymap takes them — an unknown binding id, or a key the keymap gives to two
bindings of one place, is reported rather than silently shadowed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from textual.binding import Binding

from tui.config import Config


@dataclass(frozen=True, slots=True)
class Place:
    """Where keys act together: the focused widget, then the screen, then the app."""

    name: str
    chain: tuple[type, ...]


@cache
def preset(name: str) -> dict[str, str]:
    """The preset's binding ids and keys ({} for "default": the bindings as written)."""
    if name == "default":
        return {}
    import tomllib  # loaded for a preset only: the default keys need neither
    from importlib import resources

    text = resources.files("tui.keymaps").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in tomllib.loads(text).items()}


def places() -> tuple[Place, ...]:
    # Imported here: the command line's `config show` loads the widgets only when asked.
    from tui.app import BriefingApp
    from tui.screens.actor_index import ActorIndexScreen
    from tui.screens.edit_form import EditFormScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.tariff_tracker import TariffTrackerScreen
    from tui.widgets.article_view import ArticleView
    from tui.widgets.brief_list import BriefList
    from tui.widgets.brief_panes import ActorsTable
    from tui.widgets.detail_scroll import DetailScroll
    from tui.widgets.index_table import IndexTable
    from tui.widgets.notes_pane import NoteList
    from tui.widgets.search_bar import SearchBar

    reader = (ReaderScreen, BriefingApp)
    return (
        Place("the brief list", (BriefList, *reader)),
        Place("the summary", (DetailScroll, *reader)),
        Place("the actors and tariffs tables", (ActorsTable, *reader)),
        Place("the article", (ArticleView, *reader)),
        Place("the notes", (NoteList, *reader)),
        Place("the search bar", (SearchBar, *reader)),
        Place("the actor index", (IndexTable, ActorIndexScreen, BriefingApp)),
        Place("the tariff tracker", (IndexTable, TariffTrackerScreen, BriefingApp)),
        Place("a correction form", (EditFormScreen, BriefingApp)),
    )


def _bindings(cls: type) -> list[Binding]:
    """Every binding of `cls`, its bases' included, as Textual merges them."""
    return [
        binding
        for bindings in cls._merge_bindings().key_to_bindings.values()  # type: ignore[attr-defined]
        for binding in bindings
    ]


def known_ids() -> set[str]:
    return {b.id for place in places() for cls in place.chain for b in _bindings(cls) if b.id}


def resolve_keys(config: Config) -> tuple[dict[str, str], list[str]]:
    """The keymap for `config` and the problems found in it (each a line to show)."""
    keymap = {**preset(config.preset), **config.keys}
    if not keymap:
        return {}, []  # the bindings as written: nothing to check, nothing to load
    problems = []
    known = known_ids()
    for binding_id in sorted(config.keys.keys() - known):
        problems.append(f"keys.{binding_id}: no binding has this id (`?` in the reader lists them)")
        keymap.pop(binding_id)
    problems += clashes(keymap)
    return keymap, problems


def clashes(keymap: dict[str, str]) -> list[str]:
    """Keys `keymap` gives to a binding where another binding of the same place has them:
    one line per binding and key, naming the others and where."""
    found: dict[tuple[str, str], list[str]] = {}
    for place in places():
        bindings = [b for cls in place.chain for b in _bindings(cls)]
        owners: dict[str, set[str]] = {}
        for binding in bindings:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            for key in keys.split(","):
                owners.setdefault(key.strip(), set()).add(binding.id or binding.action)
        for binding in bindings:
            if binding.id not in keymap:
                continue
            added = set(keymap[binding.id].split(",")) - set(binding.key.split(","))
            for key in sorted(added):
                for other in sorted(owners.get(key, set()) - {binding.id}):
                    where = found.setdefault((binding.id, key), [])
                    if f"{other} ({place.name})" not in where:
                        where.append(f"{other} ({place.name})")
    return [
        f"keys.{binding_id}: {key} is also {', '.join(others)}"
        for (binding_id, key), others in sorted(found.items())
    ]
