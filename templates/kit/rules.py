"""What an input cell accepts, and the conditional styles over cells.

The validity rule of every value kind (RULES) with its input help and a refusal
that says how to type it right; a rate as a fraction within the contract's
bounds (rate_rule); a month typed as 2026-11, 2026/11 or 2026年11月 (month_of,
month_rule); drop-down lists; and the conditional formats (highlight) that
flag a cell without ever locking an input. Functions here work on a cell
range of the office; kit.Sheet calls them by cell name.
"""
import uno
from com.sun.star.sheet.ConditionOperator import FORMULA as COND_FORMULA
from com.sun.star.sheet.ValidationAlertStyle import STOP
from com.sun.star.sheet.ValidationType import ANY, CUSTOM, DATE, DECIMAL, LIST, WHOLE  # noqa: F401 (kit.WHOLE)
from com.sun.star.sheet.ConditionOperator import BETWEEN, GREATER_EQUAL

from .styles import INPUT_FLAG

# A rate input holds the fraction: 0, or RATE_MIN (1 %) to RATE_MAX (1000 %), the
# bounds of kinds.rate in contract.toml (min_nonzero, max).
# In a percent-formatted cell LibreOffice appends "%" as the person starts
# typing (7.4 and 25.2, any UI language): "80" gives 80 %, "150" 150 %; "0.8"
# gives 0.8 %, which is refused as the likely slip for 80 %; "80%" becomes the
# text "80%%", refused as not a number. So every typed form either is the rate
# the person meant or is refused with how to type it.
RATE_REFUSAL = "比率须为 0 或 1%～1000%。直接输入 80 即 80%（% 号自动加上，不要再输入 % 号，也不要输入 0.8）。"
RATE_HELP = "直接输入 80 即 80%（% 号自动加上）；可填 0 或 1%～1000%。"


def _contract_rate_bounds():
    """(smallest rate above 0, largest rate) of kinds.rate in contract.toml."""
    import contract
    rate = contract.load().kinds["rate"]
    return float(rate.min_nonzero), float(rate.max)


RATE_MIN, RATE_MAX = _contract_rate_bounds()


def rate_rule(ref):
    """The validity condition of a rate input at `ref`: a number, 0 or within
    RATE_MIN..RATE_MAX (a fraction: 0.01..10)."""
    return "AND(ISNUMBER({0});OR({0}=0;AND({0}>={lo};{0}<={hi})))".format(ref, lo=repr(RATE_MIN), hi=repr(RATE_MAX))


def month_of(ref):
    """The first day of the month typed into `ref` as 2026-11 (a date), 2026/11
    or 2026年11月 (text); "" while blank, an error for anything else."""
    s = 'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM({0});"年";"-");"月";"");"/";"-");".";"-")'.format(ref)
    month = "VALUE(MID({s};6;2))".format(s=s)
    return ('IF({0}="";"";IF(ISNUMBER({0});DATE(YEAR({0});MONTH({0});1);'
            'IF(AND(MID({s};5;1)="-";LEN({s})<=7;LEN({s})>=6;{m}>=1;{m}<=12);'
            'DATE(VALUE(LEFT({s};4));{m};1);NA())))'.format(ref, s=s, m=month))


def month_rule(ref):
    """The validity condition of a month cell: one of the three spellings, of a
    year 2000..2099 (a number typed without its separators, 202611, would be a
    date in the year 2454)."""
    return 'IFERROR(AND(YEAR({m})>=2000;YEAR({m})<=2099);FALSE())'.format(m=month_of(ref))


