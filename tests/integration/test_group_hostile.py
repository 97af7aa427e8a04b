"""dealerkpi-group rollup against files that lie, made here by the test in a real office:
one hostile file per way a returned file can push another dealer out, lie its way into
the totals, or hide; and the group workbook's own safety (never replaced without
--force, never through a symlink, two runs at once, an office lost while writing).
Every case asserts its exact 问题清单 reason or exit status, that the honest files'
figures are unchanged and that no input file changes."""
import os
import shutil
import subprocess
import time
import unittest

import group_files as gf
from group_files import CLI, STRATEGY, DealerFiles, cli_env, named_cells, run_cli, save, set_named, sha, shown_count, strategy_values, table
from office import file_url, props

MONTH = "2026-11"
# the funnel's actuals as the strategy table asks them, from the sale back (sorted by
# character they would be 交, 报, 订)
FUNNEL_ACTUALS = ("交车数_实际", "订单数_实际", "报价数_实际")


def stamp_identity(doc, code, month, issue):
    """As distribute stamps a file: the properties, and the locked cell 经销商代码."""
    if doc.NamedRanges.hasByName("经销商代码"):
        set_named(doc, "经销商代码", code)
    udp = doc.DocumentProperties.UserDefinedProperties
    info = udp.getPropertySetInfo()
    for key, value in (("DealerKPI经销商代码", code), ("DealerKPI月份", month), ("DealerKPI下发", issue)):
        if info.hasPropertyByName(key):
            udp.setPropertyValue(key, value)
        else:
            udp.addProperty(key, 128, value)


