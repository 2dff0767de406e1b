# lossclaims: two commands on a fresh machine, `make report` and `make test`.
# Every install step lives here so that a clean clone (and CI) needs nothing else.

PYTHON   ?= python3
VENV     := .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
ARTICLES ?=
OUT      ?= reports

# With MPLBACKEND=Agg papermill silently drops inline plots; kernels choose their own.
unexport MPLBACKEND
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install report test lab bench notebooks lock clean realnews

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

install: $(STAMP) ## create .venv and install the project with its locked dependencies

report: $(STAMP) ## render every notebook into reports/ (ARTICLES=dir for another folder)
	$(PY) -m lossclaims report --out $(OUT) $(if $(ARTICLES),--articles $(ARTICLES))

test: $(STAMP) ## run the library's tests and nbval over the committed notebooks
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

notebooks: $(STAMP) ## re-execute the committed notebooks in place on the default corpus (after a parser change)
	$(PY) -m lossclaims report --update-notebooks

lab: $(STAMP) ## open JupyterLab on the notebooks (installs the lab extra)
	$(PY) -m pip install --quiet -e '.[lab]'
	cd notebooks && ../$(PY) -m jupyter lab

bench: $(STAMP) ## benchmark the parser on synthetic and news-style corpora (SIZE_MB=50, BASELINE=git-ref)
	$(PY) -m lossclaims.bench $(if $(SIZE_MB),--size-mb $(SIZE_MB)) $(if $(BASELINE),--baseline $(BASELINE))

realnews: $(STAMP) ## score each real-news batch (tests/data/realnews) whose texts are present
	@for d in tests/data/realnews/*/; do \
	  b=$$(basename $$d); \
	  if ls $${d}articles/*.txt >/dev/null 2>&1; then \
	    echo "== $$b"; $(PY) -m lossclaims evaluate $${d}articles $${d}gold.csv || exit 1; \
	  else \
	    echo "== $$b: its texts are not here (they are never committed); fetch them with: python tools/fetch_realnews.py"; \
	  fi; \
	done

lock: ## re-pin requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra test --extra dask --python-version 3.11 -o requirements.lock

clean: ## remove the virtual environment and the rendered reports
	rm -rf $(VENV) $(OUT)
