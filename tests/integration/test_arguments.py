"""How the five functions take their arguments in a real Calc: single values,
cells, ranges of every shape, inline arrays, optional arguments, keywords,
array results, blank cells and the exact error each wrong input gives.

Inline arrays through setFormula: ';' separates columns, '|' rows, so
{1|2|3} is a column and {1;2;3} a row. Every expected number is worked by
hand in the comment next to it.
"""
import harness
from calc_case import CalcCase
from com.sun.star.sheet.FillDirection import TO_BOTTOM, TO_RIGHT

# FUNNEL_RATE golden row 线索进店率 (seed 004): 708+877+1003 = 2588 over
# 4146+3846+4476 = 12468.
LEADS_POOLED = 2588 / 12468
# 散客留档率: pooled 1580/1710; mean (33/35 + 10/11 + 13/14)/3 = (726+700+715)/770/3 = 2141/2310.
WALKIN_POOLED = 1580 / 1710
WALKIN_MEAN = 2141 / 2310
# The tier table of the TIERED_BONUS golden case, as a column pair.
TIERS = "{0|100000|120000};{0.02|0.03|0.04}"


class ArgumentForms(CalcCase):
    """Single value, cell, column, row, 2D range and inline arrays."""

    def test_single_values(self):
        self.assertValues([
            ("=FUNNEL_RATE(708;4146)", 708 / 4146),                 # 0.170767...
            ("=FUNNEL_TARGET(100;0.8)", 125),                       # one rate: a plain number
            ("=TARGET_SPLIT(330;7)", 330),                          # one weight takes it all
            ("=TIERED_BONUS(150000;0;0.02)", 3000),                 # 150000 * 0.02
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000)", 0.73125),     # 8775 / 12000
        ])

    def test_single_cells(self):
        self.put("A1", 708)
        self.put("B1", 4146)
        self.put("C1", 0.8)
        self.put("D1", 150000)
        self.put("E1", 9000)
        self.put("F1", 12000)
        self.assertValues([
            ("=FUNNEL_RATE(A1;B1)", 708 / 4146),
            ("=FUNNEL_TARGET(100;C1)", 125),
            ("=TARGET_SPLIT(D1;C1)", 150000),
            ("=TIERED_BONUS(D1;0;0.02)", 3000),
            ("=WORKSHOP_EFFICIENCY(E1;E1;F1;1)", 0.75),             # 9000 / 12000
        ])

    def test_column_row_and_2d_ranges(self):
        self.put_column("A1", [708, 877, 1003])
        self.put_column("B1", [4146, 3846, 4476])
        for col, conv, ent in zip("ABC", (708, 877, 1003), (4146, 3846, 4476)):
            self.put(col + "5", conv)
            self.put(col + "6", ent)
        # Two funnel rows side by side: 线索进店率 and 订单交车率 (120, 60, 90 / 150, 70, 115).
        for col, conv, ent in zip("ABC", (708, 877, 1003), (4146, 3846, 4476)):
            self.put(col + "8", conv)
            self.put(col + "10", ent)
        for col, conv, ent in zip("ABC", (120, 60, 90), (150, 70, 115)):
            self.put(col + "9", conv)
            self.put(col + "11", ent)
        self.assertValues([
            ("=FUNNEL_RATE(A1:A3;B1:B3)", LEADS_POOLED),
            ("=FUNNEL_RATE(A5:C5;A6:C6)", LEADS_POOLED),
            # (2588 + 270) / (12468 + 335) = 2858 / 12803
            ("=FUNNEL_RATE(A8:C9;A10:C11)", 2858 / 12803),
        ])

    def test_inline_arrays(self):
        self.assertValues([
            ("=FUNNEL_RATE({708|877|1003};{4146|3846|4476})", LEADS_POOLED),   # columns
            ("=FUNNEL_RATE({708;877;1003};{4146;3846;4476})", LEADS_POOLED),   # rows
            ("=FUNNEL_RATE({708;877|1003;0};{4146;3846|4476;0})", LEADS_POOLED),  # 2x2, 0/0 adds nothing
            ("=TIERED_BONUS(150000;{0;100000;120000};{0.02;0.03;0.04})", 3800),
            ("=WORKSHOP_EFFICIENCY({8775|3500|3000};{9000|5000|5000};{12000|6000|8000})", 0.5875),
        ])

    def test_tier_table_laid_out_in_rows(self):
        for col, t, r in zip("ABC", (0, 100000, 120000), (0.02, 0.03, 0.04)):
            self.put(col + "1", t)
            self.put(col + "2", r)
        self.assertValue("=TIERED_BONUS(150000;A1:C1;A2:C2)", 3800)

    def test_workshop_rows_per_trade_in_a_row(self):
        for col, s, w, a in zip("ABC", (8775, 3500, 3000), (9000, 5000, 5000), (12000, 6000, 8000)):
            self.put(col + "1", s)
            self.put(col + "2", w)
            self.put(col + "3", a)
        # 19000 / 26000, 15275 / 19000, 15275 / 26000 = 0.5875
        self.assertValues([
            ("=WORKSHOP_EFFICIENCY(A1:C1;A2:C2;A3:C3;1)", 19000 / 26000),
            ("=WORKSHOP_EFFICIENCY(A1:C1;A2:C2;A3:C3;2)", 15275 / 19000),
            ("=WORKSHOP_EFFICIENCY(A1:C1;A2:C2;A3:C3;3)", 0.5875),
        ])

    def test_whole_columns(self):
        # A table referenced by whole columns: a million rows, all but three blank.
        self.put_column("A1", [708, 877, 1003])
        self.put_column("B1", [4146, 3846, 4476])
        self.put_column("C1", [0, 100000, 120000])
        self.put_column("D1", [0.02, 0.03, 0.04])
        self.assertValues([
            ("=FUNNEL_RATE(A:A;B:B)", LEADS_POOLED),
            ("=TIERED_BONUS(150000;C:C;D:D)", 3800),
        ])

    def test_english_name_typed_in_the_ui(self):
        # FormulaLocal is what a user types and sees in the English UI.
        c = self.cell("A1")
        c.FormulaLocal = "=FUNNEL_RATE(708,4146)"
        self.doc.calculateAll()
        self.assertAlmostEqual(c.getValue(), 708 / 4146, places=12)
        self.assertEqual(c.FormulaLocal, "=FUNNEL_RATE(708,4146)")
        self.assertEqual(c.getFormula(), "=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(708;4146)")


