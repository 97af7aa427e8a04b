"""The document being built (Book) and its sheets (Sheet): what a template calls.

Book makes the styles, hands out the sheets, names cells across sheets,
stamps the template's kind and version and finishes the document (headings
balanced, panes frozen, sheets protected). Sheet lays cells out by A1 name:
titles, labels, headings, input cells with their rules, computed cells,
named cells, merges, widths, the title rows, charts and printing.
"""
import uno
from com.sun.star.table.CellHoriJustify import CENTER

from . import charts, page, rules, styles, views
from .addresses import column_name
from .rules import RULES, rate_rule, month_of, month_rule
from .styles import (ALERT, COMPUTED, FORMATS, HEADING, INPUT, INPUT_FORMATS, LABEL, NOTE, TITLE_STYLE,
                     HEADING_CHAR_WIDTH, split_even, text_units)


class Book:
    """The document being built."""

    def __init__(self, doc, title):
        self.doc = doc
        self.formats = doc.NumberFormats
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale")
        self._sheets_used = 0
        self.sheets = []
        # (sheet name, first column, first row, last column, last row, role, kind) of every
        # input and computed range, in the order laid out: what contract.py checks the
        # named cells against (a later range over the same cell wins)
        self.laid_out = []
        doc.DocumentProperties.Title = title
        self._language()
        self._make_styles()

    # -- language, fonts and styles --------------------------------------------------
    def _language(self):
        styles.set_language(self.doc)

    def _cell_style(self, name, *args, **kw):
        """The cell style `name`, made if it is not there yet (kit.styles.cell_style)."""
        return styles.cell_style(self.doc, name, *args, **kw)

    def _make_styles(self):
        styles.make_styles(self.doc)

    def format_key(self, kind):
        """The key of the number format of `kind` (a FORMATS kind or a format code)."""
        return styles.format_key(self.formats, self.locale, kind)

    # -- sheets -------------------------------------------------------------------
    def sheet(self, name):
        """The next sheet, named `name` (the new document's first sheet is reused)."""
        sheets = self.doc.Sheets
        if self._sheets_used == 0:
            s = sheets.getByIndex(0)
            s.Name = name
        else:
            sheets.insertNewByName(name, sheets.Count)
            s = sheets.getByName(name)
        self._sheets_used += 1
        sheet = Sheet(self, s)
        self.sheets.append(sheet)
        return sheet

    def sheet_named(self, name):
        """The Sheet laid out under the name `name`."""
        return next(sheet for sheet in self.sheets if sheet.s.Name == name)

    def name_cells(self, cell_names):
        """Names every (name, sheet name, cells) of `cell_names` (a template's
        CELL_NAMES), in order, on the sheet it names (Sheet.name)."""
        for name, sheet, cells in cell_names:
            self.sheet_named(sheet).name(name, cells)

    # -- the template stamp ----------------------------------------------------------
    STAMP_KIND = "DealerKPI模板"
    STAMP_VERSION = "DealerKPI版本"

    def stamp(self, kind, version):
        """Document user-defined properties naming the template's kind (its
        module name) and its layout version, so a tool can tell a DealerKPI
        file, its kind and its layout from any other spreadsheet. A new
        document made from the template keeps them."""
        from com.sun.star.beans.PropertyAttribute import REMOVEABLE
        props = self.doc.DocumentProperties.UserDefinedProperties
        # ODF stores a user-defined number as a float: the version is 2.0 when read back.
        for name, value in ((self.STAMP_KIND, str(kind)), (self.STAMP_VERSION, float(version))):
            if props.PropertySetInfo.hasPropertyByName(name):
                props.removeProperty(name)
            props.addProperty(name, REMOVEABLE, value)

    def write_views(self, path):
        """Writes the view settings (frozen panes, each sheet's cursor, the
        active sheet) into the saved file `path` (kit.views)."""
        views.write_views(self.sheets, path)

    def finish(self):
        """Balances wrapped headings, freezes every sheet's headings, puts each
        sheet's cursor on its first input cell, protects every sheet and
        selects the first one."""
        controller = self.doc.CurrentController
        for sheet in self.sheets:
            sheet._balance_headings()
            controller.setActiveSheet(sheet.s)
            cols, rows = sheet.frozen
            controller.freezeAtPosition(cols, rows)
            if sheet.first_input:
                controller.select(sheet.cell(sheet.first_input))
        for i in range(self.doc.Sheets.Count):
            self.doc.Sheets.getByIndex(i).protect("")
        first = self.sheets[0] if self.sheets else None
        controller.setActiveSheet(self.doc.Sheets.getByIndex(0))
        if first and first.first_input:
            controller.select(first.cell(first.first_input))


