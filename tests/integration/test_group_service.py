"""The group workflow's service (org.dealerkpi.group.Workflow) in a real office:
readDealerFile on good files of both kinds (.ods, .xlsx, .xls) and on one of
each bad kind, writeRollup's three sheets against figures worked out here
from what was typed, the same records in another order, distribute from an
.ods and a .csv dealers table with a bad row of each kind, no lock files, no
macro run, the menu path, the crash hook.
"""
import os

# This process must know the group workflow's types to call the service: the
# office's own types plus group.rdb, for this process only (the office started
# below must not inherit it, or it would lose the add-in's types). The office's
# own: those of the office this Python's bridge belongs to (LO_PROGRAM_DIR, set
# by scripts/office-python); 7.4's types under 25.2's bridge make the office drop
# the bridge at the first call that carries a type the two describe differently.
_PROGRAM = "file://%s/" % os.environ.get("LO_PROGRAM_DIR", "/usr/lib/libreoffice/program").rstrip("/")
os.environ["UNO_TYPES"] = "%stypes.rdb %stypes/offapi.rdb %s" % (_PROGRAM, _PROGRAM, "file://" + os.path.join(
    os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../build")),
    "group.rdb"))
import uno  # noqa: E402

del os.environ["UNO_TYPES"]

import csv  # noqa: E402
import decimal  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402
import zipfile  # noqa: E402

import group_files as gf
from group_files import sha, shown_count
import harness
from office import Office, file_url, props

SERVICE = "org.dealerkpi.group.Workflow"


def shown_rate(x):
    """How a 0% cell shows x (Calc rounds half away from zero)."""
    d = decimal.Decimal(repr(x * 100)).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)
    return "%d%%" % d


def shown_money(x):
    d = decimal.Decimal(repr(x)).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    return "{:,.2f}".format(d)


def values_of(record):
    return {nv.Name: nv.Value for nv in record.Values}


def sheet_table(doc, name):
    """Every used cell of a sheet as displayed: rows of strings."""
    sheet = doc.Sheets.getByName(name)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    rows = cursor.RangeAddress.EndRow + 1
    cols = cursor.RangeAddress.EndColumn + 1
    rng = sheet.getCellRangeByPosition(0, 0, cols - 1, rows - 1)
    return [[rng.getCellByPosition(c, r).getString() for c in range(cols)] for r in range(rows)]


def table_rows(table):
    """{title: column} and the data rows under the header row (经销商 in it)."""
    for i, row in enumerate(table):
        if "经销商" in row[:3] or row[:1] == ["文件"]:
            header = {t: k for k, t in enumerate(row) if t}
            return header, table[i + 1:]
    raise AssertionError("no header row")


class GroupCase(harness.OfficeTestCase):
    ENV = {}

    @classmethod
    def setUpClass(cls):
        saved = {k: os.environ.get(k) for k in cls.ENV}
        os.environ.update(cls.ENV)
        try:
            super().setUpClass()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        cls.wf = cls.office.service(SERVICE)
        cls.files = gf.DealerFiles(cls.office)


