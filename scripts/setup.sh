#!/usr/bin/env bash
# Installs what shenbao needs on Debian/Ubuntu, only what is missing: the C libraries it links,
# poppler-utils for checking PDFs, LibreOffice's headless Writer/Calc and Chinese fonts.
set -euo pipefail
packages=(
  pkg-config libzip-dev libxml2-dev
  poppler-utils
  # Faces for the forms' fonts (ShenbaoPDF/FontSubstitution.swift): fonts-noto-cjk gives 宋/仿宋/小标宋
  # (Noto Serif CJK SC, with the Bold face the bold titles use) and 黑体 (Noto Sans CJK SC Regular and
  # Bold); fonts-arphic-gkai00mp gives 楷体; fonts-dejavu-core the □/☑ boxes (DejaVu Sans has both);
  # fonts-liberation2 Times New Roman's metrics. fonts-noto-cjk-extra (134 MB) is not needed.
  fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei fonts-dejavu-core
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
