"""集团年度目标分解 (group_annual.ots), opened as File > New does.

Golden (templates.md section 11): 3 dealers, last year 600 / 300 / 100 cars,
group target 1,100 -> 660 / 330 / 110. The months: the group's seasonality
70, 60, 80, 85, 85, 80, 80, 85, 90, 90, 90, 105 (1,000) splits 1,100 into
77, 66, 88, 94, 93, 88, 88, 93, 99, 99, 99, 116 (x 1.1 floored gives 1,094;
the 6 left go to the .5 remainders, larger weight first). Each dealer's year
is split over what is left of each month after the dealers above it, so the
last dealer takes exactly what is left and every column adds up to the group's
month (worked below with exact fractions, the same rule as TARGET_SPLIT).
"""
import unittest
from fractions import Fraction

from template_checks import TemplateCase

G = "集团目标"
D = "经销商年度"
C = "新车月度"
MO = "售后产值月度"
MONTHS = "DEFGHIJKLMNO"
SEASON = "BCDEFGHIJKLM"


def split(total, weights, decimals=0):
    """TARGET_SPLIT by hand: floors at the precision, the units left to the largest
    remainders (ties: larger weight, then earlier)."""
    unit = Fraction(1, 10 ** decimals)
    total = Fraction(total)
    s = sum(Fraction(w) for w in weights)
    if s == 0:
        weights, s = [1] * len(weights), len(weights)
    exact = [total * Fraction(w) / s for w in weights]
    parts = [(e // unit) * unit for e in exact]
    left = int((total - sum(parts)) / unit)
    for i in sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), -Fraction(weights[i]), i))[:left]:
        parts[i] += unit
    return parts


def two_way(years, months, decimals=0):
    left, out = [Fraction(m) for m in months], []
    for y in years:
        row = split(y, left, decimals)
        out.append(row)
        left = [a - b for a, b in zip(left, row)]
    return out


SEASON_CARS = (70, 60, 80, 85, 85, 80, 80, 85, 90, 90, 90, 105)
SEASON_MONEY = (1500000, 1450000, 1650000, 1600000, 1650000, 1700000, 1700000, 1750000, 1700000, 1750000,
                1800000, 1750000)


def group_fill(cars, money, season_cars=SEASON_CARS, season_money=SEASON_MONEY):
    cells = {"B2": "示例集团", "E2": "2026-01", "D5": cars, "D6": money, "I5": 0.8, "I6": 0.33, "I7": 0.3}
    cells.update({"%s10" % c: v for c, v in zip(SEASON, season_cars)})
    cells.update({"%s11" % c: v for c, v in zip(SEASON, season_money)})
    return {G: cells}


def formula_results(sheet, kinds):
    """The formula cells of `sheet` whose result is of `kinds` (FormulaResult flags), as
    (range name, data array) pairs: one query for the whole sheet (thousands of formulas;
    cell by cell through the API would take minutes)."""
    out = []
    ranges = sheet.queryFormulaCells(kinds)
    for i in range(ranges.Count):
        rng = ranges.getByIndex(i)
        out.append((rng.AbsoluteName, rng.DataArray))
    return out


