"""集团年度目标分解: a dealer group's year over its dealers and the months.

集团目标: the group's annual 新车 and 售后产值 targets, the group-wide rate
targets, and the seasonality (last year's group months) that splits each
target over the months (TARGET_SPLIT, cars whole, money to the cent).

经销商年度: up to 500 dealers (经销商代码, 经销商, last year's 交车数 and
售后产值, or a typed share). Each dealer's year is TARGET_SPLIT of the group's
target by last year's figures (or, once any share is typed, by the typed
shares). Rate targets per dealer, or the group's when left blank.

新车月度 / 售后产值月度: each dealer's months. A dealer's year is split by what
is left of each group month after the dealers above it (TARGET_SPLIT over the
remaining months), so every row adds up to the dealer's year and every column
to the group's month, exactly, and no month goes negative; the 合计 and 差额
rows and columns show both checks. A month's column is what
`dealerkpi-group distribute --dealers 集团年度目标分解.ods --month YYYY-MM`
sends to each dealer.
"""
import kit

FILE = "group_annual.ots"
TITLE = "集团年度目标分解"
GROUP = "集团目标"
DEALERS = "经销商年度"
CARS = "新车月度"
MONEY = "售后产值月度"

FIRST = 9
DEALER_ROWS = 500
LAST = FIRST + DEALER_ROWS - 1
MONTH_COLS = [kit.column_name(3 + j) for j in range(12)]        # D..O on the month sheets
REM_COLS = [kit.column_name(19 + j) for j in range(12)]         # T..AE: what is left of each month
SEASON_COLS = [kit.column_name(1 + j) for j in range(12)]       # B..M on 集团目标
RATES = ("订单交车率_目标", "报价订单率_目标", "进店线索报价率_目标")


def build(book):
    g = book.sheet(GROUP)
    _group(g)
    d = book.sheet(DEALERS)
    _dealers(d, g)
    c = book.sheet(CARS)
    _months(c, g, d, "F", 12, 0, "count", "各经销商月度新车目标（台）")
    m = book.sheet(MONEY)
    _months(m, g, d, "G", 13, 2, "money", "各经销商月度售后产值目标（元）")
    book.name_cells(CELL_NAMES)


def _group(g):
    g.header("集团年度目标分解", "N")
    g.label("A2", "集团：")
    g.note("G2", "月份填计划年度的任一月份，如 2026-01")
    g.merge("A5:C5")
    g.label("A5", "集团年度新车目标（台）")
    g.input("D5", "count")
    g.merge("A6:C6")
    g.label("A6", "集团年度售后产值目标（元）")
    g.input("D6", "money")
    for r, name, text in ((5, RATES[0], "订单交车率目标"), (6, RATES[1], "报价订单率目标"),
                          (7, RATES[2], "进店线索报价率目标")):
        g.merge("F%d:H%d" % (r, r))
        g.label("F%d" % r, text + "（集团统一）")
        g.input("I%d" % r, "rate")
    g.heading("A9", "月份")
    for j, col in enumerate(SEASON_COLS):
        g.heading("%s9" % col, "%d月" % (j + 1))
    g.heading("N9", "合计")
    g.label("A10", "去年集团交车数（季节性）")
    g.label("A11", "去年集团售后产值（季节性）")
    g.label("A12", "集团月度新车目标")
    g.label("A13", "集团月度售后产值目标")
    for j, col in enumerate(SEASON_COLS):
        g.input("%s10" % col, "count")
        g.input("%s11" % col, "money")
        g.cell("%s11" % col).NumberFormat = g.book.format_key("#,##0")
        g.formula("%s12" % col, '=IF(AND(ISNUMBER($D$5);COUNT($B$10:$M$10)>0);TARGET_SPLIT($D$5;$B$10:$M$10;0;%d);"")'
                  % (j + 1), "count")
        g.formula("%s13" % col, '=IF(AND(ISNUMBER($D$6);COUNT($B$11:$M$11)>0);TARGET_SPLIT($D$6;$B$11:$M$11;2;%d);"")'
                  % (j + 1), "money")
    for r, kind in ((10, "count"), (11, "#,##0"), (12, "count"), (13, "money")):
        g.formula("N%d" % r, '=IF(COUNT(B{r}:M{r})=0;"";SUM(B{r}:M{r}))'.format(r=r), kind)
    g.note("A15", "集团月度目标 = 全年目标按去年集团各月占比分解（TARGET_SPLIT，新车取整台，售后产值到分），各月之和等于全年目标。")
    g.note("A16", "各经销商的全年与各月目标见“经销商年度”“新车月度”“售后产值月度”；每行之和等于经销商全年，每列之和等于集团当月。")
    g.note("A17", "下发某月：dealerkpi-group distribute --template strategy_table --dealers 本文件.ods --month 2026-11 --out 文件夹")
    g.widths(A=4.6, N=3.2, **{c: 2.9 for c in SEASON_COLS})
    g.s.Rows.getByIndex(9).Height = 900
    g.freeze(1, 9)
    # the chart: the group's months
    g.chart("集团月度目标", "A19:N38", "column",
            [("A12", "B12:M12", {"labels": True}), ("A10", "B10:M10", {"kind": "line"})], "B9:M9",
            title="集团各月新车目标与去年", y_min=0)
    g.print_area("A1:N38")
    g.fit_one_page()


