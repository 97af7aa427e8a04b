"""销售顾问漏斗分析: the per-consultant analysis tables of seed 001.

Sheet 集客量分析: each consultant's 集客 by source (老客户推荐, 主动出击, 路过展厅)
with the source mix, and the dealer's 集客量分析表 (this month's target and
actual per source, next month's target) checked against the 集客目标 the
sales target needs.

Sheet 留档率与成交率: per consultant the visitors (来访客户) and the prospects
kept on file (潜在客户) by contact form (来电, 来店, 其它), 留档率 per form and
overall, 成交客户 and 成交率; below, 集客目标 = 销售目标 / (留档率 x 成交率),
back-solved with FUNNEL_TARGET through the 潜在客户 it takes.

Sheet 销售成功率: the six-step funnel 初次接触 -> 弄清需求 -> 新车展示 -> 试车 ->
报价成交 -> 递交新车 per consultant with each step's rate and the overall
销售成功率; a step below the team's rate shows red.

Every total row is pooled with FUNNEL_RATE over all consultant rows,
including the spare ones (10 rows: 销售顾问A-F and four more).
"""
import kit

FILE = "consultant_funnel.ots"
TITLE = "销售顾问漏斗分析"
SOURCES_SHEET = "集客量分析"
RETENTION_SHEET = "留档率与成交率"
SUCCESS_SHEET = "销售成功率"

NAMES = ("销售顾问A", "销售顾问B", "销售顾问C", "销售顾问D", "销售顾问E", "销售顾问F")
ROWS = 10           # consultant rows: A-F and spare ones
FIRST = 7           # first consultant row on every sheet
LAST = FIRST + ROWS - 1
TOTAL = LAST + 1

SOURCES = ("老客户推荐", "主动出击", "路过展厅")
FORMS = ("来电", "来店", "其它")
STEPS = ("初次接触", "弄清需求", "新车展示", "试车", "报价成交", "递交新车")


def _col(c, n):
    """The column `n` places right of column letter `c` (single letters)."""
    return chr(ord(c) + n)


def _span(col):
    return "%s%d:%s%d" % (col, FIRST, col, LAST)


def _sum(sh, col, kind="count"):
    sh.formula("%s%d" % (col, TOTAL), '=IF(COUNT({0})=0;"";SUM({0}))'.format(_span(col)), kind)


def _rate(sh, cell, converted, entered):
    """One conversion rate; blank until both counts are there."""
    sh.formula(cell, '=IF(AND(ISNUMBER({c});N({e})>0);FUNNEL_RATE({c};{e});"")'.format(c=converted, e=entered),
               "rate")


def _pooled(sh, cell, converted, entered):
    """FUNNEL_RATE pooled over ranges; blank while no pair has an entered count."""
    sh.formula(cell, '=IF(SUMPRODUCT(ISNUMBER({c});ISNUMBER({e});{e}>0)=0;"";FUNNEL_RATE({c};{e}))'
               .format(c=converted, e=entered), "rate")


def _names(sh, source=None):
    """Column A: typed on the first sheet, linked on the others."""
    sh.merge("A5:A6")
    sh.heading("A5", "销售顾问")
    for i in range(ROWS):
        r = FIRST + i
        if source is None:
            sh.input("A%d" % r, "text", NAMES[i] if i < len(NAMES) else None)
        else:
            src = "$'%s'.A%d" % (source, r)
            sh.formula("A%d" % r, '=IF({0}="";"";{0})'.format(src), "text")
    sh.label("A%d" % TOTAL, "总计")
    sh.steady_rows("A%d:A%d" % (FIRST, FIRST + ROWS - 1))


def _group(sh, first_col, texts, group):
    """Row 5: a merged group heading; row 6: one heading per column."""
    last_col = _col(first_col, len(texts) - 1)
    if len(texts) > 1:
        sh.merge("%s5:%s5" % (first_col, last_col))
    sh.heading("%s5" % first_col, group)
    for i, text in enumerate(texts):
        sh.heading("%s6" % _col(first_col, i), text)


