# ita-check — the two commands of the quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHAINLP_READ_ONLY := 1
export PYTHAINLP_OFFLINE := 1

.PHONY: demo test bench lint eval rules-check clean reliability

$(BIN)/ita: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(BIN)/ita

$(VENV): $(BIN)/ita

demo: $(VENV)
	$(BIN)/ita demo

test: $(VENV)
	$(BIN)/ita rules check
	$(BIN)/python -m pytest -q

bench: $(VENV)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/batch.py

# Every fault of the fault-injection server (tests/faultserver.py) audited alone: survived, items affected,
# data lost, time and peak memory.
reliability: $(VENV)
	$(BIN)/python bench/reliability.py

eval: $(VENV)
	$(BIN)/ita eval

lint: $(VENV)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) out .pytest_cache
