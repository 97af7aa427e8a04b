"""月度销售跨部门策略表: the monthly cross-department sales strategy table of
seed 004, on three sheets.

1. KPI转化率报告: the three months before (N-3, N-2, N-1) per lead channel
   and the showroom funnel; totals (线索数 counts the walk-in channel by its
   留档数), per-month rates and the column 辅导前三个月平均 (counts averaged,
   rates pooled over the three months with FUNNEL_RATE).
2. 月度策略表: the seed's ten columns. 上月实际 and 上月表现 come from sheet 1.
   The 交车数 target and the KPI targets are typed in; 订单数, 报价数 and
   进店线索数 are back-solved with FUNNEL_TARGET, one step per row. Each channel
   plans its 线索数 (散客: 客流) and rate; its planned 进店 is leads x rate, and
   线索数 本月预计 is the sum of the planned leads (散客 by its planned 留档数).
   Below: the bottom-up planned 进店 against the top-down requirement (red
   when short). During the month the actuals go into 业务目标本月实际; 结果 is
   actual / plan (green from 100%, red below).
3. 季度分解: the same rows for a quarter, each quarter figure split over its
   three months in proportion to last year's orders of those months
   (TARGET_SPLIT: whole numbers that add up to the quarter).
"""
import kit

FILE = "strategy_table.ots"
TITLE = "月度销售跨部门策略表"

REPORT = "KPI转化率报告"
PLAN = "月度策略表"
QUARTER = "季度分解"
YEAR = "年度数据"

MONTHS = "BCD"  # N-3, N-2, N-1 on the report sheet; E is the three-month column

# -- sheet 1: rows ------------------------------------------------------------------
# The lead channels in the seed's order: (name, lead label, visit label).
# 散客 (walk-ins) has 客流 and 留档 instead of leads and visits.
CHANNELS = (
    ("主动集客", "主动集客线索数", "主动集客线索进店数", "主动集客线索进店率"),
    ("推荐", "推荐线索数", "推荐线索进店数", "推荐线索进店率"),
    ("再购", "再购线索数", "再购线索进店数", "再购线索进店率"),
    ("呼入", "呼入线索数", "呼入线索进店数", "呼入线索进店率（含来电、网络和推送）"),
    ("网络", "网络线索数", "网络线索进店数", "网络线索进店率"),
    ("活跃", "活跃线索数", "活跃线索再次进店数", "活跃线索再次进店率"),
    ("休眠", "休眠线索数", "休眠线索再次进店数", "休眠线索再次进店率"),
)
R_TRAFFIC = 6          # 散客客流数
R_WALKIN = 7           # 散客留档数 (the walk-ins' leads)
R_LEADS = {name: 8 + i for i, (name, *_rest) in enumerate(CHANNELS)}       # 8..14
R_LEADS_TOTAL = 15
R_VISITS_WALKIN = 17   # 散客留档数 again, as the walk-ins' visits
R_VISITS = {name: 18 + i for i, (name, *_rest) in enumerate(CHANNELS)}     # 18..24
R_VISITS_TOTAL = 25
R_RATE_TOTAL = 27      # 线索进店率
R_RATE_WALKIN = 28     # 散客留档率
R_RATES = {name: 29 + i for i, (name, *_rest) in enumerate(CHANNELS)}      # 29..35
R_DRIVES, R_DRIVE_RATE = 37, 38
R_QUOTES, R_QUOTE_RATE = 39, 40
R_ORDERS, R_ORDER_RATE = 41, 42
R_DELIVERIES, R_DELIVERY_RATE = 43, 44
# 首次进店试驾率 is measured on first visits: every visit but the 活跃 and 休眠
# leads' return visits (the seed's 29% = 130 / (330+5+15+8+20+70) = 130 / 448).
R_FIRST_VISITS = 45
FIRST_VISIT_ROWS = (R_VISITS_WALKIN, R_VISITS["网络"])   # rows 17..22

# The typed rows of sheet 1 (the three months' counts), and where each sits on
# 年度数据 (one row per count, twelve months across).
INPUT_ROWS = ((R_TRAFFIC, R_WALKIN) + tuple(R_LEADS.values()) + tuple(R_VISITS.values())
              + (R_DRIVES, R_QUOTES, R_ORDERS, R_DELIVERIES))
USED = "GHI"   # sheet 1: the figures the report computes with (typed, else from 年度数据)
Y_YEAR = "B4"  # 年度数据: the year its twelve months belong to
Y_MONTHS = "BCDEFGHIJKLM"
Y_LEADS_TOTAL, Y_VISITS_TOTAL = 15, 24
Y_ROWS = {R_TRAFFIC: 6, R_WALKIN: 7, **{r: r for r in R_LEADS.values()},
          **{r: r - 1 for r in R_VISITS.values()},
          R_DRIVES: 26, R_QUOTES: 27, R_ORDERS: 28, R_DELIVERIES: 29}

# -- sheet 2 and 3: rows ---------------------------------------------------------------
# The showroom funnel, from the result backwards: (target, its KPI, the KPI's
# row on sheet 1, the target's count row on sheet 1, department).
FUNNEL = (
    ("交车数", "订单交车率", R_DELIVERY_RATE, R_DELIVERIES, "销售顾问"),
    ("订单数", "报价订单率", R_ORDER_RATE, R_ORDERS, "销售顾问"),
    ("报价数", "进店线索报价率", R_QUOTE_RATE, R_QUOTES, "销售顾问"),
    ("进店线索数", "线索进店率", R_RATE_TOTAL, R_VISITS_TOTAL, "参见集客部分"),
    ("线索数", None, None, R_LEADS_TOTAL, "参见集客部分"),
)


def _lead_channel(label, kpi, departments):
    """A channel of leads and visits: its row of PLAN_CHANNELS ("3 推荐": the
    channel 推荐 of the report's rows)."""
    name = label.split(" ", 1)[1]
    return (label, "进店线索数", "线索数", kpi, (R_VISITS[name], R_LEADS[name], R_RATES[name]), departments)


