# The two commands of the README. Both set up .venv themselves.
# Tests run on the interpreter the release ships (3.12, see release.yml): python3.12 on
# PATH, else pyenv's (its shim answers only when 3.12 is the selected version). Another
# 3.11-3.13 can be forced with `make PYTHON=python3.11 ...`.
PY312_CANDIDATES := python3.12 $(wildcard $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions/3.12*/bin/python3.12) \
	/usr/local/bin/python3.12 /usr/bin/python3.12
PYTHON ?= $(shell for p in $(PY312_CANDIDATES); do \
	$$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1 && echo $$p && break; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup lint chromium screenshots packaging-deps bundle installer-check icons bench \
	translations translations-update

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 is required (the release is built and tested with it)."; \
	  echo "Install it (pyenv install 3.12, apt-get install python3.12, or python.org), or force"; \
	  echo "another 3.11-3.13 with: make PYTHON=python3.11 $(MAKECMDGOALS)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] <= (3,13)))' || \
	  { echo "$(PYTHON) is not Python 3.11-3.13"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# Qt .qm catalogues, built from resources/translations/*.ts (never committed).
translations: $(STAMP)
	$(PY) tools/translations.py build

# After changing UI strings or app/core's sentences: re-extract, then translate the .ts files.
translations-update: $(STAMP)
	$(PY) tools/translations.py update

setup: $(STAMP) translations

demo: $(STAMP) translations
	$(VENV)/bin/pairing-wizard --demo

# Every page, light and dark, for each provider (the GUI tests use the same renderer).
screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m app.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m app.ui.screenshots --language fr --theme light --no-tools \
	  --scene 1-provider --scene 3-device-invalid --scene 6-result-failure --scene 6-result-success docs/screenshots/fr

# The release workflow too: zizmor (offline audits; .github/zizmor.yml) and GitHub's
# workflow schema. `make test` runs them through tests/packaging/test_workflows.py.
lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench tools packaging/entry.py
	$(VENV)/bin/zizmor --offline --format plain .github/workflows
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# The browser tests drive Debian's Chromium; install it when we can (root or sudo).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	  if [ "$$SUDO" != none ] && command -v apt-get >/dev/null; then \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: /usr/bin/chromium is missing; the browser tests will be skipped (they fail under CI=true)"; fi; }

test: $(STAMP) translations chromium packaging-deps
	$(VENV)/bin/ruff check app tests bench tools packaging/entry.py
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# --- packaging (see README "Release") ---------------------------------------------
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[test,package]'
	touch $(PACKAGE_STAMP)

# Tools of the packaging checks, installed when we can (root or sudo), like chromium:
# makensis (the Windows installer compiles on Linux), wine (64-bit only: the installer is
# amd64, so no i386 architecture nor wine32; tests/packaging/test_installer_wine.py runs
# it silently), dbus + gnome-keyring (a real
# Secret Service for the keychain checks of the self-test, from source and frozen), and
# icu-devtools + binutils (icupkg, derb, genrb, as, ld: packaging/linux/trim_icu.py trims
# Qt's ICU data in the Linux bundle; without them the bundle keeps all of it, and the
# build fails under CI=true), and the two X libraries Qt's xcb plugin links that are not
# in PySide6's wheel nor always on a build machine (PyInstaller bundles them from here;
# packaging/linux/check-bundle.sh fails when a library the bundle needs is missing).
packaging-deps:
	@missing=; command -v makensis >/dev/null || missing="$$missing nsis"; \
	  command -v wine >/dev/null || missing="$$missing wine wine64"; \
	  command -v dbus-run-session >/dev/null || missing="$$missing dbus"; \
	  command -v gnome-keyring-daemon >/dev/null || missing="$$missing gnome-keyring"; \
	  { command -v icupkg || test -x /usr/sbin/icupkg; } >/dev/null || missing="$$missing icu-devtools"; \
	  command -v ld >/dev/null || missing="$$missing binutils"; \
	  for lib in libxcb-icccm4:libxcb-icccm.so.4 libxcb-keysyms1:libxcb-keysyms.so.1; do \
	    /sbin/ldconfig -p 2>/dev/null | grep -q "$${lib#*:}" || missing="$$missing $${lib%%:*}"; done; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	    if [ "$$SUDO" != none ] && command -v apt-get >/dev/null; then \
	      $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	        --no-install-recommends $$missing >/dev/null; \
	    else echo "note: missing$$missing: the installer, real-keychain and ICU trimming steps will be skipped"; fi; fi

# The frozen app (PyInstaller, one folder) in dist/pairing-wizard/, then its --self-test
# and a --demo --smoke run offscreen, from outside the source tree, and its size.
bundle: $(PACKAGE_STAMP) packaging-deps translations
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build packaging/pairing-wizard.spec
	packaging/linux/check-bundle.sh dist/pairing-wizard

# The Windows installer, compiled here with makensis (against dist/pairing-wizard when
# `make bundle` built it: about 2 minutes of LZMA; else against a stand-in, instantly).
# Then Wine runs it silently: install, upgrade, refusal while the app runs, uninstall
# with and without the data (about a minute; skipped without wine, except under CI=true).
installer-check: packaging-deps $(STAMP)
	packaging/windows/check-installer.sh
	$(PY) -m pytest -q -p no:cacheprovider tests/packaging/test_installer_wine.py

# Regenerate packaging/icons/ (ICO, ICNS, PNGs) after changing resources/icons/app.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/render_icons.py

# Every benchmark next to its baseline (bench/*.py): rewrites bench/results.json, the
# README's Performance section and docs/bench-throughput.png. Rebuilds the bundle first
# so its figures are of this source. About 4 minutes.
bench: bundle
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run
