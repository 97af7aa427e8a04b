#!/usr/bin/python3
"""Calc benchmark: every DealerKPI function recalculated over many rows in a
real headless LibreOffice, side by side with the native formula a user would
write instead, plus the probe add-in's signatures (what a call costs).

    /usr/bin/python3 tests/bench/calc_bench.py --oxt build/dealerkpi.oxt \
        --probe-oxt build/tests/bench/dealerkpi-bench-probe.oxt [--rows 100000] [--runs 5]

Every case gets its own document in ONE soffice process (so the ratios compare
like with like); its formulas are entered as one cell filled down (fillAuto),
automatic calculation is off, and the time is the median of --runs calls of
calculateAll() after one warm-up. Each add-in case is checked against its
native twin (same numbers, no error cells) before it is timed.

Tables printed (Markdown):
  1. functions: case, add-in s, native s, ratio, ratio to the floor, us per call
     (PAYOUT_CURVE and KPI_SCORE: add-in, native twin and a same-signature probe)
  2. signatures: what a call from Calc costs per argument / result type
  3. templates: recalculation of each template filled with its example month
     (the goals: the strategy table in under 50 ms; 提成方案测算 with every row
     filled, 30 consultants x 12 months, in under 100 ms), a full fill side by
     side with the same document whose add-in calls are constants, and the
     figures checked against what the template showed before (FIGURES)

Runs with the Python that has `import uno` (/usr/bin/python3 on Debian).
"""
import argparse
import hashlib
import importlib
import math
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE, "scripts"))
from office import Office, enter, prepare_profile, soffice_version  # noqa: E402

from com.sun.star.sheet.CellFlags import FORMULA  # noqa: E402
from com.sun.star.sheet.FillDirection import TO_BOTTOM  # noqa: E402


# --- sheet helpers ------------------------------------------------------------------
def col_letter(c):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[c]


def put_column(sheet, col, first_row, values):
    """Numbers into one column from first_row (0-based), in one API call."""
    if not values:
        return
    rng = sheet.getCellRangeByPosition(col, first_row, col, first_row + len(values) - 1)
    rng.setDataArray(tuple((v,) for v in values))


def fill_down(sheet, col, first_row, last_row, formula):
    """One formula in the first cell, copied down by fillAuto (relative
    references move, $-references stay)."""
    sheet.getCellByPosition(col, first_row).setFormula(formula)
    if last_row > first_row:
        sheet.getCellRangeByPosition(col, first_row, col, last_row).fillAuto(TO_BOTTOM, 1)


def array_formula(sheet, col, first_row, last_row, formula):
    sheet.getCellRangeByPosition(col, first_row, col, last_row).setArrayFormula(formula)


def column_values(sheet, col, first_row, last_row):
    """(values, number of error cells) of one column."""
    rng = sheet.getCellRangeByPosition(col, first_row, col, last_row)
    data = rng.getDataArray()
    errors = 0
    values = []
    for (v,) in data:
        if isinstance(v, str):  # an error cell reads as its text, e.g. '#VALUE!'
            errors += 1
            values.append(float("nan"))
        else:
            values.append(v)
    return values, errors


# --- data ----------------------------------------------------------------------------
class Data:
    """Deterministic inputs shaped like a dealership's."""

    def __init__(self, rows):
        rng = random.Random(2026)
        self.rows = rows
        self.entered = [float(rng.randint(100, 5000)) for _ in range(rows)]
        self.converted = [float(round(e * rng.uniform(0.05, 0.4))) for e in self.entered]
        self.amounts = [float(rng.randint(0, 200000)) for _ in range(rows)]
        self.available = [float(rng.randint(120, 180)) for _ in range(rows)]
        self.worked = [round(a * rng.uniform(0.6, 1.0), 1) for a in self.available]
        self.sold = [round(w * rng.uniform(0.7, 1.3), 1) for w in self.worked]
        self.rates = [0.8 if i % 2 == 0 else 1.25 for i in range(rows)]  # a chain that stays bounded
        self.weights = [float(rng.randint(0, 1000)) for _ in range(rows)]
        self.attainments = [round(rng.uniform(0.3, 1.8), 4) for _ in range(rows)]
        # A scorecard per row: three actuals against three targets.
        self.targets3 = [[float(rng.randint(50, 150)) for _ in range(rows)] for _ in range(3)]
        self.actuals3 = [[round(t * rng.uniform(0.5, 1.5), 1) for t in col] for col in self.targets3]


TIERS = (0.0, 100000.0, 120000.0)
TIER_RATES = (0.02, 0.03, 0.04)
TIER_STEPS = (0.02, 0.01, 0.01)  # each tier's rate minus the one below: the SUMPRODUCT idiom's input


