"""跨部门合作行动计划 (action_plan.ots), opened as File > New does.

Golden fill: the seed's 跨部门合作的行动计划模版 (004):
    潜在客户名单数 523, 邀约进店批次 11, target rate 4%, list target 1,300 -> 2%, 52
    休眠意向客户数量 92, 意向进店批次 14, 15%, 184                      -> 15%, 28 (27.6)
    老客户推荐名单数 3, 推荐进店数 3, 30%, 30                           -> 100%, 9
    老客户再购意向数量 0, 再购进店批次 0, 70%, 20                        -> (0/0), 14
"""
import unittest

from template_checks import TemplateCase

S = "行动计划"

NOV_1, NOV_5, NOV_9, NOV_10, NOV_30, DEC_20 = 46327, 46331, 46335, 46336, 46356, 46376  # 2026 serials

FILL = {S: {
    "B2": "示例经销商", "E2": NOV_1,
    "C6": 523, "C7": 11, "E6": 0.04, "F6": 1300,
    "C8": 92, "C9": 14, "E8": 0.15, "F8": 184,
    "C10": 3, "C11": 3, "E10": 0.3, "F10": 30,
    "C12": 0, "C13": 0, "E12": 0.7, "F12": 20,
    "G7": "邀约进店率低，邀约由头不足", "H7": "市场部每月提供两个活动由头和统一话术",
    "I7": NOV_1, "J7": NOV_30, "K7": "市场经理",
    "G13": "出质保期老客户未盘点", "I13": NOV_5, "J13": DEC_20, "K13": "客户关系专员",
}}

GOLDEN = {
    # 当前转化率 = visits / list: 11/523 = 2.1%, 14/92 = 15.2%, 3/3
    "D6": "2%", "D8": "15%", "D10": "100%",
    "D12": "",   # 0 of 0: blank (the seed prints 0%)
    # 下阶段流程业绩目标 (visits) = list target x target rate: 1300 x 4%, 184 x 15% = 27.6,
    # 30 x 30%, 20 x 70%
    "F7": "52", "F9": "28", "F11": "9", "F13": "14",
    # the inputs show as the seed shows them
    "C6": "523", "E6": "4.0%", "F6": "1,300", "E12": "70.0%",
    "I7": "2026-11-01", "J7": "2026-11-30", "J13": "2026-12-20",
    # spare objectives stay blank
    "D14": "", "F15": "", "D16": "", "F17": "",
}

LABELS = {
    "A6": "潜在客户赢取", "B6": "潜在客户名单数", "B7": "潜在客户邀约进店批次",
    "A8": "休眠客户激活", "B8": "休眠意向客户数量", "B9": "休眠客户意向进店批次",
    "A10": "老客户推荐", "B10": "老客户推荐名单数", "B11": "老客户推荐进店数",
    "A12": "老客户再购", "B12": "老客户再购意向数量", "B13": "老客户再购进店批次",
    "A5": "目标分解", "B5": "KPI", "C5": "当前表现", "D5": "当前转化率", "E5": "下阶段转化率目标",
    "F5": "下阶段流程业绩目标", "G5": "问题描述", "H5": "提升行动方案", "I5": "启动时间", "J5": "结束时间",
    "K5": "负责人",
}


