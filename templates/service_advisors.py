"""售后服务顾问目标: service-advisor staffing and each advisor's year (seed 004 §2.3,
售后部门员工目标分解).

Staffing: the daily check-outs the plan needs (current advisors x planned
check-outs per advisor) over the allowed maximum per advisor gives the advisors
needed (rounded up), the advisors to add, and the check-outs per advisor after
the increase (shown whole as the seed does, with the exact figure beside it).

Targets: the department's annual 营业额, 保险, 精品 and 增项 targets are split
over the advisors by a weight (last year's revenue, or typed) with
TARGET_SPLIT; a typed figure for an advisor stands, and the rest of the
department's target is split over the others, so the advisors add up exactly to
the department. 平均工单产值 and 日均结账台次 are typed per advisor. A team
average row and a check row follow.
"""
import kit

FILE = "service_advisors.ots"
TITLE = "售后服务顾问目标"
SHEET = "服务顾问目标"

FIRST = 17                 # first advisor row
ROWS = 10                  # A-F and four spare rows
LAST = FIRST + ROWS - 1
TOTAL, AVERAGE, CHECK = LAST + 1, LAST + 2, LAST + 3
WHOLE = "#,##0"
SPLITS = (  # (typed column, result column, weight helper column, heading, kind)
    ("C", "G", "N", "年营业额目标（元）", "money"),
    ("D", "H", "O", "年保险销售目标", "count"),
    ("E", "I", "P", "年精品销售目标（元）", "money"),
    ("F", "J", "Q", "年增项销售次数", "count"),
)
# each split's named cells: 部门<name> (the department's, row 13), 顾问<name> (the advisors' used targets)
SPLIT_NAMES = ("年营业额目标", "年保险销售目标", "年精品销售目标", "年增项销售次数")


def build(book):
    sh = book.sheet(SHEET)
    sh.header("售后服务顾问目标（人员配置与目标分解）", "L")
    _staffing(sh)
    _targets(sh)
    sh.widths(A=4.2, B=2.6, C=2.6, D=2.4, E=2.6, F=2.4, G=2.8, H=2.4, I=2.8, J=2.4, K=2.6, L=2.4)
    sh.freeze(1, 16)
    _chart(sh)
    sh.fit_one_page()
    for name, cells in CELL_NAMES:
        sh.name(name, cells)


def _staffing(sh):
    sh.merged_heading("A5:L5", "一、人员配置")
    for r, text, kind, help in (
            (6, "当前服务顾问人数", "count", None),
            (7, "当前服务顾问人均产值（元）", "money", None),
            (8, "当前人均结账台次/天", "number", "输入每位服务顾问每天结账台次，如 5。"),
            (9, "计划人均结账台次/天", "number", "输入计划的每位服务顾问每天结账台次，如 9。"),
            (10, "规定最高人均结账台次/天", "number", "输入每位服务顾问每天最多结账台次，如 8。")):
        sh.merged_label("A%d:B%d" % (r, r), text)
        sh.input("C%d" % r, kind, help=help)
    sh.cell("C8:C10").NumberFormat = sh.book.format_key("general")
    for r, text in ((6, "每日需结账台次"), (7, "增加后服务顾问人数"), (8, "需要增加的服务顾问人数"),
                    (9, "增加后的人均结账台次/天"), (10, "当前每日结账台次")):
        sh.merged_label("E%d:G%d" % (r, r), text)
    sh.formula("H6", '=IF(AND(ISNUMBER(C6);ISNUMBER(C9));C6*C9;"")', "number").NumberFormat = \
        sh.book.format_key("general")
    sh.formula("H7", '=IF(AND(ISNUMBER(H6);N(C10)>0);ROUNDUP(H6/C10;0);"")', "count")
    sh.formula("H8", '=IF(AND(ISNUMBER(H7);ISNUMBER(C6));MAX(0;H7-C6);"")', "count")
    # shown whole as the seed does (8); the exact figure (7.5) beside it
    sh.formula("H9", '=IF(AND(ISNUMBER(H6);N(H7)>0);H6/H7;"")', "number").NumberFormat = sh.book.format_key("0")
    sh.formula("I9", '=IF(ISNUMBER(H9);H9;"")', '"精确值 "0.0#')
    sh.formula("H10", '=IF(AND(ISNUMBER(C6);ISNUMBER(C8));C6*C8;"")', "general")
    sh.note("J6", "= 当前人数 × 计划人均结账台次")
    sh.note("J7", "= 每日需结账台次 ÷ 规定最高，向上取整")
    sh.note("J9", "左格按整数显示，精确值见旁格")


