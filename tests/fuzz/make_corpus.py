#!/usr/bin/env python3
"""Writes the seed corpus tests/fuzz/corpus/<target>/ from the golden cases of
the function contract (spec: functions.md) plus a few edge cases, in the byte
format fuzz_input.hxx decodes. Run it again after changing either:

    python3 tests/fuzz/make_corpus.py
"""
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def num(x):
    """A number argument: tag 1, the raw double."""
    return bytes([1]) + struct.pack("<d", x)


BLANK = b"\x00"
TEXT = b"\x20"


def cell(x):
    """A cell: None is blank, str is text, anything else a number (raw double)."""
    if x is None:
        return BLANK
    if isinstance(x, str):
        return TEXT
    return bytes([0x31]) + struct.pack("<d", x)


def cells(values):
    return b"".join(cell(v) for v in values)


def block(values, rows=None, cols=1):
    """A block: a column by default."""
    rows = len(values) // cols if rows is None else rows
    assert rows * cols == len(values) and rows < 16 and cols < 16
    return bytes([rows | cols << 4]) + cells(values)


def row(values):
    return block(values, rows=1, cols=len(values))


def text(s):
    b = s.encode("utf-8")
    assert len(b) < 48
    return bytes([len(b)]) + b


SEED_FUNNEL = {
    "leads_to_showroom": ([708, 877, 1003], [4146, 3846, 4476]),
    "walk_ins_registered": ([330, 600, 650], [350, 660, 700]),
    "active_prospecting": ([5, 2, 2], [30, 10, 20]),
    "referrals": ([15, 6, 10], [24, 12, 18]),
    "repeat_buyers": ([8, 3, 6], [12, 4, 8]),
    "inbound_calls": ([20, 6, 15], [300, 210, 250]),
    "online_leads": ([70, 40, 60], [900, 700, 850]),
    "active_leads_back": ([200, 150, 180], [850, 660, 880]),
    "dormant_leads_back": ([60, 70, 80], [1700, 1650, 1800]),
    "showroom_to_quote": ([580, 330, 450], [708, 877, 1003]),
    "quote_to_order": ([150, 70, 115], [580, 330, 450]),
    "order_to_delivery": ([120, 60, 90], [150, 70, 115]),
}


def funnel_rate():
    seeds = {}
    for name, (c, e) in SEED_FUNNEL.items():
        for method in (0, 1):
            # header: bit 0 method, bit 1 clear: entered has converted's shape
            seeds[f"{name}_m{method}"] = bytes([method]) + row(c) + cells(e)
    seeds["blank_pairs"] = b"\x00" + block([5, None, 3]) + cells([10, 7, None])
    seeds["text"] = b"\x00" + block([1, "x"]) + cells([2, 3])
    seeds["negative"] = b"\x01" + block([-1, 2]) + cells([2, 3])
    seeds["zero_entered"] = b"\x01" + block([3, 5]) + cells([0, 10])
    seeds["shape_mismatch"] = b"\x02" + row([1, 2, 3]) + block([1, 2, 3])
    seeds["two_by_three"] = b"\x00" + block([1, 2, 3, 4, 5, 6], rows=2, cols=3) + cells([10] * 6)
    seeds["overflow"] = b"\x00" + block([1e308, 1e308]) + cells([1, 1])
    return seeds


def funnel_target():
    strategy = num(100) + block([0.8, 0.33, 0.30])
    return {
        "strategy_none": b"\x00" + strategy,
        "strategy_up": b"\x01" + strategy,
        "strategy_nearest": b"\x02" + strategy,
        "noise_up": b"\x01" + num(21) + block([0.7]),
        "stagewise_up": b"\x01" + num(10) + block([0.3, 0.3]),
        "two_by_two": b"\x00" + num(1) + block([0.5, 0.25, 0.5, 0.125], rows=2, cols=2),
        "blank_and_text": b"\x00" + num(100) + block([None, "x"]),
        "zero_rate": b"\x01" + num(100) + block([0.8, 0]),
        "huge": b"\x01" + num(1e300) + block([1e-5, 1e-5, 1e-5]),
        "large_nearest": b"\x02" + num(5e13) + block([1]),
        # Needs from 2^45 up round the decimals typed, not the double quotient
        # (7458673202440557.5 by the decimals, ...557.09 with 0.8 as a double).
        "huge_needs_round_as_typed": b"\x02" + num(4503599627370495.5)
        + block([0.83, 0.83, 0.83, 1.65, 0.8, 0.8, 0.8, 0.8, 0.8, 4503599627370495.5], rows=2, cols=5),
        # A need above 2^53 near the top of its binade: up to 3 units off.
        "need_near_the_top_of_its_binade": b"\x02"
        + num(float.fromhex("0x1.00000139p+545"))
        + block([float.fromhex("0x1.000004p+0")]),
    }


