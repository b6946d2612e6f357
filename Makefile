# The two commands of the README's quickstart. Each creates .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck pytest docs mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[report]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/python -m xmqc_kpi.demo --out out/demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks examples docs
	$(BIN)/ruff format --check src tests benchmarks examples docs

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy src tests examples docs/hooks.py docs/griffe_docstrings.py

pytest: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest -q src tests

# The strict site build also runs inside the test suite (tests/test_docs.py).
docs: $(VENV)/.installed-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir out/site

test: lint typecheck pytest

# Mutation testing, not part of `make test`: 20-30 minutes on two cores. Prints the score;
# the survivors that cannot change behaviour are listed in tests/mutation_equivalents.md.
MUTATE_ENGINE := _compute _equal_counts _check_part_of_whole _lookup _assess
MUTANTS := 'xmqc_kpi.formulas.*' 'xmqc_kpi.thresholds.*' 'xmqc_kpi.judging.*' 'xmqc_kpi.units.*' \
	'xmqc_kpi.intervals.*' $(foreach f,$(MUTATE_ENGINE),'xmqc_kpi.engine.x_$(f)__mutmut_*')

mutation: $(VENV)/.installed-dev
	$(BIN)/pip install --quiet mutmut==3.8.1
	rm -rf mutants
	HYPOTHESIS_PROFILE=mutation $(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python benchmarks/mutation_score.py mutants

clean:
	rm -rf $(VENV) out mutants .pytest_cache .mypy_cache .ruff_cache