def _dealers(d, g):
    d.header("各经销商全年目标", "M", linked_to=g)
    d.label("A2", "集团：")
    heads = ("经销商代码", "经销商", "去年交车数", "去年售后产值（元）", "手填份额（可空）", "全年新车目标",
             "全年售后产值目标（元）", "订单交车率目标", "报价订单率目标", "进店线索报价率目标",
             "订单交车率目标（采用）", "报价订单率目标（采用）", "进店线索报价率目标（采用）")
    for col, text in zip("ABCDEFGHIJKLM", heads):
        d.heading("%s8" % col, text)
    d.merge("A5:M5")
    d.heading("A5", "经销商全年目标：按去年交车数、售后产值占比分解集团全年目标（填写任一手填份额后按手填份额）；比率目标留空则采用集团统一目标")
    d.label("A6", "合计")
    for col, kind in (("C", "count"), ("D", "money"), ("E", "rate"), ("F", "count"), ("G", "money")):
        d.formula("%s6" % col, '=IF(COUNT({c}{a}:{c}{b})=0;"";SUM({c}{a}:{c}{b}))'.format(c=col, a=FIRST, b=LAST), kind)
    d.label("A7", "核对")
    for col, src in (("F", "D5"), ("G", "D6")):
        d.formula("%s7" % col, '=IF(AND(ISNUMBER({c}6);ISNUMBER($\'{g}\'.{s}));IF(ROUND({c}6-$\'{g}\'.{s};2)=0;'
                  '"等于集团目标";"不等于集团目标");"")'.format(c=col, g=GROUP, s=src), "general")
        d.highlight("%s7" % col, '%s7="不等于集团目标"' % col)
    # inputs, one call per column (500 rows)
    d.input("A%d:A%d" % (FIRST, LAST), "text", help="输入经销商代码，如 D001。")
    d.cell("A%d:A%d" % (FIRST, LAST)).NumberFormat = d.book.format_key("text")
    d.input("B%d:B%d" % (FIRST, LAST), "text", help="输入经销商名称。")
    d.input("C%d:C%d" % (FIRST, LAST), "count")
    d.input("D%d:D%d" % (FIRST, LAST), "money")
    d.input("E%d:E%d" % (FIRST, LAST), "rate", help="可空。填写任一经销商的份额后，全年目标按手填份额分解。" + kit.RATE_HELP)
    for col in "HIJ":
        d.input("%s%d:%s%d" % (col, FIRST, col, LAST), "rate")
    g_ref = "$'%s'." % GROUP
    weights = dict(F="$O$%d:$O$%d" % (FIRST, LAST), G="$P$%d:$P$%d" % (FIRST, LAST))
    d.heading("O8", "权重_新车")
    d.heading("P8", "权重_售后产值")
    d.formula("O%d" % FIRST, '=IF(OR(A{r}="";B{r}="");0;IF(COUNT($E${a}:$E${b})>0;N(E{r});N(C{r})))'
              .format(r=FIRST, a=FIRST, b=LAST), "general")
    d.formula("P%d" % FIRST, '=IF(OR(A{r}="";B{r}="");0;IF(COUNT($E${a}:$E${b})>0;N(E{r});N(D{r})))'
              .format(r=FIRST, a=FIRST, b=LAST), "general")
    d.formula("F%d" % FIRST, '=IF(OR(A{r}="";B{r}="");"";IF(AND(ISNUMBER({g}$D$5);SUM({w})>0);'
              'TARGET_SPLIT({g}$D$5;{w};0;ROW()-{o});""))'.format(r=FIRST, g=g_ref, w=weights["F"], o=FIRST - 1),
              "count")
    d.formula("G%d" % FIRST, '=IF(OR(A{r}="";B{r}="");"";IF(AND(ISNUMBER({g}$D$6);SUM({w})>0);'
              'TARGET_SPLIT({g}$D$6;{w};2;ROW()-{o});""))'.format(r=FIRST, g=g_ref, w=weights["G"], o=FIRST - 1),
              "money")
    for col, src, grp in (("K", "H", "$I$5"), ("L", "I", "$I$6"), ("M", "J", "$I$7")):
        d.formula("%s%d" % (col, FIRST), '=IF(OR(A{r}="";B{r}="");"";IF(ISNUMBER({s}{r});{s}{r};'
                  'IF(ISNUMBER({g}{grp});{g}{grp};"")))'.format(r=FIRST, s=src, g=g_ref, grp=grp), "rate")
    # the first row's formulas copied down (relative references follow)
    _fill_down(d, "F", "G")
    _fill_down(d, "K", "M")
    _fill_down(d, "O", "P")
    d.widths(A=2.6, B=4.0, C=2.4, D=3.2, E=2.4, F=2.6, G=3.4, H=2.2, I=2.2, J=2.4, K=2.4, L=2.4, M=2.6,
             N=0.6, O=2.2, P=2.4)
    d.s.Rows.getByIndex(7).Height = 1300
    d.s.Rows.getByIndex(4).Height = 900
    d.freeze(2, 8)
    d.print_area("A1:M%d" % LAST)


