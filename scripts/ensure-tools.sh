#!/usr/bin/env bash
# Installs the Debian tools the test suite needs when they are missing: LibreOffice (an independent reader that
# recalculates; python3-uno types values into it as a clerk would), xmllint (manifest schema check), Chromium (browser tests), openpyxl (a second .xlsx reader) and
# CJK fonts (readable screenshots), poppler (printed pages as text and PNG). A missing tool is never a reason for the suite to test less.
set -euo pipefail
need=()
[ -x /usr/bin/soffice ] || need+=(libreoffice-calc)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; } || need+=(python3-openpyxl)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import uno' 2>/dev/null; } || need+=(python3-uno)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "error: need root (or sudo) to apt-get install ${need[*]}" >&2
  exit 1
fi
