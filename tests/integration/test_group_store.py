"""The group's store through the real office, over three months: distribute to 20
dealers each month, fill, roll up. Month 2: one dealer first sends a file whose
group-set target was changed (not taken, the reason names the cell and both
figures), then a right one. Month 3: two dealers send nothing, one sends a file and
then a corrected one, one reports ten times its usual deliveries. status names the
two missing dealers and exits 1; the corrected figures are the ones rolled up; the
outlier is taken and listed 请核实; rolling the same folder up again leaves the
store identical (a dump before and after)."""
import csv
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

from group_files import STRATEGY, save, set_named
from office import Office
import test_group_rollup as rollup  # its helpers only (not its tests)
from harness import profile_dir

BUILD, CLI, OXT, table = rollup.BUILD, rollup.CLI, rollup.OXT, rollup.table

MONTHS = ("2026-09", "2026-10", "2026-11")
N = 20
GROUP_SET = ("交车数_目标", "订单交车率_目标", "报价订单率_目标", "进店线索报价率_目标")
MISSING = ("D019", "D020")   # month 3: nothing sent
CORRECTED = "D005"           # month 3: a file, then a corrected one
OUTLIER = "D007"             # month 3: ten times its usual deliveries
CHANGED = "D003"             # month 2: a changed target first


def targets(i, m):
    return {"交车数_目标": 50 + 3 * i + m, "订单交车率_目标": 0.8, "报价订单率_目标": 0.4, "进店线索报价率_目标": 0.5}


def actuals(i, m):
    delivered = 45 + 3 * i + 2 * m
    return {"交车数_实际": delivered, "订单数_实际": delivered + 10, "报价数_实际": 2 * delivered + 30,
            "进店线索数_实际": 4 * delivered + 70, "线索数_实际": 12 * delivered + 200}


