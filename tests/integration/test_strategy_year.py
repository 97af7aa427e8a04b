"""月度销售跨部门策略表: a year in one workbook. Twelve months typed once on
年度数据; choosing 月份 on KPI转化率报告 makes N-3..N-1 the three months before
it, read from 年度数据; a typed N-3..N-1 cell wins; months before the year
are typed by hand.

The year's figures (month m = 1..12), per count:
    散客客流数 400+20m, 散客留档数 300+10m; leads: 主动集客 10m, 推荐 20+m, 再购 10,
    呼入 200, 网络 800+100m, 活跃 900, 休眠 1500+50m; visits: 主动集客 m, 推荐 10,
    再购 5, 呼入 2m, 网络 50+10m, 活跃 200, 休眠 60+10m; 首次进店试驾数 100+10m,
    报价数 300, 订单数 80+5m, 交车数 70+5m.

月份 2026-06 -> March, April, May (m = 3, 4, 5), worked by hand:
    线索数 = 留档 + leads: m=3: 330+30+23+10+200+1100+900+1650 = 4,243;
        m=4: 340+40+24+10+200+1200+900+1700 = 4,414; m=5: 350+50+25+10+200+1300+900+1750 = 4,585;
        average 13,242/3 = 4,414.
    线索进店数 = 留档 + visits: 330+3+10+5+6+80+200+90 = 724; 340+4+10+5+8+90+200+100 = 757;
        350+5+10+5+10+100+200+110 = 790; average 2,271/3 = 757.
    线索进店率 724/4243 = 17.1% -> 17%, 757/4414 = 17.1% -> 17%, 790/4585 = 17.2% -> 17%;
        pooled 2271/13242 = 17.1499% -> 17.1%.
    散客留档率 330/460 = 71.7% -> 72%, 340/480 = 70.8% -> 71%, 350/500 = 70%; pooled 1020/1440 = 70.8%.
    首次进店数 = 留档 + 主动集客..网络 visits: 434, 457, 480; 首次进店试驾率 130/434 = 30.0% -> 30%,
        140/457 = 30.6% -> 31%, 150/480 = 31.25% -> 31%; pooled 420/1371 = 30.6%.
    交车 85, 90, 95 (average 90); 订单 95, 100, 105; 订单交车率 85/95 = 89.5% -> 89%, 90%, 95/105 = 90.5%
        -> 90%; pooled 270/300 = 90.0%. 报价订单率 300/900 pooled = 33.3%.
"""
import unittest

from template_checks import TemplateCase

import strategy_table as st

R, P, Y = st.REPORT, st.PLAN, st.YEAR

# (report row, base, step): month m has base + step * m
YEAR_FIGURES = (
    (st.R_TRAFFIC, 400, 20), (st.R_WALKIN, 300, 10),
    (st.R_LEADS["主动集客"], 0, 10), (st.R_LEADS["推荐"], 20, 1), (st.R_LEADS["再购"], 10, 0),
    (st.R_LEADS["呼入"], 200, 0), (st.R_LEADS["网络"], 800, 100), (st.R_LEADS["活跃"], 900, 0),
    (st.R_LEADS["休眠"], 1500, 50),
    (st.R_VISITS["主动集客"], 0, 1), (st.R_VISITS["推荐"], 10, 0), (st.R_VISITS["再购"], 5, 0),
    (st.R_VISITS["呼入"], 0, 2), (st.R_VISITS["网络"], 50, 10), (st.R_VISITS["活跃"], 200, 0),
    (st.R_VISITS["休眠"], 60, 10),
    (st.R_DRIVES, 100, 10), (st.R_QUOTES, 300, 0), (st.R_ORDERS, 80, 5), (st.R_DELIVERIES, 70, 5),
)

JUNE = {
    "B4": "2026-03", "C4": "2026-04", "D4": "2026-05",
    "B15": "4,243", "C15": "4,414", "D15": "4,585", "E15": "4,414",
    "B25": "724", "C25": "757", "D25": "790", "E25": "757",
    "B27": "17%", "C27": "17%", "D27": "17%", "E27": "17.1%",
    "B28": "72%", "C28": "71%", "D28": "70%", "E28": "70.8%",
    "B45": "434", "C45": "457", "D45": "480",
    "B38": "30%", "C38": "31%", "D38": "31%", "E38": "30.6%",
    "E6": "480", "E7": "340", "E43": "90", "E41": "100", "E39": "300", "E37": "140",
    "B44": "89%", "C44": "90%", "D44": "90%", "E44": "90.0%", "E42": "33.3%",
    # the figures the report computes with, shown beside it
    "G6": "460", "H6": "480", "I6": "500", "G43": "85", "H43": "90", "I43": "95",
    # the typed columns stay as typed: blank
    "B6": "", "D43": "",
}


