"""年度目标体系: a dealer's year, from the financial goal to each month (seed 004 §1.1).

Sheet 年度目标:
- 销售数量 from the market: 行业容量 = 去年上牌量 x (1 + 增长率), 品牌份额 and
  经销商份额 each last year's x (1 + 增长率); 销售数量 = 行业容量 x 品牌份额 x
  经销商份额 as whole cars. A typed 新车目标 overrides it; both show.
- the sales funnel behind it: 集客量 = FUNNEL_TARGET(新车; {留档成交率; 留档率});
  销售部毛利 = 新车 x 单车毛利 (万元).
- after-sales: 进厂台次 = (保有 + 新增 - 流失) x 年回场频次, or typed;
  维修业务收入 = 进厂台次 x 平均单车产值; 售后部毛利 typed (万元) or from a
  gross margin; 公司毛利 = the two departments'.
- the seed's target table (公司目标 / 销售部目标 / 售后部目标): the figures above
  and the customer, process and people targets, typed (text where the seed has
  text, e.g. 区域Top30%).

Sheet 月度分解: last year's twelve months of 交车数 and 进厂台次 split the year's
新车, 进厂台次 and 维修业务收入 (to the cent) with TARGET_SPLIT, adding up
exactly; named cells 交车数_目标_01..12 and 售后产值目标_01..12 are what a
month's strategy and workshop tables take.
"""
import kit

FILE = "annual_targets.ots"
TITLE = "年度目标体系"
SHEET = "年度目标"
MONTHS = "月度分解"

# Shown as the seed's target table shows them: the unit after the number.
CARS = '#,##0"台"'
PEOPLE = '#,##0"人"'
WAN = '#,##0"万"'
WAN2 = '#,##0.00"万"'
VISITS = '#,##0"次"'
YUAN = '#,##0"元"'
GROWTH = "0.0%"

M1 = 7        # first month row of 月度分解; 合计 at M1 + 12


def _growth(sh, name):
    """A growth rate: a fraction, may be negative (a shrinking market)."""
    from com.sun.star.sheet.ValidationType import DECIMAL
    from com.sun.star.sheet.ConditionOperator import BETWEEN
    rng = sh.input(name, "rate")
    rng.NumberFormat = sh.book.format_key(GROWTH)
    sh.validate(name, DECIMAL, BETWEEN, "-1", "10",
                "增长率请输入 -100% 到 1000% 之间的数：如 10%（或 0.1），下降填负数如 -5%。",
                "输入增长率，如 10%（或 0.1）；下降填负数，如 -5%。")
    return rng


def _unit(sh, name, formula, kind, fmt):
    """A computed cell of value kind `kind` shown as the seed shows it (the unit after the number)."""
    rng = sh.formula(name, formula, kind)
    rng.NumberFormat = sh.book.format_key(fmt)
    return rng


def _typed_or(typed, computed):
    return 'IF(ISNUMBER({t});{t};{c})'.format(t=typed, c=computed)


def build(book):
    sh = book.sheet(SHEET)
    sh.header("年度目标体系（财务目标转化为部门业务目标）", "F")
    sh.note("G2", "月份填计划年度的任一月份，如 2026-01")
    _sales_volume(sh)
    _sales_department(sh)
    _after_sales(sh)
    _target_table(sh)
    sh.widths(A=4.6, B=3.0, C=3.4, D=3.4, E=3.0, F=9.5)
    sh.freeze(1, 3)
    sh.fit_one_page()

    mo = book.sheet(MONTHS)
    _months(mo, sh)
    book.name_cells(CELL_NAMES)


