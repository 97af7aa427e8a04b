"""售后车间效率与产值目标 (workshop_targets.ots), opened as File > New does.

Golden fill: seed 004 (售后部门员工目标分解) as templates.md section 2 states
it: 机修/钣金/喷漆 with 6/3/4 technicians, 可售 12000/6000/8000, 生产
9000/5000/5000, 销售 8775/3500/3000, 480 per hour, target 8,844,682.38.
Figures the spec does not list are worked by hand in the comments.
"""
import unittest

from template_checks import TemplateCase

S = "车间效率与产值目标"

GOLDEN_FILL = {S: {
    "B2": "示例经销商", "E2": 46327,  # 2026-11-01
    "B5": 8844682.38, "E5": 0.9,
    "B9": 6, "C9": 12000, "D9": 9000, "E9": 8775, "F9": 480,
    "B10": 3, "C10": 6000, "D10": 5000, "E10": 3500, "F10": 480,
    "B11": 4, "C11": 8000, "D11": 5000, "E11": 3000, "F11": 480,
}}

CURRENT = {
    # 合计 of the inputs
    "B12": "13", "C12": "26,000.00", "D12": "19,000.00", "E12": "15,275.00",
    # 工时单价 合计: 7,332,000 / 15,275 sold hours
    "F12": "480.00",
    # 销售工时占比: 8775, 3500, 3000 of 15275
    "G9": "57%", "G10": "23%", "G11": "20%", "G12": "100%",
    # 生产率 = 生产 / 可售; 合计 pooled 19000/26000
    "H9": "75%", "H10": "83%", "H11": "63%", "H12": "73%",
    # 工时效率 = 销售 / 生产; 合计 15275/19000 = 0.80395 (format 0.#%)
    "I9": "97.5%", "I10": "70%", "I11": "60%", "I12": "80%",
    # 总效率 = 销售 / 可售; 合计 15275/26000 = 0.5875
    "J9": "73%", "J10": "58%", "J11": "38%", "J12": "59%",
    # 营业额 = 销售工时 x 480
    "K9": "4,212,000.00", "K10": "1,680,000.00", "K11": "1,440,000.00", "K12": "7,332,000.00",
}

TARGET = {
    # TARGET_SPLIT(8844682.38; {8775; 3500; 3000}; 2)
    "B16": "5,080,987.75", "B17": "2,026,604.80", "B18": "1,737,089.83", "B19": "8,844,682.38",
    # target revenue / 480
    "C16": "10,585.39", "C17": "4,222.09", "C18": "3,618.94", "C19": "18,426.42",
    # / 工时效率 0.975, 0.7, 0.6; 合计 10856.8114 + 6031.5619 + 6031.5619 = 22919.9352
    "D16": "10,856.81", "D17": "6,031.56", "D18": "6,031.56", "D19": "22,919.94",
    # - 生产工时 9000, 5000, 5000; 合计 22919.9352 - 19000
    "E16": "1,856.81", "E17": "1,031.56", "E18": "1,031.56", "E19": "3,919.94",
    # 可售 x 90% - needed: 10800 - 10856.81, 5400 - 6031.56, 7200 - 6031.56
    "F16": "-56.81", "F17": "-631.56", "F18": "1,168.44",
    "F19": "不适用",  # trades cannot lend each other technicians
    # 目标生产率 = needed / 可售: 10856.81/12000, 6031.56/6000, 6031.56/8000; 22919.94/26000
    "G16": "90%", "G17": "101%", "G18": "75%", "G19": "88%",
    # 目标工时效率 = target sold / needed = current; 18426.42/22919.94 = 0.80395
    "H16": "97.5%", "H17": "70%", "H18": "60%", "H19": "80%",
    # 目标总效率 = target sold / 可售: 10585.39/12000, 4222.09/6000, 3618.94/8000; 18426.42/26000
    "I16": "88%", "I17": "70%", "I18": "45%", "I19": "71%",
}