# The channels of the strategy table in the seed's order: (label, visit target,
# lead target, KPI, report rows (visits, leads, rate), departments (visits, leads)).
PLAN_CHANNELS = (
    _lead_channel("1 活跃", "活跃线索再次进店率", ("销售顾问", "客户关系专员或客户发展专员")),
    _lead_channel("2 休眠", "休眠线索再次进店率", ("客户发展专员/销售顾问", "客户关系专员或客户发展专员")),
    _lead_channel("3 推荐", "推荐线索进店率", ("销售顾问", "销售顾问")),
    _lead_channel("4 再购", "再购线索进店率", ("客户发展专员", "客户关系专员")),
    ("5 散客", "留档数", "散客客流", "散客线索留档率",
     (R_WALKIN, R_TRAFFIC, R_RATE_WALKIN), ("销售顾问", "市场专员")),
    _lead_channel("6 呼入", "呼入线索进店率", ("客户发展专员", "市场专员")),
    _lead_channel("7 网络", "网络线索进店率", ("客户发展专员", "市场专员")),
    _lead_channel("8 主动集客", "主动集客线索进店率", ("客户发展专员/销售顾问", "市场专员")),
)
P_FIRST = 6                                  # first funnel row on sheets 2 and 3
P_CHANNEL = P_FIRST + len(FUNNEL)            # 11: first channel row (two rows each)
P_LAST = P_CHANNEL + 2 * len(PLAN_CHANNELS) - 1   # 26
P_BOTTOM_UP, P_TOP_DOWN, P_GAP = P_LAST + 2, P_LAST + 3, P_LAST + 4  # 28, 29, 30
ROW_DELIVERY, ROW_ORDER, ROW_QUOTE, ROW_VISIT, ROW_LEAD = range(P_FIRST, P_FIRST + 5)

Q_WEIGHTS = 5     # sheet 3: last year's orders of the three months (F5:H5)
Q_FIRST = 8       # sheet 3: first data row (same order as sheet 2)


def _guard(cells, formula):
    """`formula` once every cell in `cells` holds a number, blank before."""
    test = ";".join("ISNUMBER(%s)" % c for c in cells)
    return '=IF(AND(%s);%s;"")' % (test, formula)


def _channel_rows():
    """(index, visit row, lead row) on sheets 2 and 3."""
    for i in range(len(PLAN_CHANNELS)):
        yield i, P_CHANNEL + 2 * i, P_CHANNEL + 2 * i + 1


# -- sheet 1 ------------------------------------------------------------------------------
def _used(c, row):
    """The cell the report computes with for month column `c` (B, C, D) of
    `row`: for a typed row, its twin in the 采用的数据 block (the typed figure,
    or 年度数据's when the typed cell is blank); otherwise the cell itself."""
    if row in INPUT_ROWS:
        return "%s%d" % (USED[MONTHS.index(c)], row)
    return "%s%d" % (c, row)


def _used_span(row):
    """The three months of `row` as the report computes with them."""
    if row in INPUT_ROWS:
        return "%s%d:%s%d" % (USED[0], row, USED[-1], row)
    return "B%d:D%d" % (row, row)


def _count_row(sh, row, label, source=None):
    """An input row of counts (or a copy of `source`), averaged in E."""
    sh.label("A%d" % row, label)
    for c in MONTHS:
        if source:
            src = _used(c, source)
            sh.formula("%s%d" % (c, row), '=IF(ISNUMBER({s});{s};"")'.format(s=src))
        else:
            sh.input("%s%d" % (c, row), "count")
    rng = _used_span(row)
    sh.formula("E%d" % row, '=IF(COUNT({0})=0;"";AVERAGE({0}))'.format(rng))


def _total_row(sh, row, label, first, last):
    sh.label("A%d" % row, label)
    for c in "BCDE":
        cells = ";".join(_used(c, r) if c != "E" else "E%d" % r for r in range(first, last + 1))
        sh.formula("%s%d" % (c, row), '=IF(COUNT({0})=0;"";SUM({0}))'.format(cells))


def _rate_row(sh, row, label, num, den):
    """Per-month rates, and the three months pooled (the seed's rule)."""
    sh.label("A%d" % row, label)
    for c in MONTHS:
        n, d = _used(c, num), _used(c, den)
        sh.formula("%s%d" % (c, row),
                   _guard((n, d), 'IF({d}>0;FUNNEL_RATE({n};{d});"")'.format(n=n, d=d)), "rate")
    n, d = _used_span(num), _used_span(den)
    sh.formula("E%d" % row, '=IF(SUMPRODUCT(ISNUMBER({n});ISNUMBER({d});{d}>0)=0;"";'
               'FUNNEL_RATE({n};{d}))'.format(n=n, d=d), "rate1")


def _section(sh, row, text, cols="BCDE"):
    """A section heading across the table: its text in A, the other heading cells blank."""
    sh.heading("A%d" % row, text)
    for c in cols:
        sh.heading("%s%d" % (c, row), "")


def _report(book):
    sh = book.sheet(REPORT)
    sh.header("KPI转化率报告（辅导前三个月）", "E")
    sh.dealer_code()
    for col, text in zip("ABCDE", ("KPI", "N-3月", "N-2月", "N-1月", "辅导前三个月平均")):
        sh.heading("%s5" % col, text)
    _report_leads(sh)
    _report_visits(sh)
    _report_rates(sh)
    _report_showroom(sh)
    _report_first_visits(sh)
    sh.note("A%d" % (R_FIRST_VISITS + 1), "计数的三个月平均为算术平均；转化率的三个月平均为合并计算（三个月转化数之和 ÷ 三个月基数之和）。")
    sh.widths(A=7.6, B=2.4, C=2.4, D=2.4, E=3.6)
    sh.freeze(1, 5)
    _report_used_block(sh)
    _report_chart(sh)
    sh.fit_one_page()
    return sh


