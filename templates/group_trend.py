"""集团趋势: the group's months from the store (templates.md section 8), filled by
the group workflow (dealerkpi-group trend, DealerKPI ▸ 集团趋势…).

The template holds the layout and the pooled rates; the service finds its
columns by their titles in the header row (row 4) and writes the store's
figures below it, one row per month (月度) or per dealer (经销商, 售后).

1. 月度: per month the dealers issued / taken / missing, the summed counts,
   targets and hours, the rates pooled over those sums (FUNNEL_RATE,
   WORKSHOP_EFFICIENCY: never the mean of the dealers' rates), month-on-month
   (_环比) and year-on-year (_同比) changes and the year-to-date sums (_年累计).
   An achievement below 100 % (at the displayed precision) and a missing dealer
   are red.
2. 经销商 / 售后: per dealer its rank, the period's sum and pooled rate, and per
   month (the month over each pair of columns) the same two figures; a rate
   below 100 % is red.
3. 图表: the group's monthly 交车数 against target, and the achievement over the
   months of the dealer chosen in B2.
The measures are the contract's ([trend.*] in contract.toml).
"""
from com.sun.star.sheet.ValidationType import LIST
from com.sun.star.table.CellHoriJustify import LEFT

import contract
import kit

FILE = "group_trend.ots"
TITLE = "集团趋势"
VERSION = 1

MONTHLY, CHART = "月度", "图表"
HEADER_ROW = 4
MAX_MONTHS = 24              # months one workbook shows (trend --from .. --to)
MAX_DEALERS = 1000           # dealer rows formatted on 经销商 and 售后
FIRST = HEADER_ROW + 1       # first data row (1-based)
LAST_MONTH = FIRST + MAX_MONTHS - 1
LAST_DEALER = FIRST + MAX_DEALERS - 1

# The month-on-month and year-on-year changes and the year-to-date sums 月度 shows.
CHANGES = {"strategy_table": ("交车数_实际", "交车数_达成率", "订单交车率_实际"), "workshop_targets": ("总效率_合计",)}
YEAR_TO_DATE = ("交车数_目标", "交车数_实际", "交车数_达成率")
MOM, YOY, YTD = "_环比", "_同比", "_年累计"
PERIOD = "期间_"              # the dealer's period columns: 期间_交车数_实际, 期间_交车数_达成率

# The narrowest column (cm) that shows a figure of a kind; a title widens it (see _width).
WIDTHS = {"count": 1.7, "rate": 1.5, "rate1": 1.6, "hours": 2.3, "money": 3.3, "text": 2.6}
CHAR = 0.36    # cm of one CJK character of a heading, and the cell's margins
MARGIN = 0.35

CELL_NAMES = (
    ("趋势期间", "computed text"),
    ("月度表", "the group's months"),
    ("经销商表", "per dealer: strategy tables"),
    ("经销商表_月份", "the months over the dealers' pairs of columns"),
    ("售后表", "per dealer: workshop tables"),
    ("售后表_月份", "the months over the dealers' pairs of columns"),
    ("图表_经销商代码", "the dealer the chart shows"),
    ("图表数据", "what the charts draw"),
)


def _trend(stamp):
    return contract.load().trend[stamp]


def _kind(stamp, name):
    """The value kind of a trend sum (its cell's) or rate."""
    t = _trend(stamp)
    if name in (r.name for r in t.rates):
        return "rate"
    cell = dict((s, c) for s, c, _ in t.sums)[name]
    return contract.load().template(stamp).cell(cell).kind


def monthly_columns():
    """(title, kind, how) of 月度's header row: how is "value" (the service writes it),
    ("rate", stamp, name) (pooled here over this row's sums), ("rate_ytd", ...) or
    "missing" (issued - taken)."""
    cols = [("月份", "text", "value"), ("下发经销商数", "count", "value"), ("采用经销商数", "count", "value"),
            ("未交经销商数", "count", "missing")]
    for stamp in ("strategy_table", "workshop_targets"):
        t = _trend(stamp)
        if stamp == "workshop_targets":
            cols += [("售后下发经销商数", "count", "value"), ("售后采用经销商数", "count", "value")]
        cols += [(name, _kind(stamp, name), "value") for name in t.sum_names()]
        cols += [(r.name, "rate", ("rate", stamp, r.name)) for r in t.rates]
        for name in CHANGES[stamp]:
            # a sum's change is relative (a rate), a rate's in points (a rate too)
            cols += [(name + MOM, "rate1", "value"), (name + YOY, "rate1", "value")]
        for name in YEAR_TO_DATE if stamp == "strategy_table" else ():
            rate = name in (r.name for r in t.rates)
            cols.append((name + YTD, _kind(stamp, name), ("rate_ytd", stamp, name) if rate else "value"))
    return cols


