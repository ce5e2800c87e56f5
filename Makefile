# Quick start: `make demo` and `make test`. Both install missing Debian
# packages first (scripts/setup-deps.sh is idempotent), then build.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test clean format

all: build

setup:
	./scripts/setup-deps.sh

configure: setup
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	rm -rf out
	$(BUILD)/bin/docpipe run pipelines/demo.yaml --out out
	@echo "demo outputs are in out/ (run summary: out/run-report.json)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	find core plugins tests examples bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) out
