"""A real headless LibreOffice for DealerKPI's tests, benchmarks and scripts.

    profile = prepare_profile(oxt, "/tmp/dk-profile")   # fresh profile, .oxt installed
    with Office(profile) as office:                      # private copy, own process
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1").setFormula("=FUNNEL_RATE(708;4146)")

Runs with the Python that has the bridge of the office it drives:
/usr/bin/python3 for the system office (LibreOffice 7.4 on Debian 12), or
`scripts/office-python PROGRAM_DIR script.py` for any office (it sets
LO_PROGRAM_DIR and, for an office unpacked into a prefix, that prefix's own
Python-UNO). As root, unopkg runs as user nobody: it refuses a per-user install
as root.
"""
import atexit
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException

PROGRAM_DIR = os.environ.get("LO_PROGRAM_DIR", "/usr/lib/libreoffice/program")
SYSTEM_PROGRAM_DIR = "/usr/lib/libreoffice/program"
SOFFICE = os.path.join(PROGRAM_DIR, "soffice")
UNOPKG = os.path.join(PROGRAM_DIR, "unopkg")
RESTART_CODE = 81  # soffice asks to be started again (fresh profile, new extension)

# Extensions installed for all users (unopkg add --shared, as scripts/setup.sh does as root)
# would show in every profile; pointing the shared cache at an empty folder keeps a test
# profile to exactly what it installed itself. A folder per process: the offices write into
# it, and one folder shared by every test (7.4 and 25.2 started side by side by ctest -j2)
# is the likeliest cause of 25.2 dying at its first document in CI (lo25.2.template.print).
_NO_SHARED_DIR = tempfile.mkdtemp(prefix="dealerkpi-no-shared-extensions-")
os.chmod(_NO_SHARED_DIR, 0o755)  # as a folder made by os.makedirs: unopkg may run as another user
atexit.register(shutil.rmtree, _NO_SHARED_DIR, True)
NO_SHARED = "-env:UNO_SHARED_PACKAGES_CACHE=" + uno.systemPathToFileUrl(_NO_SHARED_DIR)


def office_env(base=None):
    """The environment of a soffice/unopkg process of this module's office. The
    system office gets no LD_LIBRARY_PATH (7.4 aborts with one); an office
    unpacked into a prefix gets its own libraries first: the program folder,
    then the prefix's usr/lib/x86_64-linux-gnu (the other order leaves some of
    its libraries unresolved)."""
    env = dict(os.environ if base is None else base)
    env.pop("LD_LIBRARY_PATH", None)
    program = os.path.realpath(PROGRAM_DIR)
    if program != SYSTEM_PROGRAM_DIR:
        suffix = "/usr/lib/libreoffice/program"
        prefix = program[:-len(suffix)] if program.endswith(suffix) else os.path.dirname(os.path.dirname(program))
        env["LD_LIBRARY_PATH"] = program + ":" + os.path.join(prefix, "usr/lib/x86_64-linux-gnu")
    return env


def mapped_files(pid):
    """The files mapped into process `pid` (from /proc/PID/maps)."""
    out = set()
    with open("/proc/%d/maps" % pid) as maps:
        for line in maps:
            parts = line.split(None, 5)
            if len(parts) == 6 and parts[5].startswith("/"):
                out.add(parts[5].strip())
    return out


def props(**kw):
    out = []
    for name, value in kw.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


def enter(cell, value):
    """Enters a value as a user types it: a number as a number, text as text
    (a text starting with '=' as a formula), None clears the cell."""
    if value is None:
        cell.setString("")
    elif isinstance(value, str):
        cell.setFormula(value) if value.startswith("=") else cell.setString(value)
    else:
        cell.setValue(value)


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def _as_unprivileged(cmd, home):
    """unopkg refuses to install for a user as root: run it as nobody then."""
    if os.geteuid() != 0:
        return cmd, None
    nobody = pwd.getpwnam("nobody")
    for root, dirs, files in os.walk(home):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), nobody.pw_uid, nobody.pw_gid)
    os.chown(home, nobody.pw_uid, nobody.pw_gid)
    return ["setpriv", "--reuid=%d" % nobody.pw_uid, "--regid=%d" % nobody.pw_gid,
            "--clear-groups"] + cmd, office_env({"HOME": home, "PATH": os.environ.get("PATH", "/usr/bin:/bin")})


