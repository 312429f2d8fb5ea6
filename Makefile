# Regularization in Practice — every command a learner, an instructor or CI needs.
# `make help` lists them. All targets share one environment: .venv, built from
# pyproject.toml with the exact versions of requirements-lock.txt.

# The course supports Python 3.11–3.13 (pyproject.toml's requires-python; the lock serves each).
# The first one found is used, or name one: make PYTHON=python3.13 test.
SUPPORTED_PYTHONS := python3.11 python3.12 python3.13
PYTHON ?= $(or $(firstword $(foreach p,$(SUPPORTED_PYTHONS),$(if $(shell command -v $(p) 2>/dev/null),$(p)))),python3.11)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Offline installs for a room: when this folder holds wheels (`make wheelhouse`, or a copy from a
# USB stick), .venv is installed from it with no package index at all.
WHEELHOUSE ?= wheelhouse
PIP_SOURCE  = $(if $(wildcard $(WHEELHOUSE)/*.whl),--no-index --find-links $(WHEELHOUSE))

# Same results on every machine: fixed hash seed (set printing order); a backend override
# would break figure outputs in kernels.
export PYTHONHASHSEED := 0
unexport MPLBACKEND

.DEFAULT_GOAL := help
.PHONY: help lab test test-fast lint test-browser test-seeds test-cpu test-claims pythons-env test-pythons test-latest execute exercises text registry \
        bench doctor lock wheelhouse test-wheelhouse site test-site clean

help:  ## List the commands.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements-lock.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "error: $(PYTHON) not found. Install Python 3.11, 3.12 or 3.13, or name one: make PYTHON=python3.12 $(MAKECMDGOALS)"; \
	  exit 1; }
	@test -x $(BIN)/python || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(if $(PIP_SOURCE),@echo "Installing offline from $(WHEELHOUSE)/ (remove it to use the package index)")
	@# pip installs uv alone (one wheel), then uv installs the rest from the same source in seconds
	@# rather than pip's minutes (the same versions: the lock pins every package). Unlike pip, uv
	@# leaves the bytecode to be compiled on first import; where PYTHONDONTWRITEBYTECODE is set (CI,
	@# some containers) nothing is ever cached, and every kernel would compile TensorFlow's sources
	@# again (+6 s each): --compile-bytecode does it once, at install.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIP_SOURCE) -c requirements-lock.txt uv \
	  && $(BIN)/uv pip install --compile-bytecode --python $(BIN)/python $(PIP_SOURCE) -c requirements-lock.txt -e ".[test]" \
	  $(if $(PIP_SOURCE),|| { echo "error: $(WHEELHOUSE)/ lacks a locked package: rebuild it (make wheelhouse) or remove it"; exit 1; })
	@# Build Matplotlib's font cache now, so no lesson prints a warning about it later.
	@$(BIN)/python -c "import matplotlib.pyplot"
	@touch $(STAMP)

# JupyterLab refuses to start as root unless told; root is normal in containers, rare on laptops.
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: $(STAMP)  ## Set up .venv if needed, then open JupyterLab at the course index.
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 $(ROOT_FLAG) $(LAB_ARGS) notebooks/00_start_here.ipynb

# Two pytest workers at a time, one per core, each with one thread: the workers' own BLAS/OpenMP
# pools and the notebook kernels (REGUTILS_THREADS overrides the lessons' two). Two-thread workers
# side by side oversubscribe two cores and slow some fits tenfold (lbfgs in lesson 06's checks:
# 24 s → 5 s). Stored outputs and `make bench` keep the learner's two threads.
ONE_THREAD := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 REGUTILS_THREADS=1
PYTEST_PARALLEL = $(ONE_THREAD) $(BIN)/python -m pytest -n 2 --dist loadscope

test: $(STAMP) lint  ## Set up .venv if needed, then run everything CI runs.
	$(PYTEST_PARALLEL)

lint: $(STAMP)  ## Format check, lint and type check (ruff, mypy; configured in pyproject.toml).
	$(BIN)/ruff format --check --quiet . || { echo "error: run $(BIN)/ruff format ."; exit 1; }
	$(BIN)/ruff check .
	$(BIN)/mypy

# Claims must hold under other seeds and on other CPUs, not only for the stored run.
SEEDS ?= 1 2
# Lessons and solutions. The exercise notebooks are generated from the solutions (a drift test
# keeps them equal) and state no claims; `make test` runs them once.
NOTEBOOK_PATHS ?= $(filter-out %_exercises.ipynb,$(wildcard notebooks/*.ipynb)) solutions
# The notebooks of the lessons that train Keras models (keras = true in lessons.toml).
KERAS_NOTEBOOKS = $(filter-out notebooks/%_exercises.ipynb,$(shell $(BIN)/python -m tools.registry list --keras))

test-seeds: $(STAMP)  ## Run the lessons and solutions under REGUTILS_SEED=1 and 2: every claim must hold.
	@for seed in $(SEEDS); do \
	  echo "== the lessons and solutions with REGUTILS_SEED=$$seed"; \
	  REGUTILS_SEED=$$seed $(PYTEST_PARALLEL) -q $(NOTEBOOK_PATHS) || exit 1; \
	done

# TensorFlow's SSE4.1 kernels with oneDNN on: another CPU's float rounding, simulated here.
SIMULATED_CPU := ONEDNN_MAX_CPU_ISA=SSE41 TF_ENABLE_ONEDNN_OPTS=1

test-cpu: $(STAMP)  ## Run the Keras lessons and solutions on a simulated other CPU (SSE4.1, oneDNN on).
	@test -n "$(KERAS_NOTEBOOKS)" || { echo "error: lessons.toml lists no Keras lesson"; exit 1; }
	$(SIMULATED_CPU) $(PYTEST_PARALLEL) -q $(KERAS_NOTEBOOKS)

# CI's claims run, test-seeds and test-cpu in one pass: every lesson and solution under
# REGUTILS_SEED=1 on this CPU, then under REGUTILS_SEED=2 on the simulated other CPU. With make
# test's run (seed 0, this CPU) each claim holds for three (seed, CPU) pairs.
test-claims: $(STAMP)  ## Lessons and solutions under seed 1, then seed 2 on a simulated other CPU (CI).
	@echo "== the lessons and solutions with REGUTILS_SEED=1"
	REGUTILS_SEED=1 $(PYTEST_PARALLEL) -q $(NOTEBOOK_PATHS)
	@echo "== the lessons and solutions with REGUTILS_SEED=2 on a simulated other CPU (SSE4.1)"
	REGUTILS_SEED=2 $(SIMULATED_CPU) $(PYTEST_PARALLEL) -q $(NOTEBOOK_PATHS)

# The other supported Pythons each get their own environment from the same lock (.venv-3.12,
# .venv-3.13; PYTHON's .venv runs everything), then the unit tests (the Keras-training ones, which
# each test file runs in a fresh process, run under PYTHON only: they are most of the unit tests'
# time) and one scikit-learn and one Keras lesson (tests/test_registry.py checks that these are one
# of each).
OTHER_PYTHONS ?= $(filter-out $(PYTHON),$(SUPPORTED_PYTHONS))
OTHER_PYTHON_LESSONS ?= notebooks/01_overfitting.ipynb notebooks/09_batch_normalization.ipynb

.venv-%/.installed: pyproject.toml requirements-lock.txt $(STAMP)
	@command -v python$* >/dev/null 2>&1 || { echo "error: python$* not found (make test-pythons OTHER_PYTHONS=...)"; exit 1; }
	@# uv (locked in .venv) builds these in seconds; not from wheelhouse/, whose wheels are for PYTHON.
	$(BIN)/uv venv --quiet --seed --allow-existing --python python$* .venv-$*
	$(BIN)/uv pip install --quiet --compile-bytecode --python .venv-$*/bin/python -c requirements-lock.txt -e ".[test]"
	@.venv-$*/bin/python -c "import matplotlib.pyplot"
	@touch $@

pythons-env: $(foreach p,$(OTHER_PYTHONS),.venv-$(subst python,,$(p))/.installed)  ## Build the 3.12 and 3.13 environments of test-pythons (CI: while make test runs).

test-pythons: pythons-env  ## On Python 3.12 and 3.13: unit tests, one scikit-learn and one Keras lesson.
	@for p in $(subst python,,$(OTHER_PYTHONS)); do \
	  echo "== Python $$p: $$(.venv-$$p/bin/python --version)"; \
	  $(ONE_THREAD) .venv-$$p/bin/python -m pytest -n 2 -q -m "not keras and not browser and not wheelhouse and not site" \
	    -k "not keras_tests_pass_in_a_fresh_process" tests regutils || exit 1; \
	  $(ONE_THREAD) .venv-$$p/bin/python -m pytest -n 2 --dist loadscope -q $(OTHER_PYTHON_LESSONS) || exit 1; \
	done

# Drift run: what the next library releases will break. A fresh environment with the newest
# versions pyproject.toml allows (no lock), then the whole suite in the claims mode; the report
# (bench-results/latest.md) names each claim, cell or test that broke and why.
test-latest:  ## Drift run: newest allowed versions, no lock; which claims break (bench-results/latest.md).
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --disable-pip-version-check --upgrade -e ".[test]"
	@.venv-latest/bin/python -c "import matplotlib.pyplot"
	$(ONE_THREAD) .venv-latest/bin/python -m tools.drift_report

test-fast: $(STAMP) lint  ## Lint, unit and drift tests only (no notebooks): about a minute.
	$(ONE_THREAD) $(BIN)/python -m pytest -n 2 tests regutils

test-browser: $(STAMP)  ## Run lessons in JupyterLab in headless Chromium; screenshots in bench-results/.
	@test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium is missing: apt-get install -y chromium"; exit 1; }
	$(ONE_THREAD) $(BIN)/python -m pytest -n 2 --dist loadgroup -m browser tests/test_browser.py -rs -rP

# The course website: every notebook with its stored outputs (nothing runs), Sphinx + MyST-NB +
# sphinx-book-theme, configured in site/conf.py, staged and built by tools/site.py with -W (a
# warning fails the build). Offline: MathJax is copied from the jupyter-server-mathjax package.
site: $(STAMP)  ## Build the course website into build/site/ from the stored outputs (seconds, offline).
	$(BIN)/python -m tools.site

test-site: site  ## Build the website, then check its links and pages in headless Chromium.
	@test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium is missing: apt-get install -y chromium"; exit 1; }
	REGUTILS_SITE_REQUIRED=1 $(BIN)/python -m pytest -p no:xdist -m site tests/test_site.py -rs

exercises: $(STAMP)  ## Regenerate notebooks/*_exercises.ipynb from solutions/ (and text/).
	$(BIN)/python -m tools.make_exercises
	$(BIN)/python -m tools.text_forms

execute: exercises  ## Re-run every notebook and store its outputs (same settings as the tests).
	$(BIN)/python -m tools.execute_notebooks notebooks/*.ipynb solutions/*.ipynb
	$(BIN)/python -m tools.text_forms

text: $(STAMP)  ## Rewrite text/: each lesson and solution notebook as a script, for review.
	$(BIN)/python -m tools.text_forms

registry: $(STAMP)  ## Write the course table, course map, Time lines and schedules from lessons.toml.
	$(BIN)/python -m tools.registry
	$(BIN)/python -m tools.text_forms

bench: $(STAMP)  ## Time every notebook in a fresh kernel (fails over budget); update every quoted time.
	$(BIN)/python -m tools.bench --readme README.md --quotes README.md --quotes INSTRUCTORS.md
	$(BIN)/python -m tools.registry
	$(BIN)/python -m tools.text_forms

doctor: $(STAMP)  ## Check that this machine is ready for the course.
	$(BIN)/python -m regutils doctor

lock:  ## Re-resolve the newest allowed versions for Python 3.11–3.13 on every platform (uv) into the lock, environment.yml and binder/
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --disable-pip-version-check --quiet uv packaging
	.lock-venv/bin/uv pip compile pyproject.toml --extra test --universal --upgrade --no-header \
	  --no-annotate --python-version $(firstword $(subst python,,$(SUPPORTED_PYTHONS))) --quiet \
	  | PYTHONPATH=. .lock-venv/bin/python -m tools.lock
	rm -rf .lock-venv

wheelhouse: $(WHEELHOUSE)/.complete  ## Fetch every locked wheel into wheelhouse/ for offline installs.

$(WHEELHOUSE)/.complete: pyproject.toml requirements-lock.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (make PYTHON=...)"; exit 1; }
	$(PYTHON) -m tools.wheelhouse --dest $(WHEELHOUSE)

test-wheelhouse: wheelhouse $(STAMP)  ## Prove that a fresh install from wheelhouse/ works with no index.
	$(BIN)/python -m pytest -m wheelhouse tests/test_wheelhouse.py -s

clean:  ## Remove .venv and caches (the next command rebuilds them; wheelhouse/ is kept).
	rm -rf $(VENV) .venv-3.* .venv-latest .lock-venv .pytest_cache build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
