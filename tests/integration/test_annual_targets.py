"""年度目标体系 (annual_targets.ots), opened as File > New does.

Golden fill: seed 004 §1.1 as templates.md section 9 states it: 新车 1,287 台;
留档成交率 35 %, 留档率 90 % -> 集客量 4,086 人; 单车毛利 1.92 万 -> 销售部毛利
2,471 万; 进厂台次 3,802 次 x 3,500 元 = 13,307,000 元; 售后部毛利 466 万 (35 %);
公司毛利 2,937 万. The seed gives no market figures: 117,000 registrations
+10 % = 128,700, brand share 8 % +25 % = 10 %, dealer share 8 % +25 % = 10 %
give 128,700 x 10 % x 10 % = 1,287 exactly. Nor does it give last year's
months: 1,170 cars and 3,700 visits, worked by hand below.
"""
import unittest

from template_checks import TemplateCase

S = "年度目标"
M = "月度分解"

LAST_CARS = (80, 70, 90, 100, 100, 90, 90, 100, 110, 110, 110, 120)
LAST_VISITS = (250, 240, 300, 290, 300, 310, 320, 330, 320, 330, 340, 370)

GOLDEN = {
    S: {
        "B2": "示例经销商", "E2": "2026-01",
        "B7": 117000, "C7": 0.1, "B8": 0.08, "C8": 0.25, "B9": 0.08, "C9": 0.25,
        "B14": 0.35, "B15": 0.9, "B16": 1.92,
        "B23": 3802, "B24": 3500, "B25": 0.35,
        "E40": 0.45, "E41": 0.95, "E42": 0.9,
        "C44": "区域Top30%", "D44": "区域Top30%", "C47": 1, "D47": 1, "C48": 0.15, "C49": 0.8,
    },
    M: dict([("B%d" % (7 + i), v) for i, v in enumerate(LAST_CARS)]
            + [("C%d" % (7 + i), v) for i, v in enumerate(LAST_VISITS)]),
}

SEED = {
    "D7": "128,700", "D8": "10.0%", "D9": "10.0%",
    "D10": "1,287台", "D11": "1,287台",
    # 1287 / 0.35 = 3677.14; / 0.9 = 4085.71
    "D14": "3,677人", "D15": "4,086人",
    # 1287 x 1.92 = 2471.04 万
    "D16": "2,471万",
    "D23": "3,802次", "D24": "13,307,000元",
    # 13,307,000 x 35 % = 4,657,450 = 465.745 万; + 2471.04 = 2936.785 万
    "D25": "466万", "D26": "2,937万",
    # the seed's table
    "C31": "2,937万", "D31": "2,471万", "E31": "466万",
    "C32": "1,287台", "D32": "1,287台", "C33": "3,802次", "E33": "3,802次",
    "D35": "1.92万", "D36": "35%", "D37": "90%", "D38": "4,086人", "E39": "3,500元",
    "E40": "45%", "E41": "95%", "E42": "90%", "C44": "区域Top30%", "D44": "区域Top30%",
    "C47": "100%", "D47": "100%", "C48": "15%", "C49": "80%",
}

# TARGET_SPLIT(1287; last year's cars): each month exactly 1.1 x last year's
CARS = (88, 77, 99, 110, 110, 99, 99, 110, 121, 121, 121, 132)
# TARGET_SPLIT(3802; last year's visits): 3802/3700 x w floored gives 3,796;
# the 6 left go to the largest remainders: Apr .99, Jan .89, Jul .82, Sep .82, Feb .62, Jun .55
VISITS = (257, 247, 308, 298, 308, 319, 329, 339, 329, 339, 349, 380)
# TARGET_SPLIT(13307000; visits; 2): 3,596.486486... per visit, to the cent; Jul and Sep (both 320)
# tie on .5676: the earlier month gets the cent
REVENUE = ("899,121.62", "863,156.76", "1,078,945.95", "1,042,981.08", "1,078,945.95", "1,114,910.81",
           "1,150,875.68", "1,186,840.54", "1,150,875.67", "1,186,840.54", "1,222,805.40", "1,330,700.00")


