#!/usr/bin/python3
"""make_help.py CALCADDINS_XCU IDL OUT_DIR: the extension's help pages, one per
function and language, from the Function Wizard texts of CalcAddIns.xcu (the
one place where the functions' names and descriptions live); which arguments are
optional comes from the parameter types of the IDL (`any` is optional to Calc).

Writes OUT_DIR/<lang>/help.tree and OUT_DIR/<lang>/org.dealerkpi.calc/<method>.xhp
in LibreOffice's extension help format; the .oxt lists OUT_DIR as
application/vnd.sun.star.help and LibreOffice builds its help index on install.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

EXTENSION = "org.dealerkpi.calc"
OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGS = ("en-US", "zh-CN", "zh-TW")


def optional_parameters(idl):
    """{(method, parameter)} of the parameters typed `any`: Calc treats exactly
    those as optional."""
    text = open(idl, encoding="utf-8").read()
    out = set()
    for m in re.finditer(r"\b(\w+)\s*\(([^)]*)\)\s*;", text):
        for p in re.finditer(r"\[in\]\s*([\w:<>\s]+?)\s+(\w+)\s*(?:,|$)", m.group(2)):
            if p.group(1).strip() == "any":
                out.add((m.group(1), p.group(2)))
    return out


OPTIONAL = set()

WORDS = {
    "en-US": {"section": "DealerKPI functions", "syntax": "Syntax", "arguments": "Arguments",
              "optional": "optional", "required": "required", "example": "Example",
              "index": "%s function", "category": "Category: Add-in (Insert ▸ Function).",
              "more": "Every argument form (a value, a cell, a range or an inline array) and the "
                      "error each wrong input gives are listed in the extension's README."},
    "zh-CN": {"section": "DealerKPI 函数", "syntax": "语法", "arguments": "参数",
              "optional": "可选", "required": "必填", "example": "示例",
              "index": "%s 函数", "category": "类别：加载宏（插入 ▸ 函数）。",
              "more": "每种参数形式（数值、单元格、区域或内联数组）以及每种错误输入对应的错误值，见扩展的 README。"},
    "zh-TW": {"section": "DealerKPI 函式", "syntax": "語法", "arguments": "引數",
              "optional": "選用", "required": "必填", "example": "範例",
              "index": "%s 函式", "category": "類別：增益集（插入 ▸ 函式）。",
              "more": "每種引數形式（數值、儲存格、範圍或內嵌陣列）以及每種錯誤輸入對應的錯誤值，見擴充套件的 README。"},
}
EXAMPLES = {
    "funnelRate": "=FUNNEL_RATE({708;877;1003};{4146;3846;4476}) → 20.8%",
    "funnelTarget": "=FUNNEL_TARGET(100;{0.8;0.33;0.3}) → 125, 379, 1,263",
    "targetSplit": "=TARGET_SPLIT(330;{100;70;115}) → 116, 81, 133",
    "tieredBonus": "=TIERED_BONUS(150000;{0;100000;120000};{0.02;0.03;0.04}) → 3,800",
    "workshopEfficiency": "=WORKSHOP_EFFICIENCY(8775;9000;12000;\"生产率\") → 75%",
    "payoutCurve": "=PAYOUT_CURVE(0.9;{0.75;1;1.5};{0.5;1;3}) → 0.80",
    "kpiScore": "=KPI_SCORE({110;0.95;25};{100;0.9;30};{50;30;20};1.2;;{0;0;1}) → 1.106667",
}


def texts(xcu):
    """[(method, {lang: (name, description, [(param, {lang: (name, description)})])})]"""
    def by_lang(node, prop):
        out = {}
        for p in node.findall("prop"):
            if p.get(OOR + "name") == prop:
                for v in p.findall("value"):
                    out[v.get(XML_LANG)] = v.text or ""
        return out

    root = ET.parse(xcu).getroot()
    functions = next(n for n in root.iter("node") if n.get(OOR + "name") == "AddInFunctions")
    out = []
    for fn in functions.findall("node"):
        params = next(n for n in fn.findall("node") if n.get(OOR + "name") == "Parameters")
        out.append((fn.get(OOR + "name"), by_lang(fn, "DisplayName"), by_lang(fn, "Description"),
                    [(p.get(OOR + "name"), by_lang(p, "DisplayName"), by_lang(p, "Description"))
                     for p in params.findall("node")]))
    return out


def page(lang, method, names, descriptions, params):
    w = WORDS[lang]
    name = names.get(lang) or names["en-US"]
    syntax = "%s(%s)" % (name, "; ".join(
        ("[%s]" if (method, p) in OPTIONAL else "%s") % (pn.get(lang) or pn["en-US"]) for p, pn, _ in params))
    para = []

    def add(role, text, pid, extra=""):
        para.append('<paragraph role="%s" id="%s" xml-lang="%s"%s>%s</paragraph>'
                    % (role, pid, lang, extra, escape(text)))

    add("heading", name, "hd_%s" % method, ' level="1"')
    add("paragraph", descriptions.get(lang) or descriptions["en-US"], "par_%s_description" % method)
    add("paragraph", w["category"], "par_%s_category" % method)
    add("heading", w["syntax"], "hd_%s_syntax" % method, ' level="2"')
    add("code", syntax, "par_%s_syntax" % method)
    add("heading", w["arguments"], "hd_%s_arguments" % method, ' level="2"')
    for p, pn, pd in params:
        add("paragraph", "%s (%s): %s" % (pn.get(lang) or pn["en-US"],
                                         w["optional"] if (method, p) in OPTIONAL else w["required"],
                                         pd.get(lang) or pd["en-US"]), "par_%s_%s" % (method, p))
    if method in EXAMPLES:  # a function without an example here gets a page without one
        add("heading", w["example"], "hd_%s_example" % method, ' level="2"')
        add("code", EXAMPLES[method], "par_%s_example" % method)
    add("paragraph", w["more"], "par_%s_more" % method)
    return """<?xml version="1.0" encoding="UTF-8"?>
