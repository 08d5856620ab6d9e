# dateline: the two commands of the README, and their parts.
#   make demo   set up .venv, process the bundled demo corpus, print the summary and the exports
#   make test   set up .venv and run the tests
#   make serve  the dashboard and JSON API over $(DB) (after make demo)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= dateline.db
OUT ?= out
STAMP := $(VENV)/.installed

WEB := dateline/web

.PHONY: install demo test lint bench gate serve clean

# The dashboard's country outlines come from the npm package world-atlas, pinned with its
# integrity hash in $(WEB)/package-lock.json; without npm the map shows no outlines.
$(STAMP): pyproject.toml requirements.lock $(WEB)/package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	if command -v npm >/dev/null; then \
	  npm ci --prefix $(WEB) --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the dashboard map will have no country outlines"; fi
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dateline run examples/ --db $(DB); status=$$?; test $$status -le 1 || exit $$status
	mkdir -p $(OUT)
	$(BIN)/dateline export --db $(DB) --format acled-csv -o $(OUT)/events.csv
	$(BIN)/dateline export --db $(DB) --format geojson -o $(OUT)/events.geojson
	$(BIN)/dateline export --db $(DB) --format parquet -o $(OUT)/events.parquet
	$(BIN)/dateline events --db $(DB)
	@echo "Database: $(DB)   Exports: $(OUT)/events.csv $(OUT)/events.geojson $(OUT)/events.parquet"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check dateline tests bench
	$(BIN)/mypy dateline

bench: $(STAMP)
	$(BIN)/dateline bench

gate: $(STAMP)
	$(BIN)/dateline bench --gate

serve: $(STAMP)
	$(BIN)/dateline serve --db $(DB)

clean:
	rm -rf $(VENV) $(OUT) $(DB) $(DB)-wal $(DB)-shm $(WEB)/node_modules
