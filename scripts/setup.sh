#!/usr/bin/env bash
# Installs what shenbao needs on Debian/Ubuntu, only what is missing: the C libraries it links,
# poppler-utils for checking PDFs, LibreOffice's headless Writer/Calc, Chinese fonts, and the OCR
# engine `check` reads scans with (RapidOCR in a virtual environment outside the checkout).
set -euo pipefail
packages=(
  pkg-config libzip-dev libxml2-dev
  poppler-utils
  fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei
  fonts-liberation2 fontconfig
  python3-venv
)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# LibreOffice Writer and Calc, full or headless: one already installed is used as it is.
for app in writer calc; do
  installed "libreoffice-$app" || installed "libreoffice-$app-nogui" || packages+=("libreoffice-$app-nogui")
done
missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://swift.org/install)"; exit 1; }

# OCR for scans: RapidOCR (PP-OCRv6 models inside the wheel, nothing downloaded when it runs) in
# one virtual environment shared by every checkout and an installed shenbao. The same lookup is in
# Sources/ShenbaoCheck/Scan/OCREnvironment.swift. SHENBAO_OCR_PYTHON names another Python instead.
ocr_venv="${SHENBAO_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/shenbao}/ocr-venv"
ocr_requirements=("rapidocr>=3.10,<4" "onnxruntime>=1.20,<2" "pillow>=10")
if [ -n "${SHENBAO_OCR_PYTHON:-}" ]; then
  "$SHENBAO_OCR_PYTHON" -c 'import rapidocr, onnxruntime, PIL, cv2' \
    || { echo "setup: SHENBAO_OCR_PYTHON=$SHENBAO_OCR_PYTHON cannot import rapidocr, onnxruntime, PIL"; exit 1; }
elif [ ! -f "$ocr_venv/.shenbao-ocr-ready" ] || ! "$ocr_venv/bin/python" -c 'import rapidocr, onnxruntime, PIL, cv2' 2>/dev/null; then
  echo "setup: installing RapidOCR into $ocr_venv (about 410 MB)"
  mkdir -p "$(dirname "$ocr_venv")"
  /usr/bin/python3 -m venv "$ocr_venv"
  "$ocr_venv/bin/pip" install -q --disable-pip-version-check "${ocr_requirements[@]}"
  # The models must have come with the wheel: check says so at once if not.
  "$ocr_venv/bin/python" - <<'PY'
import os, rapidocr
models = os.path.join(os.path.dirname(rapidocr.__file__), "models")
for name in ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"):
    assert os.path.getsize(os.path.join(models, name)) > 1_000_000, name
PY
  touch "$ocr_venv/.shenbao-ocr-ready"
fi
