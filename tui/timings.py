"""How long the reader waits before it acts on its own, in one place the app is given.

Each delay is seconds on the wall clock; 0 acts at once, and None never acts by itself
(tests use that, then call the action when they want it, so no outcome depends on how
busy the machine is).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message_pump import MessagePump
from textual.timer import Timer


@dataclass(frozen=True, slots=True)
class Timings:
    disk_poll: float | None = 2.0  # between checks for changes made by other processes
    filter_pause: float | None = 0.04  # quiet typing before the list re-filters
    catalog_after: float | None = 0.5  # after the first paint, before every brief is read
    read_after: float | None = 1.0  # on a brief before it counts as read, not passed over
    draft_pause: float | None = 1.0  # without typing before the editor's text is kept
    tracker_pause: float | None = 0.15  # quiet in the tracker's filter before it runs
    sync_after: float | None = 5.0  # after start or a save, before syncing with the desk
    welcome_after: float | None = 0.3  # after start on a new store, before saying what it is


# For tests: nothing waits on the clock; what would happen later happens at once or never.
FROZEN = Timings(
    disk_poll=None,
    filter_pause=0,
    catalog_after=0,
    read_after=None,
    draft_pause=None,
    tracker_pause=None,
    sync_after=None,
    welcome_after=None,
)


def after(owner: MessagePump, delay: float | None, callback: Callable[[], object]) -> Timer | None:
    """Run `callback` after `delay` (see the module docstring); the timer, if one was set."""
    if delay is None:
        return None
    if delay == 0:
        callback()
        return None
    return owner.set_timer(delay, callback)


def every(owner: MessagePump, delay: float | None, callback: Callable[[], object]) -> None:
    if delay is not None and delay > 0:
        owner.set_interval(delay, callback)