def setup_funnel(sheet, d):
    put_column(sheet, 0, 0, d.converted)
    put_column(sheet, 1, 0, d.entered)


def setup_bonus(sheet, d):
    put_column(sheet, 0, 0, d.amounts)
    put_column(sheet, 4, 0, list(TIERS))
    put_column(sheet, 5, 0, list(TIER_RATES))
    put_column(sheet, 6, 0, list(TIER_STEPS))


def setup_workshop(sheet, d):
    put_column(sheet, 0, 0, d.sold)
    put_column(sheet, 1, 0, d.worked)
    put_column(sheet, 2, 0, d.available)


def setup_chain(sheet, d):
    put_column(sheet, 1, 0, d.rates)
    sheet.getCellByPosition(2, 0).setValue(100.0)


def setup_split(sheet, d):
    put_column(sheet, 0, 0, d.weights)
    sheet.getCellByPosition(3, 0).setValue(1234567.0)
    # The helper cell a careful user adds for the native twin: the sum of the
    # weights, once.
    sheet.getCellByPosition(4, 0).setFormula("=SUM(A1:A%d)" % len(d.weights))


def setup_ones(sheet, d):
    pass


# The published pay curve: 50% -> 0, 75% -> 0.5, 100% -> 1, 150% -> 3.
CURVE_POINTS = (0.5, 0.75, 1.0, 1.5)
CURVE_PAYOUTS = (0.0, 0.5, 1.0, 3.0)


def setup_curve(sheet, d):
    put_column(sheet, 0, 0, d.attainments)
    put_column(sheet, 4, 0, list(CURVE_POINTS))
    put_column(sheet, 5, 0, list(CURVE_PAYOUTS))


def setup_score(sheet, d):
    for k in range(3):
        put_column(sheet, k, 0, d.actuals3[k])       # A:C actuals
        put_column(sheet, 3 + k, 0, d.targets3[k])   # D:F targets
    sheet.getCellRangeByName("K1:M1").setDataArray(((50.0, 30.0, 20.0),))  # weights


# A case: (name, setup, add-in kind, add-in formula, native kind, native formula).
# kind "rows": the formula in H1 filled down to the last row (inputs in A:G);
#      "chain": C2 filled down to the last row (C1 holds the target, B the rates);
#      "one": a single formula in I1;
#      "array": one array formula over H1:H<n>.
# {n} is the last row number.
CASES = [
    ("FUNNEL_RATE per row", setup_funnel, "rows", "=FUNNEL_RATE(A1;B1)", "rows", "=A1/B1"),
    ("FUNNEL_RATE over the range", setup_funnel, "one", "=FUNNEL_RATE(A1:A{n};B1:B{n})",
     "one", "=SUM(A1:A{n})/SUM(B1:B{n})"),
    ("TIERED_BONUS per row", setup_bonus, "rows", "=TIERED_BONUS(A1;$E$1:$E$3;$F$1:$F$3)",
     "rows", "=SUMPRODUCT((A1>$E$1:$E$3)*(A1-$E$1:$E$3)*$G$1:$G$3)"),
    ("WORKSHOP_EFFICIENCY per row", setup_workshop, "rows", "=WORKSHOP_EFFICIENCY(A1;B1;C1)", "rows", "=A1/C1"),
    ("FUNNEL_TARGET chained", setup_chain, "chain", "=FUNNEL_TARGET(C1;B2)", "chain", "=C1/B2"),
    # The native twin a careful user writes: one helper SUM cell (E1), ROUND
    # per row. It is linear like the add-in, but its parts need not add up to
    # the total (each row rounds on its own; the add-in hands the rounding
    # cents to the largest remainders).
    ("TARGET_SPLIT one array", setup_split, "array", "=TARGET_SPLIT($D$1;A1:A{n};2)",
     "rows", "=ROUND($D$1*A1/$E$1;2)"),
]
# The bare per-call floor: a cheap scalar call of the add-in, timed alongside
# every case: FUNNEL_RATE(1;1), two required sequence<sequence<any>> parameters
# (each constant wrapped 1x1 by Calc) and one omitted any; see the constants
# rows of the probe table.
FLOOR = ("floor: FUNNEL_RATE(1;1)", setup_ones, "rows", "=FUNNEL_RATE(1;1)", "rows", "=1/1")
CASES.append(FLOOR)  # its own row too: against native =1/1, and against itself (about 1.00)

