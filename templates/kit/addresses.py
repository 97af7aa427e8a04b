"""Cell addresses, the rows of a template's named-cell table, and dates.

Column letters and ranges as templates write them (column_name, cells,
columns), the rows of CELL_NAMES (header_names, on_sheet: what Book.name_cells
names) and the serial number of a date for example fills (date_value).
"""


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


def column_name(index):
    """Column letters of a 0-based column index: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name

