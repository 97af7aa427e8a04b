"""提成方案测算 (commission_model.ots), opened as File > New does.

The seeds have no commission figures: a worked example, every expected value
worked by hand below (targets are 10 cars every month, so 达成率 = 销量 / 10).

方案A (现行): per car, 超额累进: cars 1-10 earn 300 each, from the 11th 500
each; 2% of gross profit; curve (50%, 0.5) -> (100%, 1), 封顶: nothing below
50%, the coefficient equals the attainment from 50% to 100%, 1 above; cap
8,000 a month; guarantee 2,000, 不追回 (pay = MAX(commission, 2,000)).

方案B (拟议): per car, 全额累进: 200 a car, 400 a car for every car once 12
are sold; 5% of gross profit; curve (80%, 0.8) (100%, 0.8) (100%, 1.2)
(150%, 1.5), 延伸: nothing below 80%, 0.8 from 80% to just under 100%, a cliff
at 100% to 1.2, then 1.2 + 0.6 x (attainment - 100%) with no end; cap 10,000;
guarantee 2,500, 可追回.

History:
    销售顾问甲  Jan-Nov 11 cars, 55,000 GP; Dec 16 cars, 120,000 GP
    销售顾问乙  Jan-Jun 9 cars, 36,000; Jul-Dec 10 cars, 40,000
    销售顾问丙  joined in March: Mar 3 cars 12,000, Apr 5 / 20,000, May 7 / 28,000,
                Jun-Sep and Nov-Dec 11 cars 55,000; October blank (targets set)
    销售顾问丁  a name only

Month by month (commission c before the guarantee, then pay):
  甲 A, 11 cars: 10 x 300 + 1 x 500 = 3,500, + 2% x 55,000 = 1,100 -> 4,600, x 1 (110%) = 4,600
  甲 A, Dec: 3,000 + 6 x 500 = 6,000, + 2,400 = 8,400 x 1 -> capped at 8,000
  甲 B, 11 cars: 11 x 200 = 2,200, + 5% x 55,000 = 2,750 -> 4,950 x 1.26 (1.2 + 0.6 x 0.1) = 6,237
  甲 B, Dec: 16 x 400 = 6,400, + 6,000 = 12,400 x 1.56 (1.2 + 0.6 x 0.6) = 19,344 -> capped at 10,000
  乙 A, 9 cars: 2,700 + 720 = 3,420 x 0.9 = 3,078;  10 cars: 3,000 + 800 = 3,800 x 1 = 3,800
  乙 B, 9 cars: 1,800 + 1,800 = 3,600 x 0.8 = 2,880 (above 2,500);
       10 cars: 2,000 + 2,000 = 4,000 x 1.2 = 4,800 (the cliff: 90% pays 0.8, 100% pays 1.2)
  丙 A: Mar 30% -> c 0, pays 2,000; Apr 50%: (1,500 + 400) x 0.5 = 950, pays 2,000;
       May 70%: (2,100 + 560) x 0.7 = 1,862, pays 2,000; 11-car months 4,600
  丙 B: Mar, Apr, May below 80% -> c 0; 11-car months c 6,237. Recoverable guarantee,
       advance balance D = MAX(0, 2,500 - (c - D before)):
         Mar pays 2,500, D 2,500; Apr pays 2,500, D 5,000; May pays 2,500, D 7,500;
         Jun owed 6,237 - 7,500 = -1,263: pays 2,500, D 3,763;
         Jul owed 6,237 - 3,763 = 2,474: pays 2,500, D 26;
         Aug owed 6,237 - 26 = 6,211: pays 6,211, D 0 (recovered over Jun-Aug);
         Sep 6,237; Oct skipped (D stays 0); Nov, Dec 6,237.

Year: 甲 A 11 x 4,600 + 8,000 = 58,600; B 11 x 6,237 + 10,000 = 78,607
      乙 A 6 x 3,078 + 6 x 3,800 = 41,268; B 6 x 2,880 + 6 x 4,800 = 46,080
      丙 A 3 x 2,000 + 6 x 4,600 = 33,600; B 5 x 2,500 + 6,211 + 3 x 6,237 = 37,422
      total A 133,468, B 162,109, B - A 28,641 (21% of 133,468)
GP: 甲 11 x 55,000 + 120,000 = 725,000; 乙 6 x 36,000 + 6 x 40,000 = 456,000;
    丙 12,000 + 20,000 + 28,000 + 6 x 55,000 = 390,000; total 1,571,000.
"""
import unittest

