# Two commands on a fresh Debian machine: `make demo` and `make test`.
SAMPLE ?= samples/sd-lab-2022/申报数据.yaml
OUT ?= out

.PHONY: setup build release demo test bench lint-templates conformance install

setup:
	./scripts/setup.sh

build: setup
	swift build

release: setup
	swift build -c release

## Installs what is missing, builds, and runs the main job on the bundled sample.
demo: release
	.build/release/shenbao build "$(SAMPLE)" -o "$(OUT)"

## Installs what is missing, builds, and runs every test (LibreOffice and poppler included).
test: setup
	swift build --build-tests
	CI=$${CI:-true} swift test --skip-build

## Lints every shipped template against its form.yaml (the tests do the same).
lint-templates: build
	@status=0; for t in templates/*/template.docx; do .build/debug/shenbao lint "$$t" || status=1; done; exit $$status

bench: setup
	swift run -c release shenbao-bench

conformance: release
	python3 ../shared/conformance/docxtemplater/run.py .build/release/shenbao -v

## Installs the binary and the OCR helper it runs for scans (found as <bin>/../share/shenbao/ocr.py).
PREFIX ?= /usr/local
install: release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/shenbao"
	install -m 755 .build/release/shenbao "$(PREFIX)/bin/shenbao"
	install -m 644 scripts/ocr.py "$(PREFIX)/share/shenbao/ocr.py"
