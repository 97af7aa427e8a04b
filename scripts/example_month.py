#!/usr/bin/python3
"""Writes the example month: every DealerKPI template filled with its example
figures (the seed documents' month, or a worked example where the seeds have
none), saved as .ods, with a few computed figures printed.

    example_month.py --oxt build/dealerkpi.oxt --templates build/templates/ots --out DIR

The documents are computed in a private headless LibreOffice with the .oxt
installed; they open in any LibreOffice that has DealerKPI installed.
"""
import argparse
import importlib
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "templates"))

from office import Office, enter, prepare_profile, profile_folder  # noqa: E402
import kit  # noqa: E402


def template_modules():
    """Template modules in the order the build lists them."""
    cmake = open(os.path.join(HERE, "..", "templates", "CMakeLists.txt"), encoding="utf-8").read()
    block = cmake.split("set(DEALERKPI_TEMPLATES", 1)[1].split(")", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def fill(doc, example):
    for sheet_name, cells in example.items():
        sheet = doc.Sheets.getByName(sheet_name)
        for name, value in cells.items():
            enter(sheet.getCellRangeByName(name), value)
    doc.calculateAll()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--templates", required=True, help="folder of the built .ots files")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    tmp = profile_folder("dealerkpi-example-")
    try:
        profile = prepare_profile(args.oxt, os.path.join(tmp, "profile"))
        with Office(profile, copy=False) as office:
            for name in template_modules():
                module = importlib.import_module(name)
                doc = office.load(os.path.join(args.templates, name + ".ots"), as_template=True)
                try:
                    # the example as a dealer enters it (the strategy table: the months typed
                    # once into 年度数据 and the month chosen)
                    fill(doc, getattr(module, "DEALER_EXAMPLE", module.EXAMPLE))
                    # a chart over every row a user may fill plots the rows the example uses
                    kit.fit_charts_to_rows(doc, getattr(module, "ROW_CHARTS", ()))
                    target = os.path.join(args.out, module.TITLE + ".ods")
                    Office.save(doc, target, "calc8")
                    # frozen headings and the cursor on the first input, as the template has them
                    kit.copy_views(os.path.join(args.templates, name + ".ots"), target)
                    print("\n%s\n  %s" % (module.TITLE, target))
                    for sheet, cell, label in getattr(module, "HIGHLIGHTS", ()):
                        shown = doc.Sheets.getByName(sheet).getCellRangeByName(cell).getString()
                        print("  %-28s %s" % (label, shown))
                    for i in range(doc.Sheets.Count):
                        sheet = doc.Sheets.getByIndex(i)
                        if sheet.Charts.Count:
                            print("  %-28s %s" % ("图表（%s）" % sheet.Name, "、".join(sheet.Charts.ElementNames)))
                finally:
                    doc.close(True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\nOpen the files above in LibreOffice Calc, or start a new month from "
          "File > New > Templates > DealerKPI.")


if __name__ == "__main__":
    main()
