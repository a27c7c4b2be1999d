# Two entry points, both self-contained on a fresh machine with Python 3.11:
#   make demo   set up .venv, check the examples and compile them to build/demo
#   make test   set up .venv and run the test suite (what CI runs)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint fuzz bench mutate tables clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wodc check examples
	$(BIN)/wodc compile examples -o build/demo
	$(BIN)/wodc paces --race 5K=22:30

# VS Code's TextMate engine, for the grammar's tests (tests/test_editor_grammar.py).
NODE_STAMP := editors/test/node_modules/.installed
$(NODE_STAMP): editors/test/package.json editors/test/package-lock.json
	cd editors/test && npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check wodc tests bench

# Generated code: wodc/wod_tables.py, the parser's tables, from grammar/wod.lark, and
# wodc/dataclass_methods.py from the @frozen and @mutable classes: after editing the grammar or
# such a class (tests/test_lalr.py and tests/test_frozen.py fail until it is run).
tables: $(STAMP)
	$(BIN)/python -m wodc.lalr
	$(BIN)/python -m wodc.dataclass_codegen

# Longer runs than CI's: the parser fuzzed with many more random inputs.
fuzz: $(STAMP)
	WODC_FUZZ_EXAMPLES=$${WODC_FUZZ_EXAMPLES:-20000} $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider

# The benchmark (bench/run.py). pace2fit, the peer it is compared with, goes into its own
# virtualenv; if it cannot be installed the comparison is skipped and says so. The command
# line is timed on wodc as users install it (not editable), in .venv-bench, made anew from
# this checkout each run.
bench: $(STAMP)
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt .
	.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
	test -x .venv-peer/bin/python || ($(PYTHON) -m venv .venv-peer && \
		.venv-peer/bin/python -m pip install --quiet --disable-pip-version-check pace2fit==0.1.3 2>.venv-peer/pip.log) || \
		rm -rf .venv-peer
	$(BIN)/python bench/run.py

# Mutation testing (not CI): mutmut mutates the files [tool.mutmut] only_mutate names in
# pyproject.toml and runs the tests against each mutant; see docs/testing.md. mutmut 3.8.1
# reports as survivors some mutants that the same tests kill in a fresh pytest, so each one
# it reports is run again that way; those listed at the end pass every test.
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt mutmut
	rm -rf mutants
	nice $(BIN)/mutmut run --max-children 2 || true
	$(BIN)/mutmut results | awk -F: '/: survived/ {gsub(/ /, "", $$1); print $$1}' | \
	  while read -r name; do \
	    (cd mutants && MUTANT_UNDER_TEST="$$name" ../$(BIN)/python -m pytest -q -x \
	      -p no:cacheprovider --ignore=tests/test_editor_grammar.py >/dev/null 2>&1) && \
	      echo "survived: $$name"; \
	  done; true

clean:
	rm -rf $(VENV) .venv-peer .venv-bench build .pytest_cache mutants editors/test/node_modules
