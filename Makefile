# The two commands of the quick start: `make run` and `make test`. Each does its own set-up.
SHELL := /bin/bash
PYTHON ?= python3
# uv from PATH, else the pip-installed module (works wherever pip put its script).
UV := $(shell command -v uv 2>/dev/null || echo $(PYTHON) -m uv)
SCREENSHOTS ?= build/screenshots

.PHONY: run test setup uv translations lint typecheck contracts pytest demo bench bundle clean

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
		$(PYTHON) -m pip install --quiet uv || $(PYTHON) -m pip install --quiet --user uv

setup: uv
	@$(UV) sync --frozen --quiet
	@$(MAKE) --no-print-directory translations

translations:
	@$(UV) run --frozen python -m iam_desktop.ui.i18n_build

run: setup
	$(UV) run --frozen iam-desktop

demo: setup
	$(UV) run --frozen iam-desktop demo

lint:
	$(UV) run --frozen ruff check iam_desktop sync tests bench
	$(UV) run --frozen ruff format --check iam_desktop sync tests bench

typecheck:
	$(UV) run --frozen mypy

contracts:
	$(UV) run --frozen lint-imports

pytest:
	mkdir -p $(SCREENSHOTS)
	IAM_SCREENSHOT_DIR=$(abspath $(SCREENSHOTS)) QT_QPA_PLATFORM=offscreen $(UV) run --frozen pytest -q

test: setup lint typecheck contracts pytest

bench: setup
	$(UV) run --frozen python -m bench.unlock
	$(UV) run --frozen python -m bench.startup

# The desktop app as one folder, dist/iam-desk/ (runs with no Python installed; see docs/operations.md).
bundle: setup
	$(UV) run --frozen pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/iam-desk.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache resources/translations/*.qm