def _report_leads(sh):
    _count_row(sh, R_TRAFFIC, "散客客流数")
    _count_row(sh, R_WALKIN, "散客留档数")
    for name, leads, _visits, _rate in CHANNELS:
        _count_row(sh, R_LEADS[name], leads)
    _total_row(sh, R_LEADS_TOTAL, "线索数", R_WALKIN, R_LEADS_TOTAL - 1)
    sh.note("F%d" % R_LEADS_TOTAL, "线索数 = 散客留档数 + 各渠道线索数")


def _report_visits(sh):
    _section(sh, 16, "进店线索")
    _count_row(sh, R_VISITS_WALKIN, "散客留档数", source=R_WALKIN)
    for name, _leads, visits, _rate in CHANNELS:
        _count_row(sh, R_VISITS[name], visits)
    _total_row(sh, R_VISITS_TOTAL, "线索进店数", R_VISITS_WALKIN, R_VISITS_TOTAL - 1)


def _report_rates(sh):
    _section(sh, 26, "转化率")
    _rate_row(sh, R_RATE_TOTAL, "线索进店率", R_VISITS_TOTAL, R_LEADS_TOTAL)
    _rate_row(sh, R_RATE_WALKIN, "散客留档率", R_WALKIN, R_TRAFFIC)
    for name, _leads, _visits, rate in CHANNELS:
        _rate_row(sh, R_RATES[name], rate, R_VISITS[name], R_LEADS[name])


def _report_showroom(sh):
    _section(sh, 36, "展厅转化")
    _count_row(sh, R_DRIVES, "首次进店试驾数")
    _rate_row(sh, R_DRIVE_RATE, "首次进店试驾率", R_DRIVES, R_FIRST_VISITS)
    _count_row(sh, R_QUOTES, "报价数")
    _rate_row(sh, R_QUOTE_RATE, "进店线索报价率", R_QUOTES, R_VISITS_TOTAL)
    _count_row(sh, R_ORDERS, "订单数")
    _rate_row(sh, R_ORDER_RATE, "报价订单率", R_ORDERS, R_QUOTES)
    _count_row(sh, R_DELIVERIES, "交车数")
    _rate_row(sh, R_DELIVERY_RATE, "订单交车率", R_DELIVERIES, R_ORDERS)


def _report_first_visits(sh):
    """The base of 首次进店试驾率, below the funnel so the seed's rows keep their places."""
    first, last = FIRST_VISIT_ROWS
    assert [R_VISITS_WALKIN] + [R_VISITS[n] for n in ("主动集客", "推荐", "再购", "呼入", "网络")] == \
        list(range(first, last + 1))
    sh.label("A%d" % R_FIRST_VISITS, "首次进店数（不含再次进店）")
    for c in MONTHS:
        cells = ";".join(_used(c, r) for r in range(first, last + 1))
        sh.formula("%s%d" % (c, R_FIRST_VISITS), '=IF(COUNT({0})=0;"";SUM({0}))'.format(cells))
    sh.formula("E%d" % R_FIRST_VISITS, '=IF(COUNT(B{r}:D{r})=0;"";AVERAGE(B{r}:D{r}))'.format(r=R_FIRST_VISITS))
    sh.note("F%d" % R_FIRST_VISITS, "首次进店试驾率的基数：线索进店数 − 活跃、休眠线索再次进店数")


def _report_used_block(sh):
    """Columns G-I: the figures the report computes with. The month row (4)
    names the three months before 月份; each typed row takes its typed figure
    (B-D) when there is one, else 年度数据's figure of that month."""
    year = "$'%s'." % YEAR
    book_year = "IF(ISNUMBER({y}${c}${r});{y}${c}${r};YEAR($F$2))".format(
        y=year, c=Y_YEAR[0], r=Y_YEAR[1:])
    sh.label("A4", "对应月份（按月份自动）")
    for k, c in zip((-3, -2, -1), MONTHS):
        # N(F2) > 0, not ISNUMBER(F2): LibreOffice 7.4 reopens F2 (a print title row) of a new
        # document with the result "" as the number 0, which would name the months of 1899.
        sh.formula("%s4" % c, '=IF(N($F$2)>0;EDATE(DATE(YEAR($F$2);MONTH($F$2);1);{k});"")'.format(k=k),
                   "month")
    first, last = USED[0], USED[-1]
    sh.merge("%s4:%s4" % (first, last))
    sh.heading("%s4" % first, "本表采用的数据")
    for c, text in zip(USED, ("N-3月", "N-2月", "N-1月")):
        sh.heading("%s5" % c, text)
    for row in INPUT_ROWS:
        y_row = Y_ROWS[row]
        span = "{y}$B${r}:$M${r}".format(y=year, r=y_row)
        for c, u in zip(MONTHS, USED):
            month = "%s$4" % c
            pick = "INDEX({s};MONTH({m}))".format(s=span, m=month)
            sh.formula("%s%d" % (u, row),
                       '=IF(ISNUMBER({t});{t};IF(ISNUMBER({m});IF(YEAR({m})={y};IF(ISNUMBER({p});{p};"");"");""))'
                       .format(t="%s%d" % (c, row), m=month, y=book_year, p=pick))
    for r in (16, 26, 36):
        for c in USED:
            sh.heading("%s%d" % (c, r), "")
    sh.note("A47", "N-3月至N-1月：填写了的格子优先；留空的格子按“月份”取“%s”表中对应月份的数字（见 G-I 列“本表采用的数据”）。"
                   "第一个月（前三个月不在%s中）可直接在本表填写。" % (YEAR, YEAR))
    sh.widths(F=2.6, G=1.9, H=1.9, I=1.9)  # F2 shows the month as understood


FUNNEL_CHART_ROWS = (("线索数", R_LEADS_TOTAL), ("线索进店数", R_VISITS_TOTAL), ("首次进店试驾数", R_DRIVES),
                     ("报价数", R_QUOTES), ("订单数", R_ORDERS), ("交车数", R_DELIVERIES))
R_CHART_DATA = 31   # sheet 1: the funnel chart's cells (K31:N37), under the chart


