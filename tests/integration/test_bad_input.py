"""Bad input through a real Calc: what a dealer's sheet really holds (half-filled
rows, text in number columns, pasted junk, error cells, huge and tiny numbers,
a million-row column) for every function and argument. Each case is a formula
and the exact result it must give: a Calc error text or a number. A plausible
wrong number, a crash or a hang fails the test.

One office for the whole battery. Each block is one sheet: the fixture below,
then every formula of the block below it, one calculation, then each cell is
checked. After each block the office must still answer and still compute.

Formulas use the English names and ';' between arguments; inline arrays use
';' between columns and '|' between rows ({1|2|3} is a column). Every
expected number is worked by hand in the comment next to it or in the
constants below.
"""
import math

import harness
import calc_case

# Calc's error texts and codes; Err:539 is Calc's "unsupported inline array content".
ERR = dict(calc_case.ERR, **{"Err:539": 539})

V, E502, E504, DIV0, NUM, NA = "#VALUE!", "Err:502", "Err:504", "#DIV/0!", "#NUM!", "#N/A"

# The formulas go in column FORMULA_COLUMN from row FIRST_ROW on, below every
# fixture row, so that a range given where Calc wants one number (amount,
# target, total) is intersected with a row that holds nothing: #VALUE!.
FORMULA_COLUMN = 30  # AE
FIRST_ROW = 100      # row 101

# The fixture every block sees (cell -> content; a string starting with '='
# is a formula, any other string is text as a user types or pastes it).
FIXTURE = {
    # 线索进店率 of seed 004: converted, entered.
    "A1": 708, "A2": 877, "A3": 1003,
    "B1": 4146, "B2": 3846, "B3": 4476,
    # Text that a dealer pastes or types into number columns.
    "C1": "abc", "C2": "708", "C3": "1,000", "C4": "12%", "C5": " ", "C6": "#N/A", "C7": "—", "C8": "TRUE",
    # Booleans: Calc stores them as 1 and 0.
    "D1": "=TRUE()", "D2": "=FALSE()",
    # E1:E3 stay empty.
    # Error cells, and a formula that shows nothing.
    "F1": "=1/0", "F2": "=NA()", "F3": "=SQRT(-1)", "F4": "=\"\"",
    # Text in the middle of a number column.
    "G1": 708, "G2": "n/a", "G3": 1003,
    # Funnel step rates.
    "H1": 0.8, "H2": 0.33, "H3": 0.3,
    # The spec's tier table.
    "I1": 0, "I2": 100000, "I3": 120000,
    "J1": 0.02, "J2": 0.03, "J3": 0.04,
    # Workshop hours: sold, worked, available (seed 004).
    "K1": 8775, "K2": 3500, "K3": 3000,
    "L1": 9000, "L2": 5000, "L3": 5000,
    "M1": 12000, "M2": 6000, "M3": 8000,
    # Tier table with two spare rows at the end.
    "N1": 0, "N2": 100000, "N3": 120000,
    "O1": 0.02, "O2": 0.03, "O3": 0.04,
    # Tier table with a hole (P2 empty).
    "P1": 0, "P3": 120000,
    "Q1": 0.02, "Q2": 0.03, "Q3": 0.04,
    # Tier table selected with its header row.
    "R1": "门槛", "R2": 0, "R3": 100000, "R4": 120000,
    "S1": "提成比例", "S2": 0.02, "S3": 0.03, "S4": 0.04,
    # Unsorted and duplicate thresholds.
    "T1": 0, "T2": 120000, "T3": 100000,
    "U1": 0, "U2": 100000, "U3": 100000,
    # A 2x2 block: 1 2 / 3 4.
    "V1": 1, "W1": 2, "V2": 3, "W2": 4,
    # A negative count.
    "X1": -1, "X2": 5, "X3": 6,
    # Huge numbers.
    "Y1": 1e308, "Y2": 1e308, "Y3": 1, "Y4": 1,
    # Keywords typed into cells.
    "Z1": "Mean", "Z2": "平均", "Z3": "  whole  ", "Z4": "fixed", "Z5": "總效率",
    # Workshop rows with the sold hours of one row missing (AA2 empty).
    "AA1": 8775, "AA3": 3000,
    "AB1": 9000, "AB2": 5000, "AB3": 5000,
    "AC1": 12000, "AC2": 6000, "AC3": 8000,
}

# 线索进店率: pooled 2588 / 12468; mean of the three monthly rates.
LEADS = 2588 / 12468
LEADS_MEAN = (708 / 4146 + 877 / 3846 + 1003 / 4476) / 3
# 散客留档率 of seed 004 as inline arrays: pooled 1580/1710, mean
# (33/35 + 10/11 + 13/14) / 3 = 2141/2310.
WALKIN = "{330;600;650};{350;660;700}"
WALKIN_POOLED = 1580 / 1710
WALKIN_MEAN = 2141 / 2310
# FUNNEL_TARGET(100; {0.8|0.33|0.3}): third need 100/0.8/0.33/0.3.
THIRD_NONE = 100 / 0.8 / 0.33 / 0.3   # 1262.62...
THIRD_UP = 1264                       # 125, 378.8 -> 379, 1263.3 -> 1264
THIRD_NEAREST = 1263                  # 125, 378.8 -> 379, 1263.3 -> 1263
# Workshop golden row 机修: 8775 sold, 9000 worked, 12000 available.
PRODUCTIVITY, EFFICIENCY, OVERALL = 9000 / 12000, 8775 / 9000, 8775 / 12000
TIERS = "I1:I3;J1:J3"                 # 150000 -> marginal 3800, whole 6000
FIXED_TIERS = "{0|100000|120000};{500|1000|2000}"  # 150000 -> fixed 2000

# --- the battery: block name -> [(formula, expected error text or number)] ---
BLOCKS = {}

