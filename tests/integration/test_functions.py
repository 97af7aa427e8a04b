"""Every golden case of spec/functions.md, evaluated in a real Calc with the
built .oxt installed. Each case checks the value and what the cell displays
with the number format the seed uses (0.0% for funnel rates, #,##0 for
customer counts, #,##0.00 for money, 0% / 0.0% for workshop ratios).

Expected values are the spec's numbers, or the sums worked by hand in the
comments (written as the fraction of two hand-added totals).
"""
import harness
from calc_case import COUNT, MONEY, PERCENT_0, PERCENT_1, CalcCase


class FunnelRateGolden(CalcCase):
    """KPI conversion report of seed 004: months N-3, N-2, N-1 pooled."""

    # (step, converted, entered, pooled as a hand-added fraction, seed shows)
    ROWS = [
        ("线索进店率", (708, 877, 1003), (4146, 3846, 4476), 2588 / 12468, "20.8%"),
        ("散客留档率", (330, 600, 650), (350, 660, 700), 1580 / 1710, "92.4%"),
        ("主动集客线索进店率", (5, 2, 2), (30, 10, 20), 9 / 60, "15.0%"),
        ("推荐线索进店率", (15, 6, 10), (24, 12, 18), 31 / 54, "57.4%"),
        ("再购线索进店率", (8, 3, 6), (12, 4, 8), 17 / 24, "70.8%"),
        ("呼入线索进店率", (20, 6, 15), (300, 210, 250), 41 / 760, "5.4%"),
        ("网络线索进店率", (70, 40, 60), (900, 700, 850), 170 / 2450, "6.9%"),
        ("活跃线索再次进店率", (200, 150, 180), (850, 660, 880), 530 / 2390, "22.2%"),
        ("休眠线索再次进店率", (60, 70, 80), (1700, 1650, 1800), 210 / 5150, "4.1%"),
        ("进店线索报价率", (580, 330, 450), (708, 877, 1003), 1360 / 2588, "52.6%"),
        ("报价订单率", (150, 70, 115), (580, 330, 450), 335 / 1360, "24.6%"),
        ("订单交车率", (120, 60, 90), (150, 70, 115), 270 / 335, "80.6%"),
    ]
    # The spec's four-decimal values, to catch a slip in the fractions above.
    SPEC_FOUR_DECIMALS = [0.2076, 0.9240, 0.1500, 0.5741, 0.7083, 0.0539, 0.0694, 0.2218,
                          0.0408, 0.5255, 0.2463, 0.8060]

    def test_fractions_match_spec(self):
        for (step, _, _, pooled, _), spec in zip(self.ROWS, self.SPEC_FOUR_DECIMALS):
            self.assertAlmostEqual(pooled, spec, places=4, msg=step)

    def test_report_rows_from_cells(self):
        # The report layout: one row per step, months in columns B:D, entered in F:H.
        for i, (step, converted, entered, pooled, text) in enumerate(self.ROWS):
            row = i + 1
            for col, v in zip("BCD", converted):
                self.put("%s%d" % (col, row), v)
            for col, v in zip("FGH", entered):
                self.put("%s%d" % (col, row), v)
            with self.subTest(step=step):
                self.assertShown("=FUNNEL_RATE(B%d:D%d;F%d:H%d)" % (row, row, row, row), PERCENT_1, pooled, text)

    def test_report_rows_inline(self):
        for step, converted, entered, pooled, text in self.ROWS:
            formula = "=FUNNEL_RATE({%s};{%s};0)" % (";".join(map(str, converted)), ";".join(map(str, entered)))
            with self.subTest(step=step):
                self.assertShown(formula, PERCENT_1, pooled, text)

    def test_mean_of_monthly_rates(self):
        # 330/350 = 0.942857142857, 600/660 = 0.909090909091, 650/700 = 0.928571428571;
        # their mean 2.780519480519 / 3 = 0.926839826840 (spec: 0.9268).
        self.assertShown("=FUNNEL_RATE({330;600;650};{350;660;700};1)", PERCENT_1, 0.926839826840, "92.7%")