INPUTS = {S: ["B2", "E2", "B5", "E5"] + ["%s%d" % (c, r) for r in (9, 10, 11) for c in "BCDEF"]}


class WorkshopTargets(TemplateCase):
    TEMPLATE = "workshop_targets.ots"

    def test_golden_fill_displays_the_seed_figures(self):
        self.fill_all(GOLDEN_FILL)
        self.assertAllShown(S, CURRENT)
        self.assertAllShown(S, TARGET)
        self.assertEqual(self.error_cells(), [])
        # dealer and month in the header
        self.assertShown(S, "B2", "示例经销商")
        self.assertShown(S, "E2", "2026-11")

    def test_empty_template_shows_no_errors_and_no_figures(self):
        self.assertEqual(self.error_cells(), [])
        shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(S) if c.getString()}
        self.assertEqual(shown, {})
        self.assertShown(S, "E5", "90.0%")  # the productivity ceiling comes pre-filled (a rate input: 0.0#%)

    def test_parts_and_labour_split_first(self):
        # seed 004 §1.3: the department's target split by last year's 配件 : 工时 = 72 : 28 before the
        # trades. 31,588,151.36 x 28 % = 8,844,682.3808 -> 8,844,682.38 (the labour target of the
        # golden fill); x 72 % = 22,743,468.9792 floors to .97, and the cent left goes to it (.92 > .08)
        self.fill_all(GOLDEN_FILL)
        self.assertAllShown(S, {"E6": "", "F6": "8,844,682.38"})  # no ratio yet: all of it is labour
        self.fill(S, "B5", 31588151.36)
        self.fill(S, "B6", 72)
        self.fill(S, "C6", 28)
        self.assertAllShown(S, {"E6": "22,743,468.98", "F6": "8,844,682.38"})
        self.assertAllShown(S, TARGET)   # the trades split the labour part, as in section 2
        # last year's amounts work the same as the percentages
        self.fill(S, "B6", 7200000)
        self.fill(S, "C6", 2800000)
        self.assertAllShown(S, {"E6": "22,743,468.98", "F6": "8,844,682.38", "B16": "5,080,987.75"})
        self.assertEqual(self.error_cells(), [])

    def test_partial_fills_show_blanks_not_errors(self):
        # the revenue target alone: nothing to split by yet
        self.fill(S, "B5", 1000000)
        self.assertEqual(self.error_cells(), [])
        self.assertShown(S, "B16", "")
        # one trade only: it takes the whole target, the others stay blank
        for cell, value in {"C9": 100, "D9": 80, "E9": 60, "F9": 500}.items():
            self.fill(S, cell, value)
        self.assertEqual(self.error_cells(), [])
        self.assertAllShown(S, {
            "G9": "100%", "H9": "80%", "I9": "75%", "J9": "60%", "K9": "30,000.00",
            "H12": "80%", "I12": "75%", "J12": "60%",
            # 1,000,000 / 500 = 2000 sold hours, / 0.75 = 2666.67 worked, 100 x 90% - 2666.67
            "B16": "1,000,000.00", "C16": "2,000.00", "D16": "2,666.67", "E16": "2,586.67",
            "F16": "-2,576.67", "B17": "", "C17": "", "D17": "", "F17": "", "G17": "",
        })
        # worked hours blank: no efficiency, so no needed hours either
        self.fill(S, "D9", None)
        self.assertEqual(self.error_cells(), [])
        self.assertAllShown(S, {"H9": "", "I9": "", "J9": "60%", "D16": "", "E16": "", "F16": ""})

    def test_a_lower_ceiling_moves_the_capacity_check(self):
        self.fill_all(GOLDEN_FILL)
        self.fill(S, "E5", 0.8)
        # 12000 x 80% - 10856.81; 6000 x 80% - 6031.56; 8000 x 80% - 6031.56
        self.assertAllShown(S, {"F16": "-1,256.81", "F17": "-1,231.56", "F18": "368.44"})

    def test_shortfalls_are_highlighted_red(self):
        self.fill_all(GOLDEN_FILL)
        # capacity short in 机修 and 钣金 (negative), not in 喷漆
        self.assertEqual([self.highlighted(S, c) for c in ("F16", "F17", "F18")], [["预警"], ["预警"], []])
        # the target productivity above the 90% ceiling, compared as shown: 100.5% (101%) is;
        # 90.5% shows as 90% and is not (templates.md, second edition); 75.4% is fine
        self.assertEqual(self.shown(S, "G16"), "90%")
        self.assertEqual([self.highlighted(S, c) for c in ("G16", "G17", "G18")], [[], ["预警"], []])
        self.assertEqual(self.highlighted(S, "F19"), [])
        # a lower requirement clears 机修's warning
        self.fill(S, "B5", 8000000)
        # 8,000,000 x 8775/15275 = 4,595,744.68 for 机修; / 480 / 0.975 = 9,819.97 needed <= 10,800 (81.8%)
        self.assertEqual([self.highlighted(S, c) for c in ("F16", "G16")], [[], []])
        # the empty template warns about nothing
        for name in ("F16", "F17", "F18", "G16", "G17", "G18"):
            self.fill(S, "B5", None)
            self.assertEqual(self.highlighted(S, name), [], name)

    def test_protection(self):
        self.assertProtectedLayout(INPUTS)
        # the computed cells are formulas, not typed numbers
        self.assertTrue(self.at(S, "B16").getFormula().startswith("=IF("))
        self.assertIn("TARGETSPLIT", self.at(S, "B16").getFormula().upper().replace("_", ""))
        self.assertIn("WORKSHOPEFFICIENCY", self.at(S, "H12").getFormula().upper().replace("_", ""))

    def test_validity_refuses_wrong_entries(self):
        self.assertTrue(self.refuses(S, "B9", 2.5))     # technicians: whole numbers
        self.assertTrue(self.refuses(S, "B9", -1))
        self.assertFalse(self.refuses(S, "B9", 6))
        for cell in ("C9", "D10", "E11"):               # hours >= 0
            self.assertTrue(self.refuses(S, cell, -0.5), cell)
            self.assertTrue(self.refuses(S, cell, "很多"), cell)
            self.assertFalse(self.refuses(S, cell, 8775.5), cell)
        self.assertTrue(self.refuses(S, "F9", -480))    # money >= 0
        self.assertTrue(self.refuses(S, "B5", -1))
        # a rate holds the fraction: 0 or 1 %..1000 %
        self.assertTrue(self.refuses(S, "E5", 10.005))
        self.assertTrue(self.refuses(S, "E5", -0.1))
        self.assertTrue(self.refuses(S, "E5", 0.009))
        self.assertFalse(self.refuses(S, "E5", 0.9))
        self.assertTrue(self.refuses(S, "E5", 90))
        msg = self.at(S, "C9").Validation.ErrorMessage
        self.assertEqual(msg, "请输入大于或等于 0 的工时，如 9000。")

    def test_print_setup_and_labels(self):
        self.assertPrintSetup(one_page=True)
        self.assertNoBrands()
        self.assertEqual(self.doc.DocumentProperties.Title, "售后车间效率与产值目标")
        self.assertEqual([self.at(S, "A%d" % r).getString() for r in (9, 10, 11, 12)], ["机修", "钣金", "喷漆", "合计"])
        # headings may be broken into even lines (templates.md, second edition)
        self.assertEqual(self.at(S, "B8").getString().replace("\n", ""), "能够独立维修的技师或技师组")

    def test_round_trip_keeps_the_displayed_values(self):
        self.fill_all(GOLDEN_FILL)
        self.doc.calculateAll()
        self.assertRoundTrips({S: dict(CURRENT, **TARGET)})


if __name__ == "__main__":
    unittest.main(verbosity=2)