def _report_chart(sh):
    """The three months' funnel: one bar per step and month, from K31:N37."""
    top = R_CHART_DATA
    sh.heading("K%d" % top, "漏斗图数据")
    for c, text in zip("LMN", ("N-3月", "N-2月", "N-1月")):
        sh.heading("%s%d" % (c, top), text)
    for i, (label, row) in enumerate(FUNNEL_CHART_ROWS):
        r = top + 1 + i
        sh.label("K%d" % r, label)
        for c, month in zip("LMN", MONTHS):
            sh.chart_cell("%s%d" % (c, r), _used(month, row))
    last = top + len(FUNNEL_CHART_ROWS)
    sh.chart("三个月漏斗", "K4:Q29", "bar",
             [("%s%d" % (c, top), "{c}{a}:{c}{b}".format(c=c, a=top + 1, b=last), {"labels": True})
              for c in "LMN"],
             "K%d:K%d" % (top + 1, last), title="三个月销售漏斗（对数刻度）", log=True)
    sh.widths(J=0.4, K=3.0, L=1.9, M=1.9, N=1.9)


# -- sheet 2 ------------------------------------------------------------------------------
def _last_month(sh, cell, report_row, kind):
    """The report's three-month figure (its column E) of `report_row`."""
    src = "$'%s'." % REPORT
    sh.formula(cell, '=IF(ISNUMBER({s}E{r});{s}E{r};"")'.format(s=src, r=report_row), kind)


def _result(sh, row):
    sh.formula("J%d" % row, _guard(("I%d" % row, "G%d" % row), 'IF(G{r}>0;I{r}/G{r};"")'.format(r=row)), "rate")


def _kpi_actual(sh, row, num_row, den_row):
    sh.formula("H%d" % row, _guard(("I%d" % num_row, "I%d" % den_row),
                                   'IF(I{d}>0;FUNNEL_RATE(I{n};I{d});"")'.format(n=num_row, d=den_row)), "rate")


def _plan_visit_rows():
    """The plan sheet's rows of the channels' visits, and of their leads (散客: its 留档数 are its leads)."""
    walkin_visit = P_CHANNEL + 2 * 4
    visit_rows = [v for _i, v, _l in _channel_rows()]
    lead_rows = [v if v == walkin_visit else lead for _i, v, lead in _channel_rows()]
    return visit_rows, lead_rows


def _plan(book, report):
    sh = book.sheet(PLAN)
    sh.header("月度销售跨部门策略表", "K", linked_to=report)
    headings = ("", "业务目标", "业务目标上月实际", "业务KPI", "业务KPI上月表现", "业务KPI本月目标",
                "业务目标本月预计", "业务KPI本月实际", "业务目标本月实际", "结果", "结果责任部门")
    for col, text in zip("ABCDEFGHIJK", headings):
        sh.heading("%s5" % col, text)
    # as the seed's table: the figure "上月" is the three months' average of sheet 1
    sh.s.Annotations.insertNew(sh.cell("C5").CellAddress, "上月实际 = 辅导前三个月平均（KPI转化率报告 E 列）。")
    sh.s.Annotations.insertNew(sh.cell("E5").CellAddress, "上月表现 = 辅导前三个月的合并转化率（KPI转化率报告 E 列）。")
    _plan_funnel(sh)
    _plan_funnel_targets(sh)
    _plan_channels(sh)
    _plan_coverage(sh)
    sh.widths(A=2.2, B=5.2, C=2.4, D=5.6, E=2.4, F=2.4, G=2.6, H=2.4, I=2.6, J=2.0, K=5.4)
    sh.freeze(2, 5)
    _plan_charts(sh)
    return sh


def _plan_funnel(sh):
    """The showroom funnel, from deliveries back to leads: last month and departments."""
    sh.merge("A%d:A%d" % (P_FIRST, P_FIRST + len(FUNNEL) - 1))
    sh.label("A%d" % P_FIRST, "展厅转化", center=True)
    for i, (target, kpi, kpi_row, count_row, dept) in enumerate(FUNNEL):
        r = P_FIRST + i
        sh.label("B%d" % r, target)
        _last_month(sh, "C%d" % r, count_row, "count")
        if kpi:
            sh.label("D%d" % r, kpi)
            _last_month(sh, "E%d" % r, kpi_row, "rate")
        sh.input("K%d" % r, "text", dept)
        _result(sh, r)


def _plan_funnel_targets(sh):
    """The funnel's targets and actuals: 交车数 typed in, the earlier steps
    back-solved one rate per row; visits and leads summed from the channels."""
    sh.input("G%d" % ROW_DELIVERY, "count")
    for r in (ROW_ORDER, ROW_QUOTE, ROW_VISIT):
        sh.formula("G%d" % r, _guard(("G%d" % (r - 1), "F%d" % (r - 1)),
                                     'IF(F{p}>0;FUNNEL_TARGET(G{p};{rate});"")'
                                     .format(p=r - 1, rate="F%d" % (r - 1))))
    for r in (ROW_DELIVERY, ROW_ORDER, ROW_QUOTE):
        sh.input("F%d" % r, "rate")
    # 线索进店率 this month follows from the channel plan: visits needed / leads planned.
    sh.formula("F%d" % ROW_VISIT, _guard(("G%d" % ROW_VISIT, "G%d" % ROW_LEAD),
                                         'IF(G{l}>0;G{v}/G{l};"")'.format(v=ROW_VISIT, l=ROW_LEAD)), "rate")
    # Actuals: typed in for the funnel, summed from the channels for visits and leads.
    for r in (ROW_DELIVERY, ROW_ORDER, ROW_QUOTE):
        sh.input("I%d" % r, "count")
    visit_rows, lead_rows = _plan_visit_rows()
    for r, rows in ((ROW_VISIT, visit_rows), (ROW_LEAD, lead_rows)):
        cells = ";".join("I%d" % x for x in rows)
        sh.formula("I%d" % r, '=IF(COUNT({0})=0;"";SUM({0}))'.format(cells))
        plan_cells = ";".join("G%d" % x for x in rows)
        if r == ROW_LEAD:
            sh.formula("G%d" % r, '=IF(COUNT({0})=0;"";SUM({0}))'.format(plan_cells))
    for r in range(ROW_DELIVERY, ROW_LEAD):
        _kpi_actual(sh, r, r, r + 1)


