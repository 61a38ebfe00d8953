# actionplans: `make run` regenerates output/ from raw/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench clean check-prereqs

check-prereqs:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) is missing: install Python 3.11 or newer (with venv)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "make: $(PYTHON) is older than 3.11: install Python 3.11 or newer"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "make: $(PYTHON) has no venv/ensurepip: install the python3-venv package"; exit 1; }

$(STAMP): pyproject.toml constraints.txt | check-prereqs
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) pipeline.py run raw/ -o output/

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info
