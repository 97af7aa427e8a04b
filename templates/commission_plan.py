"""销售顾问提成方案: a tiered commission plan for sales consultants.

Sheet 提成方案 (one month): the tier table (业绩下限, 提成比例, 定额金额, with
spare rows), the mode (超额累进 / 全额累进 / 定额), a cap, and one row per
consultant: 本月业绩 (units sold or gross profit), 本月目标, 达成率, the tier
reached and the bonus (TIERED_BONUS), with totals and the team average.

Sheet 年度累计 (a cumulative year): its own tier table, whose lower bounds are
year-to-date amounts, its own mode and annual cap, and twelve months of
业绩 per consultant. Each month's bonus is TIERED_BONUS with the sum of the
earlier months as `prior`: what the year-to-date amount earns now minus what
it had earned, so crossing a tier pays the step and a negative month (returns,
charge-backs) claws back what it had paid.
"""
import kit

FILE = "commission_plan.ots"
TITLE = "销售顾问提成方案"
MONTHLY = "提成方案"
YEARLY = "年度累计"

MODES = ("超额累进", "全额累进", "定额")
AMOUNT = "#,##0.##"   # units or yuan: no decimals unless there are some
CONSULTANTS = 10
RATE_COL = "Z"   # hidden: the tier rates as the formulas use them


def _tier_table(sh, first, count, bound_label):
    """Headings on row first-1, tiers on rows first..first+count-1; returns
    (thresholds, rates) as absolute ranges for the formulas."""
    for col, text in zip("ABCD", ("档位", bound_label, "提成比例", "定额金额（元）")):
        sh.heading("%s%d" % (col, first - 1), text)
    last = first + count - 1
    for i in range(count):
        r = first + i
        sh.label("A%d" % r, "第%d档" % (i + 1), center=True)
        sh.input("B%d" % r, "number").NumberFormat = sh.book.format_key(AMOUNT)
        sh.input("C%d" % r, "rate")
        sh.input("D%d" % r, "money")
        # the rate as TIERED_BONUS takes it: the input holds the fraction (3% = 0.03), blank stays blank
        sh.formula("%s%d" % (RATE_COL, r), '=IF(ISNUMBER(C{r});{rate};"")'.format(r=r, rate="C%d" % r),
                   "general")
    sh.s.Columns.getByName(RATE_COL).IsVisible = False
    sh.note("A%d" % (last + 1), "从第1档起由低到高填写下限，用不到的档位留空。超额累进、全额累进用提成比例，定额用定额金额。")
    return "$B$%d:$B$%d" % (first, last), "$%s$%d:$%s$%d" % (RATE_COL, first, RATE_COL, last), \
        "$D$%d:$D$%d" % (first, last)


def _plan_inputs(sh, cap_label):
    sh.label("A5", "提成方式")
    sh.choice("B5", MODES, "请选择：超额累进、全额累进或定额。").setString(MODES[0])
    sh.merge("C5:D5")
    sh.label("C5", cap_label)
    sh.input("E5", "money")
    sh.note("F5", "空白表示不封顶")
    sh.note("A6", "超额累进：业绩分段，每段按该档比例计；全额累进：全部业绩按达到的最高档比例计；"
                  "定额：按达到的最高档领取定额金额。")


def _bonus(amount, tiers, prior=None):
    """TIERED_BONUS of `amount` under the sheet's plan (B5 mode, E5 cap), paid in cents
    (rounded half up, so that a half cent shows alike in every office and the sums add
    the cents paid); blank while the amount or the tier table is empty."""
    thresholds, rates, fixed = tiers
    args = '%s;%s;IF($B$5="定额";%s;%s);$B$5;$E$5' % (amount, thresholds, fixed, rates)
    if prior:
        args += ";" + prior
    return '=IF(OR(NOT(ISNUMBER({a}));COUNT({t})=0);"";ROUND(TIERED_BONUS({args});2))'.format(
        a=amount, t=thresholds, args=args)


