"""The template kit's charts (kit.Sheet.chart), built in a real office the
way build.py builds a template: the chart reads ranges of its own sheet, keeps
them through a save as .ots and a new document from it, draws nothing while
its cells are blank and the typed figures once they are filled, and prints
with the sheet."""
import os
import unittest

import kit
from office import Office
from template_checks import TemplateCase, chart_ranges, split_range

SHEET = "图表"


class KitCharts(TemplateCase):
    TEMPLATE = None

    def setUp(self):
        # A template of four funnel steps and their rates, built here with the kit.
        kit.office_context = self.office.ctx
        doc = self.office.new_calc()
        try:
            book = kit.Book(doc, "图表测试")
            # The charts on the second sheet: storing charts made on a sheet not
            # shown used to hang the office.
            book.sheet("首页").label("A1", "首页")
            sh = book.sheet(SHEET)
            sh.header("图表测试", "K")
            for col, text in zip("ABC", ("步骤", "客户数", "转化率")):
                sh.heading("%s5" % col, text)
            for i, step in enumerate(("线索", "进店", "报价", "订单")):
                r = 6 + i
                sh.label("A%d" % r, step)
                sh.input("B%d" % r, "count")
                sh.formula("C%d" % r, '=IF(AND(ISNUMBER(B{r});N(B$6)>0);B{r}/B$6;"")'.format(r=r), "rate")
                sh.chart_cell("D%d" % r, "B%d/B$6" % r, "rate")
            sh.heading("D5", "图表：转化率")
            self.built = sh.chart("漏斗", "F5:K18", "column",
                                  [("B5", "B6:B9", {"labels": True}), ("D5", "D6:D9", {"kind": "line"})],
                                  "A6:A9", title="漏斗")
            sh.chart("曲线", "F20:K30", "xy", [("D5", "D6:D9")], "B6:B9", title="曲线")
            sh.chart("横条", "A20:D30", "bar", [("B5", "B6:B9")], "A6:A9", legend=False)
            book.finish()
            doc.calculateAll()
            self.template_path = os.path.join(self.tmp, "charts.ots")
            Office.save(doc, self.template_path, "calc8_template")
        finally:
            doc.close(True)
        self.doc = self.office.load(self.template_path, as_template=True)

    def test_charts_read_their_own_sheet_after_a_new_document_from_the_template(self):
        charts = self.assertChartsFollowCells(SHEET, ["漏斗", "曲线", "横条"])
        funnel = charts["漏斗"]
        self.assertEqual([[split_range(r)[0][1] for r in s if r] for s in funnel["series"]],
                         [["B5", "B6:B9"], ["D5", "D6:D9"]])
        self.assertEqual(split_range(funnel["categories"]), [(SHEET, "A6:A9")])
        self.assertEqual(funnel["kinds"], ["com.sun.star.chart2.ColumnChartType",
                                           "com.sun.star.chart2.LineChartType"])
        curve = charts["曲线"]
        self.assertEqual(curve["kinds"], ["com.sun.star.chart2.ScatterChartType"])
        self.assertEqual(split_range(curve["series"][0][2]), [(SHEET, "B6:B9")])  # x values

    def test_an_empty_sheet_draws_nothing_and_a_filled_one_its_figures(self):
        self.assertEqual(self.chart_values(SHEET, "漏斗"), [[None] * 4, [None] * 4])
        self.assertEqual(self.error_cells(), [])
        for r, v in zip(range(6, 10), (1000, 500, 200, 50)):
            self.fill(SHEET, "B%d" % r, v)
        self.assertEqual(self.chart_values(SHEET, "漏斗"), [[1000, 500, 200, 50], [1, 0.5, 0.2, 0.05]])
        self.fill(SHEET, "B6", 0)  # no base: the rates go blank, no #DIV/0! reaches the chart
        self.assertEqual(self.chart_values(SHEET, "漏斗")[1], [None] * 4)
        self.assertChartsFollowCells(SHEET, ["漏斗", "曲线", "横条"])

    def test_charts_print_with_the_sheet_and_leave_the_inputs_free(self):
        page = self.sheet_named(SHEET).DrawPage
        shapes = [page.getByIndex(i) for i in range(page.Count)]
        self.assertEqual(sorted(s.Name for s in shapes), ["曲线", "横条", "漏斗"])
        inputs = self.sheet_named(SHEET).getCellRangeByName("B6:B9")
        right_of_inputs = inputs.Position.X + inputs.Size.Width
        for shape in shapes:
            self.assertTrue(shape.Printable, shape.Name)
            if shape.Name != "横条":
                self.assertGreaterEqual(shape.Position.X, right_of_inputs, shape.Name)
        self.assertEqual(chart_ranges(self.doc, SHEET)["横条"]["kinds"], ["com.sun.star.chart2.ColumnChartType"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
