"""The named-cell contract (contract.toml beside this file), loaded and checked.

    import contract
    c = contract.load()
    c.template("strategy_table").names()        # every named cell, in contract order
    c.template("strategy_table").cell("交车数_目标").group_set
    c.summary_columns("strategy_table")          # 集团汇总's header row of 汇总
    c.kinds["rate"].max                           # 10: a rate cell holds at most 1000 %

Used by the template modules (build.py checks every built document against
it), by group_summary.py (its column titles), by group/service/make_contract.py
(the C++ table the group service reads) and scripts/make_named_cells.py, and by
the tests. Plain Python (tomllib), no office needed except for check_document().
"""
from dataclasses import dataclass, field
import os
import tomllib

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "contract.toml")

ROLES = ("input", "computed", "mixed")
POOLS = ("sum", "funnel_rate", "workshop_efficiency", "none")
# What a pool reads: funnel_rate (converted, entered), workshop_efficiency (sold, worked, available)
POOL_ARITY = {"sum": 0, "none": 0, "funnel_rate": 2, "workshop_efficiency": 3}
# The roll-up's own columns around the cell names (title, value kind)
# kit's number formats that stand for a value kind (a rate shown with one decimal, ...)
FORMAT_KINDS = {"rate1": "rate", "rate_input": "rate", "month_confirm": "month", "month_or_blank": "month",
                "text_or_blank": "text", "#,##0": "money"}
LEAD_COLUMNS = (("排名", "count"), ("经销商", "text"), ("月份", "month"))
TAIL_COLUMNS = (("文件", "text"),)


class ContractError(ValueError):
    """contract.toml is inconsistent, or a template disagrees with it."""


@dataclass(frozen=True)
class Kind:
    name: str
    title: str
    format: str
    min: float = None
    max: float = None
    whole: bool = False
    decimals: int = None
    min_nonzero: float = None
    max_length: int = None
    input_format: str = None

    def allows(self, value):
        """True when a number (or text) of this kind is within the contract's bounds."""
        if isinstance(value, str):
            return self.max_length is None or len(value) <= self.max_length
        if self.whole and value != int(value):
            return False
        if self.min is None:
            return True
        if value == 0:
            return self.min <= 0 <= self.max
        low = self.min_nonzero if self.min_nonzero is not None else self.min
        return low <= value <= self.max


@dataclass(frozen=True)
class Cell:
    name: str
    kind: str
    role: str
    cells: int = 1
    rollup: bool = False
    required: bool = False
    group_set: bool = False
    pool: str = "none"
    of: tuple = ()
    per_trade: bool = False
    parts: tuple = ()

    def laid_out(self):
        """The "role kind" pairs its cells are laid out with."""
        return set(self.parts) if self.kind == "mixed" else {"%s %s" % (self.role, self.kind)}


@dataclass(frozen=True)
class Achievement:
    name: str
    actual: str
    base: str


@dataclass
class Template:
    stamp: str
    title: str
    file: str
    version: int
    rollup_sheet: str = ""
    rank_by: str = ""
    cells: list = field(default_factory=list)
    achievements: list = field(default_factory=list)
    row_charts: list = field(default_factory=list)   # [(sheet, chart)]

    def names(self):
        return tuple(c.name for c in self.cells)

    def cell(self, name):
        for c in self.cells:
            if c.name == name:
                return c
        raise KeyError("%s has no named cell %s" % (self.stamp, name))

    def rolled(self):
        """The cells the group roll-up reads, in contract order."""
        return [c for c in self.cells if c.rollup]


@dataclass(frozen=True)
class Rate:
    name: str
    actual: str
    base: str


@dataclass(frozen=True)
class Trend:
    """[trend.<stamp>]: what the group's store sums, pools and checks of a template."""
    stamp: str
    sheet: str
    sums: tuple      # (sum name, cell name, per_trade)
    rates: tuple     # Rate over sum names
    doubt: tuple     # sum and rate names
    dealer: dict     # {"count": sum name, "rate": rate name}

    def sum_names(self):
        return tuple(name for name, _, _ in self.sums)

    def rate(self, name):
        return next(r for r in self.rates if r.name == name)