def _sales_volume(sh):
    """一、销售数量: the market, the brand's and the dealer's share, the new-car target."""
    sh.merge("A5:F5")
    sh.heading("A5", "一、销售数量（基于当地市场）")
    for col, text in zip("ABCDEF", ("项目", "去年", "增长率", "明年", "", "说明")):
        if text:
            sh.heading("%s6" % col, text)
    sh.heading("E6", "")
    sh.label("A7", "行业容量（上牌量）")
    sh.input("B7", "count")
    _growth(sh, "C7")
    sh.formula("D7", '=IF(AND(ISNUMBER(B7);ISNUMBER(C7));B7*(1+C7);"")', "count")
    sh.label("A8", "品牌份额")
    sh.input("B8", "rate")
    _growth(sh, "C8")
    sh.formula("D8", '=IF(AND(ISNUMBER(B8);ISNUMBER(C8));B8*(1+C8);"")', "rate1")
    sh.label("A9", "经销商份额（同品牌）")
    sh.input("B9", "rate")
    _growth(sh, "C9")
    sh.formula("D9", '=IF(AND(ISNUMBER(B9);ISNUMBER(C9));B9*(1+C9);"")', "rate1")
    sh.label("A10", "销售数量（计算）")
    _unit(sh, "D10", '=IF(COUNT(D7:D9)=3;ROUND(D7*D8*D9;0);"")', "count", CARS)
    sh.label("A11", "新车目标（手填可覆盖）")
    sh.input("B11", "count", help="留空则采用计算的销售数量；填写则以此为新车目标。")
    sh.label("C11", "采用")
    _unit(sh, "D11", '=%s' % _typed_or("B11", 'IF(ISNUMBER(D10);D10;"")'), "count", CARS)
    for r, text in ((7, "行业容量 = 去年上牌量 ×（1 + 增长率）"), (8, "品牌份额 = 本品牌去年市场份额 ×（1 + 增长率）"),
                    (9, "经销商份额 = 经销商去年同品牌份额 ×（1 + 增长率）"),
                    (10, "销售数量 = 行业容量 × 品牌份额 × 经销商份额（整数台）"),
                    (11, "手填新车目标时以手填为准，计算值仍显示在上一行")):
        sh.label("F%d" % r, text)


def _sales_department(sh):
    """二、销售部: the funnel behind the new cars, and the department's gross profit."""
    sh.merge("A13:F13")
    sh.heading("A13", "二、销售部：集客漏斗与毛利")
    sh.input_rows(((14, "留档成交率", "rate"), (15, "留档率", "rate"),
                   (16, "单车毛利（万元）", "number", "输入每台车的毛利，单位万元，如 1.92。")))
    sh.label("C14", "留档量")
    _unit(sh, "D14", '=IF(AND(ISNUMBER(D11);N(B14)>0);FUNNEL_TARGET(D11;B14);"")', "count", PEOPLE)
    sh.label("C15", "集客量")
    _unit(sh, "D15", '=IF(AND(ISNUMBER(D11);N(B14)>0;N(B15)>0);INDEX(FUNNEL_TARGET(D11;B14:B15);2);"")',
               "count", PEOPLE)
    sh.label("C16", "销售部毛利")
    _unit(sh, "D16", '=IF(AND(ISNUMBER(D11);ISNUMBER(B16));D11*B16;"")', "number", WAN)
    sh.label("F14", "留档量 = 新车 ÷ 留档成交率")
    sh.label("F15", "集客量 = 新车 ÷ 留档成交率 ÷ 留档率（FUNNEL_TARGET）")
    sh.label("F16", "销售部毛利 = 新车 × 单车毛利")


