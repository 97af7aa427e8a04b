#!/usr/bin/env bash
# Installs DealerKPI's build and test dependencies from Debian/Ubuntu packages.
set -euo pipefail
packages=(
  libreoffice-calc libreoffice-dev libreoffice-dev-common python3-uno
  libboost-dev libboost-program-options-dev libgtest-dev libbenchmark-dev cmake ninja-build g++
  clang libclang-rt-14-dev util-linux
  # the core's unit tests for other platforms (tests/cross, ctest -L cross):
  # GoogleTest's sources, an aarch64 cross compiler run under qemu-user, and
  # mingw-w64 (POSIX threads) run under Wine
  googletest g++-aarch64-linux-gnu qemu-user g++-mingw-w64-x86-64-posix wine wine64
  # the group's store (group/store): SOCI over SQLite and PostgreSQL, a server for its tests
  libsoci-dev libsqlite3-dev libpq-dev libssl-dev postgresql
  # the real-window tests (tests/window) and the printed pages (template.print)
  xvfb openbox xdotool imagemagick fonts-noto-cjk libreoffice-l10n-zh-cn poppler-utils
  # a second spreadsheet program that recalculates portable files (group.portable: ssconvert)
  gnumeric
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# The second office the tests run in: LibreOffice 25.2 beside the system's 7.4
# (tests/integration/CMakeLists.txt, DEALERKPI_LO25_PREFIX). Without it the rest of
# the build and tests still run; the lo25.2.* tests then fail (they are not skipped).
if ! bash "$(dirname "$0")/install-lo25.sh" "${DEALERKPI_LO25_PREFIX:-/opt/dealerkpi/libreoffice-25.2}"; then
  echo "install-deps.sh: LibreOffice 25.2 is missing: the lo25.2.* tests will fail" >&2
fi

# HyperFormula, an engine that computes as Excel does (group.portable checks portable files in it),
# from the npm registry into a prefix of its own; Node.js from Debian where the machine has none.
HF_PREFIX="${DEALERKPI_HF_PREFIX:-/opt/dealerkpi/hyperformula}"
if ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi
if [ ! -f "$HF_PREFIX/node_modules/hyperformula/package.json" ]; then
  mkdir -p "$HF_PREFIX"
  npm install --prefix "$HF_PREFIX" --no-audit --no-fund --silent hyperformula@2.7.1
fi
