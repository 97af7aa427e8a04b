"""售后车间效率与产值目标: the after-sales workshop table of seed 004
(售后部门员工目标分解), one row per trade.

Block 1 (当前) holds what the workshop did: technicians, 可售/生产/销售工时 and
the hourly rate per trade; it computes each trade's share of sold hours,
生产率 / 工时效率 / 总效率 (WORKSHOP_EFFICIENCY, the 合计 row pooled over the
trades) and 营业额.

Block 2 (目标) splits the after-sales revenue target over the trades by their
current sold hours (TARGET_SPLIT to the cent), turns each part into the sold
hours it needs at the trade's hourly rate, and into the 生产工时 that takes at
unchanged 工时效率; the increase on the current 生产工时 and the capacity left
under the productivity ceiling (可售工时 x 90% - needed 生产工时, red when
short) follow, with the target ratios for comparison.
"""
import kit

FILE = "workshop_targets.ots"
TITLE = "售后车间效率与产值目标"
SHEET = "车间效率与产值目标"

TRADES = ("机修", "钣金", "喷漆")
CUR = 9        # first trade row of block 1 (当前); its 合计 row is CUR + 3
TGT = 16       # first trade row of block 2 (目标); its 合计 row is TGT + 3
SHEET_TITLE = "售后车间效率与产值目标（售后部门员工目标分解）"

EFFICIENCY = "0.#%"  # the seed shows 97.5% beside 70%: one decimal only when there is one


def _rows(first):
    return range(first, first + len(TRADES))


# A 合计 row's ratio pooled over the trades (blank until one trade has both figures).
POOLED = '=IF(SUMPRODUCT(ISNUMBER({num});ISNUMBER({den});{den}>0)=0;"";WORKSHOP_EFFICIENCY({e};{d};{c};"{m}"))'
LAST, TOTAL = CUR + len(TRADES) - 1, CUR + len(TRADES)       # block 1
TLAST, TTOTAL = TGT + len(TRADES) - 1, TGT + len(TRADES)     # block 2
SPAN, TSPAN = "{c}%d:{c}%d" % (CUR, LAST), "{c}%d:{c}%d" % (TGT, TLAST)


def build(book):
    sh = book.sheet(SHEET)
    sh.header(SHEET_TITLE, "K")
    sh.dealer_code()
    _inputs(sh)
    _current(sh)
    _current_total(sh)
    _target(sh)
    _target_total(sh)
    _notes(sh)
    sh.widths(A=3.4, B=3.0, C=2.7, D=2.9, E=2.7, F=3.4, G=2.4, H=2.4, I=2.4, J=2.2, K=3.2)
    for row in (8, TGT - 1):
        sh.s.Rows.getByIndex(row - 1).Height = 1500
    sh.freeze(1, 8)

    _chart(sh, TOTAL)
    sh.fit_one_page()
    for name, cells in CELL_NAMES:
        sh.name(name, cells)


def _inputs(sh):
    """The revenue target, the productivity ceiling and last year's parts/labour split."""
    sh.label("A5", "售后产值目标（元）")
    sh.input("B5", "money")
    sh.label("D5", "生产率上限")
    sh.input("E5", "rate", 0.9)
    sh.note("F5", "可售工时中最多能转为生产工时的比例（常用 90%）")
    # The after-sales target is parts and labour: split by last year's ratio first
    # (seed: 配件 72 %, 工时 28 %); the labour part is what the trades must earn.
    # Without last year's figures the whole target is labour, as before.
    sh.label("A6", "去年配件／工时产值")
    sh.input("B6", "number", help="输入去年配件产值（元，或占比如 72），留空则产值目标全部按工时计。")
    sh.input("C6", "number", help="输入去年工时产值（元，或占比如 28），留空则产值目标全部按工时计。")
    sh.label("D6", "配件／工时目标")
    sh.formula("E6", '=IF(AND(ISNUMBER(B5);N(B6)+N(C6)>0);TARGET_SPLIT(B5;B6:C6;2;1);"")', "money")
    sh.formula("F6", '=IF(ISNUMBER(B5);IF(N(B6)+N(C6)>0;TARGET_SPLIT(B5;B6:C6;2;2);B5);"")', "money")
    sh.note("G6", "← 工时目标按下表工种分解；未填去年配件／工时产值时，产值目标全部为工时目标")


