// A small dialog of text fields for the DealerKPI menu (months, codes).
#pragma once

#include "office.hxx"

#include <com/sun/star/awt/XWindowPeer.hpp>

#include <vector>

namespace dealerkpi::group {

/** Shows `title` with one labelled text field per entry of `labels` (filled with
    `values`) and OK / Cancel; on OK `values` holds what was typed (trimmed).
    False when cancelled. */
bool askFields(const Reference<css::uno::XComponentContext>& ctx, const Reference<css::awt::XWindowPeer>& parent,
               const OUString& title, const std::vector<OUString>& labels, std::vector<OUString>& values,
               const OUString& ok, const OUString& cancel);

} // namespace dealerkpi::group
