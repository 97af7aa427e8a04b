"""Dates in the 1904 date system (Excel's Mac option; Calc: Tools > Options > Calc >
Calculate > Date 1904, the document's NullDate 1904-01-01), end to end through the
real office: a strategy table whose 月份 is typed as a date of 2026-11, saved as .ods
and as .xlsx, is rolled up as 2026-11 beside files of the 1899-12-30 system, with
the figures the dealer typed; and a 集团年度目标分解 in the 1904 system is read by
`distribute --dealers` as the plan of its own year and month."""
import datetime
import os
import unittest
import zipfile

import uno  # noqa: F401  (before the com.sun.star imports)
from com.sun.star.util import Date

from group_files import (NO_STAMP_NOTE, STRATEGY, DealerFiles, FilesCase, assert_summary_rows, expected_strategy,
                         month_serial, named_cells, run_cli, save, set_named, strategy_values, table)
from office import file_url, props
from test_group_annual_distribute import NOVEMBER_CARS, write_plan

MONTH = "2026-11"
NULL_1904 = Date(Day=1, Month=1, Year=1904)
DAYS_1899_TO_1904 = (datetime.date(1904, 1, 1) - datetime.date(1899, 12, 30)).days  # 1462
COUNTS = ("交车数_目标", "订单数_预计", "交车数_实际", "订单数_实际", "报价数_实际", "进店线索数_实际", "线索数_实际")
RATES = {"订单交车率_目标": ("交车数_目标", "订单数_预计"), "交车数_达成率": ("交车数_实际", "交车数_目标")}


def null_date_of(doc):
    d = doc.NullDate
    return (d.Year, d.Month, d.Day)


class NullDate1904(FilesCase):
    TMP_PREFIX = "dealerkpi-nulldate-"

    @classmethod
    def _make(cls):
        cls.files = DealerFiles(cls.office)
        cls.inbox = os.path.join(cls.tmp, "回收")
        os.makedirs(cls.inbox)
        cls.typed = {}
        for i, ext in enumerate((".ods", ".xlsx")):  # the 1899-12-30 system, as every test makes them
            path, typed = cls.files.good(cls.inbox, STRATEGY, "旧历%d店" % i, MONTH, i=i, ext=ext)
            cls.typed[typed["经销商"]] = dict(expected_strategy(strategy_values(i)), file=path)
        for i, ext in ((2, ".ods"), (3, ".xlsx")):
            dealer = "一九零四%s店" % ext[1:]
            cls.typed[dealer] = dict(expected_strategy(strategy_values(i)), file=cls._file_1904(dealer, i, ext))
        cls.out = os.path.join(cls.tmp, "集团汇总.ods")
        cls.rollup = run_cli("rollup", "--out", cls.out, cls.inbox)
        cls.plan = cls._plan_1904()

    @classmethod
    def _file_1904(cls, dealer, i, ext):
        """A strategy table in the 1904 date system, 月份 typed as the date 2026-11-01."""
        path = os.path.join(cls.inbox, "%s_%s%s" % (dealer, MONTH, ext))
        doc = cls.files.new(STRATEGY)
        try:
            doc.NullDate = NULL_1904
            cls.files.fill(doc, STRATEGY, dealer, None, strategy_values(i))
            set_named(doc, "月份", month_serial(MONTH) - DAYS_1899_TO_1904)
            doc.calculateAll()
            save(doc, path)
        finally:
            doc.close(True)
        return path

    @classmethod
    def _plan_1904(cls):
        return write_plan(cls.office, os.path.join(cls.tmp, "集团年度目标分解_1904.ods"),
                          before=lambda doc: setattr(doc, "NullDate", NULL_1904))

    def open(self, path):
        return self.office.desktop.loadComponentFromURL(file_url(path), "_blank", 0,
                                                        props(Hidden=True, ReadOnly=True))

    # -- the files are what the tests say they are -------------------------------------------
    def test_the_files_are_in_the_1904_system_and_show_2026_11(self):
        for dealer in ("一九零四ods店", "一九零四xlsx店"):
            doc = self.open(self.typed[dealer]["file"])
            try:
                self.assertEqual(null_date_of(doc), (1904, 1, 1), dealer)
                cell = named_cells(doc, "月份")[0]
                self.assertEqual(cell.getValue(), month_serial(MONTH) - DAYS_1899_TO_1904, dealer)
                # the template shows the date as its month (月份_首日: the first day of it)
                first = named_cells(doc, "月份_首日")[0]
                self.assertEqual(first.getValue(), month_serial(MONTH) - DAYS_1899_TO_1904, dealer)
            finally:
                doc.close(True)
        with zipfile.ZipFile(self.typed["一九零四xlsx店"]["file"]) as z:
            self.assertRegex(z.read("xl/workbook.xml").decode(), r'date1904="(true|1)"')

    # -- roll-up -----------------------------------------------------------------------------
    def test_rollup_takes_the_1904_files_as_2026_11(self):
        self.assertEqual(self.rollup.returncode, 0, self.rollup.stdout + self.rollup.stderr)
        doc = self.open(self.out)
        try:
            cols, body = table(doc, "问题清单")
            body = [r for r in body if not r[cols["原因"]].startswith(NO_STAMP_NOTE)]
            self.assertEqual(body, [])
            assert_summary_rows(self, doc, self.typed, MONTH, COUNTS, RATES)
        finally:
            doc.close(True)

    # -- the annual plan -----------------------------------------------------------------------
    def test_distribute_reads_a_1904_plan_as_its_own_year(self):
        out = os.path.join(self.tmp, "下发")
        res = run_cli("distribute", "--template", STRATEGY, "--dealers", self.plan, "--month", MONTH, "--out", out)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        files = sorted(os.listdir(out))
        self.assertEqual(len(files), 3, files)
        for f in files:
            doc = self.open(os.path.join(out, f))
            try:
                code = f.split("_")[0]
                self.assertEqual(named_cells(doc, "交车数_目标")[0].getValue(), NOVEMBER_CARS[code], code)
                self.assertEqual(named_cells(doc, "月份")[0].getString(), MONTH, code)
            finally:
                doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
