"""Checks every DealerKPI template test makes the same way: protection,
validity, print setup, brand-free text, warning highlights and a round trip
through .ods and .xlsx that must keep what the cells display.
"""
import os
import re

from office import Office
from template_harness import TemplateTestCase

# MB and VW only as words of their own: ISNUMBER contains "MB".
BRANDS = re.compile(r"BMBS|(?<![A-Za-z])(MB|VW)(?![A-Za-z])|Mercedes|Benz|Volkswagen|奔驰|梅赛德斯|大众")

# A cell reference in a condition: E5, $E$5, H$17 (not LOG10( or a sheet name).
_REF = re.compile(r"(?<![A-Za-z_.$'])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])")


def _column_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _column_name(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


ROUND_TRIPS = (("calc8", ".ods"), ("Calc Office Open XML", ".xlsx"))

SOURCE_DIR = os.environ.get("DEALERKPI_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))

# The template stamp (templates/kit.py, Book.stamp).
STAMP_KIND, STAMP_VERSION = "DealerKPI模板", "DealerKPI版本"


def template_modules():
    """The template modules the build makes, as templates/CMakeLists.txt lists
    them (set(DEALERKPI_TEMPLATES ...)), so a template added later is checked too."""
    text = open(os.path.join(SOURCE_DIR, "templates", "CMakeLists.txt"), encoding="utf-8").read()
    body = re.search(r"set\(DEALERKPI_TEMPLATES\s(.*?)\)", text, re.S).group(1)
    return [w for w in re.sub(r"#.*", "", body).split()]


def readme_names(title):
    """{name: "sheet.range"} of the named-cells table in the README section of
    the template titled `title` (### <title> — ...)."""
    text = open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8").read()
    section = re.search(r"^### %s\b.*?(?=^##)" % re.escape(title), text, re.S | re.M)
    if not section:
        return {}
    rows = re.findall(r"^\| (\S+) \| ([^|.]+\.[A-Z$0-9:]+) \|", section.group(0), re.M)
    return {name: ref for name, ref in rows if name != "name"}


class TemplateCase(TemplateTestCase):

    # -- filling -------------------------------------------------------------------
    def fill_all(self, example):
        """Types {sheet: {cell: value}} into the document, input cells only."""
        for sheet, cells in example.items():
            for name, value in cells.items():
                self.fill(sheet, name, value)

    def assertAllShown(self, sheet, expected, doc=None):
        """expected: {cell: displayed string}. Reports every mismatch at once."""
        doc = doc or self.doc
        doc.calculateAll()
        s = doc.Sheets.getByName(sheet)
        wrong = ["%s: %r, expected %r" % (name, s.getCellRangeByName(name).getString(), text)
                 for name, text in expected.items() if s.getCellRangeByName(name).getString() != text]
        self.assertEqual(wrong, [], "%s: cells that display something else" % sheet)

    # -- protection ------------------------------------------------------------------
    def assertProtectedLayout(self, inputs):
        """Every sheet protected; every formula cell locked; every cell of
        `inputs` ({sheet: [cell, ...]}) unlocked and without a formula."""
        for i in range(self.doc.Sheets.Count):
            sheet = self.doc.Sheets.getByIndex(i)
            self.assertTrue(sheet.isProtected(), "%s is not protected" % sheet.Name)
            unlocked = [c.AbsoluteName for c in self.formula_cells(sheet.Name) if not c.CellProtection.IsLocked]
            self.assertEqual(unlocked, [], "computed cells that are not locked")
        for sheet, cells in inputs.items():
            for name in cells:
                c = self.at(sheet, name)
                self.assertFalse(c.CellProtection.IsLocked, "%s!%s is locked" % (sheet, name))
                self.assertFalse(c.getFormula().startswith("="), "%s!%s holds a formula" % (sheet, name))

    # -- print setup and text ----------------------------------------------------------
    def assertPrintSetup(self, one_page=False):
        """A4 landscape, one page wide (one_page: the whole sheet on one page),
        the title rows repeated."""
        styles = self.doc.StyleFamilies.getByName("PageStyles")
        for i in range(self.doc.Sheets.Count):
            sheet = self.doc.Sheets.getByIndex(i)
            page = styles.getByName(sheet.PageStyle)
            self.assertTrue(page.IsLandscape, sheet.Name)
            # A4 (1/100 mm; the file stores twips, so allow a rounding step)
            self.assertAlmostEqual(page.Width, 29700, delta=5, msg=sheet.Name)
            self.assertAlmostEqual(page.Height, 21000, delta=5, msg=sheet.Name)
            self.assertEqual(page.ScaleToPagesX, 1, sheet.Name)
            self.assertTrue(sheet.PrintTitleRows, sheet.Name)
            if one_page:
                self.assertEqual(page.ScaleToPagesY, 1, sheet.Name)

    def texts(self):
        """Every text and formula of the document, with the title."""
        from com.sun.star.sheet.CellFlags import STRING, FORMULA
        out = [self.doc.DocumentProperties.Title]
        for i in range(self.doc.Sheets.Count):
            sheet = self.doc.Sheets.getByIndex(i)
            out.append(sheet.Name)
            for addr in sheet.queryContentCells(STRING | FORMULA).RangeAddresses:
                for row in range(addr.StartRow, addr.EndRow + 1):
                    for col in range(addr.StartColumn, addr.EndColumn + 1):
                        out.append(sheet.getCellByPosition(col, row).getFormula())
        return out

    def assertNoBrands(self):
        self.assertEqual([t for t in self.texts() if BRANDS.search(t)], [])

    # -- highlights ----------------------------------------------------------------------
    def alert_rules(self, sheet, name):
        """(condition, style) of the conditional formats on a cell; the
        condition is written for the top-left cell of the formatted range."""
        cf = self.at(sheet, name).ConditionalFormat
        return [(cf.getByIndex(i).getFormula1(), cf.getByIndex(i).getStyleName()) for i in range(cf.Count)]

    def highlighted(self, sheet, name):
        """The styles whose conditions hold for the cell now: each condition
        is moved from its base cell to this cell, as Calc applies it, and
        evaluated in a scratch sheet."""
        cell = self.at(sheet, name)
        here = cell.CellAddress
        cf = cell.ConditionalFormat
        styles = []
        for i in range(cf.Count):
            entry = cf.getByIndex(i)
            base = entry.getSourcePosition()
            dc, dr = here.Column - base.Column, here.Row - base.Row

            def moved(m):
                col_abs, col, row_abs, row = m.groups()
                c = _column_index(col) + (0 if col_abs else dc)
                r = int(row) + (0 if row_abs else dr)
                return "$'%s'.$%s$%d" % (sheet, _column_name(c), r)

            scratch = self._scratch().getCellByPosition(0, 0)
            scratch.setFormula("=" + _REF.sub(moved, entry.getFormula1()))
            self.doc.calculateAll()
            if scratch.getError() == 0 and scratch.getValue() != 0:
                styles.append(entry.getStyleName())
        return styles

    def _scratch(self):
        sheets = self.doc.Sheets
        if not sheets.hasByName("_检查"):
            sheets.insertNewByName("_检查", sheets.Count)
        return sheets.getByName("_检查")

    # -- named cells and the stamp ---------------------------------------------------------
    def named_cells(self, doc=None):
        """{name: "sheet.A1:B2"} of every named range of the document."""
        doc = doc or self.doc
        out = {}
        for name in doc.NamedRanges.ElementNames:
            cells = doc.NamedRanges.getByName(name).getReferredCells()
            if cells is None:
                out[name] = None
                continue
            a = cells.RangeAddress
            ref = "%s%d" % (_column_name(a.StartColumn), a.StartRow + 1)
            if (a.StartColumn, a.StartRow) != (a.EndColumn, a.EndRow):
                ref += ":%s%d" % (_column_name(a.EndColumn), a.EndRow + 1)
            out[name] = "%s.%s" % (doc.Sheets.getByIndex(a.Sheet).Name, ref)
        return out

    def stamp(self, doc=None):
        """(kind, version) of the document's template stamp; None where missing."""
        props = (doc or self.doc).DocumentProperties.UserDefinedProperties
        info = props.PropertySetInfo
        return tuple(props.getPropertyValue(n) if info.hasPropertyByName(n) else None
                     for n in (STAMP_KIND, STAMP_VERSION))

    # -- round trip ------------------------------------------------------------------------
    def reopened(self, filter_name, ext):
        """Saves the document and opens the saved file (recalculated)."""
        path = os.path.join(self.tmp, self.TEMPLATE.replace(".ots", ext))
        Office.save(self.doc, path, filter_name)
        doc = self.office.load(path)
        doc.calculateAll()
        return doc

    def assertRoundTrips(self, expected):
        """expected: {sheet: {cell: displayed}}; both .ods and .xlsx must show
        the same after saving, reopening and recalculating."""
        for filter_name, ext in ROUND_TRIPS:
            doc = self.reopened(filter_name, ext)
            try:
                for sheet, cells in expected.items():
                    with self.subTest(format=ext, sheet=sheet):
                        self.assertAllShown(sheet, cells, doc)
                        self.assertTrue(doc.Sheets.getByName(sheet).isProtected(), ext)
            finally:
                doc.close(True)
