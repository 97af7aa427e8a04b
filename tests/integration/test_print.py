"""Every template, filled with its example, printed to PDF as a person prints it:
the page numbers of the footer ("第 n 页，共 m 页") count the whole document,
1..m in order, on every page (each sheet used to restart at 1 while the total
counted the document). The pages are also rendered to PNG in
<build>/print-pages/ (pdftoppm), to look at.
"""
import importlib
import os
import re
import subprocess
import unittest

from harness import OfficeTestCase
from office import enter, file_url, props
from template_checks import template_modules
from template_harness import installed_templates

BUILD = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
# Other text may come between, as pdftotext -layout orders it: on the strategy table's
# page 2 a chart's axis label (a chart on the next printed page, whose text the PDF
# keeps) lands in the footer's line, "第 2 页，共 订单数" + a line of spaces + "5页";
# the rendered page shows the footer whole. No digit may come between.
PAGE = re.compile(r"第\s*(\d+)\s*页，共\D{0,200}?(\d+)\s*页", re.S)


class PrintedPages(OfficeTestCase):

    def setUp(self):
        self.doc = None

    def printed(self, name):
        """(pdf path, text of each page) of template `name` filled with its example."""
        module = importlib.import_module(name)
        path = installed_templates(self.office)[module.FILE]
        self.doc = self.office.load(path, as_template=True)
        for sheet, cells in getattr(module, "EXAMPLE", {}).items():
            s = self.doc.Sheets.getByName(sheet)
            for cell, value in cells.items():
                enter(s.getCellRangeByName(cell), value)
        self.doc.calculateAll()
        out = os.path.join(BUILD, "print-pages", "lo" + os.environ.get("DEALERKPI_OFFICE_VERSION", "7.4"))
        os.makedirs(out, exist_ok=True)
        pdf = os.path.join(out, name + ".pdf")
        self.doc.storeToURL(file_url(pdf), props(FilterName="calc_pdf_Export"))
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        if os.environ.get("DEALERKPI_RENDER_PNG", "1") != "0":
            subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(out, name)], check=True)
        return pdf, text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")

    def test_page_numbers_count_the_whole_document(self):
        for name in template_modules():
            with self.subTest(template=name):
                pdf, pages = self.printed(name)
                try:
                    numbers = [tuple(int(n) for n in PAGE.findall(page)[-1]) if PAGE.search(page) else None
                               for page in pages]
                    m = len(pages)
                    self.assertEqual(numbers, [(i + 1, m) for i in range(m)], pdf)
                finally:
                    self.doc.close(True)
                    self.doc = None

    def test_blocks_that_start_a_page_print_whole(self):
        """A sheet laid out in blocks that each start a page (manual row breaks, 提成方案测算)
        prints each block on one page: no automatic break inside the used area, which
        printed a block's 合计 row, or the rest of a plan table, on a page without its
        column headings."""
        for name in template_modules():
            try:
                pdf, _ = self.printed(name)
                for i in range(self.doc.Sheets.Count):
                    sheet = self.doc.Sheets.getByIndex(i)
                    cursor = sheet.createCursor()
                    cursor.gotoEndOfUsedArea(False)
                    last = cursor.RangeAddress.EndRow
                    breaks = [b for b in sheet.getRowPageBreaks() if 0 < b.Position <= last]
                    if not any(b.ManualBreak for b in breaks):
                        continue
                    with self.subTest(template=name, sheet=sheet.Name):
                        self.assertEqual([b.Position + 1 for b in breaks if not b.ManualBreak], [],
                                         "automatic page breaks before these rows (1-based): %s" % pdf)
            finally:
                if self.doc is not None:
                    self.doc.close(True)
                    self.doc = None

    def test_no_chart_runs_over_a_page_break(self):
        """A chart that a page break cuts prints its legend or axis alone on the next page."""
        for name in template_modules():
            module = importlib.import_module(name)
            self.doc = self.office.load(installed_templates(self.office)[module.FILE], as_template=True)
            try:
                self._charts_clear_of_breaks(name)
            finally:
                self.doc.close(True)
                self.doc = None

    def _charts_clear_of_breaks(self, name):
        """test_no_chart_runs_over_a_page_break on self.doc. A function of its own: the chart
        shapes it reads are released when it returns, before the document closes (see
        charts_of)."""
        for i in range(self.doc.Sheets.Count):
            sheet = self.doc.Sheets.getByIndex(i)
            breaks = [b.Position for b in sheet.getRowPageBreaks() if b.ManualBreak]
            for j in range(sheet.DrawPage.Count):
                shape = sheet.DrawPage.getByIndex(j)
                top, bottom = rows_under(sheet, shape)
                with self.subTest(template=name, sheet=sheet.Name, chart=shape.Name):
                    self.assertEqual([b for b in breaks if top < b <= bottom], [],
                                     "rows %d..%d (1-based) cross a page break" % (top + 1, bottom + 1))

    def test_group_summary_title_lines(self):
        """集团汇总: "月份：" stays on one line in its column (it wrapped in the 1.2 cm
        排名 column), and the summary line the roll-up writes into D2 runs over the
        empty cells to its right with no box cutting through it."""
        import group_summary
        from kit.styles import HEADING_CHAR_WIDTH, text_units
        self.doc = self.office.load(installed_templates(self.office)[group_summary.FILE], as_template=True)
        try:
            for sheet_name in (group_summary.SUMMARY, group_summary.WORKSHOP, group_summary.ISSUES):
                sheet = self.doc.Sheets.getByName(sheet_name)
                label = sheet.getCellRangeByName("A2")
                with self.subTest(sheet=sheet_name):
                    self.assertEqual(label.getString(), "月份：")
                    self.assertFalse(label.IsTextWrapped)
                    self.assertGreaterEqual(sheet.Columns.getByIndex(0).Width,
                                            text_units(label.getString()) * HEADING_CHAR_WIDTH + 250)
            summary = self.doc.Sheets.getByName(group_summary.SUMMARY).getCellRangeByName("D2")
            self.assertFalse(summary.IsTextWrapped)
            self.assertEqual([getattr(summary, side).OuterLineWidth
                              for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder")], [0] * 4)
        finally:
            self.doc.close(True)
            self.doc = None

    def test_the_overall_check_prints_whole(self):
        """集团年度目标分解's overall check (Q6 of both month sheets) prints on one line: in the
        2.0 cm 行差额 column 行列全部相符 wrapped and its last character was cut off."""
        pdf, pages = self.printed("group_annual")
        try:
            self.assertEqual(sum(page.count("行列全部相符") for page in pages), 2, pdf)
        finally:
            self.doc.close(True)
            self.doc = None

    def test_an_xlsx_keeps_the_page_header_and_the_rate_axes(self):
        """Saved as .xlsx and opened again, a page header names the document (it showed
        the file name) and a chart over rates keeps a percent axis (it showed 0 ... 1.2)."""
        import tempfile
        for name in template_modules():
            module = importlib.import_module(name)
            doc = self.office.load(installed_templates(self.office)[module.FILE], as_template=True)
            # (where, axis dimension) of every axis over cells that show rates
            rate_axes = [(where, dim) for where, chart in charts_of(doc)
                         for dim, role in ((1, "values-y"), (0, "values-x")) if "%" in cells_code(doc, chart, role)]
            with tempfile.TemporaryDirectory(prefix="dealerkpi-xlsx-") as tmp:
                path = os.path.join(tmp, "文件名.xlsx")
                doc.storeToURL(file_url(path), props(FilterName="Calc MS Excel 2007 XML"))
                doc.close(True)
                self.doc = self.office.load(path)
                try:
                    self._xlsx_keeps_header_and_axes(name, module, rate_axes)
                finally:
                    self.doc.close(True)
                    self.doc = None

    def _xlsx_keeps_header_and_axes(self, name, module, rate_axes):
        """The checks of test_an_xlsx_keeps_the_page_header_and_the_rate_axes on self.doc, in a
        function of their own so that the charts they read are released before it closes."""
        styles = self.doc.StyleFamilies.getByName("PageStyles")
        for i in range(self.doc.Sheets.Count):
            sheet = self.doc.Sheets.getByIndex(i)
            with self.subTest(template=name, sheet=sheet.Name):
                header = styles.getByName(sheet.PageStyle).RightPageHeaderContent
                self.assertEqual(header.LeftText.getString(), module.TITLE)
        for where, chart in charts_of(self.doc):
            for dim in (1, 0):
                if (where, dim) not in rate_axes:
                    continue
                with self.subTest(template=name, chart=where, axis=dim):
                    axis = chart.getFirstDiagram().getCoordinateSystems()[0].getAxisByDimension(dim, 0)
                    self.assertFalse(axis.LinkNumberFormatToSource)
                    code = chart.getNumberFormats().getByKey(axis.NumberFormat).FormatString
                    self.assertIn("%", code)


def charts_of(doc):
    """((sheet name, index on its sheet), chart model) of every chart of `doc`. Let go of them
    before the document closes: LibreOffice 25.2 aborts (exit 134, in SvxOle2Shape's destructor,
    called from the bridge's thread) when a chart shape is released after its document closed,
    which a variable still holding one from the last document did at the next load, at times."""
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        for j in range(sheet.DrawPage.Count):
            shape = sheet.DrawPage.getByIndex(j)
            if shape.ShapeType == "com.sun.star.drawing.OLE2Shape":
                yield (sheet.Name, j), shape.Model


def cells_code(doc, chart, role):
    """The number format code of the cells a chart's first series plots in `role`
    (values-y, values-x); "" when it has none."""
    series = chart.getFirstDiagram().getCoordinateSystems()[0].getChartTypes()[0].getDataSeries()[0]
    for data in series.getDataSequences():
        values = data.getValues()
        if values.Role == role:
            return doc.NumberFormats.getByKey(values.getNumberFormatKeyByIndex(-1)).FormatString
    return ""


def rows_under(sheet, shape):
    """The first and last row (0-based) a drawing object covers."""
    y0, y1 = shape.Position.Y, shape.Position.Y + shape.Size.Height
    row = lambda r: sheet.getCellByPosition(0, r).Position.Y  # noqa: E731
    top = 0
    while row(top + 1) <= y0:
        top += 1
    bottom = top
    while row(bottom + 1) < y1:
        bottom += 1
    return top, bottom


if __name__ == "__main__":
    unittest.main(verbosity=2)
