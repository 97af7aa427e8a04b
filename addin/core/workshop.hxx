// After-sales workshop efficiency: productivity, efficiency and overall
// efficiency, pooled over rows (one row per trade or technician group).
#pragma once

#include "grid.hxx"
#include "keywords.hxx"
#include "outcome.hxx"

namespace dealerkpi {

// WORKSHOP_EFFICIENCY. productivity = worked/available, efficiency =
// sold/worked, overall = sold/available, each as pooled sums over the rows
// whose operands for that measure are numbers (blank rows are skipped). The
// three ranges have the same shape, and every one is checked (text:
// #VALUE!, negative hours: invalid) whatever the measure.
Number workshopEfficiency(const Grid& sold, const Grid& worked, const Grid& available, Measure measure) noexcept;

} // namespace dealerkpi
