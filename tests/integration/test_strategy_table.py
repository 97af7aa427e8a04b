"""月度销售跨部门策略表 (strategy_table.ots), opened as File > New does, filled
with the seed's month (004) cell by cell, compared with what the seed shows.

Worked figures (seed 004, spec section 1):
    上月实际 = the three-month average of sheet 1: 交车 (120+60+90)/3 = 90,
        订单 335/3 = 111.7 -> 112, 报价 1360/3 = 453.3 -> 453, 进店 2588/3 = 862.7 -> 863,
        线索 12468/3 = 4,156.
    上月表现 = the three months pooled: 订单交车率 270/335 = 80.6% -> 81%, 报价订单率
        335/1360 = 24.6% -> 25%, 进店线索报价率 1360/2588 = 52.6% -> 53%, 线索进店率
        2588/12468 = 20.8% -> 21%.
    本月预计: 订单 100/0.8 = 125, 报价 125/0.33 = 378.8 -> 379, 进店 378.8/0.3 = 1,262.6
        -> 1,263, 线索 1000+2000+20+30+720(800 x 90%)+300+1000+300 = 5,370.
    channel 进店 = leads x rate: 250, 100, 12, 24, 720, 15, 150, 60 = 1,331 bottom-up,
        68 more than the 1,263 the funnel needs.
    首次进店试驾率 is measured on first visits, the seed's 29% / 15% / 20% / 20.6%:
        visits without the 活跃 and 休眠 return visits: 330+5+15+8+20+70 = 448,
        600+2+6+3+6+40 = 657, 650+2+10+6+15+60 = 743; 130/448 = 29.0%, 100/657 = 15.2%,
        150/743 = 20.2%, pooled 380/1848 = 20.56% -> 20.6%; average (448+657+743)/3 = 616.
    季度: 交车 330 over last year's orders 100/70/115: 115.8/81.1/133.2 rounded down
        115/81/133 = 329, the 1 left goes to the largest remainder (0.8): 116/81/133.
"""
import os
import shutil
import tempfile
import unittest
import zipfile

import kit
import uno

from office import Office, file_url, props, unopkg
from template_checks import TemplateCase
from template_harness import ERROR_TEXTS, formula_cells_of, installed_templates, shows_error
from harness import OfficeTestCase, profile_dir

import strategy_table as st

R, P, Q = "KPI转化率报告", "月度策略表", "季度分解"

REPORT_SHOWN = {
    # totals of the three months and the average
    "B15": "4,146", "C15": "3,846", "D15": "4,476", "E15": "4,156",
    "B25": "708", "C25": "877", "D25": "1,003", "E25": "863",
    "E6": "570", "E7": "527",
    # the seed's rates: per month and pooled
    "B27": "17%", "C27": "23%", "D27": "22%", "E27": "20.8%",
    "B28": "94%", "C28": "91%", "D28": "93%", "E28": "92.4%",
    "E29": "15.0%", "E30": "57.4%", "E31": "70.8%", "E32": "5.4%",
    "E33": "6.9%", "E34": "22.2%", "E35": "4.1%",
    "B40": "82%", "C40": "38%", "D40": "45%", "E40": "52.6%",
    "B42": "26%", "C42": "21%", "D42": "26%", "E42": "24.6%",
    "B44": "80%", "C44": "86%", "D44": "78%", "E44": "80.6%",
    "E39": "453", "E41": "112", "E43": "90",
    "B38": "29%", "C38": "15%", "D38": "20%", "E38": "20.6%", "E37": "127",
    "B45": "448", "C45": "657", "D45": "743", "E45": "616",
}

PLAN_SHOWN = {
    # dealer and month, taken from the first sheet
    "B2": "示例经销商", "E2": "2026-11",
    # 上月实际: 交车, 订单, 报价, 进店, 线索, then each channel's 进店 / 线索
    "C6": "90", "C7": "112", "C8": "453", "C9": "863", "C10": "4,156",
    "C11": "177", "C12": "797", "C13": "70", "C14": "1,717", "C15": "10", "C16": "18",
    "C17": "6", "C18": "8", "C19": "527", "C20": "570", "C21": "14", "C22": "253",
    "C23": "57", "C24": "817", "C25": "3", "C26": "20",
    # 上月表现
    "E6": "81%", "E7": "25%", "E8": "53%", "E9": "21%",
    "E11": "22%", "E13": "4%", "E15": "57%", "E17": "71%", "E19": "92%", "E21": "5%",
    "E23": "7%", "E25": "15%",
    # 本月预计, and 线索进店率 this month as the plan implies: 1,262.6 / 5,370 = 23.5%
    "G6": "100", "G7": "125", "G8": "379", "G9": "1,263", "G10": "5,370", "F9": "24%",
    # channel 进店
    "G11": "250", "G13": "100", "G15": "12", "G17": "24", "G19": "720", "G21": "15",
    "G23": "150", "G25": "60",
    # coverage
    "G28": "1,331", "G29": "1,263", "G30": "68",
    # departments as the seed names them
    "K6": "销售顾问", "K9": "参见集客部分", "K12": "客户关系专员或客户发展专员", "K13": "客户发展专员/销售顾问",
    "K19": "销售顾问", "K20": "市场专员", "K25": "客户发展专员/销售顾问", "K26": "市场专员",
    # nothing of the month has happened yet
    "H6": "", "J6": "", "J11": "",
}