def _plan_channels(sh):
    """The channels: planned leads and rate in, planned visits out."""
    for i, visit, lead in _channel_rows():
        label, visit_name, lead_name, kpi, (rv, rl, rr), (dept_v, dept_l) = PLAN_CHANNELS[i]
        sh.merge("A%d:A%d" % (visit, lead))
        sh.label("A%d" % visit, label, center=True)
        sh.label("B%d" % visit, visit_name)
        sh.label("B%d" % lead, lead_name)
        _last_month(sh, "C%d" % visit, rv, "count")
        _last_month(sh, "C%d" % lead, rl, "count")
        sh.label("D%d" % visit, kpi)
        _last_month(sh, "E%d" % visit, rr, "rate")
        sh.input("F%d" % visit, "rate")
        sh.input("G%d" % lead, "count")
        sh.formula("G%d" % visit, _guard(("G%d" % lead, "F%d" % visit), "G{l}*{rate}".format(l=lead, rate="F%d" % visit)))
        sh.input("I%d" % visit, "count")
        sh.input("I%d" % lead, "count")
        _kpi_actual(sh, visit, visit, lead)
        _result(sh, visit)
        _result(sh, lead)
        sh.input("K%d" % visit, "text", dept_v)
        sh.input("K%d" % lead, "text", dept_l)


def _plan_coverage(sh):
    """The channels' planned visits against what the funnel needs, and the 结果 colours."""
    for row, text in ((P_BOTTOM_UP, "自下而上：各渠道计划进店线索数合计"),
                      (P_TOP_DOWN, "自上而下：达成交车目标所需进店线索数"),
                      (P_GAP, "覆盖差额（正数富余，负数缺口）")):
        sh.merge("B%d:F%d" % (row, row))
        sh.label("B%d" % row, text)
    plan_visits = ";".join("G%d" % v for v in _plan_visit_rows()[0])
    sh.formula("G%d" % P_BOTTOM_UP, '=IF(COUNT({0})=0;"";SUM({0}))'.format(plan_visits))
    sh.formula("G%d" % P_TOP_DOWN, '=IF(ISNUMBER(G{v});G{v};"")'.format(v=ROW_VISIT))
    # Compared at whole customers, as the sheet shows them.
    sh.formula("G%d" % P_GAP, _guard(("G%d" % P_BOTTOM_UP, "G%d" % P_TOP_DOWN),
                                     "ROUND(G{b};0)-ROUND(G{t};0)".format(b=P_BOTTOM_UP, t=P_TOP_DOWN)))
    sh.highlight("G%d" % P_GAP, "AND(ISNUMBER(G{0});G{0}<0)".format(P_GAP))
    # compared as shown (0%): 99.6% shows as 100% and is green
    sh.highlight("J%d:J%d" % (P_FIRST, P_LAST), "AND(ISNUMBER(J%d);ROUND(J%d;2)<1)" % (P_FIRST, P_FIRST))
    sh.highlight("J%d:J%d" % (P_FIRST, P_LAST), "AND(ISNUMBER(J%d);ROUND(J%d;2)>=1)" % (P_FIRST, P_FIRST), kit.GOOD)
    sh.note("B%d" % (P_GAP + 2), "先填本月交车目标和各业务KPI本月目标，再填各渠道计划线索数与目标转化率；"
            "月内填写业务目标本月实际。结果 = 本月实际 ÷ 本月预计，达到 100% 显示绿色，不足显示红色。")


P_CHART_TOP = P_GAP + 4          # 34: the plan sheet's charts, under the table
P_CHART_BOTTOM = P_CHART_TOP + 36  # a printed page of their own
P_DATA_COL = "MNO"               # the charts' cells, right of the printed table
P_ACHIEVE = 8                    # first row of the achievement chart's cells (M8 heading)


def _plan_rows():
    """(plan row, short label) of every 业务目标 row, as the achievement chart names them."""
    for i, (target, *_rest) in enumerate(FUNNEL):
        yield P_FIRST + i, target
    for i, visit, lead in _channel_rows():
        label, visit_name, lead_name = PLAN_CHANNELS[i][:3]
        name = label.split(" ", 1)[1]
        yield visit, "%s·%s" % (name, visit_name)
        yield lead, "%s·%s" % (name, lead_name)


def _plan_charts(sh):
    """Under the table: bottom-up against top-down 进店, and each row's 结果
    against 100%. Their cells sit right of the table (M-O), outside the print area."""
    m, n, o = P_DATA_COL
    sh.heading("%s5" % m, "图表数据")
    sh.heading("%s5" % n, "自下而上")
    sh.heading("%s5" % o, "自上而下")
    sh.label("%s6" % m, "进店线索数")
    sh.chart_cell("%s6" % n, "G%d" % P_BOTTOM_UP)
    sh.chart_cell("%s6" % o, "G%d" % P_TOP_DOWN)
    sh.chart("进店覆盖", "A%d:D%d" % (P_CHART_TOP, P_CHART_BOTTOM), "column",
             [("%s5" % n, "%s6" % n, {"labels": True}), ("%s5" % o, "%s6" % o, {"labels": True})],
             "%s6" % m, title="进店线索：自下而上与自上而下", y_min=0)
    top = P_ACHIEVE
    sh.heading("%s%d" % (m, top), "业务目标")
    sh.heading("%s%d" % (n, top), "结果")
    sh.heading("%s%d" % (o, top), "100%")
    rows = list(_plan_rows())
    first, last = top + 1, top + len(rows)
    for i, (row, label) in enumerate(rows):
        r = first + i
        sh.label("%s%d" % (m, r), label)
        sh.chart_cell("%s%d" % (n, r), "J%d" % row, "rate")
        sh.formula("%s%d" % (o, r), '=IF(COUNT({n}{a}:{n}{b})=0;"";1)'.format(n=n, a=first, b=last), "rate")
    sh.chart("各行达成", "E%d:K%d" % (P_CHART_TOP, P_CHART_BOTTOM), "bar",
             [("%s%d" % (n, top), "{c}{a}:{c}{b}".format(c=n, a=first, b=last), {"labels": True}),
              ("%s%d" % (o, top), "{c}{a}:{c}{b}".format(c=o, a=first, b=last), {"kind": "line", "color": 0xC00000})],
             "{c}{a}:{c}{b}".format(c=m, a=first, b=last), title="结果：本月实际 ÷ 本月预计", y_min=0)
    sh.s.Rows.getByIndex(P_CHART_TOP - 1).IsStartOfNewPage = True
    sh.widths(L=0.6, M=3.4, N=2.0, O=2.0)
    sh.print_area("A1:K%d" % P_CHART_BOTTOM)