# The newer functions, each timed in one run with the native formula a user
# would write instead and with a do-nothing probe method of the same
# signature: (name, setup, add-in, native, probe). Goals: add-in <= 1.0 x
# native and <= 1.3 x probe.
CURVE_GOAL_NATIVE, CURVE_GOAL_PROBE = 1.0, 1.3
TRIPLES = [
    ("PAYOUT_CURVE per row", setup_curve,
     "=PAYOUT_CURVE(A1;$E$1:$E$4;$F$1:$F$4)",
     # The LOOKUP idiom: the segment that starts at or below A1 (the last one
     # extended), read off its straight line; 0 below the first point.
     "=IF(A1<$E$1;0;LOOKUP(A1;$E$1:$E$3;$F$1:$F$3)+(A1-LOOKUP(A1;$E$1:$E$3))"
     "*(LOOKUP(A1;$E$1:$E$3;$F$2:$F$4)-LOOKUP(A1;$E$1:$E$3;$F$1:$F$3))"
     "/(LOOKUP(A1;$E$1:$E$3;$E$2:$E$4)-LOOKUP(A1;$E$1:$E$3)))",
     "=PROBE_D1A3(A1;$E$1:$E$4;$F$1:$F$4)"),
    ("KPI_SCORE per row (3 measures, cap)", setup_score,
     "=KPI_SCORE(A1:C1;D1:F1;$K$1:$M$1;1.2)",
     "=SUMPRODUCT($K$1:$M$1;IF(A1:C1/D1:F1>1.2;1.2;A1:C1/D1:F1))/SUM($K$1:$M$1)",
     "=PROBE_A6(A1:C1;D1:F1;$K$1:$M$1;1.2)"),
]

# The probe add-in: (name, signature, setup, kind, formula).
PROBES = [
    ("native =A1/C1", "(native)", setup_workshop, "rows", "=A1/C1"),
    ("PROBE_NONE()", "double f()", setup_ones, "rows", "=PROBE_NONE()"),
    ("PROBE_D1(A1)", "double f(double)", setup_workshop, "rows", "=PROBE_D1(A1)"),
    ("PROBE_A1(A1)", "double f(any)", setup_workshop, "rows", "=PROBE_A1(A1)"),
    ("PROBE_D3(A1;B1;C1)", "double f(double x3)", setup_workshop, "rows", "=PROBE_D3(A1;B1;C1)"),
    ("PROBE_A3(A1;B1;C1)", "double f(any x3)", setup_workshop, "rows", "=PROBE_A3(A1;B1;C1)"),
    ("PROBE_A4(A1;B1;C1)", "double f(any x4), 4th omitted (WORKSHOP_EFFICIENCY's)", setup_workshop, "rows",
     "=PROBE_A4(A1;B1;C1)"),
    ("PROBE_M3A1(A1;B1;C1)", "double f(sequence<sequence<any>> x3, any), 4th omitted (WORKSHOP_EFFICIENCY's, "
     "hours required)", setup_workshop, "rows", "=PROBE_M3A1(A1;B1;C1)"),
    ("WORKSHOP_EFFICIENCY(A1;B1;C1)", "the real one, PROBE_M3A1's signature", setup_workshop, "rows",
     "=WORKSHOP_EFFICIENCY(A1;B1;C1)"),
    ("PROBE_A4(1;1;1)", "double f(any x4), constants", setup_ones, "rows", "=PROBE_A4(1;1;1)"),
    ("PROBE_M3A1(1;1;1)", "double f(sequence<sequence<any>> x3, any), constants", setup_ones, "rows",
     "=PROBE_M3A1(1;1;1)"),
    ("WORKSHOP_EFFICIENCY(1;1;1)", "the real one, constants", setup_ones, "rows",
     "=WORKSHOP_EFFICIENCY(1;1;1)"),
    ("FUNNEL_RATE(1;1)", "double f(sequence<sequence<any>> x2, any), constants (the floor)", setup_ones, "rows",
     "=FUNNEL_RATE(1;1)"),
    ("FUNNEL_TARGET(1;1)", "any f(double, sequence<sequence<any>>, any), constants", setup_ones, "rows",
     "=FUNNEL_TARGET(1;1)"),
    ("TARGET_SPLIT(1;1)", "any f(double, sequence<sequence<any>>, any x2), constants", setup_ones, "rows",
     "=TARGET_SPLIT(1;1)"),
    ("TIERED_BONUS(1;0;0)", "double f(double, sequence<sequence<any>> x2, any x3), constants", setup_ones, "rows",
     "=TIERED_BONUS(1;0;0)"),
    ("PROBE_S3(A1;B1;C1)", "double f(sequence<sequence<double>> x3)", setup_workshop, "rows",
     "=PROBE_S3(A1;B1;C1)"),
    ("PROBE_D3ANY(A1;B1;C1)", "any f(double x3)", setup_workshop, "rows", "=PROBE_D3ANY(A1;B1;C1)"),
    ("PROBE_D1A5(A1;tiers;rates)", "double f(double, any x5), 3-cell ranges (TIERED_BONUS's)", setup_bonus,
     "rows", "=PROBE_D1A5(A1;$E$1:$E$3;$F$1:$F$3)"),
    ("PROBE_D1M2A3(A1;tiers;rates)", "double f(double, sequence<sequence<any>> x2, any x3), 3-cell ranges "
     "(TIERED_BONUS's, tiers required)", setup_bonus, "rows", "=PROBE_D1M2A3(A1;$E$1:$E$3;$F$1:$F$3)"),
    ("TIERED_BONUS(A1;tiers;rates)", "the real one, PROBE_D1M2A3's signature", setup_bonus, "rows",
     "=TIERED_BONUS(A1;$E$1:$E$3;$F$1:$F$3)"),
    ("PROBE_D1S2A3(A1;tiers;rates)", "double f(double, sequence<sequence<double>> x2, any x3), 3-cell ranges",
     setup_bonus, "rows", "=PROBE_D1S2A3(A1;$E$1:$E$3;$F$1:$F$3)"),
    ("native SUMPRODUCT tiers", "(native, TIERED_BONUS's twin)", setup_bonus, "rows",
     "=SUMPRODUCT((A1>$E$1:$E$3)*(A1-$E$1:$E$3)*$G$1:$G$3)"),
    ("PROBE_A1(A1:A{n})", "double f(any), one call over the range", setup_workshop, "one", "=PROBE_A1(A1:A{n})"),
    ("PROBE_M1(A1:A{n})", "double f(sequence<sequence<any>>), one call", setup_workshop, "one",
     "=PROBE_M1(A1:A{n})"),
    ("PROBE_S1(A1:A{n})", "double f(sequence<sequence<double>>), one call", setup_workshop, "one",
     "=PROBE_S1(A1:A{n})"),
    ("native =SUM(A1:A{n})", "(native)", setup_workshop, "one", "=SUM(A1:A{n})"),
    ("{PROBE_ECHO_A(A1:A{n})}", "any f(any): array in, array out", setup_workshop, "array",
     "=PROBE_ECHO_A(A1:A{n})"),
    ("{PROBE_ECHO_S(A1:A{n})}", "sequence<sequence<double>> f(same)", setup_workshop, "array",
     "=PROBE_ECHO_S(A1:A{n})"),
    ("native {A1:A{n}*1}", "(native)", setup_workshop, "array", "=A1:A{n}*1"),
    ("PROBE_D1A3(A1;points;payouts)", "double f(double, any x3), 4-cell ranges (PAYOUT_CURVE's)", setup_curve,
     "rows", "=PROBE_D1A3(A1;$E$1:$E$4;$F$1:$F$4)"),
    ("PROBE_A6(A1:C1;D1:F1;weights;1.2)", "double f(any x6), 3-cell ranges (KPI_SCORE's)", setup_score,
     "rows", "=PROBE_A6(A1:C1;D1:F1;$K$1:$M$1;1.2)"),
]