BLOCKS["text"] = [
    # Text where a count is needed: #VALUE!, however number-like it looks.
    ("=FUNNEL_RATE(\"abc\";10)", V),
    ("=FUNNEL_RATE(10;\"abc\")", V),
    ("=FUNNEL_RATE(C1;10)", V),
    ("=FUNNEL_RATE(C2;10)", V),               # "708" typed as text
    ("=FUNNEL_RATE(C3;10)", V),               # "1,000"
    ("=FUNNEL_RATE(C4;10)", V),               # "12%"
    ("=FUNNEL_RATE(C5;10)", V),               # a lone space is text, not blank
    ("=FUNNEL_RATE(C6;10)", V),               # pasted "#N/A" text is text, not an error
    ("=FUNNEL_RATE(G1:G3;B1:B3)", V),
    ("=FUNNEL_RATE(A1:A3;G1:G3)", V),
    ("=FUNNEL_RATE({1;\"x\"};{2;3})", V),
    ("=FUNNEL_RATE(C1:C2;A1:A2)", V),
    ("=FUNNEL_RATE(A1:A3;B1:B3;C1)", E502),   # text that is no method
    # FUNNEL_TARGET: target is a plain number, Calc checks it before the call.
    ("=FUNNEL_TARGET(\"abc\";0.8)", V),
    ("=FUNNEL_TARGET(C1;0.8)", V),
    ("=FUNNEL_TARGET(100;\"abc\")", V),
    ("=FUNNEL_TARGET(100;C1)", V),
    ("=FUNNEL_TARGET(100;C2)", V),
    ("=FUNNEL_TARGET(100;{0.8;\"x\"})", V),
    ("=FUNNEL_TARGET(100;G1:G3)", V),
    ("=FUNNEL_TARGET(100;H1:H3;\"abc\")", E502),
    ("=FUNNEL_TARGET(100;H1:H3;C4)", E502),   # "12%" is no rounding
    # TARGET_SPLIT
    ("=TARGET_SPLIT(\"abc\";{1;1})", V),
    ("=TARGET_SPLIT(C1;{1;1})", V),
    ("=TARGET_SPLIT(10;\"abc\")", V),
    ("=TARGET_SPLIT(10;C3)", V),
    ("=TARGET_SPLIT(10;G1:G3;0;1)", V),
    ("=TARGET_SPLIT(10;{1;1};\"abc\")", V),
    ("=TARGET_SPLIT(10;{1;1};\"2\")", V),     # decimals typed as text
    ("=TARGET_SPLIT(10;{1;1};C1)", V),
    ("=TARGET_SPLIT(10;{1;1};0;\"abc\")", V),
    ("=TARGET_SPLIT(10;{1;1};0;C2)", V),
    # TIERED_BONUS
    ("=TIERED_BONUS(\"abc\";%s)" % TIERS, V),
    ("=TIERED_BONUS(C1;%s)" % TIERS, V),
    ("=TIERED_BONUS(150000;R1:R4;S1:S4)", V),  # the header row selected with the table
    ("=TIERED_BONUS(150000;\"abc\";0.02)", V),
    ("=TIERED_BONUS(150000;I1:I3;{0.02|\"x\"|0.04})", V),
    ("=TIERED_BONUS(150000;%s;\"abc\")" % TIERS, E502),
    ("=TIERED_BONUS(150000;%s;0;\"abc\")" % TIERS, V),
    ("=TIERED_BONUS(150000;%s;0;C1)" % TIERS, V),
    ("=TIERED_BONUS(150000;%s;0;0;\"abc\")" % TIERS, V),
    ("=TIERED_BONUS(150000;%s;0;0;C3)" % TIERS, V),
    # WORKSHOP_EFFICIENCY
    ("=WORKSHOP_EFFICIENCY(\"abc\";9000;12000)", V),
    ("=WORKSHOP_EFFICIENCY(8775;\"abc\";12000;2)", V),
    ("=WORKSHOP_EFFICIENCY(8775;9000;\"abc\")", V),
    ("=WORKSHOP_EFFICIENCY(8775;9000;12000;\"abc\")", E502),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;G1:G3)", V),
    # Every hours argument is checked, also the one the measure does not divide.
    ("=WORKSHOP_EFFICIENCY(C1;9000;12000;1)", V),
    ("=WORKSHOP_EFFICIENCY(8775;\"abc\";12000;3)", V),
    ("=WORKSHOP_EFFICIENCY(8775;9000;\"abc\";2)", V),
    ("=WORKSHOP_EFFICIENCY(K1:K3;G1:G3;M1:M3)", V),
    # Where the add-in takes a plain number (target, total, amount), Calc
    # itself reads number-like text before the call; other text and "" are
    # #VALUE!.
    ("=FUNNEL_TARGET(\"100\";0.8)", 125),
    ("=FUNNEL_TARGET(C2;0.8)", 885),          # the text cell "708": 708 / 0.8
    ("=FUNNEL_TARGET(\"1e3\";0.8)", 1250),
    ("=TIERED_BONUS(C4;0;1)", 0.12),          # "12%"
    ("=TIERED_BONUS(\"\";0;0.02)", V),
    ("=TIERED_BONUS(F4;0;1)", V),
    ("=TARGET_SPLIT(\"１００\";1)", V),       # full-width digits are no number
    ("=FUNNEL_TARGET(\"100元\";1)", V),
]

BLOCKS["booleans"] = [
    # TRUE and FALSE are the numbers 1 and 0 to Calc, in cells and in arrays.
    ("=FUNNEL_RATE(TRUE();2)", 0.5),
    ("=FUNNEL_RATE(D1;2)", 0.5),
    ("=FUNNEL_RATE(D2;2)", 0),
    ("=FUNNEL_RATE({TRUE;FALSE};{2;2})", 0.25),   # (1 + 0) / 4
    ("=FUNNEL_RATE(D1:D2;{2|2})", 0.25),
    ("=FUNNEL_RATE(A1:A3;B1:B3;TRUE())", LEADS_MEAN),
    ("=FUNNEL_RATE(A1:A3;B1:B3;FALSE())", LEADS),
    ("=FUNNEL_RATE(A1:A3;B1:B3;D1)", LEADS_MEAN),
    ("=FUNNEL_RATE(A1:A3;B1:B3;C8)", E502),        # the text "TRUE" is no method
    ("=FUNNEL_TARGET(TRUE();0.5)", 2),
    ("=FUNNEL_TARGET(100;TRUE())", 100),
    ("=FUNNEL_TARGET(100;D2)", E502),              # FALSE is a zero rate
    ("=FUNNEL_TARGET(100;0.3;TRUE())", 334),       # up: 333.3 -> 334
    ("=FUNNEL_TARGET(100;0.3;FALSE())", 100 / 0.3),
    ("=TARGET_SPLIT(TRUE();{1;1};0;1)", 1),        # one unit over two: the earlier
    ("=TARGET_SPLIT(TRUE();{1;1};0;2)", 0),
    ("=TARGET_SPLIT(10;{TRUE;FALSE};0;1)", 10),
    ("=TARGET_SPLIT(10;{1;2};TRUE();1)", 3.3),     # 100 tenths: 33.3 -> 33, 66.7 -> 67
    ("=TARGET_SPLIT(10;{1;2};TRUE();2)", 6.7),
    ("=TARGET_SPLIT(10;{1;1};0;TRUE())", 5),
    ("=TIERED_BONUS(TRUE();%s)" % TIERS, 0.02),    # 1 * 0.02
    ("=TIERED_BONUS(150000;%s;TRUE())" % TIERS, 6000),
    ("=TIERED_BONUS(150000;%s;0;TRUE())" % TIERS, 1),        # cap 1
    ("=TIERED_BONUS(50000;%s;0;0;TRUE())" % TIERS, 1000),    # prior 1: 50000 * 0.02
    # thresholds 0 and 1: 1 * 0.02 + 149999 * 0.03 = 4499.99
    ("=TIERED_BONUS(150000;{FALSE|TRUE};{0.02|0.03})", 4499.99),
    ("=WORKSHOP_EFFICIENCY(D1;D1;D1)", 1),
    ("=WORKSHOP_EFFICIENCY(D2;D1;D1)", 0),
    ("=WORKSHOP_EFFICIENCY(D1;D1;D2)", DIV0),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M3;TRUE())", 19000 / 26000),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M3;FALSE())", E502),
    ("=WORKSHOP_EFFICIENCY(8775;9000;12000;C8)", E502),
]

