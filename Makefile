# flashpoint: `make demo` runs the main job on a fresh machine, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= flashpoint.duckdb
SAMPLES := samples/text samples/html samples/feeds samples/archive.warc.gz samples/wire.jsonl

.PHONY: demo test lint install clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ray]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/flashpoint ingest $(SAMPLES) --db $(DB) --report ingest-report.json
	$(BIN)/flashpoint stats --db $(DB)

test: $(STAMP)
	bash tools/ensure_chromium.sh || echo "chromium not installed: the browser end-to-end test will be skipped"
	$(BIN)/ruff check src tests bench tools
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

bench: $(STAMP)
	$(BIN)/python bench/throughput.py ../shared/data/corpora/polnear_train.jsonl

clean:
	rm -rf $(VENV) $(DB) $(DB).wal ingest-report.json
