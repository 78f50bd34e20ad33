# Thin front for the two Quick start commands; the real build is CMake.
BUILD ?= build
EXAMPLE ?= examples/tuban-2018

.PHONY: all deps build test clean

all: build
	$(BUILD)/inovasi -C $(EXAMPLE) check
	$(BUILD)/inovasi -C $(EXAMPLE) list ideas

deps:
	@scripts/install-deps

build: deps
	@if [ ! -f $(BUILD)/CMakeCache.txt ]; then \
	  if command -v ninja >/dev/null; then gen="-G Ninja"; else gen=""; fi; \
	  cmake -S . -B $(BUILD) $$gen; fi
	cmake --build $(BUILD) -j 2

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j 2

clean:
	rm -rf $(BUILD)
