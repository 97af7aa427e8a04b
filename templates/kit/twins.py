"""The native twins of the add-in calls the templates make: the one table a
portable file (docs/portable.md) is written from.

Each twin says: for a call of `function` whose arguments have these forms,
write `native` instead. An argument form is literal text around a placeholder:
{x} (any expression), {x:cell} (one cell reference), {x:range} (a range A1:C3
of at most 30 cells), {x:row} or {x:column} (such a range of one row or one
column; in `native`, {x!} is the positions of its cells, 1, 2, ..., as an
inline array of its shape); a form with several placeholders is a call, NAME(form; ...), whose
arguments match one by one (an add-in's stored name matches its display name:
INDEX(FUNNEL_TARGET({t};{r:column});2)). The same placeholder twice must be
the same text.
`native` uses only functions LibreOffice, Excel, WPS and Gnumeric all know
(no LET, LAMBDA, dynamic arrays, and no SUMPRODUCT over ISNUMBER guards,
which Excel evaluates differently: its booleans are not numbers there).

Every twin gives the add-in's displayed result on every input the template's
validity rules allow (whole counts >= 0, hours >= 0, rates 0..10) and under
the guards the templates put around the call. `differs` says where, outside
that domain, the twin shows something other than the add-in.

    python3 twins.py --cxx OUT.hxx   writes the table as C++ (the build does this)
"""
import json
import re
import sys
from collections import namedtuple

Twin = namedtuple("Twin", "function args native differs array", defaults=(False,))

# Both operands numbers of one pair: SUMIFS/COUNTIFS take a numeric criterion only
# for numbers (never for text, "" or a blank) in every engine.
_NUM = '">=0"'

# TARGET_SPLIT by largest remainders, in units of 10^-d: T units, shares T*w/S
# rounded down, the leftover units one each to the largest remainders (ties: larger
# weight, then earlier position). Exact where T*w stays below 2^53 (whole weights).
# In a plain formula Gnumeric applies no function to each element of an array (INT over a
# range inside SUMPRODUCT takes one element): a row or a column is split by an array formula
# (_split_array); a block's sums are written out cell by cell (_split): [[w:...]] repeats
# its text for every cell of the range w, {w#} being the cell and {w@} its position
# (reading order), joined by "+".
_T = "ROUND(ABS(ROUND({t};{d}))*10^({d});0)"
_S = "SUM({w})"
_XC = "(%s*{w#})" % _T
_RC = "(%s-%s*INT(%s/%s))" % (_XC, _S, _XC, _S)
_LEFT = "(%s-([[w:INT(%s/%s)]]))" % (_T, _XC, _S)
_N = "(ROWS({w})*COLUMNS({w}))"
_EQUAL = "(INT(%s/%s)+({k}<=%s-%s*INT(%s/%s)))" % (_T, _N, _T, _N, _T, _N)


def _split(wk):
    """The twin with the k-th weight read as `wk`. The rank of the k-th part counts the parts
    before it: a larger remainder, or an equal one of a larger weight, or of an equal weight at
    an earlier position. Each comparison is one CHOOSE over the sign of a difference (0 below,
    the tie's rule when equal, 1 above), so that the remainder is written once, not twice: the
    twin of a block of 30 weights fits in an Excel formula. (Remainders are whole numbers
    below 2^53, their difference exact; ties of remainders go to the larger weight: T x w
    compares as w does, T > 0, and with T = 0 no unit is left to give.)"""
    xk = "(%s*%s)" % (_T, wk)
    rk = "(%s-%s*INT(%s/%s))" % (xk, _S, xk, _S)
    rank = "([[w:CHOOSE(SIGN(%s-%s)+2;0;CHOOSE(SIGN({w#}-%s)+2;0;{w@}<{k};1);1)]])" % (_RC, rk, wk)
    weighted = "(INT(%s/%s)+(%s<%s))" % (xk, _S, rank, _LEFT)
    return ('IF(COUNTIF({w};"<0")>0;"权重不能为负";SIGN(ROUND({t};{d}))*IF(%s=0;%s;%s)/10^({d}))'
            % (_S, _EQUAL, weighted))


