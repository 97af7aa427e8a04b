"""The Function Wizard texts of the functions, as a real office shows
them: through com.sun.star.sheet.FunctionDescriptions (the data the wizard
and the formula tooltips use) in an English office and in an office whose
user interface is Simplified Chinese, and through the configuration API
with an explicit zh-CN locale.

Argument names are written out here; descriptions must be non-empty and
equal to CalcAddIns.xcu for the language.
"""
import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import harness
import uno
from com.sun.star.beans import PropertyValue
from office import Office

XCU = os.path.join(os.environ.get("DEALERKPI_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")),
                   "addin", "registry", "CalcAddIns.xcu")
OOR = "{http://openoffice.org/2001/registry}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ADDIN_CATEGORY = uno.getConstantByName("com.sun.star.sheet.FunctionCategory.ADDIN")
SERVICE = "org.dealerkpi.calc.Functions"

# method -> (name shown, English argument names, Chinese argument names)
FUNCTIONS = {
    "funnelRate": ("FUNNEL_RATE", ["converted", "entered", "method"], ["转化数", "基数", "计算方式"]),
    "funnelTarget": ("FUNNEL_TARGET", ["target", "rates", "rounding"], ["目标", "转化率", "取整方式"]),
    "targetSplit": ("TARGET_SPLIT", ["total", "weights", "decimals", "part"], ["总目标", "权重", "小数位数", "序号"]),
    "tieredBonus": ("TIERED_BONUS", ["amount", "thresholds", "rates", "mode", "cap", "prior"],
                    ["业绩", "档位下限", "比例或金额", "计算方式", "封顶", "已计业绩"]),
    "workshopEfficiency": ("WORKSHOP_EFFICIENCY", ["sold_hours", "worked_hours", "available_hours", "measure"],
                           ["销售工时", "生产工时", "可售工时", "指标"]),
    "payoutCurve": ("PAYOUT_CURVE", ["attainment", "points", "payouts", "beyond"],
                    ["达成率", "达成率节点", "系数", "超出部分"]),
    "kpiScore": ("KPI_SCORE", ["actuals", "targets", "weights", "caps", "gates", "directions"],
                 ["实际值", "目标值", "权重", "封顶", "门槛", "方向"]),
}
# Functions with Traditional Chinese texts, and their argument names in it.
TRADITIONAL = {
    "payoutCurve": ["達成率", "達成率節點", "係數", "超出部分"],
    "kpiScore": ["實際值", "目標值", "權重", "封頂", "門檻", "方向"],
}
CJK = re.compile("[\u4e00-\u9fff]")


OXT = os.environ.get("DEALERKPI_OXT", os.path.join(os.path.dirname(__file__), "..", "..", "build", "dealerkpi.oxt"))
# Parameters a user must give (every call needs them); the others are optional.
REQUIRED = {
    "funnelRate": ["converted", "entered"],
    "funnelTarget": ["target", "rates"],
    "targetSplit": ["total", "weights"],
    "tieredBonus": ["amount", "thresholds", "rates"],
    "workshopEfficiency": ["soldHours", "workedHours", "availableHours"],
    "payoutCurve": ["attainment", "points", "payouts"],
    "kpiScore": ["actuals", "targets", "weights"],
}


