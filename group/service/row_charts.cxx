// org.dealerkpi.group.RowCharts: a job (registry Jobs.xcu, events OnLoad and OnNew) that
// keeps a template's charts over a block of rows a person fills as far as needed
// (contract.toml row_charts: 提成方案测算's 各销售顾问全年提成 over 30 consultants) to the
// rows in use, as they are typed.
//
// Why: the template's chart covers every row a consultant may take, so that nobody the
// analyst adds is left out; plotted as it stands, three consultants' bars are squeezed
// into the left tenth of 30 slots and the axis leaves labels out. A chart's ranges cannot
// follow the cells by themselves, so this job fits them when the document opens and
// again after every change, in documents with the DealerKPI模板 stamp opened in a window.
//
// The rule (the same as templates/kit/charts.py's fit_to_rows_in_use for the documents a
// tool writes): the block is the rows from the chart's first category cell down while
// that column holds formulas; a row is in use when its category shows text or a series
// a number there; the chart's ranges end at the last row in use, or at the block's end
// when no row is.
#include "office.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart2/ScaleData.hpp>
#include <com/sun/star/chart2/XAxis.hpp>
#include <com/sun/star/chart2/XChartDocument.hpp>
#include <com/sun/star/chart2/XCoordinateSystem.hpp>
#include <com/sun/star/chart2/XChartTypeContainer.hpp>
#include <com/sun/star/chart2/XCoordinateSystemContainer.hpp>
#include <com/sun/star/chart2/XDataSeriesContainer.hpp>
#include <com/sun/star/chart2/data/XDataProvider.hpp>
#include <com/sun/star/chart2/data/XDataSequence.hpp>
#include <com/sun/star/chart2/data/XDataSource.hpp>
#include <com/sun/star/chart2/data/XLabeledDataSequence.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/drawing/XDrawPages.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XModifiable2.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

using namespace css;

