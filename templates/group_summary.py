"""集团汇总: the group's roll-up workbook (templates.md section 7), filled by
the group workflow (group/service, the DealerKPI menu and dealerkpi-group).

The template holds the layout; the service finds its columns by their titles
in the header row (row 4) and writes one row per dealer-month below it, then
the 集团合计 row (counts summed, rates pooled with FUNNEL_RATE and
WORKSHOP_EFFICIENCY over the dealers' counts and hours).

1. 汇总: the strategy tables, column titles = the table's named cells, plus the
   达成率 columns (实际 / 目标, 实际 / 预计); ranked by 交车数_达成率, red below
   100% (at the displayed precision).
2. 售后汇总: the workshop tables, the three-cell names one column per trade;
   ranked by 总效率_合计.
3. 问题清单: every file not taken and why, and what was only noted (macros,
   saved results read).
"""
from com.sun.star.table.CellHoriJustify import LEFT

import contract
import kit

FILE = "group_summary.ots"
TITLE = "集团汇总"

SUMMARY = contract.load().template("strategy_table").rollup_sheet      # 汇总
WORKSHOP = contract.load().template("workshop_targets").rollup_sheet   # 售后汇总
ISSUES = "问题清单"

HEADER_ROW = 4
LAST_ROW = 10000   # formats and red flags reach this far down
TOTAL = "合计"      # cell style of the 集团合计 row
SUMMARY_LINE = "汇总说明"   # cell style of the roll-up's summary line: one line, no box

# Column widths (cm) by value kind; a long title sets its own width (see _table)
WIDTHS = {"count": 2.2, "rate": 2.4, "hours": 2.4, "money": 3.3, "text": 3.6, "month": 1.8}
WIDTH_OF = {"排名": 1.4, "文件": 8.0}   # 排名 fits "月份：" above it on one line


def _columns(stamp):
    """(title, kind, width) of the header row, as the contract names them."""
    return tuple((title, kind, WIDTH_OF.get(title, WIDTHS[kind]))
                 for title, kind in contract.load().summary_columns(stamp))


STRATEGY_COLUMNS = _columns("strategy_table")
WORKSHOP_COLUMNS = _columns("workshop_targets")
TRADES = contract.load().trades
ISSUE_COLUMNS = (("文件", "text", 9.0), ("经销商", "text", 3.6), ("月份", "month", 1.8), ("原因", "text", 14.0),
                 ("处理", "text", 1.8))



def _table(book, sheet, title, columns, note):
    sh = book.sheet(sheet)
    sh.title("A1", title)
    sh.label("A2", "月份：").IsTextWrapped = False
    last = kit.column_name(len(columns) - 1)
    for i, (text, kind, width) in enumerate(columns):
        c = kit.column_name(i)
        # the titles are the cell names the roll-up finds its columns by: no line breaks in them
        head = sh.heading("%s%d" % (c, HEADER_ROW), text, balance=False)
        head.VertJustify = 2  # centred
        # a long title wraps onto two lines of about equal length, never one character alone below
        if len(text) > 5 and kind not in ("text", "money"):
            width = (len(text) + 1) // 2 * 0.36 + 0.35
        sh.s.Columns.getByIndex(i).Width = int(width * 1000)
        rng = sh.cell("%s%d:%s%d" % (c, HEADER_ROW + 1, c, LAST_ROW))
        rng.NumberFormat = book.format_key(kind)
        if kind == "text":
            rng.HoriJustify = LEFT
            rng.IsTextWrapped = text == "原因"  # a long reason wraps inside its column
    sh.note("A3", note)
    sh.s.Rows.getByIndex(HEADER_ROW - 1).Height = 1100
    sh.print_setup(last, title_rows=(0, HEADER_ROW - 1))
    return sh, last


def build(book):
    book._cell_style(TOTAL, kit.COMPUTED_COLOR, bold=True)

    sh, _last = _table(book, SUMMARY, "集团汇总（月度销售跨部门策略表）", STRATEGY_COLUMNS,
                       "按交车数达成率排名；达成率不足 100% 标红。集团合计行：计数相加，比率按各店计数合并计算（不是各店比率的平均）。")
    sh.formula("B2", '=""', "month_or_blank")
    # one line running over the empty cells to its right: no border of its own cell cutting through it
    book._cell_style(SUMMARY_LINE, wrap=False, border=False)
    sh.formula("D2", '=""', "text_or_blank").CellStyle = SUMMARY_LINE
    book.doc.NamedRanges.addNewByName("汇总月份", "$'%s'.$B$2" % SUMMARY, sh.cell("B2").CellAddress, 0)
    book.doc.NamedRanges.addNewByName("汇总说明", "$'%s'.$D$2" % SUMMARY, sh.cell("D2").CellAddress, 0)
    titles = [c[0] for c in STRATEGY_COLUMNS]
    for name in (a.name for a in contract.load().template("strategy_table").achievements):
        c = kit.column_name(titles.index(name))
        first = "%s%d" % (c, HEADER_ROW + 1)
        # compared at the displayed precision (0%), as the sheet shows it
        sh.highlight("%s:%s%d" % (first, c, LAST_ROW), "AND(ISNUMBER(%s);ROUND(%s;2)<1)" % (first, first))

    ws, _ = _table(book, WORKSHOP, "集团汇总（售后车间效率与产值目标）", WORKSHOP_COLUMNS,
                   "按总效率排名。集团合计行：工时与金额相加，总效率按各店工时合并计算（WORKSHOP_EFFICIENCY）。")
    ws.formula("B2", "=$'%s'.B2" % SUMMARY, "month_or_blank")

    iss, _ = _table(book, ISSUES, "问题清单（未采用的文件及原因、需要说明的文件）", ISSUE_COLUMNS,
                    "未采用：该文件没有计入汇总；已汇总：文件已计入，但需要说明（如带有宏、按保存的结果读取）。")
    iss.formula("B2", "=$'%s'.B2" % SUMMARY, "month_or_blank")

    controller = book.doc.CurrentController
    for name in (ISSUES, WORKSHOP, SUMMARY):
        controller.setActiveSheet(book.doc.Sheets.getByName(name))
        controller.freezeAtPosition(3 if name != ISSUES else 1, HEADER_ROW)
