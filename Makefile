# Tawsim: `make run` starts the app on the demo project, `make test` runs the suite.
# Both create .venv on first use and install the exact versions in requirements/.
# `make package` builds the Linux installer (dist/), `make package-test` smoke-tests it.
# `make translations` brings resources/translations/*.ts up to date with the code.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test load-test check bench bench-scale lint types screenshots clean package package-test translations

$(STAMP): requirements/runtime.txt requirements/dev.txt packaging/ensure-system-deps.sh
	PYTHON=$(PYTHON) sh packaging/ensure-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $(STAMP)

# the interface's catalogues, compiled where they are used (docs/translating.md)
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(PY) packaging/translations.py compile-one $< $@

translations: $(STAMP)
	$(PY) packaging/translations.py update

run: $(STAMP) $(QM)
	$(PY) main.py $(ARGS)

# lint, formatting and types first (seconds), then the suite on every core
test: check $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto $(PYTEST_ARGS)

# team mode's proof under load at full size: 20 writers adding 500 spans each to one
# throwaway PostgreSQL server (`make test` runs it at 50 spans a writer)
load-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/team/test_load.py --load-spans 500

check: lint types

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# minutes: the 10k and 50k corpora through every command (README, "Benchmarks")
bench-scale: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench scale $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# the default level everywhere; --strict on the GUI-free text and agreement code
types: $(STAMP)
	$(PY) -m mypy
	$(PY) -m mypy --strict core/text core/review/agreement

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots

# The installer: a PyInstaller one-folder bundle (dist/tawsim/tawsim) and a tarball with
# the menu entry, icons and install script (docs/packaging.md). PyInstaller comes from
# requirements/package.txt, installed into .venv here, so `make test` never needs it.
VERSION        := $(shell sed -n 's/^APP_VERSION = "\(.*\)"$$/\1/p' core/version.py)
BUNDLE         := dist/tawsim/tawsim
TARBALL        := dist/tawsim-$(VERSION)-linux-$(shell uname -m).tar.gz
PACKAGE_STAMP  := $(VENV)/.installed-package
PACKAGE_INPUTS := main.py packaging/tawsim.spec requirements/runtime.txt \
	$(shell find cli core models ui resources seeds -type f ! -path '*/__pycache__/*' ! -name '*.qm')
PACKAGE_FILES  := packaging/tarball.py packaging/install.sh packaging/uninstall.sh \
	packaging/INSTALL.txt $(wildcard packaging/org.tawsim.Tawsim.* packaging/icons/*)

$(PACKAGE_STAMP): $(STAMP) requirements/package.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/package.txt
	touch $(PACKAGE_STAMP)

$(BUNDLE): $(PACKAGE_STAMP) $(PACKAGE_INPUTS)
	QT_QPA_PLATFORM=offscreen $(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/tawsim.spec
	touch $(BUNDLE)

$(TARBALL): $(BUNDLE) $(PACKAGE_FILES)
	$(PY) packaging/tarball.py --bundle dist/tawsim --out dist

package: $(TARBALL)

# the built bundle and tarball, run as a user would (no venv, a fresh home); then start-up times
package-test: $(TARBALL)
	QT_QPA_PLATFORM=offscreen TAWSIM_BUNDLE=dist/tawsim $(PY) -m pytest -p no:cacheprovider \
		tests/e2e/test_package.py $(PYTEST_ARGS)
	$(PY) packaging/startup_times.py --bundle dist/tawsim

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
