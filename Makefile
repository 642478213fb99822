# Vigil — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

SWIFT ?= swift
CONFIG ?= debug
SWIFT_FLAGS ?=
ifeq ($(CI),true)
  SWIFT_FLAGS += -Xswiftc -warnings-as-errors
endif
BIN = .build/$(CONFIG)/vigil
CLUSTER = .vigil
TEST_CLUSTER = .vigil/test

.PHONY: run test test-citus stress build deps report-deps embed db-start db-stop db-url test-db-start test-db-stop format lint bench demo clean

deps:
	@scripts/deps.sh

## make report-deps: what `report … --out FILE.pdf` needs (headless Chromium, Chinese fonts).
report-deps:
	@scripts/deps.sh --reports

embed:
	@scripts/embed-schema.sh

build: deps embed
	$(SWIFT) build -c $(CONFIG) $(SWIFT_FLAGS) --product vigil

db-start: deps
	@scripts/pg.sh start $(CLUSTER)
	@scripts/pg.sh url $(CLUSTER) > $(CLUSTER)/conninfo

db-stop:
	@scripts/pg.sh stop $(CLUSTER)

db-url:
	@scripts/pg.sh url $(CLUSTER)

## make run: install what is missing, build, start the private cluster, migrate, open the shell.
## The shell opens as the person's own admin login (scripts/first-login.sh); the superuser migrates.
run: build db-start
	$(BIN) migrate --db "$$(cat $(CLUSTER)/conninfo)"
	@scripts/first-login.sh $(BIN) $(CLUSTER)
	$(BIN)

## make test: the same set-up on a throwaway cluster, then every test.
test: embed
	@scripts/deps.sh --test
	@scripts/test.sh $(SWIFT_FLAGS)

## make test-citus: the distributed tests on a throwaway Citus cluster of three nodes on this
## machine (scripts/citus.sh builds Citus from ../shared/citus when it is not installed).
test-citus: embed
	@scripts/deps.sh --test
	@scripts/test.sh --citus $(SWIFT_FLAGS)

## make stress: the concurrency tests 20 times in a row (make test runs them once).
stress: embed
	@scripts/deps.sh --test
	@scripts/stress.sh 20

bench: deps embed
	@scripts/bench.sh

demo: build db-start
	$(BIN) migrate --db "$$(cat $(CLUSTER)/conninfo)"
	@scripts/first-login.sh $(BIN) $(CLUSTER)
	$(BIN) demo

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build
