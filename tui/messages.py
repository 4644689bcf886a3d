"""What the palette and the screens ask the app to do, and what the app tells screens.

The palette's commands post these to the app, which routes them to the reader; no
provider reaches into a screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenBrief(Message):
    """Show this brief in the reader (clearing a filter that hides it)."""

    brief_id: str


@dataclass
class ApplyQuery(Message):
    """Filter the reader's list with this query."""

    query: str


@dataclass
class RunAction(Message):
    """Run one of the reader's actions, as its key would."""

    action: str


@dataclass
class DeleteView(Message):
    """Delete this saved view (the reader asks first)."""

    name: str


class CatalogWanted(Message):
    """A screen needs every brief read (the search index, actors, tariffs)."""


@dataclass
class CatalogChanged(Message):
    """The catalog was filled or refreshed; `elsewhere` when another process wrote."""

    elsewhere: bool = False


class FetchFeeds(Message):
    """Fetch every subscribed feed (F), in a worker; new briefs arrive unread."""


@dataclass
class SyncDesk(Message):
    """Sync with the desk, in a worker: `asked` by a key (say why when it cannot), else
    at start or `soon` after a save (quietly, and only for a store connected to a desk)."""

    asked: bool = False
    soon: bool = False
