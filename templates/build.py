#!/usr/bin/python3
"""Builds the DealerKPI templates (.ots) from the modules in this folder.

    build.py --oxt FUNCTIONS_OXT --profile DIR --out DIR MODULE...

Starts a headless LibreOffice on a fresh profile with the functions-only
.oxt installed, runs MODULE.build() on a new Calc document for each module
and saves it as OUT/MODULE.ots. The office must know the add-in: without it,
LibreOffice would store the function names it does not know in lower case.
"""
import argparse
import importlib
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))

from office import Office, prepare_profile  # noqa: E402
import contract  # noqa: E402
import kit  # noqa: E402


def check_contract(name, module, doc, book):
    """The module and the document it laid out name the cells the contract names,
    with its number of cells, roles and value kinds (contract.toml)."""
    c = contract.load()
    c.check_module(name, module)
    c.check_named(name, contract.laid_out_cells(doc, book.laid_out))


def build_all(office, modules, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    kit.office_context = office.ctx
    for name in modules:
        started = time.time()
        module = importlib.import_module(name)
        doc = office.new_calc()
        try:
            book = kit.Book(doc, module.TITLE)
            module.build(book)
            check_contract(name, module, doc, book)
            book.stamp(name, getattr(module, "VERSION", 2))
            book.finish()
            doc.calculateAll()
            target = os.path.join(out_dir, name + ".ots")
            Office.save(doc, target, "calc8_template")
            book.write_views(target)
        finally:
            doc.close(True)
        print("built %s (%s) in %.1fs" % (target, module.TITLE, time.time() - started))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("modules", nargs="+")
    args = ap.parse_args()
    prepare_profile(args.oxt, args.profile)
    with Office(args.profile, copy=False) as office:
        build_all(office, args.modules, args.out)


if __name__ == "__main__":
    main()
