"""A saved .xlsx recalculated by HyperFormula (npm), an engine that computes as Excel does.

    with Session() as hf:
        values = hf.recalculate("fill.xlsx")   # {(sheet, row, column): value} of every formula cell
        values = hf.recalculate("fill.xlsx")   # the same file filled otherwise: only its edits enter

The workbook is read as Excel reads it: the cells of each sheet (shared strings, numbers,
booleans, formulas as written in the file, defined names written into them); tests/integration/
hyperformula_recalc.js recalculates it. A value is a float, a str, a bool, None (empty) or
an Error. HyperFormula is found where scripts/install-deps.sh puts it (DEALERKPI_NODE_PATH
overrides).
"""
import json
import os
import re
import subprocess
import zipfile
import xml.etree.ElementTree as ET

NODE_PATH = os.environ.get("DEALERKPI_NODE_PATH", "/opt/dealerkpi/hyperformula/node_modules")
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hyperformula_recalc.js")
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class Error(str):
    """An error value, as HyperFormula shows it (#VALUE!, #DIV/0!, ...)."""


def _position(ref):
    letters, digits = re.fullmatch(r"([A-Z]+)([0-9]+)", ref).groups()
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    return int(digits) - 1, column - 1


def _text(node):
    """The text of a shared or inline string (plain, or runs of <r><t>)."""
    return "".join(t.text or "" for t in node.iter(MAIN + "t"))


# A formula's string literals and quoted sheet names, kept as they are when names are inlined.
QUOTED = re.compile(r"""("(?:[^"]|"")*"|'(?:[^']|'')*')""")


# A sheet's name before its "!" as Excel writes it, without quotes (年度数据!$B$4).
SHEET = re.compile(r"(?<![\w.'])([^\W\d][\w.]*)!")


def _excel_reading(names):
    """A function giving a formula as HyperFormula takes what Excel reads in it: each defined
    name of `names` ({name: reference}) replaced by its reference and each sheet's name quoted,
    HyperFormula taking names of Latin letters only (the templates' are Chinese: 订单数_预计,
    年度数据)."""
    word = re.compile(r"(?<![\w.!$])(%s)(?![\w(!])" % "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))

    def unquoted(part):
        part = word.sub(lambda m: "(%s)" % names[m.group(1)], part) if names else part
        return SHEET.sub(r"'\1'!", part)
    return lambda formula: "".join(part if i % 2 else unquoted(part) for i, part in enumerate(QUOTED.split(formula)))


def read_xlsx(path, readings=None):
    """{"sheets": [{"name", "cells": [[row, column, content]]}]} of an .xlsx, the input of
    hyperformula_recalc.js. A formula keeps the file's text, but for two readings Excel makes
    itself: the `_xlfn.` prefix that marks a function newer than Excel 2007 is read as the
    function's name, and the names of sheets and cells as _excel_reading gives them. `readings`
    keeps those readings for the next file ({names: {formula: reading}})."""
    readings = {} if readings is None else readings
    with zipfile.ZipFile(path) as z:
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(RELS + "Relationship")}
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            strings = [_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(MAIN + "si")]
        everywhere, local = {}, {}
        for d in workbook.iter(MAIN + "definedName"):
            if d.get("name").startswith("_xlnm."):  # print ranges, filters: not figures
                continue
            scope = d.get("localSheetId")
            (everywhere if scope is None else local.setdefault(int(scope), {}))[d.get("name")] = d.text
        sheets = []
        for i, s in enumerate(workbook.iter(MAIN + "sheet")):
            names = dict(everywhere, **local.get(i, {}))
            known, reading = readings.setdefault(tuple(sorted(names.items())), {}), None
            target = targets[s.get(DOC_RELS + "id")].lstrip("/")
            xml = ET.fromstring(z.read(target if target.startswith("xl/") else "xl/" + target))
            cells = []
            for c in xml.iter(MAIN + "c"):
                row, column = _position(c.get("r"))
                f, v, kind = c.find(MAIN + "f"), c.find(MAIN + "v"), c.get("t", "n")
                if f is not None:
                    # an array formula of one cell (a split's twin) is Excel's Ctrl+Shift+Enter,
                    # HyperFormula's ARRAYFORMULA; shared formulas and larger arrays are not read here
                    array = f.get("t") == "array" and f.get("ref") in (c.get("r"), "%s:%s" % (c.get("r"), c.get("r")))
                    if f.get("t") in ("shared", "array") and not array:
                        raise ValueError("%s!%s: a %s formula, not read here" % (s.get("name"), c.get("r"), f.get("t")))
                    text = f.text or ""
                    if text not in known:
                        reading = reading or _excel_reading(names)
                        known[text] = "=" + reading(text.replace("_xlfn.", ""))
                    content = "=ARRAYFORMULA(%s)" % known[text][1:] if array else known[text]
                elif kind == "s":
                    content = strings[int(v.text)]
                elif kind == "inlineStr":
                    content = _text(c.find(MAIN + "is"))
                elif v is None:
                    continue
                elif kind == "b":
                    content = v.text == "1"
                elif kind in ("str", "e"):
                    content = v.text
                else:
                    content = float(v.text)
                cells.append([row, column, content])
            sheets.append({"name": s.get("name"), "cells": cells})
    return {"sheets": sheets}


class Session:
    """One HyperFormula engine for the fills of one file: the first workbook is built from
    scratch, each later one with the same sheets enters as the cells that changed
    (hyperformula_recalc.js)."""

    def __init__(self):
        # a larger young generation: half of a large workbook's time was the garbage collector
        self.node = subprocess.Popen(["node", "--max-semi-space-size=64", SCRIPT], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=dict(os.environ, NODE_PATH=NODE_PATH))
        self.readings = {}  # {a sheet's names: {a formula as written: as HyperFormula takes it}}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.node.poll() is None:
            self.node.stdin.close()
            self.node.wait(timeout=60)
        self.node.stdout.close()
        self.node.stderr.close()

    def recalculate(self, path):
        """{(sheet, row, column): value} of every formula cell of the .xlsx at `path`, as
        HyperFormula computes them."""
        book = read_xlsx(path, self.readings)
        self.node.stdin.write(json.dumps(book) + "\n")
        self.node.stdin.flush()
        line = self.node.stdout.readline()
        if not line:
            raise RuntimeError("HyperFormula: " + self.node.stderr.read()[-2000:])
        out = {}
        for i, r, c, v in json.loads(line):
            out[(book["sheets"][i]["name"], r, c)] = Error(v["error"]) if isinstance(v, dict) else v
        return out
