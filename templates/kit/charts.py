"""Charts over a sheet's own cells (kit.Sheet.chart), put together from chart2 services.

A chart covers a cell range, is anchored to its top-left cell (rows inserted
above push it down), and reads only ranges of its own sheet, so a copied sheet
keeps its chart. Kinds: column, bar, line, xy; series may mix in a line, carry
value labels and colours; the value axis may be logarithmic or have fixed ends.
The chart2 services need the office's component context: build.py sets
kit.office_context before building.
"""
import re

import uno

from .styles import FORMATS

# chart2 templates by kind: the diagram's layout (axes, grid, stacking).
_CHART_TEMPLATES = {
    "column": "com.sun.star.chart2.template.Column",
    "bar": "com.sun.star.chart2.template.Bar",
    "line": "com.sun.star.chart2.template.LineSymbol",
    "xy": "com.sun.star.chart2.template.ScatterLineSymbol",
}
_CHART_TYPES = {
    "column": "com.sun.star.chart2.ColumnChartType",
    "bar": "com.sun.star.chart2.ColumnChartType",
    "line": "com.sun.star.chart2.LineChartType",
    "xy": "com.sun.star.chart2.ScatterChartType",
}
# Series colours, in order: the sheets' heading blue first, then colours that
# stay apart in a black-and-white printout (dark, light, mid grey).
CHART_COLORS = (0x1F4E79, 0xF4B183, 0x70AD47, 0x7F7F7F, 0xFFC000, 0x5B9BD5)