BLOCKS["blanks"] = [
    # A single blank cell reaches the add-in as 0 (Calc converts it); blank
    # cells inside ranges and "" are blank: skipped, 0, default or no cap.
    ("=FUNNEL_RATE(E1;10)", 0),
    ("=FUNNEL_RATE(E1;E2)", DIV0),
    ("=FUNNEL_RATE(E1:E3;E1:E3)", DIV0),
    ("=FUNNEL_RATE(E1:E3;B1:B3)", DIV0),
    ("=FUNNEL_RATE(A1:A3;E1:E3)", DIV0),
    ("=FUNNEL_RATE(E1:E3;B1:B3;1)", DIV0),
    ("=FUNNEL_RATE(F4;10)", DIV0),                  # "" is blank: the only pair is skipped
    ("=FUNNEL_RATE(E1:E1;10)", DIV0),               # so is a blank cell given as a range
    ("=FUNNEL_RATE({\"\";5};{10;10})", 0.5),        # 5 / 10
    ("=FUNNEL_RATE(A1:A3;B1:B3;E1)", LEADS),
    ("=FUNNEL_RATE(A1:A3;B1:B3;)", LEADS),
    ("=FUNNEL_RATE(A1:A3;B1:B3;\"\")", LEADS),
    ("=FUNNEL_RATE(A1:A3;B1:B3;F4)", LEADS),
    ("=FUNNEL_RATE(A1:A3;B1:B3;E1:E1)", LEADS),
    ("=FUNNEL_TARGET(E1;0.8)", 0),
    ("=FUNNEL_TARGET(100;E1)", E502),
    ("=FUNNEL_TARGET(100;E1:E3)", E502),
    ("=FUNNEL_TARGET(100;{0.8|\"\"})", E502),
    ("=FUNNEL_TARGET(100;H1:H3;E1)", 125),          # a plain cell shows the first need
    ("=FUNNEL_TARGET(100;0.3;F4)", 100 / 0.3),
    ("=TARGET_SPLIT(E1;{1;1};0;1)", 0),
    ("=TARGET_SPLIT(10;E1:E3;0;1)", 4),             # all weights blank: equal split 4, 3, 3
    ("=TARGET_SPLIT(10;E1:E3;0;3)", 3),
    ("=TARGET_SPLIT(10;E1;0;1)", 10),
    ("=TARGET_SPLIT(10;{1;1};E1;E1)", 5),
    ("=TARGET_SPLIT(10;{1;1};F4;1)", 5),
    ("=TARGET_SPLIT(10;{1;2};;2)", 7),              # 3.33 -> 3, 6.67 -> 7
    ("=TIERED_BONUS(E1;%s)" % TIERS, 0),
    ("=TIERED_BONUS(150000;E1:E3;J1:J3)", E502),
    ("=TIERED_BONUS(150000;I1:I3;E1:E3)", E502),
    ("=TIERED_BONUS(150000;E1:E3;E1:E3)", E502),
    ("=TIERED_BONUS(150000;N1:N5;O1:O5)", 3800),    # spare rows at the end are ignored
    ("=TIERED_BONUS(150000;N1:N5;J1:J3)", 3800),
    ("=TIERED_BONUS(150000;P1:P3;Q1:Q3)", E502),    # a hole inside the table
    ("=TIERED_BONUS(150000;%s;E1)" % TIERS, 3800),   # blank mode cell: 0, marginal
    ("=TIERED_BONUS(150000;%s;;E1)" % TIERS, 3800),  # blank cap: no cap
    ("=TIERED_BONUS(150000;%s;;F4)" % TIERS, 3800),
    ("=TIERED_BONUS(50000;%s;;;E1)" % TIERS, 1000),  # blank prior cell: 0
    ("=TIERED_BONUS(50000;%s;;;F4)" % TIERS, 1000),
    ("=WORKSHOP_EFFICIENCY(E1:E3;E1:E3;E1:E3)", DIV0),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;E1:E3)", DIV0),
    ("=WORKSHOP_EFFICIENCY(E1;L1;M1)", 0),
    # The row without sold hours is skipped where sold hours are used:
    # overall (8775 + 3000) / (12000 + 8000); efficiency 11775 / 14000;
    # productivity keeps all three rows, 19000 / 26000.
    ("=WORKSHOP_EFFICIENCY(AA1:AA3;AB1:AB3;AC1:AC3)", 11775 / 20000),
    ("=WORKSHOP_EFFICIENCY(AA1:AA3;AB1:AB3;AC1:AC3;2)", 11775 / 14000),
    ("=WORKSHOP_EFFICIENCY(AA1:AA3;AB1:AB3;AC1:AC3;1)", 19000 / 26000),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M3;E1)", E502),  # blank measure cell: 0, no measure
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M3;E1:E1)", 0.5875),  # as a range: blank, the default
]

BLOCKS["error_cells"] = [
    # An error in a single-cell argument: Calc shows it without calling the
    # add-in. An error cell inside a range: Err:504.
    ("=FUNNEL_RATE(F1;10)", DIV0),
    ("=FUNNEL_RATE(10;F2)", NA),
    ("=FUNNEL_RATE(F3;10)", E502),
    ("=FUNNEL_RATE(A1:A3;B1:B3;F2)", NA),
    ("=FUNNEL_RATE(F1:F2;B1:B2)", E504),
    ("=FUNNEL_RATE(A1:A2;F1:F2)", E504),
    ("=FUNNEL_RATE(NA();1)", NA),
    ("=FUNNEL_RATE(1/0;1)", DIV0),
    ("=FUNNEL_RATE({1;#N/A};{1;1})", "Err:539"),     # Calc refuses an error inside an inline array
    ("=FUNNEL_TARGET(F1;0.8)", DIV0),
    ("=FUNNEL_TARGET(NA();0.8)", NA),
    ("=FUNNEL_TARGET(100;F2)", NA),
    ("=FUNNEL_TARGET(100;F1:F3)", E504),
    ("=FUNNEL_TARGET(100;H1:H3;F2)", NA),
    ("=TARGET_SPLIT(F2;{1;1})", NA),
    ("=TARGET_SPLIT(10;F1)", DIV0),
    ("=TARGET_SPLIT(10;F1:F2)", E504),
    ("=TARGET_SPLIT(10;{1;1};F1)", DIV0),
    ("=TARGET_SPLIT(10;{1;1};0;F2)", NA),
    ("=TIERED_BONUS(F1;%s)" % TIERS, DIV0),
    ("=TIERED_BONUS(150000;F1;0.02)", DIV0),
    ("=TIERED_BONUS(150000;0;F2)", NA),
    ("=TIERED_BONUS(150000;I1:I3;F1:F3)", E504),
    ("=TIERED_BONUS(150000;%s;F2)" % TIERS, NA),
    ("=TIERED_BONUS(150000;%s;0;F1)" % TIERS, DIV0),
    ("=TIERED_BONUS(150000;%s;0;0;F2)" % TIERS, NA),
    ("=WORKSHOP_EFFICIENCY(F1;9000;12000)", DIV0),
    ("=WORKSHOP_EFFICIENCY(8775;F2;12000)", NA),    # even where the measure does not use it
    ("=WORKSHOP_EFFICIENCY(8775;9000;F3)", E502),
    ("=WORKSHOP_EFFICIENCY(8775;9000;12000;F2)", NA),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;F1:F3)", E504),
]

