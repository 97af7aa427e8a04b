"""提成方案测算: what last year's performance would have paid under the plan in
force (方案A) and under a proposed one (方案B), and what each costs.

Sheet 历史业绩: up to 30 consultants x 12 months of 销量 (units), 毛利 (gross
profit) and 目标 (units target), and the computed 达成率 (销量 / 目标). A
month counts when it has a 销量 and a target above 0; blank consultants and
months are skipped (no pay, no guarantee).

Sheets 方案A and 方案B (the same layout): a per-car award table (下限,
每台金额) with its mode (超额累进 / 全额累进), a gross-profit share, a 达成率系数
curve (PAYOUT_CURVE points and payouts, 延伸 / 封顶 beyond the last point), a
monthly cap and a monthly guarantee (保底), 可追回 or 不追回. Three grids:

    当月提成 c = MIN(封顶; (TIERED_BONUS(销量; 下限; 每台金额; 方式) + 毛利 x 比例)
                 x PAYOUT_CURVE(达成率; 达成率点; 系数; 超出末点))
    保底垫付余额 D: what guarantees advanced and later months have not yet
                 earned back; D = MAX(0; 保底 - (c - D_prev)), carried over
                 skipped months (always 0 when 不追回)
    实发 pay = MAX(c - D_prev; 保底) when 可追回, MAX(c; 保底) when 不追回

The guarantee is a formula pattern, not a function: each month needs only the
month's commission and the previous month's balance, which a cell shows, so
the analyst can follow every advance and its recovery.

Sheet 方案对比: per consultant the year's pay under A and B, the difference and
its %, totals, 提成占毛利比; consultant-months by attainment band with each
plan's pay; the total cost of each plan if every month's units and GP were
80%..120% of history; the two payout curves at a typical target, and each
consultant's A against B, as charts.

Sheet 敏感性明细: the grids behind the sensitivity table (each plan at 80%, 90%,
110% and 120%: commission and pay, the advance balance read from the sums of
the earlier months).
"""
from com.sun.star.sheet.ValidationType import DECIMAL
from com.sun.star.sheet.ConditionOperator import BETWEEN

import kit

FILE = "commission_model.ots"
TITLE = "提成方案测算"
HIST = "历史业绩"
PLAN_A = "方案A"
PLAN_B = "方案B"
CMP = "方案对比"
SENS = "敏感性明细"

CONSULTANTS = 30
MONTHS = "BCDEFGHIJKLM"
YEAR = "N"
MODES = ("超额累进", "全额累进")
BEYOND = ("延伸", "封顶")
RECOVERY = ("可追回", "不追回")
RATE_COL = "P"   # hidden: the curve points and the GP share as the formulas use them (the rate inputs hold fractions)
# Hidden on each plan sheet: the per-car award for every whole number of cars
# 0..MEMO_UNITS at every scale the workbook uses (100 % and the sensitivity
# scales), computed once each instead of once per consultant-month.
# Hidden in RATE_COL: the plan's terms as the formulas use them (Plan.terms).
TERMS_ROWS = {"cap": 19, "share": 20, "tiers": 21, "curve": 22, "floor": 23, "recoverable": 24}
HELPER = ";;;"  # the number format of the hidden helper cells: they show nothing, even when unhidden
MEMO_KEY = "Q"           # Q6: the most cars in any month of the history; Q7.. the whole numbers
MEMO_COLS = "RSTUV"      # the award at each of MEMO_SCALES
MEMO_UNITS = 60
MEMO_FIRST = 7
# Hidden on 历史业绩, beside the 达成率 grid (columns O..Z for B..M): where the
# month's attainment first occurs in its month's column (MATCH), so that
# each plan works out its curve once per distinct attainment of a month.
FIRST_COLS = [chr(ord("O") + j) for j in range(12)]
# Hidden on each plan sheet, on the rows of its 当月提成 grid: the payout
# factor at each of MEMO_SCALES (12 columns each, from column index 22 = W),
# only where the attainment first occurs in its month; Plan.memo_curve reads it.
FACTOR_FIRST_COL = 22
TIERS = 8
POINTS = 8
UNITS = "#,##0.##"
FACTOR = "0.00"

# History blocks: heading row, column-heading row, first data row, total row.
BLOCK = CONSULTANTS + 4


def _block_rows(top):
    first = top + 2
    return top, top + 1, first, first + CONSULTANTS - 1, first + CONSULTANTS


H_UNITS, H_GP, H_TARGET, H_ATT = (_block_rows(5 + k * BLOCK) for k in range(4))
# plan sheets
P_COMM, P_ADV, P_PAY = (_block_rows(22 + k * BLOCK) for k in range(3))
SCALES = (0.8, 0.9, 1.1, 1.2)
MEMO_SCALES = (1.0,) + SCALES  # MEMO_COLS in this order
BANDS = (("<50%", None, 0.5), ("50%-80%", 0.5, 0.8), ("80%-100%", 0.8, 1.0),
         ("100%-120%", 1.0, 1.2), ("≥120%", 1.2, None))
CURVE_STEPS = 41  # 0%, 5%, ..., 200%


# -- small helpers ------------------------------------------------------------------------
def _src(sheet_name, ref):
    return "$'%s'.%s" % (sheet_name, ref)


def _choice_help(rng, text):
    """A drop-down's input help with what each choice means (kit.Sheet.choice lists them only)."""
    v = rng.Validation
    v.InputMessage = v.InputMessage + text
    rng.Validation = v
    return rng


def _grid_headings(sh, rows, heading, year_label, names_from=None):
    top, head, first, last, total = rows
    if top > 6:
        # every block starts a printed page (a sheet's first block, right under the
        # title rows, shares its page with them; a plan's grids start after its inputs)
        sh.s.Rows.getByIndex(top - 1).IsStartOfNewPage = True
    sh.merge("A%d:N%d" % (top, top))
    sh.heading("A%d" % top, heading)
    sh.heading("A%d" % head, "销售顾问")
    for i, col in enumerate(MONTHS):
        sh.heading("%s%d" % (col, head), "%d月" % (i + 1))
    sh.heading("N%d" % head, year_label)
    if names_from is not None:
        src = lambda i: _src(HIST, "$A%d" % (H_UNITS[2] + i))  # noqa: E731
        _formulas(sh, "A", first, CONSULTANTS, lambda i, j, c: '=IF(%s="";"";%s)' % (src(i), src(i)), "text")
    sh.label("A%d" % total, "合计")


def _formulas(sh, cols, first, count, fn, kind):
    """Formulas for the block of `count` rows from `first` under the columns
    `cols` (a string of letters), fn(i, j, col) giving row i, column j; one
    style and one call for the whole block (cell by cell the build is slow)."""
    rng = sh._styled("%s%d:%s%d" % (cols[0], first, cols[-1], first + count - 1), kit.COMPUTED, kind)
    rng.setFormulaArray(tuple(tuple(fn(i, j, col) for j, col in enumerate(cols)) for i in range(count)))
    return rng