class ActionPlan(TemplateCase):
    TEMPLATE = "action_plan.ots"

    def test_golden_fill_displays_the_seed_figures(self):
        self.fill_all(FILL)
        self.assertAllShown(S, GOLDEN)
        self.assertEqual(self.error_cells(), [])

    def test_without_a_list_target_the_current_list_is_used(self):
        self.fill_all(FILL)
        self.fill(S, "F6", None)
        self.assertShown(S, "F7", "21")   # 523 x 4% = 20.92
        self.fill(S, "E6", None)
        self.assertShown(S, "F7", "")     # no target rate: no target
        self.assertEqual(self.error_cells(), [])

    def test_spare_objective(self):
        for cell, value in {"A14": "试驾客户转化", "B14": "试驾客户数", "B15": "试驾后订单数",
                            "C14": 40, "C15": 10, "E14": 0.3, "F14": 50}.items():
            self.fill(S, cell, value)
        # 10/40; 50 x 30%
        self.assertAllShown(S, {"A14": "试驾客户转化", "D14": "25%", "F15": "15"})

    def test_empty_template_shows_no_errors_and_no_figures(self):
        self.assertEqual(self.error_cells(), [])
        shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(S) if c.getString()}
        self.assertEqual(shown, {})
        # a list without visits yet, visits without a list: still blank
        self.fill(S, "C6", 100)
        self.fill(S, "C9", 5)
        self.assertEqual(self.error_cells(), [])
        self.assertAllShown(S, {"D6": "", "D8": ""})

    def test_end_date_may_not_come_before_the_start(self):
        self.fill(S, "I7", NOV_10)
        self.assertTrue(self.refuses(S, "J7", NOV_9))
        self.assertFalse(self.refuses(S, "J7", NOV_10))   # the same day is allowed
        self.assertFalse(self.refuses(S, "J7", NOV_30))
        self.fill(S, "J7", NOV_30)
        self.assertTrue(self.refuses(S, "I7", DEC_20))    # a start after the end
        self.assertFalse(self.refuses(S, "I7", NOV_1))
        self.assertTrue(self.refuses(S, "I7", "下周一"))  # dates only
        self.assertTrue(self.refuses(S, "J9", "月底"))
        self.assertFalse(self.refuses(S, "J9", NOV_9))    # no start on that line yet
        self.assertEqual(self.at(S, "J7").Validation.ErrorMessage,
                         "请输入有效日期（如 2026-11-30），结束时间不能早于启动时间。")

    def test_counts_and_rates_are_checked(self):
        self.assertTrue(self.refuses(S, "C6", -1))
        self.assertTrue(self.refuses(S, "C7", 2.5))
        self.assertFalse(self.refuses(S, "C7", 11))
        self.assertTrue(self.refuses(S, "F6", 1300.5))
        # a rate holds the fraction: 0 or 1 %..1000 %; 0.8 % is the slip for "0.8 meant 80 %"
        self.assertTrue(self.refuses(S, "E6", 10.01))
        self.assertTrue(self.refuses(S, "E6", 12))
        self.assertTrue(self.refuses(S, "E6", 0.008))
        self.assertTrue(self.refuses(S, "E6", -0.04))
        self.assertFalse(self.refuses(S, "E6", 0.04))
        self.assertFalse(self.refuses(S, "E6", 0))

    def test_protection(self):
        inputs = ["B2", "E2"]
        for a in range(6, 18, 2):
            inputs += ["C%d" % a, "C%d" % (a + 1), "E%d" % a, "F%d" % a]
        inputs += ["%s%d" % (c, r) for r in range(6, 18) for c in "GHIJK"]
        inputs += ["A14", "B14", "B15", "A16", "B16", "B17"]
        self.assertProtectedLayout({S: inputs})
        for name in ("A6", "B6", "D6", "F7"):
            self.assertTrue(self.at(S, name).CellProtection.IsLocked, name)
        self.assertIn("FUNNELRATE", self.at(S, "D6").getFormula().upper().replace("_", ""))

    def test_print_setup_and_labels(self):
        self.assertPrintSetup(one_page=True)
        self.assertNoBrands()
        self.assertEqual(self.doc.DocumentProperties.Title, "跨部门合作行动计划")
        self.assertAllShown(S, LABELS)

    def test_round_trip_keeps_the_displayed_values(self):
        self.fill_all(FILL)
        self.doc.calculateAll()
        self.assertRoundTrips({S: dict(GOLDEN, **LABELS)})


if __name__ == "__main__":
    unittest.main(verbosity=2)
