"""dealerkpi-group end to end, through the real office: distribute to 30 dealers
(one dealers table as .ods, one as .csv), fill every file through the API, add
one file of every bad kind, roll up with --jobs 1 and --jobs 2, and compare
what the group workbook displays with figures worked out here from the values
typed. Also: the inputs are unchanged, no lock file and no macro marker is
left, and an office that dies on a file is restarted, the file retried once,
then listed in 问题清单.

One office (scripts/office.py) makes and checks the files; the command line
starts its own (profile cache in the build folder)."""
import csv
import os
import shutil
import subprocess
import tempfile
import unittest

from group_files import (CLI_PIDS, NO_STAMP_NOTE, STRATEGY, WORKSHOP, DealerFiles, FilesCase, assert_summary_rows,
                         expected_strategy, lock_files, named_cells, run_cli, save, set_named, sha, shown_count, shown_rate,
                         strategy_values, table, used_strings)
from office import file_url, props

MONTH = "2026-11"
N_DEALERS = 30
GROUP_SET_ODS = ("交车数_目标", "订单交车率_目标")  # the .ods dealers table sets these
GROUP_SET_CSV = ("交车数_目标", "订单交车率_目标", "报价订单率_目标", "进店线索报价率_目标")
COUNTS = ("交车数_目标", "订单数_预计", "报价数_预计", "进店线索数_预计", "线索数_预计", "交车数_实际", "订单数_实际",
          "报价数_实际", "进店线索数_实际", "线索数_实际")
RATES = {"订单交车率_目标": ("交车数_目标", "订单数_预计"), "报价订单率_目标": ("订单数_预计", "报价数_预计"),
         "进店线索报价率_目标": ("报价数_预计", "进店线索数_预计"), "交车数_达成率": ("交车数_实际", "交车数_目标"),
         "订单数_达成率": ("订单数_实际", "订单数_预计"), "报价数_达成率": ("报价数_实际", "报价数_预计"),
         "进店线索数_达成率": ("进店线索数_实际", "进店线索数_预计"), "线索数_达成率": ("线索数_实际", "线索数_预计")}


def soffice_pids_of_cli():
    """soffice processes started by this test's command lines: their pipe names the
    command line, and they run in this test's working folder (other checkouts on the
    same machine run their own)."""
    res = subprocess.run(["pgrep", "-f", "pipe,name=dealerkpi-group-"], capture_output=True, text=True)
    here = os.path.realpath(os.getcwd())
    ours = []
    for pid in res.stdout.split():
        try:
            if os.path.realpath(os.readlink("/proc/%s/cwd" % pid)) == here:
                ours.append(pid)
        except OSError:
            pass  # gone meanwhile
    return ours