def _split_array(wk):
    """The twin of a split over a row or a column, written as an array formula (`array`): INT
    of the weights inside SUMPRODUCT computes element by element there in every engine
    (Gnumeric and HyperFormula take one element in a plain formula), so the sums are written
    once, not cell by cell, and the twin grows with the weights only by the list of their
    positions (twelve months: about 1,150 characters, 5,500 written out). The rank of the k-th part: the parts of a larger
    remainder, of an equal remainder and a larger weight, and of an equal weight at an earlier
    position (an equal weight has an equal remainder). The positions are an inline array of
    the weights' shape ({w!}: {1|2|...} for a column): ROW and COLUMN of a range are one number
    in HyperFormula, and its OFFSET takes no computed size."""
    xk = "(%s*%s)" % (_T, wk)
    rk = "(%s-%s*INT(%s/%s))" % (xk, _S, xk, _S)
    units = "INT(%s*{w}/%s)" % (_T, _S)
    r = "(%s*{w}-%s*%s)" % (_T, _S, units)
    rank = "SUMPRODUCT((%s>%s)+(%s=%s)*({w}>%s)+({w}=%s)*({w!}<{k}))" % (r, rk, r, rk, wk, wk)
    weighted = "(INT(%s/%s)+(%s<%s-SUMPRODUCT(%s)))" % (xk, _S, rank, _T, units)
    return ('IF(COUNTIF({w};"<0")>0;"权重不能为负";SIGN(ROUND({t};{d}))*IF(%s=0;%s;%s)/10^({d}))'
            % (_S, _EQUAL, weighted))


# the k-th weight of a column and of a row (INDEX of one row with one index fails in Gnumeric),
# and of a block in reading order
_SPLIT_COLUMN = _split_array("INDEX({w};{k})")
_SPLIT_ROW = _split_array("INDEX({w};1;{k})")
_SPLIT = _split("INDEX({w};INT(({k}-1)/COLUMNS({w}))+1;MOD({k}-1;COLUMNS({w}))+1)")
_SPLIT_DIFFERS = ("Err:502 on a negative weight becomes the text 权重不能为负; exact for whole weights while total x "
                  "weight stays below 2^53 units; weights with decimals compare remainders in double precision")


def _funnel_stages(most=4):
    """INDEX(FUNNEL_TARGET(target; rates); n), the need n stages back (年度目标体系's 集客量:
    new cars / 留档成交率 / 留档率), for n up to `most`: the target divided by the first n rates
    one after the other, as the add-in divides; every rate of the range must be above 0."""
    out = []
    for shape, nth in (("column", "INDEX({r};%d)"), ("row", "INDEX({r};1;%d)")):
        for n in range(1, most + 1):
            need = "{t}" + "".join("/" + nth % i for i in range(1, n + 1))
            out.append(Twin("INDEX", ("FUNNEL_TARGET({t};{r:%s})" % shape, str(n)),
                            'IF(COUNTIF({r};">0")<ROWS({r})*COLUMNS({r});"比率须大于0";%s)' % need,
                            "Err:502 on a rate <= 0 or blank becomes the text 比率须大于0, #VALUE! on a text rate "
                            "too (the templates compute only when every rate > 0)"))
    return out


def _pooled(num, den):
    """sum(num)/sum(den) over the rows where both are numbers."""
    both = "{%s};%s;{%s};%s" % (num, _NUM, den, _NUM)
    return "SUMIFS({%s};%s)/SUMIFS({%s};%s)" % (num, both, den, both)


def _ratio(num, den, why):
    return 'IF(OR({%s}<0;{%s}<0);"%s";{%s}/{%s})' % (num, den, why, num, den)



# TIERED_BONUS over a tier table of cells (thresholds t, rates: r, or f for 定额), written out
# cell by cell in the core's order of operations (addin/core/bonus.cxx): a tier is a
# threshold that is a number; {t+} is the next threshold ("" after the last: no upper bound).
# The mode cell m holds 超额累进, 全额累进 or 定额 (blank: 超额累进).
def _marginal(x, rate):
    """every slice of x above a tier's threshold and below the next one at the tier's rate"""
    return ("([[t:IF(ISNUMBER({t#});%s*MAX(0;MIN(%s;IF(ISNUMBER({t+});{t+};%s))-{t#});0)]])"
            % (rate, x, x))


def _reached(x, rate):
    """the rate (or fixed amount) of the highest tier x reaches, 0 below the first: a tier's
    when x is at or past its threshold and not past the next one's (thresholds rise, or the
    table is refused before)"""
    return "([[t:IF(ISNUMBER({t#});%s*(({t#}<=%s)-ISNUMBER({t+})*({t+}<=%s));0)]])" % (rate, x, x)


