#!/bin/sh
# Regenerates libreoffice-form.docx (a template as LibreOffice saves it) from libreoffice-form.fodt.
# Usage: Tests/ShenbaoFillTests/Fixtures/make-libreoffice-fixture.sh
set -eu
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 120 soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to docx:"MS Word 2007 XML" --outdir . libreoffice-form.fodt
