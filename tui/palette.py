"""Command palette (ctrl+p) providers: briefs by title, actors, saved views, reader actions.

The palette turns a plain-string prompt or help into markup, so every hit here is a Rich
Text built with `safe_text`, and no brief text is ever passed as `help`. Matching is our own
folded word match (accents and case ignored) rather than Textual's fuzzy matcher, whose
cost grows quickly with long titles and thousands of candidates.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any, Protocol, cast

from rich.text import Text
from textual.binding import Binding
from textual.command import Command, CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.message import Message
from textual.screen import Screen

from briefs.actor_index import ActorEntry, actor_query
from briefs.dates import format_day
from briefs.folding import fold
from briefs.text import clean
from store import Store, StoreError
from tui.catalog import Catalog, build_actor_entries
from tui.messages import ApplyQuery, CatalogWanted, DeleteView, OpenBrief, RunAction
from tui.safe import safe_text


class CommandHost(Protocol):
    """What the providers read of the app (the app module imports this one, so no import
    back): the catalog, the store for saved views, and the reader's commands."""

    catalog: Catalog
    store: Store

    def accepts_commands(self, screen: Screen[object]) -> bool: ...

    def reader_commands(self) -> list[tuple[str, str, str]]: ...

    def hold_keys_for(self, message: Message) -> None: ...


class ReaderPalette(CommandPalette):
    """Textual's palette, choosing on enter as the key arrives. Its own enter reaches the
    choice through three messages of the list and the palette, and the keys typed right
    after it went into the closing palette's field and were lost."""

    BINDINGS = [Binding("enter", "pick", show=False, priority=True)]

    def action_pick(self) -> None:
        commands = self.query_one(CommandList)
        index = commands.highlighted
        if self._list_visible and index is not None:
            option = commands.get_option_at_index(index)
            if isinstance(option, Command):
                self._cancel_gather_commands()
                self.app.post_message(CommandPalette.Closed(option_selected=True))
                self.dismiss()
                self.app.call_later(option.hit.command)
                return
        self._select_or_command()  # nothing chosen: as Textual's enter does


MAX_HITS = 20  # per provider and keystroke; the palette sorts and shows them all
_MATCH_STYLE = "reverse"


def match(query: str, candidate: str) -> tuple[float, list[tuple[int, int]]] | None:
    """Score `candidate` for `query`: every query word must occur in it (folded).

    Returns (score in 0..1, spans to highlight) or None. Words found at a word start and
    early score higher. Spans are only given when folding kept the candidate's length, so
    they point at the same characters in the text shown.
    """
    words = fold(query).split()
    if not words:
        return None
    folded = fold(candidate)
    spans = []
    score = 0.0
    for word in words:
        at = folded.find(word)
        if at < 0:
            return None
        starts_word = at == 0 or not folded[at - 1].isalnum()
        score += (1.0 if starts_word else 0.6) * (1 - min(at, 200) / 400)
        spans.append((at, at + len(word)))
    if len(folded) != len(candidate):
        spans = []
    # Shorter candidates that the words cover more of are better matches.
    cover = sum(e - s for s, e in spans) / max(len(candidate), 1) if spans else 0.0
    return min(score / len(words) * 0.9 + cover * 0.1, 1.0), spans


def highlighted(text: str, spans: list[tuple[int, int]], style: str = "") -> Text:
    shown = safe_text(text, style, single_line=True, limit=200)
    # Offsets hold only while safe_text changed nothing (no control characters, not cut).
    if shown.plain == text:
        for start, end in spans:
            shown.stylize(_MATCH_STYLE, start, end)
    return shown


def _label(kind: str) -> Text:
    return Text(f"{kind:<7}", style="dim", end="")


class _ReaderProvider(Provider):
    """A provider whose commands act on the reader: each posts a message (tui/messages.py)
    that the app routes there. Over a dialog (an unsaved-note question) it offers nothing."""

    @property
    def briefing(self) -> CommandHost:
        return cast(CommandHost, self.app)

    def _usable(self) -> bool:
        return self.briefing.accepts_commands(self.screen)

    def _posting(self, message: Message) -> Callable[[], None]:
        def run() -> None:
            # The keys typed right after the pick wait until the reader has acted on it:
            # posted plainly, they reached the reader first (`h` opened the history) and
            # were lost to the note the command opened.
            self.briefing.hold_keys_for(message)

        return run

    def _hits(
        self, query: str, candidates: Iterable[tuple[str, Any]], make: Callable[..., Hit]
    ) -> list[Hit]:
        scored = []
        for text, item in candidates:
            found = match(query, text)
            if found is not None:
                scored.append((found[0], text, item, found[1]))
        scored.sort(key=lambda s: -s[0])
        return [make(score, text, item, spans) for score, text, item, spans in scored[:MAX_HITS]]


class BriefsProvider(_ReaderProvider):
    """Briefs by title; choosing one opens it in the reader."""

    async def startup(self) -> None:
        # (title, brief id): the rows themselves are made for the hits shown only.
        self.titles: list[tuple[str, str]] = []
        if self._usable():
            self.titles = self.briefing.catalog.row_titles()

    def _hit(self, score: float, title: str, brief_id: str, spans: list[tuple[int, int]]) -> Hit:
        prompt = _label("brief")
        row = self.briefing.catalog.rows.get(brief_id)
        # The date first: a long title wraps, and the date should not wrap with it.
        prompt.append(f"{format_day(row.date) if row else ''}  ", style="dim")
        prompt.append_text(highlighted(title, spans))
        return Hit(
            score,
            prompt,
            self._posting(OpenBrief(brief_id)),
            text=clean(title, single_line=True),
        )

    async def search(self, query: str) -> Hits:
        for hit in self._hits(query, self.titles, self._hit):
            yield hit


