# Convenience targets; the README's two commands (scripts/build.sh, scripts/test.sh) need no make.
.DEFAULT_GOAL := help
PY := .venv/bin/python

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: ## create .venv, install pinned packages, chromium, poppler and the Vazirmatn font
	bash scripts/setup.sh

book: ## build everything: data checks, notebooks, HTML and PDF (= scripts/build.sh)
	bash scripts/build.sh

html: setup ## HTML only, no PDF
	$(PY) -m analysis build --no-pdf

strict: setup ## the whole book, failing on any Sphinx warning (as the end-to-end test builds it)
	$(PY) -m analysis build --strict

province: setup ## rebuild one province chapter: make province P=Khuzestan
	$(PY) -m analysis build --province "$(P)"

test: ## the fast tests and the end-to-end build (= scripts/test.sh)
	bash scripts/test.sh

test-fast: ## unit tests and doctests only
	FAST=1 bash scripts/test.sh

data: setup ## re-transcribe data/processed from the seed files
	$(PY) -m analysis extract

check-data: setup ## validate every dataset and check every number against its source line
	$(PY) -m analysis check-data

audit: setup ## print the audit of the sources' own arithmetic
	$(PY) -m analysis audit

toc: setup ## regenerate _toc.yml from book/structure.yml and the province registry
	$(PY) -m analysis toc

benchmark: setup ## time clean, no-op and one-province builds, PDF, peak memory, naive serial run (ARGS="--kernels both --repeat 2")
	$(PY) benchmarks/benchmark.py $(ARGS)

lab: setup ## JupyterLab with jupytext: every notebooks/*.md opens as a notebook (installs requirements-lab.txt)
	$(PY) -m pip install -q --disable-pip-version-check -c requirements-lock.txt -r requirements-lab.txt
	$(PY) -m analysis.tools.lab

datapackage: setup ## write data/datapackage.json (Frictionless Data Package) and _build/datapackage/datapackage.zip
	$(PY) -m analysis.tools.datapackage --zip _build/datapackage

clean: ## remove the build output (keeps .venv and fonts)
	rm -rf _build

.PHONY: help setup book html strict province test test-fast data check-data audit toc benchmark clean
.PHONY: lab datapackage