class ReadAndRollUp(GroupCase):
    N = 6
    MONTH = "2026-11"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.good_dir = os.path.join(cls.tmp, "good")
        cls.good = cls.files.good_set(cls.good_dir, cls.N, cls.MONTH, xlsx_every=3)
        # one .xls of each kind
        for kind in gf.KINDS:
            path, typed = cls.files.good(cls.good_dir, kind, "旧格式店", cls.MONTH, i=11, ext=".xls")
            cls.good.append((path, kind, typed))
        cls.bad_dir = os.path.join(cls.tmp, "bad")
        cls.marker = os.path.join(cls.tmp, "macro-ran.txt")
        cls.bad = cls.files.bad_set(cls.bad_dir, cls.MONTH, marker=cls.marker)
        # another month, and a repeat of a dealer-month already sent
        cls.other_month, _ = cls.files.good(cls.bad_dir, gf.STRATEGY, "经销商001", "2026-10", i=0)
        cls.repeat, _ = cls.files.good(cls.bad_dir, gf.STRATEGY, "经销商002", cls.MONTH, i=1, ext=".ods")
        os.rename(cls.repeat, os.path.join(cls.bad_dir, "zz_repeat.ods"))
        cls.repeat = os.path.join(cls.bad_dir, "zz_repeat.ods")
        cls.hashes = {p: sha(p) for p in cls.all_paths()}
        cls.records = {p: cls.wf.readDealerFile(file_url(p)) for p in cls.all_paths()}

    @classmethod
    def all_paths(cls):
        return [p for p, _k, _t in cls.good] + list(cls.bad.values()) + [cls.other_month, cls.repeat]

    # -- readDealerFile ------------------------------------------------------------
    def test_good_files_are_read_at_their_names(self):
        for path, kind, typed in self.good:
            rec = self.records[path]
            with self.subTest(file=os.path.basename(path)):
                self.assertEqual(list(rec.Problems), [])
                self.assertEqual(gf.notes_of(rec), [])
                self.assertEqual(rec.Kind, kind)
                self.assertEqual(rec.Version, 2)
                self.assertEqual(rec.Dealer, typed["经销商"])
                self.assertEqual(rec.Month, self.MONTH)
                got = values_of(rec)
                want = gf.expected_strategy(typed) if kind == gf.STRATEGY else typed
                for name, value in want.items():
                    if name in ("经销商", "月份"):
                        continue
                    if isinstance(value, list):
                        self.assertEqual(list(got[name]), value, name)
                    else:
                        self.assertAlmostEqual(got[name], value, delta=abs(value) * 1e-12, msg=name)
                self.assertEqual(set(got), set(gf.STRATEGY_NAMES if kind == gf.STRATEGY else gf.WORKSHOP_NAMES))

    def test_month_as_a_dealer_types_it_and_rates_as_fractions(self):
        """A dealer types the month as 2026年11月 (or 2026/11: 月份 then holds text):
        read as the template understands it. A rate cell holds the fraction (0.8 for
        80 %): a rate typed as 80 is refused, never read as 80 % nor as 8,000 %."""
        typed = gf.strategy_values(5)
        points = dict(typed, 订单交车率_目标=round(typed["订单交车率_目标"] * 100, 6))
        path = os.path.join(self.tmp, "typed_points.ods")
        doc = self.files.new(gf.STRATEGY)
        try:
            self.files.fill(doc, gf.STRATEGY, "手填店", self.MONTH, points)
            gf.save(doc, path)
        finally:
            doc.close(True)
        rec = self.wf.readDealerFile(file_url(path))
        self.assertEqual(len(rec.Problems), 1, list(rec.Problems))
        self.assertEqual((rec.Problems[0].Code, rec.Problems[0].Cell), ("out_of_range", "订单交车率_目标"))
        self.assertTrue(rec.Problems[0].TextZh.startswith("订单交车率_目标 的值 %g 超出范围" % points["订单交车率_目标"]),
                        rec.Problems[0].TextZh)
        for spelling in ("2026年11月", "2026/11"):
            with self.subTest(month=spelling):
                path = os.path.join(self.tmp, "typed_%s.ods" % spelling.replace("/", "-"))
                doc = self.files.new(gf.STRATEGY)
                try:
                    self.files.fill(doc, gf.STRATEGY, "手填店", None, typed)
                    gf.set_named(doc, "月份", spelling)
                    doc.calculateAll()
                    gf.save(doc, path)
                finally:
                    doc.close(True)
                rec = self.wf.readDealerFile(file_url(path))
                self.assertEqual(list(rec.Problems), [])
                self.assertEqual(rec.Month, self.MONTH)
                got = values_of(rec)
                for name, value in gf.expected_strategy(typed).items():
                    self.assertAlmostEqual(got[name], value, delta=abs(value) * 1e-12, msg=name)

    def test_bad_files_say_why(self):
        expect = {  # case: (code, cell, Chinese text)
            "corrupt_zip": ("broken_file", "", "无法打开"), "truncated": ("broken_file", "", "无法打开"),
            "password": ("password", "", "密码"),
            "text_as_ods": ("not_spreadsheet", "", "不是电子表格"), "not_spreadsheet": ("not_spreadsheet", "", "不是电子表格"),
            "not_template": ("not_dealerkpi", "", "不是 DealerKPI 模板"),
            "unknown_version": ("unknown_version", "", "未知的模板版本 9"),
            "blank_required": ("required_blank", "交车数_实际", "必填单元格 交车数_实际 未填写"),
            "error_required": ("formula_in_input", "交车数_实际", "单元格 交车数_实际 应填写数值，文件中却是公式 =1/0"),
        }
        for case, (code, cell, text) in expect.items():
            rec = self.records[self.bad[case]]
            with self.subTest(case=case):
                self.assertEqual(len(rec.Problems), 1, [p.TextZh for p in rec.Problems])
                p = rec.Problems[0]
                self.assertEqual((p.Code, p.Cell), (code, cell), p.TextZh)
                self.assertIn(text, p.TextZh)
                self.assertTrue(p.TextEn and p.TextEn != p.TextZh, p.TextEn)

    def test_macro_is_read_as_data_and_never_run(self):
        rec = self.records[self.bad["macro"]]
        self.assertEqual(list(rec.Problems), [])
        notes = [n for n in rec.Notes if n.Code != "no_code_stamp"]
        self.assertEqual([n.Code for n in notes], ["macros"])
        self.assertIn("宏", notes[0].TextZh)
        self.assertIn("macros", notes[0].TextEn)
        self.assertEqual(values_of(rec)["交车数_实际"], gf.strategy_values(8)["交车数_实际"])
        self.assertFalse(os.path.exists(self.marker))

    def test_lo25_xlsx_is_recomputed_from_its_inputs(self):
        """Its add-in calls are spelled as 25.2 writes them: its computed names are
        recomputed by the installed template from its inputs, like any file's."""
        with __import__("zipfile").ZipFile(self.bad["xlsx_lo25"]) as z:
            sheets = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
        self.assertIn(b"FUNNEL_TARGET(", sheets)
        self.assertNotIn(b"ORG.DEALERKPI", sheets.upper())
        rec = self.records[self.bad["xlsx_lo25"]]
        self.assertEqual(list(rec.Problems), [])
        self.assertEqual([n.Code for n in rec.Notes if n.Code != "no_code_stamp"], [])
        got = values_of(rec)
        want = gf.expected_strategy(gf.strategy_values(9))
        for name in ("订单数_预计", "报价数_预计", "进店线索数_预计", "交车数_实际"):
            self.assertAlmostEqual(got[name], want[name], delta=want[name] * 1e-12, msg=name)

    def test_files_are_left_as_they_were(self):
        for path in self.all_paths():
            self.assertEqual(sha(path), self.hashes[path], path)
        self.assertEqual(gf.lock_files(self.tmp), [])

    def test_empty_group_summary_shows_no_error(self):
        from template_harness import error_cells_of, installed_templates
        doc = self.office.load(installed_templates(self.office)["group_summary.ots"], as_template=True)
        try:
            doc.calculateAll()
            self.assertEqual(error_cells_of(doc), [])
            self.assertEqual(doc.DocumentProperties.Title, "集团汇总")
            header, rows = table_rows(sheet_table(doc, "汇总"))
            self.assertEqual([t for t in header if t in gf.STRATEGY_NAMES], list(gf.STRATEGY_NAMES))
        finally:
            doc.close(True)

    # -- writeRollup -----------------------------------------------------------------
    def rollup(self, records, name, month=""):
        out = os.path.join(self.tmp, name)
        summary = self.wf.writeRollup(tuple(records), month, file_url(out), False)
        doc = self.office.load(out)
        try:
            tables = {s: sheet_table(doc, s) for s in ("汇总", "售后汇总", "问题清单")}
        finally:
            doc.close(True)
        return summary, tables

    def test_rollup_figures(self):
        summary, tables = self.rollup(self.records.values(), "group.ods")
        strategy = [t for p, k, t in self.good if k == gf.STRATEGY]
        workshop = [t for p, k, t in self.good if k == gf.WORKSHOP]
        # + the macro file and the 25.2 .xlsx; − 经销商002, sent twice (neither file is taken);
        # notes: the macro, and every file taken without distribute's stamp
        taken = len(strategy) + 2 - 1 + len(workshop)
        self.assertEqual((summary.TakenStrategy, summary.TakenWorkshop, summary.Notes),
                         (len(strategy) + 2 - 1, len(workshop), taken + 1))
        self.assertEqual(summary.NotTaken, len(self.records) - taken)
        self.assertEqual((summary.Month, summary.Url), ("2026-11", file_url(os.path.join(self.tmp, "group.ods"))))

        # 汇总: the good strategy files, the macro file and the 25.2 .xlsx
        taken = [gf.expected_strategy(t) for t in strategy if t["经销商"] != "经销商002"]
        taken += [gf.expected_strategy(dict(gf.strategy_values(i), 经销商=d)) for i, d in ((8, "宏店"), (9, "新版本店"))]
        header, rows = table_rows(tables["汇总"])
        self.assertEqual(len(rows), len(taken) + 1)
        dealers = [r[header["经销商"]] for r in rows[:-1]]
        self.assertEqual(sorted(dealers), sorted(t["经销商"] for t in taken))
        ach = {t["经销商"]: t["交车数_实际"] / t["交车数_目标"] for t in taken}
        self.assertEqual(dealers, sorted(dealers, key=lambda d: (-ach[d], d)))
        self.assertEqual([r[header["排名"]] for r in rows[:-1]], [str(i + 1) for i in range(len(taken))])
        for r in rows[:-1]:
            self.assertEqual(r[header["交车数_达成率"]], shown_rate(ach[r[header["经销商"]]]))
        total = rows[-1]
        self.assertEqual(total[header["经销商"]], "集团合计")
        self.assertEqual(total[header["月份"]], self.MONTH)
        s = lambda name: sum(t[name] for t in taken)  # noqa: E731
        for name in ("交车数_目标", "订单数_预计", "报价数_预计", "进店线索数_预计", "线索数_预计",
                     "交车数_实际", "订单数_实际", "报价数_实际", "进店线索数_实际", "线索数_实际"):
            self.assertEqual(total[header[name]], shown_count(s(name)), name)
        # rates pooled over the dealers' counts, never the mean of their rates
        self.assertEqual(total[header["订单交车率_目标"]], shown_rate(s("交车数_目标") / s("订单数_预计")))
        self.assertEqual(total[header["报价订单率_目标"]], shown_rate(s("订单数_预计") / s("报价数_预计")))
        self.assertEqual(total[header["进店线索报价率_目标"]], shown_rate(s("报价数_预计") / s("进店线索数_预计")))
        self.assertEqual(total[header["交车数_达成率"]], shown_rate(s("交车数_实际") / s("交车数_目标")))
        self.assertEqual(total[header["线索数_达成率"]], shown_rate(s("线索数_实际") / s("线索数_预计")))
        mean = sum(ach.values()) / len(ach)
        self.assertNotEqual(shown_rate(mean), total[header["交车数_达成率"]], "pick values where pooled != mean")

        # 售后汇总
        header, rows = table_rows(tables["售后汇总"])
        self.assertEqual(len(rows), len(workshop) + 1)
        total = rows[-1]
        self.assertEqual(total[header["经销商"]], "集团合计")
        for k, trade in enumerate(gf.TRADES):
            for name in ("可售工时", "生产工时", "销售工时"):
                self.assertEqual(total[header["%s_%s" % (name, trade)]],
                                 shown_money(sum(t[name][k] for t in workshop)), name + trade)
        sold = sum(sum(t["销售工时"]) for t in workshop)
        avail = sum(sum(t["可售工时"]) for t in workshop)
        self.assertEqual(total[header["总效率_合计"]], shown_rate(sold / avail))
        self.assertEqual(total[header["售后产值目标"]], shown_money(sum(t["售后产值目标"] for t in workshop)))
        eff = [sum(t["销售工时"]) / sum(t["可售工时"]) for t in workshop]
        self.assertEqual([r[header["总效率_合计"]] for r in rows[:-1]], [shown_rate(e) for e in sorted(eff, reverse=True)])

        # 问题清单
        header, rows = table_rows(tables["问题清单"])
        listed = {}
        for r in rows:
            listed.setdefault(r[header["文件"]], []).append((r[header["原因"]], r[header["处理"]]))
        listed = {p: [(r, a) for r, a in v if not r.startswith(gf.NO_STAMP_NOTE)] for p, v in listed.items()}
        listed = {p: v for p, v in listed.items() if v}
        for case, path in self.bad.items():
            if case == "xlsx_lo25":  # taken, recomputed from its inputs: nothing to say
                continue
            with self.subTest(case=case):
                self.assertIn(path, listed)
                action = "已汇总" if case == "macro" else "未采用"
                self.assertEqual([a for _r, a in listed[path]], [action])
        self.assertIn("不是本次汇总的月份 2026-11", listed[self.other_month][0][0])
        # a dealer-month twice: neither is taken, both are listed with both names
        sent = sorted([p for p, k, t in self.good if k == gf.STRATEGY and t["经销商"] == "经销商002"] + [self.repeat])
        for path in sent:
            self.assertEqual(listed[path], [("以下文件声称同一经销商、同一月份、同一模板，均未采用：%s / these files claim "
                                             "one dealer-month; none was taken" % "、".join(sent), "未采用")])
        self.assertEqual(set(listed), set(self.bad.values()) - {self.bad["xlsx_lo25"]} | {self.other_month} | set(sent))

    def test_achievement_below_100_percent_as_shown_is_red(self):
        out = os.path.join(self.tmp, "red.ods")
        self.wf.writeRollup(tuple(self.records.values()), "", file_url(out), False)
        doc = self.office.load(out)
        try:
            sheet = doc.Sheets.getByName("汇总")
            header, rows = table_rows(sheet_table(doc, "汇总"))
            first = next(i for i, row in enumerate(sheet_table(doc, "汇总")) if row[header["经销商"]] == rows[0][header["经销商"]])
            for name in ("交车数_达成率", "线索数_达成率"):
                for r in range(first, first + len(rows)):
                    fmt = sheet.getCellByPosition(header[name], r).ConditionalFormat
                    self.assertEqual(fmt.Count, 1, (name, r))
                    entry = fmt.getByIndex(0)
                    self.assertEqual(entry.StyleName, "预警")
                    ref = "%s%d" % (chr(65 + header[name]), first + 1)  # one rule from the first row down
                    self.assertEqual(entry.getFormula1(), "AND(ISNUMBER(%s);ROUND(%s;2)<1)" % (ref, ref))
        finally:
            doc.close(True)

    def test_same_records_in_another_order_give_the_same_workbook(self):
        records = list(self.records.values())
        _s1, first = self.rollup(records, "order1.ods")
        random.Random(7).shuffle(records)
        _s2, second = self.rollup(reversed(records), "order2.ods")
        self.assertEqual(first, second)

    def test_month_given_and_xlsx_output(self):
        summary, tables = self.rollup(self.records.values(), "october.xlsx", month="2026-10")
        self.assertEqual((summary.Month, summary.TakenStrategy + summary.TakenWorkshop), ("2026-10", 1))
        header, rows = table_rows(tables["汇总"])
        self.assertEqual([r[header["经销商"]] for r in rows], ["经销商001", "集团合计"])

    def test_never_overwrites_without_force(self):
        out = os.path.join(self.tmp, "exists.ods")
        open(out, "w").close()
        with self.assertRaises(uno.getClass("com.sun.star.lang.IllegalArgumentException")):
            self.wf.writeRollup(tuple(self.records.values()), "", file_url(out), False)
        self.assertEqual(os.path.getsize(out), 0)
        self.wf.writeRollup(tuple(self.records.values()), "", file_url(out), True)
        self.assertGreater(os.path.getsize(out), 0)


