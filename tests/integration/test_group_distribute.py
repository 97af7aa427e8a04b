"""distribute's rules in a real office: dealer codes that are portable file
names (others refused with their row, no hidden file), one code per dealer
name, a dealers .csv in UTF-8 (with or without BOM) or GB18030 and other
encodings refused by name, a name too long for a file name, rates as a person
writes them in .csv, .ods and .xlsx tables, the identity stamp (document
properties and locked cells), the template's view settings in every file,
--jobs 2 giving what --jobs 1 gives, --force counting what was written, a
symlink never written through, and Ctrl-C saying what was written and
leaving no lock file or pipe behind.
"""
import os

# This process must know the group workflow's types (see test_group_service.py).
_PROGRAM = "file://%s/" % os.environ.get("LO_PROGRAM_DIR", "/usr/lib/libreoffice/program").rstrip("/")
os.environ["UNO_TYPES"] = "%stypes.rdb %stypes/offapi.rdb %s" % (_PROGRAM, _PROGRAM, "file://" + os.path.join(
    os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../build")),
    "group.rdb"))
import uno  # noqa: E402,F401

del os.environ["UNO_TYPES"]

import csv  # noqa: E402
import glob  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

import group_files as gf  # noqa: E402
import harness  # noqa: E402
from office import file_url  # noqa: E402

SERVICE = "org.dealerkpi.group.Workflow"
BUILD, CLI, cli_env = gf.BUILD, gf.CLI, gf.cli_env
MONTH = "2026-12"
RATE = "订单交车率_目标"
# (as written in the table, the fraction it means or None: refused)
RATE_TEXTS = (("80", None), ("0.8", 0.8), ("80%", 0.8), ("150%", 1.5), ("150", None), ("1.5", 1.5),
              ("1200%", None), ("0.5%", None))


def run_cli(*args, timeout=1200):
    return subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=timeout, env=cli_env())