def _sources(book):
    sh = book.sheet(SOURCES_SHEET)
    sh.header("集客量分析", "H")
    _names(sh)
    _group(sh, "B", SOURCES + ("集客合计",), "集客量（按客户来源）")
    _group(sh, "F", tuple(s + "占比" for s in SOURCES), "来源结构")
    for r in range(FIRST, LAST + 1):
        for i in range(3):
            sh.input("%s%d" % (_col("B", i), r), "count")
        sh.formula("E%d" % r, '=IF(COUNT(B{r}:D{r})=0;"";SUM(B{r}:D{r}))'.format(r=r), "count")
    for r in range(FIRST, TOTAL + 1):
        for i in range(3):
            src = _col("B", i)
            sh.formula("%s%d" % (_col("F", i), r), '=IF(AND(ISNUMBER({s}{r});N(E{r})>0);{s}{r}/E{r};"")'
                       .format(s=src, r=r), "rate")
    for col in "BCDE":
        _sum(sh, col)

    # the dealer's 集客量分析表
    top = TOTAL + 2
    sh.merge("A%d:H%d" % (top, top))
    sh.heading("A%d" % top, "集客量分析表（按客户来源）")
    for col, text in zip("ABCDEFGH", ("客户来源", "本月目标", "目标比例", "实际数量", "实际比例", "目标完成率",
                                     "下月目标", "下月目标比例")):
        sh.heading("%s%d" % (col, top + 1), text)
    first = top + 2
    total = first + len(SOURCES)
    for i, source in enumerate(SOURCES):
        r = first + i
        sh.label("A%d" % r, source)
        sh.input("B%d" % r, "count")
        sh.formula("D%d" % r, '=%s%d' % (_col("B", i), TOTAL), "count")
        sh.input("G%d" % r, "count")
    sh.label("A%d" % total, "集客总计")
    for col in "BDG":
        sh.formula("%s%d" % (col, total), '=IF(COUNT({c}{f}:{c}{l})=0;"";SUM({c}{f}:{c}{l}))'
                   .format(c=col, f=first, l=total - 1), "count")
    for r in range(first, total + 1):
        for share, count in (("C", "B"), ("E", "D"), ("H", "G")):
            sh.formula("%s%d" % (share, r), '=IF(AND(ISNUMBER({c}{r});N({c}{t})>0);{c}{r}/{c}{t};"")'
                       .format(c=count, r=r, t=total), "rate")
        sh.formula("F%d" % r, '=IF(AND(ISNUMBER(D{r});N(B{r})>0);D{r}/B{r};"")'.format(r=r), "rate")
    need = total + 1
    sh.merge("A%d:F%d" % (need, need))
    sh.label("A%d" % need, "按下月销售目标推算的集客目标（见“%s”表）" % RETENTION_SHEET)
    sh.formula("G%d" % need, "=$'%s'.F%d" % (RETENTION_SHEET, TARGETS_TOTAL), "count")
    sh.highlight("G%d" % total, "AND(ISNUMBER(G%d);ISNUMBER(G%d);G%d<G%d)" % (total, need, total, need))
    sh.note("A%d" % (need + 2), "集客来源应以老客户推荐为主、主动出击次之。下月目标合计低于推算的集客目标时标红。")
    sh.note("A%d" % (need + 3), "最多 %d 名销售顾问：空行可直接填写，合计已包含全部行。" % ROWS)
    sh.widths(A=3.0, **{c: 2.3 for c in "BCDEFGH"})
    sh.s.Rows.getByIndex(5).Height = 1000
    sh.freeze(1, 6)
    sh.fit_one_page()
    return sh


TARGETS_HEAD = TOTAL + 3           # on the 留档率与成交率 sheet
TARGETS_FIRST = TARGETS_HEAD + 2
TARGETS_TOTAL = TARGETS_FIRST + ROWS