def split_seed(total, weights, decimals=0, part=0, rows=None, cols=1):
    # decimals byte: (byte % 16) - 8; part byte: % 8, 7 reads a number
    return bytes([(decimals + 8) % 16]) + num(total) + block(weights, rows, cols) + bytes([part])


def target_split():
    seeds = {
        "after_sales_cents": split_seed(8844682.38, [8775, 3500, 3000], 2),
        "quarter_to_months": split_seed(330, [100, 70, 115]),
        "quarter_month_two": split_seed(330, [100, 70, 115], part=2),
        "no_history": split_seed(10, [0, 0, 0]),
        "negative_total": split_seed(-330, [100, 70, 115]),
        "blank_weights": split_seed(3, [None, 1, 1]),
        "ties_weight": split_seed(2, [1, 3]),
        "ties_position": split_seed(3, [2, 1, 2, 1]),
        "remainder_beats_weight": split_seed(2, [3, 4]),
        "fractional": split_seed(10, [0.1, 0.2, 0.7]),
        "text_weight": split_seed(10, [1, "x"]),
        "negative_weight": split_seed(10, [1, -1]),
        "huge_total": split_seed(1e15, [1, 1, 1]),
        "huge_weights": split_seed(10, [1e308, 1]),
        "tiny_weights": split_seed(4, [1e-300, 3e-300]),
        "two_by_two": split_seed(2, [1, 1, 1, 1], rows=2, cols=2),
        # Remainders 1/3 less 2e, 1/3 less 2e and 1/3 less 8e (e ~ 1e-320):
        # extended precision sees three ties and the larger weight goes first.
        "near_ties_of_three": split_seed(2, [1, 1, 12544 * 5e-324, 4], rows=2, cols=2),
        "decimals_out_of_range": split_seed(100, [1, 1], 7),
        "decimal_ties": split_seed(10, [0.05, 0.15, 0.8]),
        "cent_ties": split_seed(0.02, [1234.56, 3703.68], 2),
        "seven_places": split_seed(10, [0.0000005, 0.0000015, 0.000008]),
    }
    for d in range(-6, 7):
        seeds[f"decimals_{d:+d}"] = split_seed(2000000, [1, 1, 1], d)
    return seeds


def bonus_seed(amount, thresholds, rates, mode=0, cap=None, prior=None, more=10000):
    header = mode | (4 if cap is not None else 0) | (8 if prior is not None else 0) | 16
    out = bytes([header])
    if cap is not None:
        out += num(cap)
    if prior is not None:
        out += num(prior)
    return out + num(amount) + num(more) + block(thresholds) + block(rates)


def tiered_bonus():
    t = [0, 100000, 120000]
    r = [0.02, 0.03, 0.04]
    return {
        "marginal": bonus_seed(150000, t, r),
        "whole": bonus_seed(150000, t, r, mode=1),
        "cap": bonus_seed(150000, t, r, cap=3000),
        "prior": bonus_seed(50000, t, r, prior=100000),
        "fixed": bonus_seed(150000, t, [500, 1000, 2000], mode=2),
        "forum": bonus_seed(130000, [0, 100000, 125000], [0.05, 0.075, 0.125]),
        "claw_back": bonus_seed(-50000, t, r, prior=150000),
        "prior_cap": bonus_seed(100000, t, r, cap=3000, prior=100000),
        "spare_rows": bonus_seed(150000, t + [None, None], r + [None, None]),
        "hole": bonus_seed(150000, [0, None, 120000], r),
        "unsorted": bonus_seed(150000, [0, 120000, 100000], r),
        "decelerator": bonus_seed(200, [0, 100], [0.1, -0.05]),
        "one_tier_fixed_prior_zero": bonus_seed(150, [0], [500], mode=2, prior=0),
        # Long tier tables (an accelerator plan of 12 tiers, every mode), so
        # that the fuzzer starts from tables past the usual three tiers.
        "twelve_tiers": bonus_seed(95000, [k * 10000 for k in range(12)], [0.01 * (k + 1) for k in range(12)]),
        "twelve_tiers_whole": bonus_seed(95000, [k * 10000 for k in range(12)],
                                         [0.01 * (k + 1) for k in range(12)], mode=1),
        "twelve_tiers_prior_cap": bonus_seed(30000, [k * 10000 for k in range(12)],
                                             [0.01 * (k + 1) for k in range(12)], cap=20000, prior=40000),
        # A prior whose bonus (-1e313) lies past the largest double and cancels
        # down to -5.7e297: held in extended precision, the result is good to
        # 2^-63 of those terms, not to a double's unit of them.
        "prior_cancels_past_the_largest_double": bonus_seed(
            50000, [float.fromhex("0x0.0000000000048p-1022"), float.fromhex("0x1.86a0000000004p+16"), 120262.125],
            [float.fromhex("-0x1.147ae9814e47bp+1023"), -1, 1066696227], prior=100000),
        "six_tiers_fixed": bonus_seed(55000, [k * 10000 for k in range(6)], [100 * (k + 1) for k in range(6)], mode=2),
    }