def write_csv(path, header, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def user_props(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    return {p.Name: props.getPropertyValue(p.Name) for p in props.PropertySetInfo.Properties}


def view_of(doc):
    """(active sheet, {sheet: (frozen columns, frozen rows, cursor column, cursor row)}) of a document's
    saved view data."""
    data = doc.getViewData()
    if data is None or data.Count == 0:
        return None
    view = {p.Name: p.Value for p in data.getByIndex(0)}
    tables = view.get("Tables")
    out = {}
    for name in (tables.ElementNames if tables else ()):
        t = {p.Name: p.Value for p in tables.getByName(name)}
        out[name] = (t.get("HorizontalSplitPosition"), t.get("VerticalSplitPosition"), t.get("CursorPositionX"),
                     t.get("CursorPositionY"))
    return view.get("ActiveTable"), out


class DistributeCase(harness.OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wf = cls.office.service(SERVICE)

    def distribute(self, table, kind="strategy_table", force=False, out=None):
        """The output folder and one line per row, as the command line says it."""
        out = out or tempfile.mkdtemp(dir=self.tmp)
        rows = list(self.wf.distribute(kind, file_url(table), MONTH, file_url(out), False, force, None))
        self.rows = rows
        lines = []
        for r in rows:
            if r.Written:
                self.assertEqual(r.Reason.Code, "")
                path = uno.fileUrlToSystemPath(r.Url)
                lines.append("第 %d 行：已生成 %s / row %d: written %s" % (r.Row, path, r.Row, path))
            else:
                self.assertTrue(r.Reason.Code)
                lines.append("第 %d 行：%s / row %d: %s" % (r.Row, r.Reason.TextZh, r.Row, r.Reason.TextEn))
        return out, lines

    def folder(self):
        return tempfile.mkdtemp(dir=self.tmp)

    def line_of(self, lines, row):
        got = [l for l in lines if l.startswith("第 %d 行：" % row)]
        self.assertEqual(len(got), 1, lines)
        self.assertIn(" / row %d: " % row, got[0])  # both languages
        return got[0]


class Identity(DistributeCase):
    def test_codes_that_are_not_portable_file_names_are_refused(self):
        table = os.path.join(self.folder(), "dealers.csv")
        codes = ["A-1_b", ".x", "a/b", "a:b", "a*b", "", "..", "中文", "ok2"]
        write_csv(table, ["经销商代码", "经销商"], [[c, "店%d" % i] for i, c in enumerate(codes)])
        out, lines = self.distribute(table)
        for i, code in enumerate(codes):
            line = self.line_of(lines, i + 2)
            if code in ("A-1_b", "ok2"):
                self.assertIn("已生成", line)
            else:
                self.assertIn("未生成文件", line)
                self.assertIn("no file written", line)
                self.assertEqual(self.rows[i].Reason.Code, "blank_dealer" if code == "" else "bad_code")
        self.assertEqual(sorted(os.listdir(out)), ["A-1_b_店0_%s.ods" % MONTH, "ok2_店8_%s.ods" % MONTH])

    def test_one_name_under_two_codes_is_refused(self):
        table = os.path.join(self.folder(), "dealers.csv")
        write_csv(table, ["经销商代码", "经销商"], [["D1", "华东1店"], ["D2", "华东2店"], ["D3", "华东1店"], ["D2", "别店"]])
        out, lines = self.distribute(table)
        self.assertIn("在第 2, 4 行有不同的经销商代码", self.line_of(lines, 2))
        self.assertEqual([(r.Row, r.Reason.Code, r.Reason.Cell) for r in self.rows if not r.Written],
                         [(2, "duplicate_name", "经销商"), (4, "duplicate_name", "经销商"), (5, "duplicate_code", "经销商代码")])
        self.assertIn("在第 2, 4 行有不同的经销商代码", self.line_of(lines, 4))
        self.assertIn("已生成", self.line_of(lines, 3))
        self.assertIn("经销商代码 D2 与第 3 行重复", self.line_of(lines, 5))
        self.assertEqual(os.listdir(out), ["D2_华东2店_%s.ods" % MONTH])

    def test_the_month_as_the_templates_accept_it(self):
        table = os.path.join(self.folder(), "dealers.csv")
        write_csv(table, ["经销商代码", "经销商"], [["D1", "一号店"]])
        for typed in ("2026年12月", "2026/12", " 2026-12 "):
            out = self.folder()
            rows = list(self.wf.distribute("strategy_table", file_url(table), typed, file_url(out), False, False, None))
            self.assertEqual([r.Written for r in rows], [True], typed)
            self.assertEqual(os.listdir(out), ["D1_一号店_%s.ods" % MONTH], typed)
            rec = self.wf.readDealerFile(file_url(os.path.join(out, os.listdir(out)[0])))
            self.assertEqual(rec.Month, MONTH, typed)
        for typed in ("2026-13", "1899-12", "2026-12 这是假的"):
            with self.assertRaises(Exception, msg=typed) as caught:
                self.wf.distribute("strategy_table", file_url(table), typed, file_url(self.folder()), False, False, None)
            self.assertIn("2026年11月", caught.exception.Message)

    def test_a_300_character_name_gets_a_clear_refusal(self):
        table = os.path.join(self.folder(), "dealers.csv")
        write_csv(table, ["经销商代码", "经销商"], [["D1", "长" * 300], ["D2", "短店"]])
        out, lines = self.distribute(table)
        line = self.line_of(lines, 2)
        self.assertIn("经销商名称太长（300 个字符，最多 60 个）", line)
        self.assertLess(len(line), 200)
        self.assertEqual(os.listdir(out), ["D2_短店_%s.ods" % MONTH])

    def test_stamp_and_locked_identity_cells(self):
        table = os.path.join(self.folder(), "dealers.csv")
        write_csv(table, ["经销商代码", "经销商"], [["007", "七号店"], ["008", "八号店"]])
        out, lines = self.distribute(table)
        _, again = self.distribute(table)
        issues = []
        for run in (out, os.path.dirname(again[0].split("已生成 ")[1].split(" / row")[0])):
            doc = self.office.load(os.path.join(run, "007_七号店_%s.ods" % MONTH))
            try:
                p = user_props(doc)
                self.assertEqual(p["DealerKPI模板"], "strategy_table")
                self.assertEqual(p["DealerKPI经销商代码"], "007")
                self.assertEqual(p["DealerKPI月份"], MONTH)
                self.assertRegex(p["DealerKPI下发"], r"^[0-9a-f]{32}$")
                issues.append(p["DealerKPI下发"])
                for name, shown in (("经销商代码", "007"), ("经销商", "七号店"), ("月份", "2026-12")):
                    cell = gf.named_cells(doc, name)[0]
                    self.assertEqual(cell.getString(), shown, name)
                    self.assertTrue(cell.CellProtection.IsLocked, name)
            finally:
                doc.close(True)
        doc = self.office.load(os.path.join(out, "008_八号店_%s.ods" % MONTH))
        try:
            self.assertEqual(user_props(doc)["DealerKPI下发"], issues[0])  # one run, one issue stamp
            self.assertEqual(gf.named_cells(doc, "经销商代码")[0].getString(), "008")
        finally:
            doc.close(True)
        self.assertNotEqual(issues[0], issues[1])  # another run, another stamp

    def test_symlink_is_never_written_through(self):
        folder = self.folder()
        table = os.path.join(folder, "dealers.csv")
        write_csv(table, ["经销商代码", "经销商"], [["D1", "一店"]])
        out = os.path.join(folder, "out")
        os.mkdir(out)
        victim = os.path.join(folder, "victim.txt")
        with open(victim, "w") as f:
            f.write("keep")
        os.symlink(victim, os.path.join(out, "D1_一店_%s.ods" % MONTH))
        _, lines = self.distribute(table, force=True, out=out)
        self.assertIn("符号链接", self.line_of(lines, 2))
        with open(victim) as f:
            self.assertEqual(f.read(), "keep")


class Encodings(DistributeCase):
    HEADER = ["经销商代码", "经销商", "交车数_目标"]
    ROWS = [["D1", "华东一店", "120"], ["D2", "华南二店", "90"]]

    def check_read(self, encoding, bom=b""):
        table = os.path.join(self.folder(), "dealers.csv")
        with open(table, "wb") as f:
            f.write(bom + "\r\n".join(",".join(r) for r in [self.HEADER] + self.ROWS).encode(encoding) + b"\r\n")
        out, lines = self.distribute(table)
        self.assertEqual(sorted(os.listdir(out)), ["D1_华东一店_%s.ods" % MONTH, "D2_华南二店_%s.ods" % MONTH], lines)
        rec = self.wf.readDealerFile(file_url(os.path.join(out, "D2_华南二店_%s.ods" % MONTH)))
        self.assertEqual(rec.Dealer, "华南二店")
        self.assertEqual({nv.Name: nv.Value for nv in rec.Values}["交车数_目标"], 90)

    def test_utf8(self):
        self.check_read("utf-8")

    def test_utf8_with_bom(self):
        self.check_read("utf-8", b"\xef\xbb\xbf")

    def test_gb18030_as_excel_writes_it(self):
        self.check_read("gb18030")

    def refused(self, data, words):
        table = os.path.join(self.folder(), "dealers.csv")
        with open(table, "wb") as f:
            f.write(data)
        bad = uno.getClass("com.sun.star.lang.IllegalArgumentException")
        with self.assertRaises(bad) as caught:
            self.distribute(table)
        for w in words:
            self.assertIn(w, caught.exception.Message)

    def test_utf16_is_refused_by_name(self):
        self.refused("经销商代码,经销商\r\nD1,一店\r\n".encode("utf-16"), ["UTF-16", "encoded in UTF-16"])

    def test_other_encodings_are_refused_by_name(self):
        self.refused(b"\x81\x30\x81\xff,\xff\xfe\xfd\r\n", ["既不是 UTF-8 也不是 GB18030", "neither in UTF-8 nor in GB18030"])

    def test_missing_header_says_the_encoding_in_both_languages(self):
        table = os.path.join(self.folder(), "dealers.csv")
        write_csv(table, ["代码", "名称"], [["D1", "一店"]], encoding="gb18030")
        bad = uno.getClass("com.sun.star.lang.IllegalArgumentException")
        with self.assertRaises(bad) as caught:
            self.distribute(table)
        self.assertIn("按 GB18030 编码读取", caught.exception.Message)
        self.assertIn("read as GB18030", caught.exception.Message)


class Rates(DistributeCase):
    """Each rate text in a .csv (text), and as Calc takes it typed into an .ods or
    .xlsx table (a number; "80%" is 0.8 shown as a percentage)."""

    def table_rows(self):
        return [["R%d" % i, "比率店%d" % i, text] for i, (text, _) in enumerate(RATE_TEXTS)]

    def write_sheet(self, path):
        doc = self.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            for c, t in enumerate(["经销商代码", "经销商", RATE]):
                sheet.getCellByPosition(c, 0).setString(t)
            for r, row in enumerate(self.table_rows(), start=1):
                sheet.getCellByPosition(0, r).setString(row[0])
                sheet.getCellByPosition(1, r).setString(row[1])
                sheet.getCellByPosition(2, r).setFormula(row[2])  # as typed: "80%" becomes 0.8 in a % format
            gf.save(doc, path)
        finally:
            doc.close(True)

    def check(self, ext):
        table = os.path.join(self.folder(), "dealers" + ext)
        if ext == ".csv":
            write_csv(table, ["经销商代码", "经销商", RATE], self.table_rows())
        else:
            self.write_sheet(table)
        out, lines = self.distribute(table)
        for i, (text, fraction) in enumerate(RATE_TEXTS):
            line = self.line_of(lines, i + 2)
            name = "R%d_比率店%d_%s.ods" % (i, i, MONTH)
            if fraction is None:
                self.assertIn("超出 1%–1000%：比率写成 80% 或 0.8", line, text)
                self.assertIn("write a rate as 80% or 0.8", line, text)
                self.assertFalse(os.path.exists(os.path.join(out, name)), text)
                continue
            self.assertIn("已生成", line, text)
            doc = self.office.load(os.path.join(out, name))
            try:
                self.assertEqual(gf.named_cells(doc, RATE)[0].getValue(), fraction, text)
            finally:
                doc.close(True)

    def test_csv(self):
        self.check(".csv")

    def test_ods(self):
        self.check(".ods")

    def test_xlsx(self):
        self.check(".xlsx")

    def test_zero_and_bounds(self):
        table = os.path.join(self.folder(), "dealers.csv")
        write_csv(table, ["经销商代码", "经销商", RATE],
                  [["Z0", "零店", "0"], ["Z1", "一店", "1%"], ["Z2", "千店", "1000%"], ["Z3", "超店", "10.01"],
                   ["Z4", "文字店", "八成"]])
        out, lines = self.distribute(table)
        for row in (2, 3, 4):
            self.assertIn("已生成", self.line_of(lines, row))
        self.assertIn("超出 1%–1000%", self.line_of(lines, 5))
        self.assertIn("不是比率", self.line_of(lines, 6))


class Views(DistributeCase):
    def test_written_files_keep_the_template_view(self):
        for kind, header in (("strategy_table", ["经销商代码", "经销商"]), ("workshop_targets", ["经销商代码", "经销商"])):
            table = os.path.join(self.folder(), "dealers.csv")
            write_csv(table, header, [["V1", "视图店"]])
            out, lines = self.distribute(table, kind=kind)
            template = self.office.load(os.path.join(BUILD, "templates", "ots", kind + ".ots"))
            try:
                want = view_of(template)
            finally:
                template.close(True)
            self.assertIsNotNone(want)
            self.assertTrue(any(v[0] or v[1] for v in want[1].values()), want)  # something is frozen
            doc = self.office.load(os.path.join(out, "V1_视图店_%s.ods" % MONTH))
            try:
                got = view_of(doc)
            finally:
                doc.close(True)
            self.assertEqual(got, want, kind)


class CommandLine(DistributeCase):
    def table(self, n, bad=True):
        folder = self.folder()
        table = os.path.join(folder, "dealers.csv")
        rows = [["C%03d" % i, "命令店%d" % i, str(100 + i), "%d%%" % (70 + i % 20)] for i in range(n)]
        if bad:
            rows[1][0] = "a/b"
            rows[3][3] = "150"
        write_csv(table, ["经销商代码", "经销商", "交车数_目标", RATE], rows)
        return folder, table

    def run_distribute(self, table, out, *extra):
        return run_cli("distribute", "--template", "strategy_table", "--dealers", table, "--month", MONTH,
                       "--out", out, *extra)

    def test_jobs_2_gives_what_jobs_1_gives(self):
        folder, table = self.table(7)
        results = []
        for jobs in ("1", "2"):
            out = os.path.join(folder, "out" + jobs)
            r = self.run_distribute(table, out, "--jobs", jobs)
            self.assertEqual(r.returncode, 1, r.stderr)  # two rows refused
            said = [[l.replace(out, "OUT") for l in text.splitlines() if l.startswith("第 ")]
                    for text in (r.stdout, r.stderr)]  # files written, rows refused
            files = {}
            for name in sorted(os.listdir(out)):
                rec = self.wf.readDealerFile(file_url(os.path.join(out, name)))
                doc = self.office.load(os.path.join(out, name))
                try:
                    p = user_props(doc)
                finally:
                    doc.close(True)
                files[name] = (rec.Dealer, rec.Month, sorted((nv.Name, nv.Value) for nv in rec.Values),
                               p["DealerKPI经销商代码"], p["DealerKPI月份"])
            results.append((said, files))
        self.assertEqual(len(results[0][1]), 5)
        rows = [[int(re.match(r"第 (\d+) 行", l).group(1)) for l in lines] for lines in results[0][0]]
        self.assertEqual(rows, [[2, 4, 6, 7, 8], [3, 5]])  # in table order
        self.assertEqual(results[0], results[1])

    def test_force_counts_what_was_written(self):
        folder, table = self.table(4)
        out = os.path.join(folder, "out")
        for _ in range(2):
            r = self.run_distribute(table, out, "--force")
            self.assertIn("dealerkpi-group: 2 个文件已写入", r.stdout)
            self.assertEqual(len(os.listdir(out)), 2)
        self.assertFalse([n for n in os.listdir(out) if n.startswith(".")])

    def test_ctrl_c_says_what_was_written_and_leaves_nothing_behind(self):
        folder, table = self.table(40, bad=False)
        out = os.path.join(folder, "out")
        p = subprocess.Popen([CLI, "distribute", "--template", "strategy_table", "--dealers", table, "--month", MONTH,
                              "--out", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())
        deadline = time.time() + 600
        while time.time() < deadline and len(glob.glob(os.path.join(out, "*.ods"))) < 3:
            time.sleep(0.05)
        p.send_signal(signal.SIGINT)
        stdout, stderr = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 130, stderr)
        m = re.search(r"已中断；已写入 (\d+) 个文件", stderr)
        self.assertTrue(m, stderr)
        listed = re.findall(r"：已生成 (\S+\.ods)", stderr)
        self.assertEqual(len(listed), int(m.group(1)))
        self.assertGreaterEqual(len(listed), 1)
        self.assertEqual(sorted(os.path.join(out, n) for n in os.listdir(out)), sorted(listed))
        self.assertEqual(glob.glob("/tmp/OSL_PIPE_%d_dealerkpi-group-%d-*" % (os.getuid(), p.pid)), [])

    def test_ctrl_c_while_force_replaces_a_file_leaves_it_whole(self):
        """--force over files issued before, interrupted while one file is being written
        (the test hook holds the office there): every file the run did not say it wrote
        is byte for byte the one issued before, nothing else is left in the folder."""
        import hashlib
        folder, table = self.table(6, bad=False)
        out = os.path.join(folder, "out")
        first = self.run_distribute(table, out)
        self.assertEqual(first.returncode, 0, first.stderr)
        names = sorted(os.listdir(out))
        self.assertEqual(len(names), 6)

        def digest(name):
            with open(os.path.join(out, name), "rb") as f:
                return hashlib.sha256(f.read()).hexdigest()

        before = {n: digest(n) for n in names}
        held = [n for n in names if n.startswith("C003_")][0]
        env = cli_env(DEALERKPI_GROUP_TEST_STALL=held)
        p = subprocess.Popen([CLI, "distribute", "--template", "strategy_table", "--dealers", table, "--month", MONTH,
                              "--out", out, "--force"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env)
        marker = os.path.join(out, held + ".stalled")
        deadline = time.time() + 600
        while time.time() < deadline and not os.path.exists(marker) and p.poll() is None:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(marker), "the office never reached the write")
        p.send_signal(signal.SIGINT)
        stdout, stderr = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 130, stderr)
        listed = [os.path.basename(n) for n in re.findall(r"：已生成 (\S+\.ods)", stderr)]
        self.assertEqual(len(listed), int(re.search(r"已中断；已写入 (\d+) 个文件", stderr).group(1)))
        self.assertNotIn(held, listed)
        self.assertEqual(sorted(os.listdir(out)), names)  # no part, lock file or marker left
        for n in names:
            with self.subTest(file=n):
                if n in listed:
                    self.assertNotEqual(digest(n), before[n])  # replaced, and whole: it opens, stamped
                    doc = self.office.load(os.path.join(out, n))
                    try:
                        self.assertEqual(user_props(doc)["DealerKPI经销商代码"], n.split("_")[0])
                    finally:
                        doc.close(True)
                else:
                    self.assertEqual(digest(n), before[n])
        self.assertEqual(glob.glob("/tmp/OSL_PIPE_%d_dealerkpi-group-%d-*" % (os.getuid(), p.pid)), [])


if __name__ == "__main__":
    unittest.main()