# --- running one case ------------------------------------------------------------------
class Bench:
    def __init__(self, office, rows, runs):
        self.office = office
        self.rows = rows
        self.runs = runs
        self.data = Data(rows)

    def build(self, setup, kind, formula):
        doc = self.office.new_calc()
        doc.enableAutomaticCalculation(False)
        sheet = doc.Sheets.getByIndex(0)
        setup(sheet, self.data)
        n = self.rows
        f = formula.replace("{n}", str(n))
        if kind == "rows":
            fill_down(sheet, 7, 0, n - 1, f)
            where = (7, 0, n - 1)
        elif kind == "chain":
            fill_down(sheet, 2, 1, n - 1, f)
            where = (2, 1, n - 1)
        elif kind == "one":
            sheet.getCellByPosition(8, 0).setFormula(f)
            where = (8, 0, 0)
        elif kind == "array":
            array_formula(sheet, 7, 0, n - 1, f)
            where = (7, 0, n - 1)
        else:
            raise ValueError(kind)
        return doc, sheet, where

    def time_together(self, docs):
        """Median calculateAll() seconds of each document, the documents timed
        in turn in every round, so that a change in the machine's load
        touches them all alike."""
        for doc in docs:
            doc.calculateAll()  # warm-up: first interpretation, lazily loaded component
        times = [[] for _ in docs]
        for _ in range(self.runs):
            for k, doc in enumerate(docs):
                t0 = time.perf_counter()
                doc.calculateAll()
                times[k].append(time.perf_counter() - t0)
        return [statistics.median(t) for t in times]

    def measure(self, *variants):
        """variants: (setup, kind, formula) each. Returns, per variant,
        (median seconds, values of the result cells, error cells)."""
        built = [self.build(*v) for v in variants]
        try:
            seconds = self.time_together([doc for doc, _, _ in built])
            out = []
            for s, (doc, sheet, where) in zip(seconds, built):
                values, errors = column_values(sheet, *where)
                out.append((s, values, errors))
            return out
        finally:
            for doc, _, _ in built:
                doc.close(True)


