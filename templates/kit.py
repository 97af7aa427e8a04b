"""Building blocks shared by every DealerKPI template.

A template is a Python module in this folder with

    FILE = "strategy_table.ots"        # file name inside the .oxt
    TITLE = "月度销售跨部门策略表"         # title shown in File > New > Templates
    def build(book): ...                # lays the sheets out through `book`

build.py runs each module against a new Calc document in a LibreOffice that
has the DealerKPI functions installed (so formulas are stored under their
frozen names) and saves it as an .ots. Formulas are written as in the
English UI with ';' separators, e.g. "=FUNNEL_RATE(B5:D5;B6:D6)".

The template conventions (docs/templates.md, "What a user meets in every
template") live here, once:
- input cells ("请填写") and computed cells ("自动计算") have their own cell
  styles, with a legend on every sheet; computed cells are locked, input
  cells are not, and every sheet is protected without a password;
- inputs carry validity rules with Chinese messages (counts, rates, hours,
  money, dates);
- number formats as the training material shows them;
- A4 landscape, one page wide, the title rows (with dealer and month) repeated
  on every printed page.
And the second edition (what a dealer met in a real Calc window):
- every input cell has an input help (what to type) and a refusal that says
  how to type it right;
- a rate input cell holds the fraction (0.8 = 80 %) and is percent-formatted,
  so what it shows is the rate used; typing 80 gives 80 % (LibreOffice adds the
  "%" while the person types), anything that would give another rate is refused
  (see RATE_MIN, rate_rule()); the month takes
  2026-11, 2026/11 and 2026年11月 (see month_of(), F2 of the first sheet);
- frozen panes at each sheet's headings and label columns, the cursor on the
  first input cell (Sheet.freeze, Book.write_views);
- zh-CN document language, font lists that have Chinese glyphs on Windows,
  macOS and Linux; thin borders, text centred vertically with side margins,
  wrapped headings broken into even lines;
- page header (document title, sheet) and footer (page, print date);
- named cells (Sheet.name) and the template stamp (Book.stamp);
- charts (Sheet.chart) over ranges of their own sheet, fed by cells that stay
  blank until there is data, so an empty template draws an empty chart.
"""
import uno
from com.sun.star.awt.FontWeight import BOLD
from com.sun.star.sheet.ConditionOperator import LESS as COND_LESS
from com.sun.star.sheet.ConditionOperator import FORMULA as COND_FORMULA
from com.sun.star.sheet.ValidationAlertStyle import STOP
from com.sun.star.sheet.ValidationType import ANY, CUSTOM, DATE, DECIMAL, LIST, WHOLE
from com.sun.star.sheet.ConditionOperator import BETWEEN, GREATER_EQUAL
from com.sun.star.table.CellHoriJustify import CENTER
from com.sun.star.table import CellRangeAddress

# Style names (Chinese, as a dealer sees them in the Styles sidebar).
INPUT = "请填写"
COMPUTED = "自动计算"
LABEL = "标签"
HEADING = "表头"
TITLE_STYLE = "标题"
ALERT = "预警"
GOOD = "达标"
INPUT_FLAG = "（输入）"   # suffix of a flag style used over input cells (stays unlocked)

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
    # A rate input holds the fraction and shows it as a percentage, with the
    # decimals a person may type (1.5 shows as 1.5 %, not 2 %): what it shows is
    # the rate the formulas use (kinds.rate.input_format in contract.toml).
    "rate_input": None,
    "month_confirm": 'YYYY"年"M"月";;',  # nothing for 0, as month_or_blank
}

# What input cells of a kind are formatted with (inputs may differ from computed cells).
INPUT_FORMATS = {"rate": "rate_input"}


# A rate input holds the fraction: 0, or RATE_MIN (1 %) to RATE_MAX (1000 %), the
# bounds of kinds.rate in contract.toml (min_nonzero, max).
# In a percent-formatted cell LibreOffice appends "%" as the person starts
# typing (7.4 and 25.2, any UI language): "80" gives 80 %, "150" 150 %; "0.8"
# gives 0.8 %, which is refused as the likely slip for 80 %; "80%" becomes the
# text "80%%", refused as not a number. So every typed form either is the rate
# the person meant or is refused with how to type it.
RATE_REFUSAL = "比率须为 0 或 1%～1000%。直接输入 80 即 80%（% 号自动加上，不要再输入 % 号，也不要输入 0.8）。"
RATE_HELP = "直接输入 80 即 80%（% 号自动加上）；可填 0 或 1%～1000%。"