def _totals(sh, row, span_of, cols, kinds):
    """合计 (row) and 团队平均 (row + 1) under the columns `cols`."""
    sh.label("A%d" % row, "合计")
    sh.label("A%d" % (row + 1), "团队平均")
    for col in cols:
        rng = span_of(col)
        kind = kinds.get(col, "money")
        sh.formula("%s%d" % (col, row), '=IF(COUNT({0})=0;"";SUM({0}))'.format(rng), kind)
        sh.formula("%s%d" % (col, row + 1), '=IF(COUNT({0})=0;"";AVERAGE({0}))'.format(rng), kind)


def _monthly(book):
    sh = book.sheet(MONTHLY)
    sh.header("销售顾问提成方案（月度）", "F")
    _plan_inputs(sh, "封顶金额（元/月）")
    tiers = _tier_table(sh, 9, 8, "业绩下限")

    head, first = 19, 20
    last = first + CONSULTANTS - 1
    for col, text in zip("ABCDEF", ("销售顾问", "本月业绩（销量或毛利）", "本月目标", "达成率", "达到档位",
                                    "本月提成（元）")):
        sh.heading("%s%d" % (col, head), text)
    for r in range(first, last + 1):
        sh.input("A%d" % r, "text")
        sh.input("B%d" % r, "signed").NumberFormat = book.format_key(AMOUNT)
        sh.input("C%d" % r, "number").NumberFormat = book.format_key(AMOUNT)
        sh.formula("D%d" % r, '=IF(AND(ISNUMBER(B{r});N(C{r})>0);B{r}/C{r};"")'.format(r=r), "rate")
        sh.formula("E%d" % r, '=IF(AND(ISNUMBER(B{r});COUNT({t})>0);COUNTIF({t};"<="&B{r});"")'
                   .format(r=r, t=tiers[0]), "count")
        sh.formula("F%d" % r, _bonus("B%d" % r, tiers), "money")
    sh.highlight("D%d:D%d" % (first, last), "AND(ISNUMBER(D%d);ROUND(D%d;2)>=1)" % (first, first), kit.GOOD)
    sh.steady_rows("A%d:A%d" % (first, last))

    total = last + 1
    span = lambda col: "%s%d:%s%d" % (col, first, col, last)  # noqa: E731
    _totals(sh, total, span, "BCF", {"B": AMOUNT, "C": AMOUNT})
    # the team's rate: total 业绩 over total 目标; the average: the mean of the consultants' rates
    sh.formula("D%d" % total, '=IF(AND(ISNUMBER(B{t});N(C{t})>0);B{t}/C{t};"")'.format(t=total), "rate")
    sh.formula("D%d" % (total + 1), '=IF(COUNT({0})=0;"";AVERAGE({0}))'.format(span("D")), "rate")
    sh.note("A%d" % (total + 3), "达到档位：业绩不低于该档下限的最高档（0 表示未达到第1档）。达成率 100% 及以上显示为绿色。")
    sh.widths(A=2.8, B=3.4, C=3.0, D=2.6, E=2.4, F=3.2)
    _payout_curve(sh, tiers, first, last)
    sh.fit_one_page()
    return sh


CURVE_HEAD = 8      # 提成方案: the payout curve's points, H8:I29
CURVE_POINTS = 21   # 0 .. the curve's end in 20 steps
CURVE_END = "I31"   # the curve's end: 1.5 x the highest lower bound, or the best 业绩 if higher
CURVE_CHART = (35, 54)