# -- sheet 3 ------------------------------------------------------------------------------
def _q_row(plan_row):
    """The quarter sheet's row of the plan sheet's row `plan_row`."""
    return Q_FIRST + plan_row - P_FIRST


def _q_copy(sh, cell, plan_cell, kind):
    """`cell` shows the plan sheet's `plan_cell` (blank while it is)."""
    plan = "$'%s'." % PLAN
    value = "{p}{c}".format(p=plan, c=plan_cell)
    sh.formula(cell, '=IF({p}{c}="";"";{v})'.format(p=plan, c=plan_cell, v=value), kind)


def _q_split(sh, row):
    """The quarter figure of `row` over its three months, by last year's orders."""
    for k, c in enumerate("FGH", start=1):
        sh.formula("%s%d" % (c, row), _guard(("E%d" % row,), "TARGET_SPLIT(E{r};$F${w}:$H${w};0;{k})"
                                           .format(r=row, w=Q_WEIGHTS, k=k)))


def _quarter(book, report):
    sh = book.sheet(QUARTER)
    sh.header("月度销售跨部门策略表（季度分解）", "I", linked_to=report)
    sh.label("A%d" % Q_WEIGHTS, "去年同期订单数（分解权重）")
    sh.merge("A%d:E%d" % (Q_WEIGHTS, Q_WEIGHTS))
    for c in "FGH":
        sh.input("%s%d" % (c, Q_WEIGHTS), "count")
    sh.note("I%d" % Q_WEIGHTS, "按去年同期各月订单占比分解；未填时三个月平均分配")
    headings = ("", "业务目标", "业务KPI", "业务KPI本月目标", "业务目标本季度预计", "N+1月", "N+2月", "N+3月",
                "结果责任部门")
    for col, text in zip("ABCDEFGHI", headings):
        sh.heading("%s%d" % (col, Q_FIRST - 1), text, balance=col not in "FGH")
    for k, col in enumerate("FGH", start=1):
        # N+1月 under it the month it stands for (2026年12月), once the month is chosen
        # (N(): E2 reopens as 0, not "", until recalculated, see Sheet.header)
        month = "EDATE($E$2;%d)" % k
        sh.cell("%s%d" % (col, Q_FIRST - 1)).setFormula(
            '=IF(N($E$2)>0;"N+{k}月"&CHAR(10)&YEAR({m})&"年"&MONTH({m})&"月";"N+{k}月")'.format(k=k, m=month))
    _quarter_funnel(sh)
    _quarter_channels(sh)
    sh.note("B%d" % (_q_row(P_LAST) + 2), "填写本季度交车目标、各渠道本季度计划线索数和去年同期三个月的订单数；"
            "KPI 目标取自月度策略表。每行按订单占比分解为整数，三个月之和等于本季度预计（取整后）。")
    sh.widths(A=2.2, B=5.2, C=5.6, D=2.6, E=2.8, F=2.2, G=2.2, H=2.2, I=5.4)
    sh.freeze(2, Q_FIRST - 1)
    return sh


def _quarter_funnel(sh):
    """The showroom funnel for the quarter: 交车数 typed in, the earlier steps back-solved."""
    row_of = _q_row
    sh.merge("A%d:A%d" % (row_of(P_FIRST), row_of(P_FIRST + len(FUNNEL) - 1)))
    sh.label("A%d" % row_of(P_FIRST), "展厅转化", center=True)
    for i, (target, kpi, _kr, _cr, _dept) in enumerate(FUNNEL):
        pr = P_FIRST + i
        r = row_of(pr)
        sh.label("B%d" % r, target)
        if kpi:
            sh.label("C%d" % r, kpi)
        _q_copy(sh, "I%d" % r, "K%d" % pr, "text")
        _q_split(sh, r)
    for pr in (ROW_DELIVERY, ROW_ORDER, ROW_QUOTE):
        _q_copy(sh, "D%d" % row_of(pr), "F%d" % pr, "rate")
    sh.input("E%d" % row_of(ROW_DELIVERY), "count")
    for pr in (ROW_ORDER, ROW_QUOTE, ROW_VISIT):
        r = row_of(pr)
        sh.formula("E%d" % r, _guard(("E%d" % (r - 1), "D%d" % (r - 1)),
                                     'IF(D{p}>0;FUNNEL_TARGET(E{p};D{p});"")'.format(p=r - 1)))
    walkin_visit = row_of(P_CHANNEL + 2 * 4)
    visit_rows = [row_of(v) for _i, v, _l in _channel_rows()]
    lead_rows = [v if v == walkin_visit else row_of(lead) for (_i, _v, lead), v in zip(_channel_rows(), visit_rows)]
    sh.formula("E%d" % row_of(ROW_LEAD), '=IF(COUNT({0})=0;"";SUM({0}))'.format(";".join("E%d" % x for x in lead_rows)))
    r_visit, r_lead = row_of(ROW_VISIT), row_of(ROW_LEAD)
    sh.formula("D%d" % r_visit, _guard(("E%d" % r_visit, "E%d" % r_lead),
                                       'IF(E{l}>0;E{v}/E{l};"")'.format(v=r_visit, l=r_lead)), "rate")


