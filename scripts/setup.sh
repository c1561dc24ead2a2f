#!/usr/bin/env bash
# Installs what shenbao needs on Debian/Ubuntu, only what is missing: the C libraries it links,
# poppler-utils for checking PDFs, LibreOffice's headless Writer/Calc and Chinese fonts.
set -euo pipefail
packages=(
  pkg-config libzip-dev libxml2-dev libdeflate-dev
  poppler-utils
  fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei
  fonts-liberation2 fontconfig
  python3-uno python3-venv
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
# unoserver (PyPI) for `shenbao pdf --remote` and its tests, in a venv outside the checkout made
# with Debian's python3 and its site packages, so that it imports uno from python3-uno.
venv="${XDG_CACHE_HOME:-$HOME/.cache}/shenbao/venv-unoserver"
if ! "$venv/bin/python" -c "import uno, unoserver" 2>/dev/null; then
  echo "setup: installing unoserver into $venv"
  rm -rf "$venv"
  /usr/bin/python3 -m venv --system-site-packages "$venv"
  "$venv/bin/pip" install -q "unoserver==3.7"
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://swift.org/install)"; exit 1; }