def _row_sums(sh, rows, kind):
    _, _, first, last, total = rows
    _formulas(sh, YEAR, first, CONSULTANTS, lambda i, j, c: _sum_or_blank("B%d:M%d" % (first + i, first + i)), kind)


def _sum_or_blank(rng):
    return '=IF(COUNT({0})=0;"";SUM({0}))'.format(rng)


def _totals_row(sh, rows, kind, year=True):
    _, _, first, last, total = rows
    cols = MONTHS + (YEAR if year else "")
    _formulas(sh, cols, total, 1, lambda i, j, col: _sum_or_blank("%s%d:%s%d" % (col, first, col, last)), kind)


# -- 历史业绩 ---------------------------------------------------------------------------------
def _history(book):
    sh = book.sheet(HIST)
    sh.header("提成方案测算 · 历史业绩", "N")
    sh.label("D2", "首月：")
    sh.validate_formula("E2", kit.month_rule("E2"),
                        "请输入首月，如 2025-01、2025/1 或 2025年1月。",
                        "历史业绩第 1 个月，输入 2025-01、2025/1 或 2025年1月。")
    sh.note("A4", "每位销售顾问一行：各月销量（台）、毛利（元）和销量目标（台）。没有数据的顾问和月份留空，"
                  "测算时跳过（不计提成，也不发保底）；有销量但目标为空或为 0 的月份不计，目标格显示红色。")
    _history_inputs(book, sh)
    _history_attainment(sh)
    _history_first_attainment(sh)
    sh.widths(A=2.8, N=2.4, **{c: 1.9 for c in MONTHS})
    _history_names(sh)
    return sh


def _history_inputs(book, sh):
    """The three input grids: 销量 (with the names), 毛利, 目标."""
    # 销量 (input, with the names)
    _grid_headings(sh, H_UNITS, "各月销量（台）", "全年")
    top, head, first, last, total = H_UNITS
    sh.input("A%d:A%d" % (first, last), "text", help="输入销售顾问姓名；不用的行留空。")
    sh.input("B%d:M%d" % (first, last), "count", help="输入当月交车台数，如 12；该月没有数据留空。")
    _row_sums(sh, H_UNITS, "count")
    _totals_row(sh, H_UNITS, "count")

    # 毛利 (input; a loss-making month may be negative)
    _grid_headings(sh, H_GP, "各月毛利（元）", "全年", names_from=True)
    top, head, first, last, total = H_GP
    rng = sh.input("B%d:M%d" % (first, last), "signed", help="输入当月毛利，如 55000；亏损填负数；空白按 0 计。")
    rng.NumberFormat = book.format_key("#,##0")
    _row_sums(sh, H_GP, "#,##0")
    _totals_row(sh, H_GP, "#,##0")

    # 目标 (input)
    _grid_headings(sh, H_TARGET, "各月销量目标（台）", "全年", names_from=True)
    top, head, first, last, total = H_TARGET
    rng = sh.input("B%d:M%d" % (first, last), "number", help="输入当月销量目标，如 10；必须大于 0 才计入测算。")
    rng.NumberFormat = book.format_key(UNITS)
    _row_sums(sh, H_TARGET, UNITS)
    _totals_row(sh, H_TARGET, UNITS)
    u0, t0 = H_UNITS[2], H_TARGET[2]
    sh.highlight("B%d:M%d" % (t0, H_TARGET[3]),
                 "AND(ISNUMBER(B%d);ROUND(N(B%d);2)<=0)" % (u0, t0))


def _history_attainment(sh):
    """达成率 (computed): the month counts when it has units and a target above 0."""
    _grid_headings(sh, H_ATT, "各月达成率（销量 ÷ 目标；空白 = 不计入测算的月份）", "全年", names_from=True)
    top, head, first, last, total = H_ATT
    sh.label("A%d" % total, "团队")
    _formulas(sh, MONTHS, first, CONSULTANTS, lambda i, j, c: '=IF(AND(ISNUMBER({c}{u});N({c}{t})>0);{c}{u}/{c}{t};"")'
              .format(c=c, u=H_UNITS[2] + i, t=H_TARGET[2] + i), "rate")
    # the year: units over target of the months that count
    _formulas(sh, YEAR, first, CONSULTANTS, lambda i, j, c: '=IF(COUNT(B{r}:M{r})=0;"";SUMIF(B{r}:M{r};">=0";B{u}:M{u})/'
              'SUMIF(B{r}:M{r};">=0";B{t}:M{t}))'.format(r=first + i, u=H_UNITS[2] + i, t=H_TARGET[2] + i), "rate")
    for col in MONTHS + YEAR:
        att = "%s%d:%s%d" % (col, first, col, last)
        if col == YEAR:
            att = "B%d:M%d" % (first, last)
            units = "B%d:M%d" % (H_UNITS[2], H_UNITS[3])
            target = "B%d:M%d" % (H_TARGET[2], H_TARGET[3])
        else:
            units = "%s%d:%s%d" % (col, H_UNITS[2], col, H_UNITS[3])
            target = "%s%d:%s%d" % (col, H_TARGET[2], col, H_TARGET[3])
        sh.formula("%s%d" % (col, total), '=IF(COUNT({a})=0;"";SUMIF({a};">=0";{u})/SUMIF({a};">=0";{t}))'
                   .format(a=att, u=units, t=target), "rate")


def _history_first_attainment(sh):
    """Hidden beside the 达成率 grid: the row (1..30) of the month's column
    where the attainment first occurs (Plan.memo_curve)."""
    top, head, first, last, total = H_ATT
    _formulas(sh, "".join(FIRST_COLS), first, CONSULTANTS,
              lambda i, j, c: '=IF(ISNUMBER({m}{r});MATCH({m}{r};{m}${a}:{m}${b};0);"")'.format(
                  m=MONTHS[j], r=first + i, a=first, b=last), HELPER)
    for col in FIRST_COLS:
        sh.s.Columns.getByName(col).IsVisible = False


def _history_names(sh):
    sh.name("经销商", "B2")
    sh.name("月份", "E2")
    sh.name("月份_首日", "F2")
    sh.name("历史_销售顾问", "A%d:A%d" % (H_UNITS[2], H_UNITS[3]))
    sh.name("历史_销量", "B%d:M%d" % (H_UNITS[2], H_UNITS[3]))
    sh.name("历史_毛利", "B%d:M%d" % (H_GP[2], H_GP[3]))
    sh.name("历史_目标", "B%d:M%d" % (H_TARGET[2], H_TARGET[3]))
    sh.name("历史_达成率", "B%d:M%d" % (H_ATT[2], H_ATT[3]))
    sh.name("历史_全年毛利", "N%d" % H_GP[4])


