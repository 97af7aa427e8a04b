#!/usr/bin/python3
"""Group roll-up benchmark: dealerkpi-group rollup over N generated dealer files,
side by side with the bare cost of opening and closing the same files in the
same office, and --jobs 2 against --jobs 1.

    /usr/bin/python3 tests/bench/group_bench.py --cli build/dealerkpi-group \
        --oxt build/dealerkpi.oxt [--files 200] [--runs 1]

The files (strategy tables and workshop tables, every 4th saved as .xlsx) are
made once by tests/integration/group_files.py and kept in
<build>/bench/group-files-N; the command line's profile cache is
<build>/bench/group-cache (prepared before the timings). Printed (Markdown):

- rollup --jobs 1: seconds for the whole command (office start, every file read,
  the group workbook written), files per second;
- the bare cost: the same files opened (hidden, read-only, macros off) and closed
  one after the other by a script in one office on the same profile; the ratio of
  the command's time to it (goal <= 1.5), with and without the office's start;
- rollup --jobs 2: seconds, files per second, speed-up over --jobs 1 (goal >= 1.6
  on two cores).
Times are medians of --runs runs. Exit status 1 when a run fails.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE, "scripts"))
sys.path.insert(0, os.path.join(SOURCE, "templates"))
sys.path.insert(0, os.path.join(SOURCE, "tests", "integration"))
from office import Office, file_url, prepare_profile, profile_folder, props  # noqa: E402


def make_files(oxt, folder, n, work):
    """n dealer files (half strategy tables, half workshop tables), made once."""
    stamp = os.path.join(folder, ".complete")
    if os.path.exists(stamp):
        return sorted(os.path.join(folder, f) for f in os.listdir(folder) if not f.startswith("."))
    from group_files import DealerFiles, KINDS
    shutil.rmtree(folder, ignore_errors=True)
    profile = prepare_profile(oxt, os.path.join(work, "maker-profile"))
    with Office(profile) as office:
        made = DealerFiles(office).good_set(folder, n=(n + 1) // 2, month="2026-11", kinds=KINDS)
    paths = [p for p, _, _ in made][:n]
    for p, _, _ in made[n:]:
        os.remove(p)
    open(stamp, "w").close()
    return sorted(paths)


def bare_open_close(profile, paths):
    """Seconds to open and close every file, one office, one after the other;
    and the seconds the office took to start."""
    t0 = time.perf_counter()
    with Office(profile) as office:
        started = time.perf_counter() - t0
        load_props = props(Hidden=True, ReadOnly=True, MacroExecutionMode=0, UpdateDocMode=0)
        t1 = time.perf_counter()
        for p in paths:
            doc = office.desktop.loadComponentFromURL(file_url(p), "_blank", 0, load_props)
            doc.close(True)
        return time.perf_counter() - t1, started


def rollup(cli, env, inputs, out, jobs):
    if os.path.exists(out):
        os.remove(out)
    t = time.perf_counter()
    res = subprocess.run([cli, "rollup", "--out", out, "--jobs", str(jobs), inputs], env=env,
                         capture_output=True, text=True, timeout=3600)
    seconds = time.perf_counter() - t
    if res.returncode != 0 or not os.path.exists(out):
        raise RuntimeError("rollup --jobs %d failed (%d): %s" % (jobs, res.returncode, res.stderr.strip()[-500:]))
    return seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--build-dir", default=os.path.join(SOURCE, "build"))
    a = ap.parse_args()

    bench = os.path.join(os.path.abspath(a.build_dir), "bench")
    work = profile_folder("dealerkpi-group-bench-")
    try:
        folder = os.path.join(bench, "group-files-%d" % a.files)
        t = time.perf_counter()
        paths = make_files(a.oxt, folder, a.files, work)
        made = time.perf_counter() - t
        env = dict(os.environ, DEALERKPI_OXT=os.path.abspath(a.oxt), DEALERKPI_GROUP_CACHE=os.path.join(bench, "group-cache"))
        env.pop("DEALERKPI_GROUP_TEST_CRASH", None)
        out = os.path.join(work, "集团汇总.ods")
        # Warm-up: prepares the cached profile (one file is enough) and reads the
        # files once into the page cache.
        rollup(a.cli, env, paths[0], out, 1)
        for p in paths:
            with open(p, "rb") as f:
                f.read()
        profile = prepare_profile(a.oxt, os.path.join(work, "bare-profile"))

        one, two, bare, start = [], [], [], []
        for _ in range(a.runs):
            one.append(rollup(a.cli, env, folder, out, 1))
            b, s = bare_open_close(profile, paths)
            bare.append(b)
            start.append(s)
            two.append(rollup(a.cli, env, folder, out, 2))
        t1, t2, tb, ts = (statistics.median(x) for x in (one, two, bare, start))
        n = len(paths)
        print("## Group roll-up (%d dealer files, %d run%s, medians)" % (n, a.runs, "" if a.runs == 1 else "s"))
        print()
        print("Files: %d strategy and workshop tables of one month, every 4th .xlsx (%s)." % (
            n, "made in %.0f s" % made if made > 1 else "kept from an earlier run"))
        print()
        print("| run | s | files/s | ratio |")
        print("|---|---:|---:|---:|")
        print("| bare open + close, one office (start %.1f s not counted) | %.1f | %.1f | 1 |" % (ts, tb, n / tb))
        print("| `rollup --jobs 1`, whole command | %.1f | %.1f | %.2f × bare (goal <= 1.5); %.2f × (bare + start) |" % (
            t1, n / t1, t1 / tb, t1 / (tb + ts)))
        print("| `rollup --jobs 2`, whole command | %.1f | %.1f | speed-up %.2f × over --jobs 1 (goal >= 1.6) |" % (
            t2, n / t2, t1 / t2))
        print()
        per_file = t1 / n
        print("6,000 files (500 dealers x 12 months), extrapolated from --jobs 1 here: %.0f min with --jobs 1, "
              "%.0f min with --jobs 2." % (6000 * per_file / 60, 6000 * t2 / n / 60))
        print("- load average after: %s" % open("/proc/loadavg").read().split()[:3])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