def dealer_columns(stamp):
    """(title, kind) of a dealer sheet's header row up to the months, then one pair per month."""
    d = _trend(stamp).dealer
    lead = [("经销商代码", "text"), ("经销商", "text"), ("排名", "count"),
            (PERIOD + d["count"], _kind(stamp, d["count"])), (PERIOD + d["rate"], "rate")]
    pair = [(d["count"], _kind(stamp, d["count"])), (d["rate"], "rate")]
    return lead, pair


def _width(title, kind):
    """A column wide enough for its figures whose title shows on one line or on two
    even lines, never one character alone on the second (the titles are exact: the
    service finds its columns by them, so they cannot be broken by hand)."""
    one = len(title) * CHAR + MARGIN
    width = max(WIDTHS.get(kind, 2.4), (len(title) + 1) // 2 * CHAR + MARGIN)
    return max(width, one) if width > one - 2 * CHAR else width


def _heading_row(sh, columns, row=HEADER_ROW):
    for i, (text, kind) in enumerate(columns):
        c = kit.column_name(i)
        head = sh.heading("%s%d" % (c, row), text, balance=False)  # titles the service finds columns by
        head.VertJustify = 2
        sh.s.Columns.getByIndex(i).Width = int(_width(text, kind) * 1000)
    sh.s.Rows.getByIndex(row - 1).Height = 1100


def _computed(sh, rng, kind):
    cells = sh._styled(rng, kit.COMPUTED, kind)  # the service's figures: locked, computed style, the kind's format
    if kind == "text":
        cells.HoriJustify = LEFT
    return cells


def _red_below_100(sh, column, last):
    first = "%s%d" % (column, FIRST)
    # compared at the displayed precision (0%), as the sheet shows it
    sh.highlight("%s:%s%d" % (first, column, last), "AND(ISNUMBER(%s);ROUND(%s;2)<1)" % (first, first))


def _pooled(stamp, name, col_of, r, suffix=""):
    t = _trend(stamp)
    rate = t.rate(name)
    num, den = col_of[rate.actual + suffix], col_of[rate.base + suffix]
    n, d = "%s%d" % (num, r), "%s%d" % (den, r)
    if stamp == "workshop_targets":  # 总效率 = sold / available hours, pooled over the dealers' hours
        worked = col_of["生产工时_合计"]
        return '=IF(AND(ISNUMBER(%s);N(%s)>0);WORKSHOP_EFFICIENCY(%s;%s%d;%s;"总效率");"")' % (n, d, n, worked, r, d)
    return '=IF(AND(ISNUMBER(%s);N(%s)>0);FUNNEL_RATE(%s;%s);"")' % (n, d, n, d)


def _monthly(book):
    cols = monthly_columns()
    sh = book.sheet(MONTHLY)
    sh.title("A1", "集团趋势（各月合计，比率按各店计数合并计算）")
    sh.label("A2", "期间：")
    period = sh.formula("B2", '=""', "text_or_blank")
    period.IsTextWrapped = False
    sh.name("趋势期间", "B2")
    sh.note("A3", "计数、目标与工时为各店相加；比率 = 合计之比（FUNNEL_RATE、WORKSHOP_EFFICIENCY），不是各店比率的平均。"
                  "环比、同比：计数为增减百分比，比率为增减百分点；上月或去年同月不在库中时留空。")
    _heading_row(sh, [(t, k) for t, k, _ in cols])
    col_of = {t: kit.column_name(i) for i, (t, _, _) in enumerate(cols)}
    for i, (title, kind, how) in enumerate(cols):
        c = kit.column_name(i)
        rng = "%s%d:%s%d" % (c, FIRST, c, LAST_MONTH)
        if how == "value":
            _computed(sh, rng, kind)
            continue
        for r in range(FIRST, LAST_MONTH + 1):
            if how == "missing":
                f = '=IF(ISNUMBER(%s%d);MAX(0;%s%d-N(%s%d));"")' % (col_of["下发经销商数"], r, col_of["下发经销商数"], r,
                                                                   col_of["采用经销商数"], r)
            else:
                f = _pooled(how[1], how[2], col_of, r, YTD if how[0] == "rate_ytd" else "")
            sh.formula("%s%d" % (c, r), f, kind)
    for title in ("交车数_达成率", "交车数_达成率" + YTD):
        _red_below_100(sh, col_of[title], LAST_MONTH)
    missing = "%s%d" % (col_of["未交经销商数"], FIRST)
    sh.highlight("%s:%s%d" % (missing, col_of["未交经销商数"], LAST_MONTH), "AND(ISNUMBER(%s);%s>0)" % (missing, missing))
    last = kit.column_name(len(cols) - 1)
    sh.name("月度表", "A%d:%s%d" % (FIRST, last, LAST_MONTH))
    sh.print_setup(last, title_rows=(0, HEADER_ROW - 1))
    sh.freeze(1, HEADER_ROW)
    return sh, col_of


def _dealers(book, stamp):
    t = _trend(stamp)
    lead, pair = dealer_columns(stamp)
    cols = lead + pair * MAX_MONTHS
    sh = book.sheet(t.sheet)
    what = contract.load().template(stamp).title
    sh.title("A1", "集团趋势：各经销商（%s）" % what)
    sh.label("A2", "期间：")
    sh.formula("B2", "=$'%s'.B2" % MONTHLY, "text_or_blank").IsTextWrapped = False
    # on the period's row: row 3 holds the months over the pairs of columns
    sh.note("D2", "按期间%s排名；%s不足 100%% 标红。各月的月份写在每两列之上。" % (t.dealer["rate"], t.dealer["rate"]))
    _heading_row(sh, cols)
    last = kit.column_name(len(cols) - 1)
    for i, (_title, kind) in enumerate(cols):
        c = kit.column_name(i)
        _computed(sh, "%s%d:%s%d" % (c, FIRST, c, LAST_DEALER), kind)
        if kind == "rate":
            _red_below_100(sh, c, LAST_DEALER)
    months = "%s%d:%s%d" % (kit.column_name(len(lead)), HEADER_ROW - 1, last, HEADER_ROW - 1)
    _computed(sh, months, "text")
    sh.name(sh.s.Name + "表", "A%d:%s%d" % (FIRST, last, LAST_DEALER))
    sh.name(sh.s.Name + "表_月份", months)
    sh.print_setup(last, title_rows=(0, HEADER_ROW - 1))
    sh.freeze(2, HEADER_ROW)


def _chart_table(sh, col_of):
    dealer = "$'%s'" % _trend("strategy_table").sheet
    lead, pair = dealer_columns("strategy_table")
    first_rate = len(lead) + 1     # the first month's rate column, 0-based
    codes = "%s.$A$%d:$A$%d" % (dealer, FIRST, LAST_DEALER)
    for r in range(FIRST, LAST_MONTH + 1):
        i = r - FIRST
        sh.formula("A%d" % r, "=IF($'%s'.A%d=\"\";\"\";$'%s'.A%d)" % (MONTHLY, r, MONTHLY, r), "text")
        sh.chart_cell("B%d" % r, "$'%s'.%s%d" % (MONTHLY, col_of["交车数_目标"], r))
        sh.chart_cell("C%d" % r, "$'%s'.%s%d" % (MONTHLY, col_of["交车数_实际"], r))
        rate = kit.column_name(first_rate + 2 * i)
        sh.chart_cell("D%d" % r, "IFERROR(INDEX(%s.$%s$%d:$%s$%d;MATCH($B$2;%s;0));\"\")"
                      % (dealer, rate, FIRST, rate, LAST_DEALER, codes), "rate")
    sh.name("图表数据", "A%d:D%d" % (FIRST, LAST_MONTH))
    return codes


def _chart(book, col_of):
    sh = book.sheet(CHART)
    sh.title("A1", "集团趋势图")
    sh.label("A2", "经销商代码：")
    sh.input("B2", "text", help="选择要看的经销商代码（经销商 表中的代码）。")
    sh.note("A3", "上图：集团各月交车数与目标；下图：所选经销商各月交车数达成率。")
    _heading_row(sh, [("月份", "text"), ("交车数_目标", "count"), ("交车数_实际", "count"), ("所选经销商达成率", "rate")])
    codes = _chart_table(sh, col_of)
    sh.validate("B2", LIST, None, codes, None, "请从列表中选择经销商代码。", "选择要看的经销商代码。")
    sh.cell("B2").Validation.ShowList = 1
    sh.name("图表_经销商代码", "B2")
    months = "A%d:A%d" % (FIRST, LAST_MONTH)
    sh.chart("集团交车趋势", "F4:P24", "column", [("C4", "C%d:C%d" % (FIRST, LAST_MONTH)),
                                             ("B4", "B%d:B%d" % (FIRST, LAST_MONTH), {"kind": "line"})],
             categories=months, title="集团各月交车数与目标", y_title="台")
    sh.chart("经销商达成率趋势", "F26:P46", "line", [("D4", "D%d:D%d" % (FIRST, LAST_MONTH))],
             categories=months, title="所选经销商各月交车数达成率", y_format="rate", legend=False)
    sh.print_setup("P", title_rows=(0, HEADER_ROW - 1))
    sh.freeze(1, HEADER_ROW)
    sh.first_input = "B2"


def build(book):
    monthly, col_of = _monthly(book)
    for stamp in ("strategy_table", "workshop_targets"):
        _dealers(book, stamp)
    _chart(book, col_of)