def _retention(book, names):
    sh = book.sheet(RETENTION_SHEET)
    sh.header("留档率与成交率分析", "O", linked_to=names)
    _names(sh, SOURCES_SHEET)
    _group(sh, "B", FORMS + ("总计",), "来访客户数量")
    _group(sh, "F", FORMS + ("总计",), "潜在客户数量（留档）")
    _group(sh, "J", FORMS + ("总计",), "留档率")
    _group(sh, "N", ("成交客户", "成交率"), "成交")
    for r in range(FIRST, LAST + 1):
        for i in range(3):
            sh.input("%s%d" % (_col("B", i), r), "count")
            sh.input("%s%d" % (_col("F", i), r), "count")
        sh.formula("E%d" % r, '=IF(COUNT(B{r}:D{r})=0;"";SUM(B{r}:D{r}))'.format(r=r), "count")
        sh.formula("I%d" % r, '=IF(COUNT(F{r}:H{r})=0;"";SUM(F{r}:H{r}))'.format(r=r), "count")
        for i in range(3):
            _rate(sh, "%s%d" % (_col("J", i), r), "%s%d" % (_col("F", i), r), "%s%d" % (_col("B", i), r))
        _pooled(sh, "M%d" % r, "F{r}:H{r}".format(r=r), "B{r}:D{r}".format(r=r))
        sh.input("N%d" % r, "count")
        _rate(sh, "O%d" % r, "N%d" % r, "I%d" % r)
    for col in "BCDEFGHIN":
        _sum(sh, col)
    for i in range(3):
        _pooled(sh, "%s%d" % (_col("J", i), TOTAL), _span(_col("F", i)), _span(_col("B", i)))
    _pooled(sh, "M%d" % TOTAL, "F%d:H%d" % (FIRST, LAST), "B%d:D%d" % (FIRST, LAST))
    _pooled(sh, "O%d" % TOTAL, _span("N"), _span("I"))
    sh.note("A%d" % (TOTAL + 1), "留档率 = 潜在客户数量 ÷ 来访客户数量；成交率 = 成交客户 ÷ 潜在客户数量；总计行按全部销售顾问合并计算。")

    # 集客目标 = 销售目标 / (留档率 x 成交率)
    head = TARGETS_HEAD
    sh.merge("A%d:F%d" % (head, head))
    sh.heading("A%d" % head, "集客目标 = 销售目标 ÷（留档率 × 成交率）")
    for col, text in zip("ABCDEF", ("销售顾问", "留档率", "成交率", "下月销售目标", "所需潜在客户", "集客目标")):
        sh.heading("%s%d" % (col, head + 1), text)
    for i in range(ROWS + 1):
        t, r = TARGETS_FIRST + i, FIRST + i
        if i < ROWS:
            sh.formula("A%d" % t, '=IF(A{r}="";"";A{r})'.format(r=r), "text")
            sh.input("D%d" % t, "count")
        else:
            sh.label("A%d" % t, "总计")
            sh.formula("D%d" % t, '=IF(COUNT(D{f}:D{l})=0;"";SUM(D{f}:D{l}))'
                       .format(f=TARGETS_FIRST, l=t - 1), "count")
        sh.formula("B%d" % t, '=M%d' % r, "rate")
        sh.formula("C%d" % t, '=O%d' % r, "rate")
        sh.formula("E%d" % t, '=IF(AND(ISNUMBER(D{t});N(C{t})>0);FUNNEL_TARGET(D{t};C{t});"")'.format(t=t),
                   "count")
        sh.formula("F%d" % t, '=IF(AND(ISNUMBER(E{t});N(B{t})>0);FUNNEL_TARGET(E{t};B{t});"")'.format(t=t),
                   "count")
    sh.widths(A=3.0, **{c: 1.9 for c in "BCDEFGHIJKLMNO"})
    sh.s.Rows.getByIndex(5).Height = 800
    sh.freeze(1, 6)
    sh.fit_one_page()
    return sh


