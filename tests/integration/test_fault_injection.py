"""No C++ exception leaves the add-in: every entry point turns it into #VALUE!
and LibreOffice keeps answering.

The add-in has a test hook: when the office starts with
DEALERKPI_FAULT_INJECTION=1 in its environment (read once, when the component
is created), a call whose first argument is one of the sentinels below throws
instead of computing: std::bad_alloc, std::runtime_error, or an int (not a
std::exception at all). Without the variable the sentinels are ordinary
numbers.

A second hook fails deep inside a call: a range argument of more than 16
cells whose first cell is RANGE_ALLOC_FAILS cannot allocate its converted
cells (std::bad_alloc in the middle of the argument conversion, after the
guard at the top of the call has let it through).

Two views: the cells a user sees (#VALUE!), and the component called straight
through UNO, where an exception that escaped would arrive as a
RuntimeException (LibreOffice's bridge wraps it, and Calc shows #VALUE! for
that too, so only the direct call tells the add-in's own guard from the
bridge's). For the direct call this process must know the add-in's UNO types:
they are read from the .oxt when this process's UNO runtime starts (the
variable that says so is removed again before any office is started).
"""
import atexit
import math
import os
import shutil
import struct
import tempfile
import unittest
import zipfile


def _import_uno_with_extension_types():
    build = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
    oxt = os.environ.get("DEALERKPI_OXT", os.path.join(build, "dealerkpi.oxt"))
    program = os.environ.get("LO_PROGRAM_DIR", "/usr/lib/libreoffice/program")
    folder = tempfile.mkdtemp(prefix="dealerkpi-types-")
    rdb = os.path.join(folder, "dealerkpi.rdb")
    with zipfile.ZipFile(oxt) as z, open(rdb, "wb") as out:
        out.write(z.read("types/dealerkpi.rdb"))
    os.environ["URE_MORE_TYPES"] = " ".join(
        "file://" + p for p in (os.path.join(program, "types/offapi.rdb"), rdb))
    atexit.register(shutil.rmtree, folder, True)
    try:
        import uno  # noqa: F401  (bootstraps this process's UNO runtime)
    finally:
        del os.environ["URE_MORE_TYPES"]


_import_uno_with_extension_types()

import harness  # noqa: E402
from office import Office  # noqa: E402

BAD_ALLOC, RUNTIME_ERROR, NON_STD = "-987654321.25", "-987654321.5", "-987654321.75"
RANGE_ALLOC_FAILS = -987654321.125  # first cell of a range of more than 16 cells

# One call per function whose range argument A1:A20 (A1 the sentinel, then
# 1 .. 19) fails to convert; the range is in each function's range argument.
RANGE_CALLS = [
    "=FUNNEL_RATE(A1:A20;A1:A20)",
    "=FUNNEL_TARGET(100;A1:A20)",
    "=TARGET_SPLIT(100;A1:A20;0;1)",
    "=TIERED_BONUS(150000;A1:A20;A1:A20;0;-1)",   # without the hook: the negative cap
    "=WORKSHOP_EFFICIENCY(A1:A20;A1:A20;A1:A20)",
]

# One call per entry point, with the sentinel in the first argument.
CALLS = [
    "=FUNNEL_RATE(%s;10)",
    "=FUNNEL_TARGET(%s;0.5)",
    "=TARGET_SPLIT(%s;{1;1};0;1)",
    "=TIERED_BONUS(%s;{0|100000|120000};{0.02|0.03|0.04})",
    "=WORKSHOP_EFFICIENCY(%s;9000;12000;1)",
    "=PAYOUT_CURVE(%s;{0.75|1|1.5};{0.5|1|3})",
    "=KPI_SCORE(%s;30;1;;;\"lower\")",
]

# The same calls without the hook, worked by hand: a negative count, target or
# hours is Err:502; a negative amount below the first threshold earns 0;
# negative sold hours are Err:502 whatever the measure. TARGET_SPLIT rounds
# the total half away from zero to whole units (987654321 for .25, 987654322
# for .5 and .75), splits the magnitude over two equal weights (an odd unit
# goes to the earlier part) and negates: part 1 is -493827161 every time.
# WORKSHOP_EFFICIENCY checks every hours argument whatever the measure;
# PAYOUT_CURVE pays 0 below the first point; a negative days-of-stock actual
# on a lower-is-better measure is Err:502.
WITHOUT_HOOK = ["Err:502", "Err:502", -493827161, 0, "Err:502", 0, "Err:502"]