def _fill_down(sh, first_col, last_col):
    """The formulas of row FIRST in first_col..last_col copied down to LAST."""
    rng = sh.cell("%s%d:%s%d" % (first_col, FIRST, last_col, LAST))
    rng.CellStyle = sh.cell("%s%d" % (first_col, FIRST)).CellStyle
    from com.sun.star.sheet.FillDirection import TO_BOTTOM
    rng.fillAuto(TO_BOTTOM, 1)
    # the copies are laid out as the first row's cells (the contract check reads this)
    a = rng.RangeAddress
    laid = sh.book.laid_out
    for s, c1, r1, c2, r2, role, kind in list(laid):
        if s == sh.s.Name and r1 == r2 == FIRST - 1 and a.StartColumn <= c1 and c2 <= a.EndColumn:
            laid.append((s, c1, FIRST, c2, LAST - 1, role, kind))


def _months(sh, g, d, year_col, group_row, decimals, kind, title):
    sh.header(title, "Q", linked_to=g)
    sh.label("A2", "集团：")
    for col, text in zip("ABC", ("经销商代码", "经销商", "全年目标")):
        sh.heading("%s5" % col, text)
    for j, col in enumerate(MONTH_COLS):
        sh.heading("%s5" % col, "%d月" % (j + 1))
    sh.heading("P5", "行合计")
    sh.heading("Q5", "行差额")
    _month_checks(sh, group_row, decimals, kind)
    _month_first_dealer(sh, year_col, decimals, kind)
    _fill_down(sh, "A", "Q")
    rem = sh.cell("%s%d:%s%d" % (REM_COLS[0], FIRST + 1, REM_COLS[-1], LAST))
    from com.sun.star.sheet.FillDirection import TO_BOTTOM
    rem.fillAuto(TO_BOTTOM, 1)
    sh.heading("%s5" % REM_COLS[0], "以下为计算用：各月剩余目标")
    sh.widths(A=2.4, B=3.6, C=2.6, P=2.6, Q=2.6, R=0.6, S=0.6)
    for col in MONTH_COLS:
        sh.s.Columns.getByName(col).Width = 2200 if decimals == 0 else 2900
    sh.freeze(3, 8)
    sh.print_area("A1:Q%d" % LAST)


