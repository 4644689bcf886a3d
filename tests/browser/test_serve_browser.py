"""`briefing serve` in headless Chromium: Debian's `chromium` package driven by Playwright
with that browser (no browser is downloaded). Run by `make browser-test`.

The page draws the terminal on a canvas, so the test reads what it shows from the page's
own xterm.js terminal (its screen buffer), found by an init script when the page sets it up.
Every wait is on what the page shows, with a deadline.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright

from tests.tui.serve_process import (
    DEADLINE,
    FIRST,
    SECOND,
    Served,
)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The page's script keeps its terminal in an object's `terminal` property: catch that
# assignment once, leave the property a plain one, and read the screen through it.
FIND_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true});
    if (value && value.buffer && typeof value.loadAddon === "function") {
      window.briefingTerminal = value;
    }
  },
});
window.briefingScreen = () => {
  const term = window.briefingTerminal;
  if (!term) return "";
  const screen = term.buffer.active;
  const rows = [];
  for (let y = 0; y < screen.length; y++) rows.push(screen.getLine(y).translateToString(true));
  return rows.join("\\n");
};
"""
SHOWS = "text => window.briefingScreen().includes(text)"


def screen(page: Page) -> str:
    return page.evaluate("() => window.briefingScreen()")


def test_n_in_the_browser_shows_the_second_brief(served: Served, tmp_path: Path) -> None:
    def this_server_only(route: Route) -> None:
        # The page links a web font elsewhere: nothing leaves this machine.
        if route.request.url.startswith(served.url + "/"):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 900})
            page.route("**/*", this_server_only)
            page.add_init_script(FIND_TERMINAL)
            page.goto(served.url + "/", timeout=DEADLINE * 1000)
            page.wait_for_function(SHOWS, arg=FIRST, timeout=DEADLINE * 1000)
            assert "Briefs (7)" in screen(page)
            # Keys typed into the page's terminal, as a person's would be; no click, so
            # no mouse event reaches the reader.
            page.focus(".xterm-helper-textarea")
            page.keyboard.press("n")
            page.wait_for_function(SHOWS, arg=SECOND, timeout=DEADLINE * 1000)
            assert FIRST not in screen(page)  # the detail moved on; it shows one brief
            shot = tmp_path / "briefing-serve.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            if keep := os.environ.get("BRIEFING_SCREENSHOT"):
                shutil.copyfile(shot, keep)
        finally:
            browser.close()
    assert served.stop() == 0