class FunnelTargetGolden(CalcCase):
    """Monthly strategy table of seed 004: 100 deliveries, rates 80%, 33%, 30%."""

    def test_exact_needs_display_as_the_seed(self):
        # 100/0.8 = 125; 125/0.33 = 378.787878...; 378.78.../0.3 = 1262.626262...
        self.assertArrayShown("=FUNNEL_TARGET(100;{0.8|0.33|0.3})", "B1:B3", COUNT,
                              [[(125, "125")], [(378.787878788, "379")], [(1262.626262626, "1,263")]])

    def test_rounded_up_needs(self):
        # 125; ceil(378.79) = 379; 379/0.3 = 1263.33 -> 1264 (spec: exactly 125, 379, 1264).
        self.assertArrayShown("=FUNNEL_TARGET(100;{0.8|0.33|0.3};1)", "B1:B3", COUNT,
                              [[(125, "125")], [(379, "379")], [(1264, "1,264")]])

    def test_rounded_nearest_needs(self):
        # 125; 378.79 -> 379; 379/0.3 = 1263.33 -> 1263.
        self.assertArrayShown("=FUNNEL_TARGET(100;{0.8|0.33|0.3};2)", "B1:B3", COUNT,
                              [[(125, "125")], [(379, "379")], [(1263, "1,263")]])

    def test_chained_one_rate_per_row(self):
        # The table chains one call per row: each row's need feeds the next.
        self.put("A1", 100)
        self.put("B2", 0.8)
        self.put("B3", 0.33)
        self.put("B4", 0.3)
        for row in (2, 3, 4):
            self.cell("A%d" % row).setFormula("=FUNNEL_TARGET(A%d;B%d;\"up\")" % (row - 1, row))
        self.doc.calculateAll()
        self.assertEqual([self.cell(n).getValue() for n in ("A2", "A3", "A4")], [125, 379, 1264])


class TargetSplitGolden(CalcCase):

    def test_after_sales_revenue_by_sold_hours(self):
        # 售后 revenue target split by 机修/钣金/喷漆 sold hours, to the cent.
        self.assertArrayShown("=TARGET_SPLIT(8844682.38;{8775|3500|3000};2)", "B1:B3", MONEY,
                              [[(5080987.75, "5,080,987.75")], [(2026604.80, "2,026,604.80")],
                               [(1737089.83, "1,737,089.83")]])
        # The total as a user sees it, at the parts' precision (SUM over the array is
        # 8844682.379999999 in LibreOffice 25.2, 8844682.38 in 7.4), and exactly the
        # total once rounded to the parts' decimals.
        self.assertShown("=SUM(TARGET_SPLIT(8844682.38;{8775|3500|3000};2))", MONEY, 8844682.38, "8,844,682.38",
                         places=2)
        self.assertEqual(self.evaluate("=ROUND(SUM(TARGET_SPLIT(8844682.38;{8775|3500|3000};2));2)")[0],
                         8844682.38)

    def test_quarter_to_months(self):
        # 330*100/285 = 115.79, 330*70/285 = 81.05, 330*115/285 = 133.16: floors 115+81+133 = 329,
        # the one unit left goes to the largest remainder (.79): {116; 81; 133}.
        self.assertArrayShown("=TARGET_SPLIT(330;{100;70;115})", "B1:D1", COUNT,
                              [[(116, "116"), (81, "81"), (133, "133")]])

    def test_no_history_splits_equally(self):
        self.assertArrayShown("=TARGET_SPLIT(10;{0;0;0})", "B1:D1", COUNT, [[(4, "4"), (3, "3"), (3, "3")]])

    def test_shares_typed_with_decimals_tie_as_shown(self):
        # 5%, 15%, 80% of 10: 0.5, 1.5 and 8, the unit left to the larger of the tied halves
        # (in binary 0.05 is a hair above 1/20 and 0.15 a hair below 3/20: once 1, 1, 8).
        self.assertArrayShown("=TARGET_SPLIT(10;{0.05;0.15;0.8})", "B1:D1", COUNT,
                              [[(0, "0"), (2, "2"), (8, "8")]])


