#!/usr/bin/env bash
# Installs what shenbao needs on Debian/Ubuntu, only what is missing: the C libraries it links,
# poppler-utils for checking PDFs, LibreOffice's headless Writer/Calc, Chinese fonts, and the OCR
# engine `check` reads scans with (RapidOCR in a virtual environment outside the checkout).
set -euo pipefail
packages=(
  pkg-config libzip-dev libxml2-dev libdeflate-dev zlib1g-dev
  poppler-utils
  # Faces for the forms' fonts (ShenbaoPDF/FontSubstitution.swift): fonts-noto-cjk gives 宋/仿宋/小标宋
  # (Noto Serif CJK SC, with the Bold face the bold titles use) and 黑体 (Noto Sans CJK SC Regular and
  # Bold); fonts-arphic-gkai00mp gives 楷体; fonts-dejavu-core the □/☑ boxes (DejaVu Sans has both);
  # fonts-liberation2 Times New Roman's metrics. fonts-noto-cjk-extra (134 MB) is not needed.
  fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei fonts-dejavu-core
  fonts-liberation2 fontconfig
  # shenbao serve: python3-uno keeps one LibreOffice warm; its browser tests drive Debian's
  # chromium through chromedriver (Selenium from PyPI, in the venv made below).
  python3-uno python3-venv chromium chromium-driver
  # The JSON Schema's independent check (JSONSchemaTests) runs python3's jsonschema.
  python3-jsonschema
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
  # Another apt or dpkg (unattended upgrades on a new machine) holds the lock: wait, saying so.
  "$(dirname "$0")/wait-for-apt.sh"
  wait=(-o DPkg::Lock::Timeout=600)
  $sudo apt-get "${wait[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# unoserver (PyPI) for `shenbao pdf --remote` and its tests, in a venv outside the checkout made
# with Debian's python3 and its site packages, so that it imports uno from python3-uno.
venv="${XDG_CACHE_HOME:-$HOME/.cache}/shenbao/venv-unoserver"
if ! "$venv/bin/python" -c "import uno, unoserver" 2>/dev/null; then
  echo "setup: installing unoserver into $venv"
  rm -rf "$venv"
  /usr/bin/python3 -m venv --system-site-packages "$venv"
  "$venv/bin/pip" install -q "unoserver==3.7"
fi
# Every font is in fontconfig's cache before the first conversion, so the first PDF is laid out
# with the same faces as every later one (as root the system cache, else the user's; quick when
# the cache is up to date).
if command -v fc-cache >/dev/null; then fc-cache >/dev/null 2>&1 || true; fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://swift.org/install)"; exit 1; }

# shenbao serve: the Selenium venv for its browser tests, outside the checkout.
browser_venv="${SHENBAO_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/shenbao}/browser-venv"
if ! "$browser_venv/bin/python" -c 'import selenium' 2>/dev/null; then
  echo "setup: creating $browser_venv (selenium from PyPI)"
  rm -rf "$browser_venv"
  /usr/bin/python3 -m venv "$browser_venv"
  "$browser_venv/bin/pip" install -q --disable-pip-version-check 'selenium>=4.20,<5'
fi

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