def _current(sh):
    """Block 1 (当前): each trade's hours, rate and efficiencies."""
    total = TOTAL
    sh.merge("A7:K7")
    sh.heading("A7", "一、当前车间效率")
    for col, text in zip("ABCDEFGHIJK", (
            "工种", "能够独立维修的技师或技师组", "可售工时", "生产工时", "销售工时",
            "工时单价（元）", "销售工时占比", "生产率", "工时效率", "总效率", "营业额（元）")):
        sh.heading("%s8" % col, text)
    for i, trade in enumerate(TRADES):
        r = CUR + i
        sh.label("A%d" % r, trade)
        sh.input("B%d" % r, "count")
        sh.input("C%d" % r, "hours")
        sh.input("D%d" % r, "hours")
        sh.input("E%d" % r, "hours")
        sh.input("F%d" % r, "money")
        sh.formula("G%d" % r, '=IF(AND(ISNUMBER(E{r});N($E${t})>0);E{r}/$E${t};"")'.format(r=r, t=total), "rate")
        sh.formula("H%d" % r, '=IF(AND(ISNUMBER(D{r});N(C{r})>0);WORKSHOP_EFFICIENCY(E{r};D{r};C{r};"生产率");"")'
                   .format(r=r), "rate")
        sh.formula("I%d" % r, '=IF(AND(ISNUMBER(E{r});N(D{r})>0);WORKSHOP_EFFICIENCY(E{r};D{r};C{r};"工时效率");"")'
                   .format(r=r), EFFICIENCY)
        sh.formula("J%d" % r, '=IF(AND(ISNUMBER(E{r});N(C{r})>0);WORKSHOP_EFFICIENCY(E{r};D{r};C{r};"总效率");"")'
                   .format(r=r), "rate")
        sh.formula("K%d" % r, '=IF(AND(ISNUMBER(E{r});ISNUMBER(F{r}));E{r}*F{r};"")'.format(r=r), "money")


def _current_total(sh):
    """Block 1's 合计 row, the ratios pooled over the trades."""
    total, span = TOTAL, SPAN
    sh.label("A%d" % total, "合计")
    for col, kind in (("B", "count"), ("C", "hours"), ("D", "hours"), ("E", "hours"), ("K", "money")):
        rng = span.format(c=col)
        sh.formula("%s%d" % (col, total), '=IF(COUNT({0})=0;"";SUM({0}))'.format(rng), kind)
    # the average hourly rate over the trades that have one (revenue / their sold hours)
    sh.formula("F%d" % total, '=IF(COUNT({k})=0;"";IF(SUMPRODUCT(ISNUMBER({k});{e})>0;'
               'SUM({k})/SUMPRODUCT(ISNUMBER({k});{e});""))'.format(k=span.format(c="K"), e=span.format(c="E")),
               "money")
    sh.formula("G%d" % total, '=IF(COUNT({0})=0;"";SUM({0}))'.format(span.format(c="G")), "rate")
    e, d, c = (span.format(c=x) for x in "EDC")
    sh.formula("H%d" % total, POOLED.format(num=d, den=c, e=e, d=d, c=c, m="生产率"), "rate")
    # The seed shows the pooled 合计 as a whole percent (80%) beside the trades' 97.5%.
    sh.formula("I%d" % total, POOLED.format(num=e, den=d, e=e, d=d, c=c, m="工时效率"), "rate")
    sh.formula("J%d" % total, POOLED.format(num=e, den=c, e=e, d=d, c=c, m="总效率"), "rate")


