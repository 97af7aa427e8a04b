#include "ask.hxx"

#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

using namespace css;

namespace dealerkpi::group {
namespace {

using Props = std::vector<std::pair<const char*, uno::Any>>;

void addControl(const Reference<lang::XMultiServiceFactory>& model, const char* type, const OUString& name,
                sal_Int32 x, sal_Int32 y, sal_Int32 w, const Props& props)
{
    Reference<beans::XPropertySet> c(model->createInstance(OUString::createFromAscii(type)), uno::UNO_QUERY_THROW);
    for (const auto& [k, v] : Props{{"PositionX", uno::Any(x)}, {"PositionY", uno::Any(y)}, {"Width", uno::Any(w)},
                                    {"Height", uno::Any(sal_Int32(12))}})
        c->setPropertyValue(OUString::createFromAscii(k), v);
    for (const auto& [k, v] : props)
        c->setPropertyValue(OUString::createFromAscii(k), v);
    Reference<container::XNameContainer>(model, uno::UNO_QUERY_THROW)->insertByName(name, uno::Any(c));
}

Reference<lang::XMultiServiceFactory> dialogModel(const Reference<uno::XComponentContext>& ctx, const OUString& title,
                                                  sal_Int32 height)
{
    Reference<lang::XMultiServiceFactory> model(
        ctx->getServiceManager()->createInstanceWithContext(U("com.sun.star.awt.UnoControlDialogModel"), ctx),
        uno::UNO_QUERY_THROW);
    Reference<beans::XPropertySet> mp(model, uno::UNO_QUERY_THROW);
    for (const auto& [k, v] : Props{{"Width", uno::Any(sal_Int32(200))}, {"Height", uno::Any(height)},
                                    {"PositionX", uno::Any(sal_Int32(60))}, {"PositionY", uno::Any(sal_Int32(60))},
                                    {"Title", uno::Any(title)}})
        mp->setPropertyValue(OUString::createFromAscii(k), v);
    return model;
}

} // namespace

bool askFields(const Reference<uno::XComponentContext>& ctx, const Reference<awt::XWindowPeer>& parent,
               const OUString& title, const std::vector<OUString>& labels, std::vector<OUString>& values,
               const OUString& ok, const OUString& cancel)
{
    const sal_Int32 rows = static_cast<sal_Int32>(labels.size());
    auto model = dialogModel(ctx, title, 18 * rows + 30);
    for (sal_Int32 i = 0; i < rows; ++i) {
        addControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "label" + OUString::number(i), 8, 10 + 18 * i,
                   90, {{"Label", uno::Any(labels[i])}});
        addControl(model, "com.sun.star.awt.UnoControlEditModel", "field" + OUString::number(i), 100, 8 + 18 * i, 92,
                   {{"Text", uno::Any(values[i])}});
    }
    const sal_Int32 y = 8 + 18 * rows;
    addControl(model, "com.sun.star.awt.UnoControlButtonModel", U("ok"), 84, y, 50,
               {{"Label", uno::Any(ok)}, {"PushButtonType", uno::Any(sal_Int16(1))}, {"DefaultButton", uno::Any(true)}});
    addControl(model, "com.sun.star.awt.UnoControlButtonModel", U("cancel"), 142, y, 50,
               {{"Label", uno::Any(cancel)}, {"PushButtonType", uno::Any(sal_Int16(2))}});
    Reference<awt::XControl> dialog(
        ctx->getServiceManager()->createInstanceWithContext(U("com.sun.star.awt.UnoControlDialog"), ctx),
        uno::UNO_QUERY_THROW);
    dialog->setModel(Reference<awt::XControlModel>(model, uno::UNO_QUERY_THROW));
    dialog->createPeer(Reference<awt::XToolkit>(awt::Toolkit::create(ctx), uno::UNO_QUERY_THROW), parent);
    const bool done = Reference<awt::XDialog>(dialog, uno::UNO_QUERY_THROW)->execute() == 1;
    Reference<awt::XControlContainer> cc(dialog, uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; done && i < rows; ++i)
        values[i] = Reference<awt::XTextComponent>(cc->getControl("field" + OUString::number(i)), uno::UNO_QUERY_THROW)
                        ->getText()
                        .trim();
    dialog->dispose();
    return done;
}

} // namespace dealerkpi::group
