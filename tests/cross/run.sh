#!/usr/bin/env bash
# Builds the core and its unit tests for another platform and runs them there.
#
#   tests/cross/run.sh VARIANT [BUILD_DIR]
#
# VARIANT:
#   long_double_64  this machine's g++ with -mlong-double-64 (MSVC's long double)
#   aarch64         g++-aarch64-linux-gnu, run under qemu-aarch64
#   mingw_wine      x86_64-w64-mingw32-g++-posix, run under Wine (a throwaway
#                   WINEPREFIX, headless)
# BUILD_DIR defaults to build/cross/VARIANT. DEALERKPI_CROSS_GTEST_FILTER, if
# set, is passed on as --gtest_filter.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
variant=${1:?usage: tests/cross/run.sh long_double_64|aarch64|mingw_wine [BUILD_DIR]}
build=${2:-$root/build/cross/$variant}

# -O1 without debug information: the same IEEE arithmetic as -O2, in half the build time
# (Boost.Multiprecision's templates are most of it); asserts stay on.
configure=(-S "$root/tests/cross" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1)
command -v ccache >/dev/null && configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
case $variant in
  long_double_64) configure+=(-DCMAKE_CXX_FLAGS=-mlong-double-64) ;;
  aarch64) configure+=(-DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/aarch64-linux-gnu.cmake") ;;
  mingw_wine) configure+=(-DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/mingw-w64-x86_64.cmake") ;;
  *) echo "run.sh: unknown variant $variant" >&2; exit 2 ;;
esac

cmake "${configure[@]}" >/dev/null
cmake --build "$build" --target core_tests

args=(--gtest_brief=1)
[ -n "${DEALERKPI_CROSS_GTEST_FILTER:-}" ] && args+=("--gtest_filter=$DEALERKPI_CROSS_GTEST_FILTER")

case $variant in
  long_double_64) "$build/core_tests" "${args[@]}" ;;
  aarch64) qemu-aarch64 -L /usr/aarch64-linux-gnu "$build/core_tests" "${args[@]}" ;;
  mingw_wine)
    prefix=$(mktemp -d "${TMPDIR:-/tmp}/dealerkpi-wine.XXXXXX")
    export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
    cleanup() { wineserver -k 2>/dev/null || true; rm -rf "$prefix"; }
    trap cleanup EXIT
    wine "$build/core_tests.exe" "${args[@]}"
    ;;
esac
