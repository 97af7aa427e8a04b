"""Files passed between LibreOffice 7.4 and 25.2, both with DealerKPI installed.

Every other office writes the same workbook as .ods and .xlsx (run through
`scripts/office-python <its program dir> test_versions.py --write OUT`, in its
own profile), and this office opens them. Run as lo7.4.* the test checks files
from 25.2, as lo25.2.* files from 7.4. What each office does (docs/functions.md, "Between
LibreOffice versions"):

  .ods   7.4 -> 25.2, 25.2 -> 7.4: computes (the programmatic names either way)
  .xlsx  7.4 -> 25.2: computes (25.2 reads the programmatic names 7.4 writes)
  .xlsx  25.2 -> 7.4: #NAME? in every function cell: 25.2 writes the English
         names (FUNNEL_RATE(...)), which 7.4's .xlsx import does not look up
"""
import os
import re
import subprocess
import sys
import shutil
import unittest
import zipfile

import harness
from office import Office, prepare_profile, profile_folder

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("DEALERKPI_SOURCE_DIR", os.path.join(HERE, "..", ".."))
VERSION = os.environ.get("DEALERKPI_OFFICE_VERSION", "7.4")
PROGRAMS = dict(p.split("=", 1) for p in os.environ.get(
    "DEALERKPI_OFFICE_PROGRAMS",
    "7.4=/usr/lib/libreoffice/program,25.2=/opt/dealerkpi/libreoffice-25.2/usr/lib/libreoffice/program").split(","))

INPUTS = {"A": (708, 877, 1003), "B": (4146, 3846, 4476), "C": (8775, 3500, 3000),
          "D": (9000, 5000, 5000), "E": (12000, 6000, 8000)}
# cell -> (formula as the API reads it with the extension, value, shown as "0.00")
FORMULAS = {
    "F1": ("=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3;B1:B3)", 2588 / 12468),
    "F2": ("=ORG.DEALERKPI.CALC.FUNCTIONS.TIEREDBONUS(150000;{0|100000|120000};{0.02|0.03|0.04})", 3800),
    "F3": ("=ORG.DEALERKPI.CALC.FUNCTIONS.WORKSHOPEFFICIENCY(C1:C3;D1:D3;E1:E3)", 0.5875),
    "F4": ("=ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(330;{100;70;115};0;3)", 133),
    "F5": ("=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELTARGET(100;0.8)", 125),
}
ENGLISH = {"FUNNELRATE": "FUNNEL_RATE", "FUNNELTARGET": "FUNNEL_TARGET", "TARGETSPLIT": "TARGET_SPLIT",
           "TIEREDBONUS": "TIERED_BONUS", "WORKSHOPEFFICIENCY": "WORKSHOP_EFFICIENCY"}


def write(out):
    """Run in the other office: the workbook as out/book.ods and out/book.xlsx."""
    profile = prepare_profile(os.environ["DEALERKPI_OXT"], os.path.join(out, "profile"))
    with Office(profile) as office:
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        for col, values in INPUTS.items():
            for row, v in enumerate(values):
                sheet.getCellRangeByName("%s%d" % (col, row + 1)).setValue(v)
        for name, (formula, _) in FORMULAS.items():
            sheet.getCellRangeByName(name).setFormula(formula)
        doc.calculateAll()
        Office.save(doc, os.path.join(out, "book.ods"), "calc8")
        Office.save(doc, os.path.join(out, "book.xlsx"), "Calc Office Open XML")
        doc.close(True)
        print(office.version())


def xlsx_formulas(path):
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode("utf-8")
    return re.findall(r"<f[^>]*>([^<]*)</f>", xml)


def ods_formulas(path):
    return re.findall(r'table:formula="([^"]*)"', zipfile.ZipFile(path).read("content.xml").decode("utf-8"))


class FilesFromTheOtherVersion(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.other = "25.2" if VERSION == "7.4" else "7.4"
        cls.tmp = profile_folder("dealerkpi-versions-")
        env = {k: v for k, v in os.environ.items()
               if k not in ("LD_LIBRARY_PATH", "URE_BOOTSTRAP", "LO_PROGRAM_DIR", "PYTHONPATH")}
        env["PYTHONPATH"] = os.pathsep.join([os.path.join(SOURCE, "scripts"), HERE])
        run = subprocess.run([os.path.join(SOURCE, "scripts", "office-python"), PROGRAMS[cls.other], __file__,
                              "--write", cls.tmp], env=env, capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            raise RuntimeError("writing the files in LibreOffice %s failed:\n%s%s"
                               % (cls.other, run.stdout, run.stderr))
        assert run.stdout.split()[-1] == cls.other, run.stdout  # written by the other office
        cls.office = Office(harness.profile_dir()).__enter__()

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "office", None):
            cls.office.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def open(self, name):
        doc = self.office.load(os.path.join(self.tmp, name))
        self.addCleanup(doc.close, True)
        doc.calculateAll()
        return doc.Sheets.getByIndex(0)

    def assertComputes(self, sheet, what):
        for name, (formula, value) in FORMULAS.items():
            c = sheet.getCellRangeByName(name)
            self.assertEqual(c.getFormula(), formula, "%s %s" % (name, what))
            self.assertEqual(c.getError(), 0, "%s %s: %s" % (name, what, c.getString()))
            self.assertAlmostEqual(c.getValue(), value, places=12, msg="%s %s" % (name, what))

    def test_ods(self):
        stored = ods_formulas(os.path.join(self.tmp, "book.ods"))
        self.assertIn("of:=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE([.A1:.A3];[.B1:.B3])", stored)
        self.assertComputes(self.open("book.ods"), ".ods from LibreOffice %s" % self.other)

    def test_xlsx(self):
        stored = xlsx_formulas(os.path.join(self.tmp, "book.xlsx"))
        sheet = self.open("book.xlsx")
        what = ".xlsx from LibreOffice %s" % self.other
        if self.other == "7.4":
            # 7.4 writes the programmatic names; 25.2 reads them.
            self.assertIn("ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3,B1:B3)", stored)
            self.assertComputes(sheet, what)
        else:
            # 25.2 writes the English names; 7.4 does not know them in .xlsx: every
            # function cell shows #NAME?, the names lower-cased.
            self.assertIn("FUNNEL_RATE(A1:A3,B1:B3)", stored)
            self.assertFalse([f for f in stored if "ORG.DEALERKPI" in f], stored)
            for name, (formula, _) in FORMULAS.items():
                c = sheet.getCellRangeByName(name)
                self.assertEqual((c.getString(), c.getError()), ("#NAME?", 525), "%s %s" % (name, what))
                method = formula.split("FUNCTIONS.")[1].split("(")[0]
                self.assertTrue(c.getFormula().startswith("=" + ENGLISH[method].lower() + "("),
                                "%s %s: %s" % (name, what, c.getFormula()))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        write(sys.argv[2])
    else:
        harness.main()
