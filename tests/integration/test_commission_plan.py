"""销售顾问提成方案 (commission_plan.ots), opened as File > New does.

The seeds have no commission figures: this is a worked example, every
expected value worked by hand in the comments.

Monthly plan (sheet 提成方案), tiers by monthly gross profit:
    下限       0  100,000  150,000  200,000
    比例      2%       3%       4%       5%
    定额     500    1,500    3,000    5,000
Marginal bonus B(x): 2% up to 100k, 3% of 100k..150k, 4% of 150k..200k, 5% above,
so B(100k) = 2,000, B(150k) = 3,500, B(200k) = 5,500.

Year-to-date plan (sheet 年度累计), tiers by the year's cumulative amount:
    下限       0  1,000,000  1,500,000
    比例      1%         2%         3%
    定额   5,000     15,000     30,000        annual cap 30,000
Marginal B(x): 1% up to 1M (B(1M) = 10,000), 2% of 1M..1.5M (B(1.5M) = 20,000),
3% above. Month m pays min(B(cum_m), cap) - min(B(cum_m-1), cap).
"""
import unittest

from template_checks import TemplateCase

M = "提成方案"
Y = "年度累计"
MONTHS = "BCDEFGHIJKLM"

MONTHLY_FILL = {
    "B2": "示例经销商", "E2": 46327,  # 2026-11-01
    "B5": "超额累进", "E5": 8000,
    "B9": 0, "C9": 0.02, "D9": 500,
    "B10": 100000, "C10": 0.03, "D10": 1500,
    "B11": 150000, "C11": 0.04, "D11": 3000,
    "B12": 200000, "C12": 0.05, "D12": 5000,
    "A20": "销售顾问A", "B20": 80000, "C20": 100000,
    "A21": "销售顾问B", "B21": 120000, "C21": 100000,
    "A22": "销售顾问C", "B22": 150000, "C22": 120000,
    "A23": "销售顾问D", "B23": 260000, "C23": 200000,
    "A24": "销售顾问E", "B24": 45000, "C24": 80000,
    "A25": "销售顾问F", "B25": 95000, "C25": 100000,
}

YEARLY_FILL = {
    "B5": "超额累进", "E5": 30000,
    "B9": 0, "C9": 0.01, "D9": 5000,
    "B10": 1000000, "C10": 0.02, "D10": 15000,
    "B11": 1500000, "C11": 0.03, "D11": 30000,
}
# 销售顾问A (row 20): 150,000 every month but May (F), a return: -50,000
YEARLY_FILL.update({"%s20" % c: 150000 for c in MONTHS})
YEARLY_FILL["F20"] = -50000
# 销售顾问B (row 21): 200,000 every month but November (L): -400,000 charged back
YEARLY_FILL.update({"%s21" % c: 200000 for c in MONTHS})
YEARLY_FILL["L21"] = -400000
# 销售顾问C (row 22): joined in April (E), 100,000 a month
YEARLY_FILL.update({"%s22" % c: 100000 for c in "EFGHIJKLM"})

FILL = {M: MONTHLY_FILL, Y: YEARLY_FILL}

MONTHLY_MARGINAL = {
    # 达成率 = 业绩 / 目标: 80k/100k, 120k/100k, 150k/120k, 260k/200k, 45k/80k = 56.25%, 95k/100k
    "D20": "80%", "D21": "120%", "D22": "125%", "D23": "130%", "D24": "56%", "D25": "95%",
    # 达到档位: highest 下限 <= 业绩
    "E20": "1", "E21": "2", "E22": "3", "E23": "4", "E24": "1", "E25": "1",
    # A 80k x 2% = 1,600; B 2,000 + 20k x 3% = 2,600; C 2,000 + 50k x 3% = 3,500;
    # D 5,500 + 60k x 5% = 8,500, capped at 8,000; E 45k x 2% = 900; F 95k x 2% = 1,900
    "F20": "1,600.00", "F21": "2,600.00", "F22": "3,500.00", "F23": "8,000.00", "F24": "900.00",
    "F25": "1,900.00",
    # 合计: 750,000 of 700,000 = 107%; bonuses 1,600 + 2,600 + 3,500 + 8,000 + 900 + 1,900
    "B30": "750,000", "C30": "700,000", "D30": "107%", "F30": "18,500.00",
    # 团队平均 over the six: 750k/6, 700k/6; rates (0.8+1.2+1.25+1.3+0.5625+0.95)/6 = 1.0104;
    # 18,500/6
    "B31": "125,000", "C31": "116,666.67", "D31": "101%", "F31": "3,083.33",
    # spare rows stay blank
    "D26": "", "E26": "", "F26": "", "F29": "",
}