def _success(book, names):
    sh = book.sheet(SUCCESS_SHEET)
    sh.header("销售成功率分析", "M", linked_to=names)
    _names(sh, SOURCES_SHEET)
    _group(sh, "B", STEPS, "各步骤客户数")
    _group(sh, "H", tuple("%s→%s" % (STEPS[i], STEPS[i + 1]) for i in range(5)), "步骤转化率")
    sh.merge("M5:M6")
    sh.heading("M5", "销售成功率")
    for r in range(FIRST, LAST + 1):
        for i in range(6):
            sh.input("%s%d" % (_col("B", i), r), "count")
        for i in range(5):
            _rate(sh, "%s%d" % (_col("H", i), r), "%s%d" % (_col("C", i), r), "%s%d" % (_col("B", i), r))
        _rate(sh, "M%d" % r, "G%d" % r, "B%d" % r)
    for i in range(6):
        _sum(sh, _col("B", i))
    for i in range(5):
        _pooled(sh, "%s%d" % (_col("H", i), TOTAL), _span(_col("C", i)), _span(_col("B", i)))
    _pooled(sh, "M%d" % TOTAL, _span("G"), _span("B"))
    # a consultant's step below the team's: red
    sh.highlight("H%d:M%d" % (FIRST, LAST), "AND(ISNUMBER(H%d);ISNUMBER(H$%d);ROUND(H%d;2)<ROUND(H$%d;2))" % (FIRST, TOTAL, FIRST, TOTAL))
    sh.note("A%d" % (TOTAL + 1), "步骤转化率 = 本步骤客户数 ÷ 上一步骤客户数；销售成功率 = 递交新车 ÷ 初次接触；"
                                 "低于总计行的转化率标红。")
    sh.widths(A=3.0, **{c: 2.0 for c in "BCDEFGHIJKLM"})
    sh.s.Rows.getByIndex(5).Height = 1000
    sh.freeze(1, 6)

    _success_charts(sh)
    sh.fit_one_page()
    return sh


# -- named cells (name, sheet, cells): never rename one --------------------------------------
_SOURCES_TOP = TOTAL + 4   # first source row of the 集客量分析表
CELL_NAMES = (
    *kit.on_sheet(SOURCES_SHEET, (
        *kit.header_names(),
        ("销售顾问", "A%d:A%d" % (FIRST, LAST)),
        ("集客量", "B%d:D%d" % (FIRST, LAST)),
        ("集客合计", "E%d" % TOTAL),
        ("集客本月目标", "B%d:B%d" % (_SOURCES_TOP, _SOURCES_TOP + 2)),
        ("集客下月目标", "G%d:G%d" % (_SOURCES_TOP, _SOURCES_TOP + 2)),
    )),
    *kit.on_sheet(RETENTION_SHEET, (
        ("来访客户数", "B%d:D%d" % (FIRST, LAST)),
        ("潜在客户数", "F%d:H%d" % (FIRST, LAST)),
        ("成交客户数", "N%d:N%d" % (FIRST, LAST)),
        ("留档率_总计", "M%d" % TOTAL),
        ("成交率_总计", "O%d" % TOTAL),
        ("下月销售目标", "D%d:D%d" % (TARGETS_FIRST, TARGETS_TOTAL - 1)),
        ("集客目标_总计", "F%d" % TARGETS_TOTAL),
    )),
    *kit.on_sheet(SUCCESS_SHEET, (
        ("步骤客户数", "B%d:G%d" % (FIRST, LAST)),
        ("步骤转化率_总计", "H%d:L%d" % (TOTAL, TOTAL)),
        ("销售成功率_总计", "M%d" % TOTAL),
    )),
    ("接待上限", "目标计算器", "D4"),
    ("顾问销售目标", "目标计算器", "B%d:B%d" % (FIRST, LAST)),
    ("所需留档客户", "目标计算器", "G%d:G%d" % (FIRST, LAST)),
    ("所需来访批次", "目标计算器", "H%d:H%d" % (FIRST, LAST)),
)

CHART_TOP, CHART_BOTTOM = TOTAL + 4, TOTAL + 22   # 21..39, under the table


