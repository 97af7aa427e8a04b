"""销售顾问漏斗分析 (consultant_funnel.ots), opened as File > New does.

Golden (seed 001, 销售成功率分析, 销售顾问A-D):
    A  20 17 16 10  8  5     B  30 25 23 18 13 10
    C  21 19 18 15 10  9     D  24 22 22 17 12 11
    总计 95 83 79 60 43 35 -> 87%, 95%, 76%, 72%, 81%, overall 37% (templates.md section 5)

The seed's 集客/留档/成交 tables are empty forms: their example is worked by
hand, built so that each consultant's 集客 equals the funnel's 初次接触
(20, 30, 21, 24) and 成交 its 报价成交 (8, 13, 10, 12).
"""
import unittest

from template_checks import TemplateCase

SRC = "集客量分析"
RET = "留档率与成交率"
SUC = "销售成功率"

FILL = {
    SRC: {
        "B2": "示例经销商", "E2": 46327,  # 2026-11-01
        # 老客户推荐, 主动出击, 路过展厅
        "B7": 6, "C7": 4, "D7": 10,
        "B8": 9, "C8": 6, "D8": 15,
        "B9": 5, "C9": 6, "D9": 10,
        "B10": 8, "C10": 4, "D10": 12,
        # 集客量分析表: this month's target, next month's target per source
        "B21": 30, "G21": 35,
        "B22": 25, "G22": 25,
        "B23": 45, "G23": 50,
    },
    RET: {
        # 来访 来电/来店/其它 | 潜在 来电/来店/其它 | 成交客户
        "B7": 5, "C7": 13, "D7": 2, "F7": 3, "G7": 12, "H7": 2, "N7": 8,
        "B8": 8, "C8": 20, "D8": 2, "F8": 6, "G8": 18, "H8": 1, "N8": 13,
        "B9": 4, "C9": 15, "D9": 2, "F9": 3, "G9": 14, "H9": 2, "N9": 10,
        "B10": 6, "C10": 16, "D10": 2, "F10": 5, "G10": 16, "H10": 1, "N10": 12,
        # 下月销售目标
        "D22": 10, "D23": 15, "D24": 12, "D25": 14,
    },
    SUC: {
        "B7": 20, "C7": 17, "D7": 16, "E7": 10, "F7": 8, "G7": 5,
        "B8": 30, "C8": 25, "D8": 23, "E8": 18, "F8": 13, "G8": 10,
        "B9": 21, "C9": 19, "D9": 18, "E9": 15, "F9": 10, "G9": 9,
        "B10": 24, "C10": 22, "D10": 22, "E10": 17, "F10": 12, "G10": 11,
    },
}

SUCCESS = {
    # seed 001: 85% 94% 63% 80% 63%, 25% (17/20, 16/17, 10/16, 8/10, 5/8; 5/20)
    "H7": "85%", "I7": "94%", "J7": "63%", "K7": "80%", "L7": "63%", "M7": "25%",
    # 83% 92% 78% 72% 77%, 33% (25/30, 23/25, 18/23, 13/18, 10/13; 10/30)
    "H8": "83%", "I8": "92%", "J8": "78%", "K8": "72%", "L8": "77%", "M8": "33%",
    # 90% 95% 83% 67% 90%, 43% (19/21, 18/19, 15/18, 10/15, 9/10; 9/21)
    "H9": "90%", "I9": "95%", "J9": "83%", "K9": "67%", "L9": "90%", "M9": "43%",
    # 92% 100% 77% 71% 92%, 46% (22/24, 22/22, 17/22, 12/17, 11/12; 11/24)
    "H10": "92%", "I10": "100%", "J10": "77%", "K10": "71%", "L10": "92%", "M10": "46%",
    # 总计, pooled: 83/95, 79/83, 60/79, 43/60, 35/43; 35/95
    "B17": "95", "C17": "83", "D17": "79", "E17": "60", "F17": "43", "G17": "35",
    "H17": "87%", "I17": "95%", "J17": "76%", "K17": "72%", "L17": "81%", "M17": "37%",
    # 销售顾问E, F and the spare rows: named or not, no figures
    "A11": "销售顾问E", "A12": "销售顾问F", "A13": "", "H11": "", "M12": "", "M16": "",
}

