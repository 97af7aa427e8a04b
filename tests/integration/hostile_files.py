"""Hostile dealer files, made here from an honest one (nothing opaque checked in).

    from hostile_files import LINK_CASES, with_links, huge_sheet, text_bomb, slow_file
    with_links(honest_path, out_path, "linked_image", "http://127.0.0.1:PORT/")

Every case is an honest dealer file (made by group_files in a real office) with
one hostile part added to its content.xml, so that it goes through the whole
read: a remote link of one kind, a sheet of a million rows by 1,024 columns
(a few KB zipped), a cell of hundreds of megabytes of text (a zip bomb), or
formulas that keep the office busy for minutes.
"""
import re
import zipfile

# What each link case adds to a sheet of its own; {url} is the listener.
LINK_CASES = {
    # an image linked, not embedded
    "linked_image": '<table:shapes><draw:frame draw:z-index="0" svg:width="2cm" svg:height="2cm" svg:x="0cm" '
                    'svg:y="0cm"><draw:image xlink:href="{url}image.png" xlink:type="simple" xlink:show="embed" '
                    'xlink:actuate="onLoad"/></draw:frame></table:shapes>',
    # an SVG image linked
    "linked_svg": '<table:shapes><draw:frame draw:z-index="0" svg:width="2cm" svg:height="2cm" svg:x="0cm" '
                  'svg:y="0cm"><draw:image xlink:href="{url}drawing.svg" xlink:type="simple" xlink:show="embed" '
                  'xlink:actuate="onLoad" draw:mime-type="image/svg+xml"/></draw:frame></table:shapes>',
    # an OLE object linked to a remote document
    "linked_ole": '<table:shapes><draw:frame draw:z-index="0" svg:width="4cm" svg:height="3cm" svg:x="0cm" '
                  'svg:y="0cm"><draw:object xlink:href="{url}object.ods" xlink:type="simple" xlink:show="embed" '
                  'xlink:actuate="onLoad"/><draw:image xlink:href="{url}preview.png" xlink:type="simple" '
                  'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></table:shapes>',
    # WEBSERVICE in a cell
    "webservice": '<table:table-row><table:table-cell table:formula="of:=WEBSERVICE(&quot;{url}webservice&quot;)" '
                  'office:value-type="string" office:string-value=""/></table:table-row>',
    # a reference into another (remote) document
    "external_reference": "<table:table-row><table:table-cell table:formula=\"of:=['{url}external.ods'#$Sheet1.A1]\" "
                          'office:value-type="float" office:value="0"/></table:table-row>',
    # DDE to the office itself, on a remote document
    "dde": '<table:table-row><table:table-cell table:formula="of:=DDE(&quot;soffice&quot;;&quot;{url}dde.ods&quot;;'
           '&quot;Sheet1.A1&quot;)" office:value-type="float" office:value="0"/></table:table-row>',
    # a cell range linked to a remote document (an area link)
    "area_link": '<table:table-row><table:table-cell><table:cell-range-source table:name="Sheet1.A1:B2" '
                 'xlink:type="simple" xlink:href="{url}area.ods" table:filter-name="calc8" '
                 'table:last-column-spanned="2" table:last-row-spanned="2" table:refresh-delay="PT1S"/>'
                 '</table:table-cell></table:table-row>',
}

# A whole sheet linked to a remote document (table:table-source goes before the rows).
SHEET_LINK = '<table:table-source table:mode="copy-all" xlink:type="simple" xlink:href="{url}sheet.ods" ' \
             'table:filter-name="calc8" table:table-name="Sheet1" table:refresh-delay="PT1S"/>'


def _rewrite(src, dst, change):
    """Copies the zip `src` to `dst` with content.xml changed by `change(text)`;
    the mimetype stays first and stored, as ODF asks."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "content.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            kind = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(item, data, compress_type=kind)
    return dst


def _add_sheet(text, body, name="附加"):
    """`text` with one more sheet after the last one; `body` is its shapes or
    table source (before the columns) or its rows (after them)."""
    before = body if body.startswith(("<table:shapes", "<table:table-source")) else ""
    rows = "" if before else body
    sheet = '<table:table table:name="%s">%s<table:table-column/>%s</table:table>' % (
        name, before, rows or "<table:table-row><table:table-cell/></table:table-row>")
    at = text.rindex("</table:table>") + len("</table:table>")
    return text[:at] + sheet + text[at:]


def with_links(honest, dst, case, url):
    """The honest file with one remote link of kind `case` (LINK_CASES or "sheet_link") to `url`."""
    body = SHEET_LINK if case == "sheet_link" else LINK_CASES[case]
    return _rewrite(honest, dst, lambda t: _add_sheet(t, body.format(url=url)))


def huge_sheet(honest, dst, rows=1048576, columns=1024):
    """A sheet of `rows` x `columns` numbers (repeated, so the file stays a few KB)."""
    body = ('<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="%d" '
            'office:value-type="float" office:value="7"/></table:table-row>' % (rows, columns))
    return _rewrite(honest, dst, lambda t: _add_sheet(t, body))


def text_bomb(honest, dst, megabytes=1500):
    """One cell of `megabytes` MB of text: a zip bomb (about 1/1000 of that zipped)."""
    marker = "@@BOMB@@"
    with zipfile.ZipFile(honest) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != "content.xml":
                zout.writestr(item, data, compress_type=zipfile.ZIP_STORED if item.filename == "mimetype"
                              else zipfile.ZIP_DEFLATED)
                continue
            text = _add_sheet(data.decode("utf-8"), '<table:table-row><table:table-cell office:value-type="string">'
                              '<text:p>%s</text:p></table:table-cell></table:table-row>' % marker)
            head, tail = text.split(marker)
            info = zipfile.ZipInfo("content.xml", date_time=item.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(info, "w", force_zip64=True) as out:
                out.write(head.encode("utf-8"))
                chunk = b"A" * (1 << 20)
                for _ in range(megabytes):
                    out.write(chunk)
                out.write(tail.encode("utf-8"))
    return dst


def slow_file(honest, dst, cells=20000):
    """Formulas that keep the office computing far longer than any timeout a test sets,
    on any machine (each works on a whole column of 1,048,576 numbers: some 2e10 steps
    in all), in little memory (one column at a time); no two alike, so none is
    computed as a group."""
    rows = ''.join('<table:table-row><table:table-cell table:formula="of:=SUMPRODUCT(MOD(ROW([.$A$1:.$A$1048576])*%d;7))" '
                   'office:value-type="float" office:value="0"/></table:table-row>' % (k + 2) for k in range(cells))
    return _rewrite(honest, dst, lambda t: _add_sheet(t, rows))


def remote_urls(path):
    """The http URLs a file's content.xml names (to check a case really carries its link)."""
    with zipfile.ZipFile(path) as z:
        return re.findall(r"http://127\.0\.0\.1:\d+/[\w.]*", z.read("content.xml").decode("utf-8"))


def truncated(honest, dst):
    """The honest file cut to two thirds: a damaged package (its zip directory is gone)."""
    with open(honest, "rb") as src:
        data = src.read()
    with open(dst, "wb") as out:
        out.write(data[:len(data) * 2 // 3])
    return dst


def malformed(honest, dst):
    """A whole package whose content.xml stops in the middle of an element: damaged XML."""
    return _rewrite(honest, dst, lambda t: t[:len(t) // 2])
