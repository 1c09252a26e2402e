#!/usr/bin/env bash
# The README's picture of the report: the report of the bundled seeds, loaded in headless
# Chromium (Debian's package) at 1100 x 1500, saved as docs/report.png.
#   bash docs/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
armstrack --db "$work/seeds.db" ingest --with-seeds 2>/dev/null
armstrack --db "$work/seeds.db" report -o "$work/report.html"
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1100,1500 --screenshot="$PWD/docs/report.png" "file://$work/report.html" 2>/dev/null
rm -rf "$work"
echo "docs/report.png"