SOURCES = {
    # 集客合计 and source mix: A 6/4/10 of 20; B 9/6/15 of 30; C 5/6/10 of 21; D 8/4/12 of 24
    "E7": "20", "F7": "30%", "G7": "20%", "H7": "50%",
    "E8": "30", "F8": "30%", "G8": "20%", "H8": "50%",
    "E9": "21", "F9": "24%", "G9": "29%", "H9": "48%",
    "E10": "24", "F10": "33%", "G10": "17%", "H10": "50%",
    "E11": "", "F11": "",
    # 总计 28 + 20 + 47 = 95: 29.5%, 21.1%, 49.5%
    "B17": "28", "C17": "20", "D17": "47", "E17": "95", "F17": "29%", "G17": "21%", "H17": "49%",
    # 集客量分析表: targets 30/25/45 of 100, actual 28/20/47 of 95, next month 35/25/50 of 110
    "C21": "30%", "D21": "28", "E21": "29%", "F21": "93%", "H21": "32%",
    "C22": "25%", "D22": "20", "E22": "21%", "F22": "80%", "H22": "23%",
    "C23": "45%", "D23": "47", "E23": "49%", "F23": "104%", "H23": "45%",
    "B24": "100", "C24": "100%", "D24": "95", "E24": "100%", "F24": "95%", "G24": "110", "H24": "100%",
    # the 集客目标 the sales target needs (留档率与成交率!F32): 112.67
    "G25": "113",
}

RETENTION = {
    "E7": "20", "E8": "30", "E9": "21", "E10": "24", "E17": "95",
    "I7": "17", "I8": "25", "I9": "19", "I10": "22", "I17": "83",
    "B17": "23", "C17": "64", "D17": "8", "F17": "17", "G17": "60", "H17": "6", "N17": "43",
    # 留档率 = 潜在 / 来访 per form: A 3/5, 12/13, 2/2, 17/20
    "J7": "60%", "K7": "92%", "L7": "100%", "M7": "85%",
    # B 6/8, 18/20, 1/2, 25/30
    "J8": "75%", "K8": "90%", "L8": "50%", "M8": "83%",
    # C 3/4, 14/15, 2/2, 19/21
    "J9": "75%", "K9": "93%", "L9": "100%", "M9": "90%",
    # D 5/6, 16/16, 1/2, 22/24
    "J10": "83%", "K10": "100%", "L10": "50%", "M10": "92%",
    # 总计 17/23, 60/64 = 93.75%, 6/8, 83/95
    "J17": "74%", "K17": "94%", "L17": "75%", "M17": "87%",
    # 成交率 = 成交 / 潜在: 8/17, 13/25, 10/19, 12/22 = 54.5%; 43/83
    "O7": "47%", "O8": "52%", "O9": "53%", "O10": "55%", "O17": "52%",
    "J11": "", "M11": "", "O11": "",
    # 集客目标: 潜在 needed = target / 成交率, 集客 = that / 留档率
    # A 10 / (8/17) = 21.25, / (17/20) = 25
    "A22": "销售顾问A", "B22": "85%", "C22": "47%", "E22": "21", "F22": "25",
    # B 15 / (13/25) = 28.85, / (25/30) = 34.6
    "E23": "29", "F23": "35",
    # C 12 / (10/19) = 22.8, / (19/21) = 25.2
    "E24": "23", "F24": "25",
    # D 14 / (12/22) = 25.67, / (22/24) = 28
    "E25": "26", "F25": "28",
    # 销售顾问E: no rates, no target
    "A26": "销售顾问E", "B26": "", "E26": "", "F26": "",
    # 总计: 51 / (43/83) = 98.44, / (83/95) = 112.67
    "B32": "87%", "C32": "52%", "D32": "51", "E32": "98", "F32": "113",
}

INPUTS = {
    SRC: ["B2", "E2"] + ["%s%d" % (c, r) for r in range(7, 17) for c in "ABCD"]
         + ["B21", "B22", "B23", "G21", "G22", "G23"],
    RET: ["%s%d" % (c, r) for r in range(7, 17) for c in "BCDFGHN"] + ["D%d" % r for r in range(22, 32)],
    SUC: ["%s%d" % (c, r) for r in range(7, 17) for c in "BCDEFG"],
}