def _targets(sh):
    _department_targets(sh)
    _target_headings(sh)
    for i in range(ROWS):
        _advisor_row(sh, i)
    _target_totals(sh)
    for r in (15, 16):
        sh.s.Rows.getByIndex(r - 1).Height = 1000 if r == 15 else 1300
    sh.note("A%d" % (CHECK + 1), "权重为空的顾问不分配；部门目标减去手填合计后，按权重分解给其余顾问（TARGET_SPLIT），合计与部门目标完全相等。")
    sh.s.Columns.getByName("M").Width = 600
    for col in "NOPQ":
        sh.s.Columns.getByName(col).Width = 2000


def _department_targets(sh):
    """The department's annual targets (row 13) and what is left after the typed ones (row 14)."""
    sh.merged_heading("A12:L12", "二、服务顾问目标分解")
    sh.merged_label("A13:B13", "部门年度目标")
    sh.merged_label("A14:B14", "手填合计后待分解")
    for typed, result, helper, text, kind in SPLITS:
        sh.input("%s13" % typed, kind)
        sh.cell("%s13" % typed).NumberFormat = sh.book.format_key(WHOLE)
        sh.formula("%s14" % typed, '=IF(ISNUMBER({t}13);{t}13-SUM({t}{a}:{t}{b});"")'
                   .format(t=typed, a=FIRST, b=LAST), WHOLE)
        sh.highlight("%s14" % typed, "AND(ISNUMBER({t}14);{t}14<0)".format(t=typed))
    sh.note("G13", "← 部门目标按权重分解给未手填的顾问；手填的顾问以手填为准")


def _target_headings(sh):
    sh.merged_heading("C15:F15", "手填（可空，留空则按权重分解）")
    sh.merged_heading("G15:J15", "目标（采用）")
    sh.merged_heading("K15:L15", "手填")
    for col, text in zip("AB", ("服务顾问", "权重（如去年营业额）")):
        sh.merged_heading("%s15:%s16" % (col, col), text)
    for typed, result, helper, text, kind in SPLITS:
        sh.heading("%s16" % typed, text)
        sh.heading("%s16" % result, text)
    sh.heading("K16", "平均工单产值目标（元）")
    sh.heading("L16", "日均结账台次目标")
    for col, text in zip("NOPQ", ("权重_营业额", "权重_保险", "权重_精品", "权重_增项")):
        sh.heading("%s16" % col, text)


def _advisor_row(sh, i):
    """Advisor i: name, weight, the typed targets and the ones used (typed, else split by weight)."""
    r = FIRST + i
    sh.input("A%d" % r, "text", "服务顾问" + "ABCDEF"[i] if i < 6 else None, help="输入服务顾问姓名。")
    sh.input("B%d" % r, "number", help="输入权重，如去年营业额；只看各人之间的比例。")
    sh.cell("B%d" % r).NumberFormat = sh.book.format_key("general")
    for typed, result, helper, text, kind in SPLITS:
        sh.input("%s%d" % (typed, r), kind)
        sh.cell("%s%d" % (typed, r)).NumberFormat = sh.book.format_key(WHOLE)
        # the advisor's weight when the target is split to him (named, not typed)
        sh.formula("%s%d" % (helper, r), '=IF(AND(A{r}<>"";NOT(ISNUMBER({t}{r})));N(B{r});0)'
                   .format(r=r, t=typed), "general")
        sh.formula("%s%d" % (result, r),
                   '=IF(A{r}="";"";IF(ISNUMBER({t}{r});{t}{r};IF(AND(ISNUMBER({t}$14);N({t}$14)>=0;'
                   'SUM({h}${a}:{h}${b})>0;{h}{r}>0);TARGET_SPLIT({t}$14;{h}${a}:{h}${b};0;{p});"")))'
                   .format(r=r, t=typed, h=helper, a=FIRST, b=LAST, p=i + 1), kind)
        sh.cell("%s%d" % (result, r)).NumberFormat = sh.book.format_key(WHOLE)
    sh.input("K%d" % r, "money")
    sh.input("L%d" % r, "number", help="输入每天结账台次目标，如 8。")
    sh.cell("L%d" % r).NumberFormat = sh.book.format_key("general")


