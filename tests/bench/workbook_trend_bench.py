#!/usr/bin/python3
"""The group's 12-month trend read from 12 monthly group workbooks (集团汇总) through a
headless LibreOffice, printed beside the same trend read from the group's store.

    /usr/bin/python3 tests/bench/workbook_trend_bench.py --oxt build/dealerkpi.oxt \\
        [--build-dir build] [--dealers 500] [--to 2026-12] [--rounds 3] \\
        [--store SQLite=FILE] [--store PostgreSQL=FILE | --store "PostgreSQL=skipped: why"]

The workbooks hold the figures tests/bench/store_bench.cxx types into the store (the same
dealers, months and values): one per month, 500 strategy tables on 汇总 and 500 workshop
tables on 售后汇总, written by the group service's own roll-up writer (writeRollup, the
code behind `dealerkpi-group rollup` and the menu) from records as readDealerFile makes
them. They are made once and kept in <build>/bench/group-workbooks-<dealers>-<to>.

Timed, in one office started beforehand (its start not counted), median of --rounds:
every workbook opened (hidden, read-only, macros off), its 汇总 and 售后汇总 read in one
call each, closed; then the trend worked out of the rows: the group's monthly sums and
pooled rates, month on month, year to date, and per dealer the period's sum, pooled rate
and rank (the contract's [trend.*] measures). Those figures are checked against the same
figures worked out from what was typed. Year on year would need the 12 workbooks of the
year before too (the store's trend reads them); they are not read here, so the office's
time is the lower bound of what the same trend costs that way.

--store NAME=FILE: a file store_bench --times wrote; its status and trend are printed
beside the workbooks' read, with PASS/MISS against the goal (< 2 s each) and the ratio;
--store "NAME=skipped: why" prints why that store was not timed.
Exit status 1 when a figure differs or a store missed a goal.
"""
import argparse
import os
import shutil
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE, "scripts"))
sys.path.insert(0, os.path.join(SOURCE, "templates"))

import contract  # noqa: E402

GOAL_S = 2.0
FIRST_MONTH = "2024-01"  # store_bench's first month: its month index m counts from here
STRATEGY, WORKSHOP = "strategy_table", "workshop_targets"
LAYOUT = 1  # bump when the workbooks' content changes: kept workbooks are made again