YEARLY_MARGINAL = {
    # A: cumulative 150k..600k, 550k, 700k..1.6M; B(cum) 1,500 .. 6,000, 5,500, 7,000, 8,500,
    # 10,000 (1.0M), 13,000, 16,000, 19,000, 23,000 (1.6M: 20,000 + 100k x 3%)
    "B35": "1,500.00", "C35": "1,500.00", "D35": "1,500.00", "E35": "1,500.00",
    "F35": "-500.00",    # the return claws back 50k x 1%
    "G35": "1,500.00", "H35": "1,500.00", "I35": "1,500.00",
    "J35": "3,000.00", "K35": "3,000.00", "L35": "3,000.00", "M35": "4,000.00", "N35": "23,000.00",
    # B: cumulative 200k..2.0M, then 1.6M, 1.8M; B(cum) 2,000..10,000 (1.0M), 14,000, 18,000,
    # 23,000, 29,000, 35,000 -> cap 30,000, then 23,000, 29,000
    "B36": "2,000.00", "C36": "2,000.00", "D36": "2,000.00", "E36": "2,000.00", "F36": "2,000.00",
    "G36": "4,000.00", "H36": "4,000.00", "I36": "5,000.00", "J36": "6,000.00",
    "K36": "1,000.00",   # 30,000 (capped) - 29,000
    "L36": "-7,000.00",  # 23,000 - 30,000 (the cap applies to both sides)
    "M36": "6,000.00", "N36": "29,000.00",
    # C: nothing before April; cumulative reaches 900k in December, all at 1%
    "B37": "", "C37": "", "D37": "", "E37": "1,000.00", "M37": "1,000.00", "N37": "9,000.00",
    # month totals and averages over the consultants with an amount that month
    "B45": "3,500.00", "F45": "2,500.00", "L45": "-3,000.00", "M45": "11,000.00",
    "N45": "61,000.00",  # 23,000 + 29,000 + 9,000
    "B46": "1,750.00", "E46": "1,500.00", "L46": "-1,000.00", "N46": "20,333.33",
    # amounts: the year per consultant, month totals
    "N20": "1,600,000", "N21": "1,800,000", "N22": "900,000", "N30": "4,300,000",
    "N31": "1,433,333.33", "B30": "350,000", "F30": "250,000", "L30": "-150,000", "B31": "175,000",
    # names come from the monthly sheet, spare rows blank
    "A20": "销售顾问A", "A35": "销售顾问A", "A37": "销售顾问C", "A38": "销售顾问D", "N38": "",
}