class _Chart:
    def __init__(self, sheet, name, anchor, kind, series, categories, title, x_title, y_title, y_format,
                 legend, colors):
        self.sheet = sheet
        s = sheet.s
        first, last = (anchor.split(":") + [anchor])[:2]
        top_left = s.getCellRangeByName(first)
        bottom_right = s.getCellRangeByName(last)
        rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
        rect.X, rect.Y = top_left.Position.X, top_left.Position.Y
        rect.Width = bottom_right.Position.X + bottom_right.Size.Width - rect.X
        rect.Height = bottom_right.Position.Y + bottom_right.Size.Height - rect.Y
        # On its sheet shown: a chart made on a sheet not shown hangs the office when the
        # document is stored (LibreOffice 7.4). Book.finish shows the first sheet again.
        sheet.book.doc.CurrentController.setActiveSheet(s)
        # Created over the first series' values, then laid out series by series.
        s.Charts.addNewByName(name, rect, (s.getCellRangeByName(series[0][1]).RangeAddress,), False, False)
        self.doc = doc = s.Charts.getByName(name).EmbeddedObject
        doc.lockControllers()
        try:
            self._layout(kind, series, categories, colors or CHART_COLORS)
            self._texts(title, x_title, y_title, legend, kind)
            # each axis in a format of its own (otherwise it follows the cells)
            self._axis_format(doc.getDiagram().getYAxis(), y_format or self._cells_format(series[0][1]))
            if kind == "xy":
                self._axis_format(doc.getDiagram().getXAxis(), self._cells_format(categories))
        finally:
            doc.unlockControllers()
        self._anchor_to_cell(name, top_left)

    def _axis_format(self, axis, kind):
        """The chart axis `axis` in the number format `kind` (a FORMATS kind or a code; None: as it is)."""
        if not kind:
            return
        code = FORMATS.get(kind, kind)
        formats = self.doc.getNumberFormats()
        key = formats.queryKey(code, self.sheet.book.locale, False)
        axis.LinkNumberFormatToSource = False
        axis.NumberFormat = key if key != -1 else formats.addNew(code, self.sheet.book.locale)

    def _cells_format(self, values):
        """The number format code of the cells `values`: the value axis carries it as a
        format of its own, since a format linked to the cells is lost in an .xlsx
        (a rate axis came back as 0 … 1.2)."""
        key = self.sheet.cell(values.split(":")[0]).NumberFormat
        code = self.sheet.book.doc.NumberFormats.getByKey(key).FormatString
        return None if code.lower() in ("general", "standard") else code

    def _seq(self, rng, role):
        seq = self.doc.getDataProvider().createDataSequenceByRangeRepresentation(self.sheet.range_rep(rng))
        seq.Role = role
        return seq

    def _labeled(self, values, label=None):
        lds = _service("com.sun.star.chart2.data.LabeledDataSequence")
        lds.setValues(values)
        if label is not None:
            lds.setLabel(label)
        return lds

    def _layout(self, kind, series, categories, colors):
        doc = self.doc
        template = doc.getChartTypeManager().createInstance(_CHART_TEMPLATES[kind])
        template.changeDiagram(doc.getFirstDiagram())
        diagram = doc.getFirstDiagram()
        coord = diagram.getCoordinateSystems()[0]
        main = coord.getChartTypes()[0]
        by_type = {}
        for i, item in enumerate(series):
            label, values = item[0], item[1]
            opts = item[2] if len(item) > 2 else {}
            data = [self._labeled(self._seq(values, "values-y"), self._seq(label, "label"))]
            if kind == "xy":
                data.append(self._labeled(self._seq(categories, "values-x")))
            ds = _service("com.sun.star.chart2.DataSeries")
            ds.setData(tuple(data))
            ds.Color = opts.get("color", colors[i % len(colors)])
            if opts.get("labels"):
                label_struct = ds.Label
                label_struct.ShowNumber = True
                ds.Label = label_struct
            if kind in ("line", "xy") or opts.get("kind") == "line":
                ds.LineWidth = 50
            by_type.setdefault(opts.get("kind", kind), []).append(ds)
        types = []
        for k, items in by_type.items():
            ct = main if k == kind else _service(_CHART_TYPES[k])
            ct.setDataSeries(tuple(items))
            types.append(ct)
        coord.setChartTypes(tuple(types))
        if categories and kind != "xy":
            axis = coord.getAxisByDimension(0, 0)
            scale = axis.getScaleData()
            scale.Categories = self._labeled(self._seq(categories, "categories"))
            if kind == "bar":
                # horizontal bars read top-down in the order of the rows
                from com.sun.star.chart2.AxisOrientation import REVERSE
                scale.Orientation = REVERSE
            axis.setScaleData(scale)

    def _texts(self, title, x_title, y_title, legend, kind):
        doc = self.doc
        doc.HasMainTitle = bool(title)
        if title:
            doc.getTitle().String = title
            doc.getTitle().CharHeight = 11
        doc.HasLegend = bool(legend)
        if legend:
            from com.sun.star.chart.ChartLegendPosition import BOTTOM
            doc.getLegend().Alignment = BOTTOM
        diagram = doc.getDiagram()
        # white plot area and no frame around the chart: it reads as part of the sheet
        diagram.getWall().FillColor = 0xFFFFFF
        doc.getArea().LineStyle = 0  # com.sun.star.drawing.LineStyle.NONE
        for attr, text in (("X", x_title), ("Y", y_title)):
            setattr(diagram, "Has%sAxisTitle" % attr, bool(text))
            if text:
                t = getattr(diagram, "%sAxisTitle" % attr)
                t.String = text
                t.CharHeight = 9

    def _anchor_to_cell(self, name, cell):
        """The chart moves with the cell it starts on (rows inserted above push it down)."""
        draw = self.sheet.s.DrawPage
        for i in range(draw.Count):
            shape = draw.getByIndex(i)
            if shape.ShapeType == "com.sun.star.drawing.OLE2Shape" and shape.PersistName == name:
                shape.Anchor = cell
                shape.Name = name  # as the Navigator lists it
                return
        raise RuntimeError("chart %s has no shape on its sheet" % name)




def _service(name):
    import kit  # the package: build.py (and a test) set kit.office_context
    if kit.office_context is None:
        raise RuntimeError("kit.office_context is not set: charts need the office's component context")
    return kit.office_context.ServiceManager.createInstanceWithContext(name, kit.office_context)