def _quarter_channels(sh):
    """The channels for the quarter: planned leads in, planned visits out, each split over the months."""
    for i, visit, lead in _channel_rows():
        label, visit_name, lead_name, kpi = PLAN_CHANNELS[i][:4]
        v, l = _q_row(visit), _q_row(lead)
        sh.merge("A%d:A%d" % (v, l))
        sh.label("A%d" % v, label, center=True)
        sh.label("B%d" % v, visit_name)
        sh.label("B%d" % l, lead_name)
        sh.label("C%d" % v, kpi)
        _q_copy(sh, "D%d" % v, "F%d" % visit, "rate")
        sh.input("E%d" % l, "count")
        sh.formula("E%d" % v, _guard(("E%d" % l, "D%d" % v), "E{l}*D{v}".format(l=l, v=v)))
        _q_split(sh, v)
        _q_split(sh, l)
        _q_copy(sh, "I%d" % v, "K%d" % visit, "text")
        _q_copy(sh, "I%d" % l, "K%d" % lead, "text")


def _funnel_names():
    """The showroom funnel's names on the plan sheet, in the contract's order:
    交车数_目标 (G), the three KPI targets (F: 订单交车率_目标 ...), each
    back-solved step's plan (G: 订单数_预计 ... 线索数_预计) and every step's
    actual (I: 交车数_实际 ... 线索数_实际)."""
    steps = [(target, kpi, P_FIRST + i) for i, (target, kpi, *_rest) in enumerate(FUNNEL)]
    return (((steps[0][0] + "_目标", "G%d" % ROW_DELIVERY),)
            + tuple((kpi + "_目标", "F%d" % r) for _t, kpi, r in steps[:3])
            + tuple((target + "_预计", "G%d" % r) for target, _k, r in steps[1:])
            + tuple((target + "_实际", "I%d" % r) for target, _k, r in steps))


# -- named cells: the contract of users' formulas and the group roll-up ----------------------
# (name, sheet, cells). The required names of templates.md come first; never rename one.
CELL_NAMES = (
    *kit.on_sheet(REPORT, (
        ("经销商", "B2"),
        ("月份", "E2"),
    )),
    *kit.on_sheet(PLAN, _funnel_names()),
    # input blocks and further results
    *kit.on_sheet(REPORT, (
        ("月份_首日", "F2"),
        ("经销商代码", "E3"),
        ("三个月线索数", "B%d:D%d" % (R_TRAFFIC, R_LEADS_TOTAL - 1)),
        ("三个月进店线索数", "B%d:D%d" % (R_VISITS["主动集客"], R_VISITS_TOTAL - 1)),
        ("三个月展厅转化", "B%d:D%d" % (R_DRIVES, R_DELIVERY_RATE)),
        ("线索进店率_三个月", "E%d" % R_RATE_TOTAL),
    )),
    *kit.on_sheet(PLAN, (
        ("渠道目标转化率", "F%d:F%d" % (P_CHANNEL, P_LAST)),
        ("渠道计划", "G%d:G%d" % (P_CHANNEL, P_LAST)),
        ("渠道实际", "I%d:I%d" % (P_CHANNEL, P_LAST)),
        ("结果", "J%d:J%d" % (P_FIRST, P_LAST)),
        ("进店线索数_自下而上", "G%d" % P_BOTTOM_UP),
        ("进店线索覆盖差额", "G%d" % P_GAP),
    )),
    *kit.on_sheet(QUARTER, (
        ("去年同期订单数", "F%d:H%d" % (Q_WEIGHTS, Q_WEIGHTS)),
        ("交车数_本季度目标", "E%d" % Q_FIRST),
        ("渠道计划_本季度", "E%d:E%d" % (Q_FIRST + P_CHANNEL - P_FIRST, Q_FIRST + P_LAST - P_FIRST)),
        ("季度分解_各月", "F%d:H%d" % (Q_FIRST, Q_FIRST + P_LAST - P_FIRST)),
    )),
)


# -- sheet 4 ------------------------------------------------------------------------------
def _year(book, report):
    """年度数据: each month's counts of the KPI report, typed once, twelve
    months across; KPI转化率报告 reads the three months before its 月份."""
    sh = book.sheet(YEAR)
    sh.header("年度数据（每月的实际数，每月填写一次）", "N", linked_to=report)
    sh.merge("B2:C2")  # the dealer's name on two narrow month columns
    sh.label("A4", "年份")
    sh.input(Y_YEAR, "count").NumberFormat = book.format_key("0")
    sh.validate(Y_YEAR, kit.WHOLE, kit.BETWEEN, "2000", "2100", "请输入四位年份，如 2026。",
                "输入四位年份，如 2026；留空即为报告月份所在的年份。")
    sh.note("C4", "留空即为“%s”中月份所在的年份。选好“%s”的月份后，该表的 N-3月至N-1月自动取本表前三个月的数字（绿色月份）。"
                  % (REPORT, REPORT))
    sh.heading("A5", "KPI")
    for i, c in enumerate(Y_MONTHS):
        sh.heading("%s5" % c, "%d月" % (i + 1))
    sh.heading("N5", "全年合计")
    labels = {R_TRAFFIC: "散客客流数", R_WALKIN: "散客留档数",
              **{R_LEADS[n]: leads for n, leads, _v, _r in CHANNELS},
              **{R_VISITS[n]: visits for n, _l, visits, _r in CHANNELS},
              R_DRIVES: "首次进店试驾数", R_QUOTES: "报价数", R_ORDERS: "订单数", R_DELIVERIES: "交车数"}
    for row in INPUT_ROWS:
        y = Y_ROWS[row]
        sh.label("A%d" % y, labels[row])
        sh.input("B{r}:M{r}".format(r=y), "count")
    sh.label("A%d" % Y_LEADS_TOTAL, "线索数（合计）")
    sh.heading("A16", "进店线索")
    sh.label("A%d" % Y_VISITS_TOTAL, "线索进店数（合计）")
    sh.heading("A25", "展厅转化")
    for c in Y_MONTHS:
        sh.formula("%s%d" % (c, Y_LEADS_TOTAL), '=IF(COUNT({c}7:{c}14)=0;"";SUM({c}7:{c}14))'.format(c=c))
        sh.formula("%s%d" % (c, Y_VISITS_TOTAL), '=IF(COUNT({c}7;{c}17:{c}23)=0;"";SUM({c}7;{c}17:{c}23))'
                   .format(c=c))
        for r in (16, 25):
            sh.heading("%s%d" % (c, r), "")
    for r in list(Y_ROWS.values()) + [Y_LEADS_TOTAL, Y_VISITS_TOTAL]:
        sh.formula("N%d" % r, '=IF(COUNT(B{r}:M{r})=0;"";SUM(B{r}:M{r}))'.format(r=r))
    for r in (16, 25):
        sh.heading("N%d" % r, "")
    # the months KPI转化率报告 reads now: their headings turn green
    rep = "$'%s'." % REPORT
    first = "DATE(YEAR({r}$F$2);MONTH({r}$F$2);1)".format(r=rep)
    this = "DATE(IF(ISNUMBER($B$4);$B$4;YEAR({r}$F$2));COLUMN(B5)-1;1)".format(r=rep)
    sh.highlight("B5:M5", "AND(N({r}$F$2)>0;{t}>=EDATE({f};-3);{t}<{f})".format(r=rep, t=this, f=first),
                 kit.GOOD)
    sh.note("A31", "每月月初把上个月的实际数填入对应月份一列（散客留档数同时计入线索数与进店数）；"
                   "一年用一个工作簿，月份变了，KPI转化率报告和月度策略表的“上月实际”“上月表现”随之更新。")
    sh.widths(A=6.5, N=2.4, **{c: 1.75 for c in Y_MONTHS})
    sh.freeze(1, 5)
    sh.fit_one_page()
    return sh