# -- 方案A / 方案B ------------------------------------------------------------------------------
class Plan:
    """Absolute references to one plan sheet's inputs, and its formulas."""

    def __init__(self, sheet_name):
        q = "$'%s'." % sheet_name
        self.q = q
        self.sheet = sheet_name
        self.bounds = q + "$B$7:$B$%d" % (6 + TIERS)
        self.amounts = q + "$C$7:$C$%d" % (6 + TIERS)
        # the points and the share as typed (80 or 0.8) normalised, in hidden cells
        self.points = q + "$%s$7:$%s$%d" % (RATE_COL, RATE_COL, 6 + POINTS)
        self.payouts = q + "$G$7:$G$%d" % (6 + POINTS)
        self.mode = q + "$B$16"
        self.beyond = q + "$E$16"
        self.share = q + "$%s$17" % RATE_COL
        self.cap = q + "$E$17"
        self.guarantee = q + "$B$18"
        self.recovery = q + "$E$18"

    def helper(self, row):
        return self.q + "$%s$%d" % (RATE_COL, row)

    def award(self, units):
        """The per-car award for the expression units (TIERED_BONUS, 0 without a table)."""
        return "IF({has};TIERED_BONUS({u};{t};{a};{m});0)".format(
            has=self.helper(TERMS_ROWS["tiers"]), t=self.bounds, a=self.amounts, m=self.mode, u=units)

    def memo_award(self, cars, scale):
        """The award for `scale` x cars read from the plan's table of whole
        numbers of cars (cars: a cell of the history), the same value
        TIERED_BONUS gives, computed there once; other numbers of cars call
        it here."""
        col = MEMO_COLS[MEMO_SCALES.index(scale)]
        units = cars if scale == 1.0 else "%s*%s" % (scale, cars)
        table = "%s$%s$%d:$%s$%d" % (self.q, col, MEMO_FIRST, col, MEMO_FIRST + MEMO_UNITS)
        return "IF(AND({c}>=0;{c}<={n};{c}=INT({c}));INDEX({tab};{c}+1);{direct})".format(
            c=cars, n=MEMO_UNITS, tab=table, direct=self.award(units))

    def curve(self, att):
        """The payout factor for the expression att (PAYOUT_CURVE, 1 without a curve)."""
        return "IF({has};PAYOUT_CURVE({x};{p};{y};{b});1)".format(
            has=self.helper(TERMS_ROWS["curve"]), p=self.points, y=self.payouts, b=self.beyond, x=att)

    def memo_curve(self, i, j, scale):
        """The factor of consultant i in month j at `scale` read from the
        plan's factor grid, at the row where that attainment first occurs in
        the month (an attainment Calc holds equal, so PAYOUT_CURVE gives the
        same factor)."""
        col = kit.column_name(FACTOR_FIRST_COL + MEMO_SCALES.index(scale) * 12 + j)
        first = _src(HIST, "$%s$%d" % (FIRST_COLS[j], H_ATT[2] + i))
        return "IF({has};INDEX({q}${c}${a}:${c}${b};{f});1)".format(
            has=self.helper(TERMS_ROWS["curve"]), q=self.q, c=col, a=P_COMM[2], b=P_COMM[3], f=first)

    def commission(self, units, gp, att, award=None, curve=None):
        """The month's commission before the guarantee, in cents, for the expressions
        units, gp (blank counts 0) and att (a number); `award` and `curve`
        replace the per-car award of units (memo_award) and the factor of att
        (memo_curve)."""
        award = award or self.award(units)
        curve = curve or self.curve(att)
        # Paid in cents, rounded half up as ROUND does in every office: 1,885.275 is a double
        # just below the half, which one office showed as .27 and another as .28.
        return "ROUND(MIN({cap};({award}+{gp}*{share})*{curve});2)".format(
            cap=self.helper(TERMS_ROWS["cap"]), award=award, gp=gp, share=self.helper(TERMS_ROWS["share"]),
            curve=curve)

    def floor(self):
        """The guarantee, or no floor at all when it is blank."""
        return self.helper(TERMS_ROWS["floor"])

    def recoverable(self):
        return self.helper(TERMS_ROWS["recoverable"])

    def terms(self):
        """{row in RATE_COL: formula}: each plan term as every formula uses it,
        worked out once (the cap, the GP share, whether there is a table and a
        curve, the guarantee, whether it is recovered)."""
        # (10^307, not 1E+307: a power every program reads, HyperFormula's parser no exponent)
        return {TERMS_ROWS["cap"]: "=IF(ISNUMBER({c});{c};10^307)".format(c=self.cap),
                TERMS_ROWS["share"]: "=N(%s)" % self.share,
                TERMS_ROWS["tiers"]: "=COUNT(%s)>0" % self.bounds,
                TERMS_ROWS["curve"]: "=COUNT(%s)>0" % self.points,
                TERMS_ROWS["floor"]: "=IF(ISNUMBER({g});{g};-10^307)".format(g=self.guarantee),
                TERMS_ROWS["recoverable"]: '=%s="可追回"' % self.recovery}


def _plan(book, name, title, hist):
    sh = book.sheet(name)
    sh.header("提成方案测算 · %s" % title, "N", linked_to=hist)
    p = Plan(name)
    _plan_tables(book, sh)
    _plan_terms(sh)
    for row, formula in p.terms().items():
        sh.formula("%s%d" % (RATE_COL, row), formula, HELPER)
    _plan_award_memo(sh, p)
    _plan_factor_memo(sh, p)
    _plan_commission(sh, p)
    _plan_advance(sh, p)
    _plan_pay(sh, p)
    sh.widths(A=2.8, N=2.6, **dict({c: 1.95 for c in MONTHS}, D=2.5))
    _plan_names(sh, name)
    return sh, p


def _plan_tables(book, sh):
    """The per-car award table and the payout curve (rows 5-15)."""
    sh.merge("A5:C5")
    sh.heading("A5", "每台奖励表")
    sh.merge("E5:G5")
    sh.heading("E5", "达成率系数曲线")
    for col, text in zip("ABCEFG", ("档位", "下限（台）", "每台（元）", "点", "达成率", "系数")):
        sh.heading("%s6" % col, text)
    for i in range(TIERS):
        r = 7 + i
        sh.label("A%d" % r, "第%d档" % (i + 1), center=True)
        rng = sh.input("B%d" % r, "number", help="输入该档销量下限（台），从第1档起由低到高填写，如 0、10、15；用不到的档位留空。")
        rng.NumberFormat = book.format_key(UNITS)
        sh.input("C%d" % r, "money", help="输入该档每台奖励（元），如 300；不能为负数。")
    for i in range(POINTS):
        r = 7 + i
        sh.label("E%d" % r, "%d" % (i + 1), center=True)
        sh.input("F%d" % r, "rate", help="直接输入 80 即 80%，150 即 150%（% 号自动加上）；由低到高填写；"
                                         "同一达成率填两次表示在该点跳档；用不到的留空。")
        sh.formula("%s%d" % (RATE_COL, r), '=IF(ISNUMBER(F{r});{rate};"")'.format(r=r, rate="F%d" % r),
                   "general")
        rng = sh.input("G%d" % r, "number")
        rng.NumberFormat = book.format_key(FACTOR)
        sh.validate("G%d" % r, DECIMAL, BETWEEN, "-100", "100",
                    "请输入系数，如 1 或 1.2（-100 到 100 之间）。", "输入该达成率的提成系数，如 1 或 1.2（不是百分数）。")
    sh.note("A15", "超额累进：超过下限的部分按该档每台金额计（下限 0、10：第1-10台按第1档，第11台起按第2档）；"
                   "全额累进：全部台数按达到的最高档计。奖励表留空 = 无每台奖励，曲线留空 = 系数 1。")