class Contract:
    def __init__(self, data):
        self.version = data["version"]
        self.trades = tuple(data["trades"])
        self.kinds = {k: Kind(name=k, **v) for k, v in data["kinds"].items()}
        self.templates = {}
        for stamp, t in data["templates"].items():
            cells = [Cell(**{**c, "of": tuple(c.get("of", ())), "parts": tuple(c.get("parts", ()))})
                     for c in t.pop("cells")]
            ach = [Achievement(**a) for a in t.pop("achievements", [])]
            charts = [(c["sheet"], c["chart"]) for c in t.pop("row_charts", [])]
            self.templates[stamp] = Template(stamp=stamp, cells=cells, achievements=ach, row_charts=charts, **t)
        self.trend = {stamp: self._trend(stamp, t) for stamp, t in data.get("trend", {}).items()}
        self._validate()

    def _trend(self, stamp, t):
        if stamp not in self.templates:
            raise ContractError("trend.%s: no such template" % stamp)
        sums = []
        for name in t["sums"]:
            cell = self.templates[stamp].cell(name)
            if not cell.rollup or cell.kind not in ("count", "money", "hours"):
                raise ContractError("trend.%s: %s is not a rolled-up count, amount or hours" % (stamp, name))
            sums.append(("%s_合计" % name if cell.per_trade else name, name, cell.per_trade))
        trend = Trend(stamp, t["sheet"], tuple(sums), tuple(Rate(**r) for r in t["rates"]), tuple(t["doubt"]),
                      dict(t["dealer"]))
        known = trend.sum_names()
        rates = tuple(r.name for r in trend.rates)
        if any(r.actual not in known or r.base not in known for r in trend.rates):
            raise ContractError("trend.%s: a rate pools over a name that is not a sum" % stamp)
        if any(d not in known + rates for d in trend.doubt) or trend.dealer.get("count") not in known \
                or trend.dealer.get("rate") not in rates:
            raise ContractError("trend.%s: doubt and dealer name its sums and rates" % stamp)
        return trend

    def trend_names(self):
        """Every name of a sum or rate of the trend (what the group service must not spell)."""
        return {n for t in self.trend.values() for n in t.sum_names() + tuple(r.name for r in t.rates)}

    def template(self, stamp):
        if stamp not in self.templates:
            raise KeyError("no template kind %s in the contract" % stamp)
        return self.templates[stamp]

    def rolled_up(self):
        """The template kinds the group roll-up reads (those with a roll-up sheet)."""
        return [t for t in self.templates.values() if t.rollup_sheet]

    def column_titles(self, cell):
        """The 集团汇总 column titles of a rolled-up cell: its name, or one per trade."""
        return ["%s_%s" % (cell.name, t) for t in self.trades] if cell.per_trade else [cell.name]

    def summary_columns(self, stamp):
        """(title, value kind) of the header row of the template's 集团汇总 sheet: rank,
        dealer, month, every rolled-up cell (a per-trade one once per trade; 经销商 and
        月份 are the lead columns), the achievements, the file."""
        t = self.template(stamp)
        cols = list(LEAD_COLUMNS)
        lead = {name for name, _ in LEAD_COLUMNS}
        for c in t.rolled():
            if c.name not in lead:
                cols += [(title, c.kind) for title in self.column_titles(c)]
        cols += [(a.name, "rate") for a in t.achievements]
        return tuple(cols + list(TAIL_COLUMNS))

    # -- consistency of the file itself ------------------------------------------------
    def _validate(self):
        for t in self.templates.values():
            names = t.names()
            if len(set(names)) != len(names):
                raise ContractError("%s names a cell twice" % t.stamp)
            for c in t.cells:
                self._validate_cell(t, c)
            for a in t.achievements:
                if a.actual not in names or a.base not in names:
                    raise ContractError("%s: achievement %s reads an unknown cell" % (t.stamp, a.name))
            if t.rank_by and t.rank_by not in names + tuple(a.name for a in t.achievements):
                raise ContractError("%s ranks by an unknown column %s" % (t.stamp, t.rank_by))

    def _validate_cell(self, t, c):
        where = "%s.%s" % (t.stamp, c.name)
        if c.kind not in self.kinds:
            raise ContractError("%s: unknown value kind %s" % (where, c.kind))
        if c.role not in ROLES:
            raise ContractError("%s: role must be one of %s" % (where, ROLES))
        if c.pool not in POOLS or len(c.of) != POOL_ARITY[c.pool]:
            raise ContractError("%s: pool %s needs %d cells in 'of'" % (where, c.pool, POOL_ARITY.get(c.pool, 0)))
        if any(o not in t.names() for o in c.of):
            raise ContractError("%s: pools over an unknown cell" % where)
        if (c.required or c.group_set or c.pool != "none") and not c.rollup:
            raise ContractError("%s: required, group-set and pooled cells are rolled up" % where)
        if c.group_set and c.role != "input":
            raise ContractError("%s: a group-set cell is an input" % where)
        if (c.kind == "mixed") != bool(c.parts) or (c.kind == "mixed" and c.rollup):
            raise ContractError("%s: a mixed block lists its parts and is not rolled up" % where)
        if c.per_trade and c.cells != len(self.trades):
            raise ContractError("%s: a per-trade cell has one cell per trade" % where)

    # -- the templates against the contract --------------------------------------------
    def check_module(self, stamp, module):
        """The module's TITLE, FILE, VERSION, ROW_CHARTS and CELL_NAMES (when it has them) as the contract says."""
        t = self.template(stamp)
        found = (module.TITLE, module.FILE, getattr(module, "VERSION", 2))
        if found != (t.title, t.file, t.version):
            raise ContractError("%s: title, file, version %s, the contract says %s"
                                % (stamp, found, (t.title, t.file, t.version)))
        if tuple(getattr(module, "ROW_CHARTS", ())) != tuple(t.row_charts):
            raise ContractError("%s: ROW_CHARTS %s, the contract's row_charts %s"
                                % (stamp, getattr(module, "ROW_CHARTS", ()), t.row_charts))
        if hasattr(module, "CELL_NAMES"):
            names = tuple(entry[0] for entry in module.CELL_NAMES)
            if names != t.names():
                raise ContractError("%s: CELL_NAMES differ from the contract: %s" % (stamp, _difference(names, t.names())))

    def check_named(self, stamp, found):
        """`found`: {name: (cells, {"role kind", ...})} read from a built document.
        Raises ContractError listing every disagreement."""
        t = self.template(stamp)
        errors = []
        if set(found) != set(t.names()):
            errors.append("names: " + _difference(tuple(sorted(found)), tuple(sorted(t.names()))))
        for c in t.cells:
            if c.name not in found:
                continue
            cells, laid = found[c.name]
            if cells != c.cells:
                errors.append("%s: %d cells, the contract says %d" % (c.name, cells, c.cells))
            if laid != c.laid_out():
                errors.append("%s: laid out as %s, the contract says %s" % (c.name, sorted(laid), sorted(c.laid_out())))
        if errors:
            raise ContractError("%s disagrees with the contract:\n  %s" % (stamp, "\n  ".join(errors)))


