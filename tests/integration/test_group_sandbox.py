"""The roll-up's offices with outsiders' files: no request leaves them, memory and
time are bounded, and whatever hits a limit is listed while the run goes on.

Files (hostile_files.py): honest dealer files made in a real office, and from
them one file per remote-link kind pointing at a listener on 127.0.0.1 (an
ephemeral port, open only during this test), a million rows by 1,024 columns,
a zip bomb of text, and a file that keeps the office computing for hours.
The command line rolls them all up with --memory 1G and --timeout 60:

- the listener sees no request (and, as a control, it does see the request
  the same linked image makes from an office outside the sandbox);
- every office's peak resident memory (--verbose) stays under 1 GiB;
- the big files are listed with the memory reason, the slow one with the
  timeout reason after ONE timeout (never the memory reason), and the honest files' figures are those
  of a run over the honest files alone;
- no input changes, no temporary folder or pipe is left.

A second roll-up, with --memory 2G, reads the text bomb beside two damaged files
(a package cut short, and a whole package whose content.xml is cut short): there
the bomb's import gives up on an allocation that fails well below the limit, and
is still listed with the memory reason, while the damaged files stay damaged.
"""
import http.server
import os
import re
import shutil
import socketserver
import subprocess
import tempfile
import threading
import time
import unittest

from group_files import CLI, STRATEGY, DealerFiles, cli_env, run_cli, sha, table
from harness import profile_dir
from hostile_files import LINK_CASES, huge_sheet, malformed, remote_urls, slow_file, text_bomb, truncated, with_links
from office import Office, file_url, props

MONTH = "2026-11"
MEMORY = "1G"
MEMORY_BYTES = 1 << 30
# Enough that the text bomb's import fails on an allocation (a doubled buffer) well
# before the office's address space comes near the limit, in both offices.
ROOMY_MEMORY = "2G"
TIMEOUT = 60  # an honest file and an office start take seconds even on a loaded machine