def _contract_rate_bounds():
    """(smallest rate above 0, largest rate) of kinds.rate in contract.toml."""
    import contract
    rate = contract.load().kinds["rate"]
    return float(rate.min_nonzero), float(rate.max)


RATE_MIN, RATE_MAX = _contract_rate_bounds()


def _contract_rate_input_format():
    import contract
    return contract.load().kinds["rate"].input_format


FORMATS["rate_input"] = _contract_rate_input_format()


def rate_rule(ref):
    """The validity condition of a rate input at `ref`: a number, 0 or within
    RATE_MIN..RATE_MAX (a fraction: 0.01..10)."""
    return "AND(ISNUMBER({0});OR({0}=0;AND({0}>={lo};{0}<={hi})))".format(ref, lo=repr(RATE_MIN), hi=repr(RATE_MAX))


def month_of(ref):
    """The first day of the month typed into `ref` as 2026-11 (a date), 2026/11
    or 2026年11月 (text); "" while blank, an error for anything else."""
    s = 'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM({0});"年";"-");"月";"");"/";"-");".";"-")'.format(ref)
    month = "VALUE(MID({s};6;2))".format(s=s)
    return ('IF({0}="";"";IF(ISNUMBER({0});DATE(YEAR({0});MONTH({0});1);'
            'IF(AND(MID({s};5;1)="-";LEN({s})<=7;LEN({s})>=6;{m}>=1;{m}<=12);'
            'DATE(VALUE(LEFT({s};4));{m};1);NA())))'.format(ref, s=s, m=month))


def month_rule(ref):
    """The validity condition of a month cell: one of the three spellings, of a
    year 2000..2099 (a number typed without its separators, 202611, would be a
    date in the year 2454)."""
    return 'IFERROR(AND(YEAR({m})>=2000;YEAR({m})<=2099);FALSE())'.format(m=month_of(ref))


# Validity rules for inputs: (type, operator, formula1, formula2, refusal, input help).
# The input help shows while the cell is selected; every refusal says how to type it right.
RULES = {
    "count": (WHOLE, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的整数，如 120（不要输入小数或文字）。",
              "输入整数，如 120。"),
    # for the record: input() gives rate cells rate_rule() (a condition) instead
    "rate": (CUSTOM, COND_FORMULA, "", "", RATE_REFUSAL, RATE_HELP),
    "hours": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的工时，如 9000。", "输入工时数，如 9000。"),
    "money": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的金额（元），如 480，不要输入货币符号。",
              "输入金额（元），如 480。"),
    "number": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的数值，如 100000。", "输入数值，如 100000。"),
    "date": (DATE, GREATER_EQUAL, "1", "", "请输入有效日期，如 2026-01-31。", "输入日期，如 2026-11-30。"),
    # amounts that may be negative (returns, charge-backs, a loss-making month)
    "signed": (DECIMAL, BETWEEN, "-1E+15", "1E+15", "请输入数值（退车、冲减可填负数），如 150000 或 -50000。",
               "输入数值，如 150000；退车、冲减填负数。"),
    "text": (ANY, None, "", "", "", "输入文字。"),
}
INPUT_TITLE = "填写说明"

NOTE = "说明"

# Font lists (the first one installed is used): Windows, macOS, Linux.
WESTERN_FONTS = "Microsoft YaHei;PingFang SC;Noto Sans CJK SC;WenQuanYi Micro Hei;Arial;Helvetica;Liberation Sans"
ASIAN_FONTS = "Microsoft YaHei;PingFang SC;Noto Sans CJK SC;WenQuanYi Micro Hei"
THIN = 18  # 1/100 mm: a hairline border that a black-and-white printout keeps


def header_names():
    """The named cells of Sheet.header, first in every template's CELL_NAMES:
    the dealer (B2), the month (E2) and its first day (F2), as (name, cells)."""
    return (("经销商", "B2"), ("月份", "E2"), ("月份_首日", "F2"))