# Ordinary calls that must still compute with the hook on.
ORDINARY = [
    ("=FUNNEL_RATE(708;4146)", 708 / 4146),
    ("=FUNNEL_TARGET(100;0.8)", 125),
    ("=TARGET_SPLIT(330;{100;70;115};0;3)", 133),
    ("=TIERED_BONUS(150000;{0|100000|120000};{0.02|0.03|0.04})", 3800),
    ("=WORKSHOP_EFFICIENCY(8775;9000;12000)", 0.73125),
    ("=PAYOUT_CURVE(0.9;{0.75|1|1.5};{0.5|1|3})", 0.8),
    ("=KPI_SCORE(25;30;1;;;1)", 1.2),
]


def fill_range_sentinel(sheet):
    """A1 the range sentinel, A2:A20 the numbers 1 .. 19."""
    sheet.getCellByPosition(0, 0).setValue(RANGE_ALLOC_FAILS)
    for i in range(1, 20):
        sheet.getCellByPosition(0, i).setValue(i)


def evaluate(office, formulas):
    """(string, error, value) of each formula, computed in one new document."""
    doc = office.new_calc()
    try:
        sheet = doc.Sheets.getByIndex(0)
        cells = []
        for i, f in enumerate(formulas):
            c = sheet.getCellByPosition(0, i)
            c.setFormula(f)
            cells.append(c)
        doc.calculateAll()
        return [(c.getString(), c.getError(), c.getValue()) for c in cells]
    finally:
        doc.close(True)


def nan_code(x):
    """The error code a Calc error value carries in its NaN payload, or None."""
    if not (isinstance(x, float) and math.isnan(x)):
        return None
    return struct.unpack("<Q", struct.pack("<d", x))[0] & 0xFFFF


def cell(x):
    """A value as Calc passes it to a required range parameter
    (sequence<sequence<any>>): a 1x1 array."""
    return ((x,),)


def direct_calls(functions, first):
    """Each of the five methods called straight through UNO with `first` as
    the first argument (None is an omitted argument), shaped as Calc passes it."""
    return [
        ("funnelRate", lambda: functions.funnelRate(cell(first), cell(10.0), None)),
        ("funnelTarget", lambda: functions.funnelTarget(first, cell(0.5), None)),
        ("targetSplit", lambda: functions.targetSplit(first, cell(1.0), None, 1.0)),
        ("tieredBonus", lambda: functions.tieredBonus(first, cell(0.0), cell(0.02), None, None, None)),
        ("workshopEfficiency", lambda: functions.workshopEfficiency(cell(first), cell(9000.0), cell(12000.0), 1.0)),
    ]