def _payout_curve(sh, tiers, first, last):
    """The bonus against 业绩 under the sheet's plan: points from 0 to the
    curve's end, each computed with TIERED_BONUS like a consultant's row."""
    thresholds = tiers[0]
    sh.heading("H%d" % CURVE_HEAD, "业绩")
    sh.heading("I%d" % CURVE_HEAD, "提成（元）")
    sh.note("H%d" % (CURVE_HEAD - 1), "提成曲线（图表数据）")
    sh.label(CURVE_END.replace("I", "H"), "曲线终点")
    sh.formula(CURVE_END, '=IF(COUNT({t})=0;"";MAX(1.5*MAX({t});MAX(B{a}:B{b})))'.format(
        t=thresholds, a=first, b=last)).NumberFormat = sh.book.format_key(AMOUNT)
    end = "$%s$%s" % (CURVE_END[0], CURVE_END[1:])
    for i in range(CURVE_POINTS):
        r = CURVE_HEAD + 1 + i
        sh.formula("H%d" % r, '=IF(AND(ISNUMBER({e});N({e})>0);{e}*{i}/{n};"")'.format(
            e=end, i=i, n=CURVE_POINTS - 1)).NumberFormat = sh.book.format_key(AMOUNT)
        bonus = _bonus("H%d" % r, tiers)[1:]
        # a tier table TIERED_BONUS refuses shows its error in the consultants' rows, not in the chart
        sh.formula("I%d" % r, "=IF(ISNUMBER({b});{b};\"\")".format(b=bonus), "money")
    span = "{c}%d:{c}%d" % (CURVE_HEAD + 1, CURVE_HEAD + CURVE_POINTS)
    sh.chart("提成曲线", "A%d:I%d" % CURVE_CHART, "xy", [("I%d" % CURVE_HEAD, span.format(c="I"))],
             span.format(c="H"), title="提成曲线：本月提成与业绩（按本表提成方式、档位与封顶）",
             x_title="本月业绩", y_title="本月提成（元）", legend=False, y_format="#,##0")
    sh.widths(G=0.5, H=2.8, I=2.8)


def _yearly(book, monthly):
    sh = book.sheet(YEARLY)
    sh.header("销售顾问提成方案（年度累计）", "N", linked_to=monthly)
    _plan_inputs(sh, "年度封顶（元）")
    tiers = _tier_table(sh, 9, 6, "累计业绩下限")
    sh.note("A16", "每月提成 = 截至本月的累计业绩应得提成 − 截至上月的累计业绩应得提成；"
                   "当月业绩为负（退车、冲减）时提成为负，即扣回。")

    months = "BCDEFGHIJKLM"
    names = "$'%s'.A%d"

    def block(heading_row, heading, year_label):
        sh.merge("A%d:N%d" % (heading_row, heading_row))
        sh.heading("A%d" % heading_row, heading)
        sh.heading("A%d" % (heading_row + 1), "销售顾问")
        for i, col in enumerate(months):
            sh.heading("%s%d" % (col, heading_row + 1), "%d月" % (i + 1))
        sh.heading("N%d" % (heading_row + 1), year_label)
        first = heading_row + 2
        for i in range(CONSULTANTS):
            src = names % (MONTHLY, 20 + i)
            sh.formula("A%d" % (first + i), '=IF({0}="";"";{0})'.format(src), "text")
        return first

    # 业绩 (inputs)
    a_first = block(18, "各月业绩（销量或毛利；退车、冲减填负数）", "全年合计")
    a_last = a_first + CONSULTANTS - 1
    sh.steady_rows("A%d:A%d" % (a_first, a_last))
    for r in range(a_first, a_last + 1):
        for col in months:
            sh.input("%s%d" % (col, r), "signed").NumberFormat = book.format_key(AMOUNT)
        sh.formula("N%d" % r, '=IF(COUNT(B{r}:M{r})=0;"";SUM(B{r}:M{r}))'.format(r=r), AMOUNT)
    _totals(sh, a_last + 1, lambda c: "%s%d:%s%d" % (c, a_first, c, a_last), months + "N",
            {c: AMOUNT for c in months + "N"})

    # 提成 (computed)
    b_first = block(a_last + 4, "各月提成（元；负数为扣回）", "全年提成")
    b_last = b_first + CONSULTANTS - 1
    for i in range(CONSULTANTS):
        r, a = b_first + i, a_first + i
        for j, col in enumerate(months):
            prior = "SUM($B%d:%s%d)" % (a, months[j - 1], a) if j else None
            sh.formula("%s%d" % (col, r), _bonus("%s%d" % (col, a), tiers, prior), "money")
        sh.formula("N%d" % r, '=IF(COUNT(B{r}:M{r})=0;"";SUM(B{r}:M{r}))'.format(r=r), "money")
    sh.highlight("B%d:M%d" % (b_first, b_last), "AND(ISNUMBER(B%d);ROUND(B%d;2)<0)" % (b_first, b_first))
    _totals(sh, b_last + 1, lambda c: "%s%d:%s%d" % (c, b_first, c, b_last), months + "N", {})

    sh.widths(A=2.6, N=2.6, **{c: 1.95 for c in months})
    sh.fit_one_page()
    return sh


