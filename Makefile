# Plume — `make run` sets everything up and opens the app; `make test` runs the suite headless.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-real venv bench screenshots package package-check clean translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m app

test: $(STAMP)
	$(PY) -m ruff check app tests bench
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto

# The real flow on a real model (opt-in, not in `make test`/CI): PLUME_REAL_OLLAMA / PLUME_REAL_MODEL,
# else the shared Gemma 3 270M (../shared/realmodel: setup.sh once, ~10 min to compile), started
# and stopped here. Then `python -m bench.real` prints the full table.
REALMODEL := ../shared/realmodel
test-real: $(STAMP)
	@if [ -n "$$PLUME_REAL_OLLAMA" ]; then \
		QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/real -v; \
	else \
		$(REALMODEL)/setup.sh && started=$$($(REALMODEL)/start.sh | grep -c OLLAMA_HOST || true); \
		PLUME_REAL_OLLAMA=http://127.0.0.1:11435 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/real -v; \
		rc=$$?; [ "$$started" = 1 ] && $(REALMODEL)/stop.sh >/dev/null; exit $$rc; \
	fi

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# README screenshots (docs/screenshots/*.png): the real window, offscreen, driven against
# the fake Ollama server; light and dark, in each interface language that has a .qm.
# Needs a font (e.g. `apt-get install fonts-dejavu-core`) — screenshots only, never tests.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m app.ui.screenshots --out docs/screenshots

# Installers (packaging/README.md). `package`: Linux bundle + release .deb (xz) in out/.
# `package-check`: what CI runs (bundle, smoke test, fast .deb + inspection, NSIS stand-in).
package: $(STAMP)
	packaging/tools.sh desktop-file-validate:desktop-file-utils appstreamcli:appstream \
		readelf:binutils dpkg-deb:dpkg
	$(PY) -m pip install --quiet -e ".[package]"
	$(PY) packaging/icons/make_icons.py >/dev/null
	QT_QPA_PLATFORM=offscreen $(PY) -m PyInstaller --noconfirm --clean --log-level WARN packaging/plume.spec
	@v=$$($(PY) -c "from importlib.metadata import version; print(version('plume'))") && \
	deb=$$(packaging/linux/build_deb.sh dist/plume "$$v" out) && \
	$(PY) packaging/linux/check_deb.py "$$deb" --max-mb 45 && du -sh dist/plume "$$deb"

package-check: $(STAMP)
	PY=$(PY) packaging/ci_check.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache

# UI translations: refresh the .ts catalogues from app/ui, then compile the .qm files the
# app loads (both are committed, so running the app needs no build step). extract_wrapped.py
# adds the strings lupdate cannot see (`_tr(...)` wrappers, `tr = self.tr` aliases).
TS_DIR := resources/translations
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations relative app/ui \
		-source-language en -target-language fr -ts $(TS_DIR)/plume_fr.ts
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations relative app/ui \
		-source-language en -target-language en -ts $(TS_DIR)/plume_en.ts
	$(PY) $(TS_DIR)/extract_wrapped.py app/ui $(TS_DIR) fr en
	$(VENV)/bin/pyside6-lrelease $(TS_DIR)/plume_fr.ts $(TS_DIR)/plume_fr_wrapped.ts \
		$(TS_DIR)/plume_fr_qt.ts -qm $(TS_DIR)/plume_fr.qm
	$(VENV)/bin/pyside6-lrelease $(TS_DIR)/plume_en.ts $(TS_DIR)/plume_en_wrapped.ts \
		-qm $(TS_DIR)/plume_en.qm