def _success_charts(sh):
    """The team's six steps (the 总计 row) and each consultant's 销售成功率,
    read straight from the table (its cells stay blank until filled)."""
    steps = "B%d:G%d" % (TOTAL, TOTAL)
    sh.chart("团队漏斗", "A%d:F%d" % (CHART_TOP, CHART_BOTTOM), "column", [("A%d" % TOTAL, steps, {"labels": True})],
             "B6:G6", title="团队销售漏斗（各步骤客户数）", legend=False, y_min=0)
    sh.chart("顾问成功率", "G%d:M%d" % (CHART_TOP, CHART_BOTTOM), "column",
             [("M5", _span("M"), {"labels": True, "color": 0x70AD47})], "A%d:A%d" % (FIRST, LAST),
             title="各销售顾问销售成功率（递交新车 ÷ 初次接触）", legend=False, y_min=0,
             y_max=1, y_format="rate")  # 0%-100% also while empty


CALC_SHEET = "目标计算器"


def _calculator(book, names):
    """Seed 004 §2.3: each consultant's conversion rates and sales target back-solve the
    leads (留档客户) and showroom visits (来访) needed (FUNNEL_TARGET); visits above the
    capacity the manager types are flagged."""
    sh = book.sheet(CALC_SHEET)
    sh.header("销售顾问目标计算器（转化率 → 所需线索与来访）", "K", linked_to=names)
    sh.merge("A4:C4")
    sh.label("A4", "每位顾问每月接待上限（来访批次）")
    sh.input("D4", "count", help="输入一位销售顾问每月最多能接待的来访批次，如 30。")
    _names(sh, SOURCES_SHEET)
    _group(sh, "B", ("销售目标（台）", "成交率", "留档率"), "设定（请填写）")
    _group(sh, "E", ("成交率", "留档率"), "本月实际（参考）")
    _group(sh, "G", ("所需留档客户", "所需来访批次"), "倒推所需")
    _group(sh, "I", ("接待负荷", "是否可行"), "工作量")
    rates = "$'%s'." % RETENTION_SHEET
    for r in range(FIRST, LAST + 1):
        sh.input("B%d" % r, "count")
        sh.input("C%d" % r, "rate", help="成交率 = 成交 ÷ 留档客户。" + kit.RATE_HELP)
        sh.input("D%d" % r, "rate", help="留档率 = 留档客户 ÷ 来访。" + kit.RATE_HELP)
        sh.formula("E%d" % r, '=IF(ISNUMBER({s}O{r});{s}O{r};"")'.format(s=rates, r=r), "rate")
        sh.formula("F%d" % r, '=IF(ISNUMBER({s}M{r});{s}M{r};"")'.format(s=rates, r=r), "rate")
        sh.formula("G%d" % r, '=IF(AND(ISNUMBER(B{r});N(C{r})>0);FUNNEL_TARGET(B{r};C{r});"")'.format(r=r), "count")
        sh.formula("H%d" % r, '=IF(AND(ISNUMBER(G{r});N(D{r})>0);FUNNEL_TARGET(G{r};D{r});"")'.format(r=r), "count")
        sh.formula("I%d" % r, '=IF(AND(ISNUMBER(H{r});N($D$4)>0);ROUND(H{r};0)/$D$4;"")'.format(r=r), "rate")
        # compared as shown: 30.3 visits show as 30 and fit a capacity of 30
        sh.formula("J%d" % r, '=IF(AND(ISNUMBER(H{r});ISNUMBER($D$4));IF(ROUND(H{r};0)>$D$4;"超出接待能力";"可行");"")'
                   .format(r=r), "general")
    sh.highlight("J%d:J%d" % (FIRST, LAST), 'J%d="超出接待能力"' % FIRST)
    sh.highlight("I%d:I%d" % (FIRST, LAST), "AND(ISNUMBER(I%d);ROUND(I%d;2)>1)" % (FIRST, FIRST))
    for col in "BGH":
        _sum(sh, col)
    sh.note("A%d" % (TOTAL + 1), "所需留档客户 = 销售目标 ÷ 成交率；所需来访批次 = 所需留档客户 ÷ 留档率（FUNNEL_TARGET）；"
                                 "接待负荷 = 所需来访 ÷ 接待上限，超过上限标红。")
    sh.note("A%d" % (TOTAL + 2), "先按“本月实际”设定每位顾问可达到的转化率，再定销售目标，检查工作量是否可行，与顾问讨论后确定。")
    sh.widths(A=3.0, **{c: 2.2 for c in "BCDEFGHIJ"})
    sh.widths(J=2.8)
    sh.s.Rows.getByIndex(5).Height = 800
    sh.freeze(1, 6)
    _calculator_chart(sh)
    sh.fit_one_page()
    return sh


