"""The native twins of the add-in calls the templates make: the one table a
portable file (docs/portable.md) is written from.

Each twin says: for a call of `function` whose arguments have these forms,
write `native` instead. An argument form is literal text with at most one
placeholder: {x} (any expression), {x:cell} (one cell reference),
{x:range} (a range A1:C3 of at most 30 cells) or {x:row} (a range of one row);
the same placeholder twice must be the same text.
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
import sys
from collections import namedtuple

Twin = namedtuple("Twin", "function args native differs")

# Both operands numbers of one pair: SUMIFS/COUNTIFS take a numeric criterion only
# for numbers (never for text, "" or a blank) in every engine.
_NUM = '">=0"'

# TARGET_SPLIT by largest remainders, in units of 10^-d: T units, shares T*w/S
# rounded down, the leftover units one each to the largest remainders (ties: larger
# weight, then earlier position). Exact where T*w stays below 2^53 (whole weights).
# Gnumeric applies no function to each element of an array (INT over a range inside
# SUMPRODUCT takes one element), so the sums over the weights are written out cell by
# cell: [[w:...]] repeats its text for every cell of the range w, {w#} being the cell
# and {w@} its position (reading order), joined by "+".
_T = "ROUND(ABS(ROUND({t};{d}))*10^({d});0)"
_S = "SUM({w})"
_WK = "INDEX({w};INT(({k}-1)/COLUMNS({w}))+1;MOD({k}-1;COLUMNS({w}))+1)"
_XK = "(%s*%s)" % (_T, _WK)
_RK = "(%s-%s*INT(%s/%s))" % (_XK, _S, _XK, _S)
_XC = "(%s*{w#})" % _T
_RC = "(%s-%s*INT(%s/%s))" % (_XC, _S, _XC, _S)
_LEFT = "(%s-([[w:INT(%s/%s)]]))" % (_T, _XC, _S)
_RANK = "([[w:(%s>%s)+(%s=%s)*((%s>%s)+(%s=%s)*({w@}<{k}))]])" % (_RC, _RK, _RC, _RK, _XC, _XK, _XC, _XK)
_N = "(ROWS({w})*COLUMNS({w}))"
_EQUAL = "(INT(%s/%s)+({k}<=%s-%s*INT(%s/%s)))" % (_T, _N, _T, _N, _T, _N)
_WEIGHTED = "(INT(%s/%s)+(%s<%s))" % (_XK, _S, _RANK, _LEFT)
_SPLIT = ('IF(COUNTIF({w};"<0")>0;"权重不能为负";SIGN(ROUND({t};{d}))*IF(%s=0;%s;%s)/10^({d}))'
          % (_S, _EQUAL, _WEIGHTED))


def _pooled(num, den):
    """sum(num)/sum(den) over the rows where both are numbers."""
    both = "{%s};%s;{%s};%s" % (num, _NUM, den, _NUM)
    return "SUMIFS({%s};%s)/SUMIFS({%s};%s)" % (num, both, den, both)


def _ratio(num, den, why):
    return 'IF(OR({%s}<0;{%s}<0);"%s";{%s}/{%s})' % (num, den, why, num, den)


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
    Twin("TARGET_SPLIT", ("{t}", "{w:range}", "{d}", "{k}"), _SPLIT,
         "Err:502 on a negative weight becomes the text 权重不能为负; exact for whole weights while "
         "total x weight stays below 2^53 units; weights with decimals compare remainders in double precision"),
    Twin("SUMPRODUCT", ("ISNUMBER({a:range})", "ISNUMBER({b:range})", "{b}>0"),
         'COUNTIFS({a};">=0";{b};">0")+COUNTIFS({a};"<0";{b};">0")', "a guard, not an add-in call: the same count"),
    Twin("SUMPRODUCT", ("ISNUMBER({a:range})", "{b:range}"), 'SUMIFS({b};{a};">=0")+SUMIFS({b};{a};"<0")',
         "a guard, not an add-in call: the same sum"),
    Twin("INDEX", ("{r:row}", "{i}"), "INDEX({r};1;{i})",
         "not an add-in call: Gnumeric and HyperFormula fail on INDEX of a one-row range with one index"),
    Twin("N", ("{x:cell}",), "IF(ISNUMBER({x});{x};0)", "a guard, not an add-in call: Gnumeric gives N(blank) = #NUM!"),
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


def _c(s):
    return json.dumps(s, ensure_ascii=False)


def cxx():
    out = ["// Generated by templates/kit/twins.py: do not edit. The native twin of every add-in call",
           "// form the templates make (see twins.py for each twin's domain).", "#pragma once", "",
           "#include <initializer_list>", "", "namespace dealerkpi::group::twins {", "",
           "struct Twin", "{", "    const char* function;", "    std::initializer_list<const char*> args;",
           "    const char* native;", "};", "", "inline const Twin kTwins[] = {"]
    for t in TWINS:
        out.append("    {%s, {%s}, %s}," % (_c(t.function), ", ".join(_c(a) for a in t.args), _c(t.native)))
    out += ["};", "", "inline const char* const kAddin[] = {%s};" % ", ".join(_c(a) for a in ADDIN),
            "inline const char kStoredPrefix[] = %s;" % _c(STORED_PREFIX), "", "} // namespace dealerkpi::group::twins", ""]
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--cxx":
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(cxx())
    else:
        for t in TWINS:
            print("%s(%s)\n    = %s\n    differs: %s" % (t.function, ";".join(t.args), t.native, t.differs))
