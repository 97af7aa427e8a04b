// The service's registration and what its parts share at run time.
#include "workflow.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

using namespace css;

namespace dealerkpi::group {

namespace {
constexpr char kImplementation[] = "org.dealerkpi.group.WorkflowImpl";
constexpr char kService[] = "org.dealerkpi.group.Workflow";
} // namespace

RecalcOff::RecalcOff(const Reference<uno::XComponentContext>& ctx) noexcept
{
    try {
        auto provider = configuration::theDefaultProvider::get(ctx);
        auto args = seq<uno::Any>({uno::Any(prop("nodepath", uno::Any(U("/org.openoffice.Office.Calc/Formula/Load"))))});
        access_ = provider->createInstanceWithArguments(U("com.sun.star.configuration.ConfigurationUpdateAccess"),
                                                        args);
        Reference<beans::XPropertySet> p(access_, uno::UNO_QUERY_THROW);
        p->getPropertyValue(U("OOXMLRecalcMode")) >>= ooxml_;
        p->getPropertyValue(U("ODFRecalcMode")) >>= odf_;
        if (ooxml_ != 1 || odf_ != 1) {
            p->setPropertyValue(U("OOXMLRecalcMode"), uno::Any(sal_Int32(1)));
            p->setPropertyValue(U("ODFRecalcMode"), uno::Any(sal_Int32(1)));
            Reference<util::XChangesBatch>(access_, uno::UNO_QUERY_THROW)->commitChanges();
        } else {
            access_.clear();  // already "never": nothing to restore
        }
    } catch (const uno::Exception&) {
        access_.clear();
    }
}

RecalcOff::~RecalcOff()
{
    if (!access_.is())
        return;
    try {
        Reference<beans::XPropertySet> p(access_, uno::UNO_QUERY_THROW);
        p->setPropertyValue(U("OOXMLRecalcMode"), uno::Any(ooxml_));
        p->setPropertyValue(U("ODFRecalcMode"), uno::Any(odf_));
        Reference<util::XChangesBatch>(access_, uno::UNO_QUERY_THROW)->commitChanges();
    } catch (const uno::Exception&) {
    }
}

OUString Workflow::getImplementationName() { return OUString::createFromAscii(kImplementation); }

sal_Bool Workflow::supportsService(const OUString& name) { return cppu::supportsService(this, name); }

Sequence<OUString> Workflow::getSupportedServiceNames() { return seq<OUString>({OUString::createFromAscii(kService)}); }

} // namespace dealerkpi::group

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_dealerkpi_group_Workflow_get_implementation(uno::XComponentContext* ctx, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new dealerkpi::group::Workflow(ctx));
}
