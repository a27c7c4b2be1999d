# Two entry points, both self-contained on a fresh machine with Python 3.11:
#   make demo   set up .venv, check the examples and compile them to build/demo
#   make test   set up .venv and run the test suite (what CI runs)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wodc check examples
	$(BIN)/wodc compile examples -o build/demo
	$(BIN)/wodc paces --race 5K=22:00

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build .pytest_cache