BLOCKS["shapes"] = [
    # Ranges that must match and do not: Err:502.
    ("=FUNNEL_RATE(A1:A3;B1:B2)", E502),
    ("=FUNNEL_RATE(A1:A3;B1:D1)", E502),             # a column against a row
    ("=FUNNEL_RATE(A1:A2;V1:W1)", E502),
    ("=FUNNEL_RATE(5;A1:A3)", E502),                 # 1x1 against 3x1
    ("=FUNNEL_RATE(A1:A3;5)", E502),
    ("=FUNNEL_RATE({1;2};{1|2})", E502),
    ("=FUNNEL_RATE(V1:W2;V1:W2)", 1),                # 2x2 against itself
    ("=FUNNEL_RATE(V1:V1;W1:W1)", 0.5),              # 1x1 ranges: 1 / 2
    ("=FUNNEL_RATE(A1:A3;B1:B3;{0;1})", E502),       # a method of two cells
    ("=FUNNEL_RATE(A1:A3;B1:B3;Z1:Z2)", E502),
    ("=FUNNEL_RATE(A1:A3;B1:B3;{1})", LEADS_MEAN),   # a 1x1 array is its value
    ("=FUNNEL_TARGET(100;V1:W2)", 100),              # 2x2 rates; a plain cell shows 100/1
    ("=INDEX(FUNNEL_TARGET(100;V1:W2);1;2)", 50),    # 100/1/2
    ("=INDEX(FUNNEL_TARGET(100;V1:W2);2;2)", 100 / 24),  # 100/1/2/3/4
    ("=FUNNEL_TARGET(100;H1:H3;{1;2})", E502),
    ("=FUNNEL_TARGET(A1:A3;0.5)", V),                # a range for the target, outside its rows
    ("=TARGET_SPLIT(10;V1:W2;0;4)", 4),              # weights 1, 2, 3, 4 of 10
    ("=INDEX(TARGET_SPLIT(10;V1:W2);2;1)", 3),
    ("=TARGET_SPLIT(10;V1:W2;0;5)", E502),
    ("=TARGET_SPLIT(10;V1:W2;{0;1})", E502),
    ("=TARGET_SPLIT(10;V1:W2;0;{1;2})", E502),
    ("=TARGET_SPLIT(10;{1;1};{1})", 5),
    ("=TIERED_BONUS(150000;I1:I3;J1:J2)", E502),
    ("=TIERED_BONUS(150000;I1:I2;J1:J3)", E502),
    ("=TIERED_BONUS(150000;I1:I3;{0.02;0.03;0.04})", 3800),   # tiers counted in reading order
    # 2x2 tables in reading order 0, 100000, 120000, 200000: 2000 + 600 + 1200.
    ("=TIERED_BONUS(150000;{0;100000|120000;200000};{0.02;0.03|0.04;0.05})", 3800),
    ("=TIERED_BONUS(I1:I3;%s)" % TIERS, V),
    ("=TIERED_BONUS(150000;%s;{0;1})" % TIERS, E502),
    ("=TIERED_BONUS(150000;%s;0;{1;2})" % TIERS, E502),
    ("=TIERED_BONUS(150000;%s;0;0;{1;2})" % TIERS, E502),
    ("=TIERED_BONUS(150000;%s;0;{3000})" % TIERS, 3000),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L2;M1:M3;2)", E502),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L2;M1:M3)", E502),     # worked hours of another shape, overall
    ("=WORKSHOP_EFFICIENCY(K1:K2;L1:L3;M1:M3;1)", E502),   # sold hours of another shape, productivity
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M2;2)", E502),   # available hours of another shape, efficiency
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M2;1)", E502),
    ("=WORKSHOP_EFFICIENCY(8775;L1:L3;M1:M3)", E502),
    ("=WORKSHOP_EFFICIENCY(K1:K3;L1:L3;M1:M3;{1;2})", E502),
]

BLOCKS["negative"] = [
    # Negative counts and hours: Err:502; negative amounts and totals are allowed.
    ("=FUNNEL_RATE(-1;10)", E502),
    ("=FUNNEL_RATE(1;-10)", E502),
    ("=FUNNEL_RATE(X1:X3;B1:B3)", E502),
    ("=FUNNEL_RATE(B1:B3;X1:X3)", E502),
    ("=FUNNEL_RATE({5;-0.0001};{10;10})", E502),
    ("=FUNNEL_RATE({5;-1};{10;\"\"})", E502),         # negative even opposite a blank
    ("=FUNNEL_RATE({5;\"\"};{10;-1};1)", E502),
    ("=FUNNEL_RATE(-1;10;1)", E502),
    ("=FUNNEL_RATE(-0;10)", 0),
    ("=FUNNEL_TARGET(-100;0.8)", E502),
    ("=FUNNEL_TARGET(100;-0.8)", E502),
    ("=FUNNEL_TARGET(100;{0.8;-0.33})", E502),
    ("=FUNNEL_TARGET(100;X1:X3)", E502),
    ("=FUNNEL_TARGET(100;0.8;-1)", E502),
    ("=TARGET_SPLIT(10;{1;-1})", E502),
    ("=TARGET_SPLIT(10;X1:X3;0;2)", E502),
    ("=TARGET_SPLIT(-10;{1;1};0;1)", -5),
    ("=TARGET_SPLIT(-330;{100;70;115};0;3)", -133),
    ("=TARGET_SPLIT(-0.4;{1;1};0;1)", 0),
    ("=TIERED_BONUS(-150000;%s)" % TIERS, 0),         # below the first threshold
    ("=TIERED_BONUS(-50000;%s;0;0;150000)" % TIERS, -1800),   # 2000 - 3800
    ("=TIERED_BONUS(-50000;%s;0;0;-100000)" % TIERS, 0),
    ("=TIERED_BONUS(150000;%s;0;-1)" % TIERS, E502),
    ("=TIERED_BONUS(150000;%s;0;-1E-300)" % TIERS, E502),
    ("=TIERED_BONUS(150000;%s;-1)" % TIERS, E502),
    ("=TIERED_BONUS(-5;{-10|0};{0.5|1})", 2.5),       # 5 above -10 at 0.5
    ("=TIERED_BONUS(150000;I1:I3;{0.02|-0.01|0.04})", 3000),   # 2000 - 200 + 1200
    ("=WORKSHOP_EFFICIENCY(-1;9000;12000)", E502),
    ("=WORKSHOP_EFFICIENCY(8775;-9000;12000;2)", E502),
    ("=WORKSHOP_EFFICIENCY(8775;9000;-12000)", E502),
    ("=WORKSHOP_EFFICIENCY(-1;9000;12000;1)", E502),   # negative wherever it stands
    ("=WORKSHOP_EFFICIENCY(8775;-9000;12000;3)", E502),
    ("=WORKSHOP_EFFICIENCY(8775;9000;-12000;2)", E502),
    ("=WORKSHOP_EFFICIENCY(X1:X3;L1:L3;M1:M3)", E502),
    ("=WORKSHOP_EFFICIENCY(8775;9000;12000;-3)", E502),
]

BLOCKS["zero_denominators"] = [
    ("=FUNNEL_RATE(0;0)", DIV0),
    ("=FUNNEL_RATE(5;0)", DIV0),
    ("=FUNNEL_RATE({5;3};{0;0})", DIV0),
    ("=FUNNEL_RATE({5;3};{0;0};1)", DIV0),
    ("=FUNNEL_RATE({0;0};{0;0};1)", DIV0),
    ("=FUNNEL_RATE({5;3};{0;4})", 2),                 # pooled 8 / 4
    ("=FUNNEL_RATE({5;3};{0;4};1)", 0.75),            # mean over the month with entries
    ("=FUNNEL_TARGET(100;0)", E502),                  # a zero rate is invalid, not #DIV/0!
    ("=FUNNEL_TARGET(100;{0.8;0})", E502),
    ("=FUNNEL_TARGET(0;{0.8;0.5})", 0),
    ("=TARGET_SPLIT(10;{0;0};0;1)", 5),               # no history: equal split
    ("=TARGET_SPLIT(0;{0;0};0;1)", 0),
    ("=TARGET_SPLIT(10;0)", 10),
    ("=TIERED_BONUS(0;%s)" % TIERS, 0),
    ("=TIERED_BONUS(150000;I1:I3;{0|0|0})", 0),
    ("=TIERED_BONUS(150000;%s;0;0;0)" % TIERS, 3800),  # a prior of 0: bonus(150000) - bonus(0)
    ("=WORKSHOP_EFFICIENCY(0;0;0)", DIV0),
    ("=WORKSHOP_EFFICIENCY(8775;0;12000;2)", DIV0),
    ("=WORKSHOP_EFFICIENCY(8775;9000;0;1)", DIV0),
    ("=WORKSHOP_EFFICIENCY(8775;9000;0)", DIV0),
    ("=WORKSHOP_EFFICIENCY(0;9000;12000)", 0),
    ("=WORKSHOP_EFFICIENCY({1|2};{0|0};{5|5};2)", DIV0),
    ("=WORKSHOP_EFFICIENCY(5;0;12000)", 5 / 12000),    # overall never reads worked hours
]