class FaultInjection(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        os.environ["DEALERKPI_FAULT_INJECTION"] = "1"
        try:
            cls.office = Office(harness.profile_dir()).__enter__()
        finally:
            del os.environ["DEALERKPI_FAULT_INJECTION"]
        cls.functions = cls.office.service("org.dealerkpi.calc.Functions")

    @classmethod
    def tearDownClass(cls):
        cls.office.close()

    def test_every_entry_point_maps_every_exception_to_value_error(self):
        for sentinel in (BAD_ALLOC, RUNTIME_ERROR, NON_STD):
            formulas = [call % sentinel for call in CALLS]
            for formula, (text, error, _) in zip(formulas, evaluate(self.office, formulas)):
                self.assertEqual((text, error), ("#VALUE!", 519), formula)
            self.assertTrue(self.office.alive(), "LibreOffice stopped answering after " + sentinel)

    def test_array_results_too(self):
        # FUNNEL_TARGET and TARGET_SPLIT return arrays: the whole block is #VALUE!.
        doc = self.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:A3").setArrayFormula("=FUNNEL_TARGET(%s;{0.8|0.33|0.3})" % BAD_ALLOC)
            sheet.getCellRangeByName("B1:B3").setArrayFormula("=TARGET_SPLIT(%s;{1|2|3})" % RUNTIME_ERROR)
            doc.calculateAll()
            for name in ("A1", "A3", "B1", "B3"):
                c = sheet.getCellRangeByName(name)
                self.assertEqual((c.getString(), c.getError()), ("#VALUE!", 519), name)
        finally:
            doc.close(True)
        self.assertTrue(self.office.alive())

    def test_an_allocation_failure_deep_in_a_call_is_value_error(self):
        doc = self.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            fill_range_sentinel(sheet)
            for i, f in enumerate(RANGE_CALLS):
                sheet.getCellByPosition(1, i).setFormula(f)
            # The same calls over a range that converts: they still compute.
            sheet.getCellByPosition(2, 0).setFormula("=FUNNEL_RATE(A2:A20;A2:A20)")
            doc.calculateAll()
            for i, f in enumerate(RANGE_CALLS):
                c = sheet.getCellByPosition(1, i)
                self.assertEqual((c.getString(), c.getError()), ("#VALUE!", 519), f)
            self.assertEqual(sheet.getCellByPosition(2, 0).getValue(), 1)
        finally:
            doc.close(True)
        self.assertTrue(self.office.alive(), "LibreOffice stopped answering after an allocation failure")
        # And the office still computes afterwards.
        self.assertEqual(evaluate(self.office, ["=FUNNEL_RATE(708;4146)"])[0][1], 0)

    def test_ordinary_calls_still_compute(self):
        formulas = [f for f, _ in ORDINARY]
        results = evaluate(self.office, [call % BAD_ALLOC for call in CALLS] + formulas)
        for (formula, want), (text, error, value) in zip(ORDINARY, results[len(CALLS):]):
            self.assertEqual(error, 0, "%s gave %s" % (formula, text))
            self.assertAlmostEqual(value, want, places=12, msg=formula)

    # The component called straight through UNO, not through Calc.
    def test_no_exception_leaves_an_entry_point(self):
        for sentinel in (BAD_ALLOC, RUNTIME_ERROR, NON_STD):
            for name, call in direct_calls(self.functions, float(sentinel)):
                with self.subTest(method=name, sentinel=sentinel):
                    result = call()  # an exception that escaped raises here
                    self.assertEqual(nan_code(result), 519, "%s(%s) returned %r" % (name, sentinel, result))
        self.assertTrue(self.office.alive())

    def test_ordinary_direct_calls_compute(self):
        f = self.functions
        self.assertAlmostEqual(f.funnelRate(cell(708.0), cell(4146.0), None), 708 / 4146, places=15)
        self.assertEqual(f.funnelTarget(100.0, cell(0.5), None), 200)                  # 100 / 0.5
        self.assertEqual(f.targetSplit(10.0, cell(1.0), None, 1.0), 10)                # one weight takes all
        self.assertEqual(f.tieredBonus(150000.0, cell(0.0), cell(0.02), None, None, None), 3000)  # 150000 * 0.02
        self.assertEqual(f.workshopEfficiency(cell(8775.0), cell(9000.0), cell(12000.0), 1.0), 0.75)  # 9000 / 12000


class WithoutTheHook(harness.OfficeTestCase):
    """An office started without the variable: the sentinels are plain numbers."""

    def test_sentinels_are_ordinary_numbers(self):
        for sentinel in (BAD_ALLOC, RUNTIME_ERROR, NON_STD):
            for call, want in zip(CALLS, WITHOUT_HOOK):
                formula = call % sentinel
                with self.subTest(formula=formula):
                    if isinstance(want, str):
                        self.assertError(formula, want)
                    else:
                        self.assertValue(formula, want)

    def test_direct_calls_with_sentinels_compute(self):
        functions = self.office.service("org.dealerkpi.calc.Functions")
        # Negative count: Err:502; negative target: Err:502; -987654321.25
        # rounded half away from zero, all of it to the one weight; below the
        # first threshold: 0; negative sold hours: Err:502.
        results = [call() for _, call in direct_calls(functions, float(BAD_ALLOC))]
        self.assertEqual([nan_code(r) for r in results[:2]], [502, 502])
        self.assertEqual(results[2:4], [-987654321, 0])
        self.assertEqual(nan_code(results[4]), 502)

    def test_a_range_starting_with_the_range_sentinel_converts(self):
        # Without the hook the sentinel is an ordinary negative number: a
        # negative count, rate, weight or hours, and TIERED_BONUS's negative
        # cap, are Err:502 each.
        doc = self.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            fill_range_sentinel(sheet)
            sheet.getCellByPosition(2, 0).setFormula("=SUM(A1:A20)")
            doc.calculateAll()
            self.assertEqual(sheet.getCellByPosition(2, 0).getValue(), RANGE_ALLOC_FAILS + 190)
            for i, f in enumerate(RANGE_CALLS):
                c = sheet.getCellByPosition(1, i)
                c.setFormula(f)
            doc.calculateAll()
            for i, f in enumerate(RANGE_CALLS):
                self.assertEqual(sheet.getCellByPosition(1, i).getString(), "Err:502", f)
        finally:
            doc.close(True)


if __name__ == "__main__":
    harness.main()
