// The service's registration and what its parts share at run time.
#include "workflow.hxx"

#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

using namespace css;

namespace dealerkpi::group {

namespace {
constexpr char kImplementation[] = "org.dealerkpi.group.WorkflowImpl";
constexpr char kService[] = "org.dealerkpi.group.Workflow";
} // namespace

OUString Workflow::getImplementationName() { return OUString::createFromAscii(kImplementation); }

sal_Bool Workflow::supportsService(const OUString& name) { return cppu::supportsService(this, name); }

Sequence<OUString> Workflow::getSupportedServiceNames() { return seq<OUString>({OUString::createFromAscii(kService)}); }

} // namespace dealerkpi::group

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_dealerkpi_group_Workflow_get_implementation(uno::XComponentContext* ctx, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new dealerkpi::group::Workflow(ctx));
}
