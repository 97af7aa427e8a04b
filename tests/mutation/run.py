#!/usr/bin/env python3
"""Plants the bugs of tests/mutation/mutants.txt in a copy of addin/core, one
at a time, and requires the tests to catch each: the unit tests first, and if
they pass, a short run of the fuzz targets the bug concerns.

    tests/mutation/run.py                  # every bug, the tests of this tree
    tests/mutation/run.py --list           # the list, nothing built
    tests/mutation/run.py --only split.dropped_unit bonus.boundary
    tests/mutation/run.py --base main      # core and tests of another commit
    tests/mutation/run.py --fuzz-only      # what the fuzz targets alone catch

The copy and two build folders (unit tests with g++, fuzz targets with clang)
live in the scratch folder (default build/mutation, or build/mutation-<base>);
they are kept between runs, so that each bug recompiles only the file it
edits. Prints one line per bug and "N of N planted bugs caught"; exits 1 if
any bug survives, 2 if the tests fail without any bug or a bug does not apply.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


class Mutant:
    def __init__(self, name, what):
        self.name, self.what = name, what
        self.file = None
        self.fuzz = []
        self.alternatives = [[]]  # each a list of (original, replacement)


def parse(path):
    mutants = []
    m = None
    edit = None  # [original lines, replacement lines]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        def text_of(prefix):
            return line[len(prefix) + 1:] if line.startswith(prefix + " ") else ""
        if line.startswith("#") or (not line.strip() and edit is None):
            continue
        head = re.match(r"\[([\w.]+)\]\s*(.*)", line)
        if head:
            m = Mutant(head.group(1), head.group(2))
            mutants.append(m)
            edit = None
            continue
        if m is None:
            raise SystemExit(f"{path}:{number}: text before the first [name]")
        if line.startswith("file:"):
            m.file = line.split(":", 1)[1].strip()
        elif line.startswith("fuzz:"):
            m.fuzz = line.split(":", 1)[1].split()
        elif line.strip() == "or":
            m.alternatives.append([])
            edit = None
        elif line.startswith("-"):
            if edit is None or edit[1]:
                edit = [[], []]
                m.alternatives[-1].append(edit)
            edit[0].append(text_of("-"))
        elif line.startswith("+"):
            if edit is None or not edit[0]:
                raise SystemExit(f"{path}:{number}: '+' without a '-' before it")
            edit[1].append(text_of("+"))
        elif not line.strip():
            edit = None
        else:
            raise SystemExit(f"{path}:{number}: cannot read {line!r}")
    for m in mutants:
        m.alternatives = [[("\n".join(o), "\n".join(r)) for o, r in alt] for alt in m.alternatives]
        if not m.file or not all(m.alternatives):
            raise SystemExit(f"{path}: [{m.name}] needs a file: and at least one edit")
    return mutants


def mutate(text, alternatives):
    """The text with the first set of edits whose every original occurs exactly once."""
    for edits in alternatives:
        if all(text.count(o) == 1 for o, _ in edits):
            for o, r in edits:
                text = text.replace(o, r)
            return text
    return None


def write_if_changed(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def populate(src, base):
    """Copies addin/core and tests/{unit,oracle,fuzz} of the work tree (or of
    commit `base`) into src, touching only files whose content changed."""
    wanted = ["addin/core", "tests/unit", "tests/oracle", "tests/fuzz"]
    files = {}
    if base is None:
        for top in wanted:
            for p in (ROOT / top).rglob("*"):
                if p.is_file():
                    files[p.relative_to(ROOT).as_posix()] = p.read_bytes()
    else:
        listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", base, "--", *wanted],
                                 check=True, capture_output=True, text=True).stdout.split()
        for name in listing:
            files[name] = subprocess.run(["git", "-C", str(ROOT), "show", f"{base}:{name}"], check=True,
                                         capture_output=True).stdout
    for name, data in files.items():
        write_if_changed(src / name, data)
    for p in src.rglob("*"):  # files gone from the source
        if p.is_file() and p.relative_to(src).as_posix() not in files:
            p.unlink()


def run(cmd, timeout=None, **kw):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                              **kw)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(cmd, 124, stdout=(e.stdout or b"").decode(errors="replace")
                                           if isinstance(e.stdout, bytes) else (e.stdout or ""))


def last_lines(text, n=15):
    return "\n".join(text.strip().splitlines()[-n:])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print the planted bugs and stop")
    ap.add_argument("--only", nargs="*", default=None, help="names of the bugs to plant")
    ap.add_argument("--base", default=None, help="take core and tests from this commit instead of the work tree")
    ap.add_argument("--scratch", type=Path, default=None, help="scratch folder (default build/mutation[-BASE])")
    ap.add_argument("--fuzz-seconds", type=int, default=int(os.environ.get("DEALERKPI_MUTATION_FUZZ_SECONDS", 20)),
                    help="seconds per fuzz target for a bug the unit tests miss (default 20)")
    ap.add_argument("--fuzz-only", action="store_true",
                    help="skip the unit tests: does a short fuzz run alone catch each bug?")
    ap.add_argument("--mutants", type=Path, default=HERE / "mutants.txt")
    args = ap.parse_args()

    mutants = parse(args.mutants)
    if args.only:
        unknown = set(args.only) - {m.name for m in mutants}
        if unknown:
            raise SystemExit(f"no such bug: {' '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.name in args.only]
    if args.list:
        for m in mutants:
            print(f"{m.name:40} {m.file:14} {m.what}")
        return 0

    scratch = args.scratch or ROOT / "build" / ("mutation" + (f"-{args.base}" if args.base else "")
                                                + ("-fuzz" if args.fuzz_only else ""))
    src = scratch / "src"
    populate(src, args.base)
    core = src / "addin" / "core"
    started = time.monotonic()

    # The unit tests, with g++, against the copy.
    unit = scratch / "unit"
    step = run(["cmake", "-S", str(HERE), "-B", str(unit), "-G", "Ninja",
                f"-DDEALERKPI_ADDIN_DIR={src / 'addin'}", f"-DDEALERKPI_TESTS_DIR={src / 'tests'}"])
    if step.returncode:
        print(last_lines(step.stdout), file=sys.stderr)
        return 2
    # The fuzz targets, with clang, against the same copy (tests/fuzz finds the
    # core at ../../addin, which in the copy is the copy's).
    fuzz = scratch / "fuzz"
    clang = shutil.which("clang++") or shutil.which("clang++-14")
    if clang:
        step = run(["cmake", "-S", str(src / "tests" / "fuzz"), "-B", str(fuzz), "-G", "Ninja",
                    f"-DCMAKE_CXX_COMPILER={clang}"])
        if step.returncode:
            print(last_lines(step.stdout), file=sys.stderr)
            return 2
    else:
        print("clang++ not found: the unit tests alone must catch every bug")

    def build_and_test():
        """None if the unit tests pass, else how they failed."""
        b = run(["cmake", "--build", str(unit)])
        if b.returncode:
            return "build failed:\n" + last_lines(b.stdout)
        t = run([str(unit / "core_tests"), "--gtest_brief=1"], timeout=600)
        if t.returncode:
            failed = [l.split("]", 1)[1].strip() for l in t.stdout.splitlines() if l.startswith("[  FAILED  ]")]
            return "unit tests: " + (", ".join(failed[:3]) or f"exit {t.returncode}")
        return None

    def fuzz_catches(targets):
        if not clang or not targets:
            return None
        b = run(["cmake", "--build", str(fuzz), "--target", *targets])
        if b.returncode:
            return "fuzz build failed:\n" + last_lines(b.stdout)
        for t in targets:
            with tempfile.TemporaryDirectory(dir=scratch) as corpus:
                f = run([str(fuzz / t), f"-max_total_time={args.fuzz_seconds}", "-timeout=10",
                         "-rss_limit_mb=2048", f"-artifact_prefix={scratch}/crash-{t}-", corpus,
                         str(src / "tests" / "fuzz" / "corpus" / t)], timeout=args.fuzz_seconds + 120)
            if f.returncode:
                why = [l for l in f.stdout.splitlines() if "invariant violated" in l or "ERROR:" in l]
                return f"fuzz {t}: " + (why[0].strip() if why else f"exit {f.returncode}")
        return None

    # Without a bug everything must pass, or nothing below means anything.
    failure = build_and_test()
    if failure:
        print(f"the tests fail without any planted bug: {failure}", file=sys.stderr)
        return 2

    if args.fuzz_only:  # the fuzz targets must pass without a bug, too
        targets = sorted({t for m in mutants for t in m.fuzz})
        failure = fuzz_catches(targets)
        if failure:
            print(f"the fuzz targets fail without any planted bug: {failure}", file=sys.stderr)
            return 2

    results = []
    for m in mutants:
        path = core / m.file
        original = path.read_text(encoding="utf-8")
        mutated = mutate(original, m.alternatives)
        if mutated is None:
            results.append((m, "DOES NOT APPLY", "an original text is not found exactly once"))
            continue
        t0 = time.monotonic()
        try:
            path.write_text(mutated, encoding="utf-8")
            caught = None if args.fuzz_only else build_and_test()
            if caught is None:
                caught = fuzz_catches(m.fuzz)
        finally:
            path.write_text(original, encoding="utf-8")
        verdict = "caught" if caught and not caught.startswith(("build failed", "fuzz build failed")) else (
            "DOES NOT BUILD" if caught else "SURVIVED")
        results.append((m, verdict, f"{caught or 'every test passed'} ({time.monotonic() - t0:.0f} s)"))
        print(f"{verdict:14} {m.name:40} {results[-1][2]}", flush=True)
    build_and_test()  # leave the builds matching the unmutated copy

    print()
    print("Planted bugs:")
    for m, verdict, how in results:
        print(f"  {verdict:14} {m.name:40} {m.what}")
        print(f"  {'':14} {'':40} {how}")
    caught = sum(1 for _, v, _ in results if v == "caught")
    print(f"{caught} of {len(results)} planted bugs caught ({time.monotonic() - started:.0f} s)")
    if any(v in ("DOES NOT APPLY", "DOES NOT BUILD") for _, v, _ in results):
        return 2
    return 0 if caught == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