def _month_checks(sh, group_row, decimals, kind):
    """Rows 6-8: the group's months, the dealers' sums and the differences, and the overall check (Q6)."""
    gref = "$'%s'." % GROUP
    sh.merged_label("A6:B6", "集团月度目标")
    sh.merged_label("A7:B7", "各经销商合计")
    sh.merged_label("A8:B8", "列差额")
    sh.formula("C6", '=IF(ISNUMBER({g}$N${r});{g}$N${r};"")'.format(g=gref, r=group_row), kind)
    sh.formula("C7", '=IF(COUNT(C{a}:C{b})=0;"";SUM(C{a}:C{b}))'.format(a=FIRST, b=LAST), kind)
    for j, col in enumerate(MONTH_COLS):
        src = SEASON_COLS[j]
        sh.formula("%s6" % col, '=IF(ISNUMBER({g}${s}${r});{g}${s}${r};"")'.format(g=gref, s=src, r=group_row), kind)
        sh.formula("%s7" % col, '=IF(COUNT({c}{a}:{c}{b})=0;"";SUM({c}{a}:{c}{b}))'.format(c=col, a=FIRST, b=LAST),
                   kind)
    for col in ["C"] + MONTH_COLS + ["P"]:
        if col != "P":
            sh.formula("%s8" % col, '=IF(AND(ISNUMBER({c}6);ISNUMBER({c}7));ROUND({c}7-{c}6;{d});"")'
                       .format(c=col, d=decimals), kind)
    sh.formula("P6", '=IF(COUNT(D6:O6)=0;"";SUM(D6:O6))', kind)
    sh.formula("P7", '=IF(COUNT(D7:O7)=0;"";SUM(D7:O7))', kind)
    sh.highlight("C8:O8", "AND(ISNUMBER(C8);C8<>0)")
    # the overall check, in words: no difference other than 0 (a numeric criterion counts numbers
    # only, in every program; SUMPRODUCT over ISNUMBER of a range is one value in HyperFormula)
    sh.formula("Q6", '=IF(COUNT(D7:O7)=0;"";IF(COUNTIF(C8:O8;">0")+COUNTIF(C8:O8;"<0")+COUNTIF(Q{a}:Q{b};">0")'
               '+COUNTIF(Q{a}:Q{b};"<0")=0;"行列全部相符";"有差额"))'.format(a=FIRST, b=LAST), "general")
    sh.highlight("Q6", 'Q6="有差额"')


