"""The README's main job writes the example month: every template filled with
its example figures. Run it as the README does and check what it wrote."""
import importlib
import os
import subprocess
import sys
import tempfile
import unittest

from harness import profile_dir
from template_harness import error_cells_of
from office import Office

BUILD = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
SOURCE = os.environ.get("DEALERKPI_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../.."))

# (sheet, chart, the categories it plots) in the example month: the consultants with
# pay (销售顾问丁 is a name without figures)
ROWS_IN_USE = {"commission_model": ("方案对比", "顾问对比", ["销售顾问甲", "销售顾问乙", "销售顾问丙", "销售顾问丁"])}


class ExampleMonth(unittest.TestCase):
    def test_every_template_filled_without_errors(self):
        sys.path.insert(0, os.path.join(SOURCE, "scripts"))
        import example_month
        modules = example_month.template_modules()
        self.assertGreaterEqual(len(modules), 1)
        with tempfile.TemporaryDirectory(prefix="dealerkpi-example-test-") as out:
            run = subprocess.run(
                [sys.executable, os.path.join(SOURCE, "scripts", "example_month.py"),
                 "--oxt", os.path.join(BUILD, "dealerkpi.oxt"),
                 "--templates", os.path.join(BUILD, "templates", "ots"), "--out", out],
                capture_output=True, text=True, timeout=600)
            self.assertEqual(run.returncode, 0, run.stderr)
            written = sorted(f for f in os.listdir(out) if f.endswith(".ods"))
            self.assertEqual(len(written), len(modules), written)
            # The strategy table's back-solved targets reach the terminal.
            if "strategy_table" in modules:
                self.assertIn("1,263", run.stdout)
            # each document opens as its template does: frozen headings, the cursor on the first input
            import kit
            titles = {importlib.import_module(m).TITLE + ".ods": m for m in modules}
            for name in written:
                view = kit.views_of(os.path.join(out, name))
                self.assertIn('"HorizontalSplitMode" config:type="short">2<', view, name)
                self.assertEqual(view, kit.views_of(os.path.join(BUILD, "templates", "ots", titles[name] + ".ots")),
                                 name)
            with Office(profile_dir()) as office:
                for name in written:
                    doc = office.load(os.path.join(out, name))
                    try:
                        doc.calculateAll()
                        self.assertEqual(self._errors(doc), [], name)
                        self._charts_plot_rows_in_use(titles[name], doc)
                    finally:
                        doc.close(True)

    def _charts_plot_rows_in_use(self, module_name, doc):
        """A chart over every row a user may fill (提成方案测算's 30 consultants) plots
        the rows the example uses (a name or a figure: 丁 has a name only), not 30
        slots with the bars squeezed into the left tenth and a label left out."""
        if module_name not in ROWS_IN_USE:
            return
        sheet, chart, expected = ROWS_IN_USE[module_name]
        import kit
        model = kit.chart_named(doc.Sheets.getByName(sheet), chart)
        axis = model.getFirstDiagram().getCoordinateSystems()[0].getAxisByDimension(0, 0)
        self.assertEqual(list(axis.getScaleData().Categories.getValues().getTextualData()), expected,
                         "%s %s" % (module_name, chart))

    @staticmethod
    def _errors(doc):
        return ["%s %s" % cell for cell in error_cells_of(doc)]

if __name__ == "__main__":
    unittest.main(verbosity=2)
