#!/usr/bin/env bash
# Installs what shenbao needs on Debian/Ubuntu, only what is missing: the C libraries it links,
# poppler-utils for checking PDFs, LibreOffice's headless Writer/Calc and Chinese fonts.
set -euo pipefail
packages=(
  pkg-config libzip-dev libxml2-dev
  poppler-utils
  fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei
  fonts-liberation2 fontconfig
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

# shenbao serve: python3-uno keeps one LibreOffice warm; its browser tests drive Debian's chromium
# through chromedriver with Selenium from PyPI, in a venv outside the checkout.
serve_packages=(python3-uno python3-venv chromium chromium-driver)
serve_missing=()
for p in "${serve_packages[@]}"; do installed "$p" || serve_missing+=("$p"); done
if ((${#serve_missing[@]})); then
  echo "setup: installing ${serve_missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${serve_missing[@]}" >/dev/null
fi
browser_venv="${SHENBAO_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/shenbao}/browser-venv"
if ! "$browser_venv/bin/python" -c 'import selenium' 2>/dev/null; then
  echo "setup: creating $browser_venv (selenium from PyPI)"
  rm -rf "$browser_venv"
  /usr/bin/python3 -m venv "$browser_venv"
  "$browser_venv/bin/pip" install -q --disable-pip-version-check 'selenium>=4.20,<5'
fi
