"""A LibreOffice in a real (virtual) window, typed into as a person types.

    with Screen() as screen, WindowOffice(profile, screen) as office:
        doc = office.load_window(path, as_template=True)
        typist = Typist(office, doc, screen)
        typist.type_into(doc.Sheets.getByIndex(0).getCellRangeByName("B5"), "150%")

Screen starts its own Xvfb on a free display (-displayfd) and an openbox window
manager; WindowOffice is scripts/office.py's Office with a window (Office(window=...)),
drawn by the "gen" (X11) plugin, so that keystrokes from xdotool take the path a person's
keystrokes take (LibreOffice's own "%" handling while typing, validity messages,
protection messages). A message box shows as a window whose name is not the
document's title; Typist reports its text and dismisses it with Escape.
"""
import os
import subprocess
import time

from office import Office, file_url, props


class Screen:
    """Xvfb on a free display, with openbox; stopped on exit."""

    def __init__(self, size="1600x1000x24"):
        self.size = size
        self.procs = []
        self.display = None

    def __enter__(self):
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", self.size, "-nolisten", "tcp"],
                                pass_fds=(write,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write)
        self.procs.append(xvfb)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.close()
            raise RuntimeError("Xvfb did not report a display")
        self.display = ":" + number
        self.procs.append(subprocess.Popen(["openbox"], env=self.env(), stdin=subprocess.DEVNULL,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                           start_new_session=True))
        time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.procs = []

    def env(self, base=None):
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        return env

    def xdotool(self, *args, check=True):
        res = subprocess.run(["xdotool"] + [str(a) for a in args], env=self.env(), capture_output=True, text=True,
                             timeout=60)
        if check and res.returncode != 0:
            raise RuntimeError("xdotool %s: %s" % (" ".join(map(str, args)), res.stderr.strip()))
        return res.stdout.strip()

    def active_window_name(self):
        return self.xdotool("getactivewindow", "getwindowname", check=False)

    def screenshot(self, path):
        subprocess.run(["import", "-window", "root", path], env=self.env(), capture_output=True, timeout=60)
        return path


class WindowOffice(Office):
    """scripts/office.py's Office with a window on `screen`; `ui_locale`
    ("zh-CN", "en-US") is written into the profile copy before it starts."""

    def __init__(self, profile, screen, ui_locale="en-US", **kw):
        super().__init__(profile, window=screen.env, ui_locale=ui_locale, **kw)
        self.screen = screen

    def load_window(self, path, as_template=False):
        """Opens `path` in a window (not Hidden), maximised."""
        doc = self.desktop.loadComponentFromURL(file_url(path), "_blank", 0, props(AsTemplate=as_template))
        window = doc.CurrentController.Frame.ContainerWindow
        window.setVisible(True)
        try:
            window.IsMaximized = True
        except Exception:
            pass
        return doc


class Typist:
    """Types into cells of `doc` with real keystrokes."""

    def __init__(self, office, doc, delay_ms=40):
        self.office = office
        self.screen = office.screen
        self.doc = doc
        self.delay = delay_ms

    def title(self):
        return self.doc.CurrentController.Frame.Title

    def activate(self):
        wid = self.screen.xdotool("search", "--name", self.title().split(" - ")[0], check=False).split()
        if wid:
            self.screen.xdotool("windowactivate", "--sync", wid[-1], check=False)
        return wid

    def type_into(self, cell, text, timeout=10.0):
        """Selects `cell`, types `text` and Return. Returns the text of the message
        box that appeared (refusal, protection), after dismissing it; None when the
        cell took the entry. Waits until one or the other shows (`timeout` s)."""
        self.doc.CurrentController.setActiveSheet(cell.Spreadsheet)
        self.doc.CurrentController.select(cell)
        self.activate()
        before = cell.getFormula()
        # Chinese characters go through a remapped key: slower, or one may be lost
        delay = self.delay if text.isascii() else max(self.delay, 250)
        self.screen.xdotool("type", "--delay", delay, text)
        self.screen.xdotool("key", "Return")
        title = self.title().split(" - ")[0]
        deadline = time.time() + timeout
        while time.time() < deadline:
            name = self.screen.active_window_name()
            if name and title not in name:
                return self.dismiss(title, name)
            if cell.getFormula() != before:
                return None
            time.sleep(0.1)
        return None

    def dismiss(self, title, name):
        """The text of the message box in front of the document, after closing
        it with Escape (a refused entry keeps the old value)."""
        time.sleep(0.3)
        text = self.box_text() or name
        self.screen.xdotool("key", "Escape")
        time.sleep(0.3)
        # an entry still open in the cell (after a refusal) is cancelled too
        if title in self.screen.active_window_name():
            self.screen.xdotool("key", "Escape")
        return text

    def box_text(self):
        """The message of the topmost dialog, through the toolkit (empty if not found)."""
        try:
            toolkit = self.office.service("com.sun.star.awt.Toolkit")
            win = toolkit.getActiveTopWindow()
            return _texts(win) or "message box"
        except Exception:
            return ""


def _texts(win):
    out = []
    try:
        ctx = win.getAccessibleContext()
    except Exception:
        return ""

    def walk(c, depth=0):
        if c is None or depth > 6:
            return
        try:
            name = c.getAccessibleName()
            if name:
                out.append(name)
            for i in range(min(c.getAccessibleChildCount(), 30)):
                child = c.getAccessibleChild(i)
                walk(child.getAccessibleContext() if child else None, depth + 1)
        except Exception:
            pass
    walk(ctx)
    return " | ".join(out)