class GroupRollup(FilesCase):
    TMP_PREFIX = "dealerkpi-group-e2e-"

    # -- the files -------------------------------------------------------------------------
    @classmethod
    def _make(cls):
        cls.files = DealerFiles(cls.office)
        cls.dealers = [("D%03d" % (i + 1), "华%s%d店" % ("东南西北"[i % 4], i + 1)) for i in range(N_DEALERS)]
        half = N_DEALERS // 2
        cls.group_values = {}
        # the .csv table: UTF-8, every group-set target
        cls.csv_table = os.path.join(cls.tmp, "经销商_csv.csv")
        with open(cls.csv_table, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(("经销商代码", "经销商") + GROUP_SET_CSV)
            for i in range(half, N_DEALERS):
                v = strategy_values(i)
                cls.group_values[i] = {k: v[k] for k in GROUP_SET_CSV}
                w.writerow(cls.dealers[i] + tuple(v[k] for k in GROUP_SET_CSV))
        # the .ods table, made in the office
        cls.ods_table = os.path.join(cls.tmp, "经销商_ods.ods")
        doc = cls.office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        rows = [("经销商代码", "经销商") + GROUP_SET_ODS]
        for i in range(half):
            v = strategy_values(i)
            cls.group_values[i] = {k: v[k] for k in GROUP_SET_ODS}
            rows.append(cls.dealers[i] + tuple(v[k] for k in GROUP_SET_ODS))
        sheet.getCellRangeByPosition(0, 0, len(rows[0]) - 1, len(rows) - 1).setDataArray(tuple(rows))
        save(doc, cls.ods_table)
        doc.close(True)

        cls.dist_ods = os.path.join(cls.tmp, "下发", "ods")
        cls.dist_csv = os.path.join(cls.tmp, "下发", "csv")
        cls.distribute_ods = run_cli("distribute", "--template", STRATEGY, "--dealers", cls.ods_table, "--month", MONTH,
                                     "--out", cls.dist_ods, "--lock")
        cls.distribute_csv = run_cli("distribute", "--template", STRATEGY, "--dealers", cls.csv_table, "--month", MONTH,
                                     "--out", cls.dist_csv)
        if cls.distribute_ods.returncode or cls.distribute_csv.returncode:
            raise AssertionError("distribute failed: %s %s" % (cls.distribute_ods.stderr, cls.distribute_csv.stderr))

        # every dealer fills its file; every 4th is sent back as .xlsx
        cls.inbox = os.path.join(cls.tmp, "回收")
        cls.typed = {}       # dealer -> every value of the contract
        cls.locked = {}
        for i, (code, name) in enumerate(cls.dealers):
            folder = cls.dist_ods if i < half else cls.dist_csv
            src = os.path.join(folder, "%s_%s_%s.ods" % (code, name, MONTH))
            doc = cls.office.load(src)
            try:
                cls.locked[name] = [named_cells(doc, k)[0].CellProtection.IsLocked for k in cls.group_values[i]]
                cls.distributed = getattr(cls, "distributed", {})
                cls.distributed[name] = (named_cells(doc, "经销商")[0].getString(),
                                         named_cells(doc, "月份")[0].getString(),
                                         {k: named_cells(doc, k)[0].getValue() for k in cls.group_values[i]})
                values = strategy_values(i + 100)  # what the dealer reports: not the group's figures
                for k in cls.group_values[i]:
                    values.pop(k)
                for k, v in values.items():
                    set_named(doc, k, v)
                doc.calculateAll()
                ext = ".xlsx" if i % 4 == 3 else ".ods"
                dst = os.path.join(cls.inbox, "ods" if i < half else "csv", "%s_%s_%s%s" % (code, name, MONTH, ext))
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                save(doc, dst)
            finally:
                doc.close(True)
            cls.typed[name] = expected_strategy(dict(values, **cls.group_values[i]))
            cls.typed[name]["file"] = dst

        # one of each bad kind, and three workshop tables
        bad = os.path.join(cls.inbox, "其他")
        cls.marker = os.path.join(cls.tmp, "macro-ran.txt")
        cls.bad = cls.files.bad_set(bad, month=MONTH, marker=cls.marker)
        good = os.path.join(bad, "%s_好店_%s.ods" % (STRATEGY, MONTH))  # the file the bad ones start from
        if os.path.exists(good):
            cls.typed["好店"] = dict(expected_strategy(strategy_values(3)), file=good)
        for case, dealer, i in (("macro", "宏店", 8), ("xlsx_lo25", "新版本店", 9)):
            cls.typed[dealer] = dict(expected_strategy(strategy_values(i)), file=cls.bad[case])
        cls.bad["other_month"], _ = cls.files.good(bad, STRATEGY, "上月店", "2026-10", i=11)
        # the same dealer-month twice: neither is taken, both are listed
        first_dealer = cls.dealers[0][1]
        cls.bad["duplicate"], _ = cls.files.good(bad, STRATEGY, first_dealer, MONTH, i=12)
        cls.duplicate_pair = sorted([cls.typed[first_dealer]["file"], cls.bad["duplicate"]], key=file_url)
        del cls.typed[first_dealer]
        cls.workshop = {}
        for i in range(3):
            path, typed = cls.files.good(os.path.join(cls.inbox, "售后"), WORKSHOP, "售后%d店" % (i + 1), MONTH, i=i)
            cls.workshop[typed["经销商"]] = typed

        cls.inputs = sorted(os.path.join(r, f) for r, _, fs in os.walk(cls.inbox) for f in fs)
        cls.before = {p: sha(p) for p in cls.inputs}
        cls.out1 = os.path.join(cls.tmp, "集团汇总_j1.ods")
        cls.out2 = os.path.join(cls.tmp, "集团汇总_j2.ods")
        cls.run1 = run_cli("rollup", "--out", cls.out1, cls.inbox)
        cls.run2 = run_cli("rollup", "--out", cls.out2, "--jobs", "2", cls.inbox)

    def open(self, path):
        return self.office.desktop.loadComponentFromURL(file_url(path), "_blank", 0,
                                                        props(Hidden=True, ReadOnly=True))

    # -- distribute --------------------------------------------------------------------------
    def test_distribute_wrote_one_file_per_dealer(self):
        for res, folder, n in ((self.distribute_ods, self.dist_ods, 15), (self.distribute_csv, self.dist_csv, 15)):
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertEqual(len(os.listdir(folder)), n)
            self.assertIn("%d 个文件已写入" % n, res.stdout)
        for i, (code, name) in enumerate(self.dealers):
            dealer, month, values = self.distributed[name]
            self.assertEqual((dealer, month), (name, MONTH))
            for k, v in self.group_values[i].items():
                self.assertAlmostEqual(values[k], v, places=12, msg=(name, k))
            # --lock for the .ods table only
            self.assertEqual(self.locked[name], [i < N_DEALERS // 2] * len(self.group_values[i]), name)

    def test_distribute_never_overwrites_without_force(self):
        res = run_cli("distribute", "--template", STRATEGY, "--dealers", self.csv_table, "--month", MONTH,
                      "--out", self.dist_csv)
        self.assertEqual(res.returncode, 3, res.stdout + res.stderr)  # no row written
        refused = [l for l in res.stderr.splitlines() if l.startswith("第 ")]
        self.assertEqual(len(refused), 15, res.stderr)
        for line in refused:
            self.assertIn("force", line)

    # -- rollup ------------------------------------------------------------------------------
    def test_exit_status_and_summary(self):
        for res in (self.run1, self.run2):
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertIn("未采用 12 个", res.stdout)
            self.assertIn("未采用 not taken 12", res.stderr.splitlines()[-1])
            self.assertIn("已汇总 %d 个文件" % (len(self.typed) + len(self.workshop)), res.stdout)
            self.assertIn("%d/%d 文件" % (len(self.inputs), len(self.inputs)), res.stderr)

    def test_summary_sheet(self):
        doc = self.open(self.out1)
        try:
            cols, body, rows = assert_summary_rows(self, doc, self.typed, MONTH, COUNTS, RATES)
            self.assertEqual(body[-1][cols["经销商"]], "集团合计")
            for dealer, t in self.typed.items():
                self.assertEqual(rows[dealer][cols["文件"]], t["file"], dealer)
            # ranked by 交车数 achievement
            ranked = sorted(self.typed, key=lambda d: -self.typed[d]["交车数_实际"] / self.typed[d]["交车数_目标"])
            achieved = [self.typed[d]["交车数_实际"] / self.typed[d]["交车数_目标"] for d in ranked]
            self.assertEqual([r[cols["排名"]] for r in body[:-1]], [str(i + 1) for i in range(len(ranked))])
            got = [self.typed[r[cols["经销商"]]]["交车数_实际"] / self.typed[r[cols["经销商"]]]["交车数_目标"]
                   for r in body[:-1]]
            self.assertEqual(got, achieved)
            # 集团合计: counts summed, rates pooled over the dealers' counts
            total = rows["集团合计"]
            sums = {k: sum(t[k] for t in self.typed.values()) for k in COUNTS}
            for k in COUNTS:
                self.assertEqual(total[cols[k]], shown_count(sums[k]), k)
            for k, (a, b) in RATES.items():
                self.assertEqual(total[cols[k]], shown_rate(sums[a] / sums[b]), k)
            # the figures tell pooling from the mean of the dealers' rates
            differ = [k for k, (a, b) in RATES.items()
                      if shown_rate(sum((t[k] if k.endswith("_目标") else t[a] / t[b]) for t in self.typed.values())
                                    / len(self.typed)) != shown_rate(sums[a] / sums[b])]
            self.assertGreaterEqual(len(differ), 3, differ)
        finally:
            doc.close(True)

    def test_workshop_sheet(self):
        doc = self.open(self.out1)
        try:
            cols, body = table(doc, "售后汇总")
            rows = {row[cols["经销商"]]: row for row in body}
            self.assertEqual(set(rows), set(self.workshop) | {"集团合计"})
            sold = sum(sum(t["销售工时"]) for t in self.workshop.values())
            avail = sum(sum(t["可售工时"]) for t in self.workshop.values())
            self.assertEqual(rows["集团合计"][cols["总效率_合计"]], shown_rate(sold / avail))
            for dealer, t in self.workshop.items():
                self.assertEqual(rows[dealer][cols["总效率_合计"]], shown_rate(sum(t["销售工时"]) / sum(t["可售工时"])))
                self.assertEqual(rows[dealer][cols["售后产值目标"]], "{:,.2f}".format(t["售后产值目标"]))
                for k, trade in enumerate(("机修", "钣金", "喷漆")):
                    self.assertEqual(rows[dealer][cols["可售工时_" + trade]], "{:,.2f}".format(t["可售工时"][k]))
        finally:
            doc.close(True)

    def test_issues_sheet(self):
        doc = self.open(self.out1)
        try:
            cols, body = table(doc, "问题清单")
            not_taken = {}
            noted = {}
            body = [row for row in body if not row[cols["原因"]].startswith(NO_STAMP_NOTE)]
            for row in body:
                (not_taken if row[cols["处理"]] == "未采用" else noted).setdefault(row[cols["文件"]], []).append(
                    row[cols["原因"]])
            expected = {self.bad[c] for c in ("corrupt_zip", "truncated", "text_as_ods", "not_spreadsheet",
                                              "not_template", "password", "unknown_version", "blank_required",
                                              "error_required", "other_month")} | set(self.duplicate_pair)
            self.assertEqual(set(not_taken), expected)
            self.assertIn("密码", not_taken[self.bad["password"]][0])
            self.assertIn("版本 9", not_taken[self.bad["unknown_version"]][0])
            self.assertIn("交车数_实际", not_taken[self.bad["blank_required"]][0])
            self.assertIn("交车数_实际", not_taken[self.bad["error_required"]][0])
            self.assertIn("2026-10", not_taken[self.bad["other_month"]][0])
            self.assertIn(MONTH, not_taken[self.bad["other_month"]][0])
            for path in self.duplicate_pair:
                self.assertEqual(not_taken[path], ["以下文件声称同一经销商、同一月份、同一模板，均未采用：%s / these files "
                                                   "claim one dealer-month; none was taken" % "、".join(self.duplicate_pair)])
            self.assertEqual(set(noted), {self.bad["macro"]})
            self.assertIn("宏", noted[self.bad["macro"]][0])
        finally:
            doc.close(True)

    def test_jobs_2_gives_the_same_workbook(self):
        one, two = self.open(self.out1), self.open(self.out2)
        try:
            a, b = used_strings(one), used_strings(two)
            self.assertEqual(list(a), list(b))
            for name in a:
                self.assertEqual(a[name], b[name], name)
        finally:
            one.close(True)
            two.close(True)

    def test_inputs_unchanged_no_lock_no_macro(self):
        self.assertEqual({p: sha(p) for p in self.inputs}, self.before)
        self.assertEqual(lock_files(self.inbox), [])
        self.assertFalse(os.path.exists(self.marker), "the open-event macro ran")
        self.assertEqual(soffice_pids_of_cli(), [])
        # no work folder nor pipe left by an office that was killed (of this test's command
        # lines: other tests' offices may run at the same time)
        work = tuple("dealerkpi-group-office-%d-" % pid for pid in CLI_PIDS)
        self.assertEqual([d for d in os.listdir(tempfile.gettempdir()) if d.startswith(work)], [])
        ours = tuple("OSL_PIPE_%d_dealerkpi-group-%d-" % (os.getuid(), pid) for pid in CLI_PIDS)
        self.assertEqual([d for d in os.listdir("/tmp") if d.startswith(ours)], [])

    def test_office_crash_retried_once_then_listed(self):
        folder = os.path.join(self.tmp, "crash")
        os.makedirs(folder)
        picks = sorted(self.typed)[:3]
        for d in picks:
            shutil.copy(self.typed[d]["file"], folder)
        victim = os.path.basename(self.typed[picks[1]]["file"])
        out = os.path.join(self.tmp, "集团汇总_crash.ods")
        res = run_cli("rollup", "--out", out, folder, env_extra={"DEALERKPI_GROUP_TEST_CRASH": victim})
        self.assertEqual(res.returncode, 0, res.stderr)
        died = [l for l in res.stderr.splitlines() if "died" in l and victim in l]
        self.assertEqual(len(died), 2, res.stderr)  # the first try and the one retry
        self.assertIn("restarting", died[0])
        self.assertIn("未采用 1 个", res.stdout)
        self.assertEqual(soffice_pids_of_cli(), [])
        doc = self.open(out)
        try:
            cols, body = table(doc, "汇总")
            self.assertEqual({r[cols["经销商"]] for r in body}, {picks[0], picks[2], "集团合计"})
            cols, body = table(doc, "问题清单")
            body = [r for r in body if not r[cols["原因"]].startswith(NO_STAMP_NOTE)]
            self.assertEqual([(os.path.basename(r[cols["文件"]]), r[cols["处理"]]) for r in body], [(victim, "未采用")])
            self.assertIn("崩溃", body[0][cols["原因"]])
            self.assertIn("重试", body[0][cols["原因"]])
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
