# The two commands of the README. Both set up .venv themselves.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] <= (3,13)))' && echo $$p && break; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup lint chromium screenshots

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11-3.13 is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/pairing-wizard --demo

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench

# The browser tests drive Debian's Chromium; install it when we can (root or sudo).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	  if [ "$$SUDO" != none ] && command -v apt-get >/dev/null; then \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: /usr/bin/chromium is missing; the browser tests will be skipped (they fail under CI=true)"; fi; }

test: $(STAMP) chromium
	$(VENV)/bin/ruff check app tests bench
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