class GroupAnnual(TemplateCase):
    TEMPLATE = "group_annual.ots"

    def error_cells(self):
        """Every formula cell whose result is an error (the harness's cell-by-cell check, fast)."""
        from com.sun.star.sheet.FormulaResult import ERROR
        self.doc.calculateAll()
        return [name for i in range(self.doc.Sheets.Count)
                for name, _ in formula_results(self.doc.Sheets.getByIndex(i), ERROR)]

    def dealers(self, rows):
        for i, (code, name, cars, money) in enumerate(rows):
            r = 9 + i
            self.fill(D, "A%d" % r, code)
            self.fill(D, "B%d" % r, name)
            self.fill(D, "C%d" % r, cars)
            self.fill(D, "D%d" % r, money)

    def values(self, sheet, rows, cols=MONTHS, first=9):
        s = self.sheet_named(sheet)
        self.doc.calculateAll()
        return [[s.getCellRangeByName("%s%d" % (c, first + i)).getValue() for c in cols] for i in range(rows)]

    def test_example_three_dealers(self):
        self.fill_all(group_fill(1100, 22000000))
        self.dealers([("D001", "示例经销商甲", 600, 12000000), ("D002", "示例经销商乙", 300, 6000000),
                      ("D003", "示例经销商丙", 100, 2000000)])
        self.assertAllShown(D, {"F9": "660", "F10": "330", "F11": "110", "F6": "1,100", "F7": "等于集团目标",
                                "G9": "13,200,000.00", "G10": "6,600,000.00", "G11": "2,200,000.00",
                                "G7": "等于集团目标", "K9": "80%", "L10": "33%", "M11": "30%"})
        self.assertAllShown(G, {"%s12" % c: str(v) for c, v in
                                zip(SEASON, (77, 66, 88, 94, 93, 88, 88, 93, 99, 99, 99, 116))})
        self.assertEqual(self.values(C, 3), [[46, 40, 53, 56, 56, 53, 53, 56, 59, 59, 59, 70],
                                             [23, 19, 26, 29, 28, 26, 26, 28, 30, 30, 30, 35],
                                             [8, 7, 9, 9, 9, 9, 9, 9, 10, 10, 10, 11]])
        self.assertAllShown(C, {"Q6": "行列全部相符", "P9": "660", "Q9": "0", "D8": "0", "O8": "0"})
        self.assertAllShown(MO, {"Q6": "行列全部相符", "D9": "990,000.00", "P11": "2,200,000.00"})
        self.assertEqual(self.error_cells(), [])

    def test_a_month_that_does_not_add_up_is_called_a_difference(self):
        """Q6 speaks of any row or column difference other than 0, above or below (a month cell
        overwritten, as a paste past the protection would)."""
        self.fill_all(group_fill(1100, 22000000))
        self.dealers([("D001", "示例经销商甲", 600, 12000000), ("D002", "示例经销商乙", 300, 6000000),
                      ("D003", "示例经销商丙", 100, 2000000)])
        sheet = self.sheet_named(C)
        sheet.unprotect("")
        for month, shown in ((47, "有差额"), (45, "有差额"), (46, "行列全部相符")):  # 46: the split's own figure
            sheet.getCellRangeByName("D9").setValue(month)  # the dealers below take what is left
            self.assertAllShown(C, {"Q6": shown, "Q9": str(month - 46), "D8": "0"})
        for check in ("D8", "Q9"):  # a column's and a row's difference alone, each way
            formula = sheet.getCellRangeByName(check).Formula
            for difference in (1, -1):
                sheet.getCellRangeByName(check).setValue(difference)
                self.assertAllShown(C, {"Q6": "有差额"})
            sheet.getCellRangeByName(check).Formula = formula
            self.assertAllShown(C, {"Q6": "行列全部相符"})

    def test_thirty_dealers_by_twelve_months_add_up_exactly(self):
        # uneven figures: last year's cars 17..319 and revenue with cents
        rows = [("D%03d" % (i + 1), "经销商%02d" % (i + 1), 17 + (i * 37) % 303, 1000000 + (i * 7919) % 500000 + 0.37 * i)
                for i in range(30)]
        season_money = [1234567.89 + 98765.43 * ((j * 5) % 12) for j in range(12)]
        season_cars = [41 + (j * 7) % 13 for j in range(12)]
        self.fill_all(group_fill(4321, 98765432.1, season_cars, season_money))
        self.dealers(rows)
        years = split(4321, [r[2] for r in rows])
        months = split(4321, season_cars)
        expected = two_way(years, months)
        got = self.values(C, 30)
        self.assertEqual(got, [[float(x) for x in row] for row in expected])
        self.assertEqual(self.values(D, 30, "F"), [[float(y)] for y in years])
        # every row adds up to the dealer's year, every column to the group's month, none negative
        for i, row in enumerate(got):
            self.assertEqual(sum(row), float(years[i]))
        for j in range(12):
            self.assertEqual(sum(row[j] for row in got), float(months[j]))
        self.assertGreaterEqual(min(min(row) for row in got), 0)
        # money to the cent, the same both ways
        myears = split(Fraction("98765432.1"), [Fraction(str(r[3])) for r in rows], 2)
        mmonths = split(Fraction("98765432.1"), [Fraction(str(round(m, 2))) for m in season_money], 2)
        mexpected = two_way(myears, mmonths, 2)
        mgot = self.values(MO, 30)
        self.assertEqual([[round(v, 2) for v in row] for row in mgot],
                         [[float(x) for x in row] for row in mexpected])
        self.assertAllShown(C, {"Q6": "行列全部相符"})
        self.assertAllShown(MO, {"Q6": "行列全部相符"})
        self.assertEqual(self.error_cells(), [])

    def test_typed_shares_replace_last_year(self):
        self.fill_all(group_fill(1100, 22000000))
        self.dealers([("D001", "甲", 600, 12000000), ("D002", "乙", 300, 6000000), ("D003", "丙", 100, 2000000)])
        for r, share in ((9, 0.5), (10, 0.3), (11, 0.2)):
            self.fill(D, "E%d" % r, share)
        # 1,100 x 50 % / 30 % / 20 %
        self.assertAllShown(D, {"F9": "550", "F10": "330", "F11": "220", "G11": "4,400,000.00"})
        # a dealer's own rate target replaces the group's
        self.fill(D, "H10", 0.85)
        self.assertAllShown(D, {"K10": "85%", "K9": "80%"})

    def test_empty_template_shows_no_errors(self):
        from com.sun.star.sheet.FormulaResult import STRING, VALUE
        self.assertEqual(self.error_cells(), [])
        for sheet in (G, D, C, MO):
            s = self.sheet_named(sheet)
            # nothing but blanks (and the helper columns' zeros) while nothing is typed
            shown = [(name, v) for name, data in formula_results(s, STRING | VALUE)
                     for row in data for v in row if v not in ("", 0.0)]
            self.assertEqual(shown, [], sheet)

    def test_stamp_names_and_protection(self):
        self.assertEqual(self.stamp(), ("group_annual", 2))
        names = self.named_cells()
        self.assertEqual(names["交车数_目标_月度"], "%s.D9:O508" % C)
        self.assertEqual(names["售后产值目标_月度"], "%s.D9:O508" % MO)
        self.assertEqual(names["经销商代码_表"], "%s.A9:A508" % D)
        for i in range(self.doc.Sheets.Count):
            self.assertTrue(self.doc.Sheets.getByIndex(i).isProtected())
        for sheet, cells in {G: ["D5", "D6", "I5", "B10", "M11"], D: ["A9", "B508", "C9", "E9", "H9", "J508"]}.items():
            for name in cells:
                self.assertFalse(self.at(sheet, name).CellProtection.IsLocked, name)
                self.assertFalse(self.at(sheet, name).getFormula().startswith("="), name)
        for sheet, cells in {G: ["B12", "M13"], D: ["F9", "G508", "K9", "O9"], C: ["A9", "D9", "O508", "Q508", "T9", "AE508"],
                             MO: ["D9", "O508", "AE508"]}.items():
            for name in cells:
                self.assertTrue(self.at(sheet, name).CellProtection.IsLocked, name)
                self.assertTrue(self.at(sheet, name).getFormula().startswith("="), name)
        self.assertPrintSetup()

if __name__ == "__main__":
    unittest.main()
