#!/usr/bin/env bash
# Builds and runs every DealerKPI benchmark, from a fresh clone after the
# README's setup (scripts/setup.sh, or scripts/install-deps.sh):
#
#   scripts/bench.sh                 # everything, Calc with 100,000 rows (a few minutes)
#   scripts/bench.sh --rows 5000     # a quick run
#   scripts/bench.sh --group-only    # only the group: store, workbooks, roll-up
#   scripts/bench.sh --store-only    # only the store against the group workbooks
#
# Options: --rows N (Calc rows, default 100000), --runs N (timed recalculations
# per Calc case, median; default 5), --core-only, --calc-only, --group-only,
# --store-only, --no-group, --files N (dealer files for the roll-up, default 200),
# --build-dir DIR (default build). PostgreSQL's programs: $PG_BIN, else CMake's PG_BIN.
#
# 1. core_bench: the arithmetic (addin/core), Google Benchmark;
# 2. adapter_bench: the add-in's own share of a call (argument conversion);
# 3. calc_bench.py: the functions in a headless LibreOffice against the native
#    formulas they replace, the cost of a call per UNO signature (a
#    benchmark-only probe add-in) and the filled templates (goals: the strategy
#    table < 50 ms; 提成方案测算 with all 30 consultants x 12 months < 100 ms).
#    PAYOUT_CURVE and KPI_SCORE are timed with their native twin and a probe of
#    the same signature; goals add-in <= 1.0 x native and <= 1.3 x probe;
# 4. store_bench: the group's store with 500 dealers x 36 months x 2 templates,
#    status of one month and the trend over 12 months (goals < 2 s each), in
#    SQLite and, when initdb is there (PG_BIN), in a throw-away PostgreSQL
#    cluster; workbook_trend_bench.py: the same trend read instead from the 12
#    months' group workbooks (集团汇总) through a headless LibreOffice, printed
#    beside the store's with PASS/MISS and the ratio (docs/performance.md);
# 5. group_bench.py: dealerkpi-group rollup over generated dealer files against
#    the bare cost of opening and closing them, and --jobs 2 against --jobs 1.
# Benchmarks are not tests: nothing here runs under ctest. The report goes to
# stdout and to <build-dir>/bench/report.md.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=100000
runs=5
build=build
core=1
calc=1
group=1
files=200
rollup=1
while (($#)); do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --core-only) calc=0; group=0; shift ;;
    --calc-only) core=0; group=0; shift ;;
    --group-only) core=0; calc=0; shift ;;
    --store-only) core=0; calc=0; rollup=0; shift ;;
    --no-group) group=0; shift ;;
    --files) files="$2"; shift 2 ;;
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset default -B "$build" >/dev/null
fi
cmake --build "$build" --target bench dealerkpi-group oxt

out="$build/bench"
mkdir -p "$out"
rm -f "$out/failed"
report="$out/report.md"
uno_python=/usr/bin/python3  # the Python that has `import uno`

{
  echo "# DealerKPI benchmarks ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "- nproc: $(nproc)"
  lscpu | head -n 20 | grep -E "^(Model name|CPU\(s\)|Thread|Core|Socket|L2|L3|Hypervisor)" | sed 's/  */ /g; s/^/- /'
  echo "- $(/usr/lib/libreoffice/program/soffice --version 2>/dev/null | head -n 1)"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

  if ((core)); then
    echo
    echo "## Core and adapter (Google Benchmark, 5 repetitions, medians)"
    common=(--benchmark_repetitions=5 --benchmark_min_time=0.2 --benchmark_report_aggregates_only=true
            --benchmark_out_format=json)
    "$build/tests/bench/core_bench" "${common[@]}" --benchmark_out="$out/core.json" >"$out/core.txt" 2>&1
    "$build/tests/bench/adapter_bench" "${common[@]}" --benchmark_out="$out/adapter.json" >"$out/adapter.txt" 2>&1
    python3 tests/bench/core_goals.py "$out/core.json" "$out/adapter.json"
  fi

  if ((calc)); then
    echo
    "$uno_python" tests/bench/calc_bench.py --oxt "$build/dealerkpi.oxt" \
      --probe-oxt "$build/tests/bench/dealerkpi-bench-probe.oxt" --rows "$rows" --runs "$runs" \
      || echo "calc_bench.py reported problems (see PROBLEMS above)" >"$out/failed"
  fi

  if ((group)); then
    echo
    echo "## The group's store: 500 dealers x 36 months x 2 templates"
    echo
    echo "### SQLite"
    rm -f "$out"/store-*.times
    "$build/tests/bench/store_bench" --keep "$out/store-bench.sqlite" --times "$out/store-sqlite.times" \
      || echo "store_bench: a goal missed" >"$out/failed"
    for cmd in "status --month 2026-12" ; do
      t0=$(date +%s.%N)
      "$build/dealerkpi-group" $cmd --store "$out/store-bench.sqlite" >/dev/null || true
      echo "- dealerkpi-group $cmd, whole program: $(echo "$(date +%s.%N) - $t0" | bc) s"
    done
    rm -f "$out/store-bench.sqlite"*
    stores=(--store "SQLite=$out/store-sqlite.times")
    pg_bin=${PG_BIN:-$(sed -n 's/^PG_BIN:PATH=//p' "$build/CMakeCache.txt")}
    pg_bin=${pg_bin:-/usr/lib/postgresql/15/bin}
    echo
    if [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ]; then
      echo "### PostgreSQL (a throw-away cluster, Unix socket only)"
      group/store/tests/with_postgresql.sh "$pg_bin" sh -c \
        'exec "$0" --times "$1" --keep "postgresql:///postgres?host=$DEALERKPI_TEST_PGHOST&port=$DEALERKPI_TEST_PGPORT"' \
        "$build/tests/bench/store_bench" "$out/store-postgresql.times" \
        || echo "store_bench (PostgreSQL): a goal missed or the cluster failed" >"$out/failed"
      stores+=(--store "PostgreSQL=$out/store-postgresql.times")
    else
      reason="initdb or pg_ctl not found in $pg_bin (cmake -DPG_BIN=...; Debian: apt install postgresql)"
      echo "- PostgreSQL skipped: $reason"
      stores+=(--store "PostgreSQL=skipped: $reason")
    fi
    echo
    "$uno_python" tests/bench/workbook_trend_bench.py --oxt "$build/dealerkpi.oxt" --build-dir "$build" "${stores[@]}" \
      || echo "workbook_trend_bench.py: a goal missed or figures differ" >"$out/failed"
  fi
  if ((group && rollup)); then
    echo
    "$uno_python" tests/bench/group_bench.py --cli "$build/dealerkpi-group" --oxt "$build/dealerkpi.oxt" \
      --files "$files" --build-dir "$build" \
      || echo "group_bench.py failed" >"$out/failed"
  fi
} | tee "$report"

echo
echo "Report: $report"
if [ -f "$out/failed" ]; then
  rm -f "$out/failed"
  exit 1
fi