QUARTER_SHOWN = {
    "B2": "示例经销商", "E2": "2026-11",
    "E8": "330", "F8": "116", "G8": "81", "H8": "133",
    "D8": "80%", "D9": "33%", "D10": "30%",
    "E9": "413",                       # 330 / 0.8 = 412.5, shown rounded half up
    "F9": "145", "G9": "101", "H9": "167",  # 413 x 100/285 ... = 144.9/101.4/166.6 -> 145/101/167
    "E13": "750", "F13": "263", "G13": "184", "H13": "303",  # 活跃 3000 x 25% = 750 -> 263.2/184.2/302.6
    "E14": "3,000", "F14": "1,053", "G14": "737", "H14": "1,210",  # 3000 -> 1052.6/736.8/1210.5
}

LABELS = {
    P: {"B5": "业务目标", "C5": "业务目标上月实际", "D5": "业务KPI", "E5": "业务KPI上月表现",
        "F5": "业务KPI本月目标", "G5": "业务目标本月预计", "H5": "业务KPI本月实际",
        "I5": "业务目标本月实际", "J5": "结果", "K5": "结果责任部门",
        "A6": "展厅转化", "B6": "交车数", "D6": "订单交车率", "B7": "订单数", "D7": "报价订单率",
        "B8": "报价数", "D8": "进店线索报价率", "B9": "进店线索数", "D9": "线索进店率", "B10": "线索数",
        "A11": "1 活跃", "A13": "2 休眠", "A15": "3 推荐", "A17": "4 再购", "A19": "5 散客",
        "B19": "留档数", "B20": "散客客流", "A21": "6 呼入", "A23": "7 网络", "A25": "8 主动集客"},
    R: {"A5": "KPI", "B5": "N-3月", "C5": "N-2月", "D5": "N-1月", "E5": "辅导前三个月平均"},
    Q: {"E7": "业务目标本季度预计", "F7": "N+1月", "G7": "N+2月", "H7": "N+3月"},
}


