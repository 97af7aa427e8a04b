"""The templates typed into as a person types, in a real LibreOffice window.

An Xvfb display with openbox, a LibreOffice with a window (not headless), each
template opened as File > New does; cells are selected through the API and
entries typed with xdotool (real keystrokes, Return); then the cells and what
depends on them are read through the API. A message box (a refusal, a
protection message) is detected by the active window's name and dismissed with
Escape. This is the path the API's setFormula hides: LibreOffice's own "%"
handling while typing into a percent cell.

DEALERKPI_UI_LOCALE picks the UI language (default zh-CN; libreoffice-l10n-zh-cn
in both offices, see scripts/install-deps.sh and install-lo25.sh). On a failure the
screen is saved as a PNG in the build folder and its path printed.
"""
import functools
import importlib
import os
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "integration")]

import kit  # noqa: E402
from harness import profile_dir  # noqa: E402
from template_harness import formula_cells_of, installed_templates  # noqa: E402
from window_office import Screen, Typist, WindowOffice  # noqa: E402
from office import enter  # noqa: E402

BUILD = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(HERE, "..", "..", "build"))
VERSION = os.environ.get("DEALERKPI_OFFICE_VERSION", "7.4")
UI_LOCALE = os.environ.get("DEALERKPI_UI_LOCALE", "zh-CN")

REFUSED = "refused"
# What each typed form gives in a rate cell (it holds the fraction, percent-formatted):
# LibreOffice appends "%" as the person starts typing, so "0.8" would be 0.8 % (refused:
# the likely slip for 80 %) and "80%" the text "80%%" (refused: not a number).
RATE_FORMS = (("80", 0.8), ("0.8", REFUSED), ("80%", REFUSED), ("150%", REFUSED), ("150", 1.5),
              ("1.5", 0.015), ("1200%", REFUSED), ("0.5%", REFUSED), ("1200", REFUSED), ("0", 0.0),
              ("1000", 10.0))
# A rate input of each template that has them: (module, sheet, cell).
RATE_CELLS = (("strategy_table", "月度策略表", "F6"), ("strategy_table", "月度策略表", "F13"),
              ("commission_model", "方案B", "B17"),
              ("workshop_targets", "车间效率与产值目标", "E5"), ("action_plan", "行动计划", "E6"),
              ("commission_plan", "提成方案", "C9"))
MONTH_FORMS = ("2026-11", "2026/11", "2026年11月")
SENTINEL = 0.37  # what a rate cell holds before each entry: a refused entry keeps it


def shot_on_failure(test):
    """Saves the screen into the build folder when `test` fails, and names the file."""
    @functools.wraps(test)
    def run(self, *args, **kw):
        try:
            return test(self, *args, **kw)
        except Exception:
            os.makedirs(os.path.join(BUILD, "window-shots"), exist_ok=True)
            path = os.path.join(BUILD, "window-shots", "%s-lo%s-%s.png" % (test.__name__, VERSION, int(time.time())))
            self.screen.screenshot(path)
            print("\nscreenshot: %s" % os.path.abspath(path), file=sys.stderr)
            raise
    return run