def xcu_texts(lang, source=None):
    """{method: (description, [(argument name, description)])} for `lang`, from
    CalcAddIns.xcu in the source tree or (source="package") in the built .oxt."""
    def text(node, prop):
        for p in node.findall("prop"):
            if p.get(OOR + "name") == prop:
                for v in p.findall("value"):
                    if v.get(LANG) == lang:
                        return v.text
        return None

    if source == "package":
        root = ET.fromstring(zipfile.ZipFile(OXT).read("registry/CalcAddIns.xcu"))
    else:
        root = ET.parse(XCU).getroot()
    out = {}
    for fn in root.iter("node"):
        if fn.get(OOR + "name") not in FUNCTIONS:
            continue
        params = next(n for n in fn.findall("node") if n.get(OOR + "name") == "Parameters")
        out[fn.get(OOR + "name")] = (text(fn, "Description"),
                                     [(text(p, "DisplayName"), text(p, "Description")) for p in params.findall("node")])
    return out


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class WizardChecks:
    """Shared checks; subclasses say which language the office speaks."""

    LANG = None
    ARG_NAMES = None  # index into FUNCTIONS' tuples: 1 English, 2 Chinese

    def descriptions(self):
        """{name shown: {property: value}} of the DealerKPI functions."""
        fd = self.office.service("com.sun.star.sheet.FunctionDescriptions")
        shown = {name for name, _, _ in FUNCTIONS.values()}
        out = {}
        for i in range(fd.getCount()):
            d = {p.Name: p.Value for p in fd.getByIndex(i)}
            if d["Name"] in shown:
                out[d["Name"]] = d
        return out

    SOURCE = None  # where the expected texts are read: the source tree or "package"

    def test_every_function_is_described(self):
        expected = xcu_texts(self.LANG, self.SOURCE)
        found = self.descriptions()
        self.assertEqual(sorted(found), sorted(name for name, _, _ in FUNCTIONS.values()))
        for method, spec in FUNCTIONS.items():
            name = spec[0]
            names = spec[self.ARG_NAMES] if self.ARG_NAMES else [n for n, _ in expected[method][1]]
            with self.subTest(function=name):
                d = found[name]
                self.assertEqual(d["Category"], ADDIN_CATEGORY)
                self.assertTrue(d["Description"].strip())
                self.assertEqual(d["Description"], expected[method][0])
                self.assertEqual([a.Name for a in d["Arguments"]], names)
                self.assertEqual([a.Name for a in d["Arguments"]], [n for n, _ in expected[method][1]])
                for arg, (_, text) in zip(d["Arguments"], expected[method][1]):
                    self.assertTrue(arg.Description.strip(), arg.Name)
                    self.assertEqual(arg.Description, text, arg.Name)

    def test_required_arguments_are_not_optional(self):
        # The wizard marks an argument "(optional)" exactly when Calc lets it be
        # left out: the parameters typed any. The ranges and hours are required.
        found = self.descriptions()
        for method, spec in FUNCTIONS.items():
            with self.subTest(function=spec[0]):
                optional = [a.IsOptional for a in found[spec[0]]["Arguments"]]
                required = len(REQUIRED[method])
                self.assertEqual(optional, [False] * required + [True] * (len(optional) - required))

    def test_name_is_the_same_in_the_formula_bar(self):
        c = self.cell("A1")
        c.setFormula("=WORKSHOP_EFFICIENCY(8775;9000;12000)")
        self.doc.calculateAll()
        self.assertTrue(c.FormulaLocal.startswith("=WORKSHOP_EFFICIENCY(8775"), c.FormulaLocal)
        self.assertEqual(c.getValue(), 0.73125)


class EnglishWizard(WizardChecks, harness.OfficeTestCase):
    LANG = "en-US"
    ARG_NAMES = 1

    def test_descriptions_are_english(self):
        for name, d in self.descriptions().items():
            self.assertIsNone(CJK.search(d["Description"]), name)

    def config(self, locale=None):
        args = [prop("nodepath", "/org.openoffice.Office.CalcAddIns/AddInInfo/%s/AddInFunctions" % SERVICE)]
        if locale:
            args.append(prop("Locale", locale))
        provider = self.office.service("com.sun.star.configuration.ConfigurationProvider")
        return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", tuple(args))

    def test_configuration_in_both_languages(self):
        # The installed extension's configuration data, read per locale.
        for locale, index in (("en-US", 1), ("zh-CN", 2)):
            functions = self.config(locale)
            self.assertEqual(sorted(functions.getElementNames()), sorted(FUNCTIONS))
            expected = xcu_texts(locale)
            for method, spec in FUNCTIONS.items():
                with self.subTest(locale=locale, function=method):
                    fn = functions.getByName(method)
                    self.assertEqual(fn.getByName("Category"), "Add-In")
                    self.assertEqual(fn.getByName("DisplayName"), spec[0])
                    self.assertEqual(fn.getByName("Description"), expected[method][0])
                    params = fn.getByName("Parameters")
                    shown = [params.getByName(p).getByName("DisplayName") for p in params.getElementNames()]
                    self.assertEqual(sorted(shown), sorted(spec[index]))
                    for p in params.getElementNames():
                        text = params.getByName(p).getByName("Description")
                        self.assertTrue(text.strip(), p)
                        self.assertEqual(locale == "zh-CN", bool(CJK.search(text)), p)

    def test_configuration_in_traditional_chinese(self):
        functions = self.config("zh-TW")
        simplified = xcu_texts("zh-CN")
        expected = xcu_texts("zh-TW")
        for method, names in TRADITIONAL.items():
            with self.subTest(function=method):
                fn = functions.getByName(method)
                self.assertEqual(fn.getByName("DisplayName"), FUNCTIONS[method][0])
                self.assertEqual(fn.getByName("Description"), expected[method][0])
                self.assertNotEqual(fn.getByName("Description"), simplified[method][0])
                params = fn.getByName("Parameters")
                shown = [params.getByName(p).getByName("DisplayName") for p in params.getElementNames()]
                self.assertEqual(sorted(shown), sorted(names))
                for p, (_, text) in zip(FUNCTIONS[method][1], expected[method][1]):
                    self.assertTrue(CJK.search(text), p)

    def test_english_compatibility_names(self):
        functions = self.config("en-US")
        for method, spec in FUNCTIONS.items():
            self.assertEqual(functions.getByName(method).getByName("CompatibilityName"), spec[0])


