"""Formulas with the functions survive saving as .ods and .xlsx,
closing and opening again: the stored names, the cached values and the
values recalculated by the add-in after an input changes.
"""
import os
import re
import unittest
import zipfile
import xml.etree.ElementTree as ET

import harness
from calc_case import CalcCase

ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# Cell -> (formula as the API reads it back, value). Inputs: A1:A3 converted,
# B1:B3 entered (线索进店率 of seed 004); C/D/E: sold, worked, available hours.
FORMULAS = {
    # 2588 / 12468
    "F1": ("=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3;B1:B3)", 2588 / 12468),
    # (708/4146 + 877/3846 + 1003/4476) / 3
    "F2": ("=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3;B1:B3;\"平均\")",
           (708 / 4146 + 877 / 3846 + 1003 / 4476) / 3),
    "F3": ("=ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(8844682.38;{8775;3500;3000};2;2)", 2026604.80),
    # whole: 150000 * 0.04
    "F4": ("=ORG.DEALERKPI.CALC.FUNCTIONS.TIEREDBONUS(150000;{0|100000|120000};{0.02|0.03|0.04};\"whole\")", 6000),
    # 15275 / 26000
    "F5": ("=ORG.DEALERKPI.CALC.FUNCTIONS.WORKSHOPEFFICIENCY(C1:C3;D1:D3;E1:E3)", 0.5875),
    # 1 + 0.2 * 2 / 0.5 on the published pay curve, held above 150%
    "F6": ("=ORG.DEALERKPI.CALC.FUNCTIONS.PAYOUTCURVE(1.2;{0.75|1|1.5};{0.5|1|3};\"封顶\")", 1.8),
    # (50 x 1.1 + 30 x 0.95/0.9 + 20 x 1.2) / 100
    "F7": ("=ORG.DEALERKPI.CALC.FUNCTIONS.KPISCORE({110;0.95;25};{100;0.9;30};{50;30;20};1.2;;{0;0;\"越低越好\"})",
           (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100),
}
ARRAYS = {
    # rounded up: 125, 379, 1264
    "G1:G3": ("{=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELTARGET(100;{0.8|0.33|0.3};\"up\")}", [[125], [379], [1264]]),
    # 330 over last year's months 100, 70, 115
    "H1:J1": ("{=ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(330;{100;70;115})}", [[116, 81, 133]]),
}
# After the reload, entered of month N-3 is cleared: that pair is skipped,
# (877 + 1003) / (3846 + 4476) = 1880 / 8322.
F1_WITHOUT_FIRST_MONTH = 1880 / 8322

# Stored formulas, exactly as the files hold them.
ODS_FORMULAS = {
    "F1": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE([.A1:.A3];[.B1:.B3])",
    "F2": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE([.A1:.A3];[.B1:.B3];\"平均\")",
    "F3": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(8844682.38;{8775;3500;3000};2;2)",
    "F4": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.TIEREDBONUS(150000;{0|100000|120000};{0.02|0.03|0.04};\"whole\")",
    "F5": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.WORKSHOPEFFICIENCY([.C1:.C3];[.D1:.D3];[.E1:.E3])",
    "F6": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.PAYOUTCURVE(1.2;{0.75|1|1.5};{0.5|1|3};\"封顶\")",
    "F7": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.KPISCORE({110;0.95;25};{100;0.9;30};{50;30;20};1.2;;{0;0;\"越低越好\"})",
    "G1": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELTARGET(100;{0.8|0.33|0.3};\"up\")",
    "H1": "of:=ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(330;{100;70;115})",
}
# What LibreOffice 7.4 writes into an .xlsx: the upper-case programmatic
# name (its .xlsx export maps every add-in function to that name and never
# looks at the CompatibilityName). LibreOffice 25.2 writes the en-US
# CompatibilityName of CalcAddIns.xcu (FUNNEL_RATE) instead.
XLSX_FORMULAS_7_4 = {
    "F1": "ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3,B1:B3)",
    "F2": "ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3,B1:B3,\"平均\")",
    "F3": "ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(8844682.38,{8775,3500,3000},2,2)",
    "F4": "ORG.DEALERKPI.CALC.FUNCTIONS.TIEREDBONUS(150000,{0;100000;120000},{0.02;0.03;0.04},\"whole\")",
    "F5": "ORG.DEALERKPI.CALC.FUNCTIONS.WORKSHOPEFFICIENCY(C1:C3,D1:D3,E1:E3)",
    "F6": "ORG.DEALERKPI.CALC.FUNCTIONS.PAYOUTCURVE(1.2,{0.75;1;1.5},{0.5;1;3},\"封顶\")",
    "F7": "ORG.DEALERKPI.CALC.FUNCTIONS.KPISCORE({110,0.95,25},{100,0.9,30},{50,30,20},1.2,,{0,0,\"越低越好\"})",
    "G1": "ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELTARGET(100,{0.8;0.33;0.3},\"up\")",
    "H1": "ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(330,{100,70,115})",
}
ENGLISH = {"FUNNELRATE": "FUNNEL_RATE", "FUNNELTARGET": "FUNNEL_TARGET", "TARGETSPLIT": "TARGET_SPLIT",
           "TIEREDBONUS": "TIERED_BONUS", "WORKSHOPEFFICIENCY": "WORKSHOP_EFFICIENCY",
           "PAYOUTCURVE": "PAYOUT_CURVE", "KPISCORE": "KPI_SCORE"}
VERSION = os.environ.get("DEALERKPI_OFFICE_VERSION", "7.4")


def english_names(text):
    for upper, name in ENGLISH.items():
        text = text.replace("ORG.DEALERKPI.CALC.FUNCTIONS." + upper + "(", name + "(")
    return text


XLSX_FORMULAS = XLSX_FORMULAS_7_4 if VERSION == "7.4" else {
    name: english_names(f) for name, f in XLSX_FORMULAS_7_4.items()}


def ods_cells(path):
    """{cell name: (formula or None, office:value)} of the first sheet of an .ods."""
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    table = root.find(".//{%s}table" % ODS_TABLE)
    out = {}
    for r, row in enumerate(table.iter("{%s}table-row" % ODS_TABLE)):
        c = 0
        for cell in row:
            repeat = int(cell.get("{%s}number-columns-repeated" % ODS_TABLE, "1"))
            formula = cell.get("{%s}formula" % ODS_TABLE)
            value = cell.get("{%s}value" % ODS_OFFICE)
            if formula or value:
                out["%s%d" % (chr(ord("A") + c), r + 1)] = (formula, value)
            c += repeat
    return out


def xlsx_cells(path):
    """{cell name: (formula or None, value)} of the first sheet of an .xlsx."""
    root = ET.fromstring(zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml"))
    out = {}
    for cell in root.iter("{%s}c" % XLSX_MAIN):
        f = cell.find("{%s}f" % XLSX_MAIN)
        v = cell.find("{%s}v" % XLSX_MAIN)
        out[cell.get("r")] = (f.text if f is not None else None, v.text if v is not None else None)
    return out


def rewrite_xlsx(src, dst, edit):
    """Copies an .xlsx with sheet1.xml passed through `edit`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


class RoundTrip(CalcCase):

    def setUp(self):
        super().setUp()
        self.put_column("A1", [708, 877, 1003])
        self.put_column("B1", [4146, 3846, 4476])
        self.put_column("C1", [8775, 3500, 3000])
        self.put_column("D1", [9000, 5000, 5000])
        self.put_column("E1", [12000, 6000, 8000])
        for name, (formula, _) in FORMULAS.items():
            self.cell(name).setFormula(formula)
        for name, (formula, _) in ARRAYS.items():
            self.cell(name).setArrayFormula(formula[2:-1])  # without "{=" ... "}"
        self.doc.calculateAll()
        self.check_sheet(self.doc, "before saving")

    def check_sheet(self, doc, when):
        sheet = doc.Sheets.getByIndex(0)
        for name, (formula, value) in FORMULAS.items():
            c = sheet.getCellRangeByName(name)
            self.assertEqual(c.getFormula(), formula, "%s %s" % (name, when))
            self.assertEqual(c.getError(), 0, "%s %s: %s" % (name, when, c.getString()))
            self.assertAlmostEqual(c.getValue(), value, places=9, msg="%s %s" % (name, when))
        for name, (formula, rows) in ARRAYS.items():
            block = sheet.getCellRangeByName(name)
            for r, row in enumerate(rows):
                for col, want in enumerate(row):
                    c = block.getCellByPosition(col, r)
                    self.assertEqual(c.getFormula(), formula, "%s %s" % (name, when))
                    self.assertEqual((c.getError(), c.getValue()), (0, want), "%s %s" % (name, when))

    def reopen(self, path, filter_name):
        self.office.save(self.doc, path, filter_name)
        self.doc.close(True)
        self.doc = self.office.load(path)
        self.sheet = self.doc.Sheets.getByIndex(0)

    def check_recalculated(self, where):
        # Recalculate everything, then change an input: the add-in computes again.
        self.doc.calculateAll()
        self.check_sheet(self.doc, "recalculated after opening the " + where)
        self.put("B1", None)
        self.doc.calculateAll()
        self.assertAlmostEqual(self.cell("F1").getValue(), F1_WITHOUT_FIRST_MONTH, places=12)

    def test_ods(self):
        path = os.path.join(self.tmp, "funnel.ods")
        self.reopen(path, "calc8")
        stored = ods_cells(path)
        for name, formula in ODS_FORMULAS.items():
            self.assertEqual(stored[name][0], formula, name)
        self.assertEqual(float(stored["F4"][1]), 6000)
        self.assertEqual(float(stored["F6"][1]), 1.8)
        self.assertAlmostEqual(float(stored["F7"][1]), FORMULAS["F7"][1], places=12)
        self.assertEqual(float(stored["G3"][1]), 1264)
        self.assertEqual(float(stored["J1"][1]), 133)
        self.check_sheet(self.doc, "after opening the .ods")
        self.check_recalculated(".ods")

    def test_xlsx(self):
        path = os.path.join(self.tmp, "funnel.xlsx")
        self.reopen(path, "Calc Office Open XML")
        stored = xlsx_cells(path)
        for name, formula in XLSX_FORMULAS.items():
            self.assertEqual(stored[name][0], formula, name)
        # Cached values, shown by a spreadsheet that does not have the add-in.
        self.assertAlmostEqual(float(stored["F1"][1]), 2588 / 12468, places=12)
        self.assertEqual(float(stored["F4"][1]), 6000)
        self.assertEqual(float(stored["F6"][1]), 1.8)
        self.assertAlmostEqual(float(stored["F7"][1]), FORMULAS["F7"][1], places=12)
        self.assertEqual(float(stored["G3"][1]), 1264)
        self.assertEqual(float(stored["J1"][1]), 133)
        self.check_sheet(self.doc, "after opening the .xlsx")
        self.check_recalculated(".xlsx")

    def test_xlsx_names_by_version(self):
        """Which names an .xlsx carries: 7.4 the programmatic names, 25.2 the
        English names (the CalcAddIns.xcu CompatibilityName)."""
        path = os.path.join(self.tmp, "names.xlsx")
        self.office.save(self.doc, path, "Calc Office Open XML")
        stored = xlsx_cells(path)["F1"][0]
        if VERSION == "7.4":
            self.assertEqual(stored, "ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(A1:A3,B1:B3)")
        else:
            self.assertEqual(stored, "FUNNEL_RATE(A1:A3,B1:B3)")

    def test_xlsx_with_english_names(self):
        """An .xlsx whose formulas use the English names (as 25.2 or another
        program writes them): 25.2 computes it; 7.4 shows #NAME? in every
        function cell, the names lower-cased."""
        path = os.path.join(self.tmp, "programmatic.xlsx")
        english = os.path.join(self.tmp, "english-names.xlsx")
        self.office.save(self.doc, path, "Calc Office Open XML")

        def to_english(xml):
            return re.sub(r"(</f>)<v>[^<]*</v>", r"\1", english_names(xml))  # no cached values

        rewrite_xlsx(path, english, to_english)
        self.assertIn("FUNNEL_RATE(A1:A3,B1:B3)", xlsx_cells(english)["F1"][0])
        self.doc.close(True)
        self.doc = self.office.load(english)
        self.doc.calculateAll()
        if VERSION == "7.4":
            sheet = self.doc.Sheets.getByIndex(0)
            for name in FORMULAS:
                c = sheet.getCellRangeByName(name)
                self.assertEqual((c.getString(), c.getError()), ("#NAME?", 525), name)
                self.assertRegex(c.getFormula(), r"^=(%s)\(" % "|".join(n.lower() for n in ENGLISH.values()),
                                 name)
        else:
            self.check_sheet(self.doc, "after opening an .xlsx with English names")


if __name__ == "__main__":
    harness.main()
