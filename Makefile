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

.PHONY: run test build deps embed db-start db-stop db-url test-db-start test-db-stop format lint bench demo clean

deps:
	@scripts/deps.sh

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
run: build db-start
	$(BIN) migrate --db "$$(cat $(CLUSTER)/conninfo)"
	$(BIN) --db "$$(cat $(CLUSTER)/conninfo)"

## make test: the same set-up on a throwaway cluster, then every test.
test: embed
	@scripts/deps.sh --test
	@scripts/test.sh $(SWIFT_FLAGS)

bench: deps embed
	@scripts/bench.sh

demo: build db-start
	$(BIN) migrate --db "$$(cat $(CLUSTER)/conninfo)"
	$(BIN) demo --db "$$(cat $(CLUSTER)/conninfo)"

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build
