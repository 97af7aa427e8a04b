// 集团趋势's rows: the store's trend (group/store/trend.hxx) as the rows the
// service's writeTrend takes, named by the template's column titles. Shared by
// the command line and the menu.
#pragma once

#include <com/sun/star/uno/Sequence.hxx>
#include <org/dealerkpi/group/TrendRow.hpp>

#include "trend.hxx"

namespace dealerkpi::group {

css::uno::Sequence<org::dealerkpi::group::TrendRow> trend_rows(const store::Trend& t);

}  // namespace dealerkpi::group
