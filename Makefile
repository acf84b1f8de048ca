# graphbuild: `make run` builds the seeds' graph, `make test` runs the suite.
# Both create .venv and install the project from pyproject.toml when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench install clean dictionaries viewer

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/graphbuild build seeds/ --out exports/

test: $(STAMP)
	$(BIN)/python -m pytest

# Benchmarks print tables and write benchmarks/results/*.json (about an hour on 2 cores);
# `benchmarks/report.py` renders them as the README's Markdown tables.
bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python bench_build.py
	cd benchmarks && ../$(BIN)/python bench_jobs.py
	cd benchmarks && ../$(BIN)/python bench_sparql.py
	cd benchmarks && ../$(BIN)/python bench_export.py
	cd benchmarks && ../$(BIN)/python bench_html.py
	cd benchmarks && ../$(BIN)/python bench_memory.py
	cd benchmarks && ../$(BIN)/python bench_startup.py

# Re-convert the PETRARCH/Phoenix dictionaries and the CAMEO->PLOVER table into ontology/dictionaries/.
PETRARCH ?= ../shared/data/petrarch2
PLOVER   ?= ../shared/data/plover/CAMEO2PLOVER-2021.txt
dictionaries: $(STAMP)
	$(BIN)/python -m graphbuild.dictionaries $(PETRARCH) $(PLOVER) ontology/dictionaries

# Rebuild graphbuild/assets/vendor.min.js (sigma.js + graphology + ForceAtlas2, with their
# licences) from viewer/package-lock.json; the built bundle is committed, so installs need no npm.
viewer:
	cd viewer && npm ci && npm run build

clean:
	rm -rf $(VENV) build *.egg-info exports/graph.*
