"""Printing: A4 landscape, one page wide, the title rows on every page.

Each sheet gets a page style of its own (DealerKPI <sheet>) whose header names
the document and the sheet and whose footer counts the pages of the whole
document and shows the print date; print_area and fit_one_page narrow what
prints and how.
"""
from com.sun.star.table import CellRangeAddress


def _put(text, parts):
    """Fills a header or footer part with strings and text fields, in order."""
    text.setString("")
    cursor = text.createTextCursor()
    for part in parts:
        cursor.gotoEnd(False)
        if isinstance(part, str):
            text.insertString(cursor, part, False)
        else:
            text.insertTextContent(cursor, part, False)


def _header_footer(doc, page):
    """The page header (document title, sheet) and footer (page n of m, print date).
    Header and footer fields cannot show a cell: the dealer and the month are
    in the title rows (1-3), repeated at the top of every printed page."""
    def field(kind):
        return doc.createInstance("com.sun.star.text.TextField." + kind)

    page.HeaderIsOn = True
    page.FooterIsOn = True
    page.HeaderIsShared = True
    page.FooterIsShared = True
    header = page.RightPageHeaderContent
    _put(header.LeftText, [field("DocInfo.Title")])
    _put(header.CenterText, [])
    _put(header.RightText, [field("SheetName")])
    page.RightPageHeaderContent = header
    footer = page.RightPageFooterContent
    _put(footer.LeftText, [])
    _put(footer.CenterText, ["第 ", field("PageNumber"), " 页，共 ", field("PageCount"), " 页"])
    _put(footer.RightText, ["打印日期：", field("Date")])
    page.RightPageFooterContent = footer


def print_setup(doc, sheet, title_rows=(0, 2)):
    """The office sheet `sheet` prints A4 landscape, one page wide, with the
    rows `title_rows` (0-based first, last) repeated on every page."""
    styles = doc.StyleFamilies.getByName("PageStyles")
    name = "DealerKPI " + sheet.Name
    if not styles.hasByName(name):
        page = doc.createInstance("com.sun.star.style.PageStyle")
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
    _header_footer(doc, page)
    sheet.PageStyle = name
    rows = CellRangeAddress()
    rows.Sheet = sheet.RangeAddress.Sheet
    rows.StartRow, rows.EndRow = title_rows
    sheet.setTitleRows(rows)
    sheet.setPrintTitleRows(True)


def fit_one_page(doc, sheet):
    """The office sheet `sheet` prints on one A4 landscape page (not only one page wide)."""
    styles = doc.StyleFamilies.getByName("PageStyles")
    styles.getByName(sheet.PageStyle).ScaleToPagesY = 1


def print_area(sheet, rng):
    """Only the cell range `rng` of the office sheet `sheet` prints (the table, not the chart data beside it)."""
    sheet.setPrintAreas((rng.RangeAddress,))