class TieredBonusGolden(CalcCase):

    TABLE = "{0|100000|120000};{0.02|0.03|0.04}"

    def test_marginal(self):
        # 100000*0.02 + 20000*0.03 + 30000*0.04 = 2000 + 600 + 1200 = 3800.
        self.assertShown("=TIERED_BONUS(150000;%s)" % self.TABLE, MONEY, 3800, "3,800.00")

    def test_whole(self):
        # 150000 * 0.04 = 6000.
        self.assertShown("=TIERED_BONUS(150000;%s;1)" % self.TABLE, MONEY, 6000, "6,000.00")

    def test_marginal_with_cap(self):
        self.assertShown("=TIERED_BONUS(150000;%s;0;3000)" % self.TABLE, MONEY, 3000, "3,000.00")

    def test_marginal_with_prior(self):
        # bonus(150000) - bonus(100000) = 3800 - 2000 = 1800.
        self.assertShown("=TIERED_BONUS(50000;%s;0;;100000)" % self.TABLE, MONEY, 1800, "1,800.00")

    def test_fixed(self):
        self.assertShown("=TIERED_BONUS(150000;{0|100000|120000};{500|1000|2000};2)", MONEY, 2000, "2,000.00")

    def test_forum_case(self):
        # 100000*0.05 + 25000*0.075 + 5000*0.125 = 5000 + 1875 + 625 = 7500.
        self.assertShown("=TIERED_BONUS(130000;{0|100000|125000};{0.05|0.075|0.125})", MONEY, 7500, "7,500.00")

    def test_tier_table_in_cells(self):
        self.put_column("A1", [0, 100000, 120000])
        self.put_column("B1", [0.02, 0.03, 0.04])
        self.put("C1", 150000)
        self.assertShown("=TIERED_BONUS(C1;A1:A3;B1:B3)", MONEY, 3800, "3,800.00")


class WorkshopEfficiencyGolden(CalcCase):
    """售后部门员工目标分解 of seed 004: sold / worked / available hours per trade."""

    # trade, sold, worked, available, then (value, shown) for productivity (0%),
    # efficiency (0.0%) and overall (0%).
    TRADES = [
        ("机修", 8775, 9000, 12000, (0.75, "75%"), (0.975, "97.5%"), (0.73125, "73%")),
        ("钣金", 3500, 5000, 6000, (5000 / 6000, "83%"), (0.70, "70.0%"), (3500 / 6000, "58%")),
        ("喷漆", 3000, 5000, 8000, (0.625, "63%"), (0.60, "60.0%"), (0.375, "38%")),
    ]

    def setUp(self):
        super().setUp()
        for i, (_, sold, worked, available, *_) in enumerate(self.TRADES):
            self.put("A%d" % (i + 1), sold)
            self.put("B%d" % (i + 1), worked)
            self.put("C%d" % (i + 1), available)

    def test_each_trade(self):
        for i, (trade, _, _, _, productivity, efficiency, overall) in enumerate(self.TRADES):
            r = i + 1
            args = "A%d;B%d;C%d" % (r, r, r)
            with self.subTest(trade=trade):
                self.assertShown("=WORKSHOP_EFFICIENCY(%s;1)" % args, PERCENT_0, *productivity)
                self.assertShown("=WORKSHOP_EFFICIENCY(%s;2)" % args, PERCENT_1, *efficiency)
                self.assertShown("=WORKSHOP_EFFICIENCY(%s;3)" % args, PERCENT_0, *overall)
                self.assertShown("=WORKSHOP_EFFICIENCY(%s)" % args, PERCENT_0, *overall)

    def test_pooled_total(self):
        # 合计: sold 15275, worked 19000, available 26000.
        self.assertShown("=WORKSHOP_EFFICIENCY(A1:A3;B1:B3;C1:C3;1)", PERCENT_0, 19000 / 26000, "73%")
        self.assertShown("=WORKSHOP_EFFICIENCY(A1:A3;B1:B3;C1:C3;2)", PERCENT_1, 15275 / 19000, "80.4%")
        self.assertShown("=WORKSHOP_EFFICIENCY(A1:A3;B1:B3;C1:C3)", PERCENT_0, 0.5875, "59%")
        # The spec's four decimals.
        self.assertAlmostEqual(19000 / 26000, 0.7308, places=4)
        self.assertAlmostEqual(15275 / 19000, 0.8039, places=4)