from office import Office
from template_checks import ROUND_TRIPS, TemplateCase, chart_ranges

import kit

import commission_model

H, A, B, C, S = "历史业绩", "方案A", "方案B", "方案对比", "敏感性明细"
MONTHS = "BCDEFGHIJKLM"


def history():
    cells = {"B2": "示例经销商", "E2": 45658}  # 2025-01-01
    names = ("销售顾问甲", "销售顾问乙", "销售顾问丙", "销售顾问丁")
    for i, name in enumerate(names):
        cells["A%d" % (7 + i)] = name

    def month(i, col, units, gp):
        # rows: 销量 7.., 毛利 41.., 目标 75..
        if units is not None:
            cells["%s%d" % (col, 7 + i)] = units
            cells["%s%d" % (col, 41 + i)] = gp
        cells["%s%d" % (col, 75 + i)] = 10

    for col in MONTHS[:11]:
        month(0, col, 11, 55000)
    month(0, "M", 16, 120000)
    for col in MONTHS[:6]:
        month(1, col, 9, 36000)
    for col in MONTHS[6:]:
        month(1, col, 10, 40000)
    month(2, "D", 3, 12000)
    month(2, "E", 5, 20000)
    month(2, "F", 7, 28000)
    for col in "GHIJLM":
        month(2, col, 11, 55000)
    month(2, "K", None, None)
    return cells


FILL = {
    H: history(),
    A: {"B7": 0, "C7": 300, "B8": 10, "C8": 500, "B16": "超额累进",
        "F7": 0.5, "G7": 0.5, "F8": 1, "G8": 1, "E16": "封顶",
        "B17": 0.02, "E17": 8000, "B18": 2000, "E18": "不追回"},
    B: {"B7": 0, "C7": 200, "B8": 12, "C8": 400, "B16": "全额累进",
        "F7": 0.8, "G7": 0.8, "F8": 1, "G8": 0.8, "F9": 1, "G9": 1.2, "F10": 1.5, "G10": 1.5,
        "E16": "延伸", "B17": 0.05, "E17": 10000, "B18": 2500, "E18": "可追回"},
}

# 方案A/方案B rows: 当月提成 24.., 垫付余额 58.., 实发 92..; totals 54, 88, 122
PLAN_A = {
    "A24": "销售顾问甲", "B24": "4,600.00", "L24": "4,600.00", "M24": "8,000.00", "N24": "58,600.00",
    "B25": "3,078.00", "G25": "3,078.00", "H25": "3,800.00", "N25": "41,268.00",
    "B26": "", "C26": "", "D26": "0.00", "E26": "950.00", "F26": "1,862.00", "G26": "4,600.00", "K26": "",
    # 不追回: no advance balance
    "D60": "0.00", "F60": "0.00", "N60": "0.00",
    "M92": "8,000.00", "B93": "3,078.00", "M93": "3,800.00",
    "B94": "", "D94": "2,000.00", "E94": "2,000.00", "F94": "2,000.00", "G94": "4,600.00", "K94": "",
    "M94": "4,600.00", "N94": "33,600.00",
    "A95": "销售顾问丁", "B95": "", "N95": "",          # a name only: skipped
    "N122": "133,468.00", "M122": "16,400.00",         # December: 8,000 + 3,800 + 4,600
}
PLAN_B = {
    "B24": "6,237.00", "M24": "10,000.00", "N24": "78,607.00",  # 11 x 6,237 + 10,000 (capped)
    "B25": "2,880.00", "H25": "4,800.00",
    "D26": "0.00", "F26": "0.00", "G26": "6,237.00",
    # the advance balance of 丙, carried over October
    "C60": "", "D60": "2,500.00", "E60": "5,000.00", "F60": "7,500.00", "G60": "3,763.00",
    "H60": "26.00", "I60": "0.00", "K60": "0.00", "M60": "0.00", "N60": "0.00",
    "B58": "0.00", "N58": "0.00",
    "N92": "78,607.00", "B93": "2,880.00", "H93": "4,800.00", "N93": "46,080.00",
    "D94": "2,500.00", "E94": "2,500.00", "F94": "2,500.00", "G94": "2,500.00", "H94": "2,500.00",
    "I94": "6,211.00", "J94": "6,237.00", "K94": "", "L94": "6,237.00", "M94": "6,237.00",
    "N94": "37,422.00",
    "N122": "162,109.00",
}

