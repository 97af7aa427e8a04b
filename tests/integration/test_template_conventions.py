"""The second-edition conventions of templates.md, checked over every template
module that templates/CMakeLists.txt builds (a template added later is
checked without a line here): named cells as the README lists them, the
template stamp, ...

Each template is opened as File > New does (a new untitled document from the
installed .ots), and, where it matters, the .ots itself.
"""
import importlib
import unittest

from template_checks import TemplateCase, readme_names, template_modules
from template_harness import installed_templates

# templates.md, "Named cells": names other parts read; exactly these, at least.
REQUIRED_NAMES = {
    "strategy_table": {
        "经销商": "KPI转化率报告.B2", "月份": "KPI转化率报告.E2",
        "交车数_目标": "月度策略表.G6", "订单交车率_目标": "月度策略表.F6",
        "报价订单率_目标": "月度策略表.F7", "进店线索报价率_目标": "月度策略表.F8",
        "订单数_预计": "月度策略表.G7", "报价数_预计": "月度策略表.G8",
        "进店线索数_预计": "月度策略表.G9", "线索数_预计": "月度策略表.G10",
        "交车数_实际": "月度策略表.I6", "订单数_实际": "月度策略表.I7", "报价数_实际": "月度策略表.I8",
        "进店线索数_实际": "月度策略表.I9", "线索数_实际": "月度策略表.I10",
    },
    "workshop_targets": {
        "经销商": "车间效率与产值目标.B2", "月份": "车间效率与产值目标.E2",
        "售后产值目标": "车间效率与产值目标.B5",
        "可售工时": "车间效率与产值目标.C9:C11", "生产工时": "车间效率与产值目标.D9:D11",
        "销售工时": "车间效率与产值目标.E9:E11", "总效率_合计": "车间效率与产值目标.J12",
        "目标营业额": "车间效率与产值目标.B16:B18",
    },
}


class TemplateConventions(TemplateCase):
    """One office for all templates; each test walks every module."""

    def setUp(self):
        self.doc = None
        self.installed = installed_templates(self.office)

    def tearDown(self):
        if self.doc is not None:
            self.doc.close(True)
            self.doc = None

    def each_template(self, check):
        """Runs check(module name, module, new document) for every template,
        each in its own subtest, on a new document from the installed .ots."""
        modules = template_modules()
        self.assertGreaterEqual(len(modules), 5)
        for name in modules:
            module = importlib.import_module(name)
            with self.subTest(template=name):
                self.assertIn(module.FILE, self.installed)
                self.TEMPLATE = module.FILE
                self.doc = self.office.load(self.installed[module.FILE], as_template=True)
                try:
                    check(name, module, self.doc)
                finally:
                    self.doc.close(True)
                    self.doc = None

    # -- named cells ----------------------------------------------------------------
    def test_required_names_are_there_exactly(self):
        def check(name, module, doc):
            required = REQUIRED_NAMES.get(name, {})
            actual = self.named_cells(doc)
            wrong = {n: actual.get(n) for n, ref in required.items() if actual.get(n) != ref}
            self.assertEqual(wrong, {}, "required names missing or elsewhere")
        self.each_template(check)

    def test_names_are_the_ones_the_readme_lists(self):
        def check(name, module, doc):
            listed = readme_names(module.TITLE)
            self.assertTrue(listed, "the README has no named-cells table for %s" % module.TITLE)
            self.assertEqual(self.named_cells(doc), listed)
            # every template names its dealer and month
            self.assertIn("经销商", listed)
            self.assertIn("月份", listed)
        self.each_template(check)

    def test_names_work_in_a_formula(self):
        def check(name, module, doc):
            sheet = doc.Sheets.getByIndex(0)
            dealer = sheet.getCellRangeByName("B2")
            self.assertFalse(dealer.CellProtection.IsLocked)
            dealer.setString("某经销商")
            scratch = doc.Sheets
            scratch.insertNewByName("_名称", scratch.Count)
            probe = scratch.getByName("_名称").getCellRangeByName("A1")
            probe.setFormula("=经销商")
            doc.calculateAll()
            self.assertEqual(probe.getString(), "某经销商")
        self.each_template(check)

    # -- the stamp ------------------------------------------------------------------
    def test_stamp_in_a_new_document_from_the_template(self):
        def check(name, module, doc):
            self.assertEqual(self.stamp(doc), (name, getattr(module, "VERSION", 2)))
        self.each_template(check)

    def test_stamp_in_the_template_file(self):
        for name in template_modules():
            module = importlib.import_module(name)
            with self.subTest(template=name):
                doc = self.office.load(self.installed[module.FILE])
                try:
                    self.assertEqual(self.stamp(doc), (name, getattr(module, "VERSION", 2)))
                finally:
                    doc.close(True)

    def test_stamp_survives_saving_as_ods(self):
        import os
        def check(name, module, doc):
            path = os.path.join(self.tmp, name + ".ods")
            self.office.save(doc, path, "calc8")
            again = self.office.load(path)
            try:
                self.assertEqual(self.stamp(again), (name, getattr(module, "VERSION", 2)))
                self.assertEqual(self.named_cells(again), self.named_cells(doc))
            finally:
                again.close(True)
        self.each_template(check)


if __name__ == "__main__":
    unittest.main(verbosity=2)