class ActorsProvider(_ReaderProvider):
    """Actors by name; choosing one filters the reader to their briefs."""

    async def startup(self) -> None:
        self.entries: list[ActorEntry] = []
        if not self._usable():
            return
        catalog = self.briefing.catalog
        if catalog.ready:
            entries = catalog.built_actor_entries
            if entries is None:  # built off the UI thread (seconds on a large store)
                generation, sources = catalog.actor_sources()
                entries = await asyncio.to_thread(build_actor_entries, sources)
                catalog.keep_actor_entries(generation, entries)
            self.entries = entries
        else:  # the first palette after start: actors come once every brief is read
            self.app.post_message(CatalogWanted())

    def _hit(self, score: float, name: str, entry: ActorEntry, spans: list[tuple[int, int]]) -> Hit:
        prompt = _label("actor")
        prompt.append_text(highlighted(name, spans, "bold"))
        details = " · ".join(entry.roles[:1] + entry.affiliations[:1])
        if details:
            prompt.append("  ")
            prompt.append_text(safe_text(details, "dim", single_line=True, limit=60))
        count = entry.brief_count
        prompt.append(f"  {count} brief{'s' if count != 1 else ''}", style="dim")
        query = actor_query(entry.name)
        return Hit(
            score,
            prompt,
            self._posting(ApplyQuery(query)),
            text=clean(name, single_line=True),
        )

    async def search(self, query: str) -> Hits:
        for hit in self._hits(query, ((e.name, e) for e in self.entries), self._hit):
            yield hit


class ViewsProvider(_ReaderProvider):
    """Saved views (name: query); choosing one applies its query in the reader."""

    async def startup(self) -> None:
        self.views: dict[str, str] = {}
        if not self._usable():
            return
        try:
            self.views = await asyncio.to_thread(self.briefing.store.views)
        except StoreError as exc:
            self.app.notify(str(exc), severity="error")

    def _prompt(self, name: str, query: str, spans: list[tuple[int, int]]) -> Text:
        prompt = _label("view")
        prompt.append_text(highlighted(name, spans, "bold"))
        prompt.append(": ", style="dim")
        prompt.append_text(safe_text(query, "dim", single_line=True, limit=80))
        return prompt

    def _command(self, query: str) -> Callable[[], Any]:
        return self._posting(ApplyQuery(query))

    def _hit(self, score: float, name: str, query: str, spans: list[tuple[int, int]]) -> Hit:
        prompt = self._prompt(name, query, spans)
        text = clean(f"{name}: {query}", single_line=True)
        return Hit(score, prompt, self._command(query), text=text)

    def _delete_hit(self, score: float, name: str, query: str) -> Hit:
        prompt = _label("delete")
        prompt.append("view ", style="dim")
        prompt.append_text(safe_text(name, "bold", single_line=True, limit=80))
        text = clean(f"delete view {name}", single_line=True)
        return Hit(score * 0.9, prompt, self._posting(DeleteView(name)), text=text)

    async def search(self, query: str) -> Hits:
        candidates: list[tuple[str, tuple[str, str, str]]] = []
        for name, q in self.views.items():
            candidates.append((f"{name}: {q}", ("open", name, q)))
            candidates.append((f"delete view {name}", ("delete", name, q)))

        def make(score: float, _text: str, view: tuple[str, str, str], spans: list) -> Hit:
            kind, name, q = view
            if kind == "delete":
                return self._delete_hit(score, name, q)
            # Spans found in "name: query" that fall within the name are highlighted there.
            inside = [(s, e) for s, e in spans if e <= len(name)]
            return self._hit(score, name, q, inside)

        for hit in self._hits(query, candidates, make):
            yield hit

    async def discover(self) -> Hits:
        for name, query in self.views.items():
            yield DiscoveryHit(
                self._prompt(name, query, []),
                self._command(query),
                text=clean(f"{name}: {query}", single_line=True),
            )


class ActionsProvider(_ReaderProvider):
    """Every reader binding that has a description; choosing one runs its action."""

    async def startup(self) -> None:
        self.actions: list[tuple[str, str, str]] = []  # description, key, action
        if not self._usable():
            return
        self.actions = self.briefing.reader_commands()

    def _prompt(self, description: str, keys: str, spans: list[tuple[int, int]]) -> Text:
        prompt = _label("action")
        prompt.append_text(highlighted(description, spans))
        prompt.append(f"  {keys}", style="dim")
        return prompt

    def _command(self, action: str) -> Callable[[], Any]:
        return self._posting(RunAction(action))

    def _hit(self, score: float, description: str, item: tuple[str, str, str], spans: list) -> Hit:
        _, keys, action = item
        return Hit(
            score, self._prompt(description, keys, spans), self._command(action), text=description
        )

    async def search(self, query: str) -> Hits:
        for hit in self._hits(query, ((a[0], a) for a in self.actions), self._hit):
            yield hit

    async def discover(self) -> Hits:
        for description, keys, action in self.actions:
            yield DiscoveryHit(
                self._prompt(description, keys, []), self._command(action), text=description
            )