class RequiredArguments(CalcCase):
    """The ranges and hours every call needs are required parameters
    (sequence<sequence<any>>): Calc refuses a call without them before the
    add-in is reached. Too few arguments: Err:504; one left empty: Err:502."""

    def test_too_few_arguments(self):
        self.assertErrors([
            ("=FUNNEL_RATE(708)", "Err:504"),
            ("=FUNNEL_RATE()", "Err:504"),
            ("=FUNNEL_TARGET(100)", "Err:504"),
            ("=TARGET_SPLIT(330)", "Err:504"),
            ("=TIERED_BONUS(150000;{0;100000})", "Err:504"),
            ("=WORKSHOP_EFFICIENCY(8775;9000)", "Err:504"),
        ])

    def test_required_argument_left_empty(self):
        self.assertErrors([
            ("=FUNNEL_RATE(;4146)", "Err:502"),
            ("=FUNNEL_RATE(708;)", "Err:502"),
            ("=FUNNEL_TARGET(100;)", "Err:502"),
            ("=TARGET_SPLIT(330;;0)", "Err:502"),
            ("=TIERED_BONUS(150000;;{0.02;0.03})", "Err:502"),
            ("=WORKSHOP_EFFICIENCY(8775;;12000)", "Err:502"),
        ])

    def test_every_form_reaches_a_required_parameter(self):
        # a value, a cell, a 1x1 range, a range, an inline array; a blank cell
        # given alone is 0 (Calc converts it), a blank inside a range is blank
        # (the period is skipped), text stays text (#VALUE!).
        self.put("A1", 708)
        self.put("B1", 4146)
        self.put_column("C1", [708, None, 877])
        self.put_column("D1", [4146, 99, 3846])
        self.put("E1", "708")
        self.assertValues([
            ("=FUNNEL_RATE(708;4146)", 708 / 4146),
            ("=FUNNEL_RATE(A1;B1)", 708 / 4146),
            ("=FUNNEL_RATE(A1:A1;B1:B1)", 708 / 4146),
            ("=FUNNEL_RATE({708;877};{4146;3846})", 1585 / 7992),
            ("=FUNNEL_RATE(C1:C3;D1:D3)", 1585 / 7992),
            ("=FUNNEL_RATE(F1;B1)", 0),
        ])
        self.assertErrors([("=FUNNEL_RATE(E1;B1)", "#VALUE!"), ("=FUNNEL_RATE(\"708\";4146)", "#VALUE!")])


class OptionalArguments(CalcCase):
    """Omitted, empty (;;) and given optional arguments."""

    def test_funnel_rate_method(self):
        data = "{330;600;650};{350;660;700}"
        self.assertValues([
            ("=FUNNEL_RATE(%s)" % data, WALKIN_POOLED),
            ("=FUNNEL_RATE(%s;)" % data, WALKIN_POOLED),
            ("=FUNNEL_RATE(%s;\"\")" % data, WALKIN_POOLED),
            ("=FUNNEL_RATE(%s;0)" % data, WALKIN_POOLED),
            ("=FUNNEL_RATE(%s;1)" % data, WALKIN_MEAN),
        ])

    def test_funnel_target_rounding(self):
        # Third need: 100/0.8/0.33/0.3 = 1262.6262...; up 1264; nearest 1263.
        rates = "{0.8|0.33|0.3}"
        self.assertValues([
            ("=INDEX(FUNNEL_TARGET(100;%s);3)" % rates, 1262.626262626),
            ("=INDEX(FUNNEL_TARGET(100;%s;);3)" % rates, 1262.626262626),
            ("=INDEX(FUNNEL_TARGET(100;%s;0);3)" % rates, 1262.626262626),
            ("=INDEX(FUNNEL_TARGET(100;%s;1);3)" % rates, 1264),
            ("=INDEX(FUNNEL_TARGET(100;%s;2);3)" % rates, 1263),
        ], places=6)

    def test_target_split_decimals_and_part(self):
        # 10 over three equal weights: whole numbers {4; 3; 3} (ties: earlier first);
        # one decimal: 100 tenths -> 34, 33, 33 -> {3.4; 3.3; 3.3}.
        self.assertArray("=TARGET_SPLIT(10;{1;1;1})", "A1:C1", [[4, 3, 3]])
        self.assertArray("=TARGET_SPLIT(10;{1;1;1};)", "A2:C2", [[4, 3, 3]])
        self.assertArray("=TARGET_SPLIT(10;{1;1;1};;)", "A3:C3", [[4, 3, 3]])
        self.assertArray("=TARGET_SPLIT(10;{1;1;1};1)", "A4:C4", [[3.4, 3.3, 3.3]])
        self.assertArray("=TARGET_SPLIT(10;{1;1;1};1;0)", "A5:C5", [[3.4, 3.3, 3.3]])
        self.assertValues([
            ("=TARGET_SPLIT(10;{1;1;1};;1)", 4),
            ("=TARGET_SPLIT(10;{1;1;1};;2)", 3),
            ("=TARGET_SPLIT(10;{1;1;1};1;1)", 3.4),
            ("=TARGET_SPLIT(10;{1;1;1};1;3)", 3.3),
            # Negative decimals: 1000 in tens -> 100 units -> 34, 33, 33 -> 340.
            ("=TARGET_SPLIT(1000;{1;1;1};-1;1)", 340),
            # A negative total splits its magnitude and negates every part.
            ("=TARGET_SPLIT(-330;{100;70;115};0;1)", -116),
        ])

    def test_tiered_bonus_mode_cap_prior(self):
        self.assertValues([
            ("=TIERED_BONUS(150000;%s)" % TIERS, 3800),
            ("=TIERED_BONUS(150000;%s;)" % TIERS, 3800),
            ("=TIERED_BONUS(150000;%s;;)" % TIERS, 3800),
            ("=TIERED_BONUS(150000;%s;;;)" % TIERS, 3800),
            ("=TIERED_BONUS(150000;%s;;0;0)" % TIERS, 3800),      # cap 0 = no cap
            ("=TIERED_BONUS(150000;%s;;3000)" % TIERS, 3000),
            ("=TIERED_BONUS(150000;%s;1;5000)" % TIERS, 5000),    # whole 6000 capped
            ("=TIERED_BONUS(50000;%s;;;100000)" % TIERS, 1800),   # 3800 - 2000
            # Capped year to date: min(3800, 3000) - min(2000, 3000) = 1000.
            ("=TIERED_BONUS(50000;%s;0;3000;100000)" % TIERS, 1000),
            # A return of 50000 after 150000: bonus(100000) - bonus(150000) = 2000 - 3800.
            ("=TIERED_BONUS(-50000;%s;0;;150000)" % TIERS, -1800),
        ])

    def test_workshop_measure(self):
        self.assertValues([
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000)", 0.73125),
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000;)", 0.73125),
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000;1)", 0.75),
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000;2)", 0.975),
        ])