# 方案对比: consultants rows 7.., total 37
COMPARISON = {
    "A7": "销售顾问甲", "B7": "137", "C7": "725,000", "D7": "58,600.00", "E7": "78,607.00",
    "F7": "20,007.00", "G7": "34%",        # 20,007 / 58,600 = 34.1%
    "H7": "8.1%", "I7": "10.8%",           # 58,600 / 725,000 = 8.08%; 78,607 / 725,000 = 10.84%
    "A8": "销售顾问乙", "B8": "114", "C8": "456,000", "D8": "41,268.00", "E8": "46,080.00",
    "F8": "4,812.00", "G8": "12%",         # 4,812 / 41,268 = 11.7%
    "I8": "10.1%",                         # 46,080 / 456,000 = 10.11%
    "A9": "销售顾问丙", "B9": "81", "C9": "390,000", "D9": "33,600.00", "E9": "37,422.00",
    "F9": "3,822.00", "G9": "11%",         # 3,822 / 33,600 = 11.4%
    "H9": "8.6%", "I9": "9.6%",            # 33,600 / 390,000 = 8.62%; 37,422 / 390,000 = 9.60%
    "A10": "销售顾问丁", "B10": "", "D10": "", "F10": "", "G10": "",
    "A11": "", "D11": "",
    # 332 cars: 137 + 114 + 81 (丙 3 + 5 + 7 + 6 x 11)
    "B37": "332", "C37": "1,571,000", "D37": "133,468.00", "E37": "162,109.00", "F37": "28,641.00",
    "G37": "21%",                          # 28,641 / 133,468 = 21.5%
    "H37": "8.5%", "I37": "10.3%",         # 133,468 / 1,571,000 = 8.50%; 162,109 / 1,571,000 = 10.32%
}

# consultant-months by attainment: 甲 11 x 110%, 1 x 160%; 乙 6 x 90%, 6 x 100%;
# 丙 30%, 50%, 70%, 6 x 110%  (33 months; 丙's October is skipped)
BANDS = {
    "A42": "<50%", "B42": "1", "C42": "2,000.00", "D42": "2,500.00", "E42": "500.00",
    "A43": "50%-80%", "B43": "2", "C43": "4,000.00", "D43": "5,000.00", "E43": "1,000.00",
    "A44": "80%-100%", "B44": "6", "C44": "18,468.00", "D44": "17,280.00", "E44": "-1,188.00",
    "F44": "3,078.00", "G44": "2,880.00",
    # 甲 11 x 4,600 + 乙 6 x 3,800 + 丙 6 x 4,600 = 101,000;
    # B: 11 x 6,237 + 6 x 4,800 + 丙 (2,500 + 2,500 + 6,211 + 3 x 6,237) = 68,607 + 28,800 + 29,922
    "A45": "100%-120%", "B45": "23", "C45": "101,000.00", "D45": "127,329.00",
    "F45": "4,391.30", "G45": "5,536.04",   # 101,000 / 23; 127,329 / 23
    "A46": "≥120%", "B46": "1", "C46": "8,000.00", "D46": "10,000.00",
    "B47": "33", "C47": "133,468.00", "D47": "162,109.00", "E47": "28,641.00",
    "F47": "4,044.48", "G47": "4,912.39",   # 133,468 / 33; 162,109 / 33
}