class CommissionPlan(TemplateCase):
    TEMPLATE = "commission_plan.ots"

    def test_monthly_marginal_with_cap(self):
        self.fill_all(FILL)
        self.assertAllShown(M, MONTHLY_MARGINAL)
        self.assertEqual(self.error_cells(), [])

    def test_monthly_whole_amount(self):
        self.fill_all(FILL)
        self.fill(M, "B5", "全额累进")
        self.assertAllShown(M, {
            # the whole amount at the highest tier reached: 80k x 2%, 120k x 3%, 150k x 4%,
            # 260k x 5% = 13,000 capped at 8,000, 45k x 2%, 95k x 2%
            "F20": "1,600.00", "F21": "3,600.00", "F22": "6,000.00", "F23": "8,000.00",
            "F24": "900.00", "F25": "1,900.00", "F30": "22,000.00", "F31": "3,666.67"})

    def test_monthly_fixed_amounts(self):
        self.fill_all(FILL)
        self.fill(M, "B5", "定额")
        self.assertAllShown(M, {
            # the 定额 of the highest tier reached (tiers 1, 2, 3, 4, 1, 1)
            "F20": "500.00", "F21": "1,500.00", "F22": "3,000.00", "F23": "5,000.00",
            "F24": "500.00", "F25": "500.00", "F30": "11,000.00", "F31": "1,833.33"})

    def test_monthly_without_cap(self):
        self.fill_all(FILL)
        self.fill(M, "E5", None)
        # D: 5,500 + 60k x 5% = 8,500; total 18,500 - 8,000 + 8,500; / 6
        self.assertAllShown(M, {"F23": "8,500.00", "F30": "19,000.00", "F31": "3,166.67"})

    def test_year_to_date_marginal_with_claw_back_and_cap(self):
        self.fill_all(FILL)
        self.assertAllShown(Y, YEARLY_MARGINAL)
        self.assertEqual(self.error_cells(), [])

    def test_year_to_date_whole_amount(self):
        self.fill_all(FILL)
        self.fill(Y, "B5", "全额累进")
        # A: B(x) = 1% of x below 1M, 2% of x from 1M, 3% from 1.5M, cap 30,000
        self.assertAllShown(Y, {
            "F35": "-500.00",     # 5,500 - 6,000
            "I35": "11,500.00",   # B(1.0M) = 20,000 - B(850k) = 8,500
            "J35": "3,000.00",    # 23,000 - 20,000
            "L35": "3,000.00",    # B(1.45M) 29,000 - B(1.3M) 26,000
            "M35": "1,000.00",    # B(1.6M) = 48,000 capped at 30,000, - 29,000
            "N35": "30,000.00"})

    def test_year_to_date_fixed_amounts(self):
        self.fill_all(FILL)
        self.fill(Y, "B5", "定额")
        # the lump of the tier the cumulative amount reached: 5,000 from 0, 15,000 from 1M,
        # 30,000 from 1.5M; a month pays the step up
        self.assertAllShown(Y, {
            "B35": "5,000.00",    # January: 150k reaches the first tier
            "C35": "0.00",        # still the first tier
            "I35": "10,000.00",   # 1.0M: 15,000 - 5,000
            "M35": "15,000.00",   # 1.6M: 30,000 - 15,000
            "N35": "30,000.00",
            "F36": "10,000.00",   # B reaches 1.0M in May
            "L36": "0.00",        # 2.0M -> 1.6M: still the top tier
            "N36": "30,000.00"})

    def test_empty_and_partial_fills_show_no_errors(self):
        self.assertEqual(self.error_cells(), [])
        for sheet in (M, Y):
            shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(sheet) if c.getString()}
            self.assertEqual(shown, {}, sheet)
        self.assertShown(M, "B5", "超额累进")  # the mode comes pre-selected
        # amounts before the tier table: blank bonuses, no errors
        self.fill(M, "B20", 50000)
        self.fill(M, "A20", "销售顾问A")
        self.fill(Y, "B20", 50000)
        self.assertEqual(self.error_cells(), [])
        self.assertAllShown(M, {"F20": "", "D20": "", "B30": "50,000", "F30": ""})
        self.assertAllShown(Y, {"B35": "", "A35": "销售顾问A", "N20": "50,000"})
        # a tier table with a hole is refused by TIERED_BONUS (Err:502), not guessed around
        self.fill(M, "B9", 0)
        self.fill(M, "C9", 0.02)
        self.fill(M, "B11", 100000)
        self.fill(M, "C11", 0.03)
        self.assertShown(M, "F20", "Err:502")

    def test_a_half_cent_pays_the_cent_in_every_office(self):
        """Commissions are paid in cents, rounded half up: 24,551.5 at 3% is 736.545, whose
        double lies just below the half; LibreOffice 7.4 showed it as 736.54, 25.2 as 736.55."""
        for sheet in (M, Y):
            self.fill(sheet, "B9", 0)
            self.fill(sheet, "C9", 0.03)
        self.fill(M, "A20", "销售顾问A")
        self.fill(M, "B20", 24551.5)
        self.fill(Y, "B20", 24551.5)   # January
        self.fill(Y, "C20", 24551.5)   # February: 736.545 more; each month is paid on its own
        self.assertAllShown(M, {"F20": "736.55", "F30": "736.55"})
        self.assertAllShown(Y, {"B35": "736.55", "C35": "736.55", "N35": "1,473.10"})

    def test_highlights(self):
        self.fill_all(FILL)
        # 达成率 of 100% and more is green: B 120%, C 125%, D 130%; not A 80%, E 56%, F 95%
        self.assertEqual([self.highlighted(M, "D%d" % r) for r in range(20, 26)],
                         [[], ["达标"], ["达标"], ["达标"], [], []])
        self.assertEqual(self.highlighted(M, "D26"), [])   # a spare row
        # a claw-back is red: A in May, B in November
        self.assertEqual(self.highlighted(Y, "F35"), ["预警"])
        self.assertEqual(self.highlighted(Y, "L36"), ["预警"])
        for name in ("B35", "K36", "L35", "B37", "N36"):
            self.assertEqual(self.highlighted(Y, name), [], name)

    def test_protection(self):
        inputs = {
            M: ["B2", "E2", "B5", "E5"] + ["%s%d" % (c, r) for r in range(9, 17) for c in "BCD"]
               + ["%s%d" % (c, r) for r in range(20, 30) for c in "ABC"],
            Y: ["B5", "E5"] + ["%s%d" % (c, r) for r in range(9, 15) for c in "BCD"]
               + ["%s%d" % (c, r) for r in range(20, 30) for c in MONTHS],
        }
        self.assertProtectedLayout(inputs)
        for name in ("A20", "B2", "E2", "N20", "B35"):  # linked names, header, totals, bonuses
            self.assertTrue(self.at(Y, name).CellProtection.IsLocked, name)
        self.assertIn("TIEREDBONUS", self.at(Y, "C35").getFormula().upper().replace("_", ""))
        self.assertIn("SUM($B20:B20)", self.at(Y, "C35").getFormula())  # the prior months

    def test_validity_refuses_wrong_entries(self):
        self.assertTrue(self.refuses(M, "B5", "按月"))       # only the three modes
        self.assertFalse(self.refuses(M, "B5", "定额"))
        self.assertTrue(self.refuses(Y, "B5", "marginal"))
        self.assertTrue(self.refuses(M, "B9", -1))          # lower bounds >= 0
        self.assertTrue(self.refuses(M, "C9", 1000.5))      # rates 0..1000 (5 or 0.05 is 5%)
        self.assertTrue(self.refuses(M, "C9", -0.01))
        self.assertFalse(self.refuses(M, "C9", 0.05))
        self.assertTrue(self.refuses(M, "D9", -500))        # money >= 0
        self.assertTrue(self.refuses(M, "E5", -1))
        self.assertTrue(self.refuses(M, "C20", -1))         # targets >= 0
        self.assertFalse(self.refuses(M, "B20", -3000))     # amounts may be negative
        self.assertTrue(self.refuses(M, "B20", "很多"))
        self.assertFalse(self.refuses(Y, "F20", -50000))
        self.assertTrue(self.refuses(Y, "F20", "退车"))
        self.assertEqual(self.at(Y, "F20").Validation.ErrorMessage, "请输入数值（退车、冲减可填负数），如 150000 或 -50000。")

    def test_print_setup_and_labels(self):
        self.assertPrintSetup(one_page=True)
        self.assertNoBrands()
        self.assertEqual(self.doc.DocumentProperties.Title, "销售顾问提成方案")
        self.assertEqual([self.at(M, c).getString().replace("\n", "")
                          for c in ("A19", "B19", "C19", "D19", "E19", "F19")],
                         ["销售顾问", "本月业绩（销量或毛利）", "本月目标", "达成率", "达到档位", "本月提成（元）"])
        self.assertEqual([self.at(Y, "%s19" % c).getString() for c in "BM"], ["1月", "12月"])
        self.assertEqual(self.at(M, "A30").getString(), "合计")
        self.assertEqual(self.at(M, "A31").getString(), "团队平均")

    def test_round_trip_keeps_the_displayed_values(self):
        self.fill_all(FILL)
        self.doc.calculateAll()
        self.assertRoundTrips({M: MONTHLY_MARGINAL, Y: YEARLY_MARGINAL})


if __name__ == "__main__":
    unittest.main(verbosity=2)
