"""Checks every DealerKPI template test makes the same way: protection,
validity, print setup, brand-free text, warning highlights and a round trip
through .ods and .xlsx that must keep what the cells display.
"""
import os
import re

from office import Office
from template_harness import TemplateTestCase, shows_error

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

# The template stamp (templates/kit/book.py, Book.stamp).
STAMP_KIND, STAMP_VERSION = "DealerKPI模板", "DealerKPI版本"


def template_modules():
    """The template modules the build makes, as templates/CMakeLists.txt lists
    them (set(DEALERKPI_TEMPLATES ...)), so a template added later is checked too."""
    text = open(os.path.join(SOURCE_DIR, "templates", "CMakeLists.txt"), encoding="utf-8").read()
    body = re.search(r"set\(DEALERKPI_TEMPLATES\s(.*?)\)", text, re.S).group(1)
    return [w for w in re.sub(r"#.*", "", body).split()]


def readme_names(title):
    """{name: "sheet.range"} of the named-cells table in the section of
    docs/templates.md for the template titled `title` (## <title> — ...)."""
    text = open(os.path.join(SOURCE_DIR, "docs", "templates.md"), encoding="utf-8").read()
    # up to the next section of level 1 or 2 (a ### subsection belongs to the template)
    section = re.search(r"^## %s\b.*?(?=^#{1,2} |\Z)" % re.escape(title), text, re.S | re.M)
    if not section:
        return {}
    rows = re.findall(r"^\| (\S+) \| ([^|.]+\.[A-Z$0-9:]+) \|", section.group(0), re.M)
    return {name: ref for name, ref in rows if name != "name"}

# A chart data sequence's range: $Sheet.$B$6:$B$9 or $'Sheet name'.$B$6 (several joined by ";").
_CHART_RANGE = re.compile(r"^\$?(?:'((?:[^']|'')+)'|([^.']+))\.(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$")


def chart_ranges(doc, sheet_name):
    """{chart name: {"series": [(label range, values range, x range or None)],
    "categories": range or None, "kinds": [chart type names]}} of the charts
    on a sheet, as their data sequences name them."""
    sheet = doc.Sheets.getByName(sheet_name)
    out = {}
    for name in sheet.Charts.ElementNames:
        chart = sheet.Charts.getByName(name).EmbeddedObject
        coord = chart.getFirstDiagram().getCoordinateSystems()[0]
        series, kinds = [], []
        for ct in coord.getChartTypes():
            kinds.append(ct.getChartType())
            for ds in ct.getDataSeries():
                label = values = x = None
                for lds in ds.getDataSequences():
                    role = lds.getValues().Role
                    if role == "values-x":
                        x = lds.getValues().getSourceRangeRepresentation()
                    else:
                        values = lds.getValues().getSourceRangeRepresentation()
                        if lds.getLabel() is not None:
                            label = lds.getLabel().getSourceRangeRepresentation()
                series.append((label, values, x))
        cats = coord.getAxisByDimension(0, 0).getScaleData().Categories
        out[name] = {"series": series, "kinds": kinds,
                     "categories": cats.getValues().getSourceRangeRepresentation() if cats is not None else None}
    return out


def split_range(rep):
    """[(sheet name, "B6:B9"), ...] of a chart range representation."""
    parts = []
    for piece in rep.split(";"):
        m = _CHART_RANGE.match(piece)
        if not m:
            raise AssertionError("not a cell range: %r" % piece)
        parts.append(((m.group(1) or "").replace("''", "'") or m.group(2), m.group(3).replace("$", "")))
    return parts