# Every month's units and GP x the scale, targets unchanged (so attainment x the scale too).
SENSITIVITY = {
    # 80%. A: 甲 11-car months 8.8 cars 44,000: (2,640 + 880) x 0.88 = 3,097.60; Dec 12.8 cars
    #   96,000: 3,000 + 1,400 + 1,920 = 6,320; 甲 11 x 3,097.60 + 6,320 = 40,393.60.
    #   乙 7.2 cars: (2,160 + 576) x 0.72 = 1,969.92 -> 2,000; 8 cars: (2,400 + 640) x 0.8 = 2,432;
    #   乙 6 x 2,000 + 6 x 2,432 = 26,592. 丙 Mar-May under the guarantee 3 x 2,000, 6 x 3,097.60:
    #   24,585.60. Total 91,571.20.
    # B: 甲 8.8 cars (1,760 + 2,200) x 0.8 = 3,168; Dec capped: 11 x 3,168 + 10,000 = 44,848.
    #   乙 72% pays 0, 80% pays (1,600 + 1,600) x 0.8 = 2,560 < 2,500 + what is owed: every month
    #   pays the guarantee, 12 x 2,500 = 30,000 (14,640 still advanced at the year end).
    #   丙 likewise 9 x 2,500 = 22,500 (c 3,168 never catches up). Total 97,348.
    "A52": "80%", "B52": "1,256,800", "C52": "91,571.20", "D52": "97,348.00", "E52": "5,776.80",
    "F52": "7.3%", "G52": "7.7%",          # 91,571.20 / 1,256,800 = 7.29%; 97,348 / 1,256,800 = 7.75%
    # 90%. A: 甲 9.9 cars (2,970 + 990) x 0.99 = 3,920.40; Dec 14.4 cars 3,000 + 2,200 + 2,160 =
    #   7,360: 50,484.40. 乙 8.1 cars (2,430 + 648) x 0.81 = 2,493.18; 9 cars 3,078: 33,427.08.
    #   丙 3 x 2,000 + 6 x 3,920.40 = 29,522.40. Total 113,433.88.
    # B: 甲 9.9 cars (1,980 + 2,475) x 0.8 = 3,564 (99%: under the cliff): 11 x 3,564 + 10,000 =
    #   49,204. 乙 (1,620 + 1,620) x 0.8 = 2,592 and (1,800 + 1,800) x 0.8 = 2,880: 32,832.
    #   丙 9 x 2,500 = 22,500 (7,500 advanced, 3,564 a month never clears it). Total 104,536.
    "A53": "90%", "B53": "1,413,900", "C53": "113,433.88", "D53": "104,536.00", "E53": "-8,897.88",
    "F53": "8.0%", "G53": "7.4%",
    "A54": "100%", "B54": "1,571,000", "C54": "133,468.00", "D54": "162,109.00", "E54": "28,641.00",
    "F54": "8.5%", "G54": "10.3%",
    # 110%. A: 甲 12.1 cars 3,000 + 1,050 + 1,210 = 5,260; Dec 17.6 cars -> 8,000: 65,860.
    #   乙 9.9 cars (2,970 + 792) x 0.99 = 3,724.38; 11 cars 3,500 + 880 = 4,380: 48,626.28.
    #   丙 2,000, 2,000 (5.5 cars: 1,149.50), 7.7 cars (2,310 + 616) x 0.77 = 2,253.02, 6 x 5,260:
    #   37,813.02. Total 152,299.30.
    # B: 甲 12.1 cars 4,840 + 3,025 = 7,865 x 1.326 = 10,428.99 -> 10,000 every month: 120,000.
    #   乙 (1,980 + 1,980) x 0.8 = 3,168; 11 cars (2,200 + 2,200) x 1.26 = 5,544: 52,272.
    #   丙 2,500 x 3, then June owes 10,000 - 7,500 = 2,500, then 5 x 10,000: 60,000.
    #   Total 232,272.
    "A55": "110%", "B55": "1,728,100", "C55": "152,299.30", "D55": "232,272.00", "E55": "79,972.70",
    "F55": "8.8%", "G55": "13.4%",
    # 120%. A: 甲 13.2 cars 3,000 + 1,600 + 1,320 = 5,920, Dec 8,000: 73,120. 乙 10.8 cars
    #   3,000 + 400 + 864 = 4,264; 12 cars 4,000 + 960 = 4,960: 55,344. 丙 2,000, 2,000,
    #   8.4 cars (2,520 + 672) x 0.84 = 2,681.28, 6 x 5,920: 42,201.28. Total 170,665.28.
    # B: 甲 capped: 120,000. 乙 10.8 cars (2,160 + 2,160) x 1.248 = 5,391.36; 12 cars
    #   (4,800 + 2,400) x 1.32 = 9,504: 89,372.16. 丙 Mar, Apr 2,500 (D 5,000), May 8.4 cars
    #   (1,680 + 1,680) x 0.8 = 2,688: owed -2,312, pays 2,500 (D 4,812); Jun 10,000 - 4,812 = 5,188;
    #   then 5 x 10,000: 62,688. Total 272,060.16.
    "A56": "120%", "B56": "1,885,200", "C56": "170,665.28", "D56": "272,060.16", "E56": "101,394.88",
    "F56": "9.1%", "G56": "14.4%",
}