class StrategyYear(TemplateCase):
    TEMPLATE = "strategy_table.ots"

    def fill_year(self):
        for row, base, step in YEAR_FIGURES:
            self.fill_row(Y, "B%d" % st.Y_ROWS[row], [base + step * m for m in range(1, 13)])

    def choose(self, year, month):
        self.fill(R, "E2", st.kit.date_value(year, month))

    def test_the_month_picks_the_three_months_before_it(self):
        self.fill_year()
        self.choose(2026, 6)
        self.assertAllShown(R, JUNE)
        # 月度策略表 takes 上月实际 and 上月表现 from them
        self.assertAllShown(P, {"C6": "90", "C7": "100", "C10": "4,414", "C9": "757", "E6": "90%", "E9": "17%"})
        # 年度数据: the year's totals and the months the report reads, in green
        self.assertAllShown(Y, {"B15": "3,901", "D15": "4,243", "N29": "1,230"})  # 交车 12x70 + 5x78
        self.assertEqual(self.highlighted(Y, "D5"), ["达标"])   # March
        self.assertEqual(self.highlighted(Y, "F5"), ["达标"])   # May
        self.assertEqual(self.highlighted(Y, "G5"), [])         # June is the month itself
        self.assertEqual(self.highlighted(Y, "C5"), [])
        # another month: September reads June-August (m = 6, 7, 8): 交车 100, 105, 110
        self.choose(2026, 9)
        self.assertAllShown(R, {"B4": "2026-06", "D4": "2026-08", "B43": "", "G43": "100", "I43": "110",
                                "E43": "105", "E44": "91.3%"})  # 315 / (110+115+120)
        self.assertEqual(self.error_cells(), [])

    def test_a_typed_month_wins_over_the_year(self):
        self.fill_year()
        self.choose(2026, 6)
        self.fill(R, "D43", 99)        # N-1 交车 typed: 99 instead of May's 95
        self.assertAllShown(R, {"I43": "99", "E43": "91",   # (85+90+99)/3 = 91.3
                                "D44": "94%"})              # 99/105 = 94.3%
        self.fill(R, "D43", None)
        self.assertAllShown(R, {"I43": "95", "E43": "90"})

    def test_a_first_month_types_the_months_before_the_year(self):
        self.fill_year()
        self.choose(2026, 2)           # N-3 2025-11 and N-2 2025-12 are not in 年度数据; N-1 is January
        self.fill_row(R, "B43", [80, 88])
        self.fill_row(R, "B41", [100, 110])
        self.assertAllShown(R, {
            "B4": "2025-11", "C4": "2025-12", "D4": "2026-01",
            "G43": "80", "H43": "88", "I43": "75",            # January: 70 + 5
            "E43": "81",                                     # (80+88+75)/3
            "B44": "80%", "C44": "80%", "D44": "88%",        # 75/85 = 88.2%
            "E44": "82.4%",                                  # 243/295
            "B15": "", "D15": "3,901",                       # no leads typed for November
            "G6": "", "I6": "420",                           # January's 客流 400+20
        })
        self.assertEqual(self.error_cells(), [])

    def test_a_year_of_its_own_for_the_months_after_it(self):
        # 年度数据 holds 2025; 月份 2026-01 reads October-December 2025 (m = 10, 11, 12)
        self.fill_year()
        self.fill(Y, "B4", 2025)
        self.choose(2026, 1)
        self.assertAllShown(R, {"G43": "120", "H43": "125", "I43": "130", "E43": "125"})
        self.choose(2026, 4)           # no month of 2026 in a 2025 workbook
        self.assertAllShown(R, {"G43": "", "E43": "", "E44": ""})
        self.assertEqual(self.error_cells(), [])

    def test_the_seed_month_typed_once_into_the_year_shows_the_seed_figures(self):
        # The example month as a dealer enters it: August-October on 年度数据, 月份 2026-11.
        from test_strategy_table import PLAN_SHOWN, REPORT_SHOWN
        self.fill_all(st.DEALER_EXAMPLE)
        self.assertAllShown(R, dict(REPORT_SHOWN, B4="2026-08", D4="2026-10", B6="", G6="350", I43="90"))
        self.assertAllShown(P, PLAN_SHOWN)
        self.assertEqual(self.error_cells(), [])

    def test_year_sheet_layout(self):
        self.assertEqual([self.doc.Sheets.getByIndex(i).Name for i in range(self.doc.Sheets.Count)],
                         [R, P, st.QUARTER, Y])
        self.assertAllShown(Y, {"A5": "KPI", "B5": "1月", "M5": "12月", "N5": "全年合计", "A6": "散客客流数",
                                "A29": "交车数", "A4": "年份"})
        self.assertTrue(self.refuses(Y, "B6", -1))
        self.assertTrue(self.refuses(Y, "B4", 1999))
        self.assertFalse(self.refuses(Y, "B4", 2026))
        self.assertProtectedLayout({Y: ["B4"] + ["%s%d" % (c, st.Y_ROWS[r]) for c in st.Y_MONTHS
                                                  for r in st.INPUT_ROWS]})
        # the empty template: nothing shown, nothing highlighted
        self.assertEqual(self.error_cells(), [])
        self.assertEqual(self.highlighted(Y, "B5"), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