class Hostile(gf.FilesCase):
    TMP_PREFIX = "dealerkpi-group-hostile-"

    @classmethod
    def variant(cls, folder, name, dealer, i, edit=None, month=MONTH, identity=None, values=None):
        path = os.path.join(folder, name)
        doc = cls.files.new(STRATEGY)
        try:
            cls.files.fill(doc, STRATEGY, dealer, month, values or strategy_values(i))
            if identity:
                stamp_identity(doc, *identity)
            if edit:
                edit(doc)
                doc.calculateAll()
            save(doc, path)
        finally:
            doc.close(True)
        return path

    @classmethod
    def _make(cls):
        cls.files = DealerFiles(cls.office)
        inbox = cls.inbox = os.path.join(cls.tmp, "回收")
        os.makedirs(inbox)
        v = cls.variant
        cls.honest = {"华东1店": v(inbox, "a_华东1店.ods", "华东1店", 1, identity=("D001", MONTH, "I1")),
                      "华南2店": v(inbox, "b_华南2店.ods", "华南2店", 2, identity=("D002", MONTH, "I1")),
                      # another code with the same name is another dealer: both taken
                      "华南2店#": v(inbox, "b2_华南2店.ods", "华南2店", 5, identity=("D005", MONTH, "I1"))}
        # a later save of D003's issued file supersedes the earlier one
        cls.earlier = v(inbox, "c1_华西3店.ods", "华西3店", 3, identity=("D003", MONTH, "I1"))
        time.sleep(1.5)
        cls.later = v(inbox, "c2_华西3店.ods", "华西3店", 4, identity=("D003", MONTH, "I1"))
        h = cls.hostile = {}
        # an unstamped file claiming 华东1店 with nothing delivered
        h["impostor"] = v(inbox, "x_impostor.ods", "华东1店", 1,
                          values=dict(strategy_values(1), 交车数_实际=0))
        h["negative"] = v(inbox, "x_negative.ods", "负数店", 6, values=dict(strategy_values(6), 交车数_实际=-5000))
        h["huge"] = v(inbox, "x_huge.ods", "巨大店", 7, values=dict(strategy_values(7), 线索数_实际=1e308))
        h["true"] = v(inbox, "x_true.ods", "真值店", 8,
                      edit=lambda d: named_cells(d, "交车数_实际")[0].setFormula("=TRUE()"))
        h["rate80"] = v(inbox, "x_rate80.ods", "百分店", 9, values=dict(strategy_values(9), 订单交车率_目标=80))
        h["constant"] = v(inbox, "x_constant.ods", "常数店", 10,
                          edit=lambda d: named_cells(d, "订单数_预计")[0].setValue(1))
        h["repointed"] = v(inbox, "x_repointed.ods", "改指店", 11, edit=lambda d: repoint(d, "交车数_目标", "$H$6"))
        h["two_cells"] = v(inbox, "x_two.ods", "两格店", 12, edit=lambda d: repoint(d, "交车数_实际", "$I$6:$I$7"))
        h["fake_month"] = v(inbox, "x_month.ods", "假月店", 13, edit=lambda d: set_named(d, "月份", "2026-11 这是假的"))
        # three required actuals left blank: listed in the funnel's order, not the characters'
        blanks = {k: x for k, x in strategy_values(14).items() if k not in FUNNEL_ACTUALS}
        h["blanks"] = v(inbox, "x_blanks.ods", "漏填店", 14, values=blanks)
        # files the folder holds that are not read, each with its reason
        good = cls.honest["华东1店"]
        for name in (".x.ods", "~$x.ods", "x.xlsm", "x.ods.bak"):
            shutil.copy(good, os.path.join(inbox, name))
        cls.skipped = [os.path.join(inbox, n) for n in (".x.ods", "~$x.ods", "x.xlsm", "x.ods.bak")]
        cls.inputs = sorted(os.path.join(r, f) for r, _, fs in os.walk(inbox) for f in fs)
        cls.before = {p: sha(p) for p in cls.inputs}
        cls.out = os.path.join(cls.tmp, "集团汇总.ods")
        cls.res = run_cli("rollup", "--out", cls.out, inbox)

    def open(self, path):
        return self.office.desktop.loadComponentFromURL(file_url(path), "_blank", 0, props(Hidden=True, ReadOnly=True))

    def issues(self, path):
        doc = self.open(path)
        try:
            cols, body = table(doc, "问题清单")
            return [(r[cols["文件"]], r[cols["原因"]], r[cols["处理"]]) for r in body]
        finally:
            doc.close(True)

    def reasons(self, path, action="未采用"):
        out = {}
        for f, reason, act in self.issues(self.out):
            if act == action and f == path:
                out.setdefault(f, []).append(reason)
        return out.get(path, [])

    def test_run_succeeds_and_counts_agree(self):
        self.assertEqual(self.res.returncode, 0, self.res.stderr)
        not_taken = len(self.inputs) - 3  # taken: 华南2店 twice (two codes), the later save of D003
        self.assertIn("未采用 %d 个" % not_taken, self.res.stdout)
        self.assertIn("未采用 not taken %d" % not_taken, self.res.stderr.splitlines()[-1])

    def test_impostor_pushes_nobody_out_silently(self):
        for path in (self.hostile["impostor"], self.honest["华东1店"]):
            r = self.reasons(path)
            self.assertEqual(len(r), 1, r)
            self.assertIn("声称同一经销商、同一月份", r[0])
            self.assertIn(self.hostile["impostor"], r[0])
            self.assertIn(self.honest["华东1店"], r[0])

    def test_later_save_supersedes(self):
        self.assertIn("较新保存替代", self.reasons(self.earlier, "已被替代")[0])
        self.assertEqual(self.reasons(self.later), [])

    def test_values_the_template_refuses(self):
        want = {"negative": "交车数_实际 的值 -5000 超出范围",
                "huge": "线索数_实际 的值 1E+308 超出范围",
                "true": "单元格 交车数_实际 应填写数值，文件中却是公式 =TRUE()",
                "rate80": "订单交车率_目标 的值 80 超出范围",
                "constant": "计算单元格 订单数_预计 的公式被改动",
                "repointed": "命名单元格 交车数_目标 被改指到",
                "two_cells": "命名单元格 交车数_实际 指向 2 个单元格，模板为 1 个",
                "fake_month": "月份 不是有效的月份"}
        for case, text in want.items():
            r = self.reasons(self.hostile[case])
            self.assertTrue(r and r[0].startswith(text), (case, r))

    def test_blank_cells_listed_in_funnel_order(self):
        blank = [r.split()[1] for r in self.reasons(self.hostile["blanks"]) if "未填写" in r]
        self.assertEqual(blank, list(FUNNEL_ACTUALS), self.reasons(self.hostile["blanks"]))

    def test_every_file_not_taken_is_printed(self):
        """The terminal names every file 问题清单 does not take, also those the roll-up
        itself refuses after reading (the two files claiming one dealer-month)."""
        printed = {os.path.basename(line.split("未采用 not taken: ", 1)[1].split(" — ")[0])
                   for line in self.res.stderr.splitlines() if "未采用 not taken: " in line}
        listed = {os.path.basename(f) for f, _, act in self.issues(self.out) if act == "未采用"}
        self.assertIn(os.path.basename(self.hostile["impostor"]), listed)
        self.assertEqual(listed - printed, set(), self.res.stderr)

    def test_nothing_skipped_in_silence(self):
        want = {".x.ods": "隐藏文件", "~$x.ods": "锁定文件", "x.xlsm": "不支持的文件格式", "x.ods.bak": "不支持的文件格式"}
        for path in self.skipped:
            r = self.reasons(path)
            self.assertEqual(len(r), 1, path)
            self.assertTrue(r[0].startswith(want[os.path.basename(path)]), r)
            self.assertIn(os.path.basename(path), self.res.stderr)

    def test_honest_figures_and_inputs_unchanged(self):
        self.assertEqual({p: sha(p) for p in self.inputs}, self.before)
        doc = self.open(self.out)
        try:
            cols, body = table(doc, "汇总")
            rows = {(r[cols["经销商"]], r[cols["文件"]]) for r in body}
            taken = {(r[cols["经销商"]]) for r in body}
            self.assertEqual(taken, {"华南2店", "华西3店", "集团合计"})
            self.assertEqual(len(body), 4, rows)
            v = [strategy_values(i) for i in (2, 5, 4)]
            total = next(r for r in body if r[cols["经销商"]] == "集团合计")
            for k in ("交车数_实际", "线索数_实际", "交车数_目标"):
                self.assertEqual(total[cols[k]], shown_count(sum(x[k] for x in v)), k)
        finally:
            doc.close(True)

    def test_months_tie_is_refused(self):
        folder = os.path.join(self.tmp, "tie")
        os.makedirs(folder)
        self.variant(folder, "a.ods", "一店", 1)
        self.variant(folder, "b.ods", "二店", 2, month="2099-01")
        out = os.path.join(self.tmp, "tie.ods")
        res = run_cli("rollup", "--out", out, folder)
        self.assertEqual(res.returncode, 3, res.stderr)
        self.assertIn("请用 --month 指定汇总的月份", res.stderr)
        self.assertFalse(os.path.exists(out))
        res = run_cli("rollup", "--out", out, "--month", MONTH, folder)
        self.assertEqual(res.returncode, 0, res.stderr)

    def test_escapes_and_nothing_taken(self):
        folder = os.path.join(self.tmp, "escape")
        os.makedirs(folder)
        self.variant(folder, "e.ods", "转义店", 1, edit=lambda d: d.DocumentProperties.UserDefinedProperties
                     .setPropertyValue("DealerKPI模板", "\x1b[2K\r全部文件均已采用 all files taken"))
        shutil.copy(os.path.join(folder, "e.ods"), os.path.join(folder, "e\x1b[2K\r.ods"))
        out = os.path.join(self.tmp, "escape.ods")
        res = run_cli("rollup", "--out", out, folder)
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertNotIn("\x1b", res.stderr + res.stdout)
        self.assertIn("\\x0d全部文件均已采用", res.stderr)  # the stamp (the file format keeps no ESC)
        self.assertIn("e\\x1b[2K\\x0d.ods", res.stderr)   # the file name
        self.assertIn("未采用 2 个", res.stdout)
        self.assertIn("未采用 not taken 2", res.stderr.splitlines()[-2])

    def test_output_never_replaced_nor_followed(self):
        folder = os.path.dirname(self.honest["华南2店"])
        elsewhere = os.path.join(self.tmp, "elsewhere.txt")
        with open(elsewhere, "w") as f:
            f.write("not yours")
        link = os.path.join(self.tmp, "link.ods")
        os.symlink(elsewhere, link)
        res = run_cli("rollup", "--out", link, self.honest["华南2店"])
        self.assertEqual(res.returncode, 3, res.stderr)
        res = run_cli("rollup", "--force", "--out", link, self.honest["华南2店"])
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertFalse(os.path.islink(link))
        with open(elsewhere) as f:
            self.assertEqual(f.read(), "not yours")
        self.assertTrue(folder)

    def test_two_runs_at_once_one_wins(self):
        out = os.path.join(self.tmp, "once.ods")
        cmd = [CLI, "rollup", "--out", out, self.honest["华南2店"]]
        procs = [subprocess.Popen(cmd, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        results = [(p.wait(timeout=1200), p.stderr.read()) for p in procs]
        codes = sorted(c for c, _ in results)
        self.assertEqual(codes, [0, 3], results)
        self.assertIn("输出文件已存在", [e for c, e in results if c == 3][0])
        self.assertEqual([f for f in os.listdir(self.tmp) if f.startswith(".~once")], [])

    def test_office_lost_while_writing_is_retried(self):
        out = os.path.join(self.tmp, "crash-write.ods")
        res = run_cli("rollup", "--out", out, self.honest["华南2店"],
                      env_extra={"DEALERKPI_GROUP_TEST_CRASH": "crash-write.ods"})
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("retrying once", res.stderr)
        self.assertTrue(os.path.exists(out + ".crashed"))
        # the office died with the workbook stored beside the output: nothing of it is left
        self.assertEqual([f for f in os.listdir(self.tmp) if f.startswith(".~crash-write")], [])
        doc = self.open(out)
        try:
            cols, body = table(doc, "汇总")
            self.assertEqual([r[cols["经销商"]] for r in body], ["华南2店", "集团合计"])
        finally:
            doc.close(True)

    def test_ctrl_c_while_writing_leaves_no_part(self):
        """Interrupted while the office writes the workbook (the test hook holds it there,
        stored beside the output): exit 130, no workbook, nothing of it left."""
        import signal
        out = os.path.join(self.tmp, "stalled.ods")
        p = subprocess.Popen([CLI, "rollup", "--out", out, self.honest["华南2店"]],
                             env=cli_env(DEALERKPI_GROUP_TEST_STALL="stalled.ods"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and not os.path.exists(out + ".stalled") and p.poll() is None:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(out + ".stalled"), "the office never reached the write")
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 130, err)
        self.assertFalse(os.path.exists(out))
        self.assertEqual([f for f in os.listdir(self.tmp) if f.startswith(".~stalled")], [])


def repoint(doc, name, ref):
    """Points `name` at another cell of its sheet (the name stays, the cell changes)."""
    names = doc.NamedRanges
    old = names.getByName(name)
    sheet = old.getReferredCells().Spreadsheet.Name
    names.removeByName(name)
    from com.sun.star.table import CellAddress
    names.addNewByName(name, "$'%s'.%s" % (sheet, ref), CellAddress(), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
