"""The .oxt itself: what it declares, that it carries no macros, and that it
installs and removes through the Extension Manager (the API behind Tools >
Extension Manager), with the functions working in between."""
import os
import shutil
import struct
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
OOR = "{http://openoffice.org/2001/registry}"


def methods_in_package():
    """The functions' method names as the .oxt's CalcAddIns.xcu declares them: the one
    place the help pages are generated from (test_wizard checks that list itself)."""
    root = ET.fromstring(zipfile.ZipFile(OXT).read("registry/CalcAddIns.xcu"))
    functions = next(n for n in root.iter("node") if n.get(OOR + "name") == "AddInFunctions")
    return [fn.get(OOR + "name") for fn in functions.findall("node")]


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
        self.assertEqual(set(names), {"zh-CN", "zh-TW", "en-US"})
        self.assertIn("DealerKPI", names["zh-CN"])
        self.assertIn("DealerKPI", names["en-US"])
        self.assertEqual(names["zh-TW"], "DealerKPI 經銷商績效函式與範本")
        publishers = root.findall(D + "publisher/" + D + "name")
        self.assertEqual({p.get("lang") for p in publishers}, {"zh-CN", "zh-TW", "en-US"})
        sources = {src.get("lang"): src.get(XLINK + "href")
                   for src in root.findall(D + "extension-description/" + D + "src")}
        self.assertEqual(set(sources), {"zh-CN", "zh-TW", "en-US"})
        for src in sources.values():
            self.assertIn(src, self.names)
        # The first paragraph of each description is one sentence saying what the extension does.
        first = {lang: self.zip.read(path).decode("utf-8").split("\n\n", 1)[0] for lang, path in sources.items()}
        self.assertTrue(first["en-US"].startswith("Adds to LibreOffice Calc seven functions"), first["en-US"])
        self.assertEqual(first["en-US"].count(". "), 0, first["en-US"])
        self.assertTrue(first["zh-CN"].startswith("为 LibreOffice Calc 增加七个") and first["zh-CN"].count("。") == 1)
        self.assertTrue(first["zh-TW"].startswith("為 LibreOffice Calc 增加七個") and first["zh-TW"].count("。") == 1)
        self.assertIn("績效", first["zh-TW"])
        licenses = root.findall(D + "registration/" + D + "simple-license/" + D + "license-text")
        self.assertEqual({lic.get("lang") for lic in licenses}, {"zh-CN", "en-US"})
        for lic in licenses:
            self.assertIn(lic.get(XLINK + "href"), self.names)

    def test_icons(self):
        root = ET.fromstring(self.zip.read("description.xml"))
        icons = {e.tag[len(D):]: e.get(XLINK + "href") for e in root.find(D + "icon")}
        self.assertEqual(icons, {"default": "icons/dealerkpi.png", "high-contrast": "icons/dealerkpi-hc.png"})
        for path in icons.values():
            data = self.zip.read(path)
            self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n", path)
            width, height = struct.unpack(">II", data[16:24])
            self.assertEqual((width, height), (42, 42), path)   # the Extension Manager's icon size
            self.assertLess(len(data), 4096, path)
        self.assertNotEqual(self.zip.read(icons["default"]), self.zip.read(icons["high-contrast"]))

    def test_help_pages(self):
        # One page per function in each language, all valid XML, and a contents tree
        # whose topics are exactly those pages.
        methods = methods_in_package()
        self.assertEqual(len(methods), 7, methods)
        for lang in ("en-US", "zh-CN", "zh-TW"):
            with self.subTest(lang=lang):
                pages = sorted(n for n in self.names
                               if n.startswith("help/%s/org.dealerkpi.calc/" % lang) and not n.endswith("/"))
                self.assertEqual(pages, ["help/%s/org.dealerkpi.calc/%s.xhp" % (lang, m) for m in sorted(methods)])
                for name in pages:
                    doc = ET.fromstring(self.zip.read(name))
                    self.assertEqual(doc.tag, "helpdocument")
                    self.assertEqual(doc.find("meta/topic/filename").text, name[len("help/" + lang):])
                    text = " ".join(p.text or "" for p in doc.iter("paragraph"))
                    self.assertTrue(all(p.get("xml-lang") == lang for p in doc.iter("paragraph")), name)
                    self.assertTrue(doc.find("body/bookmark/bookmark_value").text, name)
                    # Every function's page shows a worked example.
                    self.assertTrue([p for p in doc.iter("paragraph") if p.get("id", "").endswith("_example")
                                     and p.get("role") == "code" and (p.text or "").startswith("=")], name)
                    if lang != "en-US":
                        self.assertRegex(text, "[\u4e00-\u9fff]", name)
                tree = ET.fromstring(self.zip.read("help/%s/help.tree" % lang))
                topics = [t.get("id") for t in tree.iter("topic")]
                self.assertEqual(sorted(topics), ["org.dealerkpi.calc/org.dealerkpi.calc/%s.xhp" % m
                                                  for m in sorted(methods)])
        # Required and optional as Calc treats them (the IDL's types): the syntax line.
        page = ET.fromstring(self.zip.read("help/en-US/org.dealerkpi.calc/tieredBonus.xhp"))
        syntax = [p.text for p in page.iter("paragraph") if p.get("role") == "code"][0]
        self.assertEqual(syntax, "TIERED_BONUS(amount; thresholds; rates; [mode]; [cap]; [prior])")
        page = ET.fromstring(self.zip.read("help/en-US/org.dealerkpi.calc/kpiScore.xhp"))
        syntax = [p.text for p in page.iter("paragraph") if p.get("role") == "code"][0]
        self.assertEqual(syntax, "KPI_SCORE(actuals; targets; weights; [caps]; [gates]; [directions])")

    def test_manifest_lists_every_part_that_exists(self):
        root = ET.fromstring(self.zip.read("META-INF/manifest.xml"))
        entries = {e.get(M + "full-path"): e.get(M + "media-type") for e in root}
        self.assertEqual(entries, {
            "types/dealerkpi.rdb": "application/vnd.sun.star.uno-typelibrary;type=RDB",
            "lib/dealerkpi.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "registry/CalcAddIns.xcu": "application/vnd.sun.star.configuration-data",
            "Paths.xcu": "application/vnd.sun.star.configuration-data",
            "help": "application/vnd.sun.star.help",
            "types/group.rdb": "application/vnd.sun.star.uno-typelibrary;type=RDB",
            "lib/group.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "registry/Addons.xcu": "application/vnd.sun.star.configuration-data",
            "registry/Jobs.xcu": "application/vnd.sun.star.configuration-data",
        })
        for path in entries:
            self.assertTrue(path in self.names or any(n.startswith(path + "/") for n in self.names), path)
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


