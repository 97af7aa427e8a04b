"""Dealer files for the group workflow's tests and benchmark, made in a real office.

    from group_files import DealerFiles
    files = DealerFiles(office)                       # an office from scripts/office.py
    path, typed = files.good(folder, "strategy_table", "D001", "一号店", "2026-11", i=0)
    paths = files.good_set(folder, n=20, month="2026-11")   # every 4th saved as .xlsx
    bad = files.bad_set(folder)                        # {case: path}, one of each bad kind

Good files are new documents from the installed templates, filled through
the API at the named cells of templates.md (经销商, 月份, 交车数_目标, ...) with
varied values; `typed` is what was typed, so that a test can work out the
figures the roll-up must show (counts summed, rates pooled) on its own.
The computed names are fed through the input cells their formula reads
(线索数_预计 from the first channel's planned leads, and so on).

Templates built before the named cells and the stamp existed get both
here (the same names at the same cells), so the files look the same either way.

The group tests' common ground is here too: run_cli (dealerkpi-group in a
store of its own), what Calc shows (shown_count, shown_rate), the tables of a
group workbook (table, used_strings), sha, and FilesCase, a test class with
one office and a temporary folder for the files it makes in _make().
"""
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import uno
from com.sun.star.sheet.CellFlags import FORMULA
from com.sun.star.table import CellAddress

from office import Office, file_url, props

# The command line the group tests run drives the office under test: scripts/office-python
# names its program folder (and, for 25.2, puts that office's libraries first on the
# library path, which the command line's own UNO runtime then loads too).
if os.environ.get("LO_PROGRAM_DIR"):
    os.environ.setdefault("DEALERKPI_SOFFICE", os.path.join(os.environ["LO_PROGRAM_DIR"], "soffice"))

STRATEGY = "strategy_table"
WORKSHOP = "workshop_targets"
KINDS = (STRATEGY, WORKSHOP)
LAYOUT_VERSION = 2
STAMP_KIND = "DealerKPI模板"
STAMP_VERSION = "DealerKPI版本"

STRATEGY_NAMES = ("经销商", "月份", "交车数_目标", "订单交车率_目标", "报价订单率_目标", "进店线索报价率_目标",
                  "订单数_预计", "报价数_预计", "进店线索数_预计", "线索数_预计", "交车数_实际", "订单数_实际",
                  "报价数_实际", "进店线索数_实际", "线索数_实际")
WORKSHOP_NAMES = ("经销商", "月份", "售后产值目标", "可售工时", "生产工时", "销售工时", "总效率_合计", "目标营业额")
TRADES = ("机修", "钣金", "喷漆")

# The cells the service requires (a blank one: the file is not taken): what the group sets
# and what the dealer reports.
REQUIRED = {
    STRATEGY: ("经销商", "月份", "交车数_目标", "订单交车率_目标", "报价订单率_目标", "进店线索报价率_目标",
               "交车数_实际", "订单数_实际", "报价数_实际", "进店线索数_实际", "线索数_实际"),
    WORKSHOP: ("经销商", "月份", "售后产值目标", "可售工时", "生产工时", "销售工时"),
}

# Where the names sit in layout version 2 (used only when a template lacks them).
_FALLBACK = {
    STRATEGY: {
        "经销商": "$'KPI转化率报告'.$B$2", "月份": "$'KPI转化率报告'.$E$2",
        "交车数_目标": "$'月度策略表'.$G$6", "订单交车率_目标": "$'月度策略表'.$F$6",
        "报价订单率_目标": "$'月度策略表'.$F$7", "进店线索报价率_目标": "$'月度策略表'.$F$8",
        "订单数_预计": "$'月度策略表'.$G$7", "报价数_预计": "$'月度策略表'.$G$8",
        "进店线索数_预计": "$'月度策略表'.$G$9", "线索数_预计": "$'月度策略表'.$G$10",
        "交车数_实际": "$'月度策略表'.$I$6", "订单数_实际": "$'月度策略表'.$I$7",
        "报价数_实际": "$'月度策略表'.$I$8", "进店线索数_实际": "$'月度策略表'.$I$9",
        "线索数_实际": "$'月度策略表'.$I$10",
    },
    WORKSHOP: {
        "经销商": "$'车间效率与产值目标'.$B$2", "月份": "$'车间效率与产值目标'.$E$2",
        "售后产值目标": "$'车间效率与产值目标'.$B$5", "可售工时": "$'车间效率与产值目标'.$C$9:$C$11",
        "生产工时": "$'车间效率与产值目标'.$D$9:$D$11", "销售工时": "$'车间效率与产值目标'.$E$9:$E$11",
        "总效率_合计": "$'车间效率与产值目标'.$J$12", "目标营业额": "$'车间效率与产值目标'.$B$16:$B$18",
    },
}