def _target_totals(sh):
    """合计, 团队平均 and 核对 (the advisors against the department's targets)."""
    sh.label("A%d" % TOTAL, "合计")
    sh.label("A%d" % AVERAGE, "团队平均")
    sh.label("A%d" % CHECK, "核对")
    for col in "GHIJKL":
        rng = "%s%d:%s%d" % (col, FIRST, col, LAST)
        if col in "GHIJ":
            sh.formula("%s%d" % (col, TOTAL), '=IF(COUNT({0})=0;"";SUM({0}))'.format(rng), WHOLE)
        sh.formula("%s%d" % (col, AVERAGE), '=IF(COUNT({0})=0;"";AVERAGE({0}))'.format(rng),
                   "general" if col == "L" else WHOLE)
    for typed, result, helper, text, kind in SPLITS:
        sh.formula("%s%d" % (result, CHECK), '=IF(AND(ISNUMBER({t}13);ISNUMBER({r}{tot}));IF(ROUND({r}{tot}-{t}13;2)=0;'
                   '"等于部门目标";"不等于部门目标");"")'.format(t=typed, r=result, tot=TOTAL), "general")
        sh.highlight("%s%d" % (result, CHECK), '%s%d="不等于部门目标"' % (result, CHECK))


CHART_TOP, CHART_BOTTOM = CHECK + 3, CHECK + 20


def _chart(sh):
    """Each advisor's 年营业额目标."""
    sh.heading("S16", "图表数据")
    sh.heading("T16", "年营业额目标")
    for i in range(ROWS):
        r = FIRST + i
        sh.formula("S%d" % r, '=IF(A{r}="";"";A{r})'.format(r=r), "general")
        sh.chart_cell("T%d" % r, "G%d" % r)
    sh.chart("顾问营业额目标", "A%d:H%d" % (CHART_TOP, CHART_BOTTOM), "bar",
             [("T16", "T%d:T%d" % (FIRST, LAST), {"labels": True})], "S%d:S%d" % (FIRST, LAST),
             title="各服务顾问年营业额目标", legend=False, y_min=0)
    sh.widths(R=0.6, S=2.4, T=2.8)
    sh.print_area("A1:L%d" % CHART_BOTTOM)


# -- named cells (name, cells): never rename one ----------------------------------------------
CELL_NAMES = (
    *kit.header_names(),
    ("当前服务顾问人数", "C6"),
    ("计划人均结账台次", "C9"),
    ("规定最高人均结账台次", "C10"),
    # the staffing results, H6:H9
    *((name, "H%d" % r) for r, name in enumerate(("每日需结账台次", "增加后服务顾问人数", "需要增加的服务顾问人数",
                                                    "增加后人均结账台次"), start=6)),
    *(("部门" + name, "%s13" % typed) for name, (typed, *_rest) in zip(SPLIT_NAMES, SPLITS)),
    *kit.columns((("服务顾问", "A"), ("服务顾问权重", "B")), FIRST, LAST),
    *kit.columns((("顾问" + name, result) for name, (_t, result, *_rest) in zip(SPLIT_NAMES, SPLITS)), FIRST, LAST),
)

EXAMPLE = {
    SHEET: dict({
        "B2": "示例经销商", "E2": kit.date_value(2026, 1),
        "C6": 5, "C7": 5786400, "C8": 5, "C9": 9, "C10": 8,
        # the department's year: 营业额 split by weight; 保险 and 精品 with A and B typed
        "C13": 25300000, "D13": 3340, "E13": 680000,
        "D17": 650, "D18": 650, "E17": 130000, "E18": 130000,
    }, **{"B%d" % (FIRST + i): w for i, w in enumerate((500, 500, 510, 510, 510))}),
}

HIGHLIGHTS = (
    (SHEET, "H7", "增加后服务顾问人数"),
    (SHEET, "G17", "服务顾问A 年营业额目标"),
)
