#!/usr/bin/env bash
# Installs what the end-to-end tests need from Debian when it is missing:
# chromium (driven by Playwright through executablePath), a CJK font, without which
# Chinese renders as boxes in screenshots, and poppler-utils, which turns the certificate PDF
# into text (checked) and a PNG (to look at). Needs root (CI runs as root); otherwise says what to run.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei' || missing+=(fonts-wqy-microhei)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "e2e: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "e2e: installing ${missing[*]} from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
