"""跨部门合作行动计划: the seed's 跨部门合作的行动计划模版 (004).

Four objectives (潜在客户赢取, 休眠客户激活, 老客户推荐, 老客户再购) and two
spare ones, each with two KPI lines: the list (名单) and the visits it turns
into (进店). Per objective the dealer enters both current figures, the target
conversion rate for the next stage and the next-stage list target; the sheet
computes the current conversion rate (FUNNEL_RATE) and the next-stage visit
target = list target x target rate (the current list when no list target is
set). Each line has its problem, action, start and end dates (the end may not
come before the start) and an owner.
"""
import kit

FILE = "action_plan.ots"
TITLE = "跨部门合作行动计划"
SHEET = "行动计划"

OBJECTIVES = (
    ("潜在客户赢取", "潜在客户名单数", "潜在客户邀约进店批次"),
    ("休眠客户激活", "休眠意向客户数量", "休眠客户意向进店批次"),
    ("老客户推荐", "老客户推荐名单数", "老客户推荐进店数"),
    ("老客户再购", "老客户再购意向数量", "老客户再购进店批次"),
)
SPARE = 2
FIRST = 6  # first row of the first objective; each objective takes two rows


def build(book):
    sh = book.sheet(SHEET)
    sh.header("跨部门合作行动计划", "K")
    for col, text in zip("ABCDEFGHIJK", (
            "目标分解", "KPI", "当前表现", "当前转化率", "下阶段转化率目标", "下阶段流程业绩目标",
            "问题描述", "提升行动方案", "启动时间", "结束时间", "负责人")):
        sh.heading("%s5" % col, text)

    rows = OBJECTIVES + (None,) * SPARE
    last = FIRST + 2 * len(rows) - 1
    for i, objective in enumerate(rows):
        a = FIRST + 2 * i   # list line
        b = a + 1           # visit line
        sh.merge("A%d:A%d" % (a, b))
        if objective:
            sh.label("A%d" % a, objective[0])
            sh.label("B%d" % a, objective[1])
            sh.label("B%d" % b, objective[2])
        else:
            sh.input("A%d" % a, "text")
            sh.input("B%d" % a, "text")
            sh.input("B%d" % b, "text")
        sh.input("C%d" % a, "count")
        sh.input("C%d" % b, "count")
        sh.merge("D%d:D%d" % (a, b))
        sh.formula("D%d" % a, '=IF(AND(ISNUMBER(C{b});N(C{a})>0);FUNNEL_RATE(C{b};C{a});"")'.format(a=a, b=b),
                   "rate")
        sh.merge("E%d:E%d" % (a, b))
        sh.input("E%d" % a, "rate")
        sh.input("F%d" % a, "count")
        sh.formula("F%d" % b, '=IF(NOT(ISNUMBER(E{a}));"";IF(ISNUMBER(F{a});F{a}*{r};'
                              'IF(ISNUMBER(C{a});C{a}*{r};"")))'.format(a=a, r="E%d" % a), "count")

    for col in "GHK":
        sh.input("%s%d:%s%d" % (col, FIRST, col, last), "text")
    dates = "I%d:I%d" % (FIRST, last), "J%d:J%d" % (FIRST, last)
    sh.input(dates[0], "date")
    sh.input(dates[1], "date")
    start, end = "I%d" % FIRST, "J%d" % FIRST
    sh.validate_formula(dates[0], "AND(ISNUMBER({s});{s}>=1;OR(NOT(ISNUMBER({e}));{s}<={e}))".format(s=start, e=end),
                        "请输入有效日期（如 2026-11-01），启动时间不能晚于结束时间。")
    sh.validate_formula(dates[1], "AND(ISNUMBER({e});{e}>=1;OR(NOT(ISNUMBER({s}));{e}>={s}))".format(s=start, e=end),
                        "请输入有效日期（如 2026-11-30），结束时间不能早于启动时间。")

    n = last + 2
    sh.note("A%d" % n, "当前转化率 = 第二行当前表现 ÷ 第一行当前表现（如邀约进店批次 ÷ 名单数）。")
    sh.note("A%d" % (n + 1), "第二行的下阶段流程业绩目标 = 第一行的下阶段目标 × 下阶段转化率目标；"
                             "第一行目标空白时按当前表现计算。")
    sh.note("A%d" % (n + 2), "结束时间不能早于启动时间（可为同一天）。")
    sh.widths(A=2.6, B=3.8, C=2.0, D=2.0, E=2.3, F=2.5, G=5.2, H=5.6, I=2.4, J=2.4, K=2.2)
    sh.s.Rows.getByIndex(4).Height = 1200
    sh.freeze(2, 5)
    sh.fit_one_page()
    for name, cells in CELL_NAMES:
        sh.name(name, cells)


# -- named cells (name, cells): never rename one ----------------------------------------------
_LAST = FIRST + 2 * (len(OBJECTIVES) + SPARE) - 1
CELL_NAMES = (
    *kit.header_names(),
    *kit.columns((
        ("当前表现", "C"),
        ("当前转化率", "D"),
        ("下阶段转化率目标", "E"),
        ("下阶段流程业绩目标", "F"),
        ("行动方案", "G:K"),
    ), FIRST, _LAST),
)


EXAMPLE = {
    SHEET: {
        "B2": "示例经销商", "E2": kit.date_value(2026, 11),
        # the seed's figures
        "C6": 523, "C7": 11, "E6": 0.04, "F6": 1300,
        "C8": 92, "C9": 14, "E8": 0.15, "F8": 184,
        "C10": 3, "C11": 3, "E10": 0.3, "F10": 30,
        "C12": 0, "C13": 0, "E12": 0.7, "F12": 20,
        # one worked action line
        "G7": "邀约进店率低，邀约由头不足",
        "H7": "市场部每月提供两个活动由头和统一话术，销售顾问按名单逐一邀约",
        "I7": kit.date_value(2026, 11, 1), "J7": kit.date_value(2026, 11, 30), "K7": "市场经理",
        "G13": "出质保期老客户未盘点",
        "H13": "客户关系专员盘点6-12个月未进厂客户，意向名单交销售经理分配",
        "I13": kit.date_value(2026, 11, 5), "J13": kit.date_value(2026, 12, 20), "K13": "客户关系专员",
    }
}

HIGHLIGHTS = (
    (SHEET, "D6", "潜在客户当前转化率"),
    (SHEET, "F7", "潜在客户下阶段进店目标"),
)