def same_values(a, b, rel=1e-9, absolute=0.0):
    """Spot check of two result columns: every 997th row, the first and the last."""
    if len(a) != len(b):
        return False
    idx = sorted(set(list(range(0, len(a), 997)) + [0, len(a) - 1]))
    for i in idx:
        x, y = a[i], b[i]
        if math.isnan(x) or math.isnan(y) or abs(x - y) > max(absolute, rel * max(1.0, abs(x), abs(y))):
            return False
    return True


def fmt(x, digits=3):
    return "%.*f" % (digits, x)


def two_digits(x):
    """x to two significant digits, never in exponent form: 7.1, 48, 0.023."""
    if x == 0 or not math.isfinite(x):
        return str(x)
    r = float("%.2g" % x)  # 9.96 -> 10: the places follow the rounded value
    places = max(0, 1 - int(math.floor(math.log10(abs(r)))))
    return "%.*f" % (places, r)


# --- templates ------------------------------------------------------------------------------
TEMPLATE_GOAL = 0.050  # a filled strategy table recalculates in under 50 ms
STRATEGY_TABLE = "strategy_table"
# goals of other templates, timed with their FULL fill where they have one
# (提成方案测算: 30 consultants x 12 months, both plans, every sensitivity grid)
TEMPLATE_GOALS = {STRATEGY_TABLE: TEMPLATE_GOAL, "commission_model": 0.100}


def template_modules():
    """The template modules in the build's order (templates/CMakeLists.txt)."""
    cmake = open(os.path.join(SOURCE, "templates", "CMakeLists.txt"), encoding="utf-8").read()
    block = cmake.split("set(DEALERKPI_TEMPLATES", 1)[1].split(")", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


# The figures of every filled template that has them here, as the template
# showed them before its formulas were made faster (LibreOffice 7.4): the
# SHA-256 of the numbers in columns A..N of every sheet (hidden helper columns lie beyond),
# see figures_digest. A faster layout must show exactly these. Taken again when each month's
# commission became whole cents (ROUND(...;2)): the doubles changed, what the cells display
# did not (template.commission_model).
FIGURES = {
    "commission_model": "efbd9e7246aa838cf20e110183048dcbfb1ffdfe1b2422627f52c8f995131649",
    "commission_model.full": "a0de63cbdf2a6c8040cff706fcb9864e80d866210826efbafbc95cbdb340a60d",
}
ADDIN_PREFIX = "ORG.DEALERKPI.CALC.FUNCTIONS."


def figures_digest(doc):
    """SHA-256 of the numbers columns A..N of every sheet hold, cell by cell."""
    h = hashlib.sha256()
    for k in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(k)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        rows = sheet.getCellRangeByPosition(0, 0, 13, cursor.RangeAddress.EndRow).getDataArray()
        h.update(sheet.Name.encode())
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, float):  # figures only: a heading's wording may change
                    h.update(("%d,%d:%r\n" % (r, c, v)).encode())
    return h.hexdigest()


def without_calls(formula):
    """The formula with every DealerKPI call replaced by the constant 1."""
    while ADDIN_PREFIX in formula:
        i = formula.index(ADDIN_PREFIX)
        j, depth = formula.index("(", i) + 1, 1
        while depth:
            depth += {"(": 1, ")": -1}.get(formula[j], 0)
            j += 1
        formula = formula[:i] + "1" + formula[j:]
    return formula


def replace_calls(doc):
    """Every add-in call of the document replaced by a constant (what the
    rest of the sheet costs); returns how many calls the formulas held."""
    calls = 0
    for k in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(k)
        sheet.unprotect("")
        for a in sheet.queryContentCells(FORMULA).RangeAddresses:
            rng = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
            rows = rng.getFormulaArray()
            calls += sum(f.count(ADDIN_PREFIX) for row in rows for f in row)
            new = tuple(tuple(without_calls(f) for f in row) for row in rows)
            if new != rows:
                rng.setFormulaArray(new)
    return calls


def filled(office, path, fill):
    doc = office.load(path, as_template=True)
    for sheet_name, cells in fill.items():
        sheet = doc.Sheets.getByName(sheet_name)
        for cell, value in cells.items():
            enter(sheet.getCellRangeByName(cell), value)
    doc.calculateAll()
    return doc


def cpu_seconds(pid):
    """CPU seconds the process has run so far, all its threads (schedstat: ns)."""
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, task)) as f:
                total += int(f.read().split()[0])
        except OSError:  # a thread that ended meanwhile
            pass
    return total / 1e9


