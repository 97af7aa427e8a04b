"""集团趋势 (group_trend.ots), the workbook `dealerkpi-group trend` fills
(templates.md section 8), opened as a new document from the installed template.

The service writes the store's figures into the tables; the template pools the
rates over the summed counts itself. Golden: two dealers of very different size,
91 delivered of 110 orders (90/100 and 1/10): the group's 订单交车率_实际 is
91/110 = 82.7 %, never the mean of 90 % and 10 % (50 %); target 102: 交车数_达成率
89 % (red below 100 %). Workshop: 510 sold of 900 available hours (600 worked):
总效率 57 %.
"""
import unittest

from template_checks import TemplateCase, readme_names  # noqa: I100 (brings uno, which the modules need)
import group_trend as gt  # noqa: E402
import kit  # noqa: E402

M, D, W, C = gt.MONTHLY, "经销商", "售后", gt.CHART
COLS = {title: kit.column_name(i) for i, (title, _, _) in enumerate(gt.monthly_columns())}
LEAD, PAIR = gt.dealer_columns("strategy_table")
FIRST_PAIR = kit.column_name(len(LEAD))
FIRST_RATE = kit.column_name(len(LEAD) + 1)


class GroupTrend(TemplateCase):
    TEMPLATE = "group_trend.ots"

    def put(self, sheet, values):
        """Writes {cell: value} as the service does (into locked cells of an unprotected sheet)."""
        s = self.sheet_named(sheet)
        s.unprotect("")
        for name, v in values.items():
            c = s.getCellRangeByName(name)
            c.setString(v) if isinstance(v, str) else c.setValue(v)
        s.protect("")

    def month(self, row=5, **values):
        self.put(M, {"%s%d" % (COLS[k], row): v for k, v in values.items()})

    def test_stamp_and_named_cells(self):
        self.assertEqual(self.stamp(), ("group_trend", 1.0))
        self.assertEqual(self.named_cells(), readme_names("集团趋势"))

    def test_an_empty_workbook_shows_no_error(self):
        self.assertEqual(self.error_cells(), [])
        self.assertAllShown(M, {"%s5" % COLS["交车数_达成率"]: "", "%s5" % COLS["未交经销商数"]: "",
                                "%s5" % COLS["总效率_合计"]: ""})

    def test_layout_print_and_protection(self):
        self.assertPrintSetup()
        self.assertProtectedLayout({C: ["B2"]})
        self.assertNoBrands()
        self.assertEqual([self.doc.Sheets.getByIndex(i).Name for i in range(self.doc.Sheets.Count)], [M, D, W, C])
        self.assertEqual(self.at(M, "A4").getString(), "月份")
        self.assertEqual(self.at(D, "A4").getString(), "经销商代码")
        self.assertEqual(self.at(D, "%s4" % FIRST_PAIR).getString(), "交车数_实际")

    def test_rates_are_pooled_over_the_sums(self):
        self.month(月份="2026-01", 下发经销商数=3, 采用经销商数=2, 交车数_实际=91, 订单数_实际=110, 交车数_目标=102,
                   报价数_实际=0)
        self.assertAllShown(M, {"%s5" % COLS["订单交车率_实际"]: "83%", "%s5" % COLS["交车数_达成率"]: "89%",
                                "%s5" % COLS["未交经销商数"]: "1", "%s5" % COLS["报价订单率_实际"]: ""})
        self.assertAlmostEqual(self.at(M, "%s5" % COLS["订单交车率_实际"]).getValue(), 91 / 110, places=12)
        self.assertIn(kit.ALERT, self.highlighted(M, "%s5" % COLS["交车数_达成率"]))
        self.assertIn(kit.ALERT, self.highlighted(M, "%s5" % COLS["未交经销商数"]))

    def test_red_flags_agree_with_what_is_shown(self):
        # 99.6 % shows as 100 %: not red; 99.4 % shows as 99 %: red
        self.month(交车数_实际=996, 交车数_目标=1000)
        self.month(row=6, 交车数_实际=994, 交车数_目标=1000)
        cell = COLS["交车数_达成率"]
        self.assertAllShown(M, {"%s5" % cell: "100%", "%s6" % cell: "99%"})
        self.assertNotIn(kit.ALERT, self.highlighted(M, "%s5" % cell))
        self.assertIn(kit.ALERT, self.highlighted(M, "%s6" % cell))

    def test_workshop_efficiency_is_pooled(self):
        self.month(可售工时_合计=900, 生产工时_合计=600, 销售工时_合计=510)
        self.assertAlmostEqual(self.at(M, "%s5" % COLS["总效率_合计"]).getValue(), 510 / 900, places=12)

    def test_year_to_date_achievement_is_pooled(self):
        self.month(交车数_实际_年累计=180, 交车数_目标_年累计=212)
        self.assertAlmostEqual(self.at(M, "%s5" % COLS["交车数_达成率_年累计"]).getValue(), 180 / 212, places=12)

    def test_charts_follow_the_months_and_the_chosen_dealer(self):
        self.assertChartsFollowCells(C, ["集团交车趋势", "经销商达成率趋势"])
        self.month(月份="2026-01", 交车数_实际=91, 交车数_目标=102)
        self.month(row=6, 月份="2026-02", 交车数_实际=89, 交车数_目标=105)
        self.put(D, {"A5": "D001", "B5": "店1", "%s5" % FIRST_RATE: 0.9, kit.column_name(len(LEAD) + 3) + "5": 1.1,
                     "A6": "D002", "B6": "店2", "%s6" % FIRST_RATE: 0.5})
        self.fill(C, "B2", "D001")
        self.assertChartsFollowCells(C, ["集团交车趋势", "经销商达成率趋势"])
        group = self.chart_values(C, "集团交车趋势")
        self.assertEqual([v[:2] for v in group], [[91, 89], [102, 105]])
        self.assertEqual(self.chart_values(C, "经销商达成率趋势")[0][:3], [0.9, 1.1, None])
        self.assertIn(kit.ALERT, self.highlighted(D, "%s5" % FIRST_RATE))

    def test_round_trip(self):
        self.month(月份="2026-01", 交车数_实际=91, 订单数_实际=110, 交车数_目标=102)
        self.assertRoundTrips({M: {"A5": "2026-01", "%s5" % COLS["订单交车率_实际"]: "83%",
                                   "%s5" % COLS["交车数_达成率"]: "89%"}})


if __name__ == "__main__":
    unittest.main()