def _bonus(x, rate, fixed, cap):
    whole = "IF({m}=\"定额\";%s;IF({m}=\"全额累进\";%s*%s;%s))" % (
        _reached(x, fixed), x, _reached(x, rate), _marginal(x, rate))
    return "MIN(%s;%s)" % (cap, whole) if cap else whole


def _increase(rate, fixed, cap):
    """bonus(p + x) - bonus(p), each capped at `cap` (None: no cap). Not the difference of the two
    cumulative bonuses as written: they are large beside a month's increase, and their difference
    in doubles is off by several units in the 15th digit of the increase, so that a month on a
    half cent (0.03 x 31,855.50 = 955.665) rounded to the other cent than the add-in's, which
    computes it in a wider precision. The increase d is worked out from x and the distances of p
    to the thresholds: 超额累进, each tier's rate times the signed length of [p, p + x] within the
    tier (the clamps of x and 0 to the tier's bounds less p); 全额累进, the rate reached at p + x
    times x, plus the change of rate times p. A cap: min(B1; cap) - min(B0; cap) = d -
    max(0; B1 - cap) + max(0; B0 - cap), whose last two terms add exactly 0 while neither
    bonus reaches the cap. 定额: the difference of two amounts, as written."""
    after, at = "({p}+{x})", "{p}"
    up = "IF(ISNUMBER({t+});{t+}-{p};10^307)"        # the tier's upper bound, less p

    def capped(d, b1, b0):
        return "%s-MAX(0;%s-%s)+MAX(0;%s-%s)" % (d, b1, cap, b0, cap) if cap else d
    within = "MEDIAN({t#}-{p};{x};%s)-MEDIAN({t#}-{p};0;%s)" % (up, up)  # signed, x < 0 too
    marginal = capped("([[t:IF(ISNUMBER({t#});%s*(%s);0)]])" % (rate, within), _marginal(after, rate), _marginal(at, rate))
    r1, r0 = _reached(after, rate), _reached(at, rate)
    whole = capped("%s*{x}+(%s-%s)*{p}" % (r1, r1, r0), "%s*%s" % (after, r1), "%s*%s" % (at, r0))
    f1, f0 = _reached(after, fixed), _reached(at, fixed)
    amounts = "MIN(%s;%s)-MIN(%s;%s)" % (cap, f1, cap, f0) if cap else "%s-%s" % (f1, f0)
    return 'IF({m}="定额";%s;IF({m}="全额累进";%s;%s))' % (amounts, whole, marginal)


def _tiered(rate, fixed, cap=None, prior=None):
    """The twin of TIERED_BONUS({x}; thresholds {t}; rates; {m}[; cap][; prior]): the checks
    the add-in makes (Err:502 there, a text here), then the bonus, capped; with a prior,
    bonus(prior + x) - bonus(prior) (_increase)."""
    chosen = 'IF({m}="定额";%s;%s)' % (fixed, rate) if fixed != rate else rate
    bad = ("(COUNT({t})=0)+([[t:(ISNUMBER({t#})<>ISNUMBER(%s))+ISNUMBER({t+})*(NOT(ISNUMBER({t#}))+({t+}<={t#}))]])"
           % chosen)
    cap_of = 'IF(AND(ISNUMBER({c});{c}>0);{c};10^307)' if cap else None
    if prior:
        bonus = _increase(rate, fixed, cap_of)
    else:
        bonus = _bonus("{x}", rate, fixed, cap_of)
    checks = ['NOT(OR({m}="超额累进";{m}="全额累进";{m}="定额";{m}=""));"提成方式无效"', "(%s)>0;\"档位表有误\"" % bad]
    if cap:
        checks.append('AND(ISNUMBER({c});{c}<0);"封顶不能为负"')
    return "".join("IF(%s;" % c for c in checks) + bonus + ")" * len(checks)


_BAD_TIERS = ("Err:502 on a tier table the add-in refuses (thresholds not rising, a hole, a threshold without "
              "its rate or the other way round) becomes the text 档位表有误, an unknown mode 提成方式无效, a negative "
              "cap 封顶不能为负; the ROUND(...;2) around the call shows #VALUE! for them")
_PLAN_RATES = 'IF({m:cell}="定额";{f:range};{r:range})'

