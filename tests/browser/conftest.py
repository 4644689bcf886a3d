"""Browser tests run only under `make browser-test`, which installs Chromium and Playwright
and sets BRIEFING_BROWSER_TESTS=1; `make test` does not collect them at all."""

import os

if os.environ.get("BRIEFING_BROWSER_TESTS") != "1":
    collect_ignore_glob = ["test_*.py"]
