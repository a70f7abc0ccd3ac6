# Two commands matter: `make run` and `make test`. Everything installs from the hash-pinned
# locks in requirements/ into .venv, so a fresh clone needs only python3 (>= 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
DEMO_DB ?= claimgraph-demo.db
SHARED ?= ../shared/data

.PHONY: run test lint eval bench train lock clean install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamp files make the install steps incremental: they rerun only when a lock changes.
$(VENV)/.run-installed: requirements/run.txt pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements/run.txt
	$(PIP) install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt $(VENV)/.run-installed
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	touch $@

install: $(VENV)/.run-installed
install-dev: $(VENV)/.dev-installed

run: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/claimgraph ingest examples/seed/urdupoint-2022-11-22-iran-drones.txt examples/press/kremlin_zelenskyy_2022.jsonl --db $(DEMO_DB)
	$(BIN)/claimgraph stats --db $(DEMO_DB)
	$(BIN)/claimgraph articles --db $(DEMO_DB) --limit 5
	$(BIN)/claimgraph serve --db $(DEMO_DB)

lint: install-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

# Debian's chromium for the browser tests (tests/web/test_browser.py); reinstalled only
# when the script changes or the stamp is removed.
$(VENV)/.browser-installed: scripts/install_chromium.sh | $(BIN)/python
	sh scripts/install_chromium.sh
	touch $@

# Java for the Spark tests (tests/spark/): Debian's default-jre-headless, installed only when
# no `java` is on the PATH; the tests skip with a reason where it still is missing.
$(VENV)/.java-installed: | $(BIN)/python
	command -v java >/dev/null 2>&1 || (apt-get update && apt-get install -y --no-install-recommends default-jre-headless)
	touch $@

test: lint $(VENV)/.browser-installed $(VENV)/.java-installed
	$(BIN)/pytest -q

eval: install-dev
	$(BIN)/python -m claimgraph.evaluation --shared $(SHARED) --write docs/evaluation.md --json docs/evaluation.json

# Recount the noun cue frames (about 2 minutes) and retrain the cue detector on PolNeAR train
# (about 5 minutes; writes the shipped JSON model)
# and the stance model on FNC-1 train (a few minutes; writes stance_model.npz).
# The content-edge model (PolNeAR train, about 2 minutes; writes content_model.json) comes
# after the cue detector, whose attributions it learns to correct.
train: install-dev
	$(BIN)/python -m claimgraph.training.cue_frames --shared $(SHARED)
	$(BIN)/python -m claimgraph.training.cues --shared $(SHARED)
	$(BIN)/python -m claimgraph.training.contents --shared $(SHARED)
	$(BIN)/python -m claimgraph.training.stance --shared $(SHARED)

bench: install-dev
	$(BIN)/python benchmarks/run.py --shared $(SHARED)
	$(BIN)/python benchmarks/extract_bench.py --shared $(SHARED)
	$(BIN)/python benchmarks/claims_bench.py
	$(BIN)/python benchmarks/load_bench.py --saturate
	$(BIN)/python benchmarks/scale_bench.py --shared $(SHARED)

# Regenerate the locks (needs network to PyPI; uses uv when present, else pip-tools).
lock:
	cd requirements && uv pip compile --python-version 3.11 --generate-hashes run.in -o run.txt
	cd requirements && uv pip compile --python-version 3.11 --generate-hashes dev.in -o dev.txt

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
