#!/usr/bin/env bash
# Fuzzes the core with libFuzzer under ASan + UBSan (targets in tests/fuzz).
#
#   scripts/fuzz.sh TARGET            # 10,000,000 executions of one target
#   scripts/fuzz.sh TARGET SECONDS    # or a fixed time
#   scripts/fuzz.sh all [SECONDS]     # every target in turn
#   scripts/fuzz.sh --check TARGET    # the test run's check (ctest fuzz.TARGET)
#
# TARGET: funnel_rate funnel_target target_split tiered_bonus
#         workshop_efficiency payout_curve kpi_score keywords
#
# Builds tests/fuzz with clang++ into build/fuzz first (DEALERKPI_FUZZ_BUILD
# and DEALERKPI_FUZZ_CXX override the directory and the compiler; --build-only
# and --no-build split the two steps, as the ctest tests fuzz.* do). Inputs
# that find new coverage go to build/fuzz/corpus/TARGET (the seeds in
# tests/fuzz/corpus/TARGET are only read); a crash or a broken invariant is
# saved in build/fuzz/artifacts/TARGET/ and the run fails. Reproduce one with
#   build/fuzz/TARGET build/fuzz/artifacts/TARGET/crash-...
#
# --check is what a test run needs: the same short search every time, so that
# its verdict does not depend on where a random walk went that day. The seeds
# only (no corpus from earlier runs), a fixed random seed and a fixed number of
# executions (DEALERKPI_FUZZ_RUNS, 10000 by default); only the order in which
# libFuzzer learns pointer comparisons still varies a little. The other forms
# search with a new random seed each time: that is how new findings are made,
# and each one joins the seeds (make_corpus.py).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${DEALERKPI_FUZZ_BUILD:-$root/build/fuzz}
cxx=${DEALERKPI_FUZZ_CXX:-clang++}

step=all
check=
case ${1:-} in
  --build-only) step=build; shift ;;
  --no-build) step=run; shift ;;
  --check) step=run; check=1; shift ;;
esac

if [ "$step" != run ]; then
  cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
  cmake --build "$build"
fi
[ "$step" = build ] && exit 0

target=${1:?usage: scripts/fuzz.sh [--build-only|--no-build|--check] TARGET|all [SECONDS]}
seconds=${2:-}

run_one() {
  local t=$1
  if [ ! -x "$build/$t" ]; then
    echo "fuzz.sh: no fuzz target $build/$t" >&2
    exit 2
  fi
  local corpus=$build/corpus/$t
  local limit=(-runs=10000000)
  [ -n "$seconds" ] && limit=(-max_total_time="$seconds")
  if [ -n "$check" ]; then
    corpus=$build/check-corpus/$t
    rm -rf "$corpus"
    limit=(-seed=1 -runs="${DEALERKPI_FUZZ_RUNS:-10000}")
  fi
  mkdir -p "$corpus" "$build/artifacts/$t"
  echo "fuzz.sh: $t ${limit[*]}"
  "$build/$t" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t/" "$corpus" "$root/tests/fuzz/corpus/$t"
}

if [ "$target" = all ]; then
  for dir in "$root"/tests/fuzz/corpus/*/; do
    run_one "$(basename "$dir")"
  done
else
  run_one "$target"
fi
