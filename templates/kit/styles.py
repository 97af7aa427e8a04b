"""Cell styles, colours, fonts and number formats of every template.

The style names a dealer sees in the Styles sidebar (请填写, 自动计算, ...), their
colours and borders, the zh-CN document language with font lists that have
Chinese glyphs on Windows, macOS and Linux, the number formats by value kind,
and the text widths that break a wrapped heading into even lines.
"""
import uno
from com.sun.star.awt.FontWeight import BOLD

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


def _contract_rate_input_format():
    import contract
    return contract.load().kinds["rate"].input_format


FORMATS["rate_input"] = _contract_rate_input_format()

NOTE = "说明"

# Font lists (the first one installed is used): Windows, macOS, Linux.
WESTERN_FONTS = "Microsoft YaHei;PingFang SC;Noto Sans CJK SC;WenQuanYi Micro Hei;Arial;Helvetica;Liberation Sans"
ASIAN_FONTS = "Microsoft YaHei;PingFang SC;Noto Sans CJK SC;WenQuanYi Micro Hei"
THIN = 18  # 1/100 mm: a hairline border that a black-and-white printout keeps


# Heading text widths: a Chinese character of the bold 10 pt heading is about
# 3.7 mm wide (1/100 mm), a Latin letter or digit about half that.
HEADING_CHAR_WIDTH = 370


def text_units(text):
    """The width of `text` in Chinese characters (a Latin letter or digit counts 0.55)."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _unbroken(text, width=None):
    """`text` as the pieces a line may not break inside: a bracketed part
    （台） is one piece if it fits a line of `width` units (any, if None), any
    other character a piece of its own."""
    pieces, depth = [], 0
    for ch in text:
        if depth:
            pieces[-1] += ch
        else:
            pieces.append(ch)
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    if width is None:
        return pieces
    return [p for piece in pieces for p in ([piece] if text_units(piece) <= width else list(piece))]


def split_even(text, lines, width=None):
    """`text` in `lines` pieces of about equal width, never one character alone
    and never broken inside brackets that fit a line of `width` units (下限（台）
    is 下限 / （台）)."""
    total = text_units(text)
    out, piece, used = [], "", 0.0
    for part in _unbroken(text, width):
        width = text_units(part)
        due = total * (len(out) + 1) / lines - 1e-9
        # a line ends once it is long enough, or before a bracketed part that would
        # end more than half of it past the even width
        if piece and len(out) < lines - 1 and (used >= due or (len(part) > 1 and used + width / 2 > due)):
            out.append(piece)
            piece = ""
        piece += part
        used += width
    if piece:
        out.append(piece)
    if len(out) > 1 and len(out[-1]) == 1:
        out[-2:] = [out[-2][:-1], out[-2][-1] + out[-1]]
    return _joined_alone(out)


def _joined_alone(lines):
    """`lines` with a line of one character (left before a bracketed part) joined
    to the line before it (the next one, if it is the first)."""
    lines = list(lines)
    while len(lines) > 1 and any(len(line) == 1 for line in lines):
        i = next(i for i, line in enumerate(lines) if len(line) == 1)
        a = i - 1 if i else 0
        lines[a:a + 2] = [lines[a] + lines[a + 1]]
    return lines


def set_language(doc):
    """zh-CN for the document and its text (no spelling marks under KPI),
    and font lists that find a font with Chinese glyphs on every system."""
    zh = uno.createUnoStruct("com.sun.star.lang.Locale")
    zh.Language, zh.Country = "zh", "CN"
    doc.CharLocale = zh
    doc.CharLocaleAsian = zh
    default = doc.StyleFamilies.getByName("CellStyles").getByName("Default")
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


def cell_style(doc, name, color=None, bold=False, locked=True, font_color=None, height=None,
               wrap=True, border=True):
    """The cell style `name` of `doc`, made with these properties if it is not there yet."""
    styles = doc.StyleFamilies.getByName("CellStyles")
    if styles.hasByName(name):
        return styles.getByName(name)
    style = doc.createInstance("com.sun.star.style.CellStyle")
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


def make_styles(doc):
    """The template styles: input, computed, label, heading, title and the flags."""
    cell_style(doc, INPUT, INPUT_COLOR, locked=False)
    cell_style(doc, COMPUTED, COMPUTED_COLOR)
    cell_style(doc, LABEL)
    cell_style(doc, HEADING, HEADING_COLOR, bold=True, font_color=0xFFFFFF)
    cell_style(doc, TITLE_STYLE, bold=True, height=16, wrap=False, border=False)
    alert = cell_style(doc, ALERT, ALERT_COLOR)
    alert.ParentStyle = COMPUTED
    alert.CellBackColor = ALERT_COLOR
    alert.CharColor = 0x9C0006
    good = cell_style(doc, GOOD, GOOD_COLOR)
    good.ParentStyle = COMPUTED
    good.CellBackColor = GOOD_COLOR
    good.CharColor = 0x006100
    # The same flags over input cells: a conditional format applies its style's
    # protection too, so a flag over an input must leave the cell unlocked.
    for name, color, font in ((ALERT, ALERT_COLOR, 0x9C0006), (GOOD, GOOD_COLOR, 0x006100)):
        flag = cell_style(doc, name + INPUT_FLAG, color, locked=False)
        flag.ParentStyle = INPUT
        flag.CharColor = font


def format_key(formats, locale, kind):
    """The key of the number format of `kind` (a FORMATS kind or a format code) in `formats`."""
    code = FORMATS.get(kind, kind)
    key = formats.queryKey(code, locale, False)
    if key == -1:
        key = formats.addNew(code, locale)
    return key