def _month_first_dealer(sh, year_col, decimals, kind):
    """The first dealer's row (filled down by _fill_down): the year split over the
    months, each month's remainder for the dealers below in the hidden columns."""
    dref = "$'%s'." % DEALERS
    r = FIRST
    first_month, last_month = MONTH_COLS[0], MONTH_COLS[-1]
    sh.formula("A%d" % r, '=IF({d}A{r}="";"";{d}A{r})'.format(d=dref, r=r), "general")
    sh.formula("B%d" % r, '=IF({d}B{r}="";"";{d}B{r})'.format(d=dref, r=r), "general")
    sh.formula("C%d" % r, '=IF(ISNUMBER({d}{y}{r});{d}{y}{r};"")'.format(d=dref, y=year_col, r=r), kind)
    for j, col in enumerate(MONTH_COLS):
        rem = REM_COLS[j]
        sh.formula("%s%d" % (col, r), '=IF(AND(ISNUMBER($C{r});SUM(${a}{r}:${b}{r})>0);'
                   'TARGET_SPLIT($C{r};${a}{r}:${b}{r};{d};{p});"")'
                   .format(r=r, a=REM_COLS[0], b=REM_COLS[-1], d=decimals, p=j + 1), kind)
        # what is left of the group's month for this dealer and those below
        sh.formula("%s%d" % (rem, r), '=N(%s6)' % col, "general")
        sh.formula("%s%d" % (rem, r + 1), '=ROUND({rem}{r}-N({c}{r});{d})'.format(rem=rem, r=r, c=col, d=decimals),
                   "general")
    sh.formula("P%d" % r, '=IF(COUNT({a}{r}:{b}{r})=0;"";SUM({a}{r}:{b}{r}))'.format(a=first_month, b=last_month, r=r),
               kind)
    sh.formula("Q%d" % r, '=IF(AND(ISNUMBER(C{r});ISNUMBER(P{r}));ROUND(P{r}-C{r};{d});"")'
               .format(r=r, d=decimals), kind)
    sh.highlight("Q%d:Q%d" % (FIRST, LAST), "AND(ISNUMBER(Q%d);Q%d<>0)" % (FIRST, FIRST))


# -- named cells (name, sheet, cells): never rename one ---------------------------------------
CELL_NAMES = (
    *kit.on_sheet(GROUP, (
        *kit.header_names(),
        ("集团新车目标", "D5"),
        ("集团售后产值目标", "D6"),
        *(("集团" + name, "I%d" % (5 + k)) for k, name in enumerate(RATES)),
        ("集团月度新车目标", "B12:M12"),
        ("集团月度售后产值目标", "B13:M13"),
    )),
    *kit.on_sheet(DEALERS, kit.columns((
        ("经销商代码_表", "A"),
        ("经销商_表", "B"),
        ("全年新车目标_表", "F"),
        ("全年售后产值目标_表", "G"),
        *((name + "_表", col) for name, col in zip(RATES, "KLM")),
    ), FIRST, LAST)),
    *kit.on_sheet(CARS, kit.columns((("交车数_目标_月度", "D:O"),), FIRST, LAST)),
    *kit.on_sheet(MONEY, kit.columns((("售后产值目标_月度", "D:O"),), FIRST, LAST)),
)

SEASON_CARS = (70, 60, 80, 85, 85, 80, 80, 85, 90, 90, 90, 105)
SEASON_MONEY = (1500000, 1450000, 1650000, 1600000, 1650000, 1700000, 1700000, 1750000, 1700000, 1750000,
                1800000, 1750000)

EXAMPLE = {
    GROUP: dict({"B2": "示例集团", "E2": kit.date_value(2026, 1), "D5": 1100, "D6": 22000000,
                 "I5": 0.8, "I6": 0.33, "I7": 0.3},
                **{"%s10" % c: v for c, v in zip(SEASON_COLS, SEASON_CARS)},
                **{"%s11" % c: v for c, v in zip(SEASON_COLS, SEASON_MONEY)}),
    DEALERS: {
        "A9": "D001", "B9": "示例经销商甲", "C9": 600, "D9": 12000000,
        "A10": "D002", "B10": "示例经销商乙", "C10": 300, "D10": 6000000,
        "A11": "D003", "B11": "示例经销商丙", "C11": 100, "D11": 2000000,
    },
}

HIGHLIGHTS = (
    (DEALERS, "F9", "甲 全年新车目标"),
    (CARS, "Q6", "行列核对"),
)