BLOCKS["decimals_and_parts"] = [
    ("=TARGET_SPLIT(10;{1;1};-6;1)", 0),              # 10 in millions is 0 units
    ("=TARGET_SPLIT(1234567;{1;1};-6;1)", 1000000),   # 1 unit of a million, to the earlier
    ("=TARGET_SPLIT(1234567;{1;1};-6;2)", 0),
    ("=TARGET_SPLIT(1;{1;2};6;1)", 0.333333),         # 333333.3 -> 333333
    ("=TARGET_SPLIT(1;{1;2};6;2)", 0.666667),         # 666666.7 -> 666667
    ("=TARGET_SPLIT(10;{1;1};6.0;1)", 5),
    ("=TARGET_SPLIT(10;{1;1};7)", E502),
    ("=TARGET_SPLIT(10;{1;1};-7)", E502),
    ("=TARGET_SPLIT(10;{1;1};0.5)", E502),
    ("=TARGET_SPLIT(10;{1;1};2.0000001)", E502),
    ("=TARGET_SPLIT(10;{1;1};1E308)", E502),
    ("=TARGET_SPLIT(10;{1;1};-1E308)", E502),
    ("=TARGET_SPLIT(10;{1;1};1E-300)", E502),
    ("=TARGET_SPLIT(10;{1;1};\"1\")", V),
    ("=TARGET_SPLIT(10;{1;1};C2)", V),
    ("=TARGET_SPLIT(10;{1;1};0;0)", 5),               # the whole split; a plain cell shows part 1
    ("=TARGET_SPLIT(10;{1;1};0;2)", 5),
    ("=TARGET_SPLIT(10;{1;1};0;3)", E502),
    ("=TARGET_SPLIT(10;{1;1};0;-1)", E502),
    ("=TARGET_SPLIT(10;{1;1};0;1.5)", E502),
    ("=TARGET_SPLIT(10;{1;1};0;1E308)", E502),
    ("=TARGET_SPLIT(10;{1;1};0;-1E-300)", E502),
    ("=TARGET_SPLIT(10;{1;1};0;\"\")", 5),
    ("=TARGET_SPLIT(10;{1;1};0;\"1\")", V),
    ("=TARGET_SPLIT(0.5;{1;1};0;1)", 1),              # 0.5 rounds away from zero: one unit
    ("=TARGET_SPLIT(0.5;{1;1};0;2)", 0),
    ("=TARGET_SPLIT(-0.5;{1;1};0;1)", -1),
    ("=TARGET_SPLIT(2.675;1;2)", 2.68),               # the half of 2.675 rounds up as typed
]


def keyword_cases():
    """Every keyword argument: accepted spellings with the value they give,
    and misspellings, numbers that are no code and junk: Err:502."""
    cases = []
    rate = "=FUNNEL_RATE(%s;%%s)" % WALKIN
    for k, want in [("\"Pooled\"", WALKIN_POOLED), ("\"pOOLED\"", WALKIN_POOLED), ("\"  MEAN  \"", WALKIN_MEAN),
                    ("\"Mean\"", WALKIN_MEAN), ("\"合并\"", WALKIN_POOLED), ("\"加总\"", WALKIN_POOLED),
                    ("\"平均\"", WALKIN_MEAN), ("\" 平均 \"", WALKIN_MEAN), ("\"0\"", WALKIN_POOLED),
                    ("\"1\"", WALKIN_MEAN), ("\" 1 \"", WALKIN_MEAN), ("\"1.0\"", WALKIN_MEAN),
                    ("\"1e0\"", WALKIN_MEAN), ("Z1", WALKIN_MEAN), ("Z2", WALKIN_MEAN),
                    ("\"mean\"&CHAR(9)", WALKIN_MEAN),
                    # Traditional Chinese, and full-width spaces (U+3000) trimmed like ASCII ones.
                    ("\"合併\"", WALKIN_POOLED), ("\"加總\"", WALKIN_POOLED),
                    ("UNICHAR(12288)&\"平均\"", WALKIN_MEAN), ("\"mean\"&UNICHAR(12288)&\" \"", WALKIN_MEAN),
                    ("UNICHAR(12288)&\"合併\"&UNICHAR(12288)", WALKIN_POOLED)]:
        cases.append((rate % k, want))
    for k in ["\"pool\"", "\"pooledd\"", "\"means\"", "\"avg\"", "\"average\"", "\"合并的\"", "\"平均值\"",
              "\"均值\"", "\"合 并\"", "\"ＭＥＡＮ\"", "UNICHAR(12289)&\"平均\"", "\"mean\"&UNICHAR(8203)",
              "\"2\"", "\"-1\"", "\"0.5\"", "\"1.0000001\"", "\"nan\"", "\"inf\"", "2", "-1", "0.5", "1E308",
              "REPT(\"x\";30000)"]:
        cases.append((rate % k, E502))

    target = "=INDEX(FUNNEL_TARGET(100;{0.8|0.33|0.3};%s);3)"
    for k, want in [("\"None\"", THIRD_NONE), ("\"UP\"", THIRD_UP), ("\"Nearest\"", THIRD_NEAREST),
                    ("\"NEAREST\"", THIRD_NEAREST), ("\"不取整\"", THIRD_NONE), ("\"无\"", THIRD_NONE),
                    ("\"向上\"", THIRD_UP), ("\"向上取整\"", THIRD_UP), ("\"四舍五入\"", THIRD_NEAREST),
                    ("\" up \"", THIRD_UP), ("\"2\"", THIRD_NEAREST), ("TRUE()", THIRD_UP),
                    ("\"四捨五入\"", THIRD_NEAREST), ("\"無\"", THIRD_NONE),
                    ("UNICHAR(12288)&\"向上\"", THIRD_UP)]:
        cases.append((target % k, want))
    for k in ["\"round\"", "\"ceil\"", "\"ceiling\"", "\"near\"", "\"upp\"", "\"down\"", "\"向下\"",
              "\"四舍五人\"", "\"取整\"", "3", "-1", "1.5", "\"1.5\""]:
        cases.append(("=FUNNEL_TARGET(100;H1:H3;%s)" % k, E502))

    bonus = "=TIERED_BONUS(150000;%s;%s)"
    for k, table, want in [("\"Marginal\"", TIERS, 3800), ("\"MARGINAL\"", TIERS, 3800),
                           ("\" whole \"", TIERS, 6000), ("\"WHOLE\"", TIERS, 6000),
                           ("\"超额累进\"", TIERS, 3800), ("\"全额累进\"", TIERS, 6000),
                           ("Z3", TIERS, 6000), ("\"Fixed\"", FIXED_TIERS, 2000),
                           ("\"定额\"", FIXED_TIERS, 2000), ("Z4", FIXED_TIERS, 2000),
                           ("\"whole\"&CHAR(10)", TIERS, 6000),
                           ("\"超額累進\"", TIERS, 3800), ("\"全額累進\"", TIERS, 6000),
                           ("\"定額\"", FIXED_TIERS, 2000), ("\"全額累進\"&UNICHAR(12288)", TIERS, 6000)]:
        cases.append((bonus % (table, k), want))
    for k in ["\"margin\"", "\"marginally\"", "\"whole amount\"", "\"fix\"", "\"tax\"", "\"累进\"",
              "\"超额累计\"", "\"全额\"", "\"定 额\"", "3", "-1", "0.5"]:
        cases.append((bonus % (TIERS, k), E502))

    shop = "=WORKSHOP_EFFICIENCY(8775;9000;12000;%s)"
    for k, want in [("\"Productivity\"", PRODUCTIVITY), ("\"PRODUCTIVITY\"", PRODUCTIVITY),
                    ("\"efficiency\"", EFFICIENCY), ("\"EFFICIENCY\"", EFFICIENCY), ("\" Overall \"", OVERALL),
                    ("\"生产率\"", PRODUCTIVITY), ("\"工时效率\"", EFFICIENCY), ("\"总效率\"", OVERALL),
                    ("\"3\"", OVERALL), ("\"1\"", PRODUCTIVITY),
                    ("\"生產率\"", PRODUCTIVITY), ("\"工時效率\"", EFFICIENCY), ("Z5", OVERALL),
                    ("UNICHAR(12288)&\"總效率\"", OVERALL)]:
        cases.append((shop % k, want))
    for k in ["\"productive\"", "\"effciency\"", "\"total\"", "\"overal\"", "\"效率\"", "\"生产效率\"",
              "\"总效率率\"", "\"生产率\"&UNICHAR(8203)", "\"😀\"", "0", "4", "2.5",
              "\"總效\"&UNICHAR(12288)&\"率\""]:
        cases.append((shop % k, E502))

    curve = "=PAYOUT_CURVE(1.6;{0.75|1|1.5};{0.5|1|3};%s)"   # extended 3.4, held 3
    for k, want in [("\"Extend\"", 3.4), ("\"EXTEND\"", 3.4), ("\"延伸\"", 3.4), ("0", 3.4), ("\"\"", 3.4),
                    ("F4", 3.4), ("E1", 3.4), ("\"Hold\"", 3), ("\" HOLD \"", 3), ("\"封顶\"", 3),
                    ("\"封頂\"", 3), ("UNICHAR(12288)&\"封頂\"&UNICHAR(12288)", 3), ("TRUE()", 3), ("\"1\"", 3)]:
        cases.append((curve % k, want))
    for k in ["\"cap\"", "\"capped\"", "\"holds\"", "\"extended\"", "\"封\"", "\"封 顶\"", "\"延长\"",
              "Z1", "Z3", "2", "-1", "0.5"]:
        cases.append((curve % k, E502))

    score = "=KPI_SCORE({20;40};{30;30};{1;1};;;%s)"  # lower (1.5 + 0.75) / 2, higher (2/3 + 4/3) / 2
    lower, higher = (1.5 + 0.75) / 2, (20 / 30 + 40 / 30) / 2
    for k, want in [("\"Lower\"", lower), ("\"LOWER\"", lower), ("\"越低越好\"", lower), ("1", lower),
                    ("UNICHAR(12288)&\"越低越好\"", lower), ("\"lower\"&UNICHAR(12288)", lower),
                    ("\"Higher\"", higher), ("\"越高越好\"", higher), ("0", higher), ("E1", higher),
                    ("F4", higher), ("\"\"", higher), ("{\"lower\";\"higher\"}", (1.5 + 40 / 30) / 2)]:
        cases.append((score % k, want))
    for k in ["\"low\"", "\"less\"", "\"lower is better\"", "\"越低\"", "\"越低越好的\"", "Z1", "2", "-1",
              "0.5", "{0;1;0}"]:
        cases.append((score % k, E502))
    return cases