namespace dealerkpi::group {
namespace {

constexpr char kImplementation[] = "org.dealerkpi.group.RowChartsImpl";
constexpr char kService[] = "org.dealerkpi.group.RowCharts";
constexpr sal_Int32 kLongestBlock = 1000;   // rows; a block longer than this is fitted within it

using LabeledSequence = Reference<chart2::data::XLabeledDataSequence>;

/** A chart range over one column, "$方案对比.$D$7:$D$36": what precedes the last row, and the rows. */
struct ColumnRange
{
    OUString head;     // "$方案对比.$D$7:$D$"
    OUString sheetPart;
    sal_Int32 first = 0, last = 0;   // 0-based rows
};

/** The row (0-based) of a cell reference "$D$7" / "D7"; `digitsAt` is where its row begins. */
std::optional<sal_Int32> rowOfCell(const OUString& cell, sal_Int32& digitsAt)
{
    sal_Int32 i = 0;
    if (i < cell.getLength() && cell[i] == '$')
        ++i;
    const sal_Int32 letters = i;
    while (i < cell.getLength() && cell[i] >= 'A' && cell[i] <= 'Z')
        ++i;
    if (i == letters || i - letters > 3)
        return std::nullopt;
    if (i < cell.getLength() && cell[i] == '$')
        ++i;
    digitsAt = i;
    sal_Int32 row = 0;
    for (; i < cell.getLength(); ++i) {
        if (cell[i] < '0' || cell[i] > '9' || row > 10'000'000)
            return std::nullopt;
        row = row * 10 + (cell[i] - '0');
    }
    if (digitsAt == cell.getLength() || row < 1)
        return std::nullopt;
    return row - 1;
}

std::optional<ColumnRange> columnRange(const OUString& representation)
{
    const sal_Int32 colon = representation.lastIndexOf(':');
    const sal_Int32 dot = colon < 0 ? -1 : representation.lastIndexOf('.', colon);
    if (dot < 0)
        return std::nullopt;
    sal_Int32 firstDigits = 0, lastDigits = 0;
    const auto first = rowOfCell(representation.copy(dot + 1, colon - dot - 1), firstDigits);
    const auto last = rowOfCell(representation.copy(colon + 1), lastDigits);
    if (!first || !last || *last < *first)
        return std::nullopt;
    ColumnRange out;
    out.head = representation.copy(0, colon + 1 + lastDigits);
    out.sheetPart = representation.copy(dot + 1);
    out.first = *first;
    out.last = *last;
    return out;
}

/** The chart document of the chart `name` on `sheet`: its shape is named so, or so with a
    number the office appends when it reads a file back ("顾问对比 1"). */
Reference<chart2::XChartDocument> chartNamed(const Reference<sheet::XSpreadsheetDocument>& doc,
                                             const Reference<sheet::XSpreadsheet>& sheet, const OUString& name)
{
    const sal_Int16 index = Reference<sheet::XCellRangeAddressable>(sheet, uno::UNO_QUERY_THROW)->getRangeAddress().Sheet;
    Reference<container::XIndexAccess> shapes(
        Reference<drawing::XDrawPagesSupplier>(doc, uno::UNO_QUERY_THROW)->getDrawPages()->getByIndex(index),
        uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < shapes->getCount(); ++i) {
        Reference<beans::XPropertySet> shape(shapes->getByIndex(i), uno::UNO_QUERY);
        OUString shown;
        if (!shape.is() || !shape->getPropertySetInfo()->hasPropertyByName("Model") ||
            !(shape->getPropertyValue("Name") >>= shown))
            continue;
        if (shown == name || (shown.startsWith(name + " ") && shown.copy(name.getLength() + 1).toInt32() > 0))
            return Reference<chart2::XChartDocument>(shape->getPropertyValue("Model"), uno::UNO_QUERY);
    }
    return {};
}

/** What a chart draws from: its labeled sequences and its category axis. */
struct ChartParts
{
    std::vector<LabeledSequence> series;   // every data sequence of every series
    Reference<chart2::XAxis> axis;
    chart2::ScaleData scale;
};

ChartParts partsOf(const Reference<chart2::XChartDocument>& chart)
{
    ChartParts out;
    Reference<chart2::XCoordinateSystemContainer> coords(chart->getFirstDiagram(), uno::UNO_QUERY_THROW);
    const auto systems = coords->getCoordinateSystems();
    if (!systems.hasElements())
        return out;
    Reference<chart2::XChartTypeContainer> types(systems[0], uno::UNO_QUERY_THROW);
    for (const auto& type : types->getChartTypes())
        for (const auto& s : Reference<chart2::XDataSeriesContainer>(type, uno::UNO_QUERY_THROW)->getDataSeries())
            for (const auto& lds : Reference<chart2::data::XDataSource>(s, uno::UNO_QUERY_THROW)->getDataSequences())
                out.series.push_back(lds);
    out.axis = systems[0]->getAxisByDimension(0, 0);
    if (out.axis.is())
        out.scale = out.axis->getScaleData();
    return out;
}

OUString roleOf(const Reference<chart2::data::XDataSequence>& seq)
{
    OUString role;
    Reference<beans::XPropertySet>(seq, uno::UNO_QUERY_THROW)->getPropertyValue("Role") >>= role;
    return role;
}

/** The column (0-based) of `sheet` that the range `part` ("$D$7:$D$36") is over. */
sal_Int32 columnOf(const Reference<sheet::XSpreadsheet>& sheet, const OUString& part)
{
    Reference<sheet::XCellRangeAddressable> range(sheet->getCellRangeByName(part), uno::UNO_QUERY_THROW);
    return range->getRangeAddress().StartColumn;
}

bool showsText(const Reference<table::XCell>& cell)
{
    return !Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->getString().trim().isEmpty();
}

bool holdsNumber(const Reference<table::XCell>& cell)
{
    if (cell->getType() == table::CellContentType_VALUE)
        return true;
    sal_Int32 result = 0;
    return cell->getType() == table::CellContentType_FORMULA && cell->getError() == 0 &&
           (Reference<beans::XPropertySet>(cell, uno::UNO_QUERY_THROW)->getPropertyValue("FormulaResultType2") >>=
            result) &&
           result == sheet::FormulaResult::VALUE;
}

/** The last row (0-based) the chart should plot under the rule in the file's head; nullopt
    when the chart does not draw one column per range from one first row of `sheet`. */
std::optional<sal_Int32> lastRowToPlot(const Reference<sheet::XSpreadsheet>& sheet, const ChartParts& parts)
{
    if (!parts.scale.Categories.is() || !parts.axis.is())
        return std::nullopt;
    const auto categories = columnRange(parts.scale.Categories->getValues()->getSourceRangeRepresentation());
    if (!categories)
        return std::nullopt;
    std::vector<sal_Int32> valueColumns;
    for (const LabeledSequence& lds : parts.series) {
        const auto values = columnRange(lds->getValues()->getSourceRangeRepresentation());
        if (!values || values->first != categories->first)
            return std::nullopt;
        if (roleOf(lds->getValues()).startsWith("values-y"))
            valueColumns.push_back(columnOf(sheet, values->sheetPart));
    }
    const sal_Int32 categoryColumn = columnOf(sheet, categories->sheetPart);
    sal_Int32 blockEnd = categories->first;
    while (blockEnd + 1 < categories->first + kLongestBlock &&
           sheet->getCellByPosition(categoryColumn, blockEnd + 1)->getType() == table::CellContentType_FORMULA)
        ++blockEnd;
    for (sal_Int32 row = blockEnd; row >= categories->first; --row) {
        if (showsText(sheet->getCellByPosition(categoryColumn, row)))
            return row;
        for (sal_Int32 column : valueColumns)
            if (holdsNumber(sheet->getCellByPosition(column, row)))
                return row;
    }
    return blockEnd;
}

/** The same range ending at row `last` (0-based); unchanged when it is not over one column. */
Reference<chart2::data::XDataSequence> endingAt(const Reference<chart2::data::XDataProvider>& provider,
                                                const Reference<chart2::data::XDataSequence>& seq, sal_Int32 last)
{
    const auto range = columnRange(seq->getSourceRangeRepresentation());
    if (!range || range->last == last)
        return seq;
    Reference<chart2::data::XDataSequence> fitted =
        provider->createDataSequenceByRangeRepresentation(range->head + OUString::number(last + 1));
    Reference<beans::XPropertySet>(fitted, uno::UNO_QUERY_THROW)->setPropertyValue("Role", uno::Any(roleOf(seq)));
    return fitted;
}

/** Fits one chart to the rows in use. */
void fit(const Reference<sheet::XSpreadsheet>& sheet, const Reference<chart2::XChartDocument>& chart)
{
    ChartParts parts = partsOf(chart);
    const std::optional<sal_Int32> last = lastRowToPlot(sheet, parts);
    const auto now = parts.scale.Categories.is()
                         ? columnRange(parts.scale.Categories->getValues()->getSourceRangeRepresentation())
                         : std::nullopt;
    if (!last || !now || now->last == *last)
        return;
    const Reference<chart2::data::XDataProvider> provider = chart->getDataProvider();
    // the chart redraws once, when the ranges are all set, however this ends
    struct Locked
    {
        const Reference<chart2::XChartDocument>& chart;
        explicit Locked(const Reference<chart2::XChartDocument>& c) : chart(c) { chart->lockControllers(); }
        ~Locked()
        {
            try {
                chart->unlockControllers();
            } catch (const uno::Exception&) {
                // a chart that cannot be unlocked is gone with its document
            }
        }
    } locked(chart);
    for (const LabeledSequence& lds : parts.series)
        lds->setValues(endingAt(provider, lds->getValues(), *last));
    parts.scale.Categories->setValues(endingAt(provider, parts.scale.Categories->getValues(), *last));
    parts.axis->setScaleData(parts.scale);
}

/** The document's row charts ({sheet, chart document}) its template kind lists in the contract. */
std::vector<std::pair<Reference<sheet::XSpreadsheet>, Reference<chart2::XChartDocument>>>
rowChartsOf(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& kind)
{
    std::vector<std::pair<Reference<sheet::XSpreadsheet>, Reference<chart2::XChartDocument>>> out;
    for (const contract::RowChart& rc : contract::kRowCharts) {
        if (kind != OUString::createFromAscii(rc.stamp) || !doc->getSheets()->hasByName(U(rc.sheet)))
            continue;
        Reference<sheet::XSpreadsheet> sheet(doc->getSheets()->getByName(U(rc.sheet)), uno::UNO_QUERY_THROW);
        if (Reference<chart2::XChartDocument> chart = chartNamed(doc, sheet, U(rc.chart)); chart.is())
            out.emplace_back(sheet, chart);
    }
    return out;
}

/** Fits the document's row charts after every change (a change of the fit itself is not one). */
class FitAfterChanges : public cppu::WeakImplHelper1<util::XModifyListener>
{
public:
    FitAfterChanges(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& kind)
        : doc_(doc), kind_(kind)
    {
    }