# -- named cells (name, sheet, cells): never rename one --------------------------------------
CELL_NAMES = (
    *kit.on_sheet(MONTHLY, (
        *kit.header_names(),
        ("提成方式", "B5"),
        ("封顶金额", "E5"),
        ("提成档位", "B9:D16"),
        ("销售顾问", "A20:A29"),
        ("本月业绩", "B20:B29"),
        ("本月目标", "C20:C29"),
        ("本月提成", "F20:F29"),
        ("本月提成_合计", "F30"),
    )),
    *kit.on_sheet(YEARLY, (
        ("年度提成方式", "B5"),
        ("年度封顶金额", "E5"),
        ("年度提成档位", "B9:D14"),
        ("各月业绩", "B20:M29"),
        ("各月提成", "B35:M44"),
        ("全年提成", "N35:N44"),
        ("全年提成_合计", "N45"),
    )),
)


def build(book):
    monthly = _monthly(book)
    _yearly(book, monthly)
    book.name_cells(CELL_NAMES)


EXAMPLE = {
    MONTHLY: {
        "B2": "示例经销商", "E2": kit.date_value(2026, 11),
        "B5": "超额累进", "E5": 8000,
        "B9": 0, "C9": 0.02, "D9": 500,
        "B10": 100000, "C10": 0.03, "D10": 1500,
        "B11": 150000, "C11": 0.04, "D11": 3000,
        "B12": 200000, "C12": 0.05, "D12": 5000,
        "A20": "销售顾问A", "B20": 80000, "C20": 100000,
        "A21": "销售顾问B", "B21": 120000, "C21": 100000,
        "A22": "销售顾问C", "B22": 150000, "C22": 120000,
        "A23": "销售顾问D", "B23": 260000, "C23": 200000,
        "A24": "销售顾问E", "B24": 45000, "C24": 80000,
        "A25": "销售顾问F", "B25": 95000, "C25": 100000,
    },
    YEARLY: dict(
        {"B5": "超额累进", "E5": 30000,
         "B9": 0, "C9": 0.01, "D9": 5000,
         "B10": 1000000, "C10": 0.02, "D10": 15000,
         "B11": 1500000, "C11": 0.03, "D11": 30000},
        # 销售顾问A: 150,000 a month, a return of 50,000 in May
        **{"%s20" % c: (-50000 if c == "F" else 150000) for c in "BCDEFGHIJKLM"},
        # 销售顾问B: 200,000 a month, 400,000 charged back in November
        **{"%s21" % c: (-400000 if c == "L" else 200000) for c in "BCDEFGHIJKLM"},
        # 销售顾问C: joined in April, 100,000 a month
        **{"%s22" % c: 100000 for c in "EFGHIJKLM"}),
}

HIGHLIGHTS = (
    (MONTHLY, "F30", "本月提成合计"),
    (YEARLY, "N45", "全年提成合计"),
)