def profile_folder(prefix):
    """A new temporary folder for profiles that unopkg can reach: as root,
    unopkg runs as nobody (see _as_unprivileged), who must be able to enter
    it. The caller removes it."""
    folder = tempfile.mkdtemp(prefix=prefix)
    os.chmod(folder, 0o755)
    return folder


def soffice_version():
    """What `soffice --version` says of this module's office ("" if it does not answer)."""
    try:
        return subprocess.run([SOFFICE, "--version"], env=office_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def set_ui_locale(profile, locale):
    """Writes the user interface language `locale` ("zh-CN", "en-US") into the
    profile at `profile` (a profile that has started once)."""
    path = os.path.join(profile, "user", "registrymodifications.xcu")
    item = ('<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" '
            'oor:op="fuse"><value>%s</value></prop></item>\n' % locale)
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("</oor:items>", item + "</oor:items>"))


def unopkg(profile, *args, check=True):
    cmd, env = _as_unprivileged([UNOPKG] + list(args) + ["-env:UserInstallation=" + file_url(profile), NO_SHARED],
                                profile)
    res = subprocess.run(cmd, env=env or office_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    if check and res.returncode != 0:
        raise RuntimeError("unopkg %s failed (%d): %s%s" % (args[0], res.returncode, res.stdout, res.stderr))
    return res


def prepare_profile(oxt, profile, extra_oxts=()):
    """A fresh LibreOffice profile at `profile` with `oxt` installed and the
    first-start restart already behind it."""
    shutil.rmtree(profile, ignore_errors=True)
    os.makedirs(profile)
    for package in (oxt,) + tuple(extra_oxts):
        if package:
            unopkg(profile, "add", "-s", os.path.abspath(package))
    # First start of a fresh profile (and after adding an extension) ends with
    # the restart code; do it once here so every copy starts straight away.
    with Office(profile, copy=False):
        pass
    return profile


class Office:
    """One soffice process on a private copy of `profile` (or on `profile`
    itself with copy=False), reached over a named pipe. Headless, unless
    `window` is given: a function giving the environment of a display (with
    DISPLAY set), where soffice then draws its windows with the X11 ("gen")
    plugin. `ui_locale` ("zh-CN") is written into the copy before it starts."""

    def __init__(self, profile, copy=True, timeout=120, window=None, ui_locale=None):
        self.source_profile = profile
        self.copy = copy
        self.timeout = timeout
        self.window = window
        self.ui_locale = ui_locale
        self.proc = None
        self.ctx = None
        self.desktop = None
        self.workdir = None
        self.log = None      # soffice's output, when there is a folder of our own for it

    # -- lifecycle -------------------------------------------------------------
    def __enter__(self):
        if self.copy:
            self.workdir = tempfile.mkdtemp(prefix="dealerkpi-office-")
            self.profile = os.path.join(self.workdir, "profile")
            self.log = os.path.join(self.workdir, "soffice.log")
            shutil.copytree(self.source_profile, self.profile, symlinks=True)
        else:
            self.profile = self.source_profile
        if self.ui_locale:
            set_ui_locale(self.profile, self.ui_locale)
        self.pipe = "dealerkpi" + uuid.uuid4().hex[:12]
        self._start()
        return self

    def __exit__(self, *exc):
        self.close()

    def _launch(self):
        env = office_env() if self.window is None else self.window(office_env())
        env.pop("SESSION_MANAGER", None)
        env["SAL_USE_VCLPLUGIN"] = "svp" if self.window is None else "gen"
        headless = ["--headless", "--invisible"] if self.window is None else []
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL
        try:
            return subprocess.Popen(
                [SOFFICE] + headless + ["--nologo", "--norestore", "--nodefault",
                                        "--nolockcheck", "-env:UserInstallation=" + file_url(self.profile), NO_SHARED,
                                        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
                stdin=subprocess.DEVNULL, stdout=output, stderr=output, env=env,
                start_new_session=True)  # its own process group: soffice.bin is a grandchild
        finally:
            if output is not subprocess.DEVNULL:
                output.close()

    def _said(self):
        """The last lines soffice wrote, to tell why it exited."""
        if not self.log or not os.path.exists(self.log):
            return ""
        with open(self.log, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()[-15:]
        return ("; it said:\n" + "\n".join(lines)) if lines else "; it wrote nothing"

    def _start(self):
        self.proc = self._launch()
        self._connect()

    def _connect(self):
        """Connects to the office on its pipe, starting it again each time it exits asking to be
        (RESTART_CODE); RuntimeError if it exits otherwise (with the last lines it wrote) or does
        not answer in time."""
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        deadline = time.time() + self.timeout
        while time.time() < deadline:
            code = self.proc.poll()
            if code is not None:
                if code != RESTART_CODE:
                    raise RuntimeError("soffice exited with %d%s" % (code, self._said()))
                self.proc = self._launch()
                continue
            try:
                self.ctx = resolver.resolve(url)
                break
            except (NoConnectException, DisposedException):  # not there yet, or going: poll again
                time.sleep(0.1)
        else:
            self.close()
            raise RuntimeError("soffice did not answer within %ds" % self.timeout)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def close(self):
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:  # the bridge goes down with the process
                pass
            self.desktop = None
        if self.proc is not None:
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
            try:  # whatever is left of the group (soffice.bin under oosplash)
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
            self.proc = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def soffice_pid(self):
        """The pid of soffice.bin (a child of the soffice script / oosplash)."""
        for _ in range(100):
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    try:
                        with open("/proc/%s/stat" % entry) as f:
                            stat = f.read()
                        exe = os.readlink("/proc/%s/exe" % entry)
                    except OSError:
                        continue
                    if os.path.basename(exe) == "soffice.bin" and \
                            int(stat.rsplit(")", 1)[1].split()[3]) == self.proc.pid:  # pgrp
                        return int(entry)
            time.sleep(0.1)
        raise RuntimeError("no soffice.bin in process group %d" % self.proc.pid)

    def alive(self):
        """True when the office still answers a call."""
        try:
            return self.desktop is not None and self.desktop.getFrames() is not None
        except Exception:
            return False

    def version(self):
        """'7.4', '25.2', ...: the version the running office reports."""
        provider = self.service("com.sun.star.configuration.ConfigurationProvider")
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", props(nodepath="/org.openoffice.Setup/Product"))
        return access.getByName("ooSetupVersion")

    # -- documents ---------------------------------------------------------------
    def service(self, name):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))

    def load(self, path, as_template=False, hidden=True):
        """`path` opened; hidden=False opens it as a person does, in a window of its own
        (the OnLoad jobs of extensions skip hidden documents). The office posts the
        opening events (OnLoad, OnNew) to run after loading has returned: a window's
        document is given back once they and their jobs have run, as a person first sees it."""
        args = file_url(path), "_blank", 0, props(Hidden=hidden, AsTemplate=as_template)
        lost = False
        try:
            doc = self.desktop.loadComponentFromURL(*args)
        except DisposedException:
            lost = True  # handled below, so that no error raised then chains a UNO exception
        if lost:
            # The office may restart itself at its first document after a new profile or
            # extension (exit 81, which oosplash answers by starting it again): connect again
            # and load once more, as a person would; an office that died says its exit code.
            self._connect()
            doc = self.desktop.loadComponentFromURL(*args)
        if not hidden:
            self.settle()
        return doc

    def settle(self):
        """Lets the office run what it has posted to run later (document events, their jobs)."""
        self.service("com.sun.star.awt.Toolkit").processEventsToIdle()

    @staticmethod
    def save(doc, path, filter_name):
        """filter_name: "calc8" (.ods), "Calc Office Open XML" (.xlsx), "calc8_template" (.ots)."""
        doc.storeToURL(file_url(path), props(FilterName=filter_name, Overwrite=True))