class Distribute(GroupCase):
    HEADER = ["经销商代码", "经销商", "交车数_目标", "订单交车率_目标", "报价订单率_目标", "进店线索报价率_目标"]
    ROWS = [
        ["001", "一号店", 120, 0.8, 0.33, 0.3],     # row 2: good
        ["002", "二号店", 90, 0.85, 0.3, 0.35],     # row 3: good
        ["003", "三号店", 80.5, 0.8, 0.3, 0.3],     # row 4: not a whole number
        ["004", "四号店", 100, 1200, 0.3, 0.3],     # row 5: rate above 1000% (1200 is 1200 points)
        ["001", "重复店", 100, 0.8, 0.3, 0.3],      # row 6: duplicate code
        ["005", "五号店", 100, 0.8, 0.3, 0.3, 7],   # row 7: a value in an unknown column
    ]

    def write_table(self, path):
        header = self.HEADER + ["不存在的列"]
        if path.endswith(".csv"):
            with open(path, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(header)
                for r in self.ROWS:
                    w.writerow(r + [""] * (len(header) - len(r)))
            return
        doc = self.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            for c, t in enumerate(header):
                sheet.getCellByPosition(c, 0).setString(t)
            for r, row in enumerate(self.ROWS, start=1):
                for c, v in enumerate(row):
                    cell = sheet.getCellByPosition(c, r)
                    cell.setString(v) if isinstance(v, str) else cell.setValue(v)
            gf.save(doc, path)
        finally:
            doc.close(True)

    def check(self, ext, lock):
        folder = tempfile.mkdtemp(dir=self.tmp)
        table = os.path.join(folder, "dealers" + ext)
        self.write_table(table)
        out = os.path.join(folder, "out")
        rows = list(self.wf.distribute("strategy_table", file_url(table), "2026-12", file_url(out), lock, False, None))
        self.assertEqual([(r.Row, r.Written, r.Reason.Code, r.Reason.Cell) for r in rows], [
            (2, True, "", ""), (3, True, "", ""),
            (4, False, "invalid_value", "交车数_目标"), (5, False, "invalid_value", "订单交车率_目标"),
            (6, False, "duplicate_code", "经销商代码"), (7, False, "unknown_column", "不存在的列")])
        self.assertEqual((rows[0].DealerCode, rows[0].Dealer), ("001", "一号店"))
        self.assertEqual(rows[0].Url, file_url(os.path.join(out, "001_一号店_2026-12.ods")))
        self.assertIn("交车数_目标 的值 80.5 不符合单元格的有效性规则", rows[2].Reason.TextZh)
        self.assertIn("订单交车率_目标 的值 1200", rows[3].Reason.TextZh)
        self.assertIn("超出 1%–1000%：比率写成 80% 或 0.8", rows[3].Reason.TextZh)
        self.assertIn("write a rate as 80% or 0.8", rows[3].Reason.TextEn)
        self.assertIn("经销商代码 001 与第 2 行重复", rows[4].Reason.TextZh)
        self.assertIn("The dealer code 001 repeats row 2", rows[4].Reason.TextEn)
        self.assertIn("列 不存在的列 不是模板 strategy_table 的输入单元格名称", rows[5].Reason.TextZh)
        self.assertEqual(sorted(os.listdir(out)), ["001_一号店_2026-12.ods", "002_二号店_2026-12.ods"])
        rec = self.wf.readDealerFile(file_url(os.path.join(out, "001_一号店_2026-12.ods")))
        self.assertEqual((rec.Kind, rec.Dealer, rec.Month), ("strategy_table", "一号店", "2026-12"))
        got = values_of(rec)
        self.assertEqual(got["交车数_目标"], 120)
        self.assertAlmostEqual(got["订单交车率_目标"], 0.8, delta=1e-15)
        self.assertAlmostEqual(got["订单数_预计"], 150, delta=1e-9)
        # the dealer's part is still to do
        self.assertIn(("required_blank", "交车数_实际"), [(p.Code, p.Cell) for p in rec.Problems])
        doc = self.office.load(os.path.join(out, "002_二号店_2026-12.ods"))
        try:
            for name in self.HEADER[2:]:
                cell = gf.named_cells(doc, name)[0]
                self.assertEqual(cell.CellProtection.IsLocked, lock, name)
                # a locked target asks for nothing: no "输入整数，如 120" when the cell is selected
                self.assertEqual(cell.Validation.ShowInputMessage, not lock, name)
            self.assertFalse(gf.named_cells(doc, "交车数_实际")[0].CellProtection.IsLocked)
            self.assertFalse(gf.named_cells(doc, "经销商")[0].Validation.ShowInputMessage)  # always locked
            self.assertTrue(gf.named_cells(doc, "交车数_实际")[0].Validation.ShowInputMessage)
            self.assertTrue(all(doc.Sheets.getByIndex(i).isProtected() for i in range(doc.Sheets.Count)))
        finally:
            doc.close(True)
        # never overwritten without force
        before = sha(os.path.join(out, "001_一号店_2026-12.ods"))
        again = list(self.wf.distribute("strategy_table", file_url(table), "2026-12", file_url(out), lock, False, None))
        self.assertEqual((again[0].Written, again[0].Reason.Code), (False, "file_exists"))
        self.assertIn("文件已存在", again[0].Reason.TextZh)
        self.assertEqual(sha(os.path.join(out, "001_一号店_2026-12.ods")), before)
        self.assertEqual(gf.lock_files(folder), [])

    def test_from_ods_locked(self):
        self.check(".ods", True)

    def test_from_csv(self):
        self.check(".csv", False)

    def test_bad_arguments(self):
        bad = uno.getClass("com.sun.star.lang.IllegalArgumentException")
        with self.assertRaises(bad):
            self.wf.distribute("nope", file_url(self.tmp + "/x.csv"), "2026-12", file_url(self.tmp), False, False, None)
        for month in ("2026-13", "2100-01", "1999-12"):  # the months the templates and the command line take
            with self.assertRaises(bad) as refused:
                self.wf.distribute("strategy_table", file_url(self.tmp + "/x.csv"), month, file_url(self.tmp),
                                   False, False, None)
            self.assertIn("月份", refused.exception.Message, month)


class MenuPath(GroupCase):
    """The menu's rollup, its pickers answered from a file, gives the service's workbook."""
    ANSWERS = os.path.join(tempfile.gettempdir(), "dealerkpi-menu-answers-%d.txt" % os.getpid())
    ENV = {"DEALERKPI_GROUP_MENU_ANSWERS": ANSWERS}

    def test_the_menu_is_in_calc(self):
        provider = self.office.service("com.sun.star.configuration.ConfigurationProvider")
        node = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.dealerkpi.group.menu"))
        self.assertEqual(node.Title, "DealerKPI")
        self.assertEqual(node.Context, "com.sun.star.sheet.SpreadsheetDocument")
        items = [node.Submenu.getByName(n) for n in sorted(node.Submenu.ElementNames)]
        self.assertEqual([i.URL for i in items], ["service:org.dealerkpi.group.Menu?distribute",
                                                  "service:org.dealerkpi.group.Menu?rollup",
                                                  "service:org.dealerkpi.group.Menu?status",
                                                  "service:org.dealerkpi.group.Menu?trend",
                                                  "service:org.dealerkpi.group.Menu?portable"])
        # the titles as this office's UI language shows them
        self.assertIn([i.Title for i in items], (["下发模板…", "汇总经销商报表…", "经销商提交情况…", "集团趋势…",
                                                  "另存为通用表格…"],
                                                 ["Distribute templates…", "Roll up dealer reports…",
                                                  "Dealer submissions…", "Group trend…", "Save as portable file…"]))

    def store(self):
        """A group store of 4 dealers x 14 months (2024-01 .. 2025-02), both templates issued and
        taken, as the store's bench records them."""
        path = os.path.join(tempfile.mkdtemp(dir=self.tmp), "group.sqlite")
        bench = os.path.join(os.environ.get("DEALERKPI_BUILD_DIR", "build"), "tests", "bench", "store_bench")
        subprocess.run([bench, "--dealers", "4", "--months", "14", "--keep", path], check=True,
                       capture_output=True, timeout=300)
        return path

    def menu(self, event, answers):
        with open(self.ANSWERS, "w", encoding="utf-8") as f:
            f.write("".join("%s=%s\n" % kv for kv in answers.items()))
        try:
            helper = self.office.service("com.sun.star.frame.DispatchHelper")
            helper.executeDispatch(self.doc.CurrentController.Frame, "service:org.dealerkpi.group.Menu?" + event,
                                   "", 0, ())
        finally:
            os.remove(self.ANSWERS)
        with open(answers["report"], encoding="utf-8") as f:
            return f.read()

    def test_status_from_the_menu(self):
        store = self.store()
        lines = self.wf.submissionStatus(store, "2025-02", "")
        self.assertEqual([(l.DealerCode, l.Kind, l.Taken, l.Returned, l.Reason.Code) for l in lines],
                         [("D%d" % (1000 + d), k, True, 1, "") for d in range(4)
                          for k in ("strategy_table", "workshop_targets")])
        self.assertEqual(len(self.wf.submissionStatus(store, "2025-02", "workshop_targets")), 4)
        said = self.menu("status", {"month": "2025-02", "store": store, "report": os.path.join(self.tmp, "s.txt")})
        self.assertRegex(said, r"^2025-02(：8/8 已采用|: 8/8 taken)\n$")
        said = self.menu("status", {"month": "2025-03", "store": store, "report": os.path.join(self.tmp, "s.txt")})
        self.assertRegex(said, "此月没有下发记录：2025-03|Nothing was issued for 2025-03")
        bad = uno.getClass("com.sun.star.lang.IllegalArgumentException")
        with self.assertRaises(bad):
            self.wf.submissionStatus(store, "2025-13", "")

    def test_trend_from_the_menu(self):
        store = self.store()
        menu_out, service_out = os.path.join(self.tmp, "trend-menu.ods"), os.path.join(self.tmp, "trend-service.ods")
        said = self.menu("trend", {"from": "2025-01", "to": "2025-02", "store": store, "output": menu_out,
                                   "open": "0", "report": os.path.join(self.tmp, "t.txt")})
        self.assertRegex(said, "集团趋势：2 个月，4 个经销商|Group trend: 2 months, 4 dealers")
        self.wf.writeTrendFromStore(store, "2025-01", "2025-02", file_url(service_out), False)
        tables = []
        for path in (menu_out, service_out):
            doc = self.office.load(path)
            try:
                tables.append({n: [list(r) for r in doc.Sheets.getByName(n).getCellRangeByName("A1:BA12").DataArray]
                               for n in ("月度", "经销商", "售后")})
            finally:
                doc.close(True)
        self.assertEqual(tables[0], tables[1])
        monthly = tables[0]["月度"]
        head = monthly[3]
        feb = monthly[5]
        self.assertEqual(feb[0], "2025-02")
        # the store bench's dealers d = 0..3 deliver 40 + d + (month index 13) % 7 in February 2025
        self.assertEqual(feb[head.index("交车数_实际")], sum(40 + d + 13 % 7 for d in range(4)))
        january = sum(40 + d + 12 % 7 for d in range(4))
        self.assertAlmostEqual(feb[head.index("交车数_实际_环比")], 190 / january - 1, places=12)  # 190: 46 + 47 + 48 + 49
        last_year = sum(40 + d + 1 % 7 for d in range(4))   # 2024-02 is in the store
        self.assertAlmostEqual(feb[head.index("交车数_实际_同比")], 190 / last_year - 1, places=12)
        self.assertEqual(feb[head.index("售后采用经销商数")], 4)

    def test_rollup_from_the_menu(self):
        inputs = os.path.join(self.tmp, "in")
        made = self.files.good_set(inputs, 3, "2026-11", xlsx_every=2)
        bad = self.files.bad_set(os.path.join(inputs, "sub"), "2026-11", marker=os.path.join(self.tmp, "m.txt"))
        menu_out = os.path.join(self.tmp, "menu.ods")
        report = os.path.join(self.tmp, "report.txt")
        with open(self.ANSWERS, "w", encoding="utf-8") as f:
            f.write("inputs=%s\noutput=%s\nmonth=\nreport=%s\nopen=0\n" % (inputs, menu_out, report))
        try:
            frame = self.doc.CurrentController.Frame
            helper = self.office.service("com.sun.star.frame.DispatchHelper")
            helper.executeDispatch(frame, "service:org.dealerkpi.group.Menu?rollup", "", 0, ())
        finally:
            os.remove(self.ANSWERS)
        with open(report, encoding="utf-8") as f:
            # the good ones, the good file bad_set starts from, the macro and the 25.2 .xlsx
            # in the UI's language
            self.assertRegex(f.read(), "已汇总 %d 个文件|%d files rolled up" % ((len(made) + 3,) * 2))
        paths = [p for p, _k, _t in made] + list(bad.values()) + [
            os.path.join(inputs, "sub", "strategy_table_好店_2026-11.ods")]
        records = [self.wf.readDealerFile(file_url(p)) for p in paths]
        service_out = os.path.join(self.tmp, "service.ods")
        self.wf.writeRollup(tuple(records), "", file_url(service_out), False)
        tables = []
        for path in (menu_out, service_out):
            doc = self.office.load(path)
            try:
                tables.append({s: sheet_table(doc, s) for s in ("汇总", "售后汇总", "问题清单")})
            finally:
                doc.close(True)
        self.assertEqual(tables[0], tables[1])
        self.assertEqual(gf.lock_files(self.tmp), [])

    def test_distribute_from_the_menu(self):
        table = os.path.join(self.tmp, "dealers.csv")
        with open(table, "w", encoding="utf-8", newline="") as f:
            f.write("经销商代码,经销商,售后产值目标\n101,东店,6000000\n102,西店,-5\n103,南店,4500000.5\n")
        menu_dir, service_dir = os.path.join(self.tmp, "menu-out"), os.path.join(self.tmp, "service-out")
        report = os.path.join(self.tmp, "distribute.txt")
        with open(self.ANSWERS, "w", encoding="utf-8") as f:
            f.write("dealers=%s\nout_dir=%s\nkind=workshop_targets\nmonth=2027-01\nlock=1\nreport=%s\n"
                    % (table, menu_dir, report))
        try:
            helper = self.office.service("com.sun.star.frame.DispatchHelper")
            helper.executeDispatch(self.doc.CurrentController.Frame,
                                   "service:org.dealerkpi.group.Menu?distribute", "", 0, ())
        finally:
            os.remove(self.ANSWERS)
        with open(report, encoding="utf-8") as f:
            said = f.read()
        # the menu speaks the UI's language, the reasons too, and says where the files are
        self.assertRegex(said, r"^(已生成 2 个经销商文件，在 %s。|Wrote 2 dealer files to %s\.)\n"
                         % (re.escape(menu_dir), re.escape(menu_dir)))
        if said.startswith("Wrote"):
            self.assertIn("Row 3: The value -5 of 售后产值目标 breaks the cell's validity rule", said)
        else:
            self.assertIn("第 3 行：售后产值目标 的值 -5 不符合单元格的有效性规则", said)
        self.wf.distribute("workshop_targets", file_url(table), "2027-01", file_url(service_dir), True, False, None)
        names = sorted(os.listdir(menu_dir))
        self.assertEqual(names, ["101_东店_2027-01.ods", "103_南店_2027-01.ods"])
        self.assertEqual(sorted(os.listdir(service_dir)), names)
        for name in names:
            a, b = (self.wf.readDealerFile(file_url(os.path.join(d, name))) for d in (menu_dir, service_dir))
            self.assertEqual((a.Kind, a.Dealer, a.Month, values_of(a)), (b.Kind, b.Dealer, b.Month, values_of(b)))
        self.assertEqual(values_of(a)["售后产值目标"], 4500000.5)
        # 通用表格 is on unless unticked: the menu's files compute without DealerKPI, the service's default do not
        for d, portable in ((menu_dir, "1"), (service_dir, None)):
            doc = self.office.load(os.path.join(d, names[0]))
            try:
                props = doc.DocumentProperties.UserDefinedProperties
                has = props.PropertySetInfo.hasPropertyByName("DealerKPI通用")
                self.assertEqual(props.getPropertyValue("DealerKPI通用") if has else None, portable, d)
            finally:
                doc.close(True)

    def distribute_from_the_menu(self, month, out, more=""):
        table = os.path.join(self.tmp, "one-dealer.csv")
        with open(table, "w", encoding="utf-8", newline="") as f:
            f.write("经销商代码,经销商\n201,北店\n")
        report = os.path.join(self.tmp, "distribute-month.txt")
        with open(self.ANSWERS, "w", encoding="utf-8") as f:
            f.write("dealers=%s\nout_dir=%s\nmonth=%s\nreport=%s\n%s" % (table, out, month, report, more))
        try:
            helper = self.office.service("com.sun.star.frame.DispatchHelper")
            helper.executeDispatch(self.doc.CurrentController.Frame,
                                   "service:org.dealerkpi.group.Menu?distribute", "", 0, ())
        finally:
            os.remove(self.ANSWERS)
        with open(report, encoding="utf-8") as f:
            return f.read()

    def test_the_menu_takes_the_month_as_the_templates_do_and_says_a_wrong_one_in_the_ui_language(self):
        out = os.path.join(self.tmp, "menu-month")
        said = self.distribute_from_the_menu("2027年2月", out, "portable=0\n")
        self.assertEqual(os.listdir(out), ["201_北店_2027-02.ods"], said)
        with zipfile.ZipFile(os.path.join(out, "201_北店_2027-02.ods")) as z:  # 通用表格 unticked: the add-in's calls
            self.assertIn("ORG.DEALERKPI", z.read("content.xml").decode("utf-8").upper())
        out = os.path.join(self.tmp, "menu-no-month")
        said = self.distribute_from_the_menu("2027-13", out)
        self.assertFalse(os.path.exists(out), said)
        self.assertIn(said, ("月份须写成 2026-11、2026/11 或 2026年11月：2027-13\n",
                             "The month must be written as 2026-11, 2026/11 or 2026年11月: 2027-13\n"))


class CrashHook(unittest.TestCase):
    """DEALERKPI_GROUP_TEST_CRASH=<file name>: reading that file aborts the office."""

    def test_abort(self):
        os.environ["DEALERKPI_GROUP_TEST_CRASH"] = "crash-me.ods"
        try:
            office = Office(harness.profile_dir()).__enter__()
        finally:
            del os.environ["DEALERKPI_GROUP_TEST_CRASH"]
        try:
            tmp = tempfile.mkdtemp(prefix="dealerkpi-crash-")
            files = gf.DealerFiles(office)
            good, _ = files.good(tmp, gf.STRATEGY, "一号店", "2026-11")
            crash = os.path.join(tmp, "crash-me.ods")
            shutil.copy(good, crash)
            wf = office.service(SERVICE)
            self.assertEqual(list(wf.readDealerFile(file_url(good)).Problems), [])
            with self.assertRaises(Exception):
                wf.readDealerFile(file_url(crash))
            self.assertFalse(office.alive())
        finally:
            office.close()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
