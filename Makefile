# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
# Debian packages the tests and renderers need (WeasyPrint's Pango, PDF text checks).
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core poppler-utils

.PHONY: demo test test-all eval train agreement sealed bench load load-short fuzz kill lint sysdeps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	# An editable install leaves its modules uncompiled (a wheel's are compiled at install),
	# and PYTHONDONTWRITEBYTECODE stops Python caching them: each command would compile them.
	$(BIN)/python -m compileall -q src
	touch $@

sysdeps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

demo: sysdeps $(BIN)/.installed
	$(BIN)/rightsdesk demo

test: sysdeps $(BIN)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/pytest

test-all: sysdeps $(BIN)/.installed
	$(BIN)/pytest -m ''

eval: $(BIN)/.installed
	$(BIN)/rightsdesk extract $(SHARED)/eval/dev/docs --out /tmp/rightsdesk-dev.jsonl
	$(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/dev --pred /tmp/rightsdesk-dev.jsonl

# Learned decisions from the corpus's training part (cross-validated), their thresholds and
# calibration from its fresh part (about 9 minutes on 2 cores): writes
# src/rightsdesk/extract/learned/weights.json. Then the Russian facts' confidences (fitted
# on corpus/ru's train and fresh parts, Platt-scaled on fresh2 and fresh3; 10 seconds):
# src/rightsdesk/extract/russian/weights.json. `make demo` never trains.
train: $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m rightsdesk.training --corpus corpus --scorer $(SHARED)/eval/score.py
	$(BIN)/python -m rightsdesk.training.russian --corpus corpus/ru --scorer $(SHARED)/eval/score.py

# How far the two annotations of the doubly annotated documents agreed (before settling).
agreement: $(BIN)/.installed
	$(BIN)/python -m rightsdesk.training.agreement --first corpus/first --second corpus/second --scorer $(SHARED)/eval/score.py
	$(BIN)/python -m rightsdesk.training.agreement --first corpus/ru/first --second corpus/ru/second --scorer $(SHARED)/eval/score.py

# The sealed part, scored at most once per session and logged (corpus/sealed-log.jsonl).
sealed: $(BIN)/.installed
	$(BIN)/python -m rightsdesk.training.sealed --corpus corpus --scorer $(SHARED)/eval/score.py

# One table from one run on this machine (about an hour on 2 shared cores): see docs/performance.md.
# Quick look: $(BIN)/python bench/bench.py --docs 200 --stream-docs 400 --skip-clean
bench: $(BIN)/.installed
	$(BIN)/python bench/bench.py --data $(SHARED)/data/article-extraction-benchmark --data $(SHARED)/data/wcxb-dev-articles

# 50 desk users browsing, searching and reviewing while an ingest runs (loopback only).
load: $(BIN)/.installed
	$(BIN)/python bench/load.py

# Its short version, the test `make test` runs (10 users, 20 s, about a minute; no latency target).
load-short: $(BIN)/.installed
	$(BIN)/pytest -m load -s tests/reliability/test_load_short.py

# Deep fuzzing of readers, cleaner, extractor and WARC reader (RIGHTSDESK_FUZZ_EXAMPLES=N).
fuzz: $(BIN)/.installed
	$(BIN)/pytest -m slow -s tests/fuzz

# SIGKILL an ingest at random points, check integrity, resume (docs/reliability.md).
kill: $(BIN)/.installed
	$(BIN)/pytest -m slow -s tests/reliability/test_kill.py

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