def on_sheet(sheet, names):
    """(name, sheet, cells) for every (name, cells) of `names`: the CELL_NAMES
    rows of a template of several sheets (Book.name_cells)."""
    return tuple((name, sheet, cells) for name, cells in names)


def cells(cols, first, last):
    """The range of the columns `cols` ("C", or "G:K") from row `first` to row
    `last`: cells("C", 7, 20) is "C7:C20"."""
    left, right = (cols.split(":") + [cols])[:2]
    return "%s%d:%s%d" % (left, first, right, last)


def columns(names, first, last):
    """(name, cells) for every (name, cols) of `names`: the columns `cols`
    ("C" or "G:K") from row `first` to row `last`, e.g. a table's columns."""
    return tuple((name, cells(cols, first, last)) for name, cols in names)


def date_value(year, month, day=1):
    """The spreadsheet serial number of a date (what a date cell holds), for
    example fills: date_value(2026, 11) is 2026-11-01."""
    import datetime
    return (datetime.date(year, month, day) - datetime.date(1899, 12, 30)).days


def _prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def column_name(index):
    """Column letters of a 0-based column index: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


# Heading text widths: a Chinese character of the bold 10 pt heading is about
# 3.7 mm wide, a Latin letter or digit about half that.
_UNIT = 370


def _text_units(text):
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _split_even(text, lines):
    """`text` in `lines` pieces of about equal width, never one character alone."""
    total = _text_units(text)
    out, piece, used = [], "", 0.0
    for ch in text:
        piece += ch
        used += _text_units(ch)
        if len(out) < lines - 1 and used >= total * (len(out) + 1) / lines - 1e-9:
            out.append(piece)
            piece = ""
    if piece:
        out.append(piece)
    if len(out) > 1 and len(out[-1]) == 1:
        out[-2:] = [out[-2][:-1], out[-2][-1] + out[-1]]
    return out


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

    # -- language and fonts ----------------------------------------------------------
    def _language(self):
        """zh-CN for the document and its text (no spelling marks under KPI),
        and font lists that find a font with Chinese glyphs on every system."""
        zh = uno.createUnoStruct("com.sun.star.lang.Locale")
        zh.Language, zh.Country = "zh", "CN"
        self.doc.CharLocale = zh
        self.doc.CharLocaleAsian = zh
        default = self.doc.StyleFamilies.getByName("CellStyles").getByName("Default")
        default.CharLocale = zh
        default.CharLocaleAsian = zh
        default.CharFontName = WESTERN_FONTS
        default.CharFontNameAsian = ASIAN_FONTS
        default.CharFontNameComplex = WESTERN_FONTS
        # centred vertically; a little space on both sides, so a right-aligned
        # number never touches the text of the next column
        default.VertJustify = 2  # CellVertJustify2.CENTER
        default.ParaLeftMargin = 100
        default.ParaRightMargin = 100

    # -- styles ------------------------------------------------------------------
    def _cell_style(self, name, color=None, bold=False, locked=True, font_color=None, height=None,
                    wrap=True, border=True):
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
        if border:
            line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
            line.OuterLineWidth, line.LineWidth, line.Color = THIN, THIN, 0x000000
            for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
                setattr(style, side, line)
        protection = style.CellProtection
        protection.IsLocked = locked
        style.CellProtection = protection
        return style

    def _make_styles(self):
        self._cell_style(INPUT, INPUT_COLOR, locked=False)
        self._cell_style(COMPUTED, COMPUTED_COLOR)
        self._cell_style(LABEL)
        self._cell_style(HEADING, HEADING_COLOR, bold=True, font_color=0xFFFFFF)
        self._cell_style(TITLE_STYLE, bold=True, height=16, wrap=False, border=False)
        alert = self._cell_style(ALERT, ALERT_COLOR)
        alert.ParentStyle = COMPUTED
        alert.CellBackColor = ALERT_COLOR
        alert.CharColor = 0x9C0006
        good = self._cell_style(GOOD, GOOD_COLOR)
        good.ParentStyle = COMPUTED
        good.CellBackColor = GOOD_COLOR
        good.CharColor = 0x006100
        # The same flags over input cells: a conditional format applies its style's
        # protection too, so a flag over an input must leave the cell unlocked.
        for name, color, font in ((ALERT, ALERT_COLOR, 0x9C0006), (GOOD, GOOD_COLOR, 0x006100)):
            flag = self._cell_style(name + INPUT_FLAG, color, locked=False)
            flag.ParentStyle = INPUT
            flag.CharColor = font

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
        active sheet) into the saved file `path`. A document saved from the
        headless office has no view to take them from (its settings.xml holds
        no "Views"), so they are written here; a new document made from the
        template opens with them."""
        import zipfile
        from xml.sax.saxutils import escape, quoteattr

        def item(name, kind, value):
            return '<config:config-item config:name="%s" config:type="%s">%s</config:config-item>' % (
                name, kind, escape(str(value)))

        tables = []
        for sheet in self.sheets:
            cols, rows = sheet.frozen
            cursor = sheet.cell(sheet.first_input or "A1").CellAddress
            entries = [item("CursorPositionX", "int", cursor.Column), item("CursorPositionY", "int", cursor.Row),
                       item("HorizontalSplitMode", "short", 2 if cols else 0),
                       item("VerticalSplitMode", "short", 2 if rows else 0),
                       item("HorizontalSplitPosition", "int", cols), item("VerticalSplitPosition", "int", rows),
                       item("ActiveSplitRange", "short", 3 if cols and rows else 2),
                       item("PositionLeft", "int", 0), item("PositionRight", "int", cols),
                       item("PositionTop", "int", 0), item("PositionBottom", "int", rows),
                       item("ZoomType", "short", 0), item("ZoomValue", "int", 100),
                       item("PageViewZoomValue", "int", 60), item("ShowGrid", "boolean", "true")]
            tables.append('<config:config-item-map-entry config:name=%s>%s</config:config-item-map-entry>'
                          % (quoteattr(sheet.s.Name), "".join(entries)))
        view = ('<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
                + item("ViewId", "string", "view1")
                + '<config:config-item-map-named config:name="Tables">%s</config:config-item-map-named>'
                % "".join(tables)
                + item("ActiveTable", "string", self.sheets[0].s.Name)
                + item("HorizontalScrollbarWidth", "int", 1000)
                + item("ZoomType", "short", 0) + item("ZoomValue", "int", 100)
                + item("PageViewZoomValue", "int", 60) + item("ShowPageBreakPreview", "boolean", "false")
                + item("ShowZeroValues", "boolean", "true") + item("ShowNotes", "boolean", "true")
                + item("ShowGrid", "boolean", "true") + item("HasColumnRowHeaders", "boolean", "true")
                + item("HasSheetTabs", "boolean", "true") + item("IsOutlineSymbolsSet", "boolean", "true")
                + '</config:config-item-map-entry></config:config-item-map-indexed>')
        _put_views(path, view)

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


