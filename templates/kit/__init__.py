"""Building blocks shared by every DealerKPI template (the package kit).

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

The modules, each for one concern (a template imports only `kit`):
- kit.book: Book and Sheet, what a template calls;
- kit.styles: cell styles, colours, fonts, number formats;
- kit.rules: validity rules of inputs, drop-downs, conditional styles;
- kit.addresses: cell addresses, named-cell table rows, dates;
- kit.charts: charts over a sheet's own cells;
- kit.page: page styles, title rows, print areas;
- kit.views: view settings written into the saved file.
"""
from .book import Book, Sheet
from .addresses import cells, column_name, columns, date_value, header_names, on_sheet
from .charts import CHART_COLORS, chart_named, fit_charts_to_rows
from .rules import (ANY, BETWEEN, CUSTOM, DATE, DECIMAL, GREATER_EQUAL, INPUT_TITLE, LIST, RATE_HELP,
                    RATE_MAX, RATE_MIN, RATE_REFUSAL, RULES, WHOLE, month_of, month_rule, rate_rule)
from .styles import (ALERT, ALERT_COLOR, ASIAN_FONTS, COMPUTED, COMPUTED_COLOR, FORMATS, GOOD,
                     GOOD_COLOR, HEADING, HEADING_COLOR, INPUT, INPUT_COLOR, INPUT_FLAG, INPUT_FORMATS, LABEL,
                     NOTE, THIN, TITLE_STYLE, WESTERN_FONTS)
from .views import copy_views, views_of

__all__ = [  # what a template, build.py and the tests use through `import kit`
    "Book", "Sheet", "cells", "column_name", "columns", "date_value", "header_names", "on_sheet",
    "CHART_COLORS", "ANY", "BETWEEN", "CUSTOM", "DATE", "DECIMAL", "GREATER_EQUAL", "INPUT_TITLE", "LIST",
    "RATE_HELP", "RATE_MAX", "RATE_MIN", "RATE_REFUSAL", "RULES", "WHOLE", "month_of", "month_rule",
    "rate_rule", "ALERT", "ALERT_COLOR", "ASIAN_FONTS", "COMPUTED", "COMPUTED_COLOR", "FORMATS", "GOOD",
    "GOOD_COLOR", "HEADING", "HEADING_COLOR", "INPUT", "INPUT_COLOR", "INPUT_FLAG", "INPUT_FORMATS", "LABEL",
    "NOTE", "THIN", "TITLE_STYLE", "WESTERN_FONTS", "copy_views", "views_of",
    "chart_named", "fit_charts_to_rows",
]

# The office's component context: charts are put together from chart2 services
# that only the office can create (build.py sets it before building).
office_context = None
