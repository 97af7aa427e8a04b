// org.dealerkpi.group.RecalcOnLoad: a job (registry Jobs.xcu, event OnLoad) that
// recalculates a DealerKPI document when a person opens one.
//
// Why: LibreOffice saves a formula's result with 15 significant digits. A figure a hair
// below a half of its last shown digit (3.1249999999999996, shown 312 %) is saved as
// 3.125 and, read back without recalculating, shows 313 %: the same file showed one
// figure while it was typed and another once reopened. Recalculating on opening shows
// the figures the formulas give. Only documents with the DealerKPI模板 stamp, and only
// those opened in a window: the roll-up's hidden reads of dealer files are left alone
// (it recomputes each figure in the template itself, under its own limits).
#include "office.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/util/XModifiable2.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

using namespace css;

namespace dealerkpi::group {
namespace {

constexpr char kImplementation[] = "org.dealerkpi.group.RecalcOnLoadImpl";
constexpr char kService[] = "org.dealerkpi.group.RecalcOnLoad";

class RecalcOnLoad : public cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo>
{
public:
    uno::Any SAL_CALL execute(const Sequence<beans::NamedValue>& arguments) override
    {
        try {
            Reference<frame::XModel> model = jobModel(arguments);
            Reference<sheet::XCalculatable> calc(model, uno::UNO_QUERY);
            if (!calc.is() || loadedHidden(model) || stampKind(model).isEmpty())
                return {};
            // opening a file is no change to it: the recalculation leaves it unmodified
            Reference<util::XModifiable2> modifiable(model, uno::UNO_QUERY);
            const bool wasModified = modifiable.is() && modifiable->isModified();
            const bool disabled = modifiable.is() && !wasModified && modifiable->disableSetModified();
            calc->calculateAll();
            if (disabled)
                modifiable->enableSetModified();
            if (modifiable.is() && !wasModified)
                modifiable->setModified(false);
        } catch (const uno::Exception&) {
            // the saved figures stay shown, as without this job
        }
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
org_dealerkpi_group_RecalcOnLoad_get_implementation(uno::XComponentContext*, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new dealerkpi::group::RecalcOnLoad);
}