class Listener(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """An HTTP server on 127.0.0.1 (ephemeral port) that records every request."""
    daemon_threads = True

    def __init__(self):
        self.seen = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                listener.seen.append((self.command, self.path))
                self.send_response(404)
                self.end_headers()

            do_GET = do_HEAD = do_POST = do_OPTIONS = do_PROPFIND = _any

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.timeout = 1
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d/" % self.server_address[1]

    def close(self):
        self.shutdown()
        self.server_close()


def roll_up(*args, tmpdir):
    """run_cli with its own TMPDIR; also returns what it left: office folders
    there, and its pipes' socket files (named after its pid) in /tmp."""
    env = cli_env(TMPDIR=tmpdir)
    os.makedirs(tmpdir, exist_ok=True)
    with subprocess.Popen([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=env) as proc:
        out, err = proc.communicate(timeout=1500)
    left = [d for d in os.listdir(tmpdir) if d.startswith("dealerkpi-group-")]
    left += [d for d in os.listdir("/tmp") if d.startswith("OSL_PIPE_%d_dealerkpi-group-%d-" % (os.getuid(), proc.pid))]
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), left


class HostileFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dealerkpi-group-sandbox-")
        cls.listener = Listener()
        cls.office = Office(profile_dir()).__enter__()
        try:
            cls._make()
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        cls.listener.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def _make(cls):
        files = DealerFiles(cls.office)
        honest_dir = os.path.join(cls.tmp, "honest")
        cls.inbox = os.path.join(cls.tmp, "inbox")
        os.makedirs(cls.inbox)
        cls.honest = [files.good(honest_dir, STRATEGY, "诚实%d店" % k, MONTH, i=k)[0] for k in range(2)]
        for p in cls.honest:
            shutil.copy(p, cls.inbox)
        cls.hostile = {}
        for k, case in enumerate(list(LINK_CASES) + ["sheet_link"]):
            base, _ = files.good(os.path.join(cls.tmp, "base"), STRATEGY, "链接%d店" % k, MONTH, i=10 + k)
            cls.hostile[case] = with_links(base, os.path.join(cls.inbox, case + ".ods"), case, cls.listener.url)
        base, _ = files.good(os.path.join(cls.tmp, "base"), STRATEGY, "大表店", MONTH, i=20)
        cls.hostile["huge_sheet"] = huge_sheet(base, os.path.join(cls.inbox, "huge_sheet.ods"))
        base, _ = files.good(os.path.join(cls.tmp, "base"), STRATEGY, "炸弹店", MONTH, i=21)
        cls.hostile["text_bomb"] = text_bomb(base, os.path.join(cls.inbox, "text_bomb.ods"))
        base, _ = files.good(os.path.join(cls.tmp, "base"), STRATEGY, "慢店", MONTH, i=22)
        cls.hostile["slow"] = slow_file(base, os.path.join(cls.inbox, "slow.ods"))

        cls.before = {p: sha(os.path.join(cls.inbox, p)) for p in os.listdir(cls.inbox)}
        cls.out_honest = os.path.join(cls.tmp, "honest.ods")
        cls.run_honest = run_cli("rollup", "--out", cls.out_honest, honest_dir)
        cls.out = os.path.join(cls.tmp, "all.ods")
        t0 = time.monotonic()
        cls.rolled, cls.left = roll_up("rollup", "--verbose", "--memory", MEMORY, "--timeout", str(TIMEOUT),
                                       "--out", cls.out, cls.inbox, tmpdir=os.path.join(cls.tmp, "tmp"))
        cls.elapsed = time.monotonic() - t0
        cls._make_damaged(files)

    @classmethod
    def _make_damaged(cls, files):
        damaged = os.path.join(cls.tmp, "damaged")
        os.makedirs(damaged)
        shutil.copy(cls.hostile["text_bomb"], damaged)
        base, _ = files.good(os.path.join(cls.tmp, "base"), STRATEGY, "损坏店", MONTH, i=23)
        truncated(base, os.path.join(damaged, "truncated.ods"))
        malformed(base, os.path.join(damaged, "malformed.ods"))
        cls.out_damaged = os.path.join(cls.tmp, "damaged.ods")
        cls.rolled_damaged = run_cli("rollup", "--verbose", "--memory", ROOMY_MEMORY, "--timeout", str(TIMEOUT),
                                     "--out", cls.out_damaged, damaged)

    def reason(self, name, out=None):
        """What 问题清单 of `out` (the first roll-up's workbook) says of the input file
        `name`: "未采用 <reason>", or None."""
        doc = self.office.load(out or self.out)
        try:
            cols, body = table(doc, "问题清单")
        finally:
            doc.close(True)
        for row in body:
            if os.path.basename(row[cols["文件"]]) == name:
                return row[cols["处理"]] + " " + row[cols["原因"]]
        return None

    def test_the_run_goes_on(self):
        self.assertEqual(self.run_honest.returncode, 0, self.run_honest.stderr)
        self.assertEqual(self.rolled.returncode, 0, self.rolled.stdout + self.rolled.stderr)
        self.assertTrue(os.path.isfile(self.out))

    def test_every_link_case_carries_its_link(self):
        for case in list(LINK_CASES) + ["sheet_link"]:
            self.assertTrue(remote_urls(self.hostile[case]), case)

    def test_no_request_reaches_the_listener(self):
        self.assertEqual(self.listener.seen, [], self.rolled.stderr)

    def test_link_cases_read_within_the_limits(self):
        """A file whose only fault is a link is read: no request is asked for because the
        office never fetches, not because a limit stopped the read first (an honest file
        takes an office to ~500 MiB of address space; with glibc's default arenas it took
        0.9-1.04 GiB and met the 1 GiB limit by chance)."""
        for case in list(LINK_CASES) + ["sheet_link"]:
            reason = self.reason(case + ".ods") or ""
            self.assertNotRegex(reason, "超时|内存", case)

    def test_control_an_office_outside_the_sandbox_does_fetch(self):
        """The listener hears what an ordinary office asks for: the same linked
        files, opened in the tests' own office, make requests."""
        before = len(self.listener.seen)
        for case in ("linked_image", "linked_svg", "linked_ole"):
            doc = self.office.desktop.loadComponentFromURL(file_url(self.hostile[case]), "_blank", 0,
                                                           props(Hidden=True, ReadOnly=True))
            doc.close(True)
        deadline = time.monotonic() + 10
        while len(self.listener.seen) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertGreater(len(self.listener.seen), before)
        del self.listener.seen[before:]  # so that the sandbox's own check stays exact

    def test_peak_memory_under_the_limit(self):
        peaks = [int(k) * 1024 for k in re.findall(r"peak memory (\d+) KiB resident", self.rolled.stderr)]
        self.assertTrue(peaks, self.rolled.stderr)
        self.assertLess(max(peaks), MEMORY_BYTES)

    def test_big_files_listed_with_the_memory_reason(self):
        for case in ("huge_sheet", "text_bomb"):
            reason = self.reason(case + ".ods")
            self.assertIsNotNone(reason, case)
            self.assertIn("未采用", reason, case)
            self.assertIn("内存超出上限", reason, case)

    def test_failed_allocation_listed_with_the_memory_reason(self):
        self.assertTrue(os.path.isfile(self.out_damaged), self.rolled_damaged.stderr)
        reason = self.reason("text_bomb.ods", self.out_damaged)
        self.assertIsNotNone(reason, self.rolled_damaged.stderr)
        self.assertIn("未采用", reason)
        self.assertIn("内存超出上限（--memory 2048 MiB）", reason)

    def test_damaged_files_stay_damaged(self):
        for name in ("truncated.ods", "malformed.ods"):
            reason = self.reason(name, self.out_damaged)
            self.assertIsNotNone(reason, name)
            self.assertIn("损坏", reason, name)
            self.assertNotIn("内存", reason, name)

    def test_slow_file_costs_one_timeout(self):
        # The slow file never finishes (hostile_files.slow_file) in little memory: it meets the
        # timeout, once, and is listed and not tried again. (The threads Calc computes it on
        # share two malloc arenas, so their reservations do not meet --memory first.)
        reason = self.reason("slow.ods")
        self.assertIsNotNone(reason)
        self.assertRegex(reason, "^未采用 读取超时（超过 --timeout %d 秒）" % TIMEOUT)
        self.assertNotIn("已重试", reason)
        said = [line for line in (self.rolled.stdout + self.rolled.stderr).splitlines() if "slow.ods" in line]
        self.assertEqual(len([line for line in said if "超时 / timed out" in line]), 1, said)
        self.assertEqual([line for line in said if "内存" in line], [], said)

    def test_honest_figures_unchanged(self):
        def rows_of(path):
            doc = self.office.load(path)
            try:
                # the first column numbers the rows and the last names the file (the two runs
                # read the same files from two folders): neither is a figure
                return [r[1:-1] for r in table(doc, "汇总")[1] if any("诚实" in c for c in r)]
            finally:
                doc.close(True)
        honest = rows_of(self.out_honest)
        self.assertEqual(len(honest), 2)
        why = {os.path.basename(p): self.reason(os.path.basename(p)) for p in self.honest}
        self.assertEqual(rows_of(self.out), honest, (why, self.rolled.stderr[-4000:]))

    def test_inputs_unchanged_nothing_left(self):
        self.assertEqual({p: sha(os.path.join(self.inbox, p)) for p in os.listdir(self.inbox)}, self.before)
        self.assertEqual(self.left, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