def timed_in_turn(docs, runs, pid=None):
    """Median calculateAll() seconds of each document, timed in turn in every
    round; with pid (the office's), also the median CPU seconds the office
    spent on it: [(wall, cpu or None)]."""
    times = [[] for _ in docs]
    cpu = [[] for _ in docs]
    for _ in range(runs):
        for k, doc in enumerate(docs):
            c0 = cpu_seconds(pid) if pid else 0.0
            t0 = time.perf_counter()
            doc.calculateAll()
            times[k].append(time.perf_counter() - t0)
            cpu[k].append(cpu_seconds(pid) - c0 if pid else 0.0)
    return [(statistics.median(t), statistics.median(c) if pid else None) for t, c in zip(times, cpu)]


def template_bench(office, ots_dir, runs):
    """Each built template, opened as a user starts a month from it and filled
    with its example figures (the module's EXAMPLE, the seeds' month): median
    calculateAll() seconds; a module with a FULL fill (every row of the
    template filled) is timed with that too, side by side with the same
    document whose add-in calls are constants. Returns [(key, title, seconds,
    detail)], the full fill as "<module>.full"; detail: None, or (constants
    seconds, add-in calls, load average, figures as expected or not)."""
    sys.path.insert(0, os.path.join(SOURCE, "templates"))
    out = []
    for name in template_modules():
        path = os.path.join(ots_dir, name + ".ots")
        if not os.path.exists(path):
            continue
        module = importlib.import_module(name)
        fills = [(name, getattr(module, "TITLE", name), getattr(module, "EXAMPLE", {}))]
        if hasattr(module, "FULL"):
            fills.append((name + ".full", getattr(module, "TITLE", name) + ", full", module.FULL))
        for key, title, fill in fills:
            docs = [filled(office, path, fill)]
            try:
                same = figures_digest(docs[0]) == FIGURES[key] if key in FIGURES else None
                if key.endswith(".full"):
                    docs.append(filled(office, path, fill))
                    calls = replace_calls(docs[1])
                    docs[1].calculateAll()
                    load = os.getloadavg()[0]
                    (wall, cpu), (const_wall, const_cpu) = timed_in_turn(docs, max(runs, 20), office.soffice_pid())
                    out.append((key, title, wall, (const_wall, calls, load, same, cpu, const_cpu)))
                else:
                    wall = timed_in_turn(docs, max(runs, 20))[0][0]
                    out.append((key, title, wall, (None, 0, None, same, None, None)))
            finally:
                for doc in docs:
                    doc.close(True)
    return out


