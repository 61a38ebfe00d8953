# actionplans: `make run` regenerates output/ from raw/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per set-up step: `make run` installs what running needs, `make test` adds the test extra only.
VENV_STAMP := $(VENV)/.created
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
TEST_EXTRA = $(shell $(PY) -c 'import tomllib; print(" ".join(map(repr, tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["test"])))')

.PHONY: run test bench clean check-prereqs report-shots

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

# Screenshots of output/report.html as a phone (390 px) and a wide screen (1400 px) show it, to look at;
# SHOT_HEIGHT=12000 takes the whole page.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
SHOTS := build/report-shots
REPORT := $(CURDIR)/output/report.html
SHOT_HEIGHT ?= 2400
SHOT_FLAGS := --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1

report-shots:
	@test -n "$(CHROMIUM)" || { echo "make: chromium is missing: install it (Debian: apt-get install -y chromium) or set CHROMIUM=/path/to/chrome"; exit 1; }
	@test -f "$(REPORT)" || { echo "make: $(REPORT) is missing: run make run first"; exit 1; }
	@mkdir -p $(SHOTS)
	@for size in 390,$(SHOT_HEIGHT) 1400,$(SHOT_HEIGHT); do \
	  width=$${size%%,*}; \
	  "$(CHROMIUM)" $(SHOT_FLAGS) --window-size=$$size --screenshot=$(SHOTS)/report-$$width.png "file://$(REPORT)" 2>/dev/null >/dev/null \
	    || { echo "make: $(CHROMIUM) could not take the $$width px screenshot"; exit 1; }; \
	  echo "$(SHOTS)/report-$$width.png"; \
	done

clean:
	rm -rf $(VENV) build *.egg-info