BLOCKS["keywords"] = keyword_cases()


# PAYOUT_CURVE over the fixture's tier tables read as curves (points I1:I3,
# payouts J1:J3: 0 -> 0.02, 100000 -> 0.03, 120000 -> 0.04) and KPI_SCORE
# over the funnel and workshop columns.
CURVE_110000 = 0.03 + 0.5 * 0.01                    # halfway between 100000 and 120000
# Sold over worked hours, weighted by available hours: (12000 x 8775/9000 +
# 6000 x 3500/5000 + 8000 x 3000/5000) / 26000 = (11700 + 4200 + 4800) / 26000.
SCORE_WORKSHOP = 20700 / 26000
BLOCKS["curves_and_scores"] = [
    ("=PAYOUT_CURVE(110000;I1:I3;J1:J3)", CURVE_110000),
    ("=PAYOUT_CURVE(110000;N1:N5;O1:O5)", CURVE_110000),    # two spare rows
    ("=PAYOUT_CURVE(110000;N1:N5;J1:J3)", CURVE_110000),
    ("=PAYOUT_CURVE(110000;I:I;J:J)", CURVE_110000),        # whole columns
    ("=PAYOUT_CURVE(E1;I1:I3;J1:J3)", 0.02),                # a blank attainment is 0: the first point
    ("=PAYOUT_CURVE(-1;I1:I3;J1:J3)", 0),                   # below the first point
    ("=PAYOUT_CURVE(1E9;I1:I3;J1:J3;1)", 0.04),
    ("=PAYOUT_CURVE(220000;I1:I3;J1:J3)", 0.09),            # 0.04 + 100000 x 0.01 / 20000
    ("=PAYOUT_CURVE(100000;U1:U3;J1:J3)", 0.04),            # duplicate thresholds: a jump, the second payout
    ("=PAYOUT_CURVE(50000;U1:U3;J1:J3)", 0.025),
    ("=PAYOUT_CURVE(200000;U1:U3;J1:J3)", 0.04),            # ends in a jump: holds
    ("=PAYOUT_CURVE(3;V1:W2;{1|2|3|4})", 3),                # a 2x2 block read row by row: 1 2 3 4
    ("=PAYOUT_CURVE(1;P1:P3;Q1:Q3)", E502),                 # a hole
    ("=PAYOUT_CURVE(1;T1:T3;J1:J3)", E502),                 # descending
    ("=PAYOUT_CURVE(1;{0|1|1|1};{1|2|3|4})", E502),         # three equal points
    ("=PAYOUT_CURVE(1;I1:I3;J1:J2)", E502),                 # count mismatch
    ("=PAYOUT_CURVE(1;I1:I2;J1:J3)", E502),
    ("=PAYOUT_CURVE(1;E1:E3;E1:E3)", E502),                 # no curve at all
    ("=PAYOUT_CURVE(1;R1:R4;S1:S4)", V),                    # selected with the header row
    ("=PAYOUT_CURVE(1;G1:G3;J1:J3)", V),                    # text among the points
    ("=PAYOUT_CURVE(1;I1:I3;C1:C3)", V),                    # text payouts
    ("=PAYOUT_CURVE(C1;I1:I3;J1:J3)", V),                   # text attainment
    ("=PAYOUT_CURVE(C2;I1:I3;J1:J3)", 0.02 + 708 * 0.01 / 100000),  # Calc reads "708" as 708 here
    ("=PAYOUT_CURVE(F1;I1:I3;J1:J3)", DIV0),                # an error attainment propagates
    ("=PAYOUT_CURVE(F2;I1:I3;J1:J3)", NA),
    ("=PAYOUT_CURVE(1;F1:F3;J1:J3)", E504),                 # error cells inside a range
    ("=PAYOUT_CURVE(1;I1:I3;F1:F3)", E504),
    ("=PAYOUT_CURVE(Y1;{0|1};{0|2})", NUM),                 # 2E308 does not fit a double
    ("=PAYOUT_CURVE(Y1;{0|1};{0|2};1)", 2),
    ("=PAYOUT_CURVE(Y1;Y3:Y4;{0|1})", 1),                   # points 1, 1: ends in a jump, its second payout holds
    ("=KPI_SCORE(K1:K3;L1:L3;M1:M3)", SCORE_WORKSHOP),
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3)", LEADS),               # rates weighted by entered: the pooled rate
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;F4)", LEADS),            # a cap that shows nothing: none
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;E1;E2;E3)", LEADS),      # blank cap, gate, direction
    ("=KPI_SCORE(AA1:AA3;AB1:AB3;AC1:AC3)", (12000 * 8775 / 9000 + 0 + 8000 * 3000 / 5000) / 26000),
    ("=KPI_SCORE(E1;5;1)", 0),                              # a blank actual: 0 achievement
    # A lone blank cell reaches the add-in as 0: lower is better, actual 0, no cap.
    ("=KPI_SCORE(E1;5;1;;;1)", DIV0),
    ("=KPI_SCORE(E1:E2;{5|5};{1|1};;;1)", 0),              # blank inside a range: 0 achievement
    ("=KPI_SCORE(G1:G3;B1:B3;A1:A3)", V),                   # text among the actuals
    ("=KPI_SCORE(A1:A3;G1:G3;A1:A3)", V),
    ("=KPI_SCORE(A1:A3;B1:B3;G1:G3)", V),
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;C1)", V),                # text cap
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;;C1)", V),               # text gate
    ("=KPI_SCORE(A1:A3;B1:B3;X1:X3)", E502),                # a negative weight
    ("=KPI_SCORE(A1:A3;E1:E3;B1:B3)", E502),                # blank targets
    ("=KPI_SCORE(A1:A3;X1:X3;B1:B3)", E502),                # a negative target
    ("=KPI_SCORE(A1:A3;B1:B2;B1:B3)", E502),                # shapes
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;H1:H2)", E502),          # two caps for three measures
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;X1)", E502),             # a negative cap
    ("=KPI_SCORE(A1:A3;B1:B3;B1:B3;;;Z1)", E502),           # "Mean" is no direction
    ("=KPI_SCORE(X1;5;1;;;1)", E502),                       # a negative lower-is-better actual
    ("=KPI_SCORE(A1:A3;B1:B3;E1:E3)", DIV0),                # no weight kept
    ("=KPI_SCORE(A1:A3;B1:B3;{0;0;0})", E502),              # rows against a column
    ("=KPI_SCORE(A1:A3;B1:B3;{0|0|0})", DIV0),              # kept weights summing to 0
    ("=KPI_SCORE(0;5;1;;;1)", DIV0),                        # lower is better, 0, no cap
    ("=KPI_SCORE(0;5;1;1.2;;1)", 1.2),                      # with a cap: the cap
    ("=KPI_SCORE(A1:A3;F1:F3;B1:B3)", E504),                # error cells inside a range
    ("=KPI_SCORE(F1;1;1)", DIV0),                           # an error cell given alone
    ("=KPI_SCORE(Y1:Y2;Y3:Y4;Y1:Y2)", 1e308),               # 1E308 x 1E308 inside, 1E308 out
    ("=KPI_SCORE(Y1;0.5;1)", NUM),                          # 2E308
]