class AnnualTargets(TemplateCase):
    TEMPLATE = "annual_targets.ots"

    def test_golden_fill_displays_the_seed_figures(self):
        self.fill_all(GOLDEN)
        self.assertAllShown(S, SEED)
        self.assertEqual(self.error_cells(), [])

    def test_the_year_splits_into_months_exactly(self):
        self.fill_all(GOLDEN)
        expected = {}
        for i in range(12):
            r = 7 + i
            expected["D%d" % r] = "{:,}".format(CARS[i])
            expected["E%d" % r] = "{:,}".format(VISITS[i])
            expected["F%d" % r] = REVENUE[i]
        expected.update({"D19": "1,287", "E19": "3,802", "F19": "13,307,000.00",
                         "D20": "等于年度目标", "E20": "等于年度目标", "F20": "等于年度目标"})
        self.assertAllShown(M, expected)
        # the named cells the month's tables take
        probe = self.doc.Sheets
        probe.insertNewByName("_probe", probe.Count)
        p = probe.getByName("_probe")
        for i in range(12):
            p.getCellByPosition(0, i).setFormula("=交车数_目标_%02d" % (i + 1))
            p.getCellByPosition(1, i).setFormula("=售后产值目标_%02d" % (i + 1))
        self.doc.calculateAll()
        self.assertEqual([p.getCellByPosition(0, i).getValue() for i in range(12)], list(CARS))
        self.assertEqual(round(sum(p.getCellByPosition(1, i).getValue() for i in range(12)), 2), 13307000.0)
        self.assertEqual(round(p.getCellByPosition(1, 0).getValue(), 2), 899121.62)

    def test_a_typed_target_overrides_the_market_and_both_show(self):
        self.fill_all(GOLDEN)
        self.fill(S, "B11", 1300)
        # 1300 / 0.35 / 0.9 = 4126.98; 1300 x 1.92 = 2496 万; + 465.745 = 2961.745 万
        self.assertAllShown(S, {"D10": "1,287台", "D11": "1,300台", "D15": "4,127人", "D16": "2,496万",
                                "D26": "2,962万"})
        # and the months follow: 1300 over 1170 (10/9 each): the sum stays exact
        self.assertShown(M, "D19", "1,300")

    def test_visits_from_the_customer_base(self):
        self.fill_all(GOLDEN)
        self.fill(S, "B23", None)
        # (2,500 + 400 - 300) x 1.5 = 3,900 visits; x 3,500 = 13,650,000
        for cell, value in (("B19", 2500), ("B20", 400), ("B21", 300), ("B22", 1.5)):
            self.fill(S, cell, value)
        self.assertAllShown(S, {"D22": "3,900次", "D23": "3,900次", "D24": "13,650,000元"})
        # a typed 售后部毛利 (万元) stands: 2471.04 + 500 = 2971.04
        self.fill(S, "B26", 500)
        self.assertAllShown(S, {"D25": "500万", "D26": "2,971万"})

    def test_empty_template_shows_no_errors_and_no_figures(self):
        self.assertEqual(self.error_cells(), [])
        for sheet in (S, M):
            shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(sheet) if c.getString()}
            # the month names of the chart's categories are labels, not figures
            shown = {k: v for k, v in shown.items() if not v.endswith("月")}
            self.assertEqual(shown, {}, sheet)

    def test_stamp_names_and_protection(self):
        self.assertEqual(self.stamp(), ("annual_targets", 2))
        names = self.named_cells()
        for i in range(12):
            self.assertEqual(names["交车数_目标_%02d" % (i + 1)], "%s.D%d" % (M, 7 + i))
            self.assertEqual(names["售后产值目标_%02d" % (i + 1)], "%s.F%d" % (M, 7 + i))
        self.assertEqual(names["经销商"], "%s.B2" % S)
        self.assertProtectedLayout({S: ["B7", "C7", "B11", "B14", "B23", "C44"], M: ["B7", "C18"]})
        self.assertTrue(self.refuses(S, "B7", -1))
        self.assertTrue(self.refuses(S, "C7", -2))      # growth below -100 %
        self.assertFalse(self.refuses(S, "C7", -0.05))  # a shrinking market is allowed
        self.assertPrintSetup()

    def test_chart_follows_the_months(self):
        self.assertChartsFollowCells(M, ["月度交车目标"])


if __name__ == "__main__":
    unittest.main()