def _after_sales(sh):
    """三、售后部: workshop visits, repair revenue, the department's and the company's gross profit."""
    sh.merge("A18:F18")
    sh.heading("A18", "三、售后部：进厂台次与维修业务收入")
    sh.input_rows((
        (19, "保有客户", "count"), (20, "新增客户", "count"), (21, "流失客户", "count"),
        (22, "年回场频次（次/年）", "number", "输入每位客户每年回厂次数，如 1.5。"),
        (23, "进厂台次（手填可覆盖）", "count", "留空则按客户数 × 回场频次计算；填写则以此为准。"),
        (24, "平均单车产值（元）", "money"), (25, "售后毛利率", "rate"),
        (26, "售后部毛利（手填，万元）", "number", "留空则按维修业务收入 × 售后毛利率计算；填写（万元）则以此为准。")))
    sh.label("C22", "进厂台次（计算）")
    _unit(sh, "D22", '=IF(COUNT(B19:B22)=4;ROUND((B19+B20-B21)*B22;0);"")', "count", VISITS)
    sh.label("C23", "进厂台次（采用）")
    _unit(sh, "D23", '=%s' % _typed_or("B23", 'IF(ISNUMBER(D22);D22;"")'), "count", VISITS)
    sh.label("C24", "维修业务收入")
    _unit(sh, "D24", '=IF(AND(ISNUMBER(D23);ISNUMBER(B24));D23*B24;"")', "money", YUAN)
    sh.label("C25", "售后部毛利")
    _unit(sh, "D25", '=%s' % _typed_or("B26", 'IF(AND(ISNUMBER(D24);ISNUMBER(B25));D24*B25/10000;"")'), "number", WAN)
    sh.label("C26", "公司毛利")
    _unit(sh, "D26", '=IF(AND(ISNUMBER(D16);ISNUMBER(D25));D16+D25;"")', "number", WAN)
    sh.label("F22", "进厂台次 =（保有 + 新增 − 流失）× 年回场频次")
    sh.label("F24", "维修业务收入 = 进厂台次 × 平均单车产值")
    sh.label("F25", "售后部毛利 = 维修业务收入 × 毛利率（或手填）")
    sh.label("F26", "公司毛利 = 销售部毛利 + 售后部毛利")


T1 = 29   # the target table's heading row; its rows start at T1 + 2


def _target_table(sh):
    """The seed's table: 指标 | 公司目标 | 销售部目标 | 售后部目标."""
    sh.merge("A%d:F%d" % (T1, T1))
    sh.heading("A%d" % T1, "四、年度目标体系的关键绩效指标")
    for col, text in zip("ABCDE", ("类别", "指标", "公司目标", "销售部目标", "售后部目标")):
        sh.heading("%s%d" % (col, T1 + 1), text)
    r = T1 + 2
    # computed rows: (category, label, company, sales, service, format)
    for cat, text, comp, sales, serv, fmt in (
            ("财务指标", "毛利", "D26", "D16", "D25", WAN),
            ("财务指标", "新车", "D11", "D11", None, CARS),
            ("财务指标", "进厂台次", "D23", None, "D23", VISITS),
            ("财务指标", "维修业务收入", "D24", None, "D24", YUAN),
            ("客户指标", "人均毛利（单车）", None, "B16", None, WAN2),
            ("客户指标", "留档成交率", None, "B14", None, "0%"),
            ("客户指标", "留档率", None, "B15", None, "0%"),
            ("客户指标", "集客量", None, "D15", None, PEOPLE),
            ("客户指标", "平均单车产值", None, None, "B24", YUAN)):
        sh.label("A%d" % r, cat)
        sh.label("B%d" % r, text)
        for col, src in zip("CDE", (comp, sales, serv)):
            if src:
                _unit(sh, "%s%d" % (col, r), '=IF(ISNUMBER({0});{0};"")'.format(src), "number", fmt)
            else:
                sh.label("%s%d" % (col, r), "")
        r += 1
    # typed rows: the customer, process and people targets (text allowed)
    for cat, text in (("客户指标", "备件周转率"), ("客户指标", "一次修复率"), ("客户指标", "估价准确率"),
                      ("客户指标", "预约率"), ("流程指标", "神秘采购 / 神秘访客"), ("流程指标", "客户满意度"),
                      ("流程指标", "审计"), ("人员指标", "人员配置符合率"), ("人员指标", "员工流失率"),
                      ("人员指标", "人员认证率")):
        sh.label("A%d" % r, cat)
        sh.label("B%d" % r, text)
        rng = sh.input("C%d:E%d" % (r, r), "general",
                       help="输入比率如 95%（或 0.95），或文字如 区域Top30%。")
        rng.NumberFormat = sh.book.format_key("rate")
        r += 1
    sh.note("A%d" % (r + 1), "上方计算区的结果自动带入本表；客户、流程、人员指标直接填写（可填比率或文字）。")
    sh.print_area("A1:F%d" % (r + 1))


