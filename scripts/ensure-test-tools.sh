#!/usr/bin/env bash
# Runs before `npm test`: the browser tests need Debian's Chromium and the PDF check uses
# LibreOffice. On a fresh Debian machine (as root) they are installed once from Debian's
# packages; elsewhere this says what to install and leaves the decision to you.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test tools from Debian: ${missing[*]} (once)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing test tools: ${missing[*]}." >&2
  echo "Install them (Debian: sudo apt-get install -y ${missing[*]}) or set CHROMIUM_PATH; the browser tests need Chromium." >&2
fi