def _difference(found, expected):
    extra = [n for n in found if n not in expected]
    missing = [n for n in expected if n not in found]
    if not extra and not missing:
        return "same names, another order"
    return "not in the contract %s, missing %s" % (extra, missing)


_loaded = {}


def load(path=PATH):
    if path not in _loaded:
        with open(path, "rb") as f:
            _loaded[path] = Contract(tomllib.load(f))
    return _loaded[path]


def laid_out_cells(doc, laid_out):
    """{name: (cells, {"role kind"})} of a document being built: every named range,
    its number of cells, and how kit laid its cells out (Book.laid_out, number formats
    named as their value kinds). A cell kit did not lay out as an input or a computed
    cell counts as "label"."""
    out = {}
    names = doc.NamedRanges
    for name in names.ElementNames:
        rng = names.getByName(name).ReferredCells
        if rng is None:
            out[name] = (0, set())
            continue
        a = rng.RangeAddress
        sheet = rng.Spreadsheet.Name
        laid = set()
        for col in range(a.StartColumn, a.EndColumn + 1):
            for row in range(a.StartRow, a.EndRow + 1):
                laid.add(_laid(laid_out, sheet, col, row))
        out[name] = ((a.EndColumn - a.StartColumn + 1) * (a.EndRow - a.StartRow + 1), laid)
    return out


def _laid(laid_out, sheet, col, row):
    for s, c1, r1, c2, r2, role, kind in reversed(laid_out):
        if s == sheet and c1 <= col <= c2 and r1 <= row <= r2:
            return "%s %s" % (role, FORMAT_KINDS.get(kind, kind))
    return "label"
