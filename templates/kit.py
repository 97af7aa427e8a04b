"""Building blocks shared by every DealerKPI template.

A template is a Python module in this folder with

    FILE = "strategy_table.ots"        # file name inside the .oxt
    TITLE = "月度销售跨部门策略表"         # title shown in File > New > Templates
    def build(book): ...                # lays the sheets out through `book`

build.py runs each module against a new Calc document in a LibreOffice that
has the DealerKPI functions installed (so formulas are stored under their
frozen names) and saves it as an .ots. Formulas are written as in the
English UI with ';' separators, e.g. "=FUNNEL_RATE(B5:D5;B6:D6)".

The conventions of ../shared/spec/templates.md live here, once:
- input cells ("请填写") and computed cells ("自动计算") have their own cell
  styles, with a legend on every sheet; computed cells are locked, input
  cells are not, and every sheet is protected without a password;
- inputs carry validity rules with Chinese messages (counts, rates, hours,
  money, dates);
- number formats as the seed shows them;
- A4 landscape, one page wide, the title rows (with dealer and month) repeated
  on every printed page.
"""
import uno
from com.sun.star.awt.FontWeight import BOLD
from com.sun.star.sheet.ConditionOperator import LESS as COND_LESS
from com.sun.star.sheet.ConditionOperator import FORMULA as COND_FORMULA
from com.sun.star.sheet.ValidationAlertStyle import STOP
from com.sun.star.sheet.ValidationType import CUSTOM, DATE, DECIMAL, LIST, WHOLE
from com.sun.star.sheet.ConditionOperator import BETWEEN, GREATER_EQUAL
from com.sun.star.table.CellHoriJustify import CENTER, LEFT
from com.sun.star.table import CellRangeAddress

# Style names (Chinese, as a dealer sees them in the Styles sidebar).
INPUT = "请填写"
COMPUTED = "自动计算"
LABEL = "标签"
HEADING = "表头"
TITLE_STYLE = "标题"
ALERT = "预警"
GOOD = "达标"

INPUT_COLOR = 0xFFF2CC     # pale yellow: the seed's 请填写 cells
COMPUTED_COLOR = 0xDDEBF7  # pale blue: the seed's 自动计算 cells
HEADING_COLOR = 0x1F4E79
ALERT_COLOR = 0xF8CBAD
GOOD_COLOR = 0xC6EFCE

# Number formats as the seed shows them.
FORMATS = {
    "count": "#,##0",
    "rate": "0%",
    "rate1": "0.0%",
    "money": "#,##0.00",
    "hours": "#,##0.00",
    "number": "#,##0.00",
    "date": "YYYY-MM-DD",
    "month": "YYYY-MM",
    "text": "@",
    "general": "General",
    # Nothing shown for 0: for formulas in the printed title rows (see Sheet.header).
    "text_or_blank": ";;;@",
    "month_or_blank": "YYYY-MM;;",
}