TRADES = {"mechanical": (8775, 9000, 12000), "bodywork": (3500, 5000, 6000), "paint": (3000, 5000, 8000)}


def workshop_efficiency():
    seeds = {}
    sold = [t[0] for t in TRADES.values()]
    worked = [t[1] for t in TRADES.values()]
    available = [t[2] for t in TRADES.values()]
    for measure in (1, 2, 3):
        # header: (h & 3) % 3 + 1 is the measure; bits 2, 3 clear: shared shape
        h = bytes([measure - 1])
        seeds[f"pooled_m{measure}"] = h + block(sold) + cells(worked) + cells(available)
        for name, (s, w, a) in TRADES.items():
            seeds[f"{name}_m{measure}"] = h + block([s]) + cells([w]) + cells([a])
    seeds["blank_row"] = b"\x01" + block([8775, None]) + cells([9000, 5000]) + cells([12000, 6000])
    seeds["text"] = b"\x02" + block([1, "x"]) + cells([1, 1]) + cells([1, None])
    seeds["unused_operand"] = bytes([1 | 8]) + block(sold) + cells(worked) + block(["x"])
    return seeds


def curve_seed(attainment, points, payouts, hold=False):
    # header: bit 0 hold, bit 1 payouts their own block
    return bytes([(1 if hold else 0) | 2]) + num(attainment) + block(points) + block(payouts)


def payout_curve():
    pub = ([0.75, 1, 1.5], [0.5, 1, 3])
    plan = ([0, 0.5, 0.5, 1, 1.3], [0, 0.25, 0.5, 1, 1.45])
    seeds = {}
    for x in (0.7, 0.75, 0.9, 1, 1.2, 1.5, 1.6):
        seeds[f"published_{x}"] = curve_seed(x, *pub)
    seeds["published_1.6_hold"] = curve_seed(1.6, *pub, hold=True)
    for x in (0.4, 0.5, 1.3):
        seeds[f"plan_{x}"] = curve_seed(x, *plan)
    seeds["one_point"] = curve_seed(2, [1], [100])
    seeds["ends_in_jump"] = curve_seed(5, [0, 1, 1], [0, 1, 2])
    seeds["negative"] = curve_seed(0.75, [0.5, 1, 1.5], [-0.5, 0, 1])
    seeds["spare_rows"] = curve_seed(1.6, pub[0] + [None, None], pub[1] + [None, None])
    seeds["hole"] = curve_seed(1, [0.75, None, 1.5], pub[1])
    seeds["three_equal"] = curve_seed(1, [1, 1, 1], [1, 2, 3])
    seeds["descending"] = curve_seed(1, [0.75, 1.5, 1], pub[1])
    seeds["count_mismatch"] = curve_seed(1, pub[0], [0.5, 1])
    seeds["text"] = curve_seed(1, [0.75, "x", 1.5], pub[1])
    seeds["huge"] = curve_seed(1e308, [0, 1], [0, 2])
    # one subnormal step below the first point: below it (1e-14 of it rounds up there)
    tiny = 3.4223556146700787e-310
    seeds["subnormal_below"] = curve_seed(tiny, [math.nextafter(tiny, math.inf), 1], [0.5, 1])
    seeds["at_point"] = bytes([4 | 8]) + num(0) + block(pub[0]) + cells(pub[1]) + bytes([0x11])
    return seeds


