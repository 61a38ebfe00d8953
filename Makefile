# actionplans: `make run` regenerates output/ from raw/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per set-up step: `make run` installs what running needs, `make test` adds the test extra only.
VENV_STAMP := $(VENV)/.created
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
TEST_EXTRA = $(shell $(PY) -c 'import tomllib; print(" ".join(map(repr, tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["test"])))')

.PHONY: run test bench clean check-prereqs

check-prereqs:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) is missing: install Python 3.11 or newer (with venv)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "make: $(PYTHON) is older than 3.11: install Python 3.11 or newer"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "make: $(PYTHON) has no venv/ensurepip: install the python3-venv package"; exit 1; }

$(VENV_STAMP): | check-prereqs
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(RUN_STAMP): pyproject.toml constraints.txt $(VENV_STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

# The test extra's requirements alone (what running needs is already there), pinned like the rest.
$(TEST_STAMP): $(RUN_STAMP)
	$(PY) -m pip install --quiet -c constraints.txt $(TEST_EXTRA)
	touch $@

run: $(RUN_STAMP)
	$(PY) pipeline.py run raw/ -o output/

test: $(TEST_STAMP)
	$(PY) -m pytest

bench: $(TEST_STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info