class TemplateCase(TemplateTestCase):

    # -- filling -------------------------------------------------------------------
    def fill_all(self, example):
        """Types {sheet: {cell: value}} into the document, input cells only."""
        for sheet, cells in example.items():
            for name, value in cells.items():
                self.fill(sheet, name, value)

    def assertAllShown(self, sheet, expected, doc=None):
        """expected: {cell: displayed string}. Reports every mismatch at once.
        A line break in a heading (headings are broken into even lines) is
        not a difference."""
        doc = doc or self.doc
        doc.calculateAll()
        s = doc.Sheets.getByName(sheet)
        shown = lambda name: s.getCellRangeByName(name).getString().replace("\n", "")  # noqa: E731
        wrong = ["%s: %r, expected %r" % (name, shown(name), text)
                 for name, text in expected.items() if shown(name) != text]
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
            if page.ScaleToPagesX != 1:
                # a fixed zoom (a sheet of blocks that each print whole on a page,
                # kit.page.fit_blocks): the used columns still fit the page's width
                self.assertEqual((page.ScaleToPagesX, page.ScaleToPagesY), (0, 0), sheet.Name)
                cursor = sheet.createCursor()
                cursor.gotoEndOfUsedArea(False)
                cols = sheet.Columns
                width = sum(cols.getByIndex(c).Width for c in range(cursor.RangeAddress.EndColumn + 1)
                            if cols.getByIndex(c).IsVisible)
                self.assertLessEqual(width * page.PageScale / 100, page.Width - page.LeftMargin - page.RightMargin,
                                     sheet.Name)
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
                block = sheet.getCellRangeByPosition(addr.StartColumn, addr.StartRow, addr.EndColumn, addr.EndRow)
                out.extend(text for row in block.FormulaArray for text in row)
        return out

    def assertNoBrands(self):
        self.assertEqual([t for t in self.texts() if BRANDS.search(t)], [])

    # -- highlights ----------------------------------------------------------------------
    def alert_rules(self, sheet, name):
        """(condition, style) of the conditional formats on a cell; the
        condition is written for the top-left cell of the formatted range."""
        cf = self.at(sheet, name).ConditionalFormat
        return [(cf.getByIndex(i).getFormula1(), cf.getByIndex(i).getStyleName()) for i in range(cf.Count)]

    def highlighted(self, sheet, name, value=None):
        """The styles whose conditions hold for the cell now: each condition
        is moved from its base cell to this cell, as Calc applies it, and
        evaluated in a scratch sheet. With `value`, the cell's own
        references read `value` instead (e.g. what the cell displays)."""
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
                if value is not None and (c, r) == (here.Column, here.Row + 1):
                    return repr(float(value))
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

    # -- charts ----------------------------------------------------------------------------
    def assertChartsFollowCells(self, sheet, names, doc=None):
        """The sheet has exactly the charts `names`; each draws from ranges of
        this sheet only; no cell a chart reads shows an error value; every
        series is named by a cell that shows text. Returns chart_ranges()."""
        doc = doc or self.doc
        doc.calculateAll()
        charts = chart_ranges(doc, sheet)
        self.assertEqual(sorted(charts), sorted(names), "%s: charts" % sheet)
        s = doc.Sheets.getByName(sheet)
        for name, chart in charts.items():
            reps = [r for label, values, x in chart["series"] for r in (label, values, x) if r]
            reps += [chart["categories"]] if chart["categories"] else []
            self.assertTrue(chart["series"], "%s has no series" % name)
            for rep in reps:
                for where, rng in split_range(rep):
                    self.assertEqual(where, sheet, "%s reads %s" % (name, rep))
                    cells = s.getCellRangeByName(rng)
                    for row in range(cells.Rows.Count):
                        for col in range(cells.Columns.Count):
                            c = cells.getCellByPosition(col, row)
                            self.assertFalse(shows_error(c), "%s reads %s: %s" % (name, c.AbsoluteName,
                                                                                    c.getString()))
            for label, _values, _x in chart["series"]:
                self.assertIsNotNone(label, "%s: a series without a name" % name)
                (where, rng), = split_range(label)
                self.assertNotEqual(s.getCellRangeByName(rng).getString().strip(), "", "%s: %s" % (name, label))
        return charts

    def chart_values(self, sheet, chart, doc=None):
        """[[value or None per point] per series] as the chart reads them now."""
        doc = doc or self.doc
        doc.calculateAll()
        model = doc.Sheets.getByName(sheet).Charts.getByName(chart).EmbeddedObject
        out = []
        for ct in model.getFirstDiagram().getCoordinateSystems()[0].getChartTypes():
            for ds in ct.getDataSeries():
                for lds in ds.getDataSequences():
                    if lds.getValues().Role != "values-x":
                        out.append([None if v != v else v for v in lds.getValues().getNumericalData()])
        return out

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
