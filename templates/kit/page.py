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
    """The page header (document title, sheet name) and footer (page n of m, print date).
    Header and footer fields cannot show a cell: the dealer and the month are
    in the title rows (1-3), repeated at the top of every printed page."""
    def field(kind):
        return doc.createInstance("com.sun.star.text.TextField." + kind)

    page.HeaderIsOn = True
    page.FooterIsOn = True
    page.HeaderIsShared = True
    page.FooterIsShared = True
    header = page.RightPageHeaderContent
    # the title as text: an .xlsx has no field for it and showed the file name instead
    _put(header.LeftText, [doc.DocumentProperties.Title])
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


ROW_HEIGHT = 552   # 1/100 mm: a line of Chinese text in the sheets' fonts


def _used_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn


def fix_row_heights(sheet, first, last):
    """Rows first..last (0-based) of the office sheet `sheet` keep their height, at
    least a line of Chinese text: a row does not grow or shrink as names and numbers
    are typed into it (the rows holding names looked different from the others,
    and the page breaks moved)."""
    rows = sheet.Rows
    for r in range(first, last + 1):
        row = rows.getByIndex(r)
        row.Height = max(row.Height, ROW_HEIGHT)


def fit_blocks(doc, sheet):
    """The office sheet `sheet`, laid out in blocks that each start a printed page
    (manual row breaks), prints each block whole on one page, one page wide: the
    zoom is the largest at which the widest row and the tallest block (with the
    title rows) fit, so no 合计 row or rest of a table prints on a page without
    its column headings. Fitting to a number of pages tall instead would ignore
    the manual breaks."""
    last, last_col = _used_rows(sheet)
    fix_row_heights(sheet, 0, last)
    page = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    page.TopMargin = page.BottomMargin = 1000   # a taller block on a page, at a readable zoom
    rows, cols = sheet.Rows, sheet.Columns
    starts = sorted({b.Position for b in sheet.getRowPageBreaks() if b.ManualBreak and 0 < b.Position <= last})
    titles = sheet.getTitleRows()
    title = sum(rows.getByIndex(r).Height for r in range(titles.StartRow, titles.EndRow + 1))
    edges = [titles.EndRow + 1] + starts + [last + 1]
    tallest = max(sum(rows.getByIndex(r).Height for r in range(a, b)) for a, b in zip(edges, edges[1:]))
    width = sum(cols.getByIndex(c).Width for c in range(last_col + 1) if cols.getByIndex(c).IsVisible)
    usable_w = page.Width - page.LeftMargin - page.RightMargin
    usable_h = (page.Height - page.TopMargin - page.BottomMargin - page.HeaderHeight - page.HeaderBodyDistance
                - page.FooterHeight - page.FooterBodyDistance)
    page.ScaleToPagesX = page.ScaleToPagesY = 0
    page.PageScale = min(100, int(100 * min(usable_w / width, usable_h / (title + tallest))))


def print_area(sheet, rng):
    """Only the cell range `rng` of the office sheet `sheet` prints (the table, not the chart data beside it)."""
    sheet.setPrintAreas((rng.RangeAddress,))