class HelpIndex(unittest.TestCase):
    """LibreOffice builds the help index of the pages when it installs the
    extension (the fixture profile has it installed): per language a jar of
    the pages and a keyword index pointing at each page's bookmark."""

    def test_index_built_on_install(self):
        import harness
        backend = os.path.join(harness.profile_dir(), "user", "uno_packages", "cache", "registry",
                               "com.sun.star.comp.deployment.help.PackageRegistryBackend")
        folders = [d for d in os.listdir(backend) if os.path.isdir(os.path.join(backend, d))]
        self.assertEqual(len(folders), 1, folders)
        methods = methods_in_package()
        self.assertEqual(len(methods), 7, methods)
        for lang in ("en-US", "zh-CN", "zh-TW"):
            with self.subTest(lang=lang):
                index = os.path.join(backend, folders[0], lang)
                with zipfile.ZipFile(os.path.join(index, "help.jar")) as jar:
                    self.assertEqual(sorted(jar.namelist()),
                                     ["org.dealerkpi.calc/%s.xhp" % m for m in sorted(methods)])
                with open(os.path.join(index, "help.key_"), "rb") as f:
                    keys = f.read()
                for m in methods:
                    self.assertIn(("org.dealerkpi.calc%%2F%s.xhp#bm_%s" % (m, m)).encode(), keys)
                self.assertIn(b"DealerKPI;FUNNEL_RATE", keys)


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