class TypedLikeAPerson(unittest.TestCase):
    screen = office = None

    @classmethod
    def setUpClass(cls):
        cls.screen = Screen().__enter__()
        try:
            cls.office = WindowOffice(profile_dir(), cls.screen, ui_locale=UI_LOCALE).__enter__()
        except Exception:
            cls.screen.close()
            raise
        cls.templates = installed_templates(cls.office)
        cls.tmp = tempfile.mkdtemp(prefix="dealerkpi-window-files-")

    @classmethod
    def tearDownClass(cls):
        if cls.office:
            cls.office.close()
        if cls.screen:
            cls.screen.close()

    def setUp(self):
        self.docs = []

    def tearDown(self):
        for doc in self.docs:
            try:
                doc.close(True)
            except Exception:
                pass

    def open(self, module_name):
        module = importlib.import_module(module_name)
        doc = self.office.load_window(self.templates[module.FILE], as_template=True)
        self.docs.append(doc)
        time.sleep(1.0)
        return module, doc

    def fill(self, doc, cells):
        for sheet, values in cells.items():
            s = doc.Sheets.getByName(sheet)
            for name, value in values.items():
                enter(s.getCellRangeByName(name), value)
        doc.calculateAll()

    # -- rates ------------------------------------------------------------------------
    @shot_on_failure
    def test_every_rate_form_is_the_rate_meant_or_refused(self):
        wrong = []
        opened = {}
        for module_name, sheet, name in RATE_CELLS:
            if module_name not in opened:
                opened[module_name] = self.open(module_name)[1]
            doc = opened[module_name]
            typist = Typist(self.office, doc)
            cell = doc.Sheets.getByName(sheet).getCellRangeByName(name)
            for typed, expected in RATE_FORMS:
                cell.setValue(SENTINEL)
                box = typist.type_into(cell, typed)
                got = cell.getValue() if cell.getType().value == "VALUE" else cell.getString()
                if expected == REFUSED:
                    ok = box is not None and got == SENTINEL and "直接输入 80 即 80%" in box
                else:
                    ok = box is None and cell.getType().value == "VALUE" and abs(got - expected) < 1e-12
                if not ok:
                    wrong.append("%s %s!%s typed %r: %r, message %r (want %r)"
                                 % (module_name, sheet, name, typed, got, box, expected))
        self.assertEqual(wrong, [])

    @shot_on_failure
    def test_a_typed_rate_drives_the_figures(self):
        """The golden targets typed as 80, 33, 30 give the seed's 本月预计."""
        st, doc = self.open("strategy_table")
        self.fill(doc, {st.REPORT: st.EXAMPLE[st.REPORT]})
        enter(doc.Sheets.getByName(st.PLAN).getCellRangeByName("G6"), 100)
        typist = Typist(self.office, doc)
        plan = doc.Sheets.getByName(st.PLAN)
        for cell, typed in (("F6", "80"), ("F7", "33"), ("F8", "30")):
            self.assertIsNone(typist.type_into(plan.getCellRangeByName(cell), typed), cell)
        doc.calculateAll()
        self.assertEqual([plan.getCellRangeByName("G%d" % r).getString() for r in range(7, 10)],
                         ["125", "379", "1,263"])
        self.assertEqual(plan.getCellRangeByName("F6").getString(), "80.0%")

    # -- months -----------------------------------------------------------------------
    @shot_on_failure
    def test_the_month_in_three_spellings(self):
        wrong = []
        for module_name in ("strategy_table", "workshop_targets", "commission_model"):
            module, doc = self.open(module_name)
            typist = Typist(self.office, doc)
            sheet = doc.Sheets.getByIndex(0)
            for typed in MONTH_FORMS:
                sheet.getCellRangeByName("E2").setString("")
                box = typist.type_into(sheet.getCellRangeByName("E2"), typed)
                doc.calculateAll()
                shown = sheet.getCellRangeByName("F2").getString()
                if box is not None and not typed.isascii() and "2026年11月" in box:
                    # xdotool sends Chinese characters through a remapped key, which the
                    # office under load may miss: then what arrives (202611) must be refused,
                    # never taken as another month (it was a date in 2454)
                    print("note: %s %r arrived altered and was refused" % (module_name, typed), file=sys.stderr)
                    continue
                if box is not None or shown != "2026年11月":
                    wrong.append("%s typed %r: E2 %r, F2 %r, message %r"
                                 % (module_name, typed, sheet.getCellRangeByName("E2").getString(), shown, box))
        self.assertEqual(wrong, [])

    # -- protection -------------------------------------------------------------------
    @shot_on_failure
    def test_a_target_typed_after_the_units(self):
        """提成方案测算: the 目标 cells stay open once 销量 is typed (a flag over them
        used to lock them: "无法更改被保护的单元格")."""
        cm, doc = self.open("commission_model")
        typist = Typist(self.office, doc)
        hist = doc.Sheets.getByName(cm.HIST)
        units, target = hist.getCellByPosition(1, cm.H_UNITS[2] - 1), hist.getCellByPosition(1, cm.H_TARGET[2] - 1)
        self.assertIsNone(typist.type_into(units, "9"))
        doc.calculateAll()
        box = typist.type_into(target, "10")
        self.assertIsNone(box, "typing the target after the units: %s" % box)
        self.assertEqual(target.getValue(), 10)

    # -- save and reopen --------------------------------------------------------------
    @shot_on_failure
    def test_save_reopen_shows_the_same_figures(self):
        wrong = []
        for module_name in ("strategy_table", "commission_model", "commission_plan", "workshop_targets",
                            "action_plan", "consultant_funnel"):
            # filled and reopened without a window: what is compared is the file, not the typing
            module = importlib.import_module(module_name)
            doc = self.office.load(self.templates[module.FILE], as_template=True)
            self.docs.append(doc)
            self.fill(doc, module.EXAMPLE)
            before = _computed(doc)
            for ext, filter_name in (("ods", "calc8"), ("xlsx", "Calc Office Open XML")):
                path = os.path.join(self.tmp, "%s.%s" % (module_name, ext))
                self.office.save(doc, path, filter_name)
                again = self.office.load(path)
                self.docs.append(again)
                after = _computed(again)
                diff = ["%s: %r -> %r" % (k, before[k], after.get(k)) for k in before if after.get(k) != before[k]]
                if diff:
                    wrong.append("%s .%s: %d cells differ, e.g. %s" % (module_name, ext, len(diff), diff[:3]))
                again.close(True)
                self.docs.remove(again)
        self.assertEqual(wrong, [])


def _computed(doc):
    """{sheet.cell: what it shows} of every formula cell, as the document stands (no recalculation)."""
    return {c.AbsoluteName: c.getString() for c in formula_cells_of(doc)}


if __name__ == "__main__":
    unittest.main(verbosity=2)