def month_add(month, n):
    y, m = int(month[:4]), int(month[5:7]) - 1 + n
    return "%04d-%02d" % (y + m // 12, m % 12 + 1)


def month_index(month):
    return (int(month[:4]) - int(FIRST_MONTH[:4])) * 12 + int(month[5:7]) - 1


# -- what store_bench types (tests/bench/store_bench.cxx strategy() and workshop()) --------
def strategy(d, m):
    delivered = 40 + d % 60 + m % 7
    return {"交车数_目标": 50.0 + d % 60, "订单交车率_目标": 0.8, "报价订单率_目标": 0.4, "进店线索报价率_目标": 0.5,
            "交车数_实际": float(delivered), "订单数_实际": delivered + 10.0, "报价数_实际": 2.0 * delivered + 30,
            "进店线索数_实际": 4.0 * delivered + 70, "线索数_实际": 12.0 * delivered + 200}


def workshop(d, m):
    return {"售后产值目标": 5e6 + d * 1000.0, "可售工时": [8000.0 + d + t for t in range(3)],
            "生产工时": [6000.0 + d + m % 5] * 3, "销售工时": [5000.0 + d + m % 3] * 3}


def dealer(d):
    return "D%d" % (1000 + d), "经销商%d" % d


def typed_rows(dealers, month, trades):
    """{kind: [(dealer name, {column title of 集团汇总: value})]} as the workbook's rows would hold them."""
    m = month_index(month)
    rows = {STRATEGY: [], WORKSHOP: []}
    for d in range(dealers):
        name = dealer(d)[1]
        rows[STRATEGY].append((name, strategy(d, m)))
        flat = {}
        for k, v in workshop(d, m).items():
            flat.update({"%s_%s" % (k, t): x for t, x in zip(trades, v)} if isinstance(v, list) else {k: v})
        rows[WORKSHOP].append((name, flat))
    return rows


# -- the trend out of rows (group/store/trend.cxx's arithmetic, by the contract) ----------
def row_sums(t, row, trades):
    out = {}
    for name, cell, per_trade in t.sums:
        cols = ["%s_%s" % (cell, tr) for tr in trades] if per_trade else [cell]
        vals = [row.get(c) for c in cols]
        if all(isinstance(v, float) for v in vals):
            out[name] = sum(vals)
    return out


def rates(c, sums):
    return {r.name: sums[r.actual] / sums[r.base] for t in c.trend.values() for r in t.rates
            if r.actual in sums and sums.get(r.base, 0) > 0}


def add_to(into, sums):
    for k, v in sums.items():
        into[k] = into.get(k, 0.0) + v


def changes(now, earlier):
    out = {k: v / earlier["sum"][k] - 1 for k, v in now["sum"].items() if earlier["sum"].get(k)}
    out.update({k: v - earlier["rate"][k] for k, v in now["rate"].items() if k in earlier["rate"]})
    return out


def trend_of(c, by_month):
    """by_month: {month: {kind: [(dealer, row)]}} -> the trend's figures as plain data."""
    trades = c.trades
    months, dealers = {}, {kind: {} for kind in c.trend}
    for month in sorted(by_month):
        g = {"taken": {}, "sum": {}}
        for kind, rows in by_month[month].items():
            t = c.trend[kind]
            g["taken"][kind] = len(rows)
            for name, row in rows:
                sums = row_sums(t, row, trades)
                add_to(g["sum"], sums)
                add_to(dealers[kind].setdefault(name, {}), sums)
        g["rate"] = rates(c, g["sum"])
        months[month] = g
    for month, g in months.items():
        earlier = months.get(month_add(month, -1))
        g["mom"] = changes(g, earlier) if earlier else {}
        ytd = {}
        for k in (m for m in months if m[:4] == month[:4] and m <= month):
            add_to(ytd, months[k]["sum"])
        g["ytd"] = {**ytd, **rates(c, ytd)}
    ranked = {}
    for kind, by_dealer in dealers.items():
        measure = c.trend[kind].dealer
        period = {n: (s.get(measure["count"]), rates(c, s).get(measure["rate"])) for n, s in by_dealer.items()}
        order = sorted(period, key=lambda n: (-(period[n][1] if period[n][1] is not None else -1), n))
        ranked[kind] = {n: (i + 1,) + period[n] for i, n in enumerate(order)}
    return {"months": months, "dealers": ranked}


# -- the workbooks ------------------------------------------------------------------------
def records(uno, month, dealers):
    """The month's dealer files as readDealerFile records them (no problems, stamped)."""
    from com.sun.star.beans import NamedValue
    from office import file_url
    m, out = month_index(month), []
    for d in range(dealers):
        code, name = dealer(d)
        for kind, values in ((STRATEGY, strategy(d, m)), (WORKSHOP, workshop(d, m))):
            f = uno.createUnoStruct("org.dealerkpi.group.DealerFile")
            f.Url = file_url("/回收/%s/%s_%s_%s.ods" % (month, code, name, kind))
            f.Kind, f.Version, f.Dealer, f.Month, f.Code, f.Issue = kind, 2, name, month, code, "bench-" + month
            f.Values = tuple(NamedValue(k, uno.Any("[]double", tuple(v)) if isinstance(v, list) else v)
                             for k, v in values.items())
            out.append(f)
    return out


def make_workbooks(uno, office, folder, months, dealers):
    """The months' group workbooks through the service's roll-up writer, made once."""
    from office import file_url
    stamp = os.path.join(folder, ".complete-%d" % LAYOUT)
    paths = [os.path.join(folder, "集团汇总_%s.ods" % m) for m in months]
    if os.path.exists(stamp):
        return paths, None
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    wf = office.service("org.dealerkpi.group.Workflow")
    t = time.perf_counter()
    for month, path in zip(months, paths):
        result = wf.writeRollup(tuple(records(uno, month, dealers)), month, file_url(path), True)
        if (result.TakenStrategy, result.TakenWorkshop, result.NotTaken) != (dealers, dealers, 0):
            raise RuntimeError("writeRollup %s took %d + %d, refused %d" % (
                month, result.TakenStrategy, result.TakenWorkshop, result.NotTaken))
    open(stamp, "w").close()
    return paths, time.perf_counter() - t


def sheet_rows(sheet):
    """(dealer, {title: value}) of every dealer row under the header row (经销商), 集团合计 excluded."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.RangeAddress
    data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
    top = next(i for i, r in enumerate(data) if "经销商" in r[:3])
    titles = data[top]
    at = titles.index("经销商")
    return [(r[at], dict(zip(titles, r))) for r in data[top + 1:] if r[at] and r[at] != "集团合计"]


def read_workbooks(office, c, paths, months):
    """{month: {kind: rows}} of the workbooks, opened one after the other and closed."""
    from office import file_url, props
    load = props(Hidden=True, ReadOnly=True, MacroExecutionMode=0, UpdateDocMode=0)
    sheets = {kind: c.templates[kind].rollup_sheet for kind in c.trend}
    out = {}
    for month, path in zip(months, paths):
        doc = office.desktop.loadComponentFromURL(file_url(path), "_blank", 0, load)
        try:
            out[month] = {kind: sheet_rows(doc.Sheets.getByName(name)) for kind, name in sheets.items()}
        finally:
            doc.close(True)
    return out


def cpu_of(pid):
    """User + system seconds of a process so far (/proc)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_reads(office, c, paths, months, rounds, want):
    """Median wall, office CPU and this process's CPU of reading the workbooks and working
    the trend out; whether every round's figures equal `want`; the last round's trend."""
    wall, office_cpu, own_cpu, same = [], [], [], True
    pid = office.soffice_pid()
    for _ in range(rounds):
        t, o, p = time.perf_counter(), cpu_of(pid), time.process_time()
        got = trend_of(c, read_workbooks(office, c, paths, months))
        wall.append(time.perf_counter() - t)
        office_cpu.append(cpu_of(pid) - o)
        own_cpu.append(time.process_time() - p)
        same = same and got == want
    return statistics.median(wall), statistics.median(office_cpu), statistics.median(own_cpu), same, got


# -- the report ---------------------------------------------------------------------------
def store_times(specs):
    """[(name, {status, trend, trend_cpu, same, dealers, months, figures} or the reason it was
    not timed)] of --store; figures: {(sum|rate|mom|ytd, month, name): value} of the store's trend."""
    out = []
    for spec in specs:
        name, _, what = spec.partition("=")
        if what.startswith("skipped"):
            out.append((name, what))
            continue
        if not os.path.isfile(what):
            out.append((name, "no times written (the run failed, see above)"))
            continue
        t = {"figures": {}}
        with open(what, encoding="utf-8") as f:
            for line in f:
                w = line.split()
                if w and w[0] == "figure":
                    t["figures"][tuple(w[1:4])] = float(w[4])
                elif w:
                    t[w[0]] = float(w[1])
        out.append((name, t))
    return out


def against_store(got, figures, months):
    """How many of the store's monthly figures the workbooks' trend was checked against, and
    those that differ (month on month of the first month is the store's only: the workbook
    of the month before is not read)."""
    compared, differ = 0, []
    for (part, month, name), v in sorted(figures.items()):
        if month not in months or (part == "mom" and month == months[0]):
            continue
        compared += 1
        mine = got["months"][month][part].get(name)
        if mine != v:
            differ.append("%s %s %s: store %r, workbooks %r" % (part, month, name, v, mine))
    mine = sum(len(got["months"][m][p]) for m in months for p in ("sum", "rate", "ytd", "mom"))
    if mine != compared:
        differ.append("the workbooks give %d monthly figures, the store %d" % (mine, compared))
    return compared, differ


def verdict(seconds):
    return "PASS" if seconds < GOAL_S else "MISS"


def store_rows(name, t, last):
    """The table's rows of one store; whether it met its goals with the typed figures."""
    if not isinstance(t, dict):
        print("| store, %s | – | – | not timed: %s |" % (name, t))
        return True
    print("| store, %s: `status %s` | %.3f | – | %s |" % (name, last, t["status"], verdict(t["status"])))
    print("| store, %s: trend (24 months read, year on year included)%s | %.3f | %.3f%s | %s |" % (
        name, "" if t.get("same") == 1 else ", FIGURES DIFFER", t["trend"], t["trend_cpu"],
        " (client; server apart)" if t.get("server_cpu_apart") else "", verdict(t["trend"])))
    return t["status"] < GOAL_S and t["trend"] < GOAL_S and t.get("same") == 1


def side_by_side(a, months, name, t, office_read):
    """The line comparing one store's trend with the workbooks'; whether the figures agree."""
    wall, office_cpu, own_cpu, _, got = office_read
    if (t.get("dealers"), t.get("months")) != (a.dealers, month_index(a.to) + 1):
        print("- store (%s): another store (%s dealers, %s months), not compared." % (
            name, t.get("dealers"), t.get("months")))
        return False
    compared, differ = against_store(got, t["figures"], months)
    cpu = "the server's CPU not measured" if t.get("server_cpu_apart") else "%.0fx less CPU" % (
        (office_cpu + own_cpu) / max(t["trend_cpu"], 1e-6))
    print("- trend %s..%s: store (%s) %.3f s, 12 workbooks through the office %.3f s: the store %.0fx faster "
          "(wall), %s; the workbooks' %d monthly figures (sums, pooled rates, month on month, year to date) "
          "against the store's: %s." % (
              months[0], months[-1], name, t["trend"], wall, wall / t["trend"], cpu, compared,
              "identical" if not differ else "%d DIFFER (%s)" % (len(differ), "; ".join(differ[:3]))))
    return not differ


def report(a, months, stores, office_read, made, started, version):
    wall, office_cpu, own_cpu, same, _ = office_read
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    print("## The 12-month trend: the store against the group workbooks through the office")
    print()
    print("%d dealers x 2 templates, %s..%s; load average now %s (2 cores shared: wall times are several times "
          "an idle machine's, CPU times less so)." % (a.dealers, months[0], months[-1], load))
    print()
    print("| read | wall s | CPU s | goal < %g s |" % GOAL_S)
    print("|---|---:|---:|---|")
    ok = all([store_rows(name, t, months[-1]) for name, t in stores])
    print("| 12 集团汇总 workbooks through LibreOffice %s: open, read 汇总 and 售后汇总, close; trend worked out%s | "
          "%.3f | %.3f office + %.3f script | (none: the alternative) |" % (
              version, "" if same else ", FIGURES DIFFER", wall, office_cpu, own_cpu))
    print()
    ok = all([side_by_side(a, months, name, t, office_read) for name, t in stores if isinstance(t, dict)]) and ok
    print("- the workbooks' trend, each dealer's period and rank included, against the one worked out from what "
          "was typed: %s." % ("identical" if same else "DIFFER"))
    print("- the office's start (%.1f s) is not counted; %s; median of %d round%s." % (
        started, "workbooks made by writeRollup in %.0f s" % made if made is not None else "workbooks kept from "
        "an earlier run", a.rounds, "" if a.rounds == 1 else "s"))
    return ok and same


def import_uno(build_dir):
    """`uno` with the group service's types (group.rdb) known to this process only: the
    office started afterwards must not inherit UNO_TYPES (see tests/integration)."""
    program = "file://%s/" % os.environ.get("LO_PROGRAM_DIR", "/usr/lib/libreoffice/program").rstrip("/")
    os.environ["UNO_TYPES"] = "%stypes.rdb %stypes/offapi.rdb file://%s" % (
        program, program, os.path.join(os.path.abspath(build_dir), "group.rdb"))
    import uno
    del os.environ["UNO_TYPES"]
    return uno


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--build-dir", default=os.path.join(SOURCE, "build"))
    ap.add_argument("--dealers", type=int, default=500)
    ap.add_argument("--to", default="2026-12", help="the trend's last month (store_bench's 36th: 2026-12)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--store", action="append", default=[], metavar="NAME=FILE")
    a = ap.parse_args()
    uno = import_uno(a.build_dir)
    from office import Office, prepare_profile, profile_folder

    c = contract.load()
    months = [month_add(a.to, i) for i in range(-11, 1)]
    want = trend_of(c, {m: typed_rows(a.dealers, m, c.trades) for m in months})
    folder = os.path.join(os.path.abspath(a.build_dir), "bench", "group-workbooks-%d-%s" % (a.dealers, a.to))
    work = profile_folder("dealerkpi-workbook-bench-")
    try:
        profile = prepare_profile(a.oxt, os.path.join(work, "profile"))
        with Office(profile) as office:
            paths, made = make_workbooks(uno, office, folder, months, a.dealers)
        t = time.perf_counter()
        with Office(profile) as office:  # a fresh office: nothing of the workbooks cached in it
            started = time.perf_counter() - t
            read = timed_reads(office, c, paths, months, max(1, a.rounds), want)
            version = office.version()
        ok = report(a, months, store_times(a.store), read, made, started, version)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