def _target(sh):
    """Block 2 (目标): the labour target split over the trades, the hours it needs."""
    last, total, tlast = LAST, TOTAL, TLAST
    sh.merge("A%d:K%d" % (TGT - 2, TGT - 2))
    sh.heading("A%d" % (TGT - 2), "二、产值目标分解（效率不变）")
    for col, text in zip("ABCDEFGHI", (
            "工种", "目标营业额（元）", "目标销售工时", "效率不变前提下所需生产工时",
            "生产工时提升需求", "可售工时×生产率上限－所需生产工时", "目标生产率", "目标工时效率",
            "目标总效率")):
        sh.heading("%s%d" % (col, TGT - 1), text)
    for i, trade in enumerate(TRADES):
        t, r = TGT + i, CUR + i
        f = dict(t=t, r=r, part=i + 1, w="$E$%d:$E$%d" % (CUR, last), tot=total)
        sh.label("A%d" % t, trade)
        sh.formula("B%d" % t, '=IF(AND(ISNUMBER($F$6);ISNUMBER(E{r});N($E${tot})>0);'
                   'TARGET_SPLIT($F$6;{w};2;{part});"")'.format(**f), "money")
        sh.formula("C%d" % t, '=IF(AND(ISNUMBER(B{t});N(F{r})>0);B{t}/F{r};"")'.format(**f), "hours")
        sh.formula("D%d" % t, '=IF(AND(ISNUMBER(C{t});N(I{r})>0);C{t}/I{r};"")'.format(**f), "hours")
        sh.formula("E%d" % t, '=IF(AND(ISNUMBER(D{t});ISNUMBER(D{r}));D{t}-D{r};"")'.format(**f), "hours")
        sh.formula("F%d" % t, '=IF(AND(ISNUMBER(D{t});ISNUMBER(C{r});ISNUMBER($E$5));C{r}*{ceiling}-D{t};"")'
                   .format(ceiling="$E$5", **f), "hours")
        sh.formula("G%d" % t, '=IF(AND(ISNUMBER(D{t});N(C{r})>0);WORKSHOP_EFFICIENCY(C{t};D{t};C{r};"生产率");"")'
                   .format(**f), "rate")
        sh.formula("H%d" % t, '=IF(AND(ISNUMBER(C{t});N(D{t})>0);WORKSHOP_EFFICIENCY(C{t};D{t};C{r};"工时效率");"")'
                   .format(**f), EFFICIENCY)
        sh.formula("I%d" % t, '=IF(AND(ISNUMBER(C{t});N(C{r})>0);WORKSHOP_EFFICIENCY(C{t};D{t};C{r};"总效率");"")'
                   .format(**f), "rate")
    # short of capacity: red
    # compared as shown: -0.004 shows as -0.00 and 90.5% as 90%, neither is red
    sh.highlight("F%d:F%d" % (TGT, tlast), "AND(ISNUMBER(F%d);ROUND(F%d;2)<0)" % (TGT, TGT))
    sh.highlight("G%d:G%d" % (TGT, tlast), "AND(ISNUMBER(G%d);ISNUMBER($E$5);ROUND(G%d;2)>ROUND(%s;2))"
                 % (TGT, TGT, "$E$5"))


def _target_total(sh):
    """Block 2's 合计 row (capacity is checked per trade, not for the sum)."""
    ttotal, tspan, span = TTOTAL, TSPAN, SPAN
    sh.label("A%d" % ttotal, "合计")
    for col, kind in (("B", "money"), ("C", "hours"), ("D", "hours"), ("E", "hours")):
        rng = tspan.format(c=col)
        sh.formula("%s%d" % (col, ttotal), '=IF(COUNT({0})=0;"";SUM({0}))'.format(rng), kind)
    sh.label("F%d" % ttotal, "不适用")
    sold, worked, avail = tspan.format(c="C"), tspan.format(c="D"), span.format(c="C")
    sh.formula("G%d" % ttotal, POOLED.format(num=worked, den=avail, e=sold, d=worked, c=avail, m="生产率"), "rate")
    sh.formula("H%d" % ttotal, POOLED.format(num=sold, den=worked, e=sold, d=worked, c=avail, m="工时效率"),
               "rate")
    sh.formula("I%d" % ttotal, POOLED.format(num=sold, den=avail, e=sold, d=worked, c=avail, m="总效率"), "rate")


def _notes(sh):
    ttotal = TTOTAL
    n = ttotal + 2
    for i, text in enumerate((
            "生产率 = 生产工时 ÷ 可售工时；工时效率 = 销售工时 ÷ 生产工时；总效率 = 销售工时 ÷ 可售工时；合计行按三个工种合并计算。",
            "目标营业额按各工种当前销售工时占比分解（精确到分，合计等于产值目标）；目标销售工时 = 目标营业额 ÷ 工时单价。",
            "所需生产工时 = 目标销售工时 ÷ 当前工时效率；提升需求 = 所需生产工时 － 当前生产工时；产能不足（负数）标红。",
            "产能按工种分别校验：各工种技师不能互相替代，所以合计行不适用；目标生产率超过生产率上限时同样标红。")):
        sh.note("A%d" % (n + i), text)


