#!/usr/bin/env bash
# The main job: installs the build dependencies, builds and packages DealerKPI,
# installs the .oxt into this machine's LibreOffice and the group workflow's
# command line dealerkpi-group (as root /usr/local/bin, as a user ~/.local/bin,
# with the .oxt it uses in ../share/dealerkpi/), and writes a filled example
# month (every template with the seed figures) whose computed figures are
# printed here.
#
#   scripts/setup.sh            # as a user: installs for that user (apt via sudo)
#   sudo scripts/setup.sh       # as root: installs for every user (--shared)
#
# DEALERKPI_EXAMPLE_DIR chooses where the example goes (default ~/DealerKPI-示例).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== 1/5 dependencies"
bash scripts/install-deps.sh

echo "== 2/5 build"
cmake --preset default >/dev/null
cmake --build --preset default

echo "== 3/5 install into LibreOffice"
unopkg=/usr/lib/libreoffice/program/unopkg
scope=()
[ "$(id -u)" -eq 0 ] && scope=(--shared)
"$unopkg" remove "${scope[@]}" org.dealerkpi.calc >/dev/null 2>&1 || true
"$unopkg" add "${scope[@]}" -s build/dealerkpi.oxt
"$unopkg" list "${scope[@]}" 2>/dev/null | grep -E "Identifier: org.dealerkpi.calc|Version:" | head -2

echo "== 4/5 command line dealerkpi-group"
if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
install -D -m 755 build/dealerkpi-group "$prefix/bin/dealerkpi-group"
install -D -m 644 build/dealerkpi.oxt "$prefix/share/dealerkpi/dealerkpi.oxt"
install -D -m 644 build/dealerkpi-group.rdb "$prefix/share/dealerkpi/dealerkpi-group.rdb"
echo "$prefix/bin/dealerkpi-group (dealerkpi-group --help)"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: $prefix/bin is not on your PATH" ;; esac

echo "== 5/5 example month"
/usr/bin/python3 scripts/example_month.py --oxt build/dealerkpi.oxt --templates build/templates/ots \
  --out "${DEALERKPI_EXAMPLE_DIR:-$HOME/DealerKPI-示例}"
