# Every target sets up .venv first, so a fresh clone needs only Python 3.11+, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test browser-test lint format bench bench-100k evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Byte-compiled first (a no-op when up to date): where PYTHONDONTWRITEBYTECODE is set, Python
# would otherwise compile every module of ours at each start.
run: $(STAMP)
	@$(BIN)/python -m compileall -q briefs store tui >/dev/null || true
	$(BIN)/briefing

test: $(STAMP)
	$(BIN)/ruff check briefs store tui tests bench
	$(BIN)/ruff format --check briefs store tui tests bench
	$(BIN)/python -m pytest -q

# The reader in headless Chromium (tests/browser), apart from `make test` since it installs
# a browser: Debian's chromium package, driven by Playwright from PyPI (which downloads none).
# SCREENSHOT=path.png keeps a picture of the page.
CHROMIUM ?= /usr/bin/chromium
SCREENSHOT ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BROWSER_STAMP := $(VENV)/.browser-installed

$(BROWSER_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	touch $(BROWSER_STAMP)

browser-test: $(BROWSER_STAMP)
	@if [ ! -x $(CHROMIUM) ]; then \
	  if command -v apt-get >/dev/null; then \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	  else echo "no $(CHROMIUM) and no apt-get: install Chromium, then make browser-test CHROMIUM=PATH"; exit 1; fi; \
	fi
	BRIEFING_BROWSER_TESTS=1 CHROMIUM=$(CHROMIUM) BRIEFING_SCREENSHOT=$(SCREENSHOT) \
	  $(BIN)/python -m pytest -q tests/browser

lint: $(STAMP)
	$(BIN)/ruff check briefs store tui tests bench

format: $(STAMP)
	$(BIN)/ruff format briefs store tui tests bench

# The generated data is kept under bench/work/ (git-ignored) and reused by later runs.
bench: $(STAMP)
	$(BIN)/python -m bench

# A desk's archive (issue 14): the first run generates it, in a few minutes.
bench-100k: $(STAMP)
	$(BIN)/python -m bench --briefs 100000 --notes 20000 --json bench/results/latest-100k.json

# Drafting against the evaluation set; the shared seed (outside the repository) when present.
SEED := ../shared/seeds/000_acefa33d578b04c6.txt
evaluate: $(STAMP)
	$(BIN)/python -m briefs.evaluate tests/fixtures/articles
	$(BIN)/python -m briefs.evaluate tests/fixtures/dev/tune
	$(BIN)/python -m briefs.evaluate tests/fixtures/dev/check
	@if [ -f $(SEED) ]; then $(BIN)/python -m briefs.evaluate --seed $(SEED); \
	else echo "no $(SEED): seed checks skipped"; fi

clean:
	rm -rf $(VENV)