class Sheet:
    """One sheet of a template. Cells are named A1-style."""

    def __init__(self, book, sheet):
        self.book = book
        self.s = sheet
        self.frozen = (1, 3)       # label column A, title rows 1-3; see freeze()
        self.first_input = None    # where the cursor starts
        self.headings = []

    def freeze(self, cols, rows):
        """Frozen panes: the first `cols` columns and `rows` rows stay while
        the user scrolls (the label columns and the heading rows)."""
        self.frozen = (cols, rows)

    def cell(self, name):
        return self.s.getCellRangeByName(name)

    def name(self, name, cells):
        """A named range (Insert > Named Expressions) for the cell or range
        `cells` of this sheet, absolute, e.g. name("交车数_目标", "G6").
        Names are the contract users' own formulas and the group roll-up
        rely on: Chinese, stable across layout versions."""
        a = self.cell(cells).RangeAddress
        ref = "$'%s'.$%s$%d" % (self.s.Name, column_name(a.StartColumn), a.StartRow + 1)
        if (a.EndColumn, a.EndRow) != (a.StartColumn, a.StartRow):
            ref += ":$%s$%d" % (column_name(a.EndColumn), a.EndRow + 1)
        names = self.book.doc.NamedRanges
        if names.hasByName(name):
            raise ValueError("the name %s is given twice" % name)
        origin = uno.createUnoStruct("com.sun.star.table.CellAddress")
        origin.Sheet = a.Sheet
        names.addNewByName(name, ref, origin, 0)

    def _record(self, rng, role, kind):
        a = rng.RangeAddress
        self.book.laid_out.append((self.s.Name, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow, role, kind))
        return rng

    def _styled(self, name, style, kind):
        rng = self.cell(name)
        if style in (INPUT, COMPUTED):
            self._record(rng, "input" if style == INPUT else "computed", kind)
        rng.CellStyle = style
        if kind:
            rng.NumberFormat = self.book.format_key(kind)
        return rng

    # -- content ------------------------------------------------------------------
    def title(self, name, text):
        self._styled(name, TITLE_STYLE, None).setString(text)

    def label(self, name, text, style=LABEL, center=False):
        rng = self._styled(name, style, None)
        rng.setString(text)
        if center:
            rng.HoriJustify = CENTER
        return rng

    def heading(self, name, text, balance=True):
        """A column or block heading. balance=False keeps the text exactly as
        given (a title a program finds its column by); it still wraps."""
        if balance:
            self.headings.append(name)
        return self.label(name, text, HEADING, center=True)

    def _balance_headings(self):
        """A heading that wraps is broken into lines of even length, so no
        line holds a single character (业务目标本月预/计)."""
        for name in self.headings:
            rng = self.cell(name)
            text = rng.getString()
            if not text or "\n" in text:
                continue
            width = self._width_of(rng) - 250  # margins, 1/100 mm
            units = text_units(text)
            per_line = max(1.0, width / HEADING_CHAR_WIDTH)
            lines = int(-(-units // per_line))
            if lines <= 1:
                continue
            rng.setString("\n".join(split_even(text, lines, per_line)))
            self.s.Rows.getByIndex(rng.CellAddress.Row).OptimalHeight = True

    def _width_of(self, rng):
        """The width of the cell, or of the merged area it starts."""
        cursor = self.s.createCursorByRange(rng)
        cursor.collapseToMergedArea()
        a = cursor.RangeAddress
        cols = self.s.Columns
        return sum(cols.getByIndex(c).Width for c in range(a.StartColumn, a.EndColumn + 1))

    def input(self, name, kind="count", value=None, message=None, help=None):
        """An input cell (or range): unlocked, input style, validity rule by
        kind with its input help (what to type) and refusal message."""
        fmt = INPUT_FORMATS.get(kind, kind)
        rng = self._record(self._styled(name, INPUT, fmt if fmt in FORMATS else None), "input", kind)
        if self.first_input is None:
            self.first_input = name.split(":")[0]
        rule = RULES.get(kind, RULES["text"])
        if kind == "rate":
            self.validate_formula(name, rate_rule(name.split(":")[0]), message or rule[4], help or rule[5])
        else:
            self.validate(name, *rule[:4], message or rule[4], help or rule[5])
        if value is not None:
            if isinstance(value, str):
                rng.setString(value)
            else:
                rng.setValue(value)
        return rng

    def input_rows(self, rows, label_col="A", col="B"):
        """Labelled input cells, one a row: rows of (row, label, kind) or
        (row, label, kind, help); the label in `label_col`, the input in `col`."""
        for row, text, kind, *help in rows:
            self.label("%s%d" % (label_col, row), text)
            self.input("%s%d" % (col, row), kind, help=help[0] if help else None)

    def choice(self, name, options, message="请从列表中选择。"):
        """An input cell that takes one of `options` (a drop-down list)."""
        rng = self._record(self._styled(name, INPUT, None), "input", "choice")
        if self.first_input is None:
            self.first_input = name.split(":")[0]
        rules.choose(rng, options, message)
        return rng

    def dealer_code(self, label="D3", name="E3"):
        """The dealer code the group's distribute writes (named 经销商代码): a
        locked cell, blank in a file the dealer makes on its own."""
        self.label(label, "经销商代码：")
        rng = self._record(self._styled(name, COMPUTED, "text"), "computed", "text")
        rng.IsTextWrapped = False
        return rng

    def formula(self, name, formula, kind="count"):
        """A computed cell: locked, computed style, number format by kind."""
        rng = self._styled(name, COMPUTED, kind)
        rng.setFormula(formula)
        return rng

    def array_formula(self, name, formula, kind="count"):
        rng = self._styled(name, COMPUTED, kind)
        rng.setArrayFormula(formula)
        return rng

    def validate(self, name, vtype, operator, formula1, formula2, message, help):
        """A validity rule with its refusal `message` and its input `help`
        (shown while the cell is selected)."""
        rules.validate(self.cell(name), vtype, operator, formula1, formula2, message, help)

    def highlight(self, name, condition, style=ALERT):
        """Conditional style: `condition` is a formula relative to the top-left
        cell of `name`, e.g. 'AND(ISNUMBER(F5);F5<0)'."""
        rules.highlight(self.cell(name), self.cell(name.split(":")[0]).CellAddress, condition, style)

    def validate_formula(self, name, condition, message, help=None):
        """A validity rule given as a condition, written for the top-left cell
        of `name` (relative references follow each cell), e.g.
        'OR(I7="";J7>=I7)'. Blank cells are allowed."""
        rules.validate_formula(self.cell(name), self.cell(name.split(":")[0]).CellAddress, condition, message, help)

    def merge(self, name):
        """Merges the range `name` into one cell (labels spanning rows or
        columns), its content centred vertically."""
        rng = self.cell(name)
        rng.merge(True)
        rng.VertJustify = 2  # com.sun.star.table.CellVertJustify2.CENTER
        return rng

    def merged_label(self, rng, text, **kw):
        """Merges `rng` and writes the label `text` into it (Sheet.label's options)."""
        self.merge(rng)
        return self.label(rng.split(":")[0], text, **kw)

    def merged_heading(self, rng, text, **kw):
        """Merges `rng` and writes the heading `text` into it (Sheet.heading's options)."""
        self.merge(rng)
        return self.heading(rng.split(":")[0], text, **kw)

    def print_area(self, cells):
        """Prints only the range `cells` of this sheet (the table, not the chart
        data beside it), e.g. print_area("A1:L40")."""
        page.print_area(self.s, self.cell(cells))

    def fit_one_page(self):
        """Prints the whole sheet on one A4 landscape page (not only one page wide)."""
        page.fit_one_page(self.book.doc, self.s)

    def steady_rows(self, cells):
        """The rows of `cells` (e.g. the consultants' rows "A20:F29") keep one height
        while names and numbers are typed into them (kit.page.fix_row_heights)."""
        a = self.cell(cells).RangeAddress
        page.fix_row_heights(self.s, a.StartRow, a.EndRow)

    def fit_blocks(self):
        """Prints each block that starts a page (a manual row break) on one page (kit.page)."""
        page.fit_blocks(self.book.doc, self.s)

    def note(self, name, text):
        """An explanatory line (small grey text, not wrapped, so it runs across
        the empty cells to its right)."""
        self.book._cell_style(NOTE, font_color=0x595959, height=9, wrap=False, border=False)
        return self.label(name, text, NOTE)

    def widths(self, **cm):
        """Column widths in cm, e.g. widths(A=4.5, B=2.2)."""
        cols = self.s.Columns
        for col, width in cm.items():
            cols.getByName(col).Width = int(width * 1000)

    def header(self, title, last_col, legend_row=3, linked_to=None):
        """Rows 1-3: the title, the dealer (B2) and month (E2), and the legend.
        They repeat on every printed page. With linked_to (a Sheet), dealer and
        month are taken from that sheet instead of being typed again."""
        self.title("A1", title)
        self.label("A2", "经销商：")
        self.label("D2", "月份：")
        if linked_to is None:
            self.input("B2", "text", help="输入经销商名称。")
            # The month: typed as 2026-11 (a date), 2026/11 or 2026年11月 (text);
            # F2 holds its first day, which the formulas and the other sheets use.
            self.input("E2", "month")
            self.validate_formula("E2", month_rule("E2"),
                                  "请输入月份，如 2026-11、2026/11 或 2026年11月。",
                                  "输入月份，如 2026-11、2026/11 或 2026年11月。")
            confirm = self.formula("F2", '=IFERROR(%s;"")' % month_of("E2"), "month_confirm")
            confirm.IsTextWrapped = False
            confirm.ShrinkToFit = True   # a date does not run on into the next cell
        else:
            # LibreOffice 7.4 reopens a formula cell whose saved result is ""
            # as the number 0 when it sits in the print title rows (a new
            # document from the template showed "0" and "1899-12" here until
            # recalculated): formats that show nothing for 0.
            src = "$'%s'." % linked_to.s.Name
            self.formula("B2", '=IF(%sB2="";"";%sB2)' % (src, src), "text_or_blank")
            self.formula("E2", '=IF(%sF2="";"";%sF2)' % (src, src), "month_or_blank")
        for cell in ("B2", "E2"):   # a long dealer name runs on into C2 rather than wrapping
            self.cell(cell).IsTextWrapped = False
        self.label("A%d" % legend_row, "图例：")
        legend = self.label("B%d" % legend_row, "请填写", INPUT)
        locked = legend.CellProtection
        locked.IsLocked = True   # it looks like an input; it is the legend
        legend.CellProtection = locked
        self.label("C%d" % legend_row, "自动计算", COMPUTED)
        self.print_setup(last_col, title_rows=(0, legend_row - 1))
        self.frozen = (1, legend_row)

    # -- charts ----------------------------------------------------------------------
    def chart(self, name, anchor, kind, series, categories=None, title=None, x_title=None, y_title=None,
              y_format=None, legend=True, colors=None, log=False, y_min=None, y_max=None):
        """A chart that follows the cells, drawn over `anchor` (a cell range such
        as "G5:N20": the chart covers it, anchored to its top-left cell, and
        prints with the sheet).

        kind: "column" (vertical bars), "bar" (horizontal bars), "line" or
        "xy" (scatter with lines: the categories are the x values).
        series: [(label, values), ...], label a cell holding the series' name
        ("B5", a heading), values a range of this sheet ("B6:B12"); each series
        may carry a third item, a dict of options: {"kind": "line"} draws that
        series as a line over columns (a ceiling, a target), {"labels": True}
        writes each value on its bar or point, {"color": 0xRRGGBB} its colour.
        categories: the range of the category labels (or x values for "xy").
        y_format: the value axis' number format (a FORMATS kind or a code);
        by default it follows the first series' cells. log: a logarithmic
        value axis (a funnel's steps differ by orders of magnitude); y_min,
        y_max: fixed ends of the value axis.

        Every range is of this sheet, so the chart follows its cells and a
        copied sheet keeps its chart. Feed charts from cells that are blank
        (or 0 where that reads right) until there is data (chart_cell): the
        chart then draws nothing and shows no error text in a label.
        Returns the chart document (chart2 model).
        """
        return charts.add_chart(self, name, anchor, kind, series, categories, title, x_title, y_title, y_format,
                                legend, colors, log, y_min, y_max)

    def chart_cell(self, name, source, kind="count", zero=False):
        """A computed cell that feeds a chart: the number `source` (a cell or
        a formula without "=") shows, anything else (blank, text, an error)
        shows blank, or 0 with zero=True."""
        other = "0" if zero else '""'
        # ISNUMBER of an error is FALSE: no error value reaches the chart
        return self.formula(name, "=IF(ISNUMBER({s});{s};{o})".format(s=source, o=other), kind)

    def range_rep(self, rng):
        """The absolute range of `rng` in this sheet, as a chart data sequence names it."""
        return self.cell(rng).AbsoluteName

    def print_setup(self, last_col, title_rows=(0, 2)):
        """A4 landscape, one page wide, title rows repeated (kit.page)."""
        page.print_setup(self.book.doc, self.s, title_rows)
