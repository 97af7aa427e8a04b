#!/usr/bin/python3
"""contract.consistency: templates/contract.toml against everything that repeats
it: the template modules, the group service's generated C++ table and its
sources, 集团汇总's columns, docs/named-cells.md and docs/templates.md.

    test_contract.py CONTRACT_HXX     (the contract.hxx of the build folder)

No office needed (the built templates are checked against the contract when
they are built, and by contract.templates in an office).
"""
import copy
import glob
import importlib
import os
import re
import sys
import tomllib
import unittest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path[:0] = [os.path.join(ROOT, "templates"), os.path.join(ROOT, "scripts"), os.path.join(ROOT, "group", "service")]

import contract  # noqa: E402
import make_contract  # noqa: E402
import make_named_cells  # noqa: E402

HXX = None
# The names every dealer template has, which the group service may spell out:
# a file's identity (经销商代码, 经销商, 月份, 月份_首日: what distribute stamps and the
# roll-up keys dealers by) and the cells of the group's own workbooks that the service
# fills: 集团汇总's two, 集团趋势's tables.
IDENTITY = {"经销商代码", "经销商", "月份", "月份_首日", "汇总月份", "汇总说明",
            "趋势期间", "月度表", "经销商表", "经销商表_月份", "售后表", "售后表_月份", "图表_经销商代码", "图表数据"}

# Known debt, listed exactly so that it can only shrink: (source, name) pairs of cell
# names a group source still spells. A new spelling anywhere fails the test, and so
# does an entry here that is no longer found.
PENDING = set()


def built_modules():
    with open(os.path.join(ROOT, "templates", "CMakeLists.txt"), encoding="utf-8") as f:
        text = f.read()
    words = []
    for var in ("DEALERKPI_TEMPLATES", "DEALERKPI_GROUP_TEMPLATES"):
        body = re.search(r"set\(%s\s(.*?)\)" % var, text, re.S).group(1)
        words += re.sub(r"#.*", "", body).split()
    return words


class ContractFile(unittest.TestCase):
    def setUp(self):
        self.c = contract.load()
        with open(contract.PATH, "rb") as f:
            self.data = tomllib.load(f)

    def test_every_built_template_is_in_the_contract(self):
        self.assertEqual(sorted(built_modules()), sorted(self.c.templates))

    def test_rolled_up_kinds_are_the_strategy_and_workshop_tables(self):
        self.assertEqual([t.stamp for t in self.c.rolled_up()], ["strategy_table", "workshop_targets"])

    def test_kind_bounds(self):
        rate, count, month = self.c.kinds["rate"], self.c.kinds["count"], self.c.kinds["month"]
        for ok in (0, 0.01, 0.8, 1, 10):
            self.assertTrue(rate.allows(ok), ok)
        for bad in (0.005, 10.01, -0.1, 80.5):
            self.assertFalse(rate.allows(bad), bad)
        self.assertTrue(count.allows(120))
        self.assertFalse(count.allows(1.5))
        self.assertFalse(count.allows(-1))
        self.assertTrue(month.allows(46327))   # 2026-11-01
        self.assertFalse(month.allows(0))

    def refused(self, edit):
        data = copy.deepcopy(self.data)
        edit(data)
        with self.assertRaises(contract.ContractError):
            contract.Contract(data)

    def test_an_inconsistent_contract_is_refused(self):
        def cell(data, stamp, name):
            return next(c for c in data["templates"][stamp]["cells"] if c["name"] == name)

        self.refused(lambda d: cell(d, "strategy_table", "交车数_目标").update(kind="percent"))
        self.refused(lambda d: cell(d, "strategy_table", "订单交车率_目标").update(of=["交车数_目标", "无此单元格"]))
        self.refused(lambda d: cell(d, "strategy_table", "订单交车率_目标").update(of=["交车数_目标"]))
        self.refused(lambda d: cell(d, "commission_plan", "本月业绩").update(required=True))
        self.refused(lambda d: cell(d, "strategy_table", "订单数_预计").update(group_set=True))
        self.refused(lambda d: cell(d, "workshop_targets", "可售工时").update(cells=2))
        self.refused(lambda d: d["templates"]["strategy_table"]["cells"].append({"name": "经销商", "kind": "text",
                                                                                  "role": "input"}))
        self.refused(lambda d: d["templates"]["strategy_table"]["achievements"][0].update(base="无此单元格"))


class Templates(unittest.TestCase):
    def test_modules_name_the_contract_cells(self):
        c = contract.load()
        for stamp in c.templates:
            with self.subTest(stamp):
                c.check_module(stamp, importlib.import_module(stamp))

    def test_a_module_that_differs_is_refused(self):
        module = importlib.import_module("workshop_targets")
        changed = type("Module", (), {"TITLE": module.TITLE, "FILE": module.FILE,
                                      "CELL_NAMES": module.CELL_NAMES[:-1]})
        with self.assertRaises(contract.ContractError):
            contract.load().check_module("workshop_targets", changed)

    def test_laid_out_cells_are_checked(self):
        c = contract.load()
        t = c.template("workshop_targets")
        found = {cell.name: (cell.cells, cell.laid_out()) for cell in t.cells}
        c.check_named("workshop_targets", found)
        found["售后产值目标"] = (1, {"input count"})
        with self.assertRaises(contract.ContractError):
            c.check_named("workshop_targets", found)

    def test_laid_out_cells_go_by_sheet_name(self):
        # a template may move a sheet after laying it out (commission_model moves 方案对比):
        # the cells are found by sheet name, never by a sheet index taken earlier
        from types import SimpleNamespace as NS
        rng = NS(RangeAddress=NS(Sheet=0, StartColumn=6, StartRow=40, EndColumn=6, EndRow=40),
                 Spreadsheet=NS(Name="方案对比"))
        names = NS(ElementNames=("对比_差额率",), getByName=lambda n: NS(ReferredCells=rng))
        laid_out = [("方案对比", 0, 0, 10, 50, "computed", "rate"), ("历史业绩", 0, 0, 10, 50, "computed", "money")]
        found = contract.laid_out_cells(NS(NamedRanges=names), laid_out)
        self.assertEqual(found, {"对比_差额率": (1, {"computed rate"})})

    def test_group_summary_columns_are_the_contract_columns(self):
        gs = importlib.import_module("group_summary")
        c = contract.load()
        self.assertEqual([(t, k) for t, k, _ in gs.STRATEGY_COLUMNS], list(c.summary_columns("strategy_table")))
        self.assertEqual([(t, k) for t, k, _ in gs.WORKSHOP_COLUMNS], list(c.summary_columns("workshop_targets")))
        # the column titles the service looks its columns up by
        self.assertIn("可售工时_钣金", [t for t, _, _ in gs.WORKSHOP_COLUMNS])
        self.assertIn("交车数_达成率", [t for t, _, _ in gs.STRATEGY_COLUMNS])


