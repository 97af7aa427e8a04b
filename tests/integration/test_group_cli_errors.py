"""dealerkpi-group: a wrong command line, or nothing that can be written, is one
line on stderr and a non-zero exit code, before any office starts."""
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import unittest

BUILD = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
CLI = os.path.join(BUILD, "dealerkpi-group")
USAGE, NOTHING = 2, 3
# a store any user can make (the runs as nobody too); removed at the end
STORE = "/tmp/dealerkpi-cli-errors-%d.sqlite" % os.getpid()


def run(*args, as_nobody=False, cwd=None):
    cmd = [CLI] + list(args)
    if as_nobody:  # root writes anywhere: an unwritable folder needs an ordinary user
        nobody = pwd.getpwnam("nobody")
        cmd = ["setpriv", "--reuid=%d" % nobody.pw_uid, "--regid=%d" % nobody.pw_gid, "--clear-groups"] + cmd
    t = time.time()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=cwd,
                         env=dict(os.environ, DEALERKPI_SOFFICE="/bin/false", DEALERKPI_STORE=STORE))
    return res, time.time() - t


class CommandLineErrors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dealerkpi-group-cli-")
        os.chmod(cls.tmp, 0o755)
        cls.dealers = os.path.join(cls.tmp, "dealers.csv")
        with open(cls.dealers, "w", encoding="utf-8") as f:
            f.write("经销商代码,经销商,交车数_目标\nD001,北京一店,100\n")
        cls.inputs = os.path.join(cls.tmp, "in")
        os.makedirs(cls.inputs)
        with open(os.path.join(cls.inputs, "readme.txt"), "w") as f:
            f.write("not a spreadsheet\n")
        cls.readonly = os.path.join(cls.tmp, "readonly")
        os.makedirs(cls.readonly)
        os.chmod(cls.readonly, 0o555)
        cls.existing = os.path.join(cls.tmp, "existing.ods")
        with open(cls.existing, "w") as f:
            f.write("x")

    @classmethod
    def tearDownClass(cls):
        os.chmod(cls.readonly, 0o755)
        shutil.rmtree(cls.tmp, ignore_errors=True)
        for ending in ("", "-wal", "-shm"):
            if os.path.exists(STORE + ending):
                os.remove(STORE + ending)

    def fails(self, code, words, *args, as_nobody=False):
        """Exit `code`, nothing on stdout, one line on stderr naming `words`; no
        office started (DEALERKPI_SOFFICE=/bin/false would fail later, and it is fast)."""
        res, seconds = run(*args, as_nobody=as_nobody)
        self.assertEqual(res.returncode, code, (args, res.stdout, res.stderr))
        self.assertEqual(res.stdout, "", args)
        lines = res.stderr.splitlines()
        self.assertEqual(len(lines), 1, (args, res.stderr))
        self.assertTrue(lines[0].startswith("dealerkpi-group: "), lines[0])
        for w in words:
            self.assertIn(w, lines[0])
        self.assertLess(seconds, 10, args)
        return lines[0]

    # -- missing arguments ---------------------------------------------------------
    def test_no_command(self):
        self.fails(USAGE, ["missing command"])

    def test_unknown_command(self):
        self.fails(USAGE, ["unknown command", "collect"], "collect", self.inputs)

    def test_distribute_missing_each_argument(self):
        full = {"--template": "strategy_table", "--dealers": self.dealers, "--month": "2026-12",
                "--out": os.path.join(self.tmp, "out")}
        for missing in full:
            args = [x for k, v in full.items() if k != missing for x in (k, v)]
            self.fails(USAGE, ["missing " + missing], "distribute", *args)

    def test_rollup_missing_out(self):
        self.fails(USAGE, ["missing --out"], "rollup", self.inputs)

    def test_rollup_missing_input(self):
        self.fails(USAGE, ["missing INPUT"], "rollup", "--out", os.path.join(self.tmp, "g.ods"))

    def test_unknown_option(self):
        self.fails(USAGE, ["--colour"], "rollup", "--colour", "--out", os.path.join(self.tmp, "g.ods"), self.inputs)

    # -- wrong values ----------------------------------------------------------------
    def test_unknown_template(self):
        line = self.fails(USAGE, ["unknown template", "kpi_report", "strategy_table", "workshop_targets"],
                          "distribute", "--template", "kpi_report", "--dealers", self.dealers,
                          "--month", "2026-12", "--out", os.path.join(self.tmp, "out"))
        self.assertIn("未知模板", line)

    def test_bad_month(self):
        # what the templates' month cells refuse (one parser: group/common/month.hxx)
        for month in ("2026-13", "12/2026", "2026-00", "1899-12", "2026-11 这是假的", "202611"):
            self.fails(USAGE, ["2026年11月", month], "distribute", "--template", "strategy_table",
                       "--dealers", self.dealers, "--month", month, "--out", os.path.join(self.tmp, "out"))
            self.fails(USAGE, ["2026年11月", month], "rollup", "--month", month,
                       "--out", os.path.join(self.tmp, "g.ods"), self.inputs)

    def test_bad_jobs(self):
        for jobs in ("0", "-1", "two"):
            self.fails(USAGE, ["--jobs"], "rollup", "--jobs", jobs, "--out", os.path.join(self.tmp, "g.ods"),
                       self.inputs)

    def test_bad_memory(self):
        # an honest file takes an office to 500-620 MiB of address space: below 1G every file would be "over the limit"
        for size in ("512M", "900M", "0", "lots"):
            self.fails(USAGE, ["--memory", "1G"], "rollup", "--memory", size, "--out", os.path.join(self.tmp, "g.ods"),
                       self.inputs)

    def test_output_format(self):
        self.fails(USAGE, [".ods or .xlsx", "g.pdf"], "rollup", "--out", os.path.join(self.tmp, "g.pdf"),
                   self.inputs)

    def test_dealers_format(self):
        self.fails(USAGE, [".ods, .xlsx or .csv"], "distribute", "--template", "strategy_table",
                   "--dealers", os.path.join(self.tmp, "dealers.txt"), "--month", "2026-12",
                   "--out", os.path.join(self.tmp, "out"))

    # -- nothing can be written ---------------------------------------------------------
    def test_no_input_files(self):
        self.fails(NOTHING, ["no input files"], "rollup", "--out", os.path.join(self.tmp, "g.ods"), self.inputs)

    def test_input_not_found(self):
        self.fails(USAGE, ["input not found", "nowhere"], "rollup", "--out", os.path.join(self.tmp, "g.ods"),
                   os.path.join(self.tmp, "nowhere"))

    def test_output_folder_missing(self):
        self.fails(NOTHING, ["not writable", "no-such-folder"], "rollup",
                   "--out", os.path.join(self.tmp, "no-such-folder", "g.ods"), self.inputs)

    def test_output_folder_not_writable(self):
        self.fails(NOTHING, ["not writable", "readonly"], "rollup", "--out",
                   os.path.join(self.readonly, "g.ods"), self.inputs, as_nobody=os.geteuid() == 0)
        self.fails(NOTHING, ["not writable", "readonly"], "distribute", "--template", "strategy_table",
                   "--dealers", self.dealers, "--month", "2026-12", "--out", self.readonly,
                   as_nobody=os.geteuid() == 0)

    def test_output_exists_without_force(self):
        self.fails(NOTHING, ["--force", "existing.ods"], "rollup", "--out", self.existing, self.inputs)
        with open(self.existing) as f:
            self.assertEqual(f.read(), "x")

    def test_dealers_table_missing(self):
        self.fails(NOTHING, ["dealers table not found"], "distribute", "--template", "workshop_targets",
                   "--dealers", os.path.join(self.tmp, "none.csv"), "--month", "2026-12",
                   "--out", os.path.join(self.tmp, "out"))

    # -- help ------------------------------------------------------------------------------
    def test_help(self):
        for args, words in ((["--help"], ["distribute", "rollup", "退出码", "exit status"]),
                            (["distribute", "--help"], ["--template", "--dealers", "--month", "--out", "--lock",
                                                         "--force", "经销商代码"]),
                            (["rollup", "--help"], ["--out", "--jobs", "--month", "--force", "问题清单", ".xls"])):
            res, _ = run(*args)
            self.assertEqual(res.returncode, 0, args)
            self.assertEqual(res.stderr, "")
            for w in words:
                self.assertIn(w, res.stdout, args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
