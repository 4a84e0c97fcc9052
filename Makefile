# MLA-C01 study guide: set-up, build, serve and test.
# `make serve` and `make test` are all a newcomer needs; each sets up what it uses.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MERMAID_VERSION := 11.17.2
MERMAID := docs/assets/vendor/mermaid.min.js
MERMAID_ESM := docs/assets/vendor/mermaid/mermaid.esm.min.mjs
IFRAME_WORKER_VERSION := 1.0.4
IFRAME_WORKER := docs/assets/vendor/iframe-worker.js
VENDOR := $(MERMAID) $(MERMAID_ESM) $(IFRAME_WORKER)
CHROMIUM ?= /usr/bin/chromium
# Test processes for `make test`; each builds the site once.
TEST_WORKERS ?= 2
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve build pdf anki diagrams release offline deploy test validate stats schema lint chromium clean bench

help:
	@echo "make serve     set up .venv and serve the guide on http://127.0.0.1:8000"
	@echo "make test      set up the test tools (and Debian's chromium) and run every test"
	@echo "make build     write the site to site/"
	@echo "make pdf       write the PDF workbook to site/pdf/mla-c01-study-guide.pdf"
	@echo "make anki      write the Anki deck to site/anki/mla-c01.apkg"
	@echo "make release   the site with both, as the Pages workflow and make deploy publish it"
	@echo "make offline   write site-offline.zip, the guide for file:// with search"
	@echo "make deploy    make release, then push site/ to the gh-pages branch"
	@echo "make validate  check the question bank;  make stats  counts by domain, task, type"
	@echo "make schema    regenerate questions/schema.json from the model"
	@echo "make diagrams  draw the Mermaid diagrams into docs/includes/diagrams/ (after adding or editing one)"
	@echo "make bench     build time, scale, page weight, PDF and Lighthouse figures, written to bench/results.md"

# ---------------------------------------------------------------- set-up
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.site
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Mermaid is served from the site itself, never from a CDN: pinned, from the npm registry. Without its 13 MB
# source map: it draws only diagrams that `make diagrams` has not drawn yet, and the offline zip stays small.
$(MERMAID):
	@command -v npm >/dev/null || { echo "npm is needed to fetch mermaid@$(MERMAID_VERSION) (apt-get install npm)"; exit 1; }
	mkdir -p .cache $(dir $@)
	cd .cache && npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null
	tar -xzf .cache/mermaid-$(MERMAID_VERSION).tgz -C .cache package/dist/mermaid.min.js
	cp .cache/package/dist/mermaid.min.js $@

# The same release as ES modules (mla.js imports it over http(s): a diagram fetches only the parts it needs).
$(MERMAID_ESM): $(MERMAID)
	mkdir -p .cache
	cd .cache && { [ -f mermaid-$(MERMAID_VERSION).tgz ] || npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null; }
	rm -rf .cache/package/dist/chunks $(dir $@)
	tar -xzf .cache/mermaid-$(MERMAID_VERSION).tgz -C .cache --wildcards package/dist/mermaid.esm.min.mjs \
	  'package/dist/chunks/mermaid.esm.min/*.mjs'
	mkdir -p $(dir $@)chunks
	cp -r .cache/package/dist/chunks/mermaid.esm.min $(dir $@)chunks/
	cp .cache/package/dist/mermaid.esm.min.mjs $@

# Material's offline search needs the iframe-worker shim; it is served locally, never from a CDN.
$(IFRAME_WORKER):
	@command -v npm >/dev/null || { echo "npm is needed to fetch iframe-worker@$(IFRAME_WORKER_VERSION) (apt-get install npm)"; exit 1; }
	mkdir -p .cache $(dir $@)
	cd .cache && npm pack --silent iframe-worker@$(IFRAME_WORKER_VERSION) >/dev/null
	tar -xzf .cache/iframe-worker-$(IFRAME_WORKER_VERSION).tgz -C .cache package/shim/index.js
	cp .cache/package/shim/index.js $@

chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Chromium at $(CHROMIUM)."; \
	  echo "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium."; \
	  exit 1; \
	fi

# ---------------------------------------------------------------- the guide
serve: $(VENV)/.site $(VENDOR)
	MLA_SERVE=1 SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site $(VENDOR)
	$(BIN)/mkdocs build

# The PDF workbook: the site built with its PDF link, then its print page rendered by Chromium.
pdf: $(VENV)/.dev $(VENDOR) chromium
	MLA_PDF=1 $(BIN)/mkdocs build
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m macros pdf

# The diagrams, drawn once here instead of in every reader's browser: after adding or editing a diagram
# (macros/diagrams.py; the tests say when a drawing is missing).
diagrams: $(VENV)/.dev $(VENDOR) chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m macros diagrams

# The Anki deck: the site built with its deck link, then a note per question and glossary term (genanki).
anki: $(VENV)/.dev $(VENDOR)
	MLA_ANKI=1 $(BIN)/mkdocs build
	$(BIN)/python -m macros anki

# What is published: one build that links both, then the PDF and the deck written into it.
release: $(VENV)/.dev $(VENDOR) chromium
	MLA_PDF=1 MLA_ANKI=1 $(BIN)/mkdocs build
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m macros pdf
	$(BIN)/python -m macros anki

# Publish by hand to the gh-pages branch (the GitHub Actions workflow does the same on main).
# --dirty keeps the PDF and the deck that `make release` just wrote into site/.
deploy: release
	MLA_PDF=1 MLA_ANKI=1 $(BIN)/mkdocs gh-deploy --dirty --force

# The site for file:// (Material's offline plugin, search included), zipped.
offline: $(VENV)/.site $(VENDOR)
	rm -rf .cache/site-offline site-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --site-dir .cache/site-offline
	cd .cache && ../$(BIN)/python -m zipfile -c ../site-offline.zip site-offline/
	@echo "wrote site-offline.zip: unzip it and open site-offline/index.html"

validate: $(VENV)/.site
	$(BIN)/python -m macros validate

stats: $(VENV)/.site
	$(BIN)/python -m macros stats

schema: $(VENV)/.site
	$(BIN)/python -m macros schema

# ---------------------------------------------------------------- checks
lint: $(VENV)/.dev
	$(BIN)/ruff check macros tests

test: $(VENV)/.dev $(VENDOR) chromium
	$(BIN)/python -m macros validate
	$(BIN)/python -m macros schema --check
	$(BIN)/ruff check macros tests
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

clean:
	rm -rf site .cache .pytest_cache .ruff_cache $(dir $(MERMAID))

# ---------------------------------------------------------------- benchmark
# Lighthouse is pinned and installed into .cache/, never globally; it drives Debian's Chromium.
# 12.2.3 is the last release that runs on Node 20.
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE_DIR := .cache/lighthouse
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/lighthouse/cli/index.js

$(LIGHTHOUSE_DIR)/.v$(LIGHTHOUSE_VERSION):
	@command -v npm >/dev/null || { echo "npm is needed to install lighthouse@$(LIGHTHOUSE_VERSION) (apt-get install npm)"; exit 1; }
	mkdir -p $(LIGHTHOUSE_DIR)
	npm install --silent --no-audit --no-fund --save-exact --prefix $(LIGHTHOUSE_DIR) lighthouse@$(LIGHTHOUSE_VERSION)
	@touch $@

bench: $(VENV)/.dev $(VENDOR) chromium $(LIGHTHOUSE_DIR)/.v$(LIGHTHOUSE_VERSION)
	CHROMIUM=$(CHROMIUM) LIGHTHOUSE=$(LIGHTHOUSE) $(BIN)/python bench/run.py