def add_chart(sheet, name, anchor, kind, series, categories=None, title=None, x_title=None, y_title=None,
              y_format=None, legend=True, colors=None, log=False, y_min=None, y_max=None):
    """The chart of kit.Sheet.chart (see there) on `sheet`; returns its chart document."""
    chart = _Chart(sheet, name, anchor, kind, series, categories, title, x_title, y_title, y_format,
                   legend, colors)
    if log or y_min is not None or y_max is not None:
        axis = chart.doc.getFirstDiagram().getCoordinateSystems()[0].getAxisByDimension(1, 0)
        scale = axis.getScaleData()
        if log:
            scale.Scaling = _service("com.sun.star.chart2.LogarithmicScaling")
        if y_min is not None:
            scale.Minimum = y_min
        if y_max is not None:
            scale.Maximum = y_max
        axis.setScaleData(scale)
    return chart.doc


_RANGE = re.compile(r"^(?P<head>.*\$?[A-Z]+\$?)(?P<first>\d+)(?P<mid>:\$?[A-Z]+\$?)(?P<last>\d+)$")


def _rows_of(seq):
    """(first, last) 1-based rows of a data sequence over one column."""
    m = _RANGE.match(seq.SourceRangeRepresentation)
    return (int(m.group("first")), int(m.group("last"))) if m else None


def _trimmed(provider, seq, last):
    m = _RANGE.match(seq.SourceRangeRepresentation)
    if not m or int(m.group("last")) <= last:
        return seq
    new = provider.createDataSequenceByRangeRepresentation(
        "%s%s%s%d" % (m.group("head"), m.group("first"), m.group("mid"), last))
    new.Role = seq.Role
    return new


def fit_to_rows_in_use(chart_doc):
    """The chart plots only the rows in use: every range of the chart (an office
    chart document) ends at the last row where its category shows text or a series
    a number. For the documents a tool writes from a template whose chart covers
    every row a user may fill (提成方案测算's 30 consultants): three consultants' bars
    fill the chart instead of its left tenth. A chart with no row in use keeps its
    ranges. The rule of a document opened in a window (group/service/row_charts.cxx)."""
    coord = chart_doc.getFirstDiagram().getCoordinateSystems()[0]
    series = [s for ct in coord.getChartTypes() for s in ct.getDataSeries()]
    axis = coord.getAxisByDimension(0, 0)
    scale = axis.getScaleData()
    last = None
    for lds in (d for s in series for d in s.getDataSequences()):
        values, rows = lds.getValues(), _rows_of(lds.getValues())
        if values.Role.startswith("values-y") and rows:
            used = [i for i, v in enumerate(values.getData()) if isinstance(v, float) and v == v]
            if used:
                last = max(last or 0, rows[0] + used[-1])
    if scale.Categories is not None and _rows_of(scale.Categories.getValues()):
        categories = scale.Categories.getValues()
        named = [i for i, t in enumerate(categories.getTextualData()) if t.strip()]
        if named:
            last = max(last or 0, _rows_of(categories)[0] + named[-1])
    if last is None:
        return
    provider = chart_doc.getDataProvider()
    for lds in (d for s in series for d in s.getDataSequences()):
        lds.setValues(_trimmed(provider, lds.getValues(), last))
    if scale.Categories is not None:
        scale.Categories.setValues(_trimmed(provider, scale.Categories.getValues(), last))
        axis.setScaleData(scale)


def fit_charts_to_rows(doc, charts):
    """fit_to_rows_in_use for each (sheet name, chart name) of `charts` in the
    office document `doc` (a template's ROW_CHARTS)."""
    for sheet, name in charts:
        fit_to_rows_in_use(chart_named(doc.Sheets.getByName(sheet), name))


def chart_named(sheet, name):
    """The chart document of the chart `name` (as Sheet.chart named it) on the office
    sheet `sheet`. A reopened document numbers the names (Object 1; the shape 顾问对比 1):
    found by its shape's name."""
    draw = sheet.DrawPage
    for i in range(draw.Count):
        shape = draw.getByIndex(i)
        if shape.ShapeType == "com.sun.star.drawing.OLE2Shape" and name in (shape.Name, shape.Name.rsplit(" ", 1)[0]):
            return shape.Model
    raise KeyError("no chart %s on the sheet %s" % (name, sheet.Name))