class ConsultantFunnel(TemplateCase):
    TEMPLATE = "consultant_funnel.ots"

    def test_target_calculator_back_solves_leads_and_visits(self):
        # seed 004 §2.3: each consultant's rates and target -> 留档客户 = target / 成交率,
        # 来访 = 留档 / 留档率 (FUNNEL_TARGET), checked against the manager's capacity of 30
        self.fill_all(FILL)
        calc = "目标计算器"
        self.fill_all({calc: {"D4": 30, "B7": 10, "C7": 0.5, "D7": 0.85, "B8": 15, "C8": 0.55, "D8": 0.9,
                              "B9": 13, "C9": 0.5, "D9": 0.8, "B10": 14, "C10": 0.6, "D10": 0.85}})
        self.assertAllShown(calc, {
            # A: 10 / 0.5 = 20; / 0.85 = 23.53 -> 24 of 30
            "A7": "销售顾问A", "G7": "20", "H7": "24", "I7": "80%", "J7": "可行",
            # B: 15 / 0.55 = 27.27; / 0.9 = 30.30 shows 30: fits a capacity of 30 (compared as shown)
            "G8": "27", "H8": "30", "I8": "100%", "J8": "可行",
            # C: 13 / 0.5 = 26; / 0.8 = 32.5 -> 33 > 30
            "G9": "26", "H9": "33", "I9": "110%", "J9": "超出接待能力",
            # D: 14 / 0.6 = 23.33; / 0.85 = 27.45
            "G10": "23", "H10": "27", "I10": "90%", "J10": "可行",
            # totals of the exact figures: 96.6 and 113.78
            "B17": "52", "G17": "97", "H17": "114",
            # this month's measured rates beside, for reference: 8 / 17 and 17 / 20
            "E7": "47%", "F7": "85%",
        })
        self.assertEqual(self.highlighted(calc, "J9"), ["预警"])
        self.assertEqual(self.highlighted(calc, "J8"), [])
        self.assertEqual(self.error_cells(), [])

    def test_success_funnel_displays_the_seed_figures(self):
        self.fill_all(FILL)
        self.assertAllShown(SUC, SUCCESS)
        self.assertEqual(self.error_cells(), [])

    def test_sources_and_retention(self):
        self.fill_all(FILL)
        self.assertAllShown(SRC, SOURCES)
        self.assertAllShown(RET, RETENTION)

    def test_rows_added_in_spare_rows_count_in_the_totals(self):
        self.fill_all(FILL)
        self.fill(SRC, "A13", "新顾问")
        self.fill_row(SUC, "B16", [5, 5, 4, 3, 2, 1])   # the last spare row
        self.fill_row(SUC, "B11", [10, 8, 8, 6, 4, 3])  # 销售顾问E
        # totals 95+5+10 = 110, 83+5+8 = 96, 79+4+8 = 91, 60+3+6 = 69, 43+2+4 = 49, 35+1+3 = 39
        self.assertAllShown(SUC, {
            "A13": "新顾问", "B17": "110", "G17": "39",
            "H17": "87%",   # 96/110
            "I17": "95%",   # 91/96
            "J17": "76%",   # 69/91
            "K17": "71%",   # 49/69
            "L17": "80%",   # 39/49
            "M17": "35%",   # 39/110
            "H16": "100%", "M16": "20%", "M11": "30%"})

    def test_a_gap_in_a_row_is_left_out_of_the_pooled_rate(self):
        self.fill_all(FILL)
        self.fill(SUC, "E8", None)  # B's 试车 not entered
        # 新车展示->试车 pools A, C, D only: (10+15+17)/(16+18+22) = 42/56; 试车->报价成交 8+10+12 / 42
        self.assertAllShown(SUC, {"J8": "", "K8": "", "J17": "75%", "K17": "71%", "E17": "42",
                                  "M8": "33%"})
        self.assertEqual(self.error_cells(), [])

    def test_target_setting_follows_the_rates(self):
        self.fill_all(FILL)
        self.fill(RET, "N7", 0)   # A closes nothing: no rate to back-solve with
        self.assertAllShown(RET, {"O7": "0%", "E22": "", "F22": ""})
        self.assertEqual(self.error_cells(), [])

    def test_highlights(self):
        self.fill_all(FILL)
        # the steps below the team's rate (87% 95% 76% 72% 81% 37%) are red
        red = [c for c in "HIJKLM" if self.highlighted(SUC, "%s7" % c)]
        self.assertEqual(red, ["H", "I", "J", "L", "M"])         # A: 85 94 63 (80) 63 25
        red = [c for c in "HIJKLM" if self.highlighted(SUC, "%s10" % c)]
        self.assertEqual(red, ["K"])                             # D: 92 100 77 71 92 46
        self.assertEqual(self.highlighted(SUC, "M17"), [])
        self.assertEqual(self.highlighted(SUC, "H11"), [])       # no figures, no warning
        # next month's 集客 target (110) below what the sales target needs (112.67)
        self.assertEqual(self.highlighted(SRC, "G24"), ["预警"])
        self.fill(SRC, "G23", 53)
        self.assertEqual(self.highlighted(SRC, "G24"), [])      # 113 >= 112.67

    def test_empty_template_shows_no_errors_and_no_figures(self):
        self.assertEqual(self.error_cells(), [])
        for sheet in (SRC, RET, SUC):
            shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(sheet)
                     if c.getString() and not c.getString().startswith("销售顾问")}
            self.assertEqual(shown, {}, sheet)
        self.assertEqual([self.at(SUC, "A%d" % r).getString() for r in range(7, 14)],
                         ["销售顾问A", "销售顾问B", "销售顾问C", "销售顾问D", "销售顾问E", "销售顾问F", ""])

    def test_protection(self):
        self.assertProtectedLayout(INPUTS)
        for sheet, name in ((RET, "A7"), (SUC, "A7"), (RET, "B22"), (SRC, "D21")):
            self.assertTrue(self.at(sheet, name).CellProtection.IsLocked, name)
        self.assertIn("FUNNELRATE", self.at(SUC, "H17").getFormula().upper().replace("_", ""))
        self.assertIn("FUNNELTARGET", self.at(RET, "F22").getFormula().upper().replace("_", ""))

    def test_validity(self):
        self.assertTrue(self.refuses(SUC, "B7", -1))
        self.assertTrue(self.refuses(SUC, "C7", 16.5))
        self.assertTrue(self.refuses(SUC, "C7", "十七"))
        self.assertFalse(self.refuses(SUC, "C7", 17))
        self.assertTrue(self.refuses(RET, "N7", -2))
        self.assertTrue(self.refuses(RET, "D22", 9.5))
        self.assertTrue(self.refuses(SRC, "B21", -30))
        self.assertEqual(self.at(SUC, "B7").Validation.ErrorMessage, "请输入大于或等于 0 的整数，如 120（不要输入小数或文字）。")

    def test_print_setup_and_labels(self):
        self.assertPrintSetup(one_page=True)
        self.assertNoBrands()
        self.assertEqual(self.doc.DocumentProperties.Title, "销售顾问漏斗分析")
        self.assertEqual([self.at(SUC, "%s6" % c).getString().replace("\n", "") for c in "BCDEFG"],
                         ["初次接触", "弄清需求", "新车展示", "试车", "报价成交", "递交新车"])
        self.assertEqual(self.at(SUC, "M5").getString().replace("\n", ""), "销售成功率")
        self.assertEqual([self.at(SRC, "%s6" % c).getString().replace("\n", "") for c in "BCD"], ["老客户推荐", "主动出击", "路过展厅"])
        self.assertEqual([self.at(RET, "%s6" % c).getString().replace("\n", "") for c in "BCD"], ["来电", "来店", "其它"])
        self.assertEqual([self.at(RET, "%s5" % c).getString().replace("\n", "") for c in "BFJN"],
                         ["来访客户数量", "潜在客户数量（留档）", "留档率", "成交"])
        self.assertEqual(self.at(RET, "A20").getString(), "集客目标 = 销售目标 ÷（留档率 × 成交率）")

    def test_round_trip_keeps_the_displayed_values(self):
        self.fill_all(FILL)
        self.doc.calculateAll()
        self.assertRoundTrips({SUC: SUCCESS, SRC: SOURCES, RET: RETENTION})


if __name__ == "__main__":
    unittest.main(verbosity=2)
