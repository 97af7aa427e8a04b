"""The .oxt itself: what it declares, that it carries no macros, and that it
installs and removes through the Extension Manager (the API behind Tools >
Extension Manager), with the functions working in between."""
import os
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import uno
import unohelper
from com.sun.star.deployment import XPackage  # noqa: F401  (type check that the API is there)
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

from office import Office, file_url, prepare_profile

OXT = os.environ.get("DEALERKPI_OXT", os.path.join(os.path.dirname(__file__), "../../build/dealerkpi.oxt"))
D = "{http://openoffice.org/extensions/description/2006}"
LO = "{http://libreoffice.org/extensions/description/2011}"
XLINK = "{http://www.w3.org/1999/xlink}"
M = "{http://openoffice.org/2001/manifest}"


class PackageContents(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.zip = zipfile.ZipFile(OXT)
        cls.names = set(cls.zip.namelist())

    def test_description(self):
        root = ET.fromstring(self.zip.read("description.xml"))
        self.assertEqual(root.find(D + "identifier").get("value"), "org.dealerkpi.calc")
        self.assertRegex(root.find(D + "version").get("value"), r"^\d+\.\d+\.\d+$")
        self.assertEqual(root.find(D + "platform").get("value"), "linux_x86_64")
        minimal = root.find(D + "dependencies/" + LO + "LibreOffice-minimal-version")
        self.assertEqual(minimal.get("value"), "7.4")
        names = {n.get("lang"): n.text for n in root.findall(D + "display-name/" + D + "name")}
        self.assertEqual(set(names), {"zh-CN", "en-US"})
        self.assertIn("DealerKPI", names["zh-CN"])
        self.assertIn("DealerKPI", names["en-US"])
        publishers = root.findall(D + "publisher/" + D + "name")
        self.assertEqual({p.get("lang") for p in publishers}, {"zh-CN", "en-US"})
        for src in root.findall(D + "extension-description/" + D + "src"):
            self.assertIn(src.get(XLINK + "href"), self.names)
        licenses = root.findall(D + "registration/" + D + "simple-license/" + D + "license-text")
        self.assertEqual({lic.get("lang") for lic in licenses}, {"zh-CN", "en-US"})
        for lic in licenses:
            self.assertIn(lic.get(XLINK + "href"), self.names)

    def test_manifest_lists_every_part_that_exists(self):
        root = ET.fromstring(self.zip.read("META-INF/manifest.xml"))
        entries = {e.get(M + "full-path"): e.get(M + "media-type") for e in root}
        self.assertEqual(entries, {
            "types/dealerkpi.rdb": "application/vnd.sun.star.uno-typelibrary;type=RDB",
            "lib/dealerkpi.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "registry/CalcAddIns.xcu": "application/vnd.sun.star.configuration-data",
            "Paths.xcu": "application/vnd.sun.star.configuration-data",
            "types/group.rdb": "application/vnd.sun.star.uno-typelibrary;type=RDB",
            "lib/group.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "registry/Addons.xcu": "application/vnd.sun.star.configuration-data",
        })
        for path in entries:
            self.assertIn(path, self.names)
        self.assertIn("lib/dealerkpi.uno.so", self.names)
        self.assertIn("lib/dealerkpi_group.uno.so", self.names)

    def test_carries_every_template(self):
        cmake = open(os.path.join(os.path.dirname(__file__), "../../templates/CMakeLists.txt"), encoding="utf-8").read()
        listed = []
        for variable in ("DEALERKPI_TEMPLATES", "DEALERKPI_GROUP_TEMPLATES"):
            block = cmake.split("set(%s" % variable, 1)[1].split(")", 1)[0]
            listed += [w for w in block.split() if not w.startswith("#")]
        carried = sorted(n.rsplit("/", 1)[1][:-4] for n in self.names
                         if n.startswith("templates/DealerKPI/") and n.endswith(".ots"))
        self.assertEqual(carried, sorted(listed))

    def test_no_macros_or_scripts(self):
        for name in self.names:
            self.assertFalse(name.lower().endswith((".xba", ".xlb", ".py", ".js", ".bsh")), name)
            self.assertNotIn("basic/", name.lower())
        for name in self.names:
            if name.endswith(".ots"):
                with zipfile.ZipFile(self.zip.open(name)) as ots:
                    for inner in ots.namelist():
                        self.assertFalse(inner.startswith(("Basic/", "Scripts/")), "%s: %s" % (name, inner))
                    content = ots.read("content.xml")
                    self.assertNotIn(b"<office:script ", content)  # an empty <office:scripts/> is standard
                    self.assertNotIn(b"<script:event-listener", content)


class _Approve(unohelper.Base, XInteractionHandler):
    """Says yes to the license and every other question, as a user clicking OK."""

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.getContinuations():
            if continuation.queryInterface(approve):
                continuation.select()
                return


class _Environment(unohelper.Base, XCommandEnvironment, XProgressHandler):
    def getInteractionHandler(self):
        return _Approve()

    def getProgressHandler(self):
        return self

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class ExtensionManagerInstall(unittest.TestCase):
    """Installs into an empty profile the way Tools > Extension Manager does."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dealerkpi-em-")
        self.profile = os.path.join(self.tmp, "profile")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _evaluate(self, office, formula):
        doc = office.new_calc()
        try:
            cell = doc.Sheets.getByIndex(0).getCellRangeByName("A1")
            cell.setFormula(formula)
            doc.calculateAll()
            return cell.getString()
        finally:
            doc.close(True)

    def _manager(self, office):
        return office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")

    def test_add_use_remove(self):
        formula = "=FUNNEL_TARGET(100;0.8)"
        prepare_profile(None, self.profile)  # a plain profile, past its first-start restart
        with Office(self.profile, copy=False) as office:
            self.assertEqual(self._evaluate(office, formula), "#NAME?")
            manager = self._manager(office)
            package = manager.addExtension(file_url(OXT), (), "user", manager.createAbortChannel(), _Environment())
            self.assertEqual(package.getIdentifier().Value, "org.dealerkpi.calc")
        with Office(self.profile, copy=False) as office:  # restarted, as LibreOffice asks
            self.assertEqual(self._evaluate(office, formula), "125")
            manager = self._manager(office)
            ids = [p[0].getIdentifier().Value for p in manager.getAllExtensions(None, None) if p and p[0]]
            self.assertIn("org.dealerkpi.calc", ids)
            manager.removeExtension("org.dealerkpi.calc", "dealerkpi.oxt", "user", None, _Environment())
        with Office(self.profile, copy=False) as office:
            self.assertEqual(self._evaluate(office, formula), "#NAME?")
            manager = self._manager(office)
            ids = [p[i].getIdentifier().Value for p in manager.getAllExtensions(None, None) for i in range(len(p)) if p[i]]
            self.assertNotIn("org.dealerkpi.calc", ids)


if __name__ == "__main__":
    unittest.main(verbosity=2)