# -- named cells: the contract of users' formulas and the group roll-up ----------------------
# (name, cells) on the one sheet. The required names of templates.md come first; never rename one.
CELL_NAMES = (
    ("经销商", "B2"),
    ("月份", "E2"),
    ("售后产值目标", "B5"),
    ("可售工时", "C%d:C%d" % (CUR, CUR + 2)),
    ("生产工时", "D%d:D%d" % (CUR, CUR + 2)),
    ("销售工时", "E%d:E%d" % (CUR, CUR + 2)),
    ("总效率_合计", "J%d" % (CUR + 3)),
    ("目标营业额", "B%d:B%d" % (TGT, TGT + 2)),
    # further inputs and results
    ("月份_首日", "F2"),
    ("经销商代码", "E3"),
    ("生产率上限", "E5"),
    ("技师数", "B%d:B%d" % (CUR, CUR + 2)),
    ("工时单价", "F%d:F%d" % (CUR, CUR + 2)),
    ("生产率_合计", "H%d" % (CUR + 3)),
    ("工时效率_合计", "I%d" % (CUR + 3)),
    ("营业额", "K%d:K%d" % (CUR, CUR + 2)),
    ("营业额_合计", "K%d" % (CUR + 3)),
    ("目标销售工时", "C%d:C%d" % (TGT, TGT + 2)),
    ("所需生产工时", "D%d:D%d" % (TGT, TGT + 2)),
    ("产能差额", "F%d:F%d" % (TGT, TGT + 2)),
    ("去年配件产值", "B6"),
    ("去年工时产值", "C6"),
    ("配件目标", "E6"),
    ("工时目标", "F6"),
)


CHART_TOP, CHART_BOTTOM = 27, 45   # the chart, under the notes
CHART_DATA = 8                     # its cells: M8:P11, right of the printed table


def _chart(sh, total):
    """Each trade's 生产率, now and as the target needs it, against the ceiling."""
    first, last = CHART_DATA + 1, CHART_DATA + len(TRADES)
    for col, text in zip("MNOP", ("图表数据", "当前生产率", "目标生产率", "生产率上限")):
        sh.heading("%s%d" % (col, CHART_DATA), text)
    for i, trade in enumerate(TRADES):
        r = first + i
        sh.label("M%d" % r, trade)
        sh.chart_cell("N%d" % r, "H%d" % (CUR + i), "rate")
        sh.chart_cell("O%d" % r, "G%d" % (TGT + i), "rate")
        # the ceiling as a line, drawn once a trade has a figure
        sh.formula("P%d" % r, '=IF(AND(ISNUMBER($E$5);COUNT($N${a}:$O${b})>0);$E$5;"")'.format(a=first, b=last),
                   "rate")
    span = "{c}%d:{c}%d" % (first, last)
    sh.chart("生产率与上限", "A%d:G%d" % (CHART_TOP, CHART_BOTTOM), "column",
             [("N%d" % CHART_DATA, span.format(c="N"), {"labels": True}),
              ("O%d" % CHART_DATA, span.format(c="O"), {"labels": True}),
              ("P%d" % CHART_DATA, span.format(c="P"), {"kind": "line", "color": 0xC00000})],
             span.format(c="M"), title="各工种生产率：当前、目标与生产率上限", y_min=0)
    sh.widths(L=0.6, M=2.4, N=2.4, O=2.4, P=2.4)
    sh.print_area("A1:K%d" % CHART_BOTTOM)


EXAMPLE = {
    SHEET: {
        "B2": "示例经销商",
        "E2": kit.date_value(2026, 11),
        "B5": 8844682.38,
        "E5": 0.9,
        "B9": 6, "C9": 12000, "D9": 9000, "E9": 8775, "F9": 480,
        "B10": 3, "C10": 6000, "D10": 5000, "E10": 3500, "F10": 480,
        "B11": 4, "C11": 8000, "D11": 5000, "E11": 3000, "F11": 480,
    }
}

HIGHLIGHTS = (
    (SHEET, "J12", "总效率（合计）"),
    (SHEET, "B16", "机修目标营业额"),
    (SHEET, "F16", "机修产能（负数为不足）"),
)