def _months(mo, main):
    mo.header("年度目标月度分解", "J", linked_to=main)
    y = "$'%s'." % SHEET
    mo.label("A5", "年度新车目标")
    mo.formula("B5", '=IF(ISNUMBER({y}D11);{y}D11;"")'.format(y=y), "count")
    mo.label("C5", "年度进厂台次")
    mo.formula("D5", '=IF(ISNUMBER({y}D23);{y}D23;"")'.format(y=y), "count")
    mo.label("E5", "年度维修业务收入")
    mo.formula("F5", '=IF(ISNUMBER({y}D24);{y}D24;"")'.format(y=y), "money")
    for col, text in zip("ABCDEFG", ("月份", "去年交车数", "去年进厂台次", "交车数目标", "进厂台次目标",
                                      "售后产值目标（元）", "交车数较去年")):
        mo.heading("%s6" % col, text)
    last = M1 + 11
    cars, visits = "$B$%d:$B$%d" % (M1, last), "$C$%d:$C$%d" % (M1, last)
    for i in range(12):
        r = M1 + i
        mo.label("A%d" % r, "%d月" % (i + 1), center=True)
        mo.input("B%d" % r, "count")
        mo.input("C%d" % r, "count")
        mo.formula("D%d" % r, '=IF(AND(ISNUMBER($B$5);COUNT({w})>0);TARGET_SPLIT($B$5;{w};0;{p});"")'
                   .format(w=cars, p=i + 1), "count")
        mo.formula("E%d" % r, '=IF(AND(ISNUMBER($D$5);COUNT({w})>0);TARGET_SPLIT($D$5;{w};0;{p});"")'
                   .format(w=visits, p=i + 1), "count")
        mo.formula("F%d" % r, '=IF(AND(ISNUMBER($F$5);COUNT({w})>0);TARGET_SPLIT($F$5;{w};2;{p});"")'
                   .format(w=visits, p=i + 1), "money")
        mo.formula("G%d" % r, '=IF(AND(ISNUMBER(D{r});N(B{r})>0);D{r}/B{r}-1;"")'.format(r=r), "rate")
    t = M1 + 12
    mo.label("A%d" % t, "合计", center=True)
    for col, kind in zip("BCDEF", ("count", "count", "count", "count", "money")):
        mo.formula("%s%d" % (col, t), '=IF(COUNT({c}{a}:{c}{b})=0;"";SUM({c}{a}:{c}{b}))'
                   .format(c=col, a=M1, b=last), kind)
    mo.label("A%d" % (t + 1), "核对", center=True)
    for col, year in (("D", "$B$5"), ("E", "$D$5"), ("F", "$F$5")):
        mo.formula("%s%d" % (col, t + 1), '=IF(AND(ISNUMBER({c}{t});ISNUMBER({y}));IF(ROUND({c}{t}-{y};2)=0;'
                   '"等于年度目标";"不等于年度目标");"")'.format(c=col, t=t, y=year), "general")
        mo.highlight("%s%d" % (col, t + 1), '%s%d="不等于年度目标"' % (col, t + 1))
    mo.note("A%d" % (t + 3), "按去年各月交车数、进厂台次的占比分解全年目标（TARGET_SPLIT），各月之和与全年目标完全相等；"
            "售后产值目标按进厂台次占比分解到分。")
    mo.note("A%d" % (t + 4), "月度策略表的交车数目标可引用 交车数_目标_01…12，车间表的售后产值目标可引用 售后产值目标_01…12。")
    mo.widths(A=2.6, B=2.8, C=2.8, D=2.8, E=2.8, F=3.6, G=2.6)
    mo.s.Rows.getByIndex(5).Height = 1100
    mo.freeze(1, 6)
    # the chart: the months' 交车数 targets against last year
    for col, text in zip("LMN", ("图表数据", "去年交车数", "交车数目标")):
        mo.heading("%s6" % col, text)
    for i in range(12):
        r = M1 + i
        mo.formula("L%d" % r, '="%d月"' % (i + 1), "general")
        mo.chart_cell("M%d" % r, "B%d" % r)
        mo.chart_cell("N%d" % r, "D%d" % r)
    span = "{c}%d:{c}%d" % (M1, last)
    mo.chart("月度交车目标", "A%d:J%d" % (t + 6, t + 24), "column",
             [("M6", span.format(c="M")), ("N6", span.format(c="N"), {"labels": True})],
             span.format(c="L"), title="各月交车数：目标与去年", y_min=0)
    mo.widths(K=0.6, L=2.0, M=2.4, N=2.4)
    mo.print_area("A1:J%d" % (t + 24))
    mo.fit_one_page()


