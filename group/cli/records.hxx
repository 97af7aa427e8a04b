// dealerkpi-group and the group's store (group/store): what distribute wrote and
// rollup read is recorded; status answers from it. docs/group-store.md.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <org/dealerkpi/group/DealerFile.hpp>
#include <org/dealerkpi/group/DistributedRow.hpp>
#include <org/dealerkpi/group/XGroupWorkflow.hpp>

#include "options.hxx"
#include "store.hxx"

namespace dealerkpi::group {

namespace store = dealerkpi::group::store;

/** The store the options name (nullptr for --no-store); throws Failure (kNothing)
    with the store's reason when it cannot be opened (or is of a newer version). */
std::unique_ptr<store::Store> open_store(const StoreOptions& o);

/** Records the files distribute wrote: each is read back through the service, so
    that the group-set values are kept exactly as a returned file will be read. */
void record_distribute(store::Store& s, org::dealerkpi::group::XGroupWorkflow& wf,
                       const css::uno::Sequence<org::dealerkpi::group::DistributedRow>& rows, const std::string& kind,
                       const std::string& month);

/** Records a roll-up's files and applies the store's decisions to them before the
    group workbook is written: a file not taken or superseded gets its reason as a
    problem, a doubtful figure a note (请核实). Returns one file more per issued dealer
    of the month without a taken file (未提交), for 问题清单. */
std::vector<org::dealerkpi::group::DealerFile> record_rollup(
    store::Store& s, std::vector<org::dealerkpi::group::DealerFile>& files,
    const std::vector<std::filesystem::path>& paths, const std::string& month, const StoreOptions& o);

/** dealerkpi-group status: exit 0 when every issued dealer has a taken file, 1 otherwise. */
int run_status(const Command& c);

/** dealerkpi-group trend: the 集团趋势 workbook from the store. */
int run_trend(const Command& c);

}  // namespace dealerkpi::group