def kpi_seed(actuals, targets, weights, caps=None, gates=None, directions=None):
    """caps, gates: None (omitted), a number (one for all) or a list (one per
    measure); directions: None or a list of spelling indexes (kpi_score.cxx)."""
    def how(v):
        return 0 if v is None else 1 if not isinstance(v, list) else 2
    dirs = 0 if directions is None else 1 if len(directions) == 1 else 2
    header = how(caps) | how(gates) << 2 | dirs << 4
    out = bytes([header]) + block(actuals) + cells(targets) + cells(weights)
    for v in (caps, gates):
        if v is not None:
            out += cells(v if isinstance(v, list) else [v])
    return out + bytes(directions or [])


def kpi_score():
    a, t, w = [110, 0.95, 25], [100, 0.9, 30], [50, 30, 20]
    higher_higher_lower = [1, 1, 2]  # 0, 0, 1 as numbers
    return {
        "golden": kpi_seed(a, t, w, 1.2, None, higher_higher_lower),
        "golden_gates_met": kpi_seed(a, t, w, 1.2, [0, 1, 0], higher_higher_lower),
        "golden_gate_missed": kpi_seed([110, 0.85, 25], t, w, 1.2, [0, 1, 0], higher_higher_lower),
        "golden_words": kpi_seed(a, t, w, 1.2, None, [6, 9, 10]),
        "fractions": kpi_seed(a, t, [0.5, 0.3, 0.2], 1.2, None, higher_higher_lower),
        "blank_weight": kpi_seed(a + [None], t + [None], w + [None], 1.2, None, higher_higher_lower + [0]),
        "blank_actual": kpi_seed([100, None], [100, 50], [1, 1]),
        "lower_zero_cap": kpi_seed([0], [5], [1], 1.5, None, [2]),
        "lower_zero_no_cap": kpi_seed([0], [5], [1], None, None, [2]),
        "zero_weights": kpi_seed(a, t, [0, 0, 0]),
        "negative_weight": kpi_seed(a, t, [50, -30, 20]),
        "zero_target": kpi_seed(a, [100, 0, 30], w),
        "negative_cap": kpi_seed(a, t, w, -1),
        "caps_each": kpi_seed(a, t, w, [1.05, None, 1.2], None, higher_higher_lower),
        "text": kpi_seed([110, "x", 25], t, w),
        "unknown_direction": kpi_seed(a, t, w, None, None, [3]),
        "huge": kpi_seed([1e308, 1e308], [1, 1], [1e308, 1e308]),
    }


def keywords():
    words = ["pooled", "合并", "加总", "mean", "平均", "none", "不取整", "无", "up", "向上", "向上取整",
             "nearest", "四舍五入", "marginal", "超额累进", "whole", "全额累进", "fixed", "定额",
             "productivity", "生产率", "efficiency", "工时效率", "overall", "总效率",
             "合併", "四捨五入", "超額累進", "全額累進", "定額", "生產率", "工時效率", "總效率",
             "extend", "延伸", "hold", "封顶", "封頂", "higher", "越高越好", "lower", "越低越好",
             "\u3000平均\u3000", " \u3000hold",
             " MEAN\t", "1", " 2 ", "2.0", "1.5", "", "nan"]
    seeds = {}
    for i, w in enumerate(words):
        seeds[f"text_{i:02d}"] = b"\x02" + text(w)
    for x in (0, 1, 2, 3, 4, -1, 0.5):
        seeds[f"number_{x}"] = b"\x01" + num(x)
    seeds["omitted"] = b"\x00"
    return seeds


def main():
    targets = {
        "funnel_rate": funnel_rate(),
        "funnel_target": funnel_target(),
        "target_split": target_split(),
        "tiered_bonus": tiered_bonus(),
        "workshop_efficiency": workshop_efficiency(),
        "payout_curve": payout_curve(),
        "kpi_score": kpi_score(),
        "keywords": keywords(),
    }
    for target, seeds in targets.items():
        out = os.path.join(CORPUS, target)
        # Seeds added by hand (inputs a fuzzer found) stay: only these are rewritten.
        os.makedirs(out, exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)
        print(f"{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