class ChineseWizard(WizardChecks, harness.OfficeTestCase):
    """An office whose UI language is zh-CN. Debian's LibreOffice has no
    Chinese language pack installed here, so the profile copy declares zh-CN
    installed and chooses it; the menus stay English, but Calc reads the
    add-in's texts for zh-CN exactly as in a Chinese installation."""

    LANG = "zh-CN"
    ARG_NAMES = 2
    SOURCE = None

    @classmethod
    def setUpClass(cls):
        cls.zh_dir = tempfile.mkdtemp(prefix="dealerkpi-zh-")
        profile = os.path.join(cls.zh_dir, "profile")
        shutil.copytree(harness.profile_dir(), profile, symlinks=True)
        reg = os.path.join(profile, "user", "registrymodifications.xcu")
        with open(reg, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r'<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale"[^\n]*</item>\n?',
                      "", text)
        items = ('<item oor:path="/org.openoffice.Setup/Office/InstalledLocales">'
                 '<node oor:name="%(lang)s" oor:op="replace"><prop oor:name="Origin" oor:op="fuse">'
                 '<value>DealerKPI tests</value></prop></node></item>\n'
                 '<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse">'
                 '<value>%(lang)s</value></prop></item>\n'
                 '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse">'
                 '<value>%(lang)s</value></prop></item>\n') % {"lang": cls.LANG}
        assert "</oor:items>" in text
        with open(reg, "w", encoding="utf-8") as f:
            f.write(text.replace("</oor:items>", items + "</oor:items>"))
        cls.office = Office(profile, copy=False).__enter__()
        cls.tmp = tempfile.mkdtemp(prefix="dealerkpi-test-")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.zh_dir, ignore_errors=True)

    def test_office_speaks_chinese(self):
        provider = self.office.service("com.sun.star.configuration.ConfigurationProvider")
        l10n = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                    (prop("nodepath", "/org.openoffice.Setup/L10N"),))
        self.assertEqual(l10n.getByName("ooLocale"), self.LANG)

    def test_descriptions_are_chinese(self):
        for name, d in self.descriptions().items():
            self.assertIsNotNone(CJK.search(d["Description"]), name)
            for arg in d["Arguments"]:
                self.assertIsNotNone(CJK.search(arg.Description), "%s %s" % (name, arg.Name))


class TraditionalChineseWizard(ChineseWizard):
    """The same in an office whose UI language is zh-TW: the wizard shows the
    Traditional Chinese texts of the package (read here from the built .oxt)."""

    LANG = "zh-TW"
    ARG_NAMES = None  # the names are those of the package's zh-TW texts
    SOURCE = "package"

    def test_texts_are_traditional(self):
        # Characters that differ between the scripts: the package's zh-TW texts use
        # the Traditional forms, and differ from the zh-CN texts.
        simplified, traditional = xcu_texts("zh-CN", "package"), xcu_texts("zh-TW", "package")
        self.assertEqual(sorted(traditional), sorted(FUNCTIONS))
        for method in FUNCTIONS:
            self.assertNotEqual(traditional[method][0], simplified[method][0], method)
            for (name, text), (_, cn_text) in zip(traditional[method][1], simplified[method][1]):
                self.assertTrue(text and CJK.search(text), (method, name))
        shown = self.descriptions()
        self.assertIn("轉化率", shown["FUNNEL_RATE"]["Description"])
        self.assertEqual([a.Name for a in shown["TIERED_BONUS"]["Arguments"]],
                         ["業績", "檔位下限", "比例或金額", "計算方式", "封頂", "已計業績"])


if __name__ == "__main__":
    harness.main()