def _plan_terms(sh):
    """Award mode, curve end, GP share, cap, guarantee and its recovery (rows 16-20)."""
    sh.label("A16", "奖励方式")
    sh.choice("B16", MODES, "请选择：超额累进或全额累进。").setString(MODES[0])
    sh.label("D16", "末点之后")
    _choice_help(sh.choice("E16", BEYOND, "请选择：延伸或封顶。"),
                 "延伸：按最后一段的斜率继续；封顶：保持最后一个系数。").setString(BEYOND[1])
    sh.label("A17", "毛利提成比例")
    sh.input("B17", "rate", help="直接输入 5 即 5%，直接输入 80 即 80%（% 号自动加上）；不按毛利提成留空。")
    sh.formula("%s17" % RATE_COL, '=IF(ISNUMBER(B17);{rate};"")'.format(rate="B17"), "general")
    sh.s.Columns.getByName(RATE_COL).IsVisible = False
    sh.label("D17", "月封顶（元）")
    sh.input("E17", "money", help="每月提成（保底前）的上限（元），如 8000；留空 = 不封顶。")
    sh.label("A18", "月保底（元）")
    sh.input("B18", "money", help="每月最低发放额（元），如 2000；留空 = 无保底。")
    sh.label("D18", "保底方式")
    _choice_help(sh.choice("E18", RECOVERY, "请选择：可追回或不追回。"),
                 "可追回：保底多发的部分从以后月份的提成中扣回；不追回：每月取提成与保底中较大者。").setString(RECOVERY[0])
    sh.note("A19", "当月提成 = MIN(月封顶, (每台奖励 + 毛利 × 毛利提成比例) × 达成率系数)，四舍五入到分。")
    sh.note("A20", "可追回：实发 = MAX(当月提成 − 上月末垫付余额, 保底)，垫付余额 = 保底多发而尚未追回的金额；"
                   "不追回：实发 = MAX(当月提成, 保底)。")


def _plan_award_memo(sh, p):
    """The hidden table Plan.memo_award reads: one TIERED_BONUS per whole
    number of cars up to the most in any month of the history, per scale."""
    units = _src(HIST, "$B$%d:$M$%d" % (H_UNITS[2], H_UNITS[3]))
    sh.formula("%s%d" % (MEMO_KEY, MEMO_FIRST - 1), "=MAX(%s)" % units, HELPER)
    keys = sh._styled("%s%d:%s%d" % (MEMO_KEY, MEMO_FIRST, MEMO_KEY, MEMO_FIRST + MEMO_UNITS), kit.COMPUTED, HELPER)
    keys.setDataArray(tuple((float(k),) for k in range(MEMO_UNITS + 1)))

    def memo(i, j, col):
        key = "$%s%d" % (MEMO_KEY, MEMO_FIRST + i)
        s = MEMO_SCALES[j]
        return '=IF({k}>${m}${top};"";{award})'.format(
            k=key, m=MEMO_KEY, top=MEMO_FIRST - 1, award=p.award(key if s == 1.0 else "%s*%s" % (s, key)))
    _formulas(sh, MEMO_COLS, MEMO_FIRST, MEMO_UNITS + 1, memo, HELPER)
    for col in MEMO_KEY + MEMO_COLS:
        sh.s.Columns.getByName(col).IsVisible = False


def _plan_factor_memo(sh, p):
    """The hidden factor grids Plan.memo_curve reads: PAYOUT_CURVE where a
    month's attainment first occurs in its month, per scale."""
    hist_q = "$'%s'." % HIST
    for k, scale in enumerate(MEMO_SCALES):
        first = kit.column_name(FACTOR_FIRST_COL + 12 * k)
        last = kit.column_name(FACTOR_FIRST_COL + 12 * k + 11)

        def factor(i, j, col, scale=scale):
            att = hist_q + "%s%d" % (MONTHS[j], H_ATT[2] + i)
            first_at = hist_q + "%s%d" % (FIRST_COLS[j], H_ATT[2] + i)
            x = att if scale == 1.0 else "%s*%s" % (scale, att)
            # the first-occurrence cell is blank where the month does not count
            return '=IF(N({f})={i};{curve};"")'.format(f=first_at, i=i + 1, curve=p.curve(x))
        cols = [kit.column_name(FACTOR_FIRST_COL + 12 * k + j) for j in range(12)]
        rng = sh._styled("%s%d:%s%d" % (first, P_COMM[2], last, P_COMM[3]), kit.COMPUTED, HELPER)
        rng.setFormulaArray(tuple(tuple(factor(i, j, c) for j, c in enumerate(cols)) for i in range(CONSULTANTS)))
        for col in cols:
            sh.s.Columns.getByName(col).IsVisible = False


def _plan_commission(sh, p):
    """当月提成: the month's commission before the guarantee."""
    hist_q = "$'%s'." % HIST
    _grid_headings(sh, P_COMM, "当月提成（保底前，元）", "全年", names_from=True)
    def comm(i, j, col):
        u = hist_q + "%s%d" % (col, H_UNITS[2] + i)
        gp = "N(%s%s%d)" % (hist_q, col, H_GP[2] + i)
        att = hist_q + "%s%d" % (col, H_ATT[2] + i)
        return '=IF(ISNUMBER(%s);%s;"")' % (att, p.commission(u, gp, att, p.memo_award(u, 1.0),
                                                              p.memo_curve(i, j, 1.0)))
    _formulas(sh, MONTHS, P_COMM[2], CONSULTANTS, comm, "money")
    _row_sums(sh, P_COMM, "money")
    _totals_row(sh, P_COMM, "money")