# PAYOUT_CURVE over a curve of cells (points p rising, payouts y, the beyond cell b: 延伸 or
# 封顶, blank: 延伸), cell by cell as addin/core/payout_curve.cxx computes it: an attainment
# within 1e-14 of a point counts as that point (so a cliff pays its upper payout at what a
# person sees as 100 %); the segment's straight line (std::lerp's construction) kept between
# its two payouts; past the last point the last segment goes on unless b holds it.
# (10^-14, not 1E-14, and 10^307 for "no cap": HyperFormula's parser takes no exponent in a
# number; a power reads the same in every program)
_AT = "{x}>=%s*(1-10^-14)"                    # x at or past the point (up to noise)
_NEAR = "ABS({x}-%s)<=10^-14*ABS(%s)"       # x is the point (up to noise)


def _lerp(a, b, p0, p1):
    t = "({x}-%s)/(%s-%s)" % (p0, p1, p0)
    return "IF(%s*%s<=0;%s*%s+(1-%s)*%s;%s+%s*(%s-%s))" % (a, b, t, b, t, a, a, t, b, a)


def _curve():
    segment = "IF(ISNUMBER({p+});IF(AND(%s;NOT(%s));IF(%s;{y#};MIN(MAX(%s;MIN({y#};{y+}));MAX({y#};{y+})));0);0)" % (
        _AT % "{p#}", _AT % "{p+}", _NEAR % ("{p#}", "{p#}"), _lerp("{y#}", "{y+}", "{p#}", "{p+}"))
    # past the last point (the table has no hole: COUNT gives its length)
    n = "COUNT({p})"
    pn, yn = "INDEX({p};%s)" % n, "INDEX({y};%s)" % n
    p1, y1 = "INDEX({p};%s-1)" % n, "INDEX({y};%s-1)" % n
    t = "({x}-%s)/(%s-%s)" % (p1, pn, p1)
    beyond = "IF(%s>%s;MAX(%s;%s+%s*(%s-%s));MIN(%s+%s*(%s-%s);%s))" % (
        yn, y1, yn, y1, t, yn, y1, y1, t, yn, y1, yn)
    extend = "IF(%s*%s<=0;%s*%s+(1-%s)*%s;%s)" % (y1, yn, t, yn, t, y1, beyond)
    last = 'IF(%s;IF(%s=1;%s;IF(OR({b}="封顶";%s=%s;%s);%s;%s));0)' % (
        _AT % pn, n, yn, p1, pn, _NEAR % (pn, pn), yn, extend)
    bad = ("(COUNT({p})=0)+([[p:(ISNUMBER({p#})<>ISNUMBER({y#}))+ISNUMBER({p+})*(NOT(ISNUMBER({p#}))+({p+}<{p#}))"
           "+ISNUMBER({p-})*ISNUMBER({p+})*({p-}={p#})*({p#}={p+})]])")
    return 'IF(%s>0;"曲线有误";[[p:%s]]+%s)' % (bad, segment, last)


_MEASURES = (('"生产率"', "w", "a"), ('"工时效率"', "s", "w"), ('"总效率"', "s", "a"))
_NEGATIVE_COUNT = "Err:502 on a negative count becomes the text 计数不能为负 (refused by the validity rules)"
_NEGATIVE_HOURS = "Err:502 on negative hours becomes the text 工时不能为负 (refused by the validity rules)"