class Keywords(CalcCase):
    """Numbers, English words in any case with spaces, Chinese terms."""

    def test_funnel_rate_method(self):
        data = "{330;600;650};{350;660;700}"
        pooled = ["0", "\"pooled\"", "\"POOLED\"", "\" Pooled \"", "\"合并\""]
        mean = ["1", "\"mean\"", "\"MEAN\"", "\"  Mean\"", "\"平均\"", "\"1\""]
        self.assertValues([("=FUNNEL_RATE(%s;%s)" % (data, k), WALKIN_POOLED) for k in pooled]
                          + [("=FUNNEL_RATE(%s;%s)" % (data, k), WALKIN_MEAN) for k in mean])
        self.assertErrors([("=FUNNEL_RATE(%s;%s)" % (data, k), "Err:502")
                           for k in ("2", "-1", "0.5", "\"average\"", "\"pool ed\"")])

    def test_funnel_target_rounding(self):
        rates = "{0.8|0.33|0.3}"
        cases = [("\"none\"", 1262.626262626), ("\"NONE\"", 1262.626262626), ("\"不取整\"", 1262.626262626),
                 ("\"up\"", 1264), ("\" Up \"", 1264), ("\"向上\"", 1264),
                 ("\"nearest\"", 1263), ("\"NEAREST\"", 1263), ("\"四舍五入\"", 1263), ("\"2\"", 1263)]
        self.assertValues([("=INDEX(FUNNEL_TARGET(100;%s;%s);3)" % (rates, k), v) for k, v in cases], places=6)
        self.assertErrors([("=FUNNEL_TARGET(100;%s;%s)" % (rates, k), "Err:502")
                           for k in ("3", "1.5", "\"down\"", "\"round\"")])

    def test_tiered_bonus_mode(self):
        cases = [("\"marginal\"", TIERS, 3800), ("\" MARGINAL\"", TIERS, 3800), ("\"超额累进\"", TIERS, 3800),
                 ("\"whole\"", TIERS, 6000), ("\"Whole \"", TIERS, 6000), ("\"全额累进\"", TIERS, 6000),
                 ("\"fixed\"", "{0|100000|120000};{500|1000|2000}", 2000),
                 ("\"Fixed\"", "{0|100000|120000};{500|1000|2000}", 2000),
                 ("\"定额\"", "{0|100000|120000};{500|1000|2000}", 2000)]
        self.assertValues([("=TIERED_BONUS(150000;%s;%s)" % (table, k), v) for k, table, v in cases])
        self.assertErrors([("=TIERED_BONUS(150000;%s;%s)" % (TIERS, k), "Err:502")
                           for k in ("3", "-1", "\"tax\"", "\"累进\"")])

    def test_workshop_measure(self):
        cases = [("\"productivity\"", 0.75), ("\"PRODUCTIVITY\"", 0.75), ("\"生产率\"", 0.75),
                 ("\"efficiency\"", 0.975), ("\" Efficiency \"", 0.975), ("\"工时效率\"", 0.975),
                 ("\"overall\"", 0.73125), ("\"Overall\"", 0.73125), ("\"总效率\"", 0.73125)]
        self.assertValues([("=WORKSHOP_EFFICIENCY(8775;9000;12000;%s)" % k, v) for k, v in cases])
        self.assertErrors([("=WORKSHOP_EFFICIENCY(8775;9000;12000;%s)" % k, "Err:502")
                           for k in ("0", "4", "\"speed\"", "\"效率\"")])

    def test_keyword_from_a_cell(self):
        self.put("A1", "Mean")
        self.put("A2", 1)
        self.put("A3", "总效率")
        self.assertValues([
            ("=FUNNEL_RATE({330;600;650};{350;660;700};A1)", WALKIN_MEAN),
            ("=FUNNEL_RATE({330;600;650};{350;660;700};A2)", WALKIN_MEAN),
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000;A3)", 0.73125),
        ])


