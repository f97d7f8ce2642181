# Two commands set everything up on a fresh machine with only Python 3.11+:
#   make serve   install, (re)load the seeds if needed, serve on http://127.0.0.1:8001/
#   make test    install (plus Chromium for the browser test), lint, run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | $(PYTHON) -c "import hashlib,sys;print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:12])")
PORT ?= 8001

.PHONY: install serve test lint corpus.db benchmark figures-benchmark chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# corpus.db is committed (and checked fresh by a test); it is only built when missing.
serve: install
	@[ -f corpus.db ] || $(BIN)/corpus load --quiet seeds
	$(BIN)/corpus serve --port $(PORT)

# Debian's Chromium (and a CJK font for readable screenshots) for the Playwright browser
# test; browser downloads are not possible here.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	@{ command -v chromium >/dev/null 2>&1 && [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; } || { \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

lint: install
	$(BIN)/ruff check loader tests benchmarks
	$(BIN)/ruff format --check loader tests benchmarks

test: install chromium lint
	$(BIN)/pytest -q

# Rebuild the committed database from scratch (ids are then exactly those of a fresh load).
corpus.db: install
	rm -f corpus.db corpus.db-wal corpus.db-shm
	$(BIN)/corpus load --quiet seeds

benchmark: install
	$(BIN)/python benchmarks/scale.py

figures-benchmark: install
	$(BIN)/python benchmarks/recognizers.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache tests/artifacts
