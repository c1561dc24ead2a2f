# Two commands on a fresh Debian machine: `make demo` and `make test`.
SAMPLE ?= samples/sd-lab-2022/申报数据.yaml
OUT ?= out
# Where `make install` (and so `make demo`) puts shenbao: /usr/local for root, ~/.local otherwise.
PREFIX ?= $(if $(filter 0,$(shell id -u)),/usr/local,$(HOME)/.local)
# The binary `install-files` copies; `make install` builds it first.
BIN ?= .build/release/shenbao

.PHONY: setup build release demo test bench lint-templates conformance install install-files uninstall

setup:
	./scripts/setup.sh

build: setup
	swift build

release: setup
	swift build -c release

## Installs what is missing, builds, installs shenbao into $(PREFIX), and runs the main job on
## the bundled sample with the installed command.
demo: install
	"$(PREFIX)/bin/shenbao" build "$(SAMPLE)" -o "$(OUT)"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "make demo: add $(PREFIX)/bin to PATH to type shenbao: export PATH=\"$(PREFIX)/bin:\$$PATH\"";; esac

## The release binary, its completions (bash, zsh, fish), man page, the form packages it looks
## up by id (<bin>/../share/shenbao/templates) and the OCR helper it runs for scans.
install: release
	$(MAKE) install-files PREFIX="$(PREFIX)" BIN="$(BIN)"

install-files:
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/shenbao/templates" "$(PREFIX)/share/man/man1" \
		"$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
		"$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BIN)" "$(PREFIX)/bin/shenbao"
	for form in templates/*/form.yaml; do \
		dir=$$(dirname "$$form"); id=$$(basename "$$dir"); \
		install -d "$(PREFIX)/share/shenbao/templates/$$id"; \
		for f in "$$dir"/*.docx "$$dir"/*.yaml "$$dir"/*.json; do \
			if [ -f "$$f" ]; then install -m 644 "$$f" "$(PREFIX)/share/shenbao/templates/$$id/"; fi; \
		done; \
	done
	for f in scripts/ocr*.py; do if [ -f "$$f" ]; then install -m 644 "$$f" "$(PREFIX)/share/shenbao/"; fi; done
	"$(PREFIX)/bin/shenbao" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/shenbao"
	"$(PREFIX)/bin/shenbao" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_shenbao"
	"$(PREFIX)/bin/shenbao" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/shenbao.fish"
	python3 scripts/manpage.py "$(PREFIX)/bin/shenbao" > "$(PREFIX)/share/man/man1/shenbao.1"
	@echo "installed shenbao $$("$(PREFIX)/bin/shenbao" --version) into $(PREFIX)"

uninstall:
	rm -rf "$(PREFIX)/bin/shenbao" "$(PREFIX)/share/shenbao" "$(PREFIX)/share/man/man1/shenbao.1" \
		"$(PREFIX)/share/bash-completion/completions/shenbao" "$(PREFIX)/share/zsh/site-functions/_shenbao" \
		"$(PREFIX)/share/fish/vendor_completions.d/shenbao.fish"

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

