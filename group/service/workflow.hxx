// org.dealerkpi.group.Workflow: the group workflow's one implementation,
// called by the DealerKPI menu in Calc and by the dealerkpi-group command line.
#pragma once

#include "office.hxx"
#include "model.hxx"

#include <map>
#include <memory>

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <org/dealerkpi/group/DealerFile.hpp>
#include <org/dealerkpi/group/DistributedRow.hpp>
#include <org/dealerkpi/group/Problem.hpp>
#include <org/dealerkpi/group/RollupResult.hpp>
#include <org/dealerkpi/group/SubmissionStatus.hpp>
#include <org/dealerkpi/group/TrendResult.hpp>
#include <org/dealerkpi/group/TrendRow.hpp>
#include <org/dealerkpi/group/XGroupWorkflow.hpp>

namespace dealerkpi::group {

using org::dealerkpi::group::DealerFile;
using org::dealerkpi::group::DistributedRow;
using org::dealerkpi::group::Problem;
using org::dealerkpi::group::RollupResult;
using org::dealerkpi::group::SubmissionStatus;
using org::dealerkpi::group::TrendResult;
using org::dealerkpi::group::TrendRow;

/** A problem: its stable code (docs/group.md), the cell it concerns (may be empty),
    its text in Chinese and in English. */
inline Problem problem(const char* code, const OUString& cell, const OUString& zh, const OUString& en)
{
    return Problem(OUString::createFromAscii(code), cell, zh, en);
}

/** Sets the user-defined document property `name` of `doc` (adds it when missing). */
void setUserProperty(const Reference<css::lang::XComponent>& doc, const char* name, const OUString& value);

/** The document property a portable file carries (value "1"). */
constexpr char kStampPortable[] = "DealerKPI通用";

/** Every add-in call of `doc` (formulas and named expressions) written as its native
    twin, and the property kStampPortable set; throws IllegalArgumentException (the
    call or the cell named) when a call has no twin or a twin written out is longer
    than Excel takes, and then `doc` is unchanged. Sheets protected without a password
    stay so. */
void makePortable(const Reference<css::lang::XComponent>& doc);

/** Writes a portable copy of `doc` as it stands to `url` (.ods or .xlsx, replacing a
    file there); `doc` itself is not changed. Throws IllegalArgumentException as
    makePortable does, and then writes nothing. */
void savePortableCopy(const Reference<css::uno::XComponentContext>& ctx, const Reference<css::lang::XComponent>& doc,
                      const OUString& url);

class Workflow : public cppu::WeakImplHelper2<org::dealerkpi::group::XGroupWorkflow, css::lang::XServiceInfo>
{
public:
    explicit Workflow(const Reference<css::uno::XComponentContext>& ctx) : ctx_(ctx) {}

    Sequence<DistributedRow> SAL_CALL distribute(const OUString& templateKind, const OUString& dealersUrl,
                                           const OUString& month, const OUString& outDirUrl, sal_Bool lock,
                                           sal_Bool force,
                                           const Reference<css::task::XStatusIndicator>& progress) override;
    Sequence<DistributedRow> SAL_CALL distributeShare(const OUString& templateKind, const OUString& dealersUrl,
                                                const OUString& month, const OUString& outDirUrl, sal_Bool lock,
                                                sal_Bool force, const OUString& issue, sal_Int32 part,
                                                sal_Int32 parts,
                                                const Reference<css::task::XStatusIndicator>& progress) override;
    Sequence<DistributedRow> SAL_CALL distributeShareWith(const OUString& templateKind, const OUString& dealersUrl,
                                                    const OUString& month, const OUString& outDirUrl, sal_Bool lock,
                                                    sal_Bool force, const OUString& issue, sal_Int32 part,
                                                    sal_Int32 parts, sal_Bool portable,
                                                    const Reference<css::task::XStatusIndicator>& progress) override;
    DealerFile SAL_CALL readDealerFile(const OUString& url) override;
    RollupResult SAL_CALL writeRollup(const Sequence<DealerFile>& files, const OUString& month, const OUString& outUrl,
                                  sal_Bool force) override;
    TrendResult SAL_CALL writeTrend(const OUString& fromMonth, const OUString& toMonth, const Sequence<TrendRow>& rows,
                                    const OUString& outUrl, sal_Bool force) override;
    Sequence<SubmissionStatus> SAL_CALL submissionStatus(const OUString& store, const OUString& month,
                                                         const OUString& templateKind) override;
    TrendResult SAL_CALL writeTrendFromStore(const OUString& store, const OUString& fromMonth,
                                             const OUString& toMonth, const OUString& outUrl,
                                             sal_Bool force) override;

    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

private:
    TemplateModel& modelOf(const OUString& kind);
    void readOpened(const Reference<css::lang::XComponent>& doc, DealerFile& out, std::vector<Problem>& problems,
                    std::vector<Problem>& notes);
    void readNames(const Reference<css::sheet::XSpreadsheetDocument>& doc, DealerFile& out,
                   std::vector<Problem>& problems, std::vector<Problem>& notes);

    Reference<css::uno::XComponentContext> ctx_;
    std::map<OUString, std::unique_ptr<TemplateModel>> models_;  // the installed templates, open while this lives
};

} // namespace dealerkpi::group
