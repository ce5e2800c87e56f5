# Quick start: `make demo` and `make test`. Both install missing Debian
# packages first (scripts/setup-deps.sh is idempotent), then build.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test clean format fuzz fuzz-build test-asan

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

# libFuzzer targets (fuzz/, clang) built with ASan+UBSan in build-fuzz, then
# each run for FUZZ_SECONDS (default 60) seconds: `make fuzz FUZZ_SECONDS=600`.
# Not part of `make test`.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
fuzz-build: setup
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DDOCPIPE_FUZZ=ON -DDOCPIPE_USE_TCMALLOC=OFF \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS=$(FUZZ_SAN) -fsanitize=fuzzer-no-link" "-DCMAKE_C_FLAGS=$(FUZZ_SAN)" \
	  "-DCMAKE_EXE_LINKER_FLAGS=$(FUZZ_SAN)" "-DCMAKE_SHARED_LINKER_FLAGS=$(FUZZ_SAN)"
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_read_txt fuzz_read_docx fuzz_read_html fuzz_read_pdf \
	  fuzz_pipeline_loader

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz.sh $(FUZZ_BUILD)

# The whole suite built and run under AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc; tcmalloc off, it cannot share malloc with
# ASan). Leak checking is off: plugins are dlopen'ed and stay loaded. ASan
# reserves terabytes of address space, so workers run without run.memory_limit
# (an address-space limit); hard_rss_limit_mb stops a runaway process instead.
# The SDK tests' out-of-tree builds get the same flags (CXXFLAGS, LDFLAGS):
# an executable without the ASan runtime cannot load the sanitized library.
ASAN_BUILD ?= build-asan
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
test-asan: setup
	cmake -S . -B $(ASAN_BUILD) -DDOCPIPE_USE_TCMALLOC=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS=$(ASAN_FLAGS)" "-DCMAKE_C_FLAGS=$(ASAN_FLAGS)" \
	  "-DCMAKE_EXE_LINKER_FLAGS=$(ASAN_FLAGS)" "-DCMAKE_SHARED_LINKER_FLAGS=$(ASAN_FLAGS)"
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && DOCPIPE_ASAN=1 ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:hard_rss_limit_mb=3072 \
	  CXXFLAGS="$(ASAN_FLAGS)" CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

format:
	find core plugins tests examples bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) out