class ArrayResults(CalcCase):
    """FUNNEL_TARGET and TARGET_SPLIT: the result has the shape of rates / weights."""

    def test_funnel_target_column_row_2d(self):
        # up: 125, 379, 1264, then 1264/0.5 = 2528.
        self.assertArray("=FUNNEL_TARGET(100;{0.8|0.33|0.3};1)", "B1:B3", [[125], [379], [1264]])
        self.assertArray("=FUNNEL_TARGET(100;{0.8;0.33;0.3};1)", "B5:D5", [[125, 379, 1264]])
        self.assertArray("=FUNNEL_TARGET(100;{0.8;0.33|0.3;0.5};1)", "B7:C8", [[125, 379], [1264, 2528]])

    def test_funnel_target_from_cells(self):
        self.put_column("A1", [0.8, 0.33, 0.3])
        self.assertArray("=FUNNEL_TARGET(100;A1:A3)", "B1:B3",
                         [[125], [378.787878788], [1262.626262626]], places=6)

    def test_target_split_column_row_2d(self):
        self.assertArray("=TARGET_SPLIT(330;{100|70|115})", "B1:B3", [[116], [81], [133]])
        self.assertArray("=TARGET_SPLIT(330;{100;70;115})", "B5:D5", [[116, 81, 133]])
        # 10 over {1 1 / 1 0}: 3.33 each -> 3, 3, 3, 0; the leftover unit to the first tie.
        self.assertArray("=TARGET_SPLIT(10;{1;1|1;0})", "B7:C8", [[4, 3], [3, 0]])

    def test_target_split_from_cell_ranges(self):
        self.put_column("A1", [100, 70, 115])
        for col, w in zip("DEF", (100, 70, 115)):
            self.put(col + "1", w)
        self.put_column("H1", [1, 1])
        self.put_column("I1", [1, 0])
        self.assertArray("=TARGET_SPLIT(330;A1:A3)", "B1:B3", [[116], [81], [133]])
        self.assertArray("=TARGET_SPLIT(330;D1:F1)", "D3:F3", [[116, 81, 133]])
        self.assertArray("=TARGET_SPLIT(10;H1:I2)", "K1:L2", [[4, 3], [3, 0]])

    def test_target_split_ties(self):
        # 2 over {1; 3}: 0.5 and 1.5 -> floors 0 and 1, equal remainders .5;
        # the unit left goes to the larger weight, wherever it stands.
        self.assertArray("=TARGET_SPLIT(2;{1;3})", "A1:B1", [[0, 2]])
        self.assertArray("=TARGET_SPLIT(2;{3;1})", "A2:B2", [[2, 0]])
        # Equal weights and remainders: the earlier position first.
        self.assertArray("=TARGET_SPLIT(5;{1;1;1;1})", "A3:D3", [[2, 1, 1, 1]])

    def test_error_fills_the_whole_block(self):
        self.assertArray("=FUNNEL_TARGET(100;{0.8|0|0.3})", "B1:B3", [["Err:502"], ["Err:502"], ["Err:502"]])
        self.assertArray("=TARGET_SPLIT(10;{1|\"a\"|1})", "C1:C3", [["#VALUE!"], ["#VALUE!"], ["#VALUE!"]])

    def test_larger_block_shows_the_result_shape(self):
        # A 2x2 result in a 3x3 block: Calc fills the rest with #N/A.
        self.assertArray("=TARGET_SPLIT(10;{1;1|1;0})", "B1:D3",
                         [[4, 3, "#N/A"], [3, 0, "#N/A"], ["#N/A", "#N/A", "#N/A"]])

    def test_target_split_part_filled_down(self):
        self.put_column("A1", [100, 70, 115])
        self.cell("B1").setFormula("=TARGET_SPLIT(330;$A$1:$A$3;0;ROWS($B$1:B1))")
        self.cell("B1:B3").fillAuto(TO_BOTTOM, 1)
        self.doc.calculateAll()
        self.assertEqual(self.cell("B3").getFormula(),
                         "=ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(330;$A$1:$A$3;0;ROWS($B$1:B3))")
        self.assertEqual([self.cell(n).getValue() for n in ("B1", "B2", "B3")], [116, 81, 133])
        self.assertEqual([self.cell(n).getError() for n in ("B1", "B2", "B3")], [0, 0, 0])

    def test_target_split_part_filled_right(self):
        self.cell("A1").setFormula("=TARGET_SPLIT(8844682.38;{8775;3500;3000};2;COLUMNS($A$1:A1))")
        self.cell("A1:C1").fillAuto(TO_RIGHT, 1)
        self.doc.calculateAll()
        self.assertEqual([self.cell(n).getValue() for n in ("A1", "B1", "C1")],
                         [5080987.75, 2026604.80, 1737089.83])

    def test_sum_of_parts_is_the_total(self):
        # The parts add up to the total at the parts' precision, which is what a
        # user sees. (SUM over the array adds in another order in LibreOffice 25.2:
        # 8844682.379999999 there, 8844682.38 in 7.4; both display 8,844,682.38.)
        for formula, total in [
            ("=SUM(TARGET_SPLIT(330;{100;70;115}))", 330),
            ("=ROUND(SUM(TARGET_SPLIT(8844682.38;{8775;3500;3000};2));2)", 8844682.38),
            ("=ROUND(SUM(TARGET_SPLIT(10;{1;1;1};1));1)", 10),
            ("=SUMPRODUCT(TARGET_SPLIT(8844682.38;{8775;3500;3000};2))", 8844682.38),
        ]:
            with self.subTest(formula=formula):
                value, shown, error = self.evaluate(formula)
                self.assertEqual((error, value), (0, total), shown)

    def test_parts_are_exact_decimals(self):
        # Each part is the decimal itself (the nearest double to it), not a value
        # that only displays as it.
        for formula, parts in [
            ("=TARGET_SPLIT(8844682.38;{8775;3500;3000};2;%d)", [5080987.75, 2026604.80, 1737089.83]),
            ("=TARGET_SPLIT(10;{1;1;1};1;%d)", [3.4, 3.3, 3.3]),
        ]:
            for i, part in enumerate(parts, 1):
                with self.subTest(formula=formula % i):
                    value, shown, error = self.evaluate(formula % i)
                    self.assertEqual((error, value), (0, part), shown)


class Rules(CalcCase):
    """Spec rules that are easy to get wrong."""

    def test_rates_above_one_are_allowed(self):
        self.assertValue("=FUNNEL_RATE({5;3};{4;3})", 8 / 7)      # re-visits: (5 + 3) / (4 + 3)

    def test_mean_skips_periods_without_entries(self):
        # pooled (1 + 2) / (0 + 4) = 0.75; mean only over the period with entries: 2/4.
        self.assertValues([("=FUNNEL_RATE({1;2};{0;4})", 0.75), ("=FUNNEL_RATE({1;2};{0;4};1)", 0.5)])

    def test_below_the_first_threshold(self):
        self.assertValues([
            ("=TIERED_BONUS(50000;{100000|120000};{0.02|0.03})", 0),
            ("=TIERED_BONUS(50000;{100000|120000};{0.02|0.03};1)", 0),
            ("=TIERED_BONUS(50000;{100000|120000};{500|1000};2)", 0),
            # marginal: only the 50000 above the first threshold, 50000 * 0.02.
            ("=TIERED_BONUS(150000;{100000|200000};{0.02|0.03})", 1000),
            ("=TIERED_BONUS(150000;{100000|120000};{0.02|0.03};1)", 4500),   # 150000 * 0.03
        ])

    def test_decelerator(self):
        # 100000*0.02 + 20000*(-0.01) + 30000*0.04 = 2000 - 200 + 1200.
        self.assertValue("=TIERED_BONUS(150000;{0|100000|120000};{0.02|-0.01|0.04})", 3000)

    def test_amount_on_a_threshold(self):
        # Exactly 100000 reaches the second tier for whole and fixed, and earns
        # nothing at its rate yet for marginal.
        self.assertValues([
            ("=TIERED_BONUS(100000;%s)" % TIERS, 2000),
            ("=TIERED_BONUS(100000;%s;1)" % TIERS, 3000),
            ("=TIERED_BONUS(100000;{0|100000|120000};{500|1000|2000};2)", 1000),
        ])