class StrategyTable(TemplateCase):
    TEMPLATE = "strategy_table.ots"

    def test_golden_fill_displays_the_seed_figures(self):
        self.fill_all(st.EXAMPLE)
        self.assertAllShown(R, REPORT_SHOWN)
        self.assertAllShown(P, PLAN_SHOWN)
        self.assertAllShown(Q, QUARTER_SHOWN)
        self.assertEqual(self.error_cells(), [])

    def test_quarter_rows_add_up_to_the_quarter(self):
        self.fill_all(st.EXAMPLE)
        self.doc.calculateAll()
        q = self.sheet_named(Q)
        checked = 0
        for row in range(8, 29):
            total = q.getCellRangeByName("E%d" % row)
            if total.getString() == "":
                continue
            months = [q.getCellRangeByName("%s%d" % (c, row)).getValue() for c in "FGH"]
            shown_total = float(total.getString().replace(",", ""))
            self.assertEqual(sum(months), shown_total, "row %d: %s" % (row, months))
            checked += 1
        self.assertEqual(checked, 21)  # 5 funnel rows + 8 channels x 2

    def test_month_actuals_give_kpis_and_results(self):
        # The seed's actuals of the month (column 业务目标本月实际).
        self.fill_all(st.EXAMPLE)
        actuals = {"I6": 6, "I7": 13, "I8": 115,          # 交车, 订单, 报价
                   "I11": 11, "I12": 1000,                # 活跃 进店 / 线索
                   "I13": 3, "I14": 2000,                 # 休眠
                   "I15": 1, "I16": 1,                    # 推荐
                   "I17": 2, "I18": 0,                    # 再购
                   "I19": 72, "I20": 90,                  # 散客 留档 / 客流
                   "I21": 3, "I22": 20,                   # 呼入
                   "I23": 120, "I24": 120,                # 网络
                   "I25": 0, "I26": 18}                   # 主动集客
        for cell, value in actuals.items():
            self.fill(P, cell, value)
        self.assertAllShown(P, {
            # the funnel's KPIs this month
            "H6": "46%",    # 6/13
            "H7": "11%",    # 13/115
            "I9": "212",    # 11+3+1+2+72+3+120+0, summed from the channels
            "I10": "3,231",  # 1000+2000+1+0+72 (散客 by 留档)+20+120+18
            "H8": "54%",    # 115/212
            "H9": "7%",     # 212/3231 = 6.6%
            # the channels' KPIs, as the seed shows them (再购: no leads, no rate)
            "H11": "1%", "H13": "0%", "H15": "100%", "H17": "", "H19": "80%",
            "H21": "15%", "H23": "100%", "H25": "0%",
            # 结果 = actual / plan
            "J6": "6%",     # 6/100
            "J7": "10%",    # 13/125
            "J8": "30%",    # 115/378.8
            "J9": "17%",    # 212/1262.6
            "J10": "60%",   # 3231/5370
            "J11": "4%",    # 11/250
            "J12": "100%",  # 1000/1000
            "J15": "8%",    # 1/12
            "J16": "5%",    # 1/20
            "J17": "8%",    # 2/24
            "J18": "0%",    # 0/30
            "J19": "10%",   # 72/720
            "J20": "11%",   # 90/800
            "J23": "80%",   # 120/150
        })
        self.assertEqual(self.highlighted(P, "J6"), ["预警"])
        self.assertEqual(self.highlighted(P, "J12"), ["达标"])
        self.assertEqual(self.highlighted(P, "J23"), ["预警"])
        self.assertEqual(self.error_cells(), [])

    def test_coverage_gap_turns_red(self):
        self.fill_all(st.EXAMPLE)
        self.assertEqual(self.highlighted(P, "G30"), [])
        self.fill(P, "G12", 600)  # 活跃 leads 1000 -> 600: 100 fewer visits
        self.assertShown(P, "G30", "-32")
        self.assertIn("预警", self.highlighted(P, "G30"))

    def test_empty_template_shows_no_errors(self):
        self.assertEqual(self.error_cells(), [])
        for sheet, cell in ((P, "J6"), (P, "J11"), (P, "G30")):
            self.assertEqual(self.highlighted(sheet, cell), [], cell)  # nothing to judge, no colour
        for sheet in (R, P, Q):
            # no figure anywhere (departments copied as text may show)
            # (a heading may name a month: 季度分解's N+1月)
            shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(sheet)
                     if any(ch.isdigit() for ch in c.getString()) and c.CellStyle != kit.HEADING}
            self.assertEqual(shown, {}, sheet)
        # half-filled: one month, a target without rates
        self.fill(R, "B6", 350)
        self.fill(R, "B7", 330)
        self.fill(P, "G6", 100)
        self.assertEqual(self.error_cells(), [])

    def test_quarter_names_its_months(self):
        """季度分解's N+1月..N+3月 name the months they stand for once the month is chosen."""
        self.fill(R, "E2", "2026-11")
        self.doc.calculateAll()
        self.assertEqual([self.at(Q, "%s7" % c).getString() for c in "FGH"],
                         ["N+1月\n2026年12月", "N+2月\n2027年1月", "N+3月\n2027年2月"])

    def test_last_month_headings_say_they_are_the_three_month_average(self):
        notes = {self.at(P, c).Annotation.String for c in ("C5", "E5")}
        self.assertTrue(all("三个月" in n for n in notes), notes)

    def test_inputs_are_checked(self):
        self.assertTrue(self.refuses(R, "B6", -5))
        self.assertTrue(self.refuses(R, "B6", 3.5))
        self.assertFalse(self.refuses(R, "B6", 350))
        self.assertTrue(self.refuses(P, "F6", 10.01))  # more than 1000%
        self.assertTrue(self.refuses(P, "F6", 80))     # 8000%: the cell holds the fraction
        self.assertTrue(self.refuses(P, "F6", 0.008))  # 0.8%: typed 0.8 meaning 80%
        self.assertTrue(self.refuses(P, "F6", -0.1))
        self.assertFalse(self.refuses(P, "F6", 0.8))
        self.assertFalse(self.refuses(P, "F6", 10))
        self.assertTrue(self.refuses(P, "G12", -1))
        self.assertTrue(self.refuses(Q, "F5", -100))
        self.assertEqual(self.at(R, "B6").Validation.ErrorMessage, "请输入大于或等于 0 的整数，如 120（不要输入小数或文字）。")

    def test_protection(self):
        inputs = {
            R: ["B2", "E2"] + ["%s%d" % (c, r) for c in "BCD"
                               for r in list(range(6, 15)) + list(range(18, 25)) + [37, 39, 41, 43]],
            P: ["G6", "F6", "F7", "F8", "I6", "I7", "I8"]
               + ["F%d" % v for v in range(11, 27, 2)] + ["G%d" % v for v in range(12, 27, 2)]
               + ["I%d" % r for r in range(11, 27)] + ["K%d" % r for r in range(6, 27)],
            Q: ["F5", "G5", "H5", "E8"] + ["E%d" % r for r in range(14, 29, 2)],
        }
        self.assertProtectedLayout(inputs)
        for sheet, cell in ((P, "G7"), (P, "C6"), (P, "G30"), (Q, "F8"), (R, "E27")):
            self.assertTrue(self.at(sheet, cell).CellProtection.IsLocked, cell)
        self.assertIn("FUNNELTARGET", self.at(P, "G7").getFormula().upper().replace("_", ""))
        self.assertIn("TARGETSPLIT", self.at(Q, "F8").getFormula().upper().replace("_", ""))
        self.assertIn("FUNNELRATE", self.at(R, "E27").getFormula().upper().replace("_", ""))

    def test_print_setup_and_labels(self):
        self.assertPrintSetup()
        self.assertNoBrands()
        self.assertEqual(self.doc.DocumentProperties.Title, "月度销售跨部门策略表")
        self.assertEqual([self.doc.Sheets.getByIndex(i).Name for i in range(3)], [R, P, Q])
        for sheet, labels in LABELS.items():
            self.assertAllShown(sheet, labels)

    def test_round_trip_keeps_the_displayed_values(self):
        self.fill_all(st.EXAMPLE)
        self.doc.calculateAll()
        self.assertRoundTrips({R: REPORT_SHOWN, P: PLAN_SHOWN, Q: QUARTER_SHOWN})