class GroupStore(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dealerkpi-group-store-")
        cls.store = os.path.join(cls.tmp, "store", "group.sqlite")
        cls.office = Office(profile_dir()).__enter__()
        try:
            cls.dealers = [("D%03d" % (i + 1), "店%02d" % (i + 1)) for i in range(N)]
            cls.results = {}
            for m, month in enumerate(MONTHS):
                cls._month(m, month)
            cls.trend_path = os.path.join(cls.tmp, "集团趋势.ods")
            cls.trend = cls.cli("trend", "--from", MONTHS[0], "--to", MONTHS[2], "--out", cls.trend_path)
            if cls.trend.returncode == 0:
                doc = cls.office.load(cls.trend_path)
                try:
                    cls.trend_sheets = {n: cls.table(doc.Sheets.getByName(n)) for n in ("月度", "经销商", "售后")}
                    cls.trend_months = doc.Sheets.getByName("经销商").getCellRangeByName("A3:BZ3").getDataArray()[0]
                    cls.trend_kind = doc.DocumentProperties.UserDefinedProperties.getPropertyValue("DealerKPI模板")
                finally:
                    doc.close(True)
        except Exception:
            cls.office.close()
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise
        cls.office.close()

    @staticmethod
    def table(sheet):
        """The header row (the row whose first cell is 月份 or 经销商代码, as 集团趋势 lays its
        tables out below its title rows) and the filled rows below it."""
        rows = [list(r) for r in sheet.getCellRangeByName("A1:BZ1100").getDataArray()]
        head = next(i for i, r in enumerate(rows) if r[0] in ("月份", "经销商代码"))
        return [rows[head]] + [r for r in rows[head + 1:] if r[0] != ""]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def cli(cls, *args):
        env = dict(os.environ, DEALERKPI_OXT=OXT, DEALERKPI_GROUP_CACHE=os.path.join(BUILD, "group-cli-cache"))
        return subprocess.run([CLI] + list(args) + ["--store", cls.store], capture_output=True, text=True,
                              timeout=1200, env=env)

    @classmethod
    def fill(cls, src, dst, values):
        doc = cls.office.load(src)
        try:
            for k, v in values.items():
                set_named(doc, k, v)
            doc.calculateAll()
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            save(doc, dst)
        finally:
            doc.close(True)

    @classmethod
    def _month(cls, m, month):
        table_path = os.path.join(cls.tmp, "经销商_%s.csv" % month)
        with open(table_path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(("经销商代码", "经销商") + GROUP_SET)
            for i, (code, name) in enumerate(cls.dealers):
                w.writerow((code, name) + tuple(targets(i, m)[k] for k in GROUP_SET))
        out = os.path.join(cls.tmp, "下发", month)
        res = cls.cli("distribute", "--template", STRATEGY, "--dealers", table_path, "--month", month, "--out", out)
        if res.returncode:
            raise AssertionError("distribute %s: %s" % (month, res.stderr))
        inbox = os.path.join(cls.tmp, "回收", month)
        cls.typed = getattr(cls, "typed", {})
        for i, (code, name) in enumerate(cls.dealers):
            if m == 2 and code in MISSING:
                continue
            src = os.path.join(out, "%s_%s_%s.ods" % (code, name, month))
            dst = os.path.join(inbox, "%s_%s.ods" % (code, month))
            values = actuals(i, m)
            if m == 1 and code == CHANGED:
                cls.fill(src, os.path.join(inbox, "%s_%s_改目标.ods" % (code, month)),
                         dict(values, 交车数_目标=10))
            if m == 2 and code == CORRECTED:
                cls.fill(src, os.path.join(inbox, "%s_%s_初版.ods" % (code, month)), dict(values, 交车数_实际=1))
            if m == 2 and code == OUTLIER:
                values = dict(values, 交车数_实际=10 * values["交车数_实际"])
            cls.fill(src, dst, values)
            if m == 2 and code == CORRECTED:
                # copied later (a mail download): the first version's file time is the newer one; what
                # counts is when the document was saved, as the roll-up decides
                first = os.path.join(inbox, "%s_%s_初版.ods" % (code, month))
                os.utime(first, (os.path.getmtime(dst) + 3600,) * 2)
            cls.typed[(code, month)] = dict(values, **targets(i, m))
        out_book = os.path.join(cls.tmp, "集团汇总_%s.ods" % month)
        cls.results[month] = cls.cli("rollup", "--out", out_book, inbox)
        if cls.results[month].returncode:
            raise AssertionError("rollup %s: %s" % (month, cls.results[month].stderr))
        cls.dump_after = cls.dump()
        if m == 2:  # the same folder again: nothing changes
            cls.again = cls.cli("rollup", "--out", os.path.join(cls.tmp, "again.ods"), inbox)
            cls.dump_again = cls.dump()
        doc = cls.office.load(out_book)
        try:
            cls.summary = getattr(cls, "summary", {})
            cls.summary[month] = (table(doc, "汇总"), table(doc, "问题清单"))
        finally:
            doc.close(True)

    @classmethod
    def dump(cls):
        with sqlite3.connect(cls.store) as db:
            return list(db.iterdump())

    def status(self, month, *extra):
        return self.cli("status", "--month", month, *extra)

    def test_status_names_the_two_missing_dealers(self):
        res = self.status(MONTHS[2], "--csv")
        self.assertEqual(res.returncode, 1, res.stderr)
        rows = list(csv.reader(res.stdout.splitlines()))
        self.assertEqual(rows[0], ["经销商代码", "经销商", "模板", "下发", "交回", "采用", "原因"])
        self.assertEqual(len(rows) - 1, N)
        waiting = [r[0] for r in rows[1:] if r[5] != "是"]
        self.assertEqual(waiting, list(MISSING))
        for r in rows[1:]:
            if r[0] in MISSING:
                self.assertEqual((r[4], r[6]), ("0", "未提交 / not submitted"))
        self.assertEqual([r[4] for r in rows[1:] if r[0] == CORRECTED], ["2"])

    def test_status_of_a_complete_month_exits_0(self):
        res = self.status(MONTHS[1])
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertEqual(len(res.stdout.splitlines()), N)

    def test_missing_dealers_are_listed_in_the_issues_sheet(self):
        (_, _), (cols, body) = self.summary[MONTHS[2]]
        reasons = [r[cols["原因"]] for r in body]
        for code in MISSING:
            self.assertEqual(sum(1 for t in reasons if t.startswith("未提交：" + code)), 1, reasons)

    def test_the_corrected_figures_win(self):
        (cols, body), (icols, issues) = self.summary[MONTHS[2]]
        name = dict(self.dealers)[CORRECTED]
        rows = [r for r in body if r[cols["经销商"]] == name]
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][cols["交车数_实际"]], str(self.typed[(CORRECTED, MONTHS[2])]["交车数_实际"]))
        first = [r for r in issues if r[icols["文件"]].endswith("%s_%s_初版.ods" % (CORRECTED, MONTHS[2]))]
        self.assertEqual(len(first), 1)
        self.assertIn("已被同一下发文件的较新保存替代", first[0][icols["原因"]])

    def test_the_store_takes_the_later_save_by_the_documents_time(self):
        with sqlite3.connect(self.store) as db:
            taken = db.execute("SELECT path FROM submission WHERE dealer_code = ? AND month = ? AND status = 'taken'",
                               (CORRECTED, MONTHS[2])).fetchall()
        self.assertEqual([os.path.basename(p) for (p,) in taken], ["%s_%s.ods" % (CORRECTED, MONTHS[2])])

    def test_the_outlier_is_taken_and_flagged(self):
        (cols, body), (icols, issues) = self.summary[MONTHS[2]]
        name = dict(self.dealers)[OUTLIER]
        self.assertEqual(len([r for r in body if r[cols["经销商"]] == name]), 1)
        i = int(OUTLIER[1:]) - 1
        usual = (actuals(i, 0)["交车数_实际"] + actuals(i, 1)["交车数_实际"]) / 2
        doubt = [r[icols["原因"]] for r in issues if r[icols["原因"]].startswith("请核实：交车数_实际")]
        self.assertEqual(len(doubt), 1, [r[icols["原因"]] for r in issues])
        self.assertIn("本月 %d，" % (10 * actuals(i, 2)["交车数_实际"]), doubt[0])
        self.assertIn("平均 %g" % usual, doubt[0])
        # nobody else is doubted
        self.assertEqual(len([r for r in issues if r[icols["原因"]].startswith("请核实")]),
                         len([r for r in issues if name == r[icols["经销商"]] and r[icols["原因"]].startswith("请核实")]))

    def test_a_changed_group_target_is_not_taken(self):
        (cols, body), (icols, issues) = self.summary[MONTHS[1]]
        i = int(CHANGED[1:]) - 1
        changed = [r for r in issues if r[icols["文件"]].endswith("_改目标.ods")]
        self.assertEqual(len(changed), 1)
        self.assertIn("集团下发的目标被修改：交车数_目标 下发 %d，文件 10" % targets(i, 1)["交车数_目标"],
                      changed[0][icols["原因"]])
        name = dict(self.dealers)[CHANGED]
        rows = [r for r in body if r[cols["经销商"]] == name]
        self.assertEqual([r[cols["交车数_目标"]] for r in rows], [str(targets(i, 1)["交车数_目标"])])

    def test_the_same_folder_again_changes_nothing(self):
        self.assertEqual(self.again.returncode, 0, self.again.stderr)
        self.assertEqual(self.dump_again, self.dump_after)
        self.assertGreater(len(self.dump_after), 20 * 3 * 10)

    def test_trend_matches_the_typed_figures(self):
        self.assertEqual(self.trend.returncode, 0, self.trend.stderr)
        self.assertEqual(self.trend_kind, "group_trend")
        rows = self.trend_sheets["月度"]
        head = rows[0]
        col = {h: i for i, h in enumerate(head) if h}
        by_month = {r[0]: r for r in rows[1:]}
        self.assertEqual(sorted(by_month), list(MONTHS))
        prev = None
        for month in MONTHS:
            typed = [v for (code, m), v in self.typed.items() if m == month]
            delivered = sum(v["交车数_实际"] for v in typed)
            orders = sum(v["订单数_实际"] for v in typed)
            target = sum(v["交车数_目标"] for v in typed)
            r = by_month[month]
            self.assertEqual(r[col["采用经销商数"]], len(typed))
            self.assertEqual(r[col["下发经销商数"]], N)
            self.assertEqual(r[col["未交经销商数"]], N - len(typed))
            self.assertEqual(r[col["交车数_实际"]], delivered)
            self.assertEqual(r[col["交车数_目标"]], target)
            self.assertAlmostEqual(r[col["订单交车率_实际"]], delivered / orders, places=12)   # pooled
            self.assertAlmostEqual(r[col["交车数_达成率"]], delivered / target, places=12)
            if prev is None:
                self.assertIn(r[col["交车数_实际_环比"]], ("", None))  # August is not in the store: blank
            else:
                self.assertAlmostEqual(r[col["交车数_实际_环比"]], delivered / prev[0] - 1, places=12)
                self.assertAlmostEqual(r[col["订单交车率_实际_环比"]], delivered / orders - prev[0] / prev[1], places=12)
            self.assertIn(r[col["交车数_实际_同比"]], ("", None))
            prev = (delivered, orders)
        dealers = self.trend_sheets["经销商"]
        self.assertEqual(len(dealers) - 1, N)
        self.assertEqual(len(self.trend_sheets["售后"]) - 1, 0)   # no workshop table was sent

    def test_trend_per_dealer_and_month(self):
        rows = self.trend_sheets["经销商"]
        head = rows[0]
        first = head.index("交车数_实际")            # the first month's pair of columns
        self.assertEqual([self.trend_months[first + 2 * m] for m in range(3)], list(MONTHS))
        by_code = {r[0]: r for r in rows[1:]}
        achievement = {}
        for code, _name in self.dealers:
            r = by_code[code]
            typed = [self.typed.get((code, month)) for month in MONTHS]
            for m, t in enumerate(typed):
                if t is None:   # not sent: blank
                    self.assertIn(r[first + 2 * m], ("", None), (code, m))
                    continue
                self.assertEqual(r[first + 2 * m], t["交车数_实际"], (code, m))
                self.assertAlmostEqual(r[first + 2 * m + 1], t["交车数_实际"] / t["交车数_目标"], places=12)
            sent = [t for t in typed if t]
            delivered, target = sum(t["交车数_实际"] for t in sent), sum(t["交车数_目标"] for t in sent)
            self.assertEqual(r[head.index("期间_交车数_实际")], delivered)
            self.assertAlmostEqual(r[head.index("期间_交车数_达成率")], delivered / target, places=12)  # pooled
            achievement[code] = delivered / target
        ranked = sorted(achievement, key=lambda c: -achievement[c])
        self.assertEqual([by_code[c][head.index("排名")] for c in ranked], list(range(1, N + 1)))

    def test_trend_year_to_date(self):
        rows = self.trend_sheets["月度"]
        col = {h: i for i, h in enumerate(rows[0]) if h}
        last = rows[-1]
        typed = self.typed.values()   # every month is of 2026: the year to date is the three months
        delivered, target = sum(v["交车数_实际"] for v in typed), sum(v["交车数_目标"] for v in typed)
        self.assertEqual(last[col["交车数_实际_年累计"]], delivered)
        self.assertEqual(last[col["交车数_目标_年累计"]], target)
        self.assertAlmostEqual(last[col["交车数_达成率_年累计"]], delivered / target, places=12)


if __name__ == "__main__":
    unittest.main()