class Errors(CalcCase):
    """Exactly which Calc error each wrong input gives."""

    def test_text_is_value_error(self):
        self.put_column("A1", [708, "n/a", 1003])
        self.put_column("B1", [4146, 3846, 4476])
        self.assertErrors([
            ("=FUNNEL_RATE(\"a\";10)", "#VALUE!"),
            ("=FUNNEL_RATE(A1:A3;B1:B3)", "#VALUE!"),
            ("=FUNNEL_RATE({1;\"x\"};{2;3})", "#VALUE!"),
            ("=FUNNEL_TARGET(100;\"a\")", "#VALUE!"),
            ("=FUNNEL_TARGET(100;{0.8;\"a\"})", "#VALUE!"),
            ("=TARGET_SPLIT(10;{1;\"a\"})", "#VALUE!"),
            ("=TARGET_SPLIT(10;A1:A3)", "#VALUE!"),
            ("=TARGET_SPLIT(10;{1;2};\"x\")", "#VALUE!"),
            ("=TARGET_SPLIT(10;{1;2};0;\"x\")", "#VALUE!"),
            ("=TIERED_BONUS(\"abc\";%s)" % TIERS, "#VALUE!"),
            ("=TIERED_BONUS(150000;{0|\"a\"};{0.02|0.03})", "#VALUE!"),
            ("=TIERED_BONUS(150000;%s;0;\"x\")" % TIERS, "#VALUE!"),
            ("=TIERED_BONUS(150000;%s;0;0;\"x\")" % TIERS, "#VALUE!"),
            ("=WORKSHOP_EFFICIENCY(\"a\";9000;12000)", "#VALUE!"),
            ("=WORKSHOP_EFFICIENCY(8775;9000;A2;1)", "#VALUE!"),
        ])

    def test_invalid_argument_is_err502(self):
        self.put_column("A1", [0.8, None, 0.3])
        self.put_column("C1", [0, None, 120000])
        self.put_column("D1", [0.02, 0.03, 0.04])
        self.assertErrors([
            ("=FUNNEL_RATE(-1;10)", "Err:502"),
            ("=FUNNEL_RATE(1;-10)", "Err:502"),
            ("=FUNNEL_RATE({1;2};{1|2})", "Err:502"),              # 1x2 against 2x1
            ("=FUNNEL_RATE({1;2;3};{1;2})", "Err:502"),
            ("=FUNNEL_TARGET(100;0)", "Err:502"),
            ("=FUNNEL_TARGET(100;{0.8;-0.5})", "Err:502"),
            ("=FUNNEL_TARGET(-1;0.5)", "Err:502"),
            ("=FUNNEL_TARGET(100;A1:A3)", "Err:502"),              # a blank rate
            ("=TARGET_SPLIT(10;{1;-1})", "Err:502"),
            ("=TARGET_SPLIT(10;{1;1};7)", "Err:502"),
            ("=TARGET_SPLIT(10;{1;1};-7)", "Err:502"),
            ("=TARGET_SPLIT(10;{1;1};0.5)", "Err:502"),
            ("=TARGET_SPLIT(10;{1;1};0;3)", "Err:502"),
            ("=TARGET_SPLIT(10;{1;1};0;-1)", "Err:502"),
            ("=TARGET_SPLIT(10;{1;1};0;1.5)", "Err:502"),
            ("=TIERED_BONUS(150000;{0|120000|100000};{0.02|0.03|0.04})", "Err:502"),   # unsorted
            ("=TIERED_BONUS(150000;{0|100000|100000};{0.02|0.03|0.04})", "Err:502"),   # duplicate
            ("=TIERED_BONUS(150000;{0|100000|120000};{0.02|0.03})", "Err:502"),        # count mismatch
            ("=TIERED_BONUS(150000;C1:C3;D1:D3)", "Err:502"),                           # hole inside
            ("=TIERED_BONUS(150000;%s;0;-1)" % TIERS, "Err:502"),                       # negative cap
            ("=WORKSHOP_EFFICIENCY(8775;-9000;12000;2)", "Err:502"),
            ("=WORKSHOP_EFFICIENCY({1;2};{1;2};{1|2})", "Err:502"),
        ])

    def test_zero_denominator_is_div0(self):
        self.assertErrors([
            ("=FUNNEL_RATE(0;0)", "#DIV/0!"),
            ("=FUNNEL_RATE({1;2};{0;0})", "#DIV/0!"),
            ("=FUNNEL_RATE({1;2};{0;0};1)", "#DIV/0!"),             # mean: no period with entered > 0
            ("=WORKSHOP_EFFICIENCY(8775;0;12000;2)", "#DIV/0!"),
            ("=WORKSHOP_EFFICIENCY(8775;9000;0)", "#DIV/0!"),
            ("=WORKSHOP_EFFICIENCY({1|2};{0|0};{5|5};2)", "#DIV/0!"),
        ])

    def test_overflow_is_num(self):
        self.assertErrors([
            ("=TIERED_BONUS(1E308;0;10)", "#NUM!"),                  # 1E309 does not fit a double
            ("=FUNNEL_TARGET(1E308;{0.1;0.1})", "#NUM!"),
            ("=TARGET_SPLIT(1E300;{1;1})", "#NUM!"),                 # more units than exact doubles hold
            ("=FUNNEL_RATE(1E308;1E-300)", "#NUM!"),
        ])

    def test_first_offending_cell_decides(self):
        self.assertErrors([
            ("=FUNNEL_RATE({\"a\";-1};{1;1})", "#VALUE!"),
            ("=FUNNEL_RATE({-1;\"a\"};{1;1})", "Err:502"),
            ("=TARGET_SPLIT(10;{\"a\";-1})", "#VALUE!"),
            ("=TARGET_SPLIT(10;{-1;\"a\"})", "Err:502"),
        ])

    def test_error_cell_given_as_a_cell_propagates(self):
        # Calc does not call the add-in and shows the input's error.
        self.put("A1", "=1/0")
        self.put("A2", "=NA()")
        self.assertErrors([
            ("=FUNNEL_RATE(A1;10)", "#DIV/0!"),
            ("=FUNNEL_RATE(1;A2)", "#N/A"),
            ("=FUNNEL_TARGET(A1;0.5)", "#DIV/0!"),
            ("=FUNNEL_TARGET(100;A2)", "#N/A"),
            ("=TARGET_SPLIT(10;{1;1};A1)", "#DIV/0!"),
            ("=TIERED_BONUS(A2;%s)" % TIERS, "#N/A"),
            ("=TIERED_BONUS(150000;%s;A1)" % TIERS, "#DIV/0!"),
            ("=TIERED_BONUS(150000;%s;0;A2)" % TIERS, "#N/A"),
            ("=WORKSHOP_EFFICIENCY(8775;9000;12000;A1)", "#DIV/0!"),
        ])

    def test_error_cell_inside_a_range(self):
        # An error cell inside a range reference: Calc refuses to build the
        # argument and shows its parameter error (Err:504) without calling the
        # add-in. Never a number.
        self.put_column("A1", [708, "=1/0", 1003])
        self.put_column("B1", [4146, 3846, "=NA()"])
        self.put_column("C1", [100, 70, 115])
        self.assertErrors([
            ("=FUNNEL_RATE(A1:A3;B1:B3)", "Err:504"),
            ("=FUNNEL_RATE(C1:C3;B1:B3)", "Err:504"),
            ("=FUNNEL_TARGET(100;A1:A3)", "Err:504"),
            ("=TARGET_SPLIT(330;B1:B3)", "Err:504"),
            ("=TIERED_BONUS(150000;A1:A3;C1:C3)", "Err:504"),
            ("=WORKSHOP_EFFICIENCY(C1:C3;C1:C3;A1:A3)", "Err:504"),
        ])

    def test_error_inside_a_range_expression_propagates(self):
        # A range inside an expression, evaluated as an array formula: the
        # error value itself reaches the result.
        self.put_column("A1", [708, "=1/0", 1003])
        self.put_column("B1", [4146, 3846, "=NA()"])
        self.put_column("C1", [100, 70, 115])
        for formula, error_text in [("=FUNNEL_RATE(A1:A3*1;C1:C3)", "#DIV/0!"),
                                    ("=FUNNEL_RATE(C1:C3;B1:B3+0)", "#N/A"),
                                    ("=TARGET_SPLIT(330;A1:A3*1;0;1)", "#DIV/0!"),
                                    ("=WORKSHOP_EFFICIENCY(C1:C3;B1:B3+0;C1:C3;2)", "#N/A")]:
            with self.subTest(formula=formula):
                self.assertArray(formula, "Z1", [[error_text]])


