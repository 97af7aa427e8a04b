"""dealerkpi-group distribute from the group's annual plan, end to end: a
集团年度目标分解 filled in the real office and saved as .ods is the --dealers
file; each dealer's file of --month carries that month's targets from the plan
(交车数_目标 and the rate targets for the strategy table, 售后产值目标 for the
workshop table), and a month outside the plan's year is refused."""
import os
import unittest

from group_files import STRATEGY, WORKSHOP, FilesCase, named_cells, run_cli, save
from office import enter
from template_harness import installed_templates

SEASON = (70, 60, 80, 85, 85, 80, 80, 85, 90, 90, 90, 105)
MONEY = (1500000, 1450000, 1650000, 1600000, 1650000, 1700000, 1700000, 1750000, 1700000, 1750000, 1800000,
         1750000)
DEALERS = (("D001", "示例经销商甲", 600, 12000000), ("D002", "示例经销商乙", 300, 6000000),
           ("D003", "示例经销商丙", 100, 2000000))
# November (worked in test_group_annual): cars 59 / 30 / 10 of 99; money 1,188,000 / 594,000 / 198,000
NOVEMBER_CARS = {"D001": 59, "D002": 30, "D003": 10}
NOVEMBER_MONEY = {"D001": 1188000, "D002": 594000, "D003": 198000}


def write_plan(office, path, before=None):
    """The plan of 2026 (SEASON, MONEY, DEALERS) made from the installed template and
    saved at `path`; `before(doc)` runs on the new document before anything is entered."""
    doc = office.load(installed_templates(office)["group_annual.ots"], as_template=True)
    try:
        if before:
            before(doc)
        g, d = doc.Sheets.getByName("集团目标"), doc.Sheets.getByName("经销商年度")
        for cell, value in (("B2", "示例集团"), ("E2", "2026-01"), ("D5", 1100), ("D6", 22000000),
                            ("I5", 0.8), ("I6", 0.33), ("I7", 0.3)):
            enter(g.getCellRangeByName(cell), value)
        for j in range(12):
            enter(g.getCellByPosition(1 + j, 9), SEASON[j])
            enter(g.getCellByPosition(1 + j, 10), MONEY[j])
        for i, row in enumerate(DEALERS):
            for c, value in enumerate(row):
                enter(d.getCellByPosition(c, 8 + i), value)
        enter(d.getCellRangeByName("H10"), 0.85)   # 乙's own 订单交车率 target
        doc.calculateAll()
        save(doc, path)
    finally:
        doc.close(True)
    return path


class DistributeFromAnnualPlan(FilesCase):
    TMP_PREFIX = "dealerkpi-annual-"

    @classmethod
    def _make(cls):
        cls.plan = write_plan(cls.office, os.path.join(cls.tmp, "集团年度目标分解.ods"))

    def distributed(self, template, out):
        res = run_cli("distribute", "--template", template, "--dealers", self.plan, "--month", "2026-11", "--out", out)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        files = sorted(os.listdir(out))
        self.assertEqual(len(files), 3, files)
        return {f.split("_")[0]: os.path.join(out, f) for f in files}

    def test_strategy_tables_carry_the_months_targets(self):
        files = self.distributed(STRATEGY, os.path.join(self.tmp, "strategy"))
        for code, path in files.items():
            doc = self.office.load(path)
            try:
                self.assertEqual(named_cells(doc, "交车数_目标")[0].getValue(), NOVEMBER_CARS[code], code)
                rate = named_cells(doc, "订单交车率_目标")[0].getValue()
                self.assertAlmostEqual(rate, 0.85 if code == "D002" else 0.8, places=12)
                self.assertAlmostEqual(named_cells(doc, "报价订单率_目标")[0].getValue(), 0.33, places=12)
                self.assertEqual(named_cells(doc, "经销商")[0].getString(), dict((r[0], r[1]) for r in DEALERS)[code])
            finally:
                doc.close(True)

    def test_workshop_tables_carry_the_months_after_sales_target(self):
        files = self.distributed(WORKSHOP, os.path.join(self.tmp, "workshop"))
        for code, path in files.items():
            doc = self.office.load(path)
            try:
                self.assertEqual(named_cells(doc, "售后产值目标")[0].getValue(), NOVEMBER_MONEY[code], code)
            finally:
                doc.close(True)

    def test_a_month_of_another_year_is_refused(self):
        out = os.path.join(self.tmp, "wrong-year")
        res = run_cli("distribute", "--template", STRATEGY, "--dealers", self.plan, "--month", "2027-11", "--out", out)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("2026 年的计划", res.stdout + res.stderr)
        self.assertFalse(os.path.isdir(out) and os.listdir(out))


if __name__ == "__main__":
    unittest.main()