def _plan_advance(sh, p):
    """保底垫付余额: the outstanding advance at the end of each month."""
    _grid_headings(sh, P_ADV, "保底垫付余额（月末尚未追回，元）", "年末", names_from=True)
    def adv(i, j, col):
        r, c = P_ADV[2] + i, P_COMM[2] + i
        prev = "N(%s%d)" % (MONTHS[j - 1], r) if j else "0"
        carry = 'IF(ISNUMBER({p}{r});{p}{r};"")'.format(p=MONTHS[j - 1], r=r) if j else '""'
        return '=IF(ISNUMBER({col}{c});IF({rec};MAX(0;{g}-{col}{c}+{prev});0);{carry})'.format(
            col=col, c=c, rec=p.recoverable(), g=p.floor(), prev=prev, carry=carry)
    _formulas(sh, MONTHS, P_ADV[2], CONSULTANTS, adv, "money")
    _formulas(sh, YEAR, P_ADV[2], CONSULTANTS, lambda i, j, c: '=IF(ISNUMBER(M{r});M{r};"")'.format(r=P_ADV[2] + i),
              "money")
    _totals_row(sh, P_ADV, "money")
    sh.highlight("N%d:N%d" % (P_ADV[2], P_ADV[3]), "AND(ISNUMBER(N%d);ROUND(N%d;2)>0)" % (P_ADV[2], P_ADV[2]))


def _plan_pay(sh, p):
    """实发: what is paid, the guarantee included."""
    _grid_headings(sh, P_PAY, "实发提成（含保底，元）", "全年", names_from=True)
    def pay(i, j, col):
        c, a = P_COMM[2] + i, P_ADV[2] + i
        prev = "N(%s%d)" % (MONTHS[j - 1], a) if j else "0"
        return '=IF(ISNUMBER({col}{c});MAX({col}{c}-IF({rec};{prev};0);{g});"")'.format(
            col=col, c=c, rec=p.recoverable(), prev=prev, g=p.floor())
    _formulas(sh, MONTHS, P_PAY[2], CONSULTANTS, pay, "money")
    _row_sums(sh, P_PAY, "money")
    _totals_row(sh, P_PAY, "money")
    # months where the guarantee topped the commission up
    sh.highlight("B%d:M%d" % (P_PAY[2], P_PAY[3]),
                 "AND(ISNUMBER(B{p});ROUND(B{p};2)>ROUND(N(B{c});2))".format(p=P_PAY[2], c=P_COMM[2]), kit.ALERT)
    sh.note("A%d" % (P_PAY[4] + 1), "红色：该月实发高于当月提成（保底补足，或追回后仍按保底发放）。"
                                     "年末垫付余额为红色：年底仍有保底垫付未追回。")


def _plan_names(sh, key):
    """The plan sheet's named cells, prefixed with its name (方案A / 方案B)."""
    sh.name(key + "_奖励下限", "B7:B%d" % (6 + TIERS))
    sh.name(key + "_每台金额", "C7:C%d" % (6 + TIERS))
    sh.name(key + "_奖励方式", "B16")
    sh.name(key + "_曲线达成率", "F7:F%d" % (6 + POINTS))
    sh.name(key + "_曲线系数", "G7:G%d" % (6 + POINTS))
    sh.name(key + "_末点之后", "E16")
    sh.name(key + "_毛利提成比例", "B17")
    sh.name(key + "_月封顶", "E17")
    sh.name(key + "_月保底", "B18")
    sh.name(key + "_保底方式", "E18")
    sh.name(key + "_当月提成", "B%d:M%d" % (P_COMM[2], P_COMM[3]))
    sh.name(key + "_垫付余额", "B%d:M%d" % (P_ADV[2], P_ADV[3]))
    sh.name(key + "_实发提成", "B%d:M%d" % (P_PAY[2], P_PAY[3]))
    sh.name(key + "_全年提成", "N%d" % P_PAY[4])


# -- 敏感性明细 ------------------------------------------------------------------------------------
def _sens_blocks():
    """[(plan sheet, scale, commission rows, pay rows)] in sheet order."""
    out, top = [], 6
    for plan in (PLAN_A, PLAN_B):
        for s in SCALES:
            out.append((plan, s, _block_rows(top), _block_rows(top + BLOCK)))
            top += 2 * BLOCK
    return out


def _sensitivity(book, hist, plans):
    sh = book.sheet(SENS)
    sh.header("提成方案测算 · 敏感性明细", "N", linked_to=hist)
    sh.note("A4", "把每月销量和毛利同乘一个比例（目标不变）后，按各方案重新计算的当月提成与实发；"
                  "100% 即方案A、方案B两页。实发按该方案的保底方式计，垫付余额 = 此前各月实发合计 − 提成合计。")
    hist_q = "$'%s'." % HIST
    for plan_name, s, comm, pay in _sens_blocks():
        p = plans[plan_name]
        label = "%s × %d%%" % (plan_name, round(s * 100))
        _grid_headings(sh, comm, "%s：当月提成（保底前，元）" % label, "全年", names_from=True)
        def scaled(i, j, col, p=p, s=s):
            cars = "%s%s%d" % (hist_q, col, H_UNITS[2] + i)
            u = "%s*%s" % (s, cars)
            gp = "%s*N(%s%s%d)" % (s, hist_q, col, H_GP[2] + i)
            att_cell = hist_q + "%s%d" % (col, H_ATT[2] + i)
            att = "%s*%s" % (s, att_cell)
            return '=IF(ISNUMBER(%s);%s;"")' % (att_cell, p.commission(u, gp, att, p.memo_award(cars, s),
                                                                       p.memo_curve(i, j, s)))
        _formulas(sh, MONTHS, comm[2], CONSULTANTS, scaled, "money")
        _row_sums(sh, comm, "money")
        _totals_row(sh, comm, "money")
        _grid_headings(sh, pay, "%s：实发提成（含保底，元）" % label, "全年", names_from=True)
        def paid(i, j, col, p=p, pay=pay, comm=comm):
            r, c = pay[2] + i, comm[2] + i
            if j:
                before = "SUM($B{r}:{p}{r})-SUM($B{c}:{p}{c})".format(r=r, c=c, p=MONTHS[j - 1])
            else:
                before = "0"
            return '=IF(ISNUMBER({col}{c});MAX({col}{c}-IF({rec};{before};0);{g});"")'.format(
                col=col, c=c, rec=p.recoverable(), before=before, g=p.floor())
        _formulas(sh, MONTHS, pay[2], CONSULTANTS, paid, "money")
        _row_sums(sh, pay, "money")
        _totals_row(sh, pay, "money")
    sh.widths(A=2.8, N=2.6, **{c: 1.95 for c in MONTHS})
    return sh


# -- 方案对比 ------------------------------------------------------------------------------------
C_HEAD, C_FIRST = 6, 7
C_LAST = C_FIRST + CONSULTANTS - 1
C_TOTAL = C_LAST + 1
BAND_TOP = C_TOTAL + 3          # heading
BAND_FIRST = BAND_TOP + 2
BAND_TOTAL = BAND_FIRST + len(BANDS)
SENS_TOP = BAND_TOTAL + 3
SENS_FIRST = SENS_TOP + 2
SENS_ROWS = (0.8, 0.9, 1.0, 1.1, 1.2)
CURVE_TOP = SENS_FIRST + len(SENS_ROWS) + 2
CURVE_TARGET = CURVE_TOP + 1    # typical target row
CURVE_GPU = CURVE_TOP + 2
CURVE_HEAD = CURVE_TOP + 4
CURVE_FIRST = CURVE_HEAD + 1
CURVE_LAST = CURVE_FIRST + CURVE_STEPS - 1
CURVE_HELPERS = (("V", "W"), ("X", "Y"))  # hidden: plan A's, plan B's award and factor at each step