def template_table(timed, problems):
    """The templates' table (Markdown) with their goals; misses and wrong figures go to problems."""
    print("| template | ms | constants ms | ratio | add-in ms | CPU ms | constants CPU ms | CPU ratio | call sites "
          "| load | figures | goal |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    has_full = {n.split(".")[0] for n, _, _, _ in timed if n.endswith(".full")}
    for name, title, s, (const_s, calls, load, same, cpu, const_cpu) in timed:
        module = name.split(".")[0]
        # a template with a full fill is held to its goal there
        limit = TEMPLATE_GOALS.get(module) if (name.endswith(".full") or module not in has_full) else None
        goal = ""
        if limit is not None:
            goal = "< %.0f ms: " % (limit * 1e3) + ("met" if s < limit else "MISSED")
            if s >= limit:
                problems.append("the filled %s takes %.1f ms" % (title, s * 1e3))
        if same is False:
            problems.append("the filled %s shows other figures than before" % title)
        side = ("%.1f | %.2f | %.1f | %.1f | %.1f | %.2f | %d | %.1f" % (
            const_s * 1e3, s / const_s, (s - const_s) * 1e3, cpu * 1e3, const_cpu * 1e3, cpu / const_cpu, calls, load)
            if const_s else " | | | | | | | ")
        print("| %s (%s) | %.1f | %s | %s | %s |" % (
            title, name, s * 1e3, side, {True: "as before", False: "DIFFER", None: ""}[same], goal))


# --- machine -------------------------------------------------------------------------------
def machine():
    lines = []
    lines.append("nproc: %s" % os.cpu_count())
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
        for key in ("Model name", "CPU(s)", "Thread(s) per core", "L2 cache", "Hypervisor vendor"):
            for line in lscpu:
                if line.startswith(key + ":"):
                    lines.append(re.sub(r"\s+", " ", line.strip()))
    except OSError:
        pass
    lines.append(soffice_version())
    lines.append("python %s, %s" % (platform.python_version(), platform.platform()))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oxt", required=True, help="the product package (build/dealerkpi.oxt)")
    ap.add_argument("--probe-oxt", help="the benchmark-only probe package (signature table)")
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=5, help="timed calculateAll() per case (median)")
    ap.add_argument("--profile", help="where to build the LibreOffice profile (default: beside --oxt)")
    ap.add_argument("--only", help="regex: run only the cases whose name matches")
    ap.add_argument("--templates", help="folder of the built .ots files (default: templates/ots beside --oxt)")
    args = ap.parse_args()
    if args.rows < 10 or args.runs < 1:
        ap.error("--rows must be >= 10 and --runs >= 1")

    oxt = os.path.abspath(args.oxt)
    profile = args.profile or os.path.join(os.path.dirname(oxt), "bench-profile")
    extra = (os.path.abspath(args.probe_oxt),) if args.probe_oxt else ()
    only = re.compile(args.only) if args.only else None

    started = time.time()
    print("## Machine\n")
    for line in machine():
        print("- " + line)
    print("- rows: %d, runs per case: %d (median), calculateAll() of a document holding one case" %
          (args.rows, args.runs))
    print("- load average at the start: %.2f %.2f %.2f" % os.getloadavg())
    sys.stdout.flush()

    prepare_profile(oxt, profile, extra_oxts=extra)
    problems = []
    with Office(profile, copy=False) as office:
        bench = Bench(office, args.rows, args.runs)

        # 1. The functions against their native twins, each timed together
        #    with the floor.
        results = []
        for name, setup, a_kind, addin, n_kind, native in CASES:
            if only and not only.search(name):
                continue
            # The floor twice in every round: how far two timings of the same
            # thing lie apart is the noise of this run.
            (a_s, a_v, a_err), (n_s, n_v, n_err), (f_s, _, f_err), (f2_s, _, _) = bench.measure(
                (setup, a_kind, addin), (setup, n_kind, native), (FLOOR[1], FLOOR[2], FLOOR[3]),
                (FLOOR[1], FLOOR[2], FLOOR[3]))
            if a_err or n_err or f_err:
                problems.append("%s: %d add-in, %d native, %d floor error cells" % (name, a_err, n_err, f_err))
            # TARGET_SPLIT hands the rounding units to the largest remainders so that
            # the parts add up; ROUND per row may differ from it by one cent.
            elif not same_values(a_v, n_v, absolute=0.01 + 1e-9 if "SPLIT" in name else 0.0):
                problems.append("%s: the add-in and the native formula disagree" % name)
            spread = abs(f_s - f2_s) / min(f_s, f2_s)
            f_s = (f_s + f2_s) / 2
            results.append((name, a_kind, a_s, n_s, f_s, spread))
            print("  measured %-32s add-in %.4fs native %.4fs floor %.4fs (spread %.0f%%)"
                  % (name, a_s, n_s, f_s, spread * 100), file=sys.stderr)
        print("\n## Functions (%d rows; seconds = median calculateAll(), %d runs)\n" % (args.rows, args.runs))
        print("Each case is timed in turn with its native twin and twice with the floor (%s, filled "
              "down the same rows), so the ratios compare runs made at the same moment; the floor "
              "spread is how far its two timings lie apart (the noise of that row). Ratios to two "
              "significant digits: the noise allows no more.\n" % FLOOR[3])
        print("| case | add-in s | native s | add-in / native | add-in / floor | floor s | floor spread "
              "| add-in us per call |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, kind, a_s, n_s, f_s, spread in results:
            per_row = kind in ("rows", "chain")
            calls = (args.rows - (1 if kind == "chain" else 0)) if per_row else 1
            print("| %s | %s | %s | %s | %s | %s | %.0f %% | %s |" % (
                name, fmt(a_s, 4), fmt(n_s, 4), two_digits(a_s / n_s) if n_s > 0 else "inf",
                two_digits(a_s / f_s) if per_row else "n/a (one call)", fmt(f_s, 4), spread * 100,
                ("%.2f" % (a_s / calls * 1e6)) if per_row else ("%.0f (one call)" % (a_s * 1e6))))
        if results:
            floors = [r[4] for r in results]
            spreads = [r[5] for r in results]
            print("\nFloor (%s): median %.4f s = %.2f us per call over all cases; its two timings per "
                  "round lie %.0f %% apart in the median row, %.0f %% at most."
                  % (FLOOR[3], statistics.median(floors), statistics.median(floors) / args.rows * 1e6,
                     statistics.median(spreads) * 100, max(spreads) * 100))
        sys.stdout.flush()

        # 1b. The newer functions: add-in, native twin and same-signature probe
        #     timed together.
        if args.probe_oxt:
            triples = []
            for name, setup, addin, native, probe in TRIPLES:
                if only and not only.search(name):
                    continue
                (a_s, a_v, a_err), (n_s, n_v, n_err), (p_s, _, p_err) = bench.measure(
                    (setup, "rows", addin), (setup, "rows", native), (setup, "rows", probe))
                if a_err or n_err or p_err:
                    problems.append("%s: %d add-in, %d native, %d probe error cells" % (name, a_err, n_err, p_err))
                elif not same_values(a_v, n_v, rel=1e-12):
                    problems.append("%s: the add-in and the native formula disagree" % name)
                triples.append((name, addin, native, probe, a_s, n_s, p_s))
                print("  measured %-32s add-in %.4fs native %.4fs probe %.4fs" % (name, a_s, n_s, p_s),
                      file=sys.stderr)
            if triples:
                print("\n## PAYOUT_CURVE and KPI_SCORE against their native twins and a probe (%d rows)\n"
                      % args.rows)
                print("Add-in, native formula and a do-nothing probe method of the same UNO signature, "
                      "timed in turn in one run. Goals: add-in / native <= %.1f, add-in / probe <= %.1f.\n"
                      % (CURVE_GOAL_NATIVE, CURVE_GOAL_PROBE))
                print("| case | add-in s | native s | probe s | add-in / native | add-in / probe | goals |")
                print("|---|---:|---:|---:|---:|---:|---|")
                for name, addin, native, probe, a_s, n_s, p_s in triples:
                    r_native, r_probe = a_s / n_s, a_s / p_s
                    missed = [g for g, ok in (("native", r_native <= CURVE_GOAL_NATIVE),
                                              ("probe", r_probe <= CURVE_GOAL_PROBE)) if not ok]
                    for g in missed:
                        problems.append("%s: add-in / %s %.2f misses its goal" % (name, g,
                                        r_native if g == "native" else r_probe))
                    print("| %s | %s | %s | %s | %.2f | %.2f | %s |" % (
                        name, fmt(a_s, 4), fmt(n_s, 4), fmt(p_s, 4), r_native, r_probe,
                        "met" if not missed else "MISSED: " + ", ".join(missed)))
                print()
                for name, addin, native, probe, *_ in triples:
                    print("- %s: `%s` vs `%s` vs `%s`" % (name, addin, native, probe))
            sys.stdout.flush()

        # 2. What a call costs per signature: each probe timed in turn with
        #    the floor, so that its ratio to the floor compares runs made at
        #    the same moment.
        if args.probe_oxt:
            rows = []
            for name, sig, setup, kind, formula in PROBES:
                if only and not only.search(name):
                    continue
                (s, _, errors), (f_s, _, _) = bench.measure((setup, kind, formula), (FLOOR[1], FLOOR[2], FLOOR[3]))
                if errors:
                    problems.append("%s: %d error cells" % (name, errors))
                rows.append((name, sig, kind, s, f_s))
                print("  measured %-32s %.4fs floor %.4fs" % (name, s, f_s), file=sys.stderr)
            print("\n## Cost of a call by signature (probe add-in, %d rows)\n" % args.rows)
            print("Each formula filled down (or one call over the range), timed in turn with the floor "
                  "(%s).\n" % FLOOR[3])
            print("| formula | signature | s | us per row | vs floor | floor us |")
            print("|---|---|---:|---:|---:|---:|")
            for name, sig, kind, s, f_s in rows:
                per_row = kind in ("rows", "chain")
                print("| %s | %s | %s | %.3f | %s | %.3f |" % (
                    name.replace("{n}", str(args.rows)), sig, fmt(s, 4), s / args.rows * 1e6,
                    two_digits(s / f_s) if per_row else "(one call)", f_s / args.rows * 1e6))
            sys.stdout.flush()

        # 3. The templates, filled.
        ots_dir = args.templates or os.path.join(os.path.dirname(oxt), "templates", "ots")
        print("\n## Templates, filled with their example month (median calculateAll(), >= 20 runs)\n")
        timed = template_bench(office, ots_dir, args.runs)
        if not any(name == STRATEGY_TABLE for name, _, _, _ in timed):
            print("No strategy table (%s.ots) in %s: its goal (< 50 ms) could not be checked.\n"
                  % (STRATEGY_TABLE, ots_dir))
        if timed:
            print("A full fill is timed in turn with the same document whose add-in calls are constants "
                  "(ratio: full / constants; add-in ms: the difference; call sites: calls written in its "
                  "formulas, not all of them run); CPU: what the office process spent (all threads), "
                  "less touched by other work than the wall time; load: the 1-minute load average then. Figures: columns "
                  "A..N of every sheet against what the template showed before (FIGURES).\n")
            template_table(timed, problems)

    print("\nTotal %.0f s; load average at the end: %.2f %.2f %.2f." % ((time.time() - started,) + os.getloadavg()))
    if problems:
        print("\nPROBLEMS:\n" + "\n".join("- " + p for p in problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
