"""Nothing that runs code besides the add-in's own library: no Basic, no
scripts, no script events, in the .oxt, in each .ots it carries, and in a file
saved with the five functions. Checked in the zip files and as LibreOffice
sees the documents (macro libraries and document events).
"""
import os
import re
import shutil
import tempfile
import unittest
import zipfile

import harness
from office import Office

# Anything that binds or carries code in an ODF package or an extension.
CODE_PARTS = re.compile(r"^(Basic|Scripts|Dialogs)/|\.(xba|xlb|xdl|py|js|bsh|java|class|jar)$", re.I)
CODE_MEDIA_TYPES = ("basic-library", "dialog-library", "framework-script", "script")
CODE_MARKERS = (b"vnd.sun.star.script:", b"macro://", b"vnd.sun.star.basic", b"<office:script ",
                b"<script:event-listener", b"<office:event-listeners", b"<ooo:script", b"<ooo:library")


def oxt_path():
    build = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
    return os.environ.get("DEALERKPI_OXT", os.path.join(build, "dealerkpi.oxt"))


class ZipChecks:

    def assertNoCode(self, zf, label):
        for name in zf.namelist():
            self.assertIsNone(CODE_PARTS.search(name), "%s: %s" % (label, name))
            if name.endswith((".xml", ".xcu", ".xcs", ".components", ".rdf", ".txt")):
                data = zf.read(name)
                for marker in CODE_MARKERS:
                    self.assertNotIn(marker, data, "%s: %s" % (label, name))
        manifest = zf.read("META-INF/manifest.xml").decode("utf-8")
        for media_type in re.findall(r'media-type="([^"]*)"', manifest):
            self.assertFalse(any(media_type.endswith(t) or "." + t in media_type for t in CODE_MEDIA_TYPES),
                             "%s: %s" % (label, media_type))


class PackageHasNoCode(ZipChecks, unittest.TestCase):

    def test_oxt_and_its_templates(self):
        with zipfile.ZipFile(oxt_path()) as oxt:
            self.assertNoCode(oxt, "dealerkpi.oxt")
            libraries = [n for n in oxt.namelist() if n.endswith((".so", ".dll", ".dylib"))]
            self.assertEqual(sorted(libraries), ["lib/dealerkpi.uno.so", "lib/dealerkpi_group.uno.so"])
            templates = [n for n in oxt.namelist() if n.endswith(".ots")]
            self.assertTrue(templates)
            for name in templates:
                with zipfile.ZipFile(oxt.open(name)) as ots:
                    self.assertNoCode(ots, name)


class DocumentsHaveNoMacros(ZipChecks, harness.OfficeTestCase):
    """As LibreOffice sees them: no module in any macro library, no script
    bound to a document event."""

    def assertNoMacros(self, doc, label):
        for container in (doc.BasicLibraries, doc.DialogLibraries):
            for library in container.getElementNames():
                container.loadLibrary(library)
                self.assertEqual(container.getByName(library).getElementNames(), (), "%s: %s" % (label, library))
        events = doc.getEvents()
        for event in events.getElementNames():
            bound = {p.Name: p.Value for p in events.getByName(event) or ()}
            self.assertFalse(bound.get("Script") or bound.get("MacroName"), "%s: %s" % (label, event))

    def test_templates(self):
        folder = tempfile.mkdtemp(prefix="dealerkpi-ots-")
        try:
            with zipfile.ZipFile(oxt_path()) as oxt:
                names = [n for n in oxt.namelist() if n.endswith(".ots")]
                for name in names:
                    path = os.path.join(folder, os.path.basename(name))
                    with open(path, "wb") as out:
                        out.write(oxt.read(name))
                    doc = self.office.load(path, as_template=True)
                    try:
                        self.assertNoMacros(doc, name)
                    finally:
                        doc.close(True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def test_file_saved_with_the_functions(self):
        self.put("A1", "=FUNNEL_RATE(708;4146)")
        self.put("A2", "=TIERED_BONUS(150000;{0|100000|120000};{0.02|0.03|0.04})")
        self.put("A3", "=WORKSHOP_EFFICIENCY(8775;9000;12000)")
        self.put("A4", "=TARGET_SPLIT(330;{100;70;115};0;1)")
        self.put("A5", "=PAYOUT_CURVE(0.9;{0.75|1|1.5};{0.5|1|3})")
        self.put("A6", "=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};1.2;;{0;0;1})")
        self.cell("B1:B3").setArrayFormula("=FUNNEL_TARGET(100;{0.8|0.33|0.3};1)")
        self.doc.calculateAll()
        path = os.path.join(self.tmp, "functions.ods")
        Office.save(self.doc, path, "calc8")
        with zipfile.ZipFile(path) as ods:
            self.assertNoCode(ods, "functions.ods")
            self.assertIn(b"of:=ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(708;4146)", ods.read("content.xml"))
        doc = self.office.load(path)
        try:
            self.assertNoMacros(doc, "functions.ods")
            self.assertEqual(doc.Sheets.getByIndex(0).getCellRangeByName("A2").getValue(), 3800)
        finally:
            doc.close(True)


if __name__ == "__main__":
    harness.main()