def _compare(book, hist, plans):
    sh = book.sheet(CMP)
    sh.header("提成方案测算 · 方案对比", "I", linked_to=hist)
    sh.note("A4", "按历史业绩分别用方案A（现行）和方案B（拟议）计算的全年实发提成（含保底）。")
    _compare_consultants(sh)
    _compare_bands(sh)
    _compare_sensitivity(sh)
    _compare_curve(sh, plans)
    sh.widths(A=3.2, B=2.6, C=2.8, D=2.8, E=2.8, F=2.6, G=2.6, H=2.4, I=2.4)
    _compare_charts(sh)
    _compare_names(sh)
    return sh


def _compare_consultants(sh):
    """Each consultant's year under plan A and plan B, and the totals."""
    hq, aq, bq = ("$'%s'." % n for n in (HIST, PLAN_A, PLAN_B))
    sh.merge("A5:I5")
    sh.heading("A5", "各销售顾问全年提成")
    for col, text in zip("ABCDEFGHI", ("销售顾问", "全年销量（台）", "全年毛利（元）", "方案A 全年提成",
                                        "方案B 全年提成", "差额（B−A）", "差额 %", "方案A 占毛利", "方案B 占毛利")):
        sh.heading("%s%d" % (col, C_HEAD), text)
    name = lambda i: hq + "$A%d" % (H_UNITS[2] + i)  # noqa: E731
    # the months that count: those with an attainment
    att = lambda i: hq + "$B{0}:$M{0}".format(H_ATT[2] + i)  # noqa: E731
    row = lambda block: lambda i: hq + "$B{0}:$M{0}".format(block[2] + i)  # noqa: E731
    units, gp = row(H_UNITS), row(H_GP)
    n = CONSULTANTS
    _formulas(sh, "A", C_FIRST, n, lambda i, j, c: '=IF(%s="";"";%s)' % (name(i), name(i)), "text")
    _formulas(sh, "B", C_FIRST, n, lambda i, j, c: '=IF(COUNT({a})=0;"";SUMIF({a};">=0";{u}))'
              .format(a=att(i), u=units(i)), "count")
    _formulas(sh, "C", C_FIRST, n, lambda i, j, c: '=IF(COUNT({a})=0;"";SUMIF({a};">=0";{g}))'
              .format(a=att(i), g=gp(i)), "#,##0")
    _formulas(sh, "DE", C_FIRST, n, lambda i, j, c: '=IF(COUNT({a})=0;"";{p}$N{r})'
              .format(a=att(i), p=(aq, bq)[j], r=P_PAY[2] + i), "money")
    _diff_cells(sh, C_FIRST, n)
    t = C_TOTAL
    sh.label("A%d" % t, "合计")
    for col, kind in (("B", "count"), ("C", "#,##0"), ("D", "money"), ("E", "money")):
        sh.formula("%s%d" % (col, t), _sum_or_blank("%s%d:%s%d" % (col, C_FIRST, col, C_LAST)), kind)
    _diff_cells(sh, t, 1)
    sh.highlight("F%d:F%d" % (C_FIRST, C_TOTAL), "AND(ISNUMBER(F%d);ROUND(F%d;2)>0)" % (C_FIRST, C_FIRST), kit.ALERT)


def _compare_bands(sh):
    """Consultant-months by attainment band, with each plan's pay."""
    hq, aq, bq = ("$'%s'." % n for n in (HIST, PLAN_A, PLAN_B))
    sh.merge("A%d:I%d" % (BAND_TOP, BAND_TOP))
    sh.heading("A%d" % BAND_TOP, "按月达成率分段（人·月；按显示的达成率取整到 1%）")
    for col, text in zip("ABCDEFG", ("达成率区间", "人·月", "方案A 提成", "方案B 提成", "差额（B−A）",
                                      "方案A 月均", "方案B 月均")):
        sh.heading("%s%d" % (col, BAND_TOP + 1), text)
    att_all = hq + "$B$%d:$M$%d" % (H_ATT[2], H_ATT[3])
    pay_a = aq + "$B$%d:$M$%d" % (P_PAY[2], P_PAY[3])
    pay_b = bq + "$B$%d:$M$%d" % (P_PAY[2], P_PAY[3])
    for k, (label, lo, hi) in enumerate(BANDS):
        r = BAND_FIRST + k
        sh.label("A%d" % r, label, center=True)
        # what displays as 80% (0.795 and up) belongs to 80%-100%
        crit = []
        if lo is not None:
            crit.append('{a};">="&{v}'.format(a=att_all, v=round(lo - 0.005, 3)))
        else:
            crit.append('{a};">=0"'.format(a=att_all))
        if hi is not None:
            crit.append('{a};"<"&{v}'.format(a=att_all, v=round(hi - 0.005, 3)))
        crit = ";".join(crit)
        sh.formula("B%d" % r, '=IF(COUNT({a})=0;"";COUNTIFS({c}))'.format(a=att_all, c=crit), "count")
        sh.formula("C%d" % r, '=IF(COUNT({a})=0;"";SUMIFS({p};{c}))'.format(a=att_all, p=pay_a, c=crit), "money")
        sh.formula("D%d" % r, '=IF(COUNT({a})=0;"";SUMIFS({p};{c}))'.format(a=att_all, p=pay_b, c=crit), "money")
        sh.formula("E%d" % r, '=IF(AND(ISNUMBER(C{r});ISNUMBER(D{r}));D{r}-C{r};"")'.format(r=r), "money")
        sh.formula("F%d" % r, '=IF(AND(ISNUMBER(C{r});B{r}>0);C{r}/B{r};"")'.format(r=r), "money")
        sh.formula("G%d" % r, '=IF(AND(ISNUMBER(D{r});B{r}>0);D{r}/B{r};"")'.format(r=r), "money")
    bt = BAND_TOTAL
    sh.label("A%d" % bt, "合计")
    sh.formula("B%d" % bt, _sum_or_blank("B%d:B%d" % (BAND_FIRST, bt - 1)), "count")
    for col in "CDE":
        sh.formula("%s%d" % (col, bt), _sum_or_blank("%s%d:%s%d" % (col, BAND_FIRST, col, bt - 1)), "money")
    for col, src in (("F", "C"), ("G", "D")):
        sh.formula("%s%d" % (col, bt), '=IF(AND(ISNUMBER({s}{r});B{r}>0);{s}{r}/B{r};"")'.format(s=src, r=bt),
                   "money")