class Blanks(CalcCase):
    """Blank cells and "" results: skipped, 0, or no cap, as each function says."""

    def test_funnel_rate_skips_blank_months(self):
        # Month N-2 has no data: (708 + 1003) / (4146 + 4476) = 1711 / 8622.
        self.put_column("A1", [708, None, 1003])
        self.put_column("B1", [4146, 3846, 4476])
        self.put_column("C1", [708, 877, 1003])
        self.put_column("D1", [4146, None, 4476])
        self.put_column("E1", [708, "=IF(1;\"\";877)", 1003])
        self.assertValues([
            ("=FUNNEL_RATE(A1:A3;B1:B3)", 1711 / 8622),
            ("=FUNNEL_RATE(C1:C3;D1:D3)", 1711 / 8622),
            ("=FUNNEL_RATE(E1:E3;B1:B3)", 1711 / 8622),
            # Mean over the two months left: (708/4146 + 1003/4476) / 2.
            ("=FUNNEL_RATE(A1:A3;B1:B3;1)", (708 / 4146 + 1003 / 4476) / 2),
        ])

    def test_funnel_rate_all_blank_is_div0(self):
        self.put_column("B1", [4146, 3846, 4476])
        self.assertError("=FUNNEL_RATE(A1:A3;B1:B3)", "#DIV/0!")

    def test_single_blank_cell_is_zero(self):
        # A single blank cell reaches the add-in as 0 (Calc converts it).
        self.put("B1", 10)
        self.assertValue("=FUNNEL_RATE(A1;B1)", 0)

    def test_blank_cap_cell_means_no_cap(self):
        self.put("A2", "=IF(1;\"\";5)")
        self.put("A3", 0)
        self.assertValues([
            ("=TIERED_BONUS(150000;%s;0;A1)" % TIERS, 3800),     # blank cell
            ("=TIERED_BONUS(150000;%s;0;A2)" % TIERS, 3800),     # "" from a formula
            ("=TIERED_BONUS(150000;%s;0;A3)" % TIERS, 3800),     # 0
            ("=TIERED_BONUS(150000;%s;0;\"\")" % TIERS, 3800),   # empty text
        ])

    def test_blank_prior_is_zero(self):
        self.assertValue("=TIERED_BONUS(150000;%s;0;0;A1)" % TIERS, 3800)

    def test_tier_table_spare_rows(self):
        self.put_column("A1", [0, 100000, 120000, None, "=IF(1;\"\";1)"])
        self.put_column("B1", [0.02, 0.03, 0.04, None, None])
        self.assertValue("=TIERED_BONUS(150000;A1:A5;B1:B5)", 3800)

    def test_target_split_blank_weight_is_zero(self):
        # 10 over {2, blank, 3}: 10*2/5 = 4, 0, 10*3/5 = 6.
        self.put_column("A1", [2, None, 3])
        self.put_column("B1", [2, "=IF(1;\"\";9)", 3])
        self.assertArray("=TARGET_SPLIT(10;A1:A3)", "C1:C3", [[4], [0], [6]])
        self.assertArray("=TARGET_SPLIT(10;B1:B3)", "D1:D3", [[4], [0], [6]])
        # All blank: no history, split equally {4; 3; 3}.
        self.assertArray("=TARGET_SPLIT(10;E1:E3)", "F1:F3", [[4], [3], [3]])

    def test_workshop_skips_rows_with_a_blank_operand(self):
        self.put_column("A1", [8775, None, 3000])        # sold: 钣金 missing
        self.put_column("B1", [9000, 5000, 5000])        # worked
        self.put_column("C1", [12000, 6000, 8000])       # available
        self.put_column("D1", [8775, "n/a", 3000])       # sold with a note
        self.assertValues([
            # efficiency: (8775 + 3000) / (9000 + 5000) = 11775 / 14000
            ("=WORKSHOP_EFFICIENCY(A1:A3;B1:B3;C1:C3;2)", 11775 / 14000),
            # overall: (8775 + 3000) / (12000 + 8000) = 11775 / 20000
            ("=WORKSHOP_EFFICIENCY(A1:A3;B1:B3;C1:C3)", 11775 / 20000),
            # productivity does not use sold hours: 19000 / 26000
            ("=WORKSHOP_EFFICIENCY(A1:A3;B1:B3;C1:C3;1)", 19000 / 26000),
        ])
        # A blank is skipped, but a note typed in an hours cell is text where a number
        # is required: #VALUE! whatever the measure, also where the measure does not
        # divide that argument (a typo must not vanish because of the measure chosen).
        self.assertErrors([
            ("=WORKSHOP_EFFICIENCY(D1:D3;B1:B3;C1:C3;1)", "#VALUE!"),
            ("=WORKSHOP_EFFICIENCY(D1:D3;B1:B3;C1:C3;2)", "#VALUE!"),
        ])


