"""What a cell shows, not only its value: number formats for the function tests."""
import harness
from com.sun.star.lang import Locale

PERCENT_1 = "0.0%"
PERCENT_0 = "0%"
COUNT = "#,##0"
MONEY = "#,##0.00"

ERR = harness.ERR


class CalcCase(harness.OfficeTestCase):
    """Adds number formats to the harness: what a cell shows, not only its value."""

    def format_key(self, code):
        formats = self.doc.NumberFormats
        english = Locale("en", "US", "")
        key = formats.queryKey(code, english, False)
        return key if key != -1 else formats.addNew(code, english)

    def shown(self, formula, code, where="Z1"):
        """(value, displayed text, error) of `formula` in a cell formatted `code`."""
        self.cell(where).NumberFormat = self.format_key(code)
        return self.evaluate(formula, where)

    def assertShown(self, formula, code, value, text, places=9):
        got, shown, error = self.shown(formula, code)
        self.assertEqual(error, 0, "%s gave %s" % (formula, shown))
        self.assertAlmostEqual(got, value, places=places, msg=formula)
        self.assertEqual(shown, text, formula)

    def assertArrayShown(self, formula, where, code, rows):
        """Array formula over `where`; rows of (value, displayed text)."""
        self.cell(where).NumberFormat = self.format_key(code)
        got = self.evaluate_array(formula, where)
        self.assertEqual(len(got), len(rows), formula)
        for got_row, want_row in zip(got, rows):
            self.assertEqual(len(got_row), len(want_row), formula)
            for (value, text, error), (want_value, want_text) in zip(got_row, want_row):
                self.assertEqual(error, 0, "%s gave %s" % (formula, text))
                self.assertAlmostEqual(value, want_value, places=6, msg=formula)
                self.assertEqual(text, want_text, formula)

    def assertArray(self, formula, where, rows, places=9):
        """Array formula over `where`; `rows` of expected numbers (or error texts)."""
        got = self.evaluate_array(formula, where)
        self.assertEqual([len(r) for r in got], [len(r) for r in rows], formula)
        for got_row, want_row in zip(got, rows):
            for (value, text, error), want in zip(got_row, want_row):
                if isinstance(want, str):
                    self.assertEqual((text, error), (want, ERR[want]), formula)
                else:
                    self.assertEqual(error, 0, "%s gave %s" % (formula, text))
                    self.assertAlmostEqual(value, want, places=places, msg=formula)

    def assertError(self, formula, error_text):
        value, text, error = self.evaluate(formula)
        self.assertEqual((text, error), (error_text, ERR[error_text]), formula)

    def assertErrors(self, cases):
        """`cases`: (formula, error text) pairs, each checked in its own subTest."""
        for formula, error_text in cases:
            with self.subTest(formula=formula):
                self.assertError(formula, error_text)

    def assertValues(self, cases, places=9):
        """`cases`: (formula, expected number) pairs, each in its own subTest."""
        for formula, expected in cases:
            with self.subTest(formula=formula):
                self.assertValue(formula, expected, places)
