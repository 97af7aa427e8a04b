"""The templates' charts: each exists where the spec lists it, reads ranges of
its own sheet, shows nothing (and reads no error cell) in a new document from
the template, and draws the example month's figures once filled.

Figures the charts must read with the example month (worked by hand):
    KPI转化率报告, N-3: 线索数 4146, 进店 708, 试驾 130, 报价 580, 订单 150, 交车 120.
    月度策略表: bottom-up 进店 250+100+12+24+720+15+150+60 = 1331 against 1262.6 (100/0.8/0.33/0.3).
    车间: 当前生产率 9000/12000 = 0.75, 5000/6000, 5000/8000 = 0.625; the ceiling 0.9.
    提成方案: the curve ends at max(1.5 x 200000, 260000) = 300000, 21 points 15000 apart;
        超额累进 at 150000: 100000 x 2% + 50000 x 3% = 3500; at 300000: 2000+1500+2000+5000 = 10500,
        capped at 8000.
    销售成功率: team 95, 83, 79, 60, 43, 35; consultants 5/20, 10/30, 9/21, 11/24.
"""
import unittest

from template_checks import TemplateCase

import commission_plan
import consultant_funnel
import strategy_table
import workshop_targets

CHARTS = {
    "strategy_table.ots": (strategy_table, {strategy_table.REPORT: ["三个月漏斗"],
                                            strategy_table.PLAN: ["进店覆盖", "各行达成"]}),
    "workshop_targets.ots": (workshop_targets, {workshop_targets.SHEET: ["生产率与上限"]}),
    "commission_plan.ots": (commission_plan, {commission_plan.MONTHLY: ["提成曲线"]}),
    "consultant_funnel.ots": (consultant_funnel, {consultant_funnel.SUCCESS_SHEET: ["团队漏斗", "顾问成功率"]}),
}


def rounded(series, places=4):
    return [[None if v is None else round(v, places) for v in s] for s in series]


class TemplateCharts(TemplateCase):
    TEMPLATE = None

    def setUp(self):
        pass

    def open(self, template):
        TemplateCase.TEMPLATE = template
        self.TEMPLATE = template
        TemplateCase.setUp(self)

    def test_empty_templates_draw_nothing_and_read_no_error(self):
        for template, (_module, sheets) in CHARTS.items():
            with self.subTest(template=template):
                self.open(template)
                try:
                    for sheet, names in sheets.items():
                        self.assertChartsFollowCells(sheet, names)
                        for name in names:
                            values = self.chart_values(sheet, name)
                            self.assertEqual([v for s in values for v in s if v is not None], [], name)
                finally:
                    self.doc.close(True)

    def test_the_example_month_draws_its_figures(self):
        expected = {
            ("strategy_table.ots", strategy_table.REPORT, "三个月漏斗"): lambda v: v[0] == [4146, 708, 130, 580, 150, 120],
            ("strategy_table.ots", strategy_table.PLAN, "进店覆盖"): lambda v: rounded(v, 1) == [[1331.0], [1262.6]],
            ("workshop_targets.ots", workshop_targets.SHEET, "生产率与上限"):
                lambda v: rounded(v)[0] == [0.75, 0.8333, 0.625] and v[2] == [0.9] * 3,
            ("commission_plan.ots", commission_plan.MONTHLY, "提成曲线"):
                lambda v: v[0][10] == 3500 and v[0][20] == 8000 and v[0][0] == 0,
            ("consultant_funnel.ots", consultant_funnel.SUCCESS_SHEET, "团队漏斗"):
                lambda v: v == [[95, 83, 79, 60, 43, 35]],
            ("consultant_funnel.ots", consultant_funnel.SUCCESS_SHEET, "顾问成功率"):
                lambda v: rounded(v) == [[0.25, 0.3333, 0.4286, 0.4583] + [None] * 6],
        }
        for template, (module, sheets) in CHARTS.items():
            with self.subTest(template=template):
                self.open(template)
                try:
                    self.fill_all(module.EXAMPLE)
                    for sheet, names in sheets.items():
                        self.assertChartsFollowCells(sheet, names)
                        for name in names:
                            check = expected.get((template, sheet, name))
                            values = self.chart_values(sheet, name)
                            if check:
                                self.assertTrue(check(values), "%s: %s" % (name, values))
                            else:  # the achievement chart: nothing of the month has happened yet
                                self.assertEqual([x for x in values[0] if x is not None], [], name)
                finally:
                    self.doc.close(True)

    def test_the_curve_points_are_the_tier_table_s_bonus(self):
        self.open("commission_plan.ots")
        self.fill_all(commission_plan.EXAMPLE)
        sheet = commission_plan.MONTHLY
        x = self.chart_values(sheet, "提成曲线")
        self.assertAllShown(sheet, {"H9": "0", "H19": "150,000", "H29": "300,000", "I19": "3,500.00",
                                    "I29": "8,000.00", "I31": "300,000"})
        self.fill(sheet, "B5", "全额累进")   # 150000 reaches 第3档 (lower bound 150000): all of it at 4%
        self.assertShown(sheet, "I19", "6,000.00")
        self.assertEqual(self.chart_values(sheet, "提成曲线")[0][10], 6000)
        self.assertNotEqual(x, self.chart_values(sheet, "提成曲线"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
