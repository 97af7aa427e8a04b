"""The second-edition conventions of templates.md, checked over every template
module that templates/CMakeLists.txt builds (a template added later is
checked without a line here): named cells as docs/templates.md lists them, the
template stamp, frozen panes, input help on every input cell, fonts and
language, how a rate and a month may be typed, highlights that agree with
what cells show, borders, the page header and footer, the cursor's start.

Each template is opened as File > New does (a new untitled document from the
installed .ots), and, where it matters, the .ots itself.
"""
import importlib
import os
import re
import unittest

import kit
from template_checks import TemplateCase, readme_names, template_modules
from template_harness import error_cells_of, installed_templates
from office import Office, enter

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
    def test_error_cells_are_found_wherever_they_show(self):
        """The template tests' error_cells (template_harness.error_cells_of) finds every formula
        cell that shows an error, or a text that reads as one, and nothing else."""
        doc = self.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            doc.Sheets.insertNewByName("二", 1)
            formulas = {"A1": "=1/0", "B2": "=NA()", "C3": '="Err:502 看似错误"', "D4": "=1+1", "E5": '="正常"',
                        "F6": '=IF(1;"";1)', "A9": "=SQRT(-1)", "B9": "=2"}
            for name, formula in formulas.items():
                sheet.getCellRangeByName(name).Formula = formula
            doc.Sheets.getByIndex(1).getCellRangeByName("C2").Formula = '="a"+1'
            doc.calculateAll()
            self.assertEqual(error_cells_of(doc), [("$Sheet1.$A$1", "#DIV/0!"), ("$Sheet1.$B$2", "#N/A"),
                                                   ("$Sheet1.$C$3", "Err:502 看似错误"), ("$Sheet1.$A$9", "Err:502"),
                                                   ("$二.$C$2", "#VALUE!")])
        finally:
            doc.close(True)

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
            self.assertTrue(listed, "docs/templates.md has no named-cells table for %s" % module.TITLE)
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

    # -- what a user meets on every sheet ------------------------------------------------
    def sheets(self, doc):
        return [doc.Sheets.getByIndex(i) for i in range(doc.Sheets.Count)]

    def format_ranges(self, sheet):
        """The used area in ranges of identically formatted cells (style,
        protection, validity, borders, conditions are cell attributes), so
        an attribute is read once per range, not once per cell."""
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.RangeAddress
        used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        for group in used.getUniqueCellFormatRanges():
            for i in range(group.Count):
                yield group.getByIndex(i)

    def cells_of(self, rng):
        a = rng.RangeAddress
        for row in range(a.EndRow - a.StartRow + 1):
            for col in range(a.EndColumn - a.StartColumn + 1):
                yield rng.getCellByPosition(col, row)

    def test_every_sheet_has_frozen_headings(self):
        def check(name, module, doc):
            controller = doc.CurrentController
            for sheet in self.sheets(doc):
                controller.setActiveSheet(sheet)
                self.assertTrue(controller.hasFrozenPanes(), sheet.Name)
                # at least the title rows with dealer and month, and the label column
                self.assertGreaterEqual(controller.getSplitRow(), 3, sheet.Name)
                self.assertGreaterEqual(controller.getSplitColumn(), 1, sheet.Name)
        self.each_template(check)

    def test_every_input_cell_says_what_to_type(self):
        def check(name, module, doc):
            missing = []
            for sheet in self.sheets(doc):
                for c in self.format_ranges(sheet):
                    if c.CellProtection.IsLocked:
                        continue
                    v = c.Validation
                    if not (v.ShowInputMessage and v.InputMessage.strip() and v.InputTitle.strip()):
                        missing.append(c.AbsoluteName)
                    elif v.ShowErrorMessage and not re.search(r"如|即|选择", v.ErrorMessage):
                        missing.append(c.AbsoluteName + " (refusal without an example)")
            self.assertEqual(missing, [], "input cells without input help")
        self.each_template(check)

    def test_rate_cells_say_how_to_type_a_rate(self):
        def check(name, module, doc):
            cells = self.rate_inputs(doc)
            found.extend(cells)
            for c in cells:
                self.assertIn("直接输入 80 即 80%", c.Validation.InputMessage, c.AbsoluteName)
                self.assertIn("直接输入 80 即 80%", c.Validation.ErrorMessage, c.AbsoluteName)
        found = []
        self.each_template(check)
        self.assertGreater(len(found), 20)

    def test_fonts_and_language(self):
        def check(name, module, doc):
            for prop in ("CharLocale", "CharLocaleAsian"):
                loc = getattr(doc, prop)
                self.assertEqual((loc.Language, loc.Country), ("zh", "CN"), prop)
            default = doc.StyleFamilies.getByName("CellStyles").getByName("Default")
            self.assertEqual(default.CharFontNameAsian, kit.ASIAN_FONTS)
            self.assertEqual(default.CharFontName, kit.WESTERN_FONTS)
            for font in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
                self.assertIn(font, default.CharFontNameAsian.split(";"))
            self.assertEqual((default.CharLocale.Language, default.CharLocale.Country), ("zh", "CN"))
            # no cell overrides the fonts with one that has no Chinese glyphs
            for sheet in self.sheets(doc):
                for c in self.format_ranges(sheet):
                    self.assertEqual(c.CharFontNameAsian, kit.ASIAN_FONTS, c.AbsoluteName)
                    self.assertEqual(c.CharFontName, kit.WESTERN_FONTS, c.AbsoluteName)
        self.each_template(check)

    def test_the_language_stays_chinese_when_a_person_opens_an_xlsx(self):
        """An .xlsx stores no language: LibreOffice reads one back as the user's own
        (en-US here), and "KPI" in every title got spelling squiggles. A DealerKPI
        document opened in a window gets the template's language again, and opening
        it is no change to it."""
        def check(name, module, doc):
            path = os.path.join(self.tmp, name + ".xlsx")
            Office.save(doc, path, "Calc Office Open XML")
            opened = self.office.load(path, hidden=False)
            try:
                default = opened.StyleFamilies.getByName("CellStyles").getByName("Default")
                for where, prop in ((opened, "CharLocale"), (opened, "CharLocaleAsian"),
                                    (default, "CharLocale"), (default, "CharLocaleAsian")):
                    loc = getattr(where, prop)
                    self.assertEqual((loc.Language, loc.Country), ("zh", "CN"), prop)
                self.assertFalse(opened.isModified())
            finally:
                opened.close(True)
        self.each_template(check)

    # -- typing a rate ------------------------------------------------------------------
    def rate_ranges(self, doc):
        """The unlocked ranges formatted as a typed rate, each of identically formatted cells
        (the same validity rule too)."""
        return [rng for sheet in self.sheets(doc) for rng in self.format_ranges(sheet)
                if not rng.CellProtection.IsLocked and
                doc.NumberFormats.getByKey(rng.NumberFormat).FormatString == kit.FORMATS["rate_input"]]

    def rate_inputs(self, doc):
        """Every unlocked cell formatted as a typed rate."""
        return [c for rng in self.rate_ranges(doc) for c in self.cells_of(rng)]

    def test_a_rate_cell_holds_the_fraction_it_shows(self):
        """A rate input is percent-formatted and holds the fraction: what it
        shows is the rate used. In such a cell LibreOffice appends "%" as the
        person types, so "80" gives 0.8, "0.8" gives 0.008 and "80%" the text
        "80%%" (tests/window types them); the rule keeps 0 and 1 %..1000 % and
        refuses the rest, so no typed form becomes another rate in silence."""
        from com.sun.star.util.NumberFormat import PERCENT
        def check(name, module, doc):
            ranges = self.rate_ranges(doc)
            self.assertTrue(ranges or name in ("consultant_funnel", "group_summary", "service_advisors"), "no rate input")
            # The cells of a range share their format and their validity rule: the first of
            # each is typed into (typing into every rate cell, each refusal a check of the
            # whole sheet, took three minutes of the suite's four).
            for c in (rng.getCellByPosition(0, 0) for rng in ranges):
                self.assertTrue(doc.NumberFormats.getByKey(c.NumberFormat).Type & PERCENT, c.AbsoluteName)
                old = c.getFormula()
                for value, shown in ((0.8, "80.0%"), (1.5, "150.0%"), (0.015, "1.5%"), (0, "0.0%"),
                                     (0.01, "1.0%"), (10, "1000.0%")):
                    c.setValue(value)
                    self.assertEqual(c.getString(), shown, "%s %s" % (c.AbsoluteName, value))
                    self.assertFalse(self.refuses_cell(c), "%s %s" % (c.AbsoluteName, value))
                for value in (0.008, 0.0099, 10.01, 12, -0.5, "80%%", "150%%", "abc"):
                    enter(c, value)
                    self.assertTrue(self.refuses_cell(c), "%s %r accepted" % (c.AbsoluteName, value))
                c.setFormula(old)
        self.each_template(check)

    def test_no_flag_locks_an_input_cell(self):
        """A conditional format applies its style's protection too: a flag style
        with protection over an input cell locked 提成方案测算's 目标 once 销量
        was typed. Every style an input cell can take is unlocked."""
        def check(name, module, doc):
            styles = doc.StyleFamilies.getByName("CellStyles")
            locked = []
            for sheet in self.sheets(doc):
                # a range of identically formatted cells shares its style and its
                # conditional format: read once per range (集团年度目标分解 has 15,000 inputs)
                for rng in self.format_ranges(sheet):
                    if rng.CellProtection.IsLocked:
                        continue
                    names = {rng.CellStyle}
                    fmt = rng.ConditionalFormat
                    for i in range(fmt.Count):
                        names.add(fmt.getByIndex(i).StyleName)
                    for style in names:
                        if styles.getByName(style).CellProtection.IsLocked:
                            locked.append("%s: %s" % (rng.AbsoluteName, style))
            self.assertEqual(locked, [], "input cells that a style locks")
        self.each_template(check)

    def refuses_cell(self, c):
        sheet = c.Spreadsheet
        protected = sheet.isProtected()
        if protected:
            sheet.unprotect("")
        try:
            invalid = sheet.showInvalid()
            sheet.clearArrows()
        finally:
            if protected:
                sheet.protect("")
        return invalid

    def test_strategy_targets_typed_as_a_person_types_give_the_seed_figures(self):
        """The golden fill's rates typed as 80, 33, 30 and 25, 5, ... into the
        percent cells (setFormula with the "%" LibreOffice adds while typing)
        give the spec's 本月预计 and channel 进店."""
        import strategy_table as st
        def check(name, module, doc):
            if name != "strategy_table":
                return
            for sheet, cells in st.EXAMPLE.items():
                s = doc.Sheets.getByName(sheet)
                for cell, value in cells.items():
                    c = s.getCellRangeByName(cell)
                    fmt = doc.NumberFormats.getByKey(c.NumberFormat).FormatString
                    if fmt == kit.FORMATS["rate_input"]:
                        c.setFormula("%g%%" % (value * 100))
                    else:
                        enter(c, value)
            doc.calculateAll()
            plan = doc.Sheets.getByName(st.PLAN)
            shown = [plan.getCellRangeByName("G%d" % r).getString() for r in range(7, 11)]
            self.assertEqual(shown, ["125", "379", "1,263", "5,370"])
            visits = [plan.getCellRangeByName("G%d" % (st.P_CHANNEL + 2 * i)).getString() for i in range(8)]
            self.assertEqual(visits, ["250", "100", "12", "24", "720", "15", "150", "60"])
            self.assertEqual(plan.getCellRangeByName("G%d" % st.P_GAP).getString(), "68")
            self.assertEqual(plan.getCellRangeByName("F6").getString(), "80.0%")
        self.each_template(check)

    def test_the_month_in_three_spellings(self):
        def check(name, module, doc):
            first = doc.Sheets.getByIndex(0)
            month = first.getCellRangeByName("E2")
            named = doc.NamedRanges.getByName("月份_首日").getReferredCells()
            for typed in ("2026-11", "2026/11", "2026年11月", "2026-11-15"):
                month.setFormula(typed)
                doc.calculateAll()
                self.assertFalse(self.refuses_cell(month), typed)
                self.assertEqual(named.getValue(), kit.date_value(2026, 11), typed)
                for sheet in self.sheets(doc)[1:]:
                    self.assertEqual(sheet.getCellRangeByName("E2").getString(), "2026-11", (typed, sheet.Name))
            # 202611: the separators lost while typing; as a number it is a date in 2454
            for typed in ("十一月", "2026-13", "2026/11/40x", "202611", "1899-12"):
                month.setFormula(typed)
                self.assertTrue(self.refuses_cell(month), typed)
            month.setFormula("")
            doc.calculateAll()
            self.assertEqual(named.getString(), "")
        self.each_template(check)

    # -- highlights agree with the display -------------------------------------------------
    def test_no_highlight_disagrees_with_what_the_cell_shows(self):
        """With the example fill, every conditional highlight holds the same
        for the cell's value as for the value it displays."""
        def check(name, module, doc):
            self.doc = doc
            for sheet, cells in module.EXAMPLE.items():
                s = doc.Sheets.getByName(sheet)
                for cell, value in cells.items():
                    enter(s.getCellRangeByName(cell), value)
            doc.calculateAll()
            wrong = []
            for sheet in self.sheets(doc):
                flagged = [c for rng in self.format_ranges(sheet) if rng.ConditionalFormat.Count
                           for c in self.cells_of(rng)]
                for c in flagged:
                    if not c.getString():
                        continue
                    shown = _number(c.getString())
                    if shown is None:
                        continue
                    name_ = c.AbsoluteName.split(".")[-1].replace("$", "")
                    actual = self.highlighted(sheet.Name, name_)
                    as_shown = self.highlighted(sheet.Name, name_, value=shown)
                    if actual != as_shown:
                        wrong.append("%s shows %s: %s, as shown %s" % (c.AbsoluteName, c.getString(), actual, as_shown))
            self.assertEqual(wrong, [])
        self.each_template(check)

    # -- printing ---------------------------------------------------------------------------
    def test_tables_have_borders_and_pages_a_header_and_footer(self):
        def check(name, module, doc):
            styles = doc.StyleFamilies.getByName("PageStyles")
            for sheet in self.sheets(doc):
                bare = [c.AbsoluteName for c in self.format_ranges(sheet)
                        if c.CellStyle in (kit.INPUT, kit.COMPUTED, kit.HEADING, kit.LABEL)
                        and c.RangeAddress.StartRow > 0
                        and min(c.TopBorder.OuterLineWidth, c.BottomBorder.OuterLineWidth,
                                c.LeftBorder.OuterLineWidth, c.RightBorder.OuterLineWidth) == 0]
                self.assertEqual(bare, [], sheet.Name)
                page = styles.getByName(sheet.PageStyle)
                self.assertTrue(page.HeaderIsOn and page.FooterIsOn, sheet.Name)
                header, footer = page.RightPageHeaderContent, page.RightPageFooterContent
                fields = lambda text: [f.ImplementationName for f in _fields(text)]  # noqa: E731
                # the document's title (as text: an .xlsx has no title field) and the sheet's name
                self.assertEqual(header.LeftText.getString(), doc.DocumentProperties.Title, sheet.Name)
                self.assertTrue(fields(header.RightText), sheet.Name)
                self.assertEqual(len(fields(footer.CenterText)), 2, sheet.Name)   # page and pages
                self.assertEqual(len(fields(footer.RightText)), 1, sheet.Name)    # the print date
                self.assertIn("打印日期", footer.RightText.getString())
                # the dealer and the month are in the title rows every page repeats
                self.assertTrue(sheet.PrintTitleRows)
                self.assertEqual(sheet.TitleRows.StartRow, 0)
                self.assertGreaterEqual(sheet.TitleRows.EndRow, 1)
        self.each_template(check)

    def test_the_cursor_starts_on_the_first_input_cell(self):
        def check(name, module, doc):
            sel = doc.CurrentController.Selection
            self.assertEqual(doc.CurrentController.ActiveSheet.Name, doc.Sheets.getByIndex(0).Name)
            self.assertEqual(sel.AbsoluteName.split(".")[-1].replace("$", ""), "B2")
            self.assertFalse(sel.CellProtection.IsLocked)
        self.each_template(check)

    def test_rows_holding_names_keep_their_height(self):
        """A row does not change height when a consultant's name and a figure are
        typed into it (the rows holding names looked shrunk beside the others)."""
        for module_name, sheet_name, row, other in NAME_ROWS:
            module = importlib.import_module(module_name)
            self.doc = self.office.load(self.installed[module.FILE], as_template=True)
            try:
                sheet = self.doc.Sheets.getByName(sheet_name)
                height = lambda r: sheet.Rows.getByIndex(r - 1).Height  # noqa: E731
                before = height(row)
                enter(sheet.getCellRangeByName("A%d" % row), "销售顾问甲")
                enter(sheet.getCellRangeByName("B%d" % row), 12)
                self.doc.calculateAll()
                with self.subTest(template=module_name, sheet=sheet_name):
                    self.assertEqual((height(row), height(other)), (before, before))
            finally:
                self.doc.close(True)
                self.doc = None

    def test_headings_leave_no_character_alone_on_a_line(self):
        """...nor break inside short brackets that fit a line (下限（ / 台）)."""
        def check(name, module, doc):
            alone = []
            low = []
            in_brackets = []
            for sheet in self.sheets(doc):
                for rng in self.format_ranges(sheet):
                    if rng.IsTextWrapped and rng.VertJustify != 2:   # CellVertJustify2.CENTER
                        low.append(rng.AbsoluteName)
                    if rng.CellStyle != kit.HEADING:
                        continue
                    for c in self.cells_of(rng):
                        if "\n" in c.getString():
                            if min(len(line) for line in c.getString().split("\n")) < 2:
                                alone.append(c.AbsoluteName)
                            if SHORT_BRACKETS.search(c.getString()):
                                in_brackets.append("%s %r" % (c.AbsoluteName, c.getString()))
                            self.assertTrue(c.IsTextWrapped)
            self.assertEqual(alone, [])
            self.assertEqual(in_brackets, [], "headings broken inside brackets")
            self.assertEqual(low, [], "wrapped text not centred vertically")
        self.each_template(check)


# a line break inside brackets of up to three characters: （台）, （元/月）
SHORT_BRACKETS = re.compile(r"（[^（）\n]{0,3}\n[^（）\n]{0,3}）")

# (template, sheet, a row where a name is typed, a row left empty) of the tables of consultants
NAME_ROWS = (("commission_model", "历史业绩", 8, 9), ("commission_plan", "提成方案", 20, 21),
             ("consultant_funnel", "集客量分析", 13, 14))


def _fields(text):
    e = text.createEnumeration()
    while e.hasMoreElements():
        para = e.nextElement()
        portions = para.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.TextPortionType == "TextField":
                yield portion.TextField


def _number(shown):
    """The number a display stands for: "90%" is 0.9, "-0.00" is 0, "1,263" is 1263."""
    text = shown.replace(",", "").strip()
    try:
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return None


if __name__ == "__main__":
    unittest.main(verbosity=2)