def _calculator_chart(sh):
    """Each consultant's visits needed against the capacity."""
    top = TOTAL + 4
    sh.heading("M6", "接待上限")
    for r in range(FIRST, LAST + 1):
        sh.formula("M%d" % r, '=IF(AND(ISNUMBER(H{r});ISNUMBER($D$4));$D$4;"")'.format(r=r), "count")
    sh.chart("来访与接待上限", "A%d:J%d" % (top, top + 18), "column",
             [("H6", _span("H"), {"labels": True}), ("M6", _span("M"), {"kind": "line", "color": 0xC00000})],
             "A%d:A%d" % (FIRST, LAST), title="各销售顾问所需来访批次与接待上限", y_min=0)
    sh.widths(L=0.6, M=2.2)
    sh.print_area("A1:J%d" % (top + 18))


def build(book):
    names = _sources(book)
    _retention(book, names)
    _success(book, names)
    _calculator(book, names)
    book.name_cells(CELL_NAMES)


EXAMPLE = {
    SOURCES_SHEET: {
        "B2": "示例经销商", "E2": kit.date_value(2026, 11),
        # 集客 by source: 老客户推荐, 主动出击, 路过展厅 (adds up to 初次接触 of the funnel)
        "B7": 6, "C7": 4, "D7": 10,
        "B8": 9, "C8": 6, "D8": 15,
        "B9": 5, "C9": 6, "D9": 10,
        "B10": 8, "C10": 4, "D10": 12,
        # 集客量分析表: this month's and next month's targets per source
        "B21": 30, "G21": 35,
        "B22": 25, "G22": 25,
        "B23": 45, "G23": 50,
    },
    RETENTION_SHEET: {
        # 来访 来电/来店/其它, 潜在 来电/来店/其它, 成交客户
        "B7": 5, "C7": 13, "D7": 2, "F7": 3, "G7": 12, "H7": 2, "N7": 8,
        "B8": 8, "C8": 20, "D8": 2, "F8": 6, "G8": 18, "H8": 1, "N8": 13,
        "B9": 4, "C9": 15, "D9": 2, "F9": 3, "G9": 14, "H9": 2, "N9": 10,
        "B10": 6, "C10": 16, "D10": 2, "F10": 5, "G10": 16, "H10": 1, "N10": 12,
        # 下月销售目标
        "D22": 10, "D23": 15, "D24": 12, "D25": 14,
    },
    SUCCESS_SHEET: {
        # seed 001, 销售成功率分析: 销售顾问A-D
        "B7": 20, "C7": 17, "D7": 16, "E7": 10, "F7": 8, "G7": 5,
        "B8": 30, "C8": 25, "D8": 23, "E8": 18, "F8": 13, "G8": 10,
        "B9": 21, "C9": 19, "D9": 18, "E9": 15, "F9": 10, "G9": 9,
        "B10": 24, "C10": 22, "D10": 22, "E10": 17, "F10": 12, "G10": 11,
    },
}

EXAMPLE[CALC_SHEET] = {
    "D4": 30,
    "B7": 10, "C7": 0.5, "D7": 0.85,
    "B8": 15, "C8": 0.55, "D8": 0.9,
    "B9": 13, "C9": 0.5, "D9": 0.8,
    "B10": 14, "C10": 0.6, "D10": 0.85,
}

HIGHLIGHTS = (
    (SUCCESS_SHEET, "M17", "销售成功率（总计）"),
    (RETENTION_SHEET, "M17", "留档率（总计）"),
    (RETENTION_SHEET, "F32", "下月集客目标（总计）"),
)