<helpdocument version="1.0">
<meta>
<topic id="%(ext)s-%(method)s" indexer="include" status="PUBLISH">
<title id="tit" xml-lang="%(lang)s">%(title)s</title>
<filename>/%(ext)s/%(method)s.xhp</filename>
</topic>
</meta>
<body>
<bookmark xml-lang="%(lang)s" branch="index" id="bm_%(method)s"><bookmark_value>%(index)s</bookmark_value><bookmark_value>DealerKPI;%(name)s</bookmark_value></bookmark>
%(paragraphs)s
</body>
</helpdocument>
""" % {"ext": EXTENSION, "method": method, "lang": lang, "title": escape(name), "name": escape(name),
       "index": escape(w["index"] % name), "paragraphs": "\n".join(para)}


def tree(lang, functions):
    w = WORDS[lang]
    topics = "\n".join('    <topic id="%s/%s/%s.xhp">%s</topic>' % (EXTENSION, EXTENSION, method,
                                                                     escape(names.get(lang) or names["en-US"]))
                       for method, names, _, _ in functions)
    return """<?xml version="1.0" encoding="UTF-8"?>
<tree_view version="24-Aug-2004">
  <help_section application="scalc" id="dealerkpi" title=%s>
%s
  </help_section>
</tree_view>
""" % (quoteattr(w["section"]), topics)


def main(xcu, idl, out):
    OPTIONAL.update(optional_parameters(idl))
    functions = texts(xcu)
    for lang in LANGS:
        folder = os.path.join(out, lang, EXTENSION)
        os.makedirs(folder, exist_ok=True)
        for method, names, descriptions, params in functions:
            with open(os.path.join(folder, method + ".xhp"), "w", encoding="utf-8") as f:
                f.write(page(lang, method, names, descriptions, params))
        with open(os.path.join(out, lang, "help.tree"), "w", encoding="utf-8") as f:
            f.write(tree(lang, functions))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
