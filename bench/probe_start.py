"""Child process for the start-up figure: `python -m bench.probe_start KIND T0 OUT [STORE]`.

KIND is `ours` (the real app on STORE) or `bare` (Header, Footer, one Label). T0 is the
parent's CLOCK_MONOTONIC just before it spawned us; the clock is system-wide on Linux, so
`now - T0` at first paint is the whole-process time, interpreter start and imports included.
The result goes to the JSON file OUT, since stdout may be the terminal the app draws on.

Imports stay inside functions: this module's own import cost must be nil for `bare`.
"""

from __future__ import annotations

import sys
import time


def _now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def _peak_rss_kib() -> int:
    """This process's peak RSS in KiB.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forked parent, so a
    big benchmark process would inflate a small child's figure.
    """
    try:
        with open("/proc/self/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main(argv: list[str]) -> int:
    kind, t0, out = argv[0], float(argv[1]), argv[2]
    result: dict[str, float] = {}

    # Imported here, after T0, so their cost counts: that is what a user waits for. Ours
    # in the order `briefing` takes: its command line and the store's modules, then the
    # garbage collector held (tui/collector.py), then Textual and the app.
    if kind != "bare":
        from store import Store
        from tui.collector import hold_collector

        hold_collector()
    from textual.app import App

    def probe(app: App[None], ready, loaded=lambda: True) -> None:  # type: ignore[no-untyped-def]
        """Poll every 5 ms until `ready()`, then stamp the time after the next repaint."""
        timer = None

        def painted() -> None:
            result["first_paint_s"] = _now() - t0
            result["cpu_at_paint_s"] = time.process_time()  # all threads; less load-bound
            result["rss_at_paint_kib"] = _peak_rss_kib()
            app.set_timer(0.001, settle)

        def settle() -> None:
            # "After everything has loaded": the search index built, workers done.
            if not loaded() or any(w.is_running for w in app.workers):
                app.set_timer(0.005, settle)
                return
            result["loaded_s"] = _now() - t0
            result["peak_rss_kib"] = _peak_rss_kib()
            app.exit()

        def check() -> None:
            if ready():
                timer.stop()
                app.screen.call_after_refresh(painted)

        timer = app.set_interval(0.005, check)

    if kind == "bare":
        from textual.app import ComposeResult
        from textual.widgets import Footer, Header, Label

        class BareApp(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Label("Hello from a bare Textual app")
                yield Footer()

            def on_mount(self) -> None:
                probe(self, lambda: self.screen.query(Label))

        app: App[None] = BareApp()
    else:
        from pathlib import Path

        from tui.app import BriefingApp

        class ProbeApp(BriefingApp):
            # Textual calls on_mount of every class in the MRO: BriefingApp's still runs.
            def on_mount(self) -> None:
                probe(self, self._shown, self._loaded)

            def _loaded(self) -> bool:
                return self.catalog.ready

            def _shown(self) -> bool:
                screen = self.screen
                if getattr(screen, "brief", None) is None:
                    return False
                return screen.query_one("#brief-list").option_count > 0  # type: ignore[attr-defined]

        # As `briefing` opens the store for the reader: its files hashed after the paint.
        app = ProbeApp(Store(Path(argv[3]), defer_checks=True))

    headless = "--headless" in argv
    app.run(headless=headless)
    result["exit_s"] = _now() - t0
    import orjson

    with open(out, "wb") as handle:
        handle.write(orjson.dumps(result))
    return 0 if "first_paint_s" in result else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