    void fitNow()
    {
        if (fitting_)
            return;
        Reference<sheet::XSpreadsheetDocument> doc(doc_);
        if (!doc.is())
            return;
        fitting_ = true;
        try {
            for (const auto& [sheet, chart] : rowChartsOf(doc, kind_))
                fit(sheet, chart);
        } catch (const uno::Exception&) {
            // the chart keeps the rows it had: a drawing, never a figure
        }
        fitting_ = false;
    }

    void SAL_CALL modified(const lang::EventObject&) override { fitNow(); }
    void SAL_CALL disposing(const lang::EventObject&) override {}

private:
    uno::WeakReference<sheet::XSpreadsheetDocument> doc_;
    OUString kind_;
    bool fitting_ = false;
};

class RowCharts : public cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo>
{
public:
    uno::Any SAL_CALL execute(const Sequence<beans::NamedValue>& arguments) override
    {
        try {
            Reference<frame::XModel> model = jobModel(arguments);
            Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY);
            Reference<util::XModifyBroadcaster> broadcaster(model, uno::UNO_QUERY);
            if (!doc.is() || !broadcaster.is() || loadedHidden(model))
                return {};
            const OUString kind = stampKind(model);
            if (kind.isEmpty() || rowChartsOf(doc, kind).empty())
                return {};
            rtl::Reference<FitAfterChanges> listener(new FitAfterChanges(doc, kind));
            fitAsOpened(model, *listener);
            broadcaster->addModifyListener(Reference<util::XModifyListener>(listener.get()));
        } catch (const uno::Exception&) {
            // the charts keep the rows the file has
        }
        return {};
    }

    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(kImplementation); }
    sal_Bool SAL_CALL supportsService(const OUString& n) override { return cppu::supportsService(this, n); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return seq<OUString>({OUString::createFromAscii(kService)});
    }

private:
    /** Opening a file is no change to it: the first fit leaves it unmodified. */
    static void fitAsOpened(const Reference<frame::XModel>& model, FitAfterChanges& listener)
    {
        Reference<util::XModifiable2> modifiable(model, uno::UNO_QUERY);
        const bool hold = modifiable.is() && !modifiable->isModified() && modifiable->disableSetModified();
        listener.fitNow();
        if (hold)
            modifiable->enableSetModified();
    }
};

} // namespace
} // namespace dealerkpi::group

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_dealerkpi_group_RowCharts_get_implementation(uno::XComponentContext*, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new dealerkpi::group::RowCharts);
}