BLOCKS["magnitudes"] = [
    # Overflow and NaN never come out as a number: #NUM!.
    ("=FUNNEL_RATE(1E308;1E308)", 1),
    # Sums past the largest number are fine when the rate is not.
    ("=FUNNEL_RATE(Y1:Y2;Y3:Y4)", 1e308),             # 2E308 / 2
    ("=FUNNEL_RATE(Y1:Y2;Y1:Y2)", 1),                 # 2E308 / 2E308
    ("=FUNNEL_RATE(Y1:Y2;Y3:Y4;1)", 1e308),           # mean: (1E308 + 1E308) / 2
    ("=FUNNEL_RATE(Y1:Y2;{1E-10|1E-10};1)", NUM),     # the rate itself is 1E318
    ("=WORKSHOP_EFFICIENCY(Y1:Y2;Y1:Y2;Y3:Y4)", 1e308),
    ("=FUNNEL_RATE(1E308;1E-300/1E8)", NUM),
    ("=FUNNEL_RATE(1E-300/1E8;1E308)", 0),            # 1E-616 is 0 in a double
    ("=FUNNEL_RATE(1E-308;1)", E502),                 # Calc itself does not read a typed 1E-308
    ("=FUNNEL_RATE(1E309;1)", E502),                  # nor a typed 1E309
    ("=FUNNEL_RATE(1E308*10;1)", NUM),                # Calc's own overflow, before the call
    ("=FUNNEL_TARGET(1E308;0.1)", NUM),
    ("=FUNNEL_TARGET(1E308;{1;0.5})", NUM),
    ("=FUNNEL_TARGET(1E308;1)", 1e308),
    ("=FUNNEL_TARGET(1;1E-300/1E8)", 1e308),         # a subnormal rate
    ("=FUNNEL_TARGET(1;1E-300/1E8;2)", 1e308),
    ("=FUNNEL_TARGET(1E308;10;1)", 1e307),
    ("=FUNNEL_TARGET(1E308;1E308)", 1),
    ("=FUNNEL_TARGET(1E-300;1E10)", 1e-310),
    ("=TARGET_SPLIT(1E308;{1;1})", NUM),
    ("=TARGET_SPLIT(-1E308;{1;1})", NUM),
    ("=TARGET_SPLIT(9007199254740992;{1;1};0;1)", 4503599627370496),   # 2^53 units: still exact
    ("=TARGET_SPLIT(9007199254740994;{1;1};0;1)", NUM),                # one past: not exact
    ("=TARGET_SPLIT(1E10;{1;1};6)", NUM),             # 1E16 millionths
    ("=TARGET_SPLIT(1E9;{1;1};6;1)", 5e8),            # 1E15 millionths fit
    ("=TARGET_SPLIT(10;{1E308;1E308};0;1)", 5),       # the weights add up past the largest number
    ("=TARGET_SPLIT(10;{1E308;1};0;1)", 10),
    ("=TARGET_SPLIT(10;{1E-300;1E-300};0;1)", 5),
    ("=TIERED_BONUS(1E308;0;10)", NUM),
    ("=TIERED_BONUS(1E308;0;0.5)", 5e307),
    ("=TIERED_BONUS(1E308;0;10;1)", NUM),
    ("=TIERED_BONUS(1E308;0;10;0;5000)", 5000),       # above the cap: the cap
    ("=TIERED_BONUS(1E308;0;10;2)", 10),              # fixed: the lump sum
    ("=TIERED_BONUS(1E308;%s;0;0;1E308)" % TIERS, 4e306),   # 4% of the second 1E308; the sum 2E308 is on the way
    ("=TIERED_BONUS(0;{-1E308|1E308};{1|1})", 1e308),
    ("=TIERED_BONUS(1E308;{-1E308|1E308};{1|1})", NUM),
    ("=TIERED_BONUS(1E308;{-1E308|1E308};{0|0})", 0),     # 0 times a slice of 2E308
    ("=TIERED_BONUS(150000;%s;0;1E308)" % TIERS, 3800),
    ("=TIERED_BONUS(150000;%s;0;-1E308)" % TIERS, E502),
    ("=TIERED_BONUS(150000;{0|1E308};{0.02|1E308})", 3000),   # the second tier is not reached
    ("=TIERED_BONUS(150000;I1:I3;{1E308|1E308|1E308})", NUM),
    ("=WORKSHOP_EFFICIENCY({1E308|1E308};{1|1};{1|1};2)", 1e308),   # 2E308 / 2
    ("=WORKSHOP_EFFICIENCY({1E308|1E308};{1|0.1};{1|1};2)", NUM),   # 2E308 / 1.1
    ("=WORKSHOP_EFFICIENCY(1E308;1;1E-300/1E8)", NUM),
    ("=WORKSHOP_EFFICIENCY(1E308;1E308;1E308)", 1),
    ("=WORKSHOP_EFFICIENCY({1E308|1E308};{1E308|1E308};{1E308|1E308})", 1),
    ("=WORKSHOP_EFFICIENCY(1E-300/1E8;1;1E308)", 0),
]

