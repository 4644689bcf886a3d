"""The garbage collector held while the reader starts (no Textual here: the command line
holds it before Textual is imported).

A start makes some 100,000 objects that live as long as the reader (Textual's modules,
the screen's widgets, the list's rows), and the collector walked them again and again as
they were made: at 10,000 briefs some 70 collections while Textual and the app were
imported (20 ms of CPU on this machine), and about 100 young and a full one (40-70 ms)
between the app's compose and its first frame. The app releases it once it has drawn.
"""

from __future__ import annotations

import gc


class _Collector:
    held = False  # True while the collector is off because hold_collector turned it off


def hold_collector() -> None:
    """Turn the garbage collector off until `release_collector`, unless it is off
    already (then it is left as it is)."""
    if gc.isenabled():
        gc.disable()
        _Collector.held = True


def release_collector() -> None:
    """The collector on again, if `hold_collector` turned it off."""
    if _Collector.held:
        _Collector.held = False
        gc.enable()