CELL_NAMES = (
    *kit.on_sheet(SHEET, (
        *kit.header_names(),
        ("去年上牌量", "B7"),
        ("行业容量", "D7"),
        ("品牌份额", "D8"),
        ("经销商份额", "D9"),
        ("销售数量_计算", "D10"),
        ("新车目标", "D11"),
        ("留档成交率_目标", "B14"),
        ("留档率_目标", "B15"),
        ("单车毛利", "B16"),
        ("集客量_目标", "D15"),
        ("销售部毛利", "D16"),
        ("进厂台次_目标", "D23"),
        ("平均单车产值", "B24"),
        ("维修业务收入_目标", "D24"),
        ("售后部毛利", "D25"),
        ("公司毛利", "D26"),
    )),
) + tuple(("交车数_目标_%02d" % (i + 1), MONTHS, "D%d" % (M1 + i)) for i in range(12)) \
  + tuple(("售后产值目标_%02d" % (i + 1), MONTHS, "F%d" % (M1 + i)) for i in range(12)) \
  + (("去年交车数_月", MONTHS, "B%d:B%d" % (M1, M1 + 11)), ("去年进厂台次_月", MONTHS, "C%d:C%d" % (M1, M1 + 11)))

# Last year's months (the seed gives the year only): 1,170 cars, 3,700 visits.
LAST_CARS = (80, 70, 90, 100, 100, 90, 90, 100, 110, 110, 110, 120)
LAST_VISITS = (250, 240, 300, 290, 300, 310, 320, 330, 320, 330, 340, 370)

EXAMPLE = {
    SHEET: dict({
        "B2": "示例经销商",
        "E2": kit.date_value(2026, 1),
        # 117,000 x 1.1 = 128,700 cars registered; 8% x 1.25 = 10%; 8% x 1.25 = 10% -> 1,287
        "B7": 117000, "C7": 0.1, "B8": 0.08, "C8": 0.25, "B9": 0.08, "C9": 0.25,
        "B14": 0.35, "B15": 0.9, "B16": 1.92,
        "B23": 3802, "B24": 3500, "B25": 0.35,
    }, **{"%s%d" % (c, r): v for r, cols, v in (
        # the seed's 售后部目标 column only
        (40, "E", 0.45), (41, "E", 0.95), (42, "E", 0.9),
        # 公司目标 and the department's, as the seed's two tables show them
        (44, "CDE", "区域Top30%"), (45, "CDE", "区域Top30%"), (46, "CDE", "区域Top30%"),
        (47, "CDE", 1), (48, "CDE", 0.15), (49, "CDE", 0.8))
        for c in cols}),
    MONTHS: dict([("B%d" % (M1 + i), v) for i, v in enumerate(LAST_CARS)]
                 + [("C%d" % (M1 + i), v) for i, v in enumerate(LAST_VISITS)]),
}

HIGHLIGHTS = (
    (SHEET, "D11", "新车目标"),
    (SHEET, "D15", "集客量"),
    (SHEET, "D26", "公司毛利"),
    (MONTHS, "D7", "1月交车数目标"),
)