# LibreOffice 25.2 writes the add-in's calls in .xlsx by their display names.
LO25_NAMES = {"FUNNELRATE": "FUNNEL_RATE", "FUNNELTARGET": "FUNNEL_TARGET", "TARGETSPLIT": "TARGET_SPLIT",
              "TIEREDBONUS": "TIERED_BONUS", "WORKSHOPEFFICIENCY": "WORKSHOP_EFFICIENCY"}

# The note a file without distribute's dealer-code stamp gets (it is read by 经销商 and 月份).
NO_STAMP_NOTE = "文件没有经销商代码标记"


def notes_of(record):
    """A record's notes other than the missing dealer-code stamp."""
    return [n for n in record.Notes if n.Code != "no_code_stamp"]


FILTERS = {".ods": "calc8", ".xlsx": "Calc Office Open XML", ".xls": "MS Excel 97"}

MACRO_MARKER_BASIC = """Sub Main
    Dim n As Integer
    n = FreeFile
    Open "%s" For Output As #n
    Print #n, "macro ran"
    Close #n
End Sub
"""


def month_serial(month):
    """'2026-11' -> the serial number of 2026-11-01."""
    import datetime
    y, m = (int(x) for x in month.split("-"))
    return (datetime.date(y, m, 1) - datetime.date(1899, 12, 30)).days


def strategy_values(i):
    """Varied, valid inputs for dealer number i (deterministic)."""
    target = 60 + (i * 37) % 90
    r1 = (70 + (i * 7) % 25) / 100.0          # 订单交车率 70%..94%
    r2 = (25 + (i * 11) % 20) / 100.0         # 报价订单率 25%..44%
    r3 = (30 + (i * 13) % 30) / 100.0         # 进店线索报价率 30%..59%
    leads_plan = 3000 + (i * 211) % 4000
    factor = (80 + (i * 17) % 45) / 100.0     # actual against target 80%..124%
    delivered = int(round(target * factor))
    orders = int(round(delivered / r1)) + (i % 3)
    quotes = int(round(orders / r2)) - (i % 4)
    visits = int(round(quotes / r3)) + (i * 5) % 40
    leads = visits * 3 + (i * 97) % 500
    return {"交车数_目标": target, "订单交车率_目标": r1, "报价订单率_目标": r2, "进店线索报价率_目标": r3,
            "线索数_预计": leads_plan, "交车数_实际": delivered, "订单数_实际": orders, "报价数_实际": quotes,
            "进店线索数_实际": visits, "线索数_实际": leads}


def workshop_values(i):
    avail = [8000 + (i * 311) % 5000, 4000 + (i * 173) % 3000, 5000 + (i * 131) % 4000]
    worked = [round(a * (0.6 + ((i + k) * 7 % 30) / 100.0), 1) for k, a in enumerate(avail)]
    sold = [round(w * (0.55 + ((i + 2 * k) * 11 % 45) / 100.0), 1) for k, w in enumerate(worked)]
    return {"售后产值目标": 5000000 + (i * 123457) % 4000000 + 0.25 * (i % 4),
            "可售工时": avail, "生产工时": worked, "销售工时": sold}


def expected_strategy(typed):
    """The computed names as the template works them out (FUNNEL_TARGET, exact)."""
    out = dict(typed)
    out["订单数_预计"] = typed["交车数_目标"] / typed["订单交车率_目标"]
    out["报价数_预计"] = out["订单数_预计"] / typed["报价订单率_目标"]
    out["进店线索数_预计"] = out["报价数_预计"] / typed["进店线索报价率_目标"]
    return out