class FileNew(OfficeTestCase):
    """File > New > Templates, nothing typed: the new document shows no error
    value and no figure, before and after a recalculation."""

    def open_as_the_template_dialog_does(self):
        # The Template Manager's arguments (sfx2 templatedlg.cxx), hidden here.
        path = installed_templates(self.office)["strategy_table.ots"]
        return self.office.desktop.loadComponentFromURL(
            file_url(path), "_default", 0, props(
                AsTemplate=True, Hidden=True,
                MacroExecutionMode=uno.getConstantByName("com.sun.star.document.MacroExecMode.USE_CONFIG"),
                UpdateDocMode=uno.getConstantByName("com.sun.star.document.UpdateDocMode.ACCORDING_TO_CONFIG")))

    @staticmethod
    def shown_figures_and_errors(doc):
        """Formula cells that show an error value or any digit (but a heading's N+1月)."""
        return ["%s: %s" % (c.AbsoluteName, c.getString()) for c in formula_cells_of(doc)
                if shows_error(c) or (any(ch.isdigit() for ch in c.getString()) and c.CellStyle != kit.HEADING)]

    def test_a_new_document_from_the_template_is_clean(self):
        from com.sun.star.sheet.CellFlags import FORMULA
        doc = self.open_as_the_template_dialog_does()
        try:
            self.assertEqual(doc.getURL(), "")  # a new untitled document, not the template
            self.assertEqual([doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)], [R, P, Q, st.YEAR])
            for i in range(4):  # the checks below look at real formulas
                self.assertTrue(doc.Sheets.getByIndex(i).queryContentCells(FORMULA).RangeAddresses)
            self.assertEqual(self.shown_figures_and_errors(doc), [], "as opened")
            doc.calculateAll()
            self.assertEqual(self.shown_figures_and_errors(doc), [], "recalculated")
        finally:
            doc.close(True)

    def test_the_template_file_stores_no_error_value(self):
        path = installed_templates(self.office)["strategy_table.ots"]
        with zipfile.ZipFile(path) as ots:
            self.assertEqual(ots.read("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet-template")
            content = ots.read("content.xml").decode("utf-8")
        self.assertIn("FUNNELTARGET", content)  # the cached results below belong to real formulas
        self.assertEqual([t for t in ERROR_TEXTS if t in content], [])


class TemplateFolder(unittest.TestCase):
    """Installing the extension adds the template; removing it takes it away."""

    def test_listed_after_install_and_gone_after_remove(self):
        tmp = tempfile.mkdtemp(prefix="dealerkpi-tplfolder-")
        os.chmod(tmp, 0o755)
        try:
            profile = os.path.join(tmp, "profile")
            shutil.copytree(profile_dir(), profile, symlinks=True)
            with Office(profile, copy=False) as office:
                self.assertIn("strategy_table.ots", installed_templates(office))
            unopkg(profile, "remove", "org.dealerkpi.calc")
            with Office(profile, copy=False) as office:
                self.assertEqual(installed_templates(office), {})
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
