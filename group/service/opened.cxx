// org.dealerkpi.group.Opened: a job (registry Jobs.xcu, event OnLoad) for a DealerKPI
// document (one with the DealerKPI模板 stamp) that a person opens in a window. Hidden
// loads, the roll-up's reads of dealer files, are left alone: the roll-up recomputes
// each figure in the template itself, under its own limits.
//
// - Its figures are recalculated. LibreOffice saves a formula's result with 15
//   significant digits: a figure a hair below a half of its last shown digit
//   (3.1249999999999996, shown 312 %) is saved as 3.125 and, read back without
//   recalculating, shows 313 %; the same file showed one figure while it was typed and
//   another once reopened.
// - Its text is in the template's language again (zh-CN, templates/kit/styles.py
//   set_language). An .xlsx stores no language, and LibreOffice reads one back in the
//   user's own: "KPI" in every title got spelling squiggles.
//
// Opening a file is no change to it: the document is left unmodified.
#include "office.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/util/XModifiable2.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

using namespace css;

namespace dealerkpi::group {
namespace {

constexpr char kImplementation[] = "org.dealerkpi.group.OpenedImpl";
constexpr char kService[] = "org.dealerkpi.group.Opened";

/** Sets the Western and Asian language of `target` to `locale` where it differs. */
void setLanguage(const Reference<beans::XPropertySet>& target, const lang::Locale& locale)
{
    for (const char* prop : {"CharLocale", "CharLocaleAsian"}) {
        lang::Locale now;
        const OUString name = OUString::createFromAscii(prop);
        if (!(target->getPropertyValue(name) >>= now) || now.Language != locale.Language ||
            now.Country != locale.Country)
            target->setPropertyValue(name, uno::Any(locale));
    }
}

/** The document and its Default cell style in the templates' language. */
void templateLanguage(const Reference<frame::XModel>& model)
{
    const lang::Locale chinese("zh", "CN", OUString());
    setLanguage(Reference<beans::XPropertySet>(model, uno::UNO_QUERY_THROW), chinese);
    Reference<container::XNameAccess> cellStyles(
        Reference<style::XStyleFamiliesSupplier>(model, uno::UNO_QUERY_THROW)->getStyleFamilies()->getByName(
            "CellStyles"),
        uno::UNO_QUERY_THROW);
    setLanguage(Reference<beans::XPropertySet>(cellStyles->getByName("Default"), uno::UNO_QUERY_THROW), chinese);
}

class Opened : public cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo>
{
public:
    uno::Any SAL_CALL execute(const Sequence<beans::NamedValue>& arguments) override
    {
        Reference<frame::XModel> model = jobModel(arguments);
        Reference<sheet::XCalculatable> calc(model, uno::UNO_QUERY);
        if (!calc.is() || loadedHidden(model) || stampKind(model).isEmpty())
            return {};
        Reference<util::XModifiable2> modifiable(model, uno::UNO_QUERY);
        const bool wasModified = modifiable.is() && modifiable->isModified();
        const bool held = modifiable.is() && !wasModified && modifiable->disableSetModified();
        try {
            templateLanguage(model);
        } catch (const uno::Exception&) {
            // the language the file was read with stays: spelling marks, never a figure
        }
        try {
            calc->calculateAll();
        } catch (const uno::Exception&) {
            // the saved figures stay shown, as without this job
        }
        if (held)
            modifiable->enableSetModified();
        if (modifiable.is() && !wasModified)
            modifiable->setModified(false);
        return {};
    }

    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(kImplementation); }
    sal_Bool SAL_CALL supportsService(const OUString& n) override { return cppu::supportsService(this, n); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return seq<OUString>({OUString::createFromAscii(kService)});
    }
};

} // namespace
} // namespace dealerkpi::group

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_dealerkpi_group_Opened_get_implementation(uno::XComponentContext*, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new dealerkpi::group::Opened);
}
