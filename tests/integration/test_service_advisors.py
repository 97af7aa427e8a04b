"""售后服务顾问目标 (service_advisors.ots), opened as File > New does.

Golden fill: seed 004 §2.3 (售后部门员工目标分解) as templates.md section 10
states it: 5 advisors at 5 check-outs a day, planned 9, at most 8 -> 45 a
day, 6 advisors (1 more), 7.5 each shown as 8; A-E 年营业额目标 5,000,000 /
5,000,000 / 5,100,000 x 3, 年保险 650 / 650 / 680 x 3, 年精品 130,000 / 130,000
/ 140,000 x 3. The department's year is the advisors' sum (25,300,000; 3,340;
680,000); 营业额 is split by weights 500/500/510/510/510, 保险 and 精品 have A
and B typed and the rest split over C-E by the same weights.
"""
import unittest

from template_checks import TemplateCase

S = "服务顾问目标"

GOLDEN = {S: {
    "B2": "示例经销商", "E2": "2026-01",
    "C6": 5, "C7": 5786400, "C8": 5, "C9": 9, "C10": 8,
    "C13": 25300000, "D13": 3340, "E13": 680000,
    "B17": 500, "B18": 500, "B19": 510, "B20": 510, "B21": 510,
    "D17": 650, "D18": 650, "E17": 130000, "E18": 130000,
}}

SEED = {
    "H6": "45", "H7": "6", "H8": "1", "H9": "8", "I9": "精确值 7.5", "H10": "25",
    "G17": "5,000,000", "G18": "5,000,000", "G19": "5,100,000", "G20": "5,100,000", "G21": "5,100,000",
    "H17": "650", "H18": "650", "H19": "680", "H20": "680", "H21": "680",
    "I17": "130,000", "I18": "130,000", "I19": "140,000", "I20": "140,000", "I21": "140,000",
    # 服务顾问F has no weight: no target
    "G22": "", "H22": "",
    "G27": "25,300,000", "H27": "3,340", "I27": "680,000",
    # the team average of the five (the seed prints 665 and 132,984 here, which are not
    # the averages of its own rows: (2 x 650 + 3 x 680) / 5 = 668)
    "G28": "5,060,000", "H28": "668", "I28": "136,000",
    "G29": "等于部门目标", "H29": "等于部门目标", "I29": "等于部门目标",
    # left to split after the typed A and B: 3340 - 1300, 680000 - 260000
    "D14": "2,040", "E14": "420,000",
}


class ServiceAdvisors(TemplateCase):
    TEMPLATE = "service_advisors.ots"

    def test_golden_fill_displays_the_seed_figures(self):
        self.fill_all(GOLDEN)
        self.assertAllShown(S, SEED)
        self.assertEqual(self.error_cells(), [])

    def test_uneven_split_adds_up_exactly(self):
        self.fill_all(GOLDEN)
        # 100 insurance policies over weights 500/500/510/510/510 (2530): 19.76, 19.76, 20.16 x 3
        # floors 19, 19, 20, 20, 20 = 98; the 2 left go to A and B (.76 beat .16)
        self.fill(S, "D17", None)
        self.fill(S, "D18", None)
        self.fill(S, "D13", 100)
        self.assertAllShown(S, {"H17": "20", "H18": "20", "H19": "20", "H20": "20", "H21": "20",
                                "H27": "100", "H29": "等于部门目标"})
        # typed figures above the department's target: flagged, nothing split
        self.fill(S, "D17", 90)
        self.fill(S, "D18", 20)
        self.assertShown(S, "D14", "-10")
        self.assertEqual(self.highlighted(S, "D14"), ["预警"])
        self.assertAllShown(S, {"H19": "", "H29": "不等于部门目标"})
        self.assertEqual(self.error_cells(), [])

    def test_staffing_rounds_up(self):
        self.fill_all(GOLDEN)
        # 5 x 8 = 40 a day at most 8: exactly 5, none to add
        self.fill(S, "C9", 8)
        self.assertAllShown(S, {"H6": "40", "H7": "5", "H8": "0", "H9": "8", "I9": "精确值 8.0"})
        # 41 a day: 6 advisors
        self.fill(S, "C6", 1)
        self.fill(S, "C9", 41)
        self.assertAllShown(S, {"H6": "41", "H7": "6", "H8": "5", "I9": "精确值 6.83"})

    def test_empty_template_shows_no_errors_and_no_figures(self):
        self.assertEqual(self.error_cells(), [])
        shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(S)
                 if c.getString() and c.getString() != "0" and not c.getString().startswith("服务顾问")}
        self.assertEqual(shown, {})

    def test_stamp_names_and_protection(self):
        self.assertEqual(self.stamp(), ("service_advisors", 2))
        names = self.named_cells()
        self.assertEqual(names["增加后服务顾问人数"], "%s.H7" % S)
        self.assertEqual(names["顾问年营业额目标"], "%s.G17:G26" % S)
        self.assertProtectedLayout({S: ["C6", "C9", "C13", "A17", "B17", "D17", "K17", "L26"]})
        self.assertTrue(self.refuses(S, "C6", 2.5))
        self.assertTrue(self.refuses(S, "D17", -1))
        self.assertPrintSetup(one_page=True)

    def test_chart_follows_the_advisors(self):
        self.assertChartsFollowCells(S, ["顾问营业额目标"])


if __name__ == "__main__":
    unittest.main()
