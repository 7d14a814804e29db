# Tawsim: `make run` starts the app on the demo project, `make test` runs the suite.
# Both create .venv on first use and install the exact versions in requirements/.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test check bench lint types screenshots clean

$(STAMP): requirements/runtime.txt requirements/dev.txt packaging/ensure-system-deps.sh
	PYTHON=$(PYTHON) sh packaging/ensure-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

# lint, formatting and types first (seconds), then the suite on every core
test: check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto $(PYTEST_ARGS)

check: lint types

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# the default level everywhere; --strict on the GUI-free text and agreement code
types: $(STAMP)
	$(PY) -m mypy
	$(PY) -m mypy --strict core/text core/review/agreement

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