def _compare_sensitivity(sh):
    """Each plan's year if units and GP were 80%..120% of history."""
    aq, bq = ("$'%s'." % n for n in (PLAN_A, PLAN_B))
    sh.merge("A%d:I%d" % (SENS_TOP, SENS_TOP))
    sh.heading("A%d" % SENS_TOP, "敏感性：每月销量和毛利按历史的比例变化时，各方案全年总提成（目标不变）")
    for col, text in zip("ABCDEFG", ("销量毛利比例", "毛利（元）", "方案A 总提成", "方案B 总提成",
                                      "差额（B−A）", "方案A 占毛利", "方案B 占毛利")):
        sh.heading("%s%d" % (col, SENS_TOP + 1), text)
    blocks = {(plan, s): pay for plan, s, _, pay in _sens_blocks()}
    sq = "$'%s'." % SENS
    for k, s in enumerate(SENS_ROWS):
        r = SENS_FIRST + k
        sh.label("A%d" % r, "%d%%" % round(s * 100), center=True)
        sh.formula("B%d" % r, '=IF(ISNUMBER($C${t});{s}*$C${t};"")'.format(s=s, t=C_TOTAL), "#,##0")
        for col, plan, q in (("C", PLAN_A, aq), ("D", PLAN_B, bq)):
            if s == 1.0:
                src = q + "$N$%d" % P_PAY[4]
            else:
                src = sq + "$N$%d" % blocks[(plan, s)][4]
            sh.formula("%s%d" % (col, r), '=IF(ISNUMBER({0});{0};"")'.format(src), "money")
        sh.formula("E%d" % r, '=IF(AND(ISNUMBER(C{r});ISNUMBER(D{r}));D{r}-C{r};"")'.format(r=r), "money")
        for col, src in (("F", "C"), ("G", "D")):
            sh.formula("%s%d" % (col, r), '=IF(AND(ISNUMBER({s}{r});N(B{r})>0);{s}{r}/B{r};"")'.format(s=src, r=r),
                       "rate1")


def _compare_curve(sh, plans):
    """The two payout curves at a typical target."""
    hq = "$'%s'." % HIST
    att_all = hq + "$B$%d:$M$%d" % (H_ATT[2], H_ATT[3])
    # the curve and its chart print on a page of their own
    sh.s.Rows.getByIndex(CURVE_TOP - 1).IsStartOfNewPage = True
    sh.merge("A%d:D%d" % (CURVE_TOP, CURVE_TOP))
    sh.heading("A%d" % CURVE_TOP, "支付曲线：一个月在各达成率下的实发（含保底，无垫付余额时）")
    sh.label("A%d" % CURVE_TARGET, "典型月目标（台）")
    rng = sh.input("B%d" % CURVE_TARGET, "number", help="输入一个月的销量目标，如 10；留空 = 历史各月目标的平均。")
    rng.NumberFormat = sh.book.format_key(UNITS)
    sh.label("C%d" % CURVE_TARGET, "采用")
    target_all = hq + "$B$%d:$M$%d" % (H_TARGET[2], H_TARGET[3])
    sh.formula("D%d" % CURVE_TARGET, '=IF(ISNUMBER(B{r});B{r};IF(COUNT({a})=0;"";AVERAGEIF({a};">=0";{t})))'
               .format(r=CURVE_TARGET, a=att_all, t=target_all), UNITS)
    sh.label("A%d" % CURVE_GPU, "单车毛利（元）")
    sh.formula("D%d" % CURVE_GPU, '=IF(N(B{t})>0;C{t}/B{t};"")'.format(t=C_TOTAL), "money")
    sh.label("E%d" % CURVE_GPU, "（历史全年毛利 ÷ 全年销量）")
    for col, text in zip("ABCD", ("达成率", "销量（台）", "方案A 当月实发", "方案B 当月实发")):
        sh.heading("%s%d" % (col, CURVE_HEAD), text)
    tgt, gpu = "$D$%d" % CURVE_TARGET, "$D$%d" % CURVE_GPU
    axis = sh._styled("A%d:A%d" % (CURVE_FIRST, CURVE_LAST), kit.COMPUTED, "rate")
    axis.setDataArray(tuple((round(i * 0.05, 2),) for i in range(CURVE_STEPS)))
    _formulas(sh, "B", CURVE_FIRST, CURVE_STEPS, lambda i, j, c: '=IF(AND(ISNUMBER({t});{t}>0;ISNUMBER({g}));A{r}*{t};"")'
              .format(t=tgt, g=gpu, r=CURVE_FIRST + i), UNITS)

    # Each plan's per-car award and factor at each step, in hidden helper columns that a month's
    # pay reads: in one formula with both, the portable copy's twins (docs/portable.md) would be
    # longer than the 8,192 characters Excel keeps of a formula.
    for name, (award_col, factor_col) in zip((PLAN_A, PLAN_B), CURVE_HELPERS):
        p = plans[name]
        step = '=IF(ISNUMBER(B{r});{v};"")'
        _formulas(sh, award_col, CURVE_FIRST, CURVE_STEPS,
                  lambda i, j, c, p=p: step.format(r=CURVE_FIRST + i, v=p.award("B%d" % (CURVE_FIRST + i))), HELPER)
        _formulas(sh, factor_col, CURVE_FIRST, CURVE_STEPS,
                  lambda i, j, c, p=p: step.format(r=CURVE_FIRST + i, v=p.curve("A%d" % (CURVE_FIRST + i))), HELPER)
        for col in (award_col, factor_col):
            sh.s.Columns.getByName(col).IsVisible = False

    def month_pay(i, j, col):
        r, name = CURVE_FIRST + i, (PLAN_A, PLAN_B)[j]
        p, (award_col, factor_col) = plans[name], CURVE_HELPERS[j]
        comm = p.commission("B%d" % r, "B%d*%s" % (r, gpu), "A%d" % r,
                            award="%s%d" % (award_col, r), curve="%s%d" % (factor_col, r))
        return '=IF(ISNUMBER(B{r});MAX({c};{g});"")'.format(r=r, c=comm, g=p.floor())
    _formulas(sh, "CD", CURVE_FIRST, CURVE_STEPS, month_pay, "money")


def _compare_charts(sh):
    """Beside the tables (columns K..T): consultants A against B beside theirs, the payout
    curves beside the curve table on the page it starts."""
    sh.chart("顾问对比", "K%d:T%d" % (C_HEAD - 1, C_HEAD + 24), "column",
             [("%s%d" % (col, C_HEAD), "%s%d:%s%d" % (col, C_FIRST, col, C_LAST)) for col in "DE"],
             categories="A%d:A%d" % (C_FIRST, C_LAST), title="各销售顾问全年提成：方案A 与 方案B",
             y_format="#,##0", y_min=0)
    sh.chart("支付曲线", "K%d:T%d" % (CURVE_TOP, CURVE_TOP + 24), "xy",  # beside its table, on its page
             [("%s%d" % (col, CURVE_HEAD), "%s%d:%s%d" % (col, CURVE_FIRST, col, CURVE_LAST)) for col in "CD"],
             categories="A%d:A%d" % (CURVE_FIRST, CURVE_LAST), title="支付曲线：当月实发与达成率（典型月目标）",
             x_title="达成率", y_format="#,##0", y_min=0)