# Validity rules for inputs: (type, operator, formula1, formula2, message).
RULES = {
    "count": (WHOLE, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的整数。"),
    "rate": (DECIMAL, BETWEEN, "0", "10", "请输入 0% 到 1000% 之间的比率。"),
    "hours": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的工时。"),
    "money": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的金额。"),
    "number": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的数值。"),
    "date": (DATE, GREATER_EQUAL, "1", "", "请输入有效日期，如 2026-01-31。"),
    # amounts that may be negative (returns, charge-backs, a loss-making month)
    "signed": (DECIMAL, BETWEEN, "-1E+15", "1E+15", "请输入数值（退车、冲减可填负数）。"),
}

NOTE = "说明"


def date_value(year, month, day=1):
    """The spreadsheet serial number of a date (what a date cell holds), for
    example fills: date_value(2026, 11) is 2026-11-01."""
    import datetime
    return (datetime.date(year, month, day) - datetime.date(1899, 12, 30)).days


def _prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def _column_name(index):
    """Column letters of a 0-based column index: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


class Book:
    """The document being built."""

    def __init__(self, doc, title):
        self.doc = doc
        self.formats = doc.NumberFormats
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale")
        self._sheets_used = 0
        doc.DocumentProperties.Title = title
        self._make_styles()

    # -- styles ------------------------------------------------------------------
    def _cell_style(self, name, color=None, bold=False, locked=True, font_color=None, height=None,
                    wrap=True):
        styles = self.doc.StyleFamilies.getByName("CellStyles")
        if styles.hasByName(name):
            return styles.getByName(name)
        style = self.doc.createInstance("com.sun.star.style.CellStyle")
        styles.insertByName(name, style)
        style.ParentStyle = "Default"
        if color is not None:
            style.CellBackColor = color
            style.IsCellBackgroundTransparent = False
        if bold:
            style.CharWeight = BOLD
            style.CharWeightAsian = BOLD
        if font_color is not None:
            style.CharColor = font_color
        if height:
            style.CharHeight = height
            style.CharHeightAsian = height
        style.IsTextWrapped = wrap
        protection = style.CellProtection
        protection.IsLocked = locked
        style.CellProtection = protection
        return style

    def _make_styles(self):
        self._cell_style(INPUT, INPUT_COLOR, locked=False)
        self._cell_style(COMPUTED, COMPUTED_COLOR)
        self._cell_style(LABEL)
        self._cell_style(HEADING, HEADING_COLOR, bold=True, font_color=0xFFFFFF)
        self._cell_style(TITLE_STYLE, bold=True, height=16, wrap=False)
        alert = self._cell_style(ALERT, ALERT_COLOR)
        alert.ParentStyle = COMPUTED
        alert.CellBackColor = ALERT_COLOR
        alert.CharColor = 0x9C0006
        good = self._cell_style(GOOD, GOOD_COLOR)
        good.ParentStyle = COMPUTED
        good.CellBackColor = GOOD_COLOR
        good.CharColor = 0x006100

    def format_key(self, kind):
        code = FORMATS.get(kind, kind)
        key = self.formats.queryKey(code, self.locale, False)
        if key == -1:
            key = self.formats.addNew(code, self.locale)
        return key

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
        return Sheet(self, s)

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

    def finish(self):
        """Protects every sheet and selects the first one."""
        for i in range(self.doc.Sheets.Count):
            self.doc.Sheets.getByIndex(i).protect("")
        self.doc.CurrentController.setActiveSheet(self.doc.Sheets.getByIndex(0))


class Sheet:
    """One sheet of a template. Cells are named A1-style."""

    def __init__(self, book, sheet):
        self.book = book
        self.s = sheet

    def cell(self, name):
        return self.s.getCellRangeByName(name)

    def name(self, name, cells):
        """A named range (Insert > Named Expressions) for the cell or range
        `cells` of this sheet, absolute, e.g. name("交车数_目标", "G6").
        Names are the contract users' own formulas and the group roll-up
        rely on: Chinese, stable across layout versions."""
        a = self.cell(cells).RangeAddress
        ref = "$'%s'.$%s$%d" % (self.s.Name, _column_name(a.StartColumn), a.StartRow + 1)
        if (a.EndColumn, a.EndRow) != (a.StartColumn, a.StartRow):
            ref += ":$%s$%d" % (_column_name(a.EndColumn), a.EndRow + 1)
        names = self.book.doc.NamedRanges
        if names.hasByName(name):
            raise ValueError("the name %s is given twice" % name)
        origin = uno.createUnoStruct("com.sun.star.table.CellAddress")
        origin.Sheet = a.Sheet
        names.addNewByName(name, ref, origin, 0)

    def _styled(self, name, style, kind):
        rng = self.cell(name)
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

    def heading(self, name, text):
        return self.label(name, text, HEADING, center=True)

    def input(self, name, kind="count", value=None, message=None):
        """An input cell (or range): unlocked, input style, validity rule by kind."""
        rng = self._styled(name, INPUT, kind if kind in FORMATS else None)
        if kind in RULES:
            self.validate(name, *RULES[kind][:4], message or RULES[kind][4])
        if value is not None:
            if isinstance(value, str):
                rng.setString(value)
            else:
                rng.setValue(value)
        return rng

    def choice(self, name, options, message="请从列表中选择。"):
        """An input cell that takes one of `options` (a drop-down list)."""
        rng = self._styled(name, INPUT, None)
        v = rng.Validation
        v.Type = LIST
        v.setFormula1(";".join('"%s"' % o for o in options))
        v.ShowList = 1
        v.ShowErrorMessage = True
        v.ErrorAlertStyle = STOP
        v.ErrorTitle = "输入无效"
        v.ErrorMessage = message
        rng.Validation = v
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

    def validate(self, name, vtype, operator, formula1, formula2, message):
        rng = self.cell(name)
        v = rng.Validation
        v.Type = vtype
        v.setOperator(operator)
        v.setFormula1(formula1)
        if formula2:
            v.setFormula2(formula2)
        v.IgnoreBlankCells = True
        v.ShowErrorMessage = True
        v.ErrorAlertStyle = STOP
        v.ErrorTitle = "输入无效"
        v.ErrorMessage = message
        v.ShowInputMessage = False
        rng.Validation = v

    def highlight(self, name, condition, style=ALERT):
        """Conditional style: `condition` is a formula relative to the top-left
        cell of `name`, e.g. 'AND(ISNUMBER(F5);F5<0)'."""
        rng = self.cell(name)
        fmt = rng.ConditionalFormat
        # Without SourcePosition Calc reads the condition relative to A1.
        fmt.addNew((_prop("Operator", COND_FORMULA), _prop("Formula1", condition),
                    _prop("StyleName", style),
                    _prop("SourcePosition", self.cell(name.split(":")[0]).CellAddress)))
        rng.ConditionalFormat = fmt

    # -- layout ---------------------------------------------------------------------
    def validate_formula(self, name, condition, message):
        """A validity rule given as a condition, written for the top-left cell
        of `name` (relative references follow each cell), e.g.
        'OR(I7="";J7>=I7)'. Blank cells are allowed."""
        rng = self.cell(name)
        v = rng.Validation
        v.Type = CUSTOM
        v.setOperator(COND_FORMULA)
        v.setFormula1(condition)
        v.setSourcePosition(self.cell(name.split(":")[0]).CellAddress)
        v.IgnoreBlankCells = True
        v.ShowErrorMessage = True
        v.ErrorAlertStyle = STOP
        v.ErrorTitle = "输入无效"
        v.ErrorMessage = message
        v.ShowInputMessage = False
        rng.Validation = v

    def merge(self, name):
        """Merges the range `name` into one cell (labels spanning rows or
        columns), its content centred vertically."""
        rng = self.cell(name)
        rng.merge(True)
        rng.VertJustify = 2  # com.sun.star.table.CellVertJustify2.CENTER
        return rng

    def fit_one_page(self):
        """Prints the whole sheet on one A4 landscape page (not only one page wide)."""
        styles = self.book.doc.StyleFamilies.getByName("PageStyles")
        styles.getByName(self.s.PageStyle).ScaleToPagesY = 1

    def note(self, name, text):
        """An explanatory line (small grey text, not wrapped, so it runs across
        the empty cells to its right)."""
        self.book._cell_style(NOTE, font_color=0x595959, height=9, wrap=False)
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
            self.input("B2", "text")
            self.input("E2", "month")
            self.validate("E2", DATE, GREATER_EQUAL, "1", "", "请输入月份，如 2026-11。")
        else:
            # LibreOffice 7.4 reopens a formula cell whose saved result is ""
            # as the number 0 when it sits in the print title rows (a new
            # document from the template showed "0" and "1899-12" here until
            # recalculated): formats that show nothing for 0.
            src = "$'%s'." % linked_to.s.Name
            self.formula("B2", '=IF(%sB2="";"";%sB2)' % (src, src), "text_or_blank")
            self.formula("E2", '=IF(%sE2="";"";%sE2)' % (src, src), "month_or_blank")
        self.label("A%d" % legend_row, "图例：")
        self.label("B%d" % legend_row, "请填写", INPUT)
        self.label("C%d" % legend_row, "自动计算", COMPUTED)
        self.print_setup(last_col, title_rows=(0, legend_row - 1))

    def print_setup(self, last_col, title_rows=(0, 2)):
        """A4 landscape, one page wide, title rows repeated."""
        styles = self.book.doc.StyleFamilies.getByName("PageStyles")
        name = "DealerKPI " + self.s.Name
        if not styles.hasByName(name):
            page = self.book.doc.createInstance("com.sun.star.style.PageStyle")
            styles.insertByName(name, page)
        page = styles.getByName(name)
        page.IsLandscape = True
        page.Width, page.Height = 29700, 21000
        page.ScaleToPagesX = 1
        page.ScaleToPagesY = 0
        page.CenterHorizontally = True
        page.HeaderIsOn = True
        header = page.RightPageHeaderContent
        header.LeftText.setString(self.s.Name)
        header.RightText.setString("DealerKPI")
        page.RightPageHeaderContent = header
        self.s.PageStyle = name
        rows = CellRangeAddress()
        rows.Sheet = self.s.RangeAddress.Sheet
        rows.StartRow, rows.EndRow = title_rows
        self.s.setTitleRows(rows)
        self.s.setPrintTitleRows(True)