_VIEW_SET = '<config:config-item-set config:name="ooo:view-settings">'
_VIEWS = '<config:config-item-map-indexed config:name="Views">'


def _put_views(path, view):
    """Replaces the "Views" block of the .ods/.ots `path`'s settings.xml with `view`."""
    import os
    import zipfile
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    out = path + ".tmp"
    with zipfile.ZipFile(out, "w") as z:
        for info, data in parts:
            if info.filename == "settings.xml":
                head, tail = data.decode("utf-8").split(_VIEW_SET, 1)
                body, rest = tail.split("</config:config-item-set>", 1)
                body = body.split(_VIEWS)[0]
                data = (head + _VIEW_SET + body + view + "</config:config-item-set>" + rest).encode("utf-8")
            z.writestr(info, data, zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    os.replace(out, path)


def views_of(path):
    """The "Views" block (frozen panes, each sheet's cursor, the active sheet) of
    the .ods/.ots `path`'s settings.xml; "" if it has none."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        text = z.read("settings.xml").decode("utf-8")
    if _VIEWS not in text:
        return ""
    body = text.split(_VIEWS, 1)[1]
    return _VIEWS + _balanced(body)


def _balanced(body):
    """The text of an indexed map up to its own closing tag (maps may nest)."""
    depth, i = 1, 0
    while depth:
        close = body.index("</config:config-item-map-indexed>", i)
        opened = body.find("<config:config-item-map-indexed", i)
        if opened != -1 and opened < close:
            depth, i = depth + 1, opened + 1
        else:
            depth, i = depth - 1, close + len("</config:config-item-map-indexed>")
    return body[:i]


def copy_views(template, document):
    """Gives the .ods `document`, saved from a document made from `template` (an
    .ots), the template's view settings: a document saved by a headless office
    has none, and would open with no frozen panes and the cursor on A1. For every
    file a tool writes from a template (the example month, files handed out)."""
    view = views_of(template)
    if view:
        _put_views(document, view)


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
            units = _text_units(text)
            per_line = max(1.0, width / _UNIT)
            lines = int(-(-units // per_line))
            if lines <= 1:
                continue
            rng.setString("\n".join(_split_even(text, lines)))
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
        v = rng.Validation
        v.Type = LIST
        v.ShowInputMessage = True
        v.InputTitle = INPUT_TITLE
        v.InputMessage = "从下拉列表中选择：" + "、".join(options) + "。"
        v.setFormula1(";".join('"%s"' % o for o in options))
        v.ShowList = 1
        v.ShowErrorMessage = True
        v.ErrorAlertStyle = STOP
        v.ErrorTitle = "输入无效"
        v.ErrorMessage = message
        rng.Validation = v
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
        rng = self.cell(name)
        v = rng.Validation
        v.Type = vtype
        if operator is not None:
            v.setOperator(operator)
        v.setFormula1(formula1)
        if formula2:
            v.setFormula2(formula2)
        v.IgnoreBlankCells = True
        v.ShowErrorMessage = vtype != ANY
        v.ErrorAlertStyle = STOP
        v.ErrorTitle = "输入无效"
        v.ErrorMessage = message
        v.ShowInputMessage = True
        v.InputTitle = INPUT_TITLE
        v.InputMessage = help
        rng.Validation = v

    def highlight(self, name, condition, style=ALERT):
        """Conditional style: `condition` is a formula relative to the top-left
        cell of `name`, e.g. 'AND(ISNUMBER(F5);F5<0)'."""
        rng = self.cell(name)
        if not rng.CellProtection.IsLocked and not style.endswith(INPUT_FLAG):
            style += INPUT_FLAG  # never lock an input cell through its flag
        fmt = rng.ConditionalFormat
        # Without SourcePosition Calc reads the condition relative to A1.
        fmt.addNew((_prop("Operator", COND_FORMULA), _prop("Formula1", condition),
                    _prop("StyleName", style),
                    _prop("SourcePosition", self.cell(name.split(":")[0]).CellAddress)))
        rng.ConditionalFormat = fmt

    # -- layout ---------------------------------------------------------------------
    def validate_formula(self, name, condition, message, help=None):
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
        v.ShowInputMessage = True
        v.InputTitle = INPUT_TITLE
        v.InputMessage = help or rng.Validation.InputMessage or message
        rng.Validation = v

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
        self.s.setPrintAreas((self.cell(cells).RangeAddress,))

    def fit_one_page(self):
        """Prints the whole sheet on one A4 landscape page (not only one page wide)."""
        styles = self.book.doc.StyleFamilies.getByName("PageStyles")
        styles.getByName(self.s.PageStyle).ScaleToPagesY = 1

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
        chart = _Chart(self, name, anchor, kind, series, categories, title, x_title, y_title, y_format,
                       legend, colors)
        if log or y_min is not None or y_max is not None:
            axis = chart.doc.getFirstDiagram().getCoordinateSystems()[0].getAxisByDimension(1, 0)
            scale = axis.getScaleData()
            if log:
                scale.Scaling = _service("com.sun.star.chart2.LogarithmicScaling")
            if y_min is not None:
                scale.Minimum = y_min
            if y_max is not None:
                scale.Maximum = y_max
            axis.setScaleData(scale)
        return chart.doc

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
        # 0: the page numbers run on from the sheet before, so that "第 n 页，共 m 页"
        # counts the whole document on every page (a new style restarts at 1).
        page.FirstPageNumber = 0
        # Header and footer fields cannot show a cell: the dealer and the month
        # are in the title rows (1-3), repeated at the top of every printed page;
        # the page header names the document (its title) and the sheet, the
        # footer the page and the print date.
        doc = self.book.doc
        page.HeaderIsOn = True
        page.FooterIsOn = True
        page.HeaderIsShared = True
        page.FooterIsShared = True

        def field(kind):
            return doc.createInstance("com.sun.star.text.TextField." + kind)

        def put(text, parts):
            text.setString("")
            cursor = text.createTextCursor()
            for part in parts:
                cursor.gotoEnd(False)
                if isinstance(part, str):
                    text.insertString(cursor, part, False)
                else:
                    text.insertTextContent(cursor, part, False)

        header = page.RightPageHeaderContent
        put(header.LeftText, [field("DocInfo.Title")])
        put(header.CenterText, [])
        put(header.RightText, [field("SheetName")])
        page.RightPageHeaderContent = header
        footer = page.RightPageFooterContent
        put(footer.LeftText, [])
        put(footer.CenterText, ["第 ", field("PageNumber"), " 页，共 ", field("PageCount"), " 页"])
        put(footer.RightText, ["打印日期：", field("Date")])
        page.RightPageFooterContent = footer
        self.s.PageStyle = name
        rows = CellRangeAddress()
        rows.Sheet = self.s.RangeAddress.Sheet
        rows.StartRow, rows.EndRow = title_rows
        self.s.setTitleRows(rows)
        self.s.setPrintTitleRows(True)


# -- charts ----------------------------------------------------------------------------
# chart2 templates by kind: the diagram's layout (axes, grid, stacking).
_CHART_TEMPLATES = {
    "column": "com.sun.star.chart2.template.Column",
    "bar": "com.sun.star.chart2.template.Bar",
    "line": "com.sun.star.chart2.template.LineSymbol",
    "xy": "com.sun.star.chart2.template.ScatterLineSymbol",
}
_CHART_TYPES = {
    "column": "com.sun.star.chart2.ColumnChartType",
    "bar": "com.sun.star.chart2.ColumnChartType",
    "line": "com.sun.star.chart2.LineChartType",
    "xy": "com.sun.star.chart2.ScatterChartType",
}
# Series colours, in order: the sheets' heading blue first, then colours that
# stay apart in a black-and-white printout (dark, light, mid grey).
CHART_COLORS = (0x1F4E79, 0xF4B183, 0x70AD47, 0x7F7F7F, 0xFFC000, 0x5B9BD5)


class _Chart:
    def __init__(self, sheet, name, anchor, kind, series, categories, title, x_title, y_title, y_format,
                 legend, colors):
        import uno as _uno
        self.sheet = sheet
        s = sheet.s
        first, last = (anchor.split(":") + [anchor])[:2]
        top_left = s.getCellRangeByName(first)
        bottom_right = s.getCellRangeByName(last)
        rect = _uno.createUnoStruct("com.sun.star.awt.Rectangle")
        rect.X, rect.Y = top_left.Position.X, top_left.Position.Y
        rect.Width = bottom_right.Position.X + bottom_right.Size.Width - rect.X
        rect.Height = bottom_right.Position.Y + bottom_right.Size.Height - rect.Y
        # On its sheet shown: a chart made on a sheet not shown hangs the office when the
        # document is stored (LibreOffice 7.4). Book.finish shows the first sheet again.
        sheet.book.doc.CurrentController.setActiveSheet(s)
        # Created over the first series' values, then laid out series by series.
        s.Charts.addNewByName(name, rect, (s.getCellRangeByName(series[0][1]).RangeAddress,), False, False)
        self.doc = doc = s.Charts.getByName(name).EmbeddedObject
        doc.lockControllers()
        try:
            self._layout(kind, series, categories, colors or CHART_COLORS)
            self._texts(title, x_title, y_title, legend, kind)
            if y_format:
                # the value axis in a format of its own (otherwise it follows the first series' cells)
                code = FORMATS.get(y_format, y_format)
                formats = doc.getNumberFormats()
                key = formats.queryKey(code, sheet.book.locale, False)
                axis = doc.getDiagram().getYAxis()
                axis.LinkNumberFormatToSource = False
                axis.NumberFormat = key if key != -1 else formats.addNew(code, sheet.book.locale)
        finally:
            doc.unlockControllers()
        self._anchor_to_cell(name, top_left)

    def _seq(self, rng, role):
        seq = self.doc.getDataProvider().createDataSequenceByRangeRepresentation(self.sheet.range_rep(rng))
        seq.Role = role
        return seq

    def _labeled(self, values, label=None):
        lds = _service("com.sun.star.chart2.data.LabeledDataSequence")
        lds.setValues(values)
        if label is not None:
            lds.setLabel(label)
        return lds

    def _layout(self, kind, series, categories, colors):
        doc = self.doc
        template = doc.getChartTypeManager().createInstance(_CHART_TEMPLATES[kind])
        template.changeDiagram(doc.getFirstDiagram())
        diagram = doc.getFirstDiagram()
        coord = diagram.getCoordinateSystems()[0]
        main = coord.getChartTypes()[0]
        by_type = {}
        for i, item in enumerate(series):
            label, values = item[0], item[1]
            opts = item[2] if len(item) > 2 else {}
            data = [self._labeled(self._seq(values, "values-y"), self._seq(label, "label"))]
            if kind == "xy":
                data.append(self._labeled(self._seq(categories, "values-x")))
            ds = _service("com.sun.star.chart2.DataSeries")
            ds.setData(tuple(data))
            ds.Color = opts.get("color", colors[i % len(colors)])
            if opts.get("labels"):
                label_struct = ds.Label
                label_struct.ShowNumber = True
                ds.Label = label_struct
            if kind in ("line", "xy") or opts.get("kind") == "line":
                ds.LineWidth = 50
            by_type.setdefault(opts.get("kind", kind), []).append(ds)
        types = []
        for k, items in by_type.items():
            ct = main if k == kind else _service(_CHART_TYPES[k])
            ct.setDataSeries(tuple(items))
            types.append(ct)
        coord.setChartTypes(tuple(types))
        if categories and kind != "xy":
            axis = coord.getAxisByDimension(0, 0)
            scale = axis.getScaleData()
            scale.Categories = self._labeled(self._seq(categories, "categories"))
            if kind == "bar":
                # horizontal bars read top-down in the order of the rows
                from com.sun.star.chart2.AxisOrientation import REVERSE
                scale.Orientation = REVERSE
            axis.setScaleData(scale)

    def _texts(self, title, x_title, y_title, legend, kind):
        doc = self.doc
        doc.HasMainTitle = bool(title)
        if title:
            doc.getTitle().String = title
            doc.getTitle().CharHeight = 11
        doc.HasLegend = bool(legend)
        if legend:
            from com.sun.star.chart.ChartLegendPosition import BOTTOM
            doc.getLegend().Alignment = BOTTOM
        diagram = doc.getDiagram()
        # white plot area and no frame around the chart: it reads as part of the sheet
        diagram.getWall().FillColor = 0xFFFFFF
        doc.getArea().LineStyle = 0  # com.sun.star.drawing.LineStyle.NONE
        for attr, text in (("X", x_title), ("Y", y_title)):
            setattr(diagram, "Has%sAxisTitle" % attr, bool(text))
            if text:
                t = getattr(diagram, "%sAxisTitle" % attr)
                t.String = text
                t.CharHeight = 9

    def _anchor_to_cell(self, name, cell):
        """The chart moves with the cell it starts on (rows inserted above push it down)."""
        draw = self.sheet.s.DrawPage
        for i in range(draw.Count):
            shape = draw.getByIndex(i)
            if shape.ShapeType == "com.sun.star.drawing.OLE2Shape" and shape.PersistName == name:
                shape.Anchor = cell
                shape.Name = name  # as the Navigator lists it
                return
        raise RuntimeError("chart %s has no shape on its sheet" % name)


# The office's component context: charts are put together from chart2 services
# that only the office can create (build.py sets it before building).
office_context = None


def _service(name):
    if office_context is None:
        raise RuntimeError("kit.office_context is not set: charts need the office's component context")
    return office_context.ServiceManager.createInstanceWithContext(name, office_context)