BLOCKS["junk"] = [
    # Pasted junk: dashes, invisible characters, very long text.
    ("=FUNNEL_RATE(C7;10)", V),
    ("=FUNNEL_RATE(REPT(\"9\";300);1)", V),
    ("=FUNNEL_RATE(REPT(\"x\";30000);1)", V),
    ("=FUNNEL_RATE(A1:A3;B1:B3;\"\uFEFFmean\")", E502),
    ("=FUNNEL_TARGET(100;H1:H3;REPT(\"向上\";10000))", E502),
    ("=FUNNEL_TARGET(100;{0.8|\"—\"})", V),
    ("=TARGET_SPLIT(10;{1;1};\" \")", V),            # a space is text, not blank
    ("=TARGET_SPLIT(10;{1;\" \"})", V),
    ("=TIERED_BONUS(150000;%s;0;\" \")" % TIERS, V),
    ("=TIERED_BONUS(150000;{0|\"100,000\"};{0.02|0.03})", V),
    ("=TIERED_BONUS(150000;%s;\"超额累进\"&UNICHAR(8203))" % TIERS, E502),
    ("=WORKSHOP_EFFICIENCY({8775|\"—\"};{9000|5000};{12000|6000})", V),
    ("=WORKSHOP_EFFICIENCY(8775;9000;12000;\"2\"&CHAR(13))", EFFICIENCY),  # a stray line end is trimmed
]


def sanity(sheet, doc):
    """The office still computes an add-in formula: 708/4146."""
    c = sheet.getCellByPosition(FORMULA_COLUMN - 1, FIRST_ROW - 1)
    c.setFormula("=FUNNEL_RATE(708;4146)")
    doc.calculateAll()
    return c.getError(), c.getValue()


class BadInput(harness.OfficeTestCase):
    """Every block of the battery in one office."""

    def fill_fixture(self):
        for name, value in FIXTURE.items():
            c = self.cell(name)
            if isinstance(value, str):
                c.setFormula(value) if value.startswith("=") else c.setString(value)
            else:
                c.setValue(value)

    def check_cell(self, c, formula, expected):
        error, text, value = c.getError(), c.getString(), c.getValue()
        if isinstance(expected, str):
            self.assertEqual((text, error), (expected, ERR[expected]), formula)
        else:
            self.assertEqual(error, 0, "%s gave %s" % (formula, text))
            self.assertTrue(math.isfinite(value), formula)
            self.assertTrue(math.isclose(value, expected, rel_tol=1e-12, abs_tol=1e-300),
                            "%s gave %r, expected %r" % (formula, value, expected))

    def run_block(self, name):
        cases = BLOCKS[name]
        self.fill_fixture()
        cells = []
        for i, (formula, _) in enumerate(cases):
            c = self.sheet.getCellByPosition(FORMULA_COLUMN, FIRST_ROW + i)
            c.setFormula(formula)
            cells.append(c)
        self.doc.calculateAll()
        for c, (formula, expected) in zip(cells, cases):
            with self.subTest(formula=formula):
                self.check_cell(c, formula, expected)
        self.assertTrue(self.office.alive(), "LibreOffice stopped answering after block " + name)
        self.assertEqual(sanity(self.sheet, self.doc), (0, 708 / 4146), name)


def _block_test(name):
    def test(self):
        self.run_block(name)
    test.__doc__ = "Block %s: %d cases." % (name, len(BLOCKS[name]))
    return test


for _name in BLOCKS:
    setattr(BadInput, "test_" + _name, _block_test(_name))


# Whole-column arguments over 1,048,576 filled rows. The columns: A = 1..N,
# B = 2 everywhere, E = 1..N with text in the last row, C and D empty.
N = 1048576
MILLION = [
    # sum(1..N) / (2N) = (N + 1) / 4; the mean of i/2 is the same.
    ("=FUNNEL_RATE(A:A;B:B)", 1048577 / 4),
    ("=FUNNEL_RATE(A:A;B:B;1)", 1048577 / 4),
    ("=FUNNEL_RATE(E:E;B:B)", V),                   # text in row 1048576
    ("=FUNNEL_RATE(C:C;D:D)", DIV0),
    ("=FUNNEL_RATE(A:A;B1:B1048575)", E502),        # one row short
    ("=FUNNEL_TARGET(100;B:B)", 50),                # a million needs; a plain cell shows 100/2
    ("=FUNNEL_TARGET(100;C:C)", E502),
    # 2N + 3 over N equal weights: 2 each, the 3 left to the first three.
    ("=TARGET_SPLIT(2097155;B:B;0;3)", 3),
    ("=TARGET_SPLIT(2097155;B:B;0;4)", 2),
    ("=TARGET_SPLIT(2097155;B:B;0;1048576)", 2),
    ("=TARGET_SPLIT(10;C:C;0;10)", 1),              # no weights: 10 units to the first ten
    ("=TARGET_SPLIT(10;C:C;0;11)", 0),
    ("=TIERED_BONUS(10.5;A:A;B:B)", 19),            # a million tiers: 2 * (10.5 - 1)
    ("=TIERED_BONUS(10.5;A:A;B:B;1)", 21),          # whole: 10.5 * 2
    ("=TIERED_BONUS(2000000;A:A;B:B)", 3999998),    # 2 * (2000000 - 1)
    ("=TIERED_BONUS(100;E:E;B:B)", V),
    ("=PAYOUT_CURVE(10.5;A:A;B:B)", 2),             # a million points, every payout 2
    ("=PAYOUT_CURVE(10.5;A:A;A:A)", 10.5),          # payout = point: the line through them
    ("=PAYOUT_CURVE(2000000;A:A;A:A)", 2000000),    # extended with slope 1
    ("=PAYOUT_CURVE(10;E:E;B:B)", V),
    ("=KPI_SCORE(A:A;B:B;B:B)", 1048577 / 4),       # = FUNNEL_RATE(A:A;B:B)
    ("=KPI_SCORE(B:B;A:A;A:A;;;1)", 2097153 / 6),   # lower: (i / 2) weighted by i: (2N + 1) / 6
    ("=KPI_SCORE(E:E;B:B;B:B)", V),
    ("=KPI_SCORE(A:A;B:B;C:C)", DIV0),
    ("=WORKSHOP_EFFICIENCY(A:A;A:A;B:B)", 1048577 / 4),
    ("=WORKSHOP_EFFICIENCY(A:A;B:B;A:A;1)", 4 / 1048577),   # 2N / (N(N+1)/2)
    ("=WORKSHOP_EFFICIENCY(A:A;A:A;C:C)", DIV0),
    ("=WORKSHOP_EFFICIENCY(C:C;C:C;C:C)", DIV0),
]


def _million_rows(self):
    """Whole columns of a million rows (runs last: the name sorts last)."""
    from com.sun.star.sheet.FillDateMode import FILL_DATE_DAY
    from com.sun.star.sheet.FillDirection import TO_BOTTOM
    from com.sun.star.sheet.FillMode import LINEAR
    for col in ("A", "E"):
        self.cell(col + "1").setValue(1)
        self.cell("%s1:%s%d" % (col, col, N)).fillSeries(TO_BOTTOM, LINEAR, FILL_DATE_DAY, 1, N)
    self.cell("B1").setValue(2)
    self.cell("B1:B%d" % N).fillSeries(TO_BOTTOM, LINEAR, FILL_DATE_DAY, 0, 2)
    self.cell("E%d" % N).setString("x")
    self.assertEqual((self.cell("A%d" % N).getValue(), self.cell("B%d" % N).getValue()), (N, 2))
    cells = []
    for i, (formula, _) in enumerate(MILLION):
        c = self.sheet.getCellByPosition(7, i)   # column H
        c.setFormula(formula)
        cells.append(c)
    self.doc.calculateAll()
    for c, (formula, expected) in zip(cells, MILLION):
        with self.subTest(formula=formula):
            self.check_cell(c, formula, expected)
    self.assertTrue(self.office.alive(), "LibreOffice stopped answering after the million rows")
    self.assertEqual(sanity(self.sheet, self.doc), (0, 708 / 4146))


BadInput.test_zz_million_rows = _million_rows


def case_count():
    return sum(len(c) for c in BLOCKS.values()) + len(MILLION)


if __name__ == "__main__":
    harness.main()
