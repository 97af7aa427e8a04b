#!/usr/bin/env bash
# The main job: installs the build dependencies, builds and packages DealerKPI,
# installs the .oxt into this machine's LibreOffice, and writes a filled example
# month (every template with the seed figures) whose computed figures are
# printed here.
#
#   scripts/setup.sh            # as a user: installs for that user (apt via sudo)
#   sudo scripts/setup.sh       # as root: installs for every user (--shared)
#
# DEALERKPI_EXAMPLE_DIR chooses where the example goes (default ~/DealerKPI-示例).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== 1/4 dependencies"
bash scripts/install-deps.sh

echo "== 2/4 build"
cmake --preset default >/dev/null
cmake --build --preset default

echo "== 3/4 install into LibreOffice"
unopkg=/usr/lib/libreoffice/program/unopkg
scope=()
[ "$(id -u)" -eq 0 ] && scope=(--shared)
"$unopkg" remove "${scope[@]}" org.dealerkpi.calc >/dev/null 2>&1 || true
"$unopkg" add "${scope[@]}" -s build/dealerkpi.oxt
"$unopkg" list "${scope[@]}" 2>/dev/null | grep -E "Identifier: org.dealerkpi.calc|Version:" | head -2

echo "== 4/4 example month"
/usr/bin/python3 scripts/example_month.py --oxt build/dealerkpi.oxt --templates build/templates/ots \
  --out "${DEALERKPI_EXAMPLE_DIR:-$HOME/DealerKPI-示例}"
