"""contract.templates: every installed template (.ots) against the named-cell
contract (templates/contract.toml): its named ranges, their number of cells,
the stamp, 集团汇总's header rows, and the number format of the rate inputs.
"""
import uno  # noqa: F401  (before group_summary, which imports UNO constants)

import contract
import group_summary
from harness import OfficeTestCase, main
from template_harness import installed_templates


class ContractTemplates(OfficeTestCase):
    def setUp(self):
        self.c = contract.load()
        self.paths = installed_templates(self.office)
        self.doc = None

    def open(self, t):
        self.assertIn(t.file, self.paths, "%s is not installed" % t.file)
        self.doc = self.office.load(self.paths[t.file], as_template=True)
        return self.doc

    def test_named_ranges_are_the_contract(self):
        for t in self.c.templates.values():
            with self.subTest(t.stamp):
                doc = self.open(t)
                names = doc.NamedRanges
                found = {}
                for name in names.ElementNames:
                    a = names.getByName(name).ReferredCells.RangeAddress
                    found[name] = (a.EndColumn - a.StartColumn + 1) * (a.EndRow - a.StartRow + 1)
                self.assertEqual(found, {c.name: c.cells for c in t.cells})
                props = doc.DocumentProperties.UserDefinedProperties
                self.assertEqual(props.getPropertyValue("DealerKPI模板"), t.stamp)
                self.assertEqual(props.getPropertyValue("DealerKPI版本"), float(t.version))
                doc.close(True)

    def test_group_summary_header_rows_are_the_contract_columns(self):
        doc = self.open(self.c.template("group_summary"))
        for stamp in ("strategy_table", "workshop_targets"):
            t = self.c.template(stamp)
            with self.subTest(stamp):
                sheet = doc.Sheets.getByName(t.rollup_sheet)
                expected = [title for title, _ in self.c.summary_columns(stamp)]
                row = group_summary.HEADER_ROW - 1
                shown = [sheet.getCellByPosition(col, row).getString() for col in range(len(expected) + 1)]
                self.assertEqual(shown, expected + [""])

    def rate_input_formats(self):
        """{template.name: number format} of every rate input cell."""
        formats_of = {}
        for t in self.c.templates.values():
            doc = self.open(t)
            formats = doc.NumberFormats
            for cell in t.cells:
                if cell.kind != "rate" or cell.role != "input":
                    continue
                rng = doc.NamedRanges.getByName(cell.name).ReferredCells
                formats_of["%s.%s" % (t.stamp, cell.name)] = \
                    formats.getByKey(rng.getCellByPosition(0, 0).NumberFormat).FormatString
            doc.close(True)
        return formats_of

    # A rate cell holds the fraction and shows it as a percentage (contract.toml,
    # kinds.rate.input_format): every rate input of every template, one format.
    def test_rate_inputs_are_percent_formatted(self):
        found = self.rate_input_formats()
        self.assertGreater(len(found), 10)
        wrong = {name: fmt for name, fmt in found.items() if fmt != self.c.kinds["rate"].input_format}
        self.assertEqual(wrong, {})
        self.assertTrue(self.c.kinds["rate"].input_format.endswith("%"))

    def tearDown(self):
        if self.doc is not None:
            try:
                self.doc.close(True)
            except Exception:
                pass


if __name__ == "__main__":
    main()
