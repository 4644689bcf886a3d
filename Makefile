# Every target sets up .venv first, so a fresh clone needs only Python 3.11+, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefing

test: $(STAMP)
	$(BIN)/ruff check briefs store tui tests bench
	$(BIN)/ruff format --check briefs store tui tests bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check briefs store tui tests bench

format: $(STAMP)
	$(BIN)/ruff format briefs store tui tests bench

bench: $(STAMP)
	$(BIN)/python -m bench

# Drafting against the evaluation set; the shared seed (outside the repository) when present.
SEED := ../shared/seeds/000_acefa33d578b04c6.txt
evaluate: $(STAMP)
	$(BIN)/python -m briefs.evaluate tests/fixtures/articles
	@if [ -f $(SEED) ]; then $(BIN)/python -m briefs.evaluate --seed $(SEED); \
	else echo "no $(SEED): seed checks skipped"; fi

clean:
	rm -rf $(VENV)
