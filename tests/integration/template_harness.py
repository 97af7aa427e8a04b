"""Shared base for template tests: open an installed DealerKPI template as a
user would (File > New > Templates creates a new document from it), fill
cells, recalculate, and read what the cells DISPLAY.
"""
import os
import urllib.parse

import uno

from harness import OfficeTestCase
from office import enter

ERROR_TEXTS = ("Err:", "#DIV/0!", "#NAME?", "#VALUE!", "#N/A", "#NUM!", "#REF!", "#NULL!")


def installed_templates(office):
    """{file name: system path} of every .ots below the DealerKPI folder of
    the template path (the folder the extension adds)."""
    paths = office.service("com.sun.star.util.PathSettings").Template.split(";")
    expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
    found = {}
    for url in paths:
        if url.startswith("vnd.sun.star.expand:"):
            url = expander.expandMacros(urllib.parse.unquote(url[len("vnd.sun.star.expand:"):]))
        try:
            folder = uno.fileUrlToSystemPath(url)
        except Exception:
            continue
        group = os.path.join(folder, "DealerKPI")
        if os.path.isdir(group):
            for name in os.listdir(group):
                if name.endswith(".ots"):
                    found[name] = os.path.join(group, name)
    return found


def formula_cells_of(doc, sheet_names=None):
    """Every formula cell of `doc` (or of the named sheets), sheet by sheet."""
    from com.sun.star.sheet.CellFlags import FORMULA
    names = sheet_names or [doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)]
    for name in names:
        sheet = doc.Sheets.getByName(name)
        for addr in sheet.queryContentCells(FORMULA).RangeAddresses:
            for row in range(addr.StartRow, addr.EndRow + 1):
                for col in range(addr.StartColumn, addr.EndColumn + 1):
                    yield sheet.getCellByPosition(col, row)


def shows_error(cell):
    return cell.getError() != 0 or cell.getString().startswith(ERROR_TEXTS)


def error_cells_of(doc):
    """[(absolute name, shown text)] of every formula cell of `doc` that shows an error value or
    a text that reads as one, sheet by sheet: the office finds them (the cells whose result is an
    error, the texts of those whose result is a text, a block at a time), so that a document of
    15,000 formulas is not read cell by cell."""
    from com.sun.star.sheet.FormulaResult import ERROR, STRING
    out = []
    for sheet in doc.Sheets:
        found = []
        for addr in sheet.queryFormulaCells(ERROR).RangeAddresses:
            found += [(row, col) for row in range(addr.StartRow, addr.EndRow + 1)
                      for col in range(addr.StartColumn, addr.EndColumn + 1)]
        for addr in sheet.queryFormulaCells(STRING).RangeAddresses:
            block = sheet.getCellRangeByPosition(addr.StartColumn, addr.StartRow, addr.EndColumn, addr.EndRow)
            found += [(row, col) for row, values in enumerate(block.DataArray, addr.StartRow)
                      for col, v in enumerate(values, addr.StartColumn) if str(v).startswith(ERROR_TEXTS)]
        for row, col in sorted(found):
            cell = sheet.getCellByPosition(col, row)
            out.append((cell.AbsoluteName, cell.getString()))
    return out


class TemplateTestCase(OfficeTestCase):
    """Subclasses set TEMPLATE = "<module>.ots"."""

    TEMPLATE = None

    def setUp(self):
        # A new untitled document from the installed template, not the
        # default blank one.
        path = installed_templates(self.office).get(self.TEMPLATE)
        self.assertIsNotNone(path, "%s is not in the template folder" % self.TEMPLATE)
        self.template_path = path
        self.doc = self.office.load(path, as_template=True)
        self.sheet = self.doc.Sheets.getByIndex(0)

    # -- cells -------------------------------------------------------------------
    def sheet_named(self, name):
        return self.doc.Sheets.getByName(name)

    def at(self, sheet, name):
        return self.sheet_named(sheet).getCellRangeByName(name)

    def fill(self, sheet, name, value):
        """Types a value into an input cell (numbers as numbers; None clears)."""
        c = self.at(sheet, name)
        self.assertFalse(c.CellProtection.IsLocked, "%s!%s is not an input cell" % (sheet, name))
        enter(c, value)

    def fill_row(self, sheet, first, values):
        """Fills cells to the right of `first` (e.g. "B5") with `values`."""
        a = self.at(sheet, first).getCellAddress()
        s = self.sheet_named(sheet)
        for i, v in enumerate(values):
            self.fill(sheet, s.getCellByPosition(a.Column + i, a.Row).AbsoluteName.split(".")[-1].replace("$", ""), v)

    def shown(self, sheet, name):
        self.doc.calculateAll()
        return self.at(sheet, name).getString()

    def assertShown(self, sheet, name, expected):
        self.assertEqual(self.shown(sheet, name), expected, "%s!%s" % (sheet, name))

    # -- whole-document checks ---------------------------------------------------------
    def error_cells(self):
        """Every cell in the document whose display is an error value."""
        self.doc.calculateAll()
        return ["%s: %s" % found for found in error_cells_of(self.doc)]

    def formula_cells(self, sheet):
        return list(formula_cells_of(self.doc, [sheet]))

    def refuses(self, sheet, name, value):
        """True when the cell's validity rule rejects `value` (checked with
        the detective's "mark invalid data", which applies the rule)."""
        s = self.sheet_named(sheet)
        c = s.getCellRangeByName(name)
        old = c.getFormula()
        c.setValue(value) if not isinstance(value, str) else c.setString(value)
        was_protected = s.isProtected()
        if was_protected:
            s.unprotect("")
        try:
            invalid = s.showInvalid()
            s.clearArrows()
        finally:
            if was_protected:
                s.protect("")
            c.setFormula(old)
        return invalid
