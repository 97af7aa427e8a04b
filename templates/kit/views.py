"""View settings (frozen panes, each sheet's cursor, the active sheet) in a saved file.

A document saved from the headless office has no view to take them from (its
settings.xml holds no "Views"), so write_views puts them into the saved .ots;
views_of and copy_views carry a template's views over to a document a tool
saves from it.
"""
import os
import zipfile
from xml.sax.saxutils import escape, quoteattr


def _item(name, kind, value):
    return '<config:config-item config:name="%s" config:type="%s">%s</config:config-item>' % (
        name, kind, escape(str(value)))


def _table_view(sheet):
    """The view entry of one kit.Sheet: its frozen panes and its cursor."""
    cols, rows = sheet.frozen
    cursor = sheet.cell(sheet.first_input or "A1").CellAddress
    entries = [_item("CursorPositionX", "int", cursor.Column), _item("CursorPositionY", "int", cursor.Row),
               _item("HorizontalSplitMode", "short", 2 if cols else 0),
               _item("VerticalSplitMode", "short", 2 if rows else 0),
               _item("HorizontalSplitPosition", "int", cols), _item("VerticalSplitPosition", "int", rows),
               _item("ActiveSplitRange", "short", 3 if cols and rows else 2),
               _item("PositionLeft", "int", 0), _item("PositionRight", "int", cols),
               _item("PositionTop", "int", 0), _item("PositionBottom", "int", rows),
               _item("ZoomType", "short", 0), _item("ZoomValue", "int", 100),
               _item("PageViewZoomValue", "int", 60), _item("ShowGrid", "boolean", "true")]
    return ('<config:config-item-map-entry config:name=%s>%s</config:config-item-map-entry>'
            % (quoteattr(sheet.s.Name), "".join(entries)))


def write_views(sheets, path):
    """Writes the views of `sheets` (kit.Sheet, the first one active) into the
    saved file `path`; a new document made from the template opens with them."""
    view = ('<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
            + _item("ViewId", "string", "view1")
            + '<config:config-item-map-named config:name="Tables">%s</config:config-item-map-named>'
            % "".join(_table_view(sheet) for sheet in sheets)
            + _item("ActiveTable", "string", sheets[0].s.Name)
            + _item("HorizontalScrollbarWidth", "int", 1000)
            + _item("ZoomType", "short", 0) + _item("ZoomValue", "int", 100)
            + _item("PageViewZoomValue", "int", 60) + _item("ShowPageBreakPreview", "boolean", "false")
            + _item("ShowZeroValues", "boolean", "true") + _item("ShowNotes", "boolean", "true")
            + _item("ShowGrid", "boolean", "true") + _item("HasColumnRowHeaders", "boolean", "true")
            + _item("HasSheetTabs", "boolean", "true") + _item("IsOutlineSymbolsSet", "boolean", "true")
            + '</config:config-item-map-entry></config:config-item-map-indexed>')
    _put_views(path, view)


_VIEW_SET = '<config:config-item-set config:name="ooo:view-settings">'
_VIEWS = '<config:config-item-map-indexed config:name="Views">'


def _put_views(path, view):
    """Replaces the "Views" block of the .ods/.ots `path`'s settings.xml with `view`."""
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    out = path + ".tmp"
    with zipfile.ZipFile(out, "w") as z:
        for info, data in parts:
            if info.filename == "settings.xml":
                head, tail = data.decode("utf-8").split(_VIEW_SET, 1)
                body, rest = tail.split("</config:config-item-set>", 1)
                body = body.split(_VIEWS)[0]
                data = (head + _VIEW_SET + body + view + "</config:config-item-set>" + rest).encode("utf-8")
            z.writestr(info, data, zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    os.replace(out, path)


def views_of(path):
    """The "Views" block (frozen panes, each sheet's cursor, the active sheet) of
    the .ods/.ots `path`'s settings.xml; "" if it has none."""
    with zipfile.ZipFile(path) as z:
        text = z.read("settings.xml").decode("utf-8")
    if _VIEWS not in text:
        return ""
    body = text.split(_VIEWS, 1)[1]
    return _VIEWS + _balanced(body)


def _balanced(body):
    """The text of an indexed map up to its own closing tag (maps may nest)."""
    depth, i = 1, 0
    while depth:
        close = body.index("</config:config-item-map-indexed>", i)
        opened = body.find("<config:config-item-map-indexed", i)
        if opened != -1 and opened < close:
            depth, i = depth + 1, opened + 1
        else:
            depth, i = depth - 1, close + len("</config:config-item-map-indexed>")
    return body[:i]


def copy_views(template, document):
    """Gives the .ods `document`, saved from a document made from `template` (an
    .ots), the template's view settings: a document saved by a headless office
    has none, and would open with no frozen panes and the cursor on A1. For every
    file a tool writes from a template (the example month, files handed out)."""
    view = views_of(template)
    if view:
        _put_views(document, view)

