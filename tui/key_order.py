"""Keys are handled one at a time, in the order they were typed, across changes of focus.

Textual hands each key to the focused widget's own queue and moves straight on to the
next key. The key then bubbles up through every parent's queue to the app, where its
binding runs. So a key that moves the focus (`a` opens the editor, tab, `/`) can still be
on its way while the keys typed after it are already delivered to the old place, and run
there as commands; and ctrl+s, a priority binding, could save before the keys typed
before it reached the editor.

The app here lets one key from the terminal through at a time: the next waits until the
one before has been handled by the widget it went to and by each parent up to the app
(one queued call per hop, behind it). A paste is one event, so this costs a few queued
calls per key typed, not per character pasted.

`keys_settled` is clear from the moment a key is let through until the frame after the
last key has been drawn: a worker thread doing long work (the catalog's scan) waits on it
at its pauses, so the keys typed meanwhile get the interpreter to themselves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from textual import events
from textual.app import App, ScreenStackError
from textual.message import Message
from textual.message_pump import MessagePump

STUCK_AFTER = 5.0  # seconds: a key whose widget never answered no longer holds the rest


class _KeyDone(Message):
    """The key in flight has been handled everywhere; the next may go."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class KeyOrderApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self._in_flight: int | None = None  # serial of the key being handled
        self._serial = 0
        self._waiting: list[events.Event] = []
        self._holds = 0  # messages posted with hold_keys_for, not yet handled
        self.keys_settled = threading.Event()
        self.keys_settled.set()

    @property
    def keys_pending(self) -> bool:
        """Whether a key from the terminal is still on its way or waiting its turn."""
        return self._in_flight is not None or bool(self._waiting) or self._holds > 0

    def hold_keys_for(self, message: Message, at: MessagePump | None = None) -> None:
        """Post `message` (to the app, or to `at`); the keys typed meanwhile wait until it
        is handled where it goes and bubbles, and what it set off at the focused widget,
        as after a key. A palette command posted as the palette closes, a widget's request
        that its screen asks something: the keys typed right after must act where it
        leaves the reader (in the question), not before it is handled."""
        self._holds += 1
        if at is None:
            self.post_message(message)
            self.call_later(self._after_held)  # queued behind the message: it runs after
        else:
            at.post_message(message)
            _after_bubbling(at, self, self._after_held)  # behind it at each hop up

    def _after_held(self) -> None:
        try:
            target: MessagePump = self.focused or self.screen
        except ScreenStackError:
            target = self
        _after_bubbling(target, self, self._release_hold)

    async def _release_hold(self) -> None:
        self._holds -= 1
        if not self._holds and self._in_flight is None and self._waiting:
            await self._let_through(self._waiting.pop(0))

    def action_command_palette(self) -> None:
        # The palette that chooses on enter as it arrives: the keys after it wait their turn.
        # Loaded when first opened: the palette's module brings the actor index's (~20 ms
        # of the reader's start).
        from tui.palette import ReaderPalette

        if self.use_command_palette and not ReaderPalette.is_open(self):
            self.push_screen(ReaderPalette(id="--command-palette"))

    async def on_event(self, event: events.Event) -> None:
        # Only input fresh from the terminal waits its turn; a key that already went to a
        # widget and is bubbling back up (its bindings run here) goes on.
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if self.keys_pending:
                self._waiting.append(event)
                return
            await self._let_through(event)
            return
        await super().on_event(event)

    async def _let_through(self, event: events.Event) -> None:
        self.keys_settled.clear()
        self._serial += 1
        serial = self._in_flight = self._serial
        try:
            target: MessagePump = self.focused or self.screen
        except Exception:  # no screen yet
            target = self
        await super().on_event(event)  # priority bindings run now; else it is forwarded
        _after_bubbling(target, self, lambda: self.post_message(_KeyDone(serial)))
        self.set_timer(STUCK_AFTER, lambda: self.post_message(_KeyDone(serial)))

    async def _on__key_done(self, message: _KeyDone) -> None:
        if message.serial != self._in_flight:
            return  # a late answer for a key already let go
        self._in_flight = None
        if self._holds:
            return  # the rest go once the held message is handled (_release_hold)
        if self._waiting:
            await self._let_through(self._waiting.pop(0))
        else:
            self._settle_after_paint(self._serial)

    def _settle_after_paint(self, serial: int) -> None:
        def settled() -> None:
            if serial == self._serial and self._in_flight is None:  # no key came since
                self.keys_settled.set()

        try:
            self.screen.call_after_refresh(settled)
        except ScreenStackError:  # no screen (closing): nothing will be drawn
            self.keys_settled.set()


def _after_bubbling(node: MessagePump, app: App[None], callback: Callable[[], object]) -> None:
    """Run `callback` once what is queued at `node` now has been handled there and in each
    parent it bubbles to: one queued call per hop, each behind what it waits for. A node
    that takes no more messages (its screen was just closed by the key) ends the wait: a
    key stops bubbling there too."""
    parent = node._parent
    if parent is None or not node.is_attached:
        if not node.call_later(callback):
            app.call_later(callback)
        return
    if not node.call_later(_after_bubbling, parent, app, callback):
        app.call_later(callback)


def post_holding_keys(node: MessagePump, message: Message) -> None:
    """Post `message` at `node`; the keys typed after wait until it has been handled."""
    app = node.app
    if isinstance(app, KeyOrderApp):
        app.hold_keys_for(message, at=node)
    else:
        node.post_message(message)