# The payout curves at the typical target: the mean target of the months that count (10) and
# the year's GP per car, 1,571,000 / 332 = 4,731.93. Rows 64 (0%) .. 104 (200%), by 5%.
CURVE = {
    "D60": "10", "D61": "4,731.93",
    "A64": "0%", "B64": "0", "C64": "2,000.00", "D64": "2,500.00",   # the guarantees
    # 90%, 9 cars, GP 42,587.35: A (2,700 + 851.75) x 0.9 = 3,196.57; B (1,800 + 2,129.37) x 0.8
    "A82": "90%", "C82": "3,196.57", "D82": "3,143.49",
    # 100%, 10 cars, GP 47,319.28: A 3,000 + 946.39 = 3,946.39; B (2,000 + 2,365.96) x 1.2
    "A84": "100%", "C84": "3,946.39", "D84": "5,239.16",
    # 160%, 16 cars, GP 75,710.84: A 3,000 + 3,000 + 1,514.22; B capped
    "A96": "160%", "C96": "7,514.22", "D96": "10,000.00",
    "A104": "200%",
}


class CommissionModel(TemplateCase):
    TEMPLATE = "commission_model.ots"

    def assertCharts(self):
        """Two charts on 方案对比 (the consultants, the curves), reading its cells only."""
        charts = chart_ranges(self.doc, C)
        self.assertEqual(len(charts), 2)
        self.assertChartsFollowCells(C, sorted(charts))
        values = sorted(rep for chart in charts.values() for _, rep, _ in chart["series"])
        self.assertEqual(values, ["$方案对比.$C$64:$C$104", "$方案对比.$D$64:$D$104",
                                  "$方案对比.$D$7:$D$36", "$方案对比.$E$7:$E$36"])

    def test_the_example_is_the_readme_example(self):
        self.assertEqual(commission_model.EXAMPLE, FILL)

    def test_plans_month_by_month(self):
        self.fill_all(FILL)
        self.assertAllShown(A, PLAN_A)
        self.assertAllShown(B, PLAN_B)
        self.assertEqual(self.error_cells(), [])

    def test_comparison(self):
        self.fill_all(FILL)
        self.assertAllShown(C, COMPARISON)

    def test_attainment_bands(self):
        self.fill_all(FILL)
        self.assertAllShown(C, BANDS)

    def test_sensitivity(self):
        self.fill_all(FILL)
        self.assertAllShown(C, SENSITIVITY)
        # the grids behind the table: 方案B x 80%, 乙 (row 8 of the first B block)
        first_b = commission_model._sens_blocks()[len(commission_model.SCALES)]
        comm_row, pay_row = first_b[2][2] + 1, first_b[3][2] + 1
        self.assertAllShown(S, {"B%d" % comm_row: "0.00", "H%d" % comm_row: "2,560.00",
                                "B%d" % pay_row: "2,500.00", "H%d" % pay_row: "2,500.00",
                                "N%d" % pay_row: "30,000.00"})

    def test_payout_curves(self):
        self.fill_all(FILL)
        self.assertAllShown(C, CURVE)
        # a typical target typed in: 12 cars; at 100% A 3,000 + 2 x 500 + 2% x 12 x 4,731.93 =
        # 5,135.66, B (12 x 400 + 5% x 56,783.13) x 1.2 = 9,166.99
        self.fill(C, "B60", 12)
        self.assertAllShown(C, {"D60": "12", "B84": "12", "C84": "5,135.66", "D84": "9,166.99"})
        self.assertCharts()

    def test_published_guarantee_case(self):
        # guarantee 1,500; commissions 500 then 3,000 (100 a car, no curve, no GP share)
        self.fill(H, "A7", "顾问")
        for col, units in (("B", 5), ("C", 30)):
            self.fill(H, "%s7" % col, units)
            self.fill(H, "%s75" % col, 10)
        for plan, how in ((A, "可追回"), (B, "不追回")):
            self.fill(plan, "B7", 0)
            self.fill(plan, "C7", 100)
            self.fill(plan, "B18", 1500)
            self.fill(plan, "E18", how)
        self.assertAllShown(A, {"B24": "500.00", "C24": "3,000.00", "B58": "1,000.00", "C58": "0.00",
                                "B92": "1,500.00", "C92": "2,000.00", "N92": "3,500.00"})
        self.assertAllShown(B, {"B58": "0.00", "B92": "1,500.00", "C92": "3,000.00", "N92": "4,500.00"})
        # no guarantee: the commission itself
        self.fill(A, "B18", None)
        self.assertAllShown(A, {"B58": "0.00", "B92": "500.00", "N92": "3,500.00"})

    def test_skipped_and_flagged_months(self):
        self.fill_all(FILL)
        # units without a target: the month does not count, the target cell is red
        self.fill(H, "B10", 4)
        self.assertAllShown(H, {"B112": "", "N10": "4"})
        self.assertEqual(self.highlighted(H, "B78"), ["预警（输入）"])  # the flag over an input stays unlocked
        self.assertEqual(self.highlighted(H, "B75"), [])
        self.assertAllShown(A, {"B27": "", "B95": ""})
        self.assertAllShown(C, {"D10": "", "D37": "133,468.00"})
        # a guarantee topped up is red on the pay grid; a year-end advance is red
        self.assertEqual(self.highlighted(A, "D94"), ["预警"])
        self.assertEqual(self.highlighted(A, "G94"), [])

    def test_empty_template_shows_nothing(self):
        self.assertEqual(self.error_cells(), [])
        for sheet in (H, A, B, C, S):
            shown = {c.AbsoluteName: c.getString() for c in self.formula_cells(sheet) if c.getString()}
            self.assertEqual(shown, {}, sheet)
        self.assertAllShown(A, {"B16": "超额累进", "E16": "封顶", "E18": "可追回"})
        self.assertCharts()
        # history without plans: guarantees only where set, no errors
        self.fill_all({H: FILL[H]})
        self.assertEqual(self.error_cells(), [])
        self.assertAllShown(A, {"B24": "0.00", "B92": "0.00"})

    def test_frozen_headings_fit_every_block(self):
        """Scrolled to any block, the frozen rows still describe it: each sheet holds several
        blocks or tables with titles of their own (历史业绩: 销量, 毛利, 目标; 方案对比: the
        consultants, the bands, ...), so only the sheet's title, dealer and legend rows are
        frozen (and the label column); each block's title and column headings scroll with it."""
        controller = self.doc.CurrentController
        for name in (H, A, B, C, S):
            sheet = self.doc.Sheets.getByName(name)
            controller.setActiveSheet(sheet)
            self.assertEqual((controller.getSplitColumn(), controller.getSplitRow()), (1, 3), name)
            self.assertEqual(sheet.getCellRangeByName("A3").getString(), "图例：", name)

    def test_protection_and_validity(self):
        inputs = {
            H: ["B2", "E2", "A7", "B7", "M36", "B41", "M70", "B75", "M104"],
            A: ["B7", "C14", "F7", "G14", "B16", "E16", "B17", "E17", "B18", "E18"],
            C: ["B60"],
        }
        self.assertProtectedLayout(inputs)
        self.assertTrue(self.refuses(H, "B7", -1))
        self.assertTrue(self.refuses(H, "B7", 2.5))
        self.assertFalse(self.refuses(H, "B41", -5000))
        self.assertTrue(self.refuses(A, "B16", "定额"))
        self.assertTrue(self.refuses(A, "E18", "按季"))
        # a rate holds the fraction: 0 or 1 %..1000 %
        self.assertFalse(self.refuses(A, "F7", 0.8))
        self.assertFalse(self.refuses(A, "F7", 10))
        self.assertTrue(self.refuses(A, "F7", 80))
        self.assertTrue(self.refuses(A, "F7", 0.008))
        self.assertTrue(self.refuses(A, "F7", -1))
        self.assertFalse(self.refuses(A, "B17", 0.05))
        self.assertTrue(self.refuses(A, "B17", 0.005))
        self.assertFalse(self.refuses(A, "G7", -0.5))
        self.assertTrue(self.refuses(A, "B18", -1))
        v = self.at(A, "B17").Validation
        self.assertTrue(v.ShowInputMessage)
        self.assertIn("直接输入 5 即 5%", v.InputMessage)
        self.assertIn("直接输入 80 即 80%", self.at(A, "F7").Validation.InputMessage)

    def test_rates_typed_with_the_percent_sign_pay_the_same(self):
        """A curve point typed as 80 into the percent cell (LibreOffice makes it
        "80%") or set as 0.8, a GP share as 5 % or 0.05: the same pay."""
        self.fill_all(FILL)
        as_fractions = {c: self.at(B, c).getString() for c in ("B24", "M24", "N24", "M92", "N92", "N122")}
        self.assertEqual(as_fractions["N122"], PLAN_B["N122"])
        for cell, typed in (("F7", "80%"), ("F8", "100%"), ("F9", "100%"), ("B17", "5%")):
            self.at(B, cell).setFormula(typed)
        self.doc.calculateAll()
        self.assertEqual({c: self.at(B, c).getString() for c in as_fractions}, as_fractions)
        self.assertEqual(self.at(B, "F7").getString(), "80.0%")
        self.assertEqual(self.at(B, "B17").getString(), "5.0%")

    def test_names_print_setup_and_labels(self):
        names = self.named_cells()
        for name, ref in (("经销商", "历史业绩.B2"), ("月份", "历史业绩.E2"), ("历史_销量", "历史业绩.B7:M36"),
                          ("方案A_月保底", "方案A.B18"), ("方案B_保底方式", "方案B.E18"),
                          ("方案B_实发提成", "方案B.B92:M121"), ("对比_方案A全年提成", "方案对比.D37"),
                          ("对比_敏感性", "方案对比.A52:G56")):
            self.assertEqual(names.get(name), ref, name)
        self.assertEqual(self.stamp(), ("commission_model", 2))
        self.assertPrintSetup()
        self.assertNoBrands()
        self.assertEqual([self.doc.Sheets.getByIndex(i).Name for i in range(self.doc.Sheets.Count)],
                         [H, A, B, C, S])
        self.assertEqual(self.doc.DocumentProperties.Title, "提成方案测算")

    def test_every_payment_is_whole_cents_in_every_office(self):
        """Money is paid in cents: each month's commission is rounded to the cent (half up)
        before the guarantee, the recovery and the sums. In the full fill one month of the
        sensitivity grids comes to 1,885.275 exactly; as a double it lies just below
        (1885.2749999999999), which LibreOffice 7.4 showed as 1,885.27 and 25.2 as 1,885.28."""
        from com.sun.star.sheet.CellFlags import FORMULA
        self.fill_all(commission_model.FULL)
        self.doc.calculateAll()
        self.assertAllShown(S, {"K96": "1,885.28"})
        formats = self.doc.NumberFormats
        not_cents = []
        for name in (A, B, S):  # the months paid (方案对比 also holds means per consultant and per car)
            sheet = self.doc.Sheets.getByName(name)
            for a in sheet.queryContentCells(FORMULA).RangeAddresses:
                block = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
                # the figures that are not whole cents, read a block at a time; each then checked
                # for what it shows (a money format, a figure, no error), one cell at a time
                odd = [(r, c) for r, row in enumerate(block.DataArray, a.StartRow)
                       for c, v in enumerate(row, a.StartColumn)
                       if isinstance(v, float) and abs(v * 100 - round(v * 100)) > 1e-4]
                for r, c in odd:
                    cell = sheet.getCellByPosition(c, r)
                    if cell.getError() or cell.getString() == "" or cell.FormulaResultType2 != 1:  # VALUE
                        continue
                    if formats.getByKey(cell.NumberFormat).FormatString.split(";")[0] != "#,##0.00":
                        continue
                    cents = cell.getValue() * 100
                    if abs(cents - round(cents)) > 1e-4:  # sums of cents carry binary noise, no more
                        not_cents.append("%s.%s: %r" % (name, cell.AbsoluteName.split(".")[-1], cell.getValue()))
        self.assertEqual(not_cents[:10], [], "%d money figures are not whole cents" % len(not_cents))

    def test_the_consultants_chart_plots_the_rows_in_use_as_a_person_types(self):
        """各销售顾问全年提成 covers all 30 consultant rows, so that nobody the analyst adds is
        left out; in a document a person opens it plots the rows in use (a name or a
        figure), as they are typed: three consultants' bars were squeezed into the
        left tenth of 30 slots, one label left out. It grows and shrinks with the
        rows, and a saved file (.ods, .xlsx) opens with it fitted and still following."""
        self.doc.close(True)
        self.doc = self.office.load(self.template_path, as_template=True, hidden=False)
        self.assertEqual(len(self.plotted()), 30, "nothing typed: every row stays in the chart")
        self.fill_all(FILL)
        four = ["销售顾问甲", "销售顾问乙", "销售顾问丙", "销售顾问丁"]
        self.assertEqual(self.plotted(), four)
        for cell, value in (("A12", "销售顾问己"), ("B12", 5), ("B46", 20000), ("B80", 10)):
            self.fill(H, cell, value)
        self.assertEqual(self.plotted(), four + ["", "销售顾问己"], "a sixth consultant typed in")
        for cell in ("A12", "B12", "B46", "B80"):
            self.fill(H, cell, None)
        self.assertEqual(self.plotted(), four, "the sixth emptied again")
        for filter_name, ext in ROUND_TRIPS:
            path = "%s/plotted%s" % (self.tmp, ext)
            Office.save(self.doc, path, filter_name)
            doc = self.office.load(path, hidden=False)
            try:
                self.assertEqual(self.plotted(doc), four, ext)
                enter_ = doc.Sheets.getByName(H).getCellRangeByName
                enter_("A11").setString("销售顾问戊")
                self.assertEqual(self.plotted(doc), four + ["销售顾问戊"], "%s: a fifth typed in" % ext)
            finally:
                doc.close(True)

    def plotted(self, doc=None):
        """The consultants 各销售顾问全年提成 plots: its categories, each series over the same rows."""
        model = kit.chart_named((doc or self.doc).Sheets.getByName(C), "顾问对比")
        coord = model.getFirstDiagram().getCoordinateSystems()[0]
        categories = coord.getAxisByDimension(0, 0).getScaleData().Categories.getValues()
        rows = categories.getSourceRangeRepresentation().split(":")[-1].lstrip("$A")
        for ct in coord.getChartTypes():
            for ds in ct.getDataSeries():
                for lds in ds.getDataSequences():
                    self.assertTrue(lds.getValues().getSourceRangeRepresentation().endswith("$" + rows),
                                    "a series and the categories end on different rows")
        return list(categories.getTextualData())

    def test_round_trip_keeps_the_displayed_values(self):
        self.fill_all(FILL)
        self.doc.calculateAll()
        self.assertRoundTrips({C: dict(COMPARISON, **SENSITIVITY)})


if __name__ == "__main__":
    unittest.main(verbosity=2)