def _compare_names(sh):
    sh.name("对比_方案A全年提成", "D%d" % C_TOTAL)
    sh.name("对比_方案B全年提成", "E%d" % C_TOTAL)
    sh.name("对比_差额", "F%d" % C_TOTAL)
    sh.name("对比_差额率", "G%d" % C_TOTAL)
    sh.name("对比_方案A提成占毛利比", "H%d" % C_TOTAL)
    sh.name("对比_方案B提成占毛利比", "I%d" % C_TOTAL)
    sh.name("对比_达成率分段", "A%d:G%d" % (BAND_FIRST, BAND_TOTAL))
    sh.name("对比_敏感性", "A%d:G%d" % (SENS_FIRST, SENS_FIRST + len(SENS_ROWS) - 1))
    sh.name("对比_典型月目标", "B%d" % CURVE_TARGET)


def _diff_cells(sh, first, count):
    _formulas(sh, "F", first, count, lambda i, j, c: '=IF(AND(ISNUMBER(D{r});ISNUMBER(E{r}));E{r}-D{r};"")'
              .format(r=first + i), "money")
    _formulas(sh, "G", first, count, lambda i, j, c: '=IF(AND(ISNUMBER(F{r});N(D{r})<>0);F{r}/ABS(D{r});"")'
              .format(r=first + i), "rate")
    _formulas(sh, "HI", first, count, lambda i, j, c: '=IF(AND(ISNUMBER({s}{r});N(C{r})>0);{s}{r}/C{r};"")'
              .format(s="DE"[j], r=first + i), "rate1")


def build(book):
    # thousands of formulas: calculated once at the end, not after every step
    book.doc.enableAutomaticCalculation(False)
    try:
        _build(book)
    finally:
        book.doc.enableAutomaticCalculation(True)


def _build(book):
    hist = _history(book)
    sheet_a, plan_a = _plan(book, PLAN_A, "方案A（现行）", hist)
    sheet_b, plan_b = _plan(book, PLAN_B, "方案B（拟议）", hist)
    plans = {PLAN_A: plan_a, PLAN_B: plan_b}
    # the grids first (the comparison reads them), then the comparison before them
    sens = _sensitivity(book, hist, plans)
    cmp_sheet = _compare(book, hist, plans)
    book.doc.Sheets.moveByName(CMP, 3)
    for sh in (hist, sheet_a, sheet_b, cmp_sheet, sens):
        sh.label("D2", "首月：")
    # Every sheet keeps the kit's frozen panes (label column, title rows 1-3): each holds
    # several blocks with titles and headings of their own, which scroll with their block
    # (frozen block headings labelled the wrong block once scrolled).
    for sh in (hist, sheet_a, sheet_b, sens):
        # a block and its 合计 on one page, under its column headings
        sh.fit_blocks()


def _example():
    hist, a, b = {}, {}, {}
    hist.update({"B2": "示例经销商", "E2": kit.date_value(2025, 1)})
    rows = {"甲": H_UNITS[2], "乙": H_UNITS[2] + 1, "丙": H_UNITS[2] + 2, "丁": H_UNITS[2] + 3}

    def month(who, col, units, gp, target=10):
        i = rows[who] - H_UNITS[2]
        if units is not None:
            hist["%s%d" % (col, H_UNITS[2] + i)] = units
            hist["%s%d" % (col, H_GP[2] + i)] = gp
        hist["%s%d" % (col, H_TARGET[2] + i)] = target

    for who, r in rows.items():
        hist["A%d" % r] = "销售顾问" + who
    # 甲: 11 cars and 55,000 a month, December 16 cars and 120,000
    for col in MONTHS[:11]:
        month("甲", col, 11, 55000)
    month("甲", "M", 16, 120000)
    # 乙: 9 cars (36,000) January to June, 10 cars (40,000) July to December
    for col in MONTHS[:6]:
        month("乙", col, 9, 36000)
    for col in MONTHS[6:]:
        month("乙", col, 10, 40000)
    # 丙: joined in March (3, 5, 7 cars), then 11 cars a month; no sales in October
    month("丙", "D", 3, 12000)
    month("丙", "E", 5, 20000)
    month("丙", "F", 7, 28000)
    for col in "GHIJLM":
        month("丙", col, 11, 55000)
    month("丙", "K", None, None)
    # 丁: a name only (skipped)

    a.update({"B7": 0, "C7": 300, "B8": 10, "C8": 500, "B16": "超额累进",
              "F7": 0.5, "G7": 0.5, "F8": 1, "G8": 1, "E16": "封顶",
              "B17": 0.02, "E17": 8000, "B18": 2000, "E18": "不追回"})
    b.update({"B7": 0, "C7": 200, "B8": 12, "C8": 400, "B16": "全额累进",
              "F7": 0.8, "G7": 0.8, "F8": 1, "G8": 0.8, "F9": 1, "G9": 1.2, "F10": 1.5, "G10": 1.5,
              "E16": "延伸", "B17": 0.05, "E17": 10000, "B18": 2500, "E18": "可追回"})
    return {HIST: hist, PLAN_A: a, PLAN_B: b}


EXAMPLE = _example()

def _full():
    """Every row of the template filled (30 consultants x 12 months) under the
    example's plans: the recalculation the benchmark holds to its goal."""
    full = {k: dict(v) for k, v in EXAMPLE.items()}
    hist = full[HIST]
    for i in range(CONSULTANTS):
        hist["A%d" % (H_UNITS[2] + i)] = "销售顾问%02d" % (i + 1)
        for j, col in enumerate(MONTHS):
            units = 4 + (i * 7 + j * 5) % 14          # 4..17 cars
            hist["%s%d" % (col, H_UNITS[2] + i)] = units
            hist["%s%d" % (col, H_GP[2] + i)] = units * (3500 + 250 * ((i + j) % 9))
            hist["%s%d" % (col, H_TARGET[2] + i)] = 8 + i % 5
    return full


FULL = _full()

# The chart over every consultant row (the contract's row_charts): in a document a person
# opens it plots the rows in use as they are typed (group/service/row_charts.cxx), and a
# document a tool writes (the example month) is fitted the same way (kit.fit_charts_to_rows).
# The template itself keeps all 30 rows, so that a consultant the analyst adds is never
# left out of it in a program without DealerKPI.
ROW_CHARTS = ((CMP, "顾问对比"),)

HIGHLIGHTS = (
    (CMP, "D%d" % C_TOTAL, "方案A 全年提成"),
    (CMP, "E%d" % C_TOTAL, "方案B 全年提成"),
    (CMP, "H%d" % C_TOTAL, "方案A 提成占毛利"),
    (CMP, "I%d" % C_TOTAL, "方案B 提成占毛利"),
)