# PAYOUT_CURVE: the published pay curve 75% -> 0.5, 100% -> 1, 150% -> 3.
# At 0.9: 0.5 + 0.15 * 0.5 / 0.25 = 0.8; at 1.6: 3 + 0.1 * 2 / 0.5 = 3.4; held: 3.
CURVE = "{0.75|1|1.5};{0.5|1|3}"
# KPI_SCORE golden: (50 x 110/100 + 30 x 0.95/0.9 + 20 x min(30/25, 1.2)) / 100.
KPI = (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100
KPI_INLINE = "{110;0.95;25};{100;0.9;30};{50;30;20};1.2"
FULL_WIDTH = "\u3000"


class PayoutCurveAndKpiScoreArguments(CalcCase):
    """PAYOUT_CURVE and KPI_SCORE: every argument form, spare rows, keywords
    in every spelling and the error each wrong input gives."""

    def put_row(self, left, values):
        a = self.cell(left).getCellAddress()
        for i, v in enumerate(values):
            harness.enter(self.sheet.getCellByPosition(a.Column + i, a.Row), v)

    def test_curve_argument_forms(self):
        self.put_column("A1", [0.75, 1, 1.5])          # a column
        self.put_column("B1", [0.5, 1, 3])
        self.put_row("D1", [0.75, 1, 1.5])             # a row
        self.put_row("D2", [0.5, 1, 3])
        self.put("D4", 0.75)                           # a 2x2 block read row by row: 0.75 1 / 1.5 blank
        self.put("E4", 1)
        self.put("D5", 1.5)
        self.put("C1", 0.9)                            # the attainment in a cell
        self.assertValues([
            ("=PAYOUT_CURVE(0.9;A1:A3;B1:B3)", 0.8),
            ("=PAYOUT_CURVE(C1;A1:A3;B1:B3)", 0.8),
            ("=PAYOUT_CURVE(0.9;D1:F1;D2:F2)", 0.8),
            ("=PAYOUT_CURVE(0.9;D1:F1;B1:B3)", 0.8),    # a row of points, a column of payouts
            ("=PAYOUT_CURVE(0.9;D4:E5;B1:B3)", 0.8),    # the block's last cell is a spare one
            ("=PAYOUT_CURVE(0.9;%s)" % CURVE, 0.8),
            ("=PAYOUT_CURVE(0.9;{0.75;1;1.5};{0.5;1;3})", 0.8),
            ("=PAYOUT_CURVE(1;1;100)", 100),             # one point, single values
            ("=PAYOUT_CURVE(7;1;100)", 100),             # holds beyond it
            ("=PAYOUT_CURVE(0.5;1;100)", 0),
        ])

    def test_curve_spare_rows(self):
        self.put_column("A1", [0.75, 1, 1.5, None, None, None])
        self.put_column("B1", [0.5, 1, 3, None, None, None])
        self.put_column("C1", [0.75, 1, 1.5, "=\"\"", None])  # a formula that shows nothing is blank
        self.assertValues([
            ("=PAYOUT_CURVE(1.6;A1:A6;B1:B6)", 3.4),
            ("=PAYOUT_CURVE(1.6;A1:A6;B1:B3)", 3.4),
            ("=PAYOUT_CURVE(1.6;C1:C5;B1:B6)", 3.4),
            ("=PAYOUT_CURVE(1.6;A:A;B:B)", 3.4),          # whole columns
        ])

    def test_curve_beyond_keyword(self):
        extend = ["", ";", ";0", ";\"extend\"", ";\"EXTEND\"", ";\" Extend \"", ";\"延伸\"",
                  ";\"%s延伸%s\"" % (FULL_WIDTH, FULL_WIDTH), ";\"\"", ";\"0\""]
        hold = [";1", ";\"hold\"", ";\"HOLD\"", ";\"  Hold\"", ";\"封顶\"", ";\"封頂\"",
                ";\"%s封顶\"" % FULL_WIDTH, ";\" %shold%s \"" % (FULL_WIDTH, FULL_WIDTH), ";\"1\""]
        self.assertValues([("=PAYOUT_CURVE(1.6;%s%s)" % (CURVE, k), 3.4) for k in extend]
                          + [("=PAYOUT_CURVE(1.6;%s%s)" % (CURVE, k), 3) for k in hold])
        self.assertErrors([("=PAYOUT_CURVE(1.6;%s;%s)" % (CURVE, k), "Err:502")
                           for k in ("2", "-1", "0.5", "\"cap\"", "\"ho ld\"", "\"封\"")])
        self.put("A1", "封頂")
        self.put("A2", 1)
        self.assertValues([("=PAYOUT_CURVE(1.6;%s;A1)" % CURVE, 3), ("=PAYOUT_CURVE(1.6;%s;A2)" % CURVE, 3),
                           ("=PAYOUT_CURVE(1.6;%s;A3)" % CURVE, 3.4)])   # a blank cell: the default

    def test_curve_errors(self):
        self.put_column("A1", [0.75, None, 1.5])
        self.put_column("B1", [0.75, "x", 1.5])
        self.assertErrors([
            ("=PAYOUT_CURVE(1;A1:A3;{0.5|1|3})", "Err:502"),               # a hole
            ("=PAYOUT_CURVE(1;{1|1|1};{1|2|3})", "Err:502"),               # three equal points
            ("=PAYOUT_CURVE(1;{0.75|1.5|1};{0.5|1|3})", "Err:502"),        # descending
            ("=PAYOUT_CURVE(1;{0.75|1|1.5};{0.5|1})", "Err:502"),          # count mismatch
            ("=PAYOUT_CURVE(1;B1:B3;{0.5|1|3})", "#VALUE!"),               # text among the points
            ("=PAYOUT_CURVE(1;{0.75|1|1.5};{0.5|\"x\"|3})", "#VALUE!"),
            ("=PAYOUT_CURVE(\"x\";%s)" % CURVE, "#VALUE!"),                # text attainment
            ("=PAYOUT_CURVE(1E308;{0|1};{0|2})", "#NUM!"),                 # beyond a double
        ])

    def test_score_argument_forms(self):
        self.put_column("A1", [110, 0.95, 25])
        self.put_column("B1", [100, 0.9, 30])
        self.put_column("C1", [50, 30, 20])
        self.put_column("D1", [0, 0, 1])
        self.put("E1", 1.2)
        self.put_row("G1", [110, 0.95, 25])
        self.put_row("G2", [100, 0.9, 30])
        self.put_row("G3", [50, 30, 20])
        self.put_row("G4", [0, 0, 1])
        # A 2x2 scorecard (the fourth measure spare: no weight).
        for name, v in (("K1", 110), ("L1", 0.95), ("K2", 25), ("K4", 100), ("L4", 0.9), ("K5", 30),
                        ("K7", 50), ("L7", 30), ("K8", 20), ("K10", 0), ("L10", 0), ("K11", 1)):
            self.put(name, v)
        self.assertValues([
            ("=KPI_SCORE(A1:A3;B1:B3;C1:C3;E1;;D1:D3)", KPI),
            ("=KPI_SCORE(A1:A3;B1:B3;C1:C3;1.2;;D1:D3)", KPI),
            ("=KPI_SCORE(G1:I1;G2:I2;G3:I3;E1;;G4:I4)", KPI),
            ("=KPI_SCORE(A1:A3;B1:B3;C1:C3;E1;;G4:I4)", KPI),               # directions in a row
            ("=KPI_SCORE(A1:A3;B1:B3;C1:C3;{1.2;1.2;1.2};;{0|0|1})", KPI),  # one cap each, inline
            ("=KPI_SCORE(K1:L2;K4:L5;K7:L8;E1;;K10:L11)", KPI),
            ("=KPI_SCORE(%s;;{0;0;1})" % KPI_INLINE, KPI),
            ("=KPI_SCORE(90;100;1)", 0.9),                                   # single values
            ("=KPI_SCORE(A1;B1;C1)", 1.1),                                   # single cells
            ("=KPI_SCORE(25;30;1;;;1)", 1.2),                                # lower is better: 30 / 25
        ])

    def test_score_spare_rows_and_blanks(self):
        self.put_column("A1", [110, 0.95, 25, None, None])
        self.put_column("B1", [100, 0.9, 30, None, None])
        self.put_column("C1", [50, 30, 20, None, None])
        self.put_column("D1", [0, 0, 1, None, None])
        self.put_column("E1", [None, 1, None, None, None])
        self.assertValues([
            ("=KPI_SCORE(A1:A5;B1:B5;C1:C5;1.2;;D1:D5)", KPI),
            ("=KPI_SCORE(A1:A5;B1:B5;C1:C5;1.2;E1:E5;D1:D5)", KPI),          # blank gates: none
            ("=KPI_SCORE({100;\"\"};{100;50};{1;1})", 0.5),                # a blank actual: 0 achievement
        ])

    def test_score_direction_keywords(self):
        data = "{20;40};{30;30};{1;1}"
        lower = (1.5 + 0.75) / 2          # 30/20 and 30/40
        higher = (20 / 30 + 40 / 30) / 2
        self.assertValues(
            [("=KPI_SCORE(%s;;;%s)" % (data, k), lower)
             for k in ("1", "\"lower\"", "\"LOWER\"", "\" Lower \"", "\"越低越好\"",
                       "\"%s越低越好%s\"" % (FULL_WIDTH, FULL_WIDTH), "\" %slower\"" % FULL_WIDTH)]
            + [("=KPI_SCORE(%s;;;%s)" % (data, k), higher)
               for k in ("", "0", "\"higher\"", "\"Higher\"", "\"越高越好\"", "\"%s越高越好\"" % FULL_WIDTH)]
            + [("=KPI_SCORE(%s;;;{\"lower\";\"越高越好\"})" % data, (1.5 + 40 / 30) / 2)])
        self.assertErrors([("=KPI_SCORE(%s;;;%s)" % (data, k), "Err:502")
                           for k in ("2", "-1", "\"low\"", "\"越低\"", "{0;1;0}")])

    def test_score_errors(self):
        self.put_column("A1", [110, "n/a", 25])
        self.assertErrors([
            ("=KPI_SCORE(%s;;{0;0;1})" % KPI_INLINE.replace("{50;30;20}", "{50;-30;20}"), "Err:502"),
            ("=KPI_SCORE(%s;;{0;0;1})" % KPI_INLINE.replace("{50;30;20}", "{0;0;0}"), "#DIV/0!"),
            ("=KPI_SCORE({1;2};{1;1};{\"\";\"\"})", "#DIV/0!"),              # nothing kept
            ("=KPI_SCORE(%s;;{0;0;1})" % KPI_INLINE.replace("{100;0.9;30}", "{100;0;30}"), "Err:502"),
            ("=KPI_SCORE({1;2};{1;\"\"};{1;1})", "Err:502"),                 # a blank target
            ("=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};-1)", "Err:502"),
            ("=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};{1;1})", "Err:502"),    # two caps for three
            ("=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30})", "Err:502"),
            ("=KPI_SCORE({110;0.95;25};{100|0.9|30};{50;30;20})", "Err:502"),  # a column against a row
            ("=KPI_SCORE(0;5;1;;;1)", "#DIV/0!"),                             # lower is better, 0, no cap
            ("=KPI_SCORE(-3;5;1;;;1)", "Err:502"),
            ("=KPI_SCORE(A1:A3;{100;0.9;30};{50;30;20})", "Err:502"),         # a column against rows
            ("=KPI_SCORE(A1:A3;{100|0.9|30};{50|30|20})", "#VALUE!"),         # text among the actuals
            ("=KPI_SCORE({110;\"x\";25};{100;0.9;30};{50;30;20})", "#VALUE!"),
            ("=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};\"x\")", "#VALUE!"),
            ("=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};;\"x\")", "#VALUE!"),
        ])
        self.assertValue("=KPI_SCORE(0;5;1;1.5;;1)", 1.5)                     # scores its cap


if __name__ == "__main__":
    harness.main()
