# presslens — the two commands a user needs are `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ARTICLES ?= data/articles
REPORTS  ?= reports

.DEFAULT_GOAL := help
.PHONY: help report test lab bench clean

help: ## show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dask,dev]'
	@touch $@

report: $(STAMP) ## render HTML reports for every article in data/articles/ into reports/
	$(BIN)/presslens report $(ARTICLES) -o $(REPORTS)

test: $(STAMP) ## run unit, property, notebook and browser tests
	$(BIN)/python -m pytest

lab: $(STAMP) ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root,)

SHARED ?= ../shared

bench: $(STAMP) ## accuracy and speed benchmarks, the figures in the README (needs ../shared)
	$(BIN)/python benchmarks/quotes_eval.py --data $(SHARED)/eval/polnear/dev
	$(BIN)/python benchmarks/timex_eval.py --data $(SHARED)/eval/tempeval3/TimeBank --data $(SHARED)/eval/tempeval3/AQUAINT
	$(BIN)/python benchmarks/stance_speed.py
	$(BIN)/python benchmarks/report_speed.py
	$(BIN)/python benchmarks/throughput.py $(SHARED)/eval/polnear/train/text --replicate 10

clean: ## remove the virtual environment, caches and reports
	rm -rf $(VENV) $(REPORTS) .pytest_cache .hypothesis build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
