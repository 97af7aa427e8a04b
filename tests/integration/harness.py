"""Shared base for tests that run formulas in a real LibreOffice.

Each TestCase class gets one soffice (a private copy of the fixture profile
named by DEALERKPI_PROFILE, which has the built .oxt installed) and a fresh
Calc document per test.
"""
import math
import os
import shutil
import tempfile
import unittest

from office import Office, enter, prepare_profile

# Calc's error texts and codes; Err:504 ("error in parameter list") is what Calc shows
# when a range argument holds an error cell.
ERR = {"Err:502": 502, "Err:504": 504, "#VALUE!": 519, "#DIV/0!": 532, "#NUM!": 503, "#NAME?": 525, "#N/A": 32767}


def profile_dir():
    """The fixture profile; built on the spot when a test file runs alone."""
    profile = os.environ.get("DEALERKPI_PROFILE")
    if profile and os.path.isdir(profile):
        return profile
    build = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
    profile = os.path.join(build, "test-profile-lo" + os.environ.get("DEALERKPI_OFFICE_VERSION", "7.4"))
    prepare_profile(os.environ.get("DEALERKPI_OXT", os.path.join(build, "dealerkpi.oxt")), profile)
    return profile


class OfficeTestCase(unittest.TestCase):
    office = None

    @classmethod
    def setUpClass(cls):
        cls.office = Office(profile_dir()).__enter__()
        cls.tmp = tempfile.mkdtemp(prefix="dealerkpi-test-")

    @classmethod
    def tearDownClass(cls):
        if cls.office:
            cls.office.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.doc = self.office.new_calc()
        self.sheet = self.doc.Sheets.getByIndex(0)

    def tearDown(self):
        try:
            self.doc.close(True)
        except Exception:
            pass

    # -- helpers -----------------------------------------------------------------
    def cell(self, name):
        return self.sheet.getCellRangeByName(name)

    def put(self, name, value):
        """Enter a value as a user would: numbers as numbers, text as text,
        None clears the cell, a string starting with '=' is a formula."""
        enter(self.cell(name), value)

    def put_column(self, top_left, values):
        col = self.cell(top_left).getCellAddress()
        for i, v in enumerate(values):
            enter(self.sheet.getCellByPosition(col.Column, col.Row + i), v)

    def evaluate(self, formula, where="Z1"):
        """Sets `formula` (English names, ';') in one cell and recalculates.
        Returns (value, displayed string, error code)."""
        c = self.cell(where)
        c.setFormula(formula)
        self.doc.calculateAll()
        return c.getValue(), c.getString(), c.getError()

    def evaluate_array(self, formula, where):
        """Enters `formula` as an array formula over range `where`; returns
        the rows of (value, string, error)."""
        r = self.cell(where)
        r.setArrayFormula(formula)
        self.doc.calculateAll()
        a = r.getRangeAddress()
        return [[(c.getValue(), c.getString(), c.getError())
                 for c in (self.sheet.getCellByPosition(col, row)
                           for col in range(a.StartColumn, a.EndColumn + 1))]
                for row in range(a.StartRow, a.EndRow + 1)]

    def assertValue(self, formula, expected, places=9):
        value, text, error = self.evaluate(formula)
        self.assertEqual(error, 0, "%s gave %s" % (formula, text))
        self.assertTrue(math.isfinite(value))
        self.assertAlmostEqual(value, expected, places=places, msg=formula)

    def assertError(self, formula, error_text):
        value, text, error = self.evaluate(formula)
        self.assertEqual(text, error_text, formula)
        self.assertEqual(error, ERR[error_text], formula)


def main():
    unittest.main(verbosity=2)