class DealerFiles:
    """Makes dealer files in `office` (scripts/office.Office)."""

    def __init__(self, office):
        self.office = office
        self._templates = None

    # -- templates ---------------------------------------------------------------
    def template_path(self, kind):
        if self._templates is None:
            from template_harness import installed_templates
            self._templates = installed_templates(self.office)
        return self._templates[kind + ".ots"]

    def new(self, kind):
        """A new document from the installed template, with names and stamp."""
        doc = self.office.load(self.template_path(kind), as_template=True)
        if doc is None:  # seen once on a loaded machine: the office answered nothing; ask again
            doc = self.office.load(self.template_path(kind), as_template=True)
        if doc is None:
            raise RuntimeError("the office could not open %s" % self.template_path(kind))
        ensure_contract(doc, kind)
        return doc

    # -- good files ----------------------------------------------------------------
    def fill(self, doc, kind, dealer, month, values):
        set_named(doc, "经销商", dealer)
        set_named(doc, "月份", month_serial(month) if month else None)
        for name, value in values.items():
            set_named(doc, name, value)
        doc.calculateAll()

    def good(self, folder, kind, dealer, month, i=0, ext=".ods", values=None):
        """Writes one filled file; returns (path, typed values)."""
        typed = values if values is not None else (strategy_values(i) if kind == STRATEGY else workshop_values(i))
        path = os.path.join(folder, "%s_%s_%s%s" % (kind, dealer, month, ext))
        doc = self.new(kind)
        try:
            self.fill(doc, kind, dealer, month, typed)
            save(doc, path)
        finally:
            doc.close(True)
        return path, dict(typed, 经销商=dealer, 月份=month)

    def good_set(self, folder, n, month="2026-11", kinds=KINDS, xlsx_every=4):
        """n dealers x kinds; every `xlsx_every`-th file saved as .xlsx. Returns
        [(path, kind, typed)]."""
        os.makedirs(folder, exist_ok=True)
        out = []
        for i in range(n):
            for kind in kinds:
                ext = ".xlsx" if xlsx_every and i % xlsx_every == xlsx_every - 1 else ".ods"
                path, typed = self.good(folder, kind, "经销商%03d" % (i + 1), month, i=i, ext=ext)
                out.append((path, kind, typed))
        return out

    # -- bad files -----------------------------------------------------------------
    def bad_set(self, folder, month="2026-11", marker=None):
        """One file of each bad kind: {case: path}. `marker`: the file the macro
        case's open-event macro would write."""
        os.makedirs(folder, exist_ok=True)
        out = {}
        good, _ = self.good(folder, STRATEGY, "好店", month, i=3)
        with open(good, "rb") as f:
            data = f.read()  # the good file stays: a folder scan takes it beside the bad ones

        out["corrupt_zip"] = _write(folder, "corrupt.ods", b"PK\x03\x04" + bytes(range(256)) * 8)
        out["truncated"] = _write(folder, "truncated.ods", data[:len(data) // 2])
        out["text_as_ods"] = _write(folder, "text.ods", "经销商,月份\n一号店,2026-11\n".encode("utf-8"))

        out["not_spreadsheet"] = _odt(os.path.join(folder, "writer.ods"))

        plain = self.office.new_calc()
        try:
            plain.Sheets.getByIndex(0).getCellRangeByName("A1").setString("经销商")
            path = os.path.join(folder, "plain.ods")
            save(plain, path)
            out["not_template"] = path
        finally:
            plain.close(True)

        out["password"] = self._variant(folder, "password.ods", "密码店", month, 4,
                                        store_props={"Password": "secret"})
        out["unknown_version"] = self._variant(folder, "version9.ods", "新版店", month, 5,
                                               edit=lambda doc: set_stamp(doc, STRATEGY, 9))
        blank = strategy_values(6)
        del blank["交车数_实际"]
        out["blank_required"] = self._variant(folder, "blank.ods", "空白店", month, 6, values=blank)
        out["error_required"] = self._variant(
            folder, "error.ods", "错误店", month, 7,
            edit=lambda doc: named_cells(doc, "交车数_实际")[0].setFormula("=1/0"))  # a formula in an input
        marker = marker or os.path.join(folder, "macro-ran.txt")
        out["macro"] = self._variant(folder, "macro.ods", "宏店", month, 8, edit=lambda doc: add_open_macro(doc, marker))
        out["xlsx_lo25"] = self.lo25_xlsx(folder, "lo25.xlsx", "新版本店", month, 9)
        return out

    def _variant(self, folder, name, dealer, month, i, values=None, edit=None, store_props=None):
        path = os.path.join(folder, name)
        doc = self.new(STRATEGY)
        try:
            self.fill(doc, STRATEGY, dealer, month, values if values is not None else strategy_values(i))
            if edit:
                edit(doc)
                doc.calculateAll()
            save(doc, path, **(store_props or {}))
        finally:
            doc.close(True)
        return path

    def lo25_xlsx(self, folder, name, dealer, month, i):
        """An .xlsx whose add-in calls are written as LibreOffice 25.2 writes
        them (FUNNEL_RATE(...) instead of ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(...))."""
        path, _ = self.good(folder, STRATEGY, dealer, month, i=i, ext=".xlsx")
        target = os.path.join(folder, name)
        rewrite_lo25(path, target)
        os.remove(path)
        return target


# -- helpers -----------------------------------------------------------------------------
def _write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def _odt(path):
    """A text document (ODF, as a word processor saves it) under a spreadsheet's name;
    made by hand, since the office that runs the tests may have no word processor."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               '<office:body><office:text><text:p>这不是电子表格</text:p></office:text></office:body>'
               '</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def save(doc, path, **extra):
    ext = os.path.splitext(path)[1].lower()
    doc.storeToURL(file_url(path), props(FilterName=FILTERS[ext], Overwrite=True, **extra))


def rewrite_lo25(src, dst):
    """An .xlsx as LibreOffice 25.2 writes it (the add-in's calls by their English
    names) from one saved here: rewritten when 7.4 saved it, as it is when the
    office making the files is 25.2 itself."""
    pattern = re.compile(rb"ORG\.DEALERKPI\.CALC\.FUNCTIONS\.([A-Z]+)\(", re.I)
    already = re.compile(rb"(%s)\(" % b"|".join(n.encode() for n in LO25_NAMES.values()))
    count = 0
    tmp = dst + ".tmp"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data, n = pattern.subn(lambda m: LO25_NAMES[m.group(1).upper().decode()].encode() + b"(", data)
                count += n + len(already.findall(data))
            zout.writestr(item, data)
    if count == 0:
        raise RuntimeError("no add-in call found in %s" % src)
    shutil.move(tmp, dst)
    return count


def named_cells(doc, name):
    """The cells of a named range, in reading order."""
    rng = doc.NamedRanges.getByName(name).getReferredCells()
    addr = rng.RangeAddress
    return [rng.getCellByPosition(c, r) for r in range(addr.EndRow - addr.StartRow + 1)
            for c in range(addr.EndColumn - addr.StartColumn + 1)]


def _input_behind(cell):
    """The first input cell (no formula) `cell`'s formula reads; `cell` itself when it is an input."""
    if not cell.getFormula().startswith("="):
        return cell
    sheet = cell.Spreadsheet
    ranges = cell.queryPrecedents(False).RangeAddresses
    for a in sorted(ranges, key=lambda a: (a.StartRow, a.StartColumn)):
        for r in range(a.StartRow, a.EndRow + 1):
            for c in range(a.StartColumn, a.EndColumn + 1):
                candidate = sheet.getCellByPosition(c, r)  # the names' formulas read their own sheet
                if not candidate.getFormula().startswith("="):
                    return candidate
    raise ValueError("no input behind %s" % cell.AbsoluteName)


def set_cell(cell, v):
    """A value as a person leaves it: None blank, a str as text, else a number."""
    if v is None:
        cell.setString("")
    elif isinstance(v, str):
        cell.setString(v)
    else:
        cell.setValue(v)


def set_named(doc, name, value):
    cells = named_cells(doc, name)
    values = value if isinstance(value, (list, tuple)) else [value]
    for cell, v in zip(cells, values):
        set_cell(_input_behind(cell), v)


def set_stamp(doc, kind, version):
    udp = doc.DocumentProperties.UserDefinedProperties
    info = udp.getPropertySetInfo()
    # the version as a number (a double: the property bag takes no byte, which a small int becomes)
    for key, value in ((STAMP_KIND, kind), (STAMP_VERSION, float(version))):
        if info.hasPropertyByName(key):
            udp.setPropertyValue(key, value)
        else:
            udp.addProperty(key, 128, value)  # PropertyAttribute.REMOVABLE


def ensure_contract(doc, kind):
    """Names and stamp, for templates built before they existed."""
    names = doc.NamedRanges
    for name, ref in _FALLBACK[kind].items():
        if not names.hasByName(name):
            names.addNewByName(name, ref, CellAddress(), 0)
    info = doc.DocumentProperties.UserDefinedProperties.getPropertySetInfo()
    if not info.hasPropertyByName(STAMP_KIND):
        set_stamp(doc, kind, LAYOUT_VERSION)


def add_open_macro(doc, marker):
    """A Basic macro bound to the document's open event that writes `marker`."""
    libs = doc.BasicLibraries
    lib = libs.getByName("Standard") if libs.hasByName("Standard") else libs.createLibrary("Standard")
    lib.insertByName("Marker", MACRO_MARKER_BASIC % marker)
    script = "vnd.sun.star.script:Standard.Marker.Main?language=Basic&location=document"
    binding = uno.Any("[]com.sun.star.beans.PropertyValue", props(EventType="Script", Script=script))
    uno.invoke(doc.Events, "replaceByName", ("OnLoad", binding))


def lock_files(folder):
    """LibreOffice lock files (.~lock.NAME#) left anywhere below `folder`."""
    found = []
    for root, _dirs, files in os.walk(folder):
        found += [os.path.join(root, f) for f in files if f.startswith(".~lock.")]
    return found


# -- the command line, what Calc shows, and the test classes ---------------------------------
BUILD = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
CLI = os.path.join(BUILD, "dealerkpi-group")
OXT = os.environ.get("DEALERKPI_OXT", os.path.join(BUILD, "dealerkpi.oxt"))
CLI_PIDS = []   # every run_cli's pid: its offices' pipes are named after it


def sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def shown_count(v):
    """#,##0 as Calc shows it (halves away from zero)."""
    return "{:,}".format(int(Decimal(repr(v)).quantize(Decimal(1), ROUND_HALF_UP)))


def shown_rate(v):
    """0% as Calc shows it."""
    return "%d%%" % int((Decimal(repr(v)) * 100).quantize(Decimal(1), ROUND_HALF_UP))


def cli_env(**extra):
    """The environment of one dealerkpi-group run: the built .oxt, the shared profile
    cache, and a store of its own (a test is about one run: in a shared store another
    run's files of the same dealer-month, or its issued targets, decide what is taken)."""
    env = dict(os.environ, DEALERKPI_OXT=OXT, DEALERKPI_GROUP_CACHE=os.path.join(BUILD, "group-cli-cache"))
    env["DEALERKPI_STORE"] = os.path.join(tempfile.mkdtemp(prefix="dealerkpi-store-"), "group.sqlite")
    env.update(extra)
    return env


def run_cli(*args, env_extra=None, timeout=1200):
    """dealerkpi-group with `args`, in a store of its own (cli_env)."""
    env = cli_env(**(env_extra or {}))
    cmd = [CLI] + list(args)
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as p:
        CLI_PIDS.append(p.pid)
        out, err = p.communicate(timeout=timeout)
    return subprocess.CompletedProcess(cmd, p.returncode, out, err)


def table(doc, sheet_name):
    """(header titles -> column, rows below the header as lists of displayed strings)."""
    sheet = doc.Sheets.getByName(sheet_name)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_row, last_col = cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn
    rows = [[sheet.getCellByPosition(c, r).getString() for c in range(last_col + 1)] for r in range(last_row + 1)]
    header = next(i for i, row in enumerate(rows) if "经销商" in row and ("月份" in row or "文件" in row))
    cols = {t: c for c, t in enumerate(rows[header]) if t}
    body = [row for row in rows[header + 1:] if any(row)]
    return cols, body


def assert_summary_rows(test, doc, typed, month, counts, rates):
    """汇总 holds one row per dealer of `typed` and 集团合计; each dealer's row shows `month`,
    its `counts` and its `rates` (a target as typed, any other rate as its two counts'
    quotient) as Calc shows them. Returns (columns, rows below the header, rows by dealer)."""
    cols, body = table(doc, "汇总")
    rows = {row[cols["经销商"]]: row for row in body}
    test.assertEqual(set(rows), set(typed) | {"集团合计"})
    for dealer, t in typed.items():
        row = rows[dealer]
        test.assertEqual(row[cols["月份"]], month, dealer)
        for k in counts:
            test.assertEqual(row[cols[k]], shown_count(t[k]), (dealer, k))
        for k, (a, b) in rates.items():
            want = t[k] if k.endswith("_目标") else t[a] / t[b]
            test.assertEqual(row[cols[k]], shown_rate(want), (dealer, k))
    return cols, body, rows


def used_strings(doc):
    """{sheet name: rows of displayed strings} of every sheet's used area."""
    out = {}
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        a = cursor.RangeAddress
        out[sheet.Name] = [[sheet.getCellByPosition(c, r).getString() for c in range(a.EndColumn + 1)]
                           for r in range(a.EndRow + 1)]
    return out


class FilesCase(unittest.TestCase):
    """One office (a private copy of the test profile) and a temporary folder
    for the class; _make() makes the files the tests read. Both are gone
    afterwards, also when _make() fails."""
    TMP_PREFIX = "dealerkpi-group-"

    @classmethod
    def setUpClass(cls):
        from harness import profile_dir
        cls.tmp = tempfile.mkdtemp(prefix=cls.TMP_PREFIX)
        cls.office = Office(profile_dir()).__enter__()
        try:
            cls._make()
        except Exception:
            cls.office.close()
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def _make(cls):
        pass