class Trend(unittest.TestCase):
    """[trend.*]: what the store sums, pools and checks (集团趋势, 请核实)."""

    def test_the_trend_measures_are_the_rolled_up_templates(self):
        c = contract.load()
        self.assertEqual(sorted(c.trend), ["strategy_table", "workshop_targets"])
        strategy = c.trend["strategy_table"]
        self.assertIn("交车数_实际", strategy.sum_names())
        self.assertEqual(strategy.rate("交车数_达成率"), contract.Rate("交车数_达成率", "交车数_实际", "交车数_目标"))
        workshop = c.trend["workshop_targets"]
        self.assertIn(("可售工时_合计", "可售工时", True), workshop.sums)
        self.assertEqual(workshop.dealer, {"count": "售后产值目标", "rate": "总效率_合计"})

    def test_the_trend_achievement_is_the_contracts(self):
        # 交车数_达成率 pooled by the trend is the roll-up's achievement of the same name
        c = contract.load()
        for t in c.trend.values():
            for a in c.template(t.stamp).achievements:
                if a.name in (r.name for r in t.rates):
                    self.assertEqual((t.rate(a.name).actual, t.rate(a.name).base), (a.actual, a.base))

    def test_an_inconsistent_trend_is_refused(self):
        with open(contract.PATH, "rb") as f:
            data = tomllib.load(f)
        for edit in (lambda d: d["trend"]["strategy_table"]["sums"].append("经销商"),
                     lambda d: d["trend"]["strategy_table"]["rates"][0].update(base="无此合计"),
                     lambda d: d["trend"]["workshop_targets"]["doubt"].append("交车数_实际"),
                     lambda d: d["trend"]["workshop_targets"]["dealer"].update(rate="交车数_达成率")):
            changed = copy.deepcopy(data)
            edit(changed)
            with self.assertRaises(contract.ContractError):
                contract.Contract(changed)


class GroupService(unittest.TestCase):
    def test_generated_table_is_the_contract(self):
        self.assertTrue(HXX and os.path.exists(HXX), "no contract.hxx in the build folder: %s" % HXX)
        with open(HXX, encoding="utf-8") as f:
            self.assertEqual(f.read(), make_contract.header(contract.load()),
                             "contract.hxx is older than contract.toml: rebuild")

    def test_sources_spell_no_cell_name_of_the_contract(self):
        c = contract.load()
        names = set()
        for t in c.templates.values():
            names |= {a.name for a in t.achievements}
            for cell in t.cells:
                names |= {cell.name, *c.column_titles(cell)}
        names |= c.trend_names()
        names -= IDENTITY
        found = []
        for path in sorted(glob.glob(os.path.join(ROOT, "group", "**", "*.[ch]xx"), recursive=True)):
            if "tests" in os.path.relpath(path, ROOT).split(os.sep):
                continue  # test data may spell the names it checks
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', line):
                        if literal in names:
                            found.append((os.path.relpath(path, ROOT), number, literal))
        new = ["%s:%d %s" % f for f in found if (f[0], f[2]) not in PENDING]
        self.assertEqual(new, [], "look these up in the contract (contract.hxx) instead")
        self.assertEqual(PENDING - {(f[0], f[2]) for f in found}, set(), "no longer spelled: drop from PENDING")


class Docs(unittest.TestCase):
    def test_named_cells_page_is_generated_from_the_contract(self):
        with open(make_named_cells.DEFAULT, encoding="utf-8") as f:
            self.assertEqual(f.read(), make_named_cells.render(contract.load()),
                             "docs/named-cells.md is stale: run scripts/make_named_cells.py")

    def test_templates_page_lists_contract_names(self):
        with open(os.path.join(ROOT, "docs", "templates.md"), encoding="utf-8") as f:
            text = f.read()
        for t in contract.load().templates.values():
            section = re.search(r"^## %s\b.*?(?=^#{1,2} |\Z)" % re.escape(t.title), text, re.S | re.M)
            if not section:
                continue
            listed = [n for n in re.findall(r"^\| (\S+) \| [^|]+\|", section.group(0), re.M)
                      if n not in ("name", "---")]
            unknown = [n for n in listed if n not in t.names()]
            with self.subTest(t.stamp):
                self.assertEqual(unknown, [], "docs/templates.md lists names the contract does not have")


if __name__ == "__main__":
    HXX = sys.argv.pop(1) if len(sys.argv) > 1 else None
    unittest.main()