class PayoutCurveGolden(CalcCase):
    """A published pay curve (75% -> 0.5, 100% -> 1, 150% -> 3) and an
    accelerator/decelerator plan with a jump at 50% of quota."""

    CURVE = "{0.75|1|1.5};{0.5|1|3}"
    PLAN = "{0|0.5|0.5|1|1.3};{0|0.25|0.5|1|1.45}"
    FACTOR = "0.00"

    def test_published_curve(self):
        # 0.9: 0.5 + (0.9 - 0.75) * (1 - 0.5) / 0.25 = 0.8; 1.2: 1 + 0.2 * 2 / 0.5 = 1.8;
        # 1.6: 3 + 0.1 * 4 = 3.4 (the last slope, 2 / 0.5, goes on).
        for x, want, text in [(0.7, 0, "0.00"), (0.75, 0.5, "0.50"), (0.9, 0.8, "0.80"), (1, 1, "1.00"),
                              (1.2, 1.8, "1.80"), (1.5, 3, "3.00"), (1.6, 3.4, "3.40")]:
            with self.subTest(attainment=x):
                self.assertShown("=PAYOUT_CURVE(%s;%s)" % (x, self.CURVE), self.FACTOR, want, text)
        self.assertShown("=PAYOUT_CURVE(1.6;%s;\"hold\")" % self.CURVE, self.FACTOR, 3, "3.00")

    def test_plan_with_a_jump(self):
        # 0.4: 0.25 * 0.4 / 0.5 = 0.2, i.e. 20,000 of 100,000; at 0.5 the second payout; 1.3 -> 1.45.
        self.assertShown("=PAYOUT_CURVE(0.4;%s)" % self.PLAN, self.FACTOR, 0.2, "0.20")
        self.assertShown("=PAYOUT_CURVE(0.5;%s)" % self.PLAN, self.FACTOR, 0.5, "0.50")
        self.assertShown("=PAYOUT_CURVE(1.3;%s)" % self.PLAN, self.FACTOR, 1.45, "1.45")
        self.assertShown("=100000*PAYOUT_CURVE(0.4;%s)" % self.PLAN, COUNT, 20000, "20,000")
        self.assertShown("=100000*PAYOUT_CURVE(1.3;%s)" % self.PLAN, COUNT, 145000, "145,000")

    def test_curve_table_in_cells(self):
        # The plan's table as finance keeps it: points in A, payouts in B, two spare rows.
        self.put_column("A1", [0.75, 1, 1.5, None, None])
        self.put_column("B1", [0.5, 1, 3, None, None])
        self.put("C1", 1.2)
        self.assertShown("=PAYOUT_CURVE(C1;A1:A5;B1:B5)", PERCENT_0, 1.8, "180%")


class KpiScoreGolden(CalcCase):
    """The scorecard of the contract: sales 110 of 100, customer value 0.95 of
    0.9, days of stock 25 against 30 (lower is better), weights 50/30/20, cap 1.2."""

    SCORE = (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100   # 1.106667

    def setUp(self):
        super().setUp()
        self.put_column("A1", [110, 0.95, 25])
        self.put_column("B1", [100, 0.9, 30])
        self.put_column("C1", [50, 30, 20])
        self.put_column("D1", [0, 0, 1])
        self.put_column("E1", [0, 1, 0])

    def test_score(self):
        self.assertShown("=KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;;D1:D3)", "0.000000", self.SCORE, "1.106667")
        self.assertShown("=KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;;D1:D3)", PERCENT_1, self.SCORE, "110.7%")

    def test_inline(self):
        self.assertShown("=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};1.2;;{0;0;1})", "0.000000",
                         self.SCORE, "1.106667")

    def test_gates_met(self):
        # 0.95 / 0.9 = 1.056 >= 1: the same score.
        self.assertShown("=KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;E1:E3;D1:D3)", "0.000000", self.SCORE, "1.106667")

    def test_gate_missed(self):
        # 0.85 / 0.9 = 0.944 < 1: 一票否决.
        self.put("A2", 0.85)
        self.assertShown("=KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;E1:E3;D1:D3)", "0.000000", 0, "0.000000")

    def test_weights_as_fractions(self):
        self.put_column("C1", [0.5, 0.3, 0.2])
        self.assertShown("=KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;;D1:D3)", "0.000000", self.SCORE, "1.106667")

    def test_bonus_from_the_score(self):
        # The typical use: a base of 10,000 times the score, or the score read off a pay curve.
        self.assertShown("=10000*KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;;D1:D3)", MONEY, 10000 * self.SCORE, "11,066.67")
        # 1 + (1.106667 - 1) * 2 / 0.5 = 1.426667 on the published curve.
        self.assertShown("=PAYOUT_CURVE(KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;;D1:D3);{0.75|1|1.5};{0.5|1|3})",
                         "0.00", 1 + (self.SCORE - 1) * 4, "1.43")


if __name__ == "__main__":
    harness.main()