def build(book):
    report = _report(book)
    _plan(book, report)
    _quarter(book, report)
    _year(book, report)
    book.name_cells(CELL_NAMES)


# -- the seed's month (004), used by the example month and the tests ----------------------
def _months(rows):
    """{cell: value} for rows of three months on the report sheet."""
    out = {}
    for row, values in rows.items():
        for c, v in zip(MONTHS, values):
            out["%s%d" % (c, row)] = v
    return out


EXAMPLE = {
    REPORT: {
        "B2": "示例经销商",
        "E2": kit.date_value(2026, 11),
        **_months({
            R_TRAFFIC: (350, 660, 700),
            R_WALKIN: (330, 600, 650),
            R_LEADS["主动集客"]: (30, 10, 20),
            R_LEADS["推荐"]: (24, 12, 18),
            R_LEADS["再购"]: (12, 4, 8),
            R_LEADS["呼入"]: (300, 210, 250),
            R_LEADS["网络"]: (900, 700, 850),
            R_LEADS["活跃"]: (850, 660, 880),
            R_LEADS["休眠"]: (1700, 1650, 1800),
            R_VISITS["主动集客"]: (5, 2, 2),
            R_VISITS["推荐"]: (15, 6, 10),
            R_VISITS["再购"]: (8, 3, 6),
            R_VISITS["呼入"]: (20, 6, 15),
            R_VISITS["网络"]: (70, 40, 60),
            R_VISITS["活跃"]: (200, 150, 180),
            R_VISITS["休眠"]: (60, 70, 80),
            R_DRIVES: (130, 100, 150),
            R_QUOTES: (580, 330, 450),
            R_ORDERS: (150, 70, 115),
            R_DELIVERIES: (120, 60, 90),
        }),
    },
    PLAN: {
        "G%d" % ROW_DELIVERY: 100,
        "F%d" % ROW_DELIVERY: 0.80,
        "F%d" % ROW_ORDER: 0.33,
        "F%d" % ROW_QUOTE: 0.30,
        # channel plans in the table's order: 活跃, 休眠, 推荐, 再购, 散客, 呼入, 网络, 主动集客
        **{cell: value for i, (leads, rate) in enumerate(
            ((1000, 0.25), (2000, 0.05), (20, 0.60), (30, 0.80), (800, 0.90), (300, 0.05), (1000, 0.15), (300, 0.20)))
           for cell, value in (("G%d" % (P_CHANNEL + 2 * i + 1), leads), ("F%d" % (P_CHANNEL + 2 * i), rate))},
    },
    QUARTER: {
        "F%d" % Q_WEIGHTS: 100, "G%d" % Q_WEIGHTS: 70, "H%d" % Q_WEIGHTS: 115,
        "E%d" % Q_FIRST: 330,
        **{"E%d" % (Q_FIRST + P_CHANNEL - P_FIRST + 2 * i + 1): leads
           for i, leads in enumerate((3000, 6000, 60, 90, 2400, 900, 3000, 900))},
    },
}

HIGHLIGHTS = (
    (PLAN, "G%d" % ROW_ORDER, "本月预计订单数"),
    (PLAN, "G%d" % ROW_QUOTE, "本月预计报价数"),
    (PLAN, "G%d" % ROW_VISIT, "本月预计进店线索数"),
    (PLAN, "G%d" % ROW_LEAD, "本月预计线索数"),
    (PLAN, "G%d" % P_GAP, "进店线索覆盖差额"),
)


def _typed_once(example):
    """The example month as a dealer with a year in one workbook enters it: the
    three months (August-October) typed into 年度数据, 月份 2026-11 chosen, the
    report's own N-3..N-1 cells left blank."""
    out = {sheet: dict(cells) for sheet, cells in example.items()}
    report = out[REPORT]
    year = out.setdefault(YEAR, {})
    for cell in [c for c in report if c[0] in MONTHS and c[1:].isdigit() and int(c[1:]) in INPUT_ROWS]:
        month = 8 + MONTHS.index(cell[0])          # N-3 of 2026-11 is August
        year["%s%d" % (Y_MONTHS[month - 1], Y_ROWS[int(cell[1:])])] = report.pop(cell)
    return out


DEALER_EXAMPLE = _typed_once(EXAMPLE)