TWINS = [
    Twin("FUNNEL_RATE", ("{n:cell}", "{d:cell}"), _ratio("n", "d", "计数不能为负"),
         _NEGATIVE_COUNT + "; a blank operand counts as 0 (the templates compute only when both are numbers)"),
    Twin("FUNNEL_RATE", ("{n:range}", "{d:range}"), _pooled("n", "d"),
         "a pair with a negative count is left out instead of Err:502 (refused by the validity rules)"),
    Twin("FUNNEL_TARGET", ("{t}", "{r:cell}"), 'IF({r}>0;{t}/{r};"比率须大于0")',
         "Err:502 on a rate <= 0 becomes the text 比率须大于0 (the templates compute only when the rate > 0)"),
    *_funnel_stages(),
    Twin("TARGET_SPLIT", ("{t}", "{w:column}", "{d}", "{k}"), _SPLIT_COLUMN, _SPLIT_DIFFERS, array=True),
    Twin("TARGET_SPLIT", ("{t}", "{w:row}", "{d}", "{k}"), _SPLIT_ROW, _SPLIT_DIFFERS, array=True),
    Twin("TARGET_SPLIT", ("{t}", "{w:range}", "{d}", "{k}"), _SPLIT, _SPLIT_DIFFERS),
    Twin("SUMPRODUCT", ("ISNUMBER({a:range})", "ISNUMBER({b:range})", "{b}>0"),
         'COUNTIFS({a};">=0";{b};">0")+COUNTIFS({a};"<0";{b};">0")', "a guard, not an add-in call: the same count"),
    Twin("SUMPRODUCT", ("ISNUMBER({a:range})", "{b:range}"), 'SUMIFS({b};{a};">=0")+SUMIFS({b};{a};"<0")',
         "a guard, not an add-in call: the same sum"),
    Twin("INDEX", ("{r:row}", "{i}"), "INDEX({r};1;{i})",
         "not an add-in call: Gnumeric and HyperFormula fail on INDEX of a one-row range with one index"),
    Twin("N", ("{x:cell}",), "IF(ISNUMBER({x});{x};0)", "a guard, not an add-in call: Gnumeric gives N(blank) = #NUM!"),
]
TWINS += [
    Twin("TIERED_BONUS", ("{x}", "{t:range}", _PLAN_RATES, "{m:cell}", "{c:cell}"),
         _tiered("{r#}", "{f#}", cap=True), _BAD_TIERS),
    Twin("TIERED_BONUS", ("{x}", "{t:range}", _PLAN_RATES, "{m:cell}", "{c:cell}", "{p}"),
         _tiered("{r#}", "{f#}", cap=True, prior=True), _BAD_TIERS),
    Twin("TIERED_BONUS", ("{x}", "{t:range}", "{r:range}", "{m:cell}"), _tiered("{r#}", "{r#}"), _BAD_TIERS),
    Twin("PAYOUT_CURVE", ("{x}", "{p:range}", "{y:range}", "{b:cell}"), _curve(),
         "Err:502 on a curve the add-in refuses (points falling, three equal points, a hole, a point without its "
         "payout or the other way round) becomes the text 曲线有误; a beyond cell other than 封顶 extends"),
]
for _m, _num, _den in _MEASURES:
    TWINS.append(Twin("WORKSHOP_EFFICIENCY", ("{s:cell}", "{w:cell}", "{a:cell}", _m), _ratio(_num, _den, "工时不能为负"),
                      _NEGATIVE_HOURS))
    TWINS.append(Twin("WORKSHOP_EFFICIENCY", ("{s:range}", "{w:range}", "{a:range}", _m), _pooled(_num, _den),
                      "a row with negative hours is left out instead of Err:502 (refused by the validity rules)"))

# The add-in functions (display name: the name files store is ORG.DEALERKPI.CALC.FUNCTIONS.<name without _>).
ADDIN = ("FUNNEL_RATE", "FUNNEL_TARGET", "TARGET_SPLIT", "TIERED_BONUS", "WORKSHOP_EFFICIENCY", "PAYOUT_CURVE",
         "KPI_SCORE")
STORED_PREFIX = "ORG.DEALERKPI.CALC.FUNCTIONS."


def _balanced(text):
    """Every parenthesis outside strings closed, none closed before it opens."""
    depth = 0
    for c in re.sub(r'"[^"]*"', '""', text):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def _c(s):
    return json.dumps(s, ensure_ascii=False)


def cxx():
    out = ["// Generated by templates/kit/twins.py: do not edit. The native twin of every add-in call",
           "// form the templates make (see twins.py for each twin's domain).", "#pragma once", "",
           "#include <initializer_list>", "", "namespace dealerkpi::group::twins {", "",
           "struct Twin", "{", "    const char* function;", "    std::initializer_list<const char*> args;",
           "    const char* native;", "    bool array;  // entered as an array formula", "};", "", "inline const Twin kTwins[] = {"]
    for t in TWINS:
        if not _balanced(t.native):
            raise ValueError("the twin of %s(%s) has unbalanced parentheses" % (t.function, ";".join(t.args)))
        out.append("    {%s, {%s}, %s, %s}," % (_c(t.function), ", ".join(_c(a) for a in t.args), _c(t.native),
                                                "true" if t.array else "false"))
    out += ["};", "", "inline const char* const kAddin[] = {%s};" % ", ".join(_c(a) for a in ADDIN),
            "inline const char kStoredPrefix[] = %s;" % _c(STORED_PREFIX), "", "} // namespace dealerkpi::group::twins", ""]
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--cxx":
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(cxx())
    else:
        for t in TWINS:
            print("%s(%s)\n    = %s%s\n    differs: %s" % (t.function, ";".join(t.args), t.native,
                                                     " (an array formula)" if t.array else "", t.differs))