# Validity rules for inputs: (type, operator, formula1, formula2, refusal, input help).
# The input help shows while the cell is selected; every refusal says how to type it right.
RULES = {
    "count": (WHOLE, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的整数，如 120（不要输入小数或文字）。",
              "输入整数，如 120。"),
    # for the record: input() gives rate cells rate_rule() (a condition) instead
    "rate": (CUSTOM, COND_FORMULA, "", "", RATE_REFUSAL, RATE_HELP),
    "hours": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的工时，如 9000。", "输入工时数，如 9000。"),
    "money": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的金额（元），如 480，不要输入货币符号。",
              "输入金额（元），如 480。"),
    "number": (DECIMAL, GREATER_EQUAL, "0", "", "请输入大于或等于 0 的数值，如 100000。", "输入数值，如 100000。"),
    "date": (DATE, GREATER_EQUAL, "1", "", "请输入有效日期，如 2026-01-31。", "输入日期，如 2026-11-30。"),
    # amounts that may be negative (returns, charge-backs, a loss-making month)
    "signed": (DECIMAL, BETWEEN, "-1E+15", "1E+15", "请输入数值（退车、冲减可填负数），如 150000 或 -50000。",
               "输入数值，如 150000；退车、冲减填负数。"),
    "text": (ANY, None, "", "", "", "输入文字。"),
}
INPUT_TITLE = "填写说明"


REFUSAL_TITLE = "输入无效"


def _prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def _messages(v, refuse, message, help):
    """The validation `v` allows blank cells, refuses (when `refuse`) with
    `message` and shows the input help `help` while the cell is selected."""
    v.IgnoreBlankCells = True
    v.ShowErrorMessage = refuse
    v.ErrorAlertStyle = STOP
    v.ErrorTitle = REFUSAL_TITLE
    v.ErrorMessage = message
    v.ShowInputMessage = True
    v.InputTitle = INPUT_TITLE
    v.InputMessage = help


def validate(rng, vtype, operator, formula1, formula2, message, help):
    """A validity rule on `rng` with its refusal `message` and its input `help`
    (shown while the cell is selected)."""
    v = rng.Validation
    v.Type = vtype
    if operator is not None:
        v.setOperator(operator)
    v.setFormula1(formula1)
    if formula2:
        v.setFormula2(formula2)
    _messages(v, vtype != ANY, message, help)
    rng.Validation = v


def validate_formula(rng, source, condition, message, help=None):
    """A validity rule on `rng` given as a condition written for the cell
    `source` (the range's top-left CellAddress: relative references follow
    each cell). Blank cells are allowed; without `help` the input help stays
    what it was, or is the refusal."""
    v = rng.Validation
    v.Type = CUSTOM
    v.setOperator(COND_FORMULA)
    v.setFormula1(condition)
    v.setSourcePosition(source)
    _messages(v, True, message, help or rng.Validation.InputMessage or message)
    rng.Validation = v


def choose(rng, options, message):
    """`rng` takes one of `options` (a drop-down list); anything else is refused with `message`."""
    v = rng.Validation
    v.Type = LIST
    v.ShowInputMessage = True
    v.InputTitle = INPUT_TITLE
    v.InputMessage = "从下拉列表中选择：" + "、".join(options) + "。"
    v.setFormula1(";".join('"%s"' % o for o in options))
    v.ShowList = 1
    v.ShowErrorMessage = True
    v.ErrorAlertStyle = STOP
    v.ErrorTitle = REFUSAL_TITLE
    v.ErrorMessage = message
    rng.Validation = v


def highlight(rng, source, condition, style):
    """Conditional style on `rng`: `condition` is a formula relative to the
    cell `source` (the range's top-left CellAddress). Over an input cell the
    style's input flag variant is used, so the flag never locks the cell."""
    if not rng.CellProtection.IsLocked and not style.endswith(INPUT_FLAG):
        style += INPUT_FLAG  # never lock an input cell through its flag
    fmt = rng.ConditionalFormat
    # Without SourcePosition Calc reads the condition relative to A1.
    fmt.addNew((_prop("Operator", COND_FORMULA), _prop("Formula1", condition),
                _prop("StyleName", style), _prop("SourcePosition", source)))
    rng.ConditionalFormat = fmt
