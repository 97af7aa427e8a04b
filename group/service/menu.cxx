// The DealerKPI menu in Calc (registry Addons.xcu): 下发模板…, 汇总经销商报表…,
// 经销商提交情况…, 集团趋势… and 另存为通用表格…, dispatched as
// service:org.dealerkpi.group.Menu?distribute / ?rollup / ?status / ?trend / ?portable. It asks
// with the office's own pickers and a small dialog, shows progress on the
// status bar and calls the same Workflow as the command line.
//
// Test hook: when the office's environment names a file in
// DEALERKPI_GROUP_MENU_ANSWERS, the answers are read from it (key=value lines:
// dealers, kind, month, out_dir, lock, portable (0: not), inputs, output, report; store, from, to) instead of
// asking, and the closing message is written to `report` instead of shown.
#include "workflow.hxx"
#include "ask.hxx"
#include "../common/collect.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/XJobExecutor.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/FolderPicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

using namespace css;

namespace dealerkpi::group {
namespace {

constexpr char kImplementation[] = "org.dealerkpi.group.MenuImpl";
constexpr char kService[] = "org.dealerkpi.group.Menu";

OUString urlOfPath(const OUString& path)
{
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(path, url) == osl::FileBase::E_None)
        return url;
    return path;
}

/** Where a dialog control stands and how large it is (dialog units). */
struct Place {
    sal_Int32 x, y, width, height;
};

/** Adds a control of `type` named `name` to a dialog model, with its properties. */
void addControl(const Reference<lang::XMultiServiceFactory>& model, const char* type, const char* name,
                const Place& at, const std::vector<std::pair<const char*, uno::Any>>& props)
{
    Reference<beans::XPropertySet> c(model->createInstance(OUString::createFromAscii(type)), uno::UNO_QUERY_THROW);
    c->setPropertyValue(U("PositionX"), uno::Any(at.x));
    c->setPropertyValue(U("PositionY"), uno::Any(at.y));
    c->setPropertyValue(U("Width"), uno::Any(at.width));
    c->setPropertyValue(U("Height"), uno::Any(at.height));
    for (const auto& [k, v] : props)
        c->setPropertyValue(OUString::createFromAscii(k), v);
    Reference<container::XNameContainer>(model, uno::UNO_QUERY_THROW)
        ->insertByName(OUString::createFromAscii(name), uno::Any(c));
}

class Menu : public cppu::WeakImplHelper2<task::XJobExecutor, lang::XServiceInfo>
{
public:
    explicit Menu(const Reference<uno::XComponentContext>& ctx) : ctx_(ctx), zh_(chineseUi(ctx))
    {
#ifdef DEALERKPI_TEST_HOOKS  // the tests answer the dialogs from a file; a release build has no such door
        if (const char* answers = std::getenv("DEALERKPI_GROUP_MENU_ANSWERS"); answers && *answers) {
            scripted_ = true;
            std::ifstream in(answers);
            std::string line;
            while (std::getline(in, line)) {
                auto eq = line.find('=');
                if (eq != std::string::npos)
                    answers_[U(line.substr(0, eq).c_str())] = U(line.substr(eq + 1).c_str()).trim();
            }
        }
#endif
    }

    void SAL_CALL trigger(const OUString& event) override
    {
        try {
            frame_ = frame::Desktop::create(ctx_)->getCurrentFrame();
            if (event == "distribute")
                distribute();
            else if (event == "rollup")
                rollup();
            else if (event == "status")
                status();
            else if (event == "trend")
                trend();
            else if (event == "portable")
                savePortable();
        } catch (const uno::Exception& e) {
            tell(text(U("出错了："), "Error: ") + inUiLanguage(e.Message), true);
        }
    }

    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(kImplementation); }
    sal_Bool SAL_CALL supportsService(const OUString& n) override { return cppu::supportsService(this, n); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return seq<OUString>({OUString::createFromAscii(kService)}); }

private:
    OUString text(const OUString& zh, const char* en) const { return zh_ ? zh : OUString::createFromAscii(en); }

    /** The service's messages say everything twice, "中文 / English": the UI's half. */
    OUString inUiLanguage(const OUString& both) const
    {
        const sal_Int32 at = both.indexOf(" / ");
        if (at < 0)
            return both;
        return zh_ ? both.copy(0, at) : both.copy(at + 3);
    }

    /** The folder a file or folder URL is in. */
    static OUString folderOf(const OUString& url)
    {
        const sal_Int32 slash = url.lastIndexOf('/');
        return slash > 0 ? url.copy(0, slash) : OUString();
    }

    /** The folder of the document the menu was chosen in, where the user works; empty when unsaved. */
    OUString workingFolder()
    {
        if (!frame_.is())
            return {};
        Reference<frame::XController> controller = frame_->getController();
        Reference<frame::XModel> model = controller.is() ? controller->getModel() : Reference<frame::XModel>();
        return model.is() && !model->getURL().isEmpty() ? folderOf(model->getURL()) : OUString();
    }

    OUString answer(const char* key) const
    {
        auto it = answers_.find(OUString::createFromAscii(key));
        return it == answers_.end() ? OUString() : it->second;
    }

    Reference<task::XStatusIndicator> indicator()
    {
        Reference<task::XStatusIndicatorFactory> f(frame_, uno::UNO_QUERY);
        return f.is() ? f->createStatusIndicator() : Reference<task::XStatusIndicator>();
    }

    Reference<awt::XWindowPeer> parent()
    {
        if (!frame_.is())
            return {};
        return Reference<awt::XWindowPeer>(frame_->getContainerWindow(), uno::UNO_QUERY);
    }

    void tell(const OUString& message, bool error = false)
    {
        if (scripted_) {
            OUString report = answer("report");
            if (!report.isEmpty()) {
                OString path = OUStringToOString(report, RTL_TEXTENCODING_UTF8);
                std::ofstream(path.getStr()) << OUStringToOString(message, RTL_TEXTENCODING_UTF8).getStr() << "\n";
            }
            return;
        }
        auto peer = parent();
        if (!peer.is())
            return;
        Reference<awt::XMessageBoxFactory> boxes(awt::Toolkit::create(ctx_), uno::UNO_QUERY_THROW);
        auto box = boxes->createMessageBox(peer, error ? awt::MessageBoxType_ERRORBOX : awt::MessageBoxType_INFOBOX,
                                           awt::MessageBoxButtons::BUTTONS_OK, U("DealerKPI"), message);
        box->execute();
    }

    /** A file to open (or to save with `save`); empty when cancelled. */
    OUString pickFile(bool save, const OUString& title, const std::vector<std::pair<OUString, OUString>>& filters,
                      const OUString& startFolder = OUString(), const OUString& suggestedName = OUString())
    {
        using namespace ui::dialogs;
        auto args = seq<uno::Any>({uno::Any(save ? TemplateDescription::FILESAVE_AUTOEXTENSION
                                              : TemplateDescription::FILEOPEN_SIMPLE)});
        Reference<XFilePicker3> picker = FilePicker::createWithMode(ctx_, args[0].get<sal_Int16>());
        picker->setTitle(title);
        if (!startFolder.isEmpty())
            picker->setDisplayDirectory(startFolder);
        if (!suggestedName.isEmpty())
            picker->setDefaultName(suggestedName);
        for (const auto& [name, pattern] : filters)
            picker->appendFilter(name, pattern);
        if (!filters.empty())
            picker->setCurrentFilter(filters.front().first);
        if (picker->execute() != ExecutableDialogResults::OK)
            return OUString();
        auto files = picker->getSelectedFiles();
        return files.getLength() ? files[0] : OUString();
    }

    /** A spreadsheet to write, .ods or .xlsx (a name with neither ending gets .ods); empty when
        cancelled. A scripted run answers "output". */
    OUString pickSpreadsheetToSave(const OUString& title, const OUString& startFolder = OUString(),
                                   const OUString& suggestedName = OUString())
    {
        OUString output = scripted_ ? urlOfPath(answer("output"))
                                    : pickFile(true, title,
                                               {{text(U("ODF 电子表格 (*.ods)"), "ODF Spreadsheet (*.ods)"), U("*.ods")},
                                                {U("Excel 2007-365 (*.xlsx)"), U("*.xlsx")}},
                                               startFolder, suggestedName);
        const OUString lower = output.toAsciiLowerCase();
        if (!output.isEmpty() && !lower.endsWith(".ods") && !lower.endsWith(".xlsx"))
            output += ".ods";
        return output;
    }

    OUString pickFolder(const OUString& title, const OUString& startFolder = OUString())
    {
        auto picker = ui::dialogs::FolderPicker::create(ctx_);
        picker->setTitle(title);
        if (!startFolder.isEmpty())
            picker->setDisplayDirectory(startFolder);
        if (picker->execute() != ui::dialogs::ExecutableDialogResults::OK)
            return OUString();
        return picker->getDirectory();
    }

    /** An empty dialog model, 200 wide, with its title. */
    Reference<lang::XMultiServiceFactory> dialogModel(sal_Int32 height, const OUString& title)
    {
        Reference<lang::XMultiServiceFactory> model(
            ctx_->getServiceManager()->createInstanceWithContext(U("com.sun.star.awt.UnoControlDialogModel"), ctx_),
            uno::UNO_QUERY_THROW);
        Reference<beans::XPropertySet> mp(model, uno::UNO_QUERY_THROW);
        mp->setPropertyValue(U("Width"), uno::Any(sal_Int32(200)));
        mp->setPropertyValue(U("Height"), uno::Any(height));
        mp->setPropertyValue(U("PositionX"), uno::Any(sal_Int32(60)));
        mp->setPropertyValue(U("PositionY"), uno::Any(sal_Int32(60)));
        mp->setPropertyValue(U("Title"), uno::Any(title));
        return model;
    }

    /** The options dialog's controls: template kind (withKind), month, lock (withKind), OK and Cancel. */
    void addOptionControls(const Reference<lang::XMultiServiceFactory>& model, bool withKind, const OUString& month)
    {
        sal_Int32 y = 8;
        if (withKind) {
            addControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "kindLabel", {8, y + 2, 60, 10},
                       {{"Label", uno::Any(text(U("模板："), "Template:"))}});
            auto items = seq<OUString>({text(U("月度销售跨部门策略表"), "Monthly sales strategy table"),
                                     text(U("售后车间效率与产值目标"), "Workshop efficiency and revenue target")});
            addControl(model, "com.sun.star.awt.UnoControlListBoxModel", "kind", {70, y, 122, 12},
                       {{"StringItemList", uno::Any(items)}, {"Dropdown", uno::Any(true)},
                        {"SelectedItems", uno::Any(Sequence<sal_Int16>{0})}});
            y += 18;
        }
        // the label on a line of its own, so no UI language cuts it off
        addControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "monthLabel", {8, y, 184, 10},
                   {{"Label", uno::Any(withKind ? text(U("月份（如 2026-11 或 2026年11月）："), "Month (e.g. 2026-11):")
                                                : text(U("月份（留空：取多数文件的月份）："),
                                                       "Month (leave empty for the month most files have):"))}});
        y += 12;
        addControl(model, "com.sun.star.awt.UnoControlEditModel", "month", {8, y, 184, 12}, {{"Text", uno::Any(month)}});
        y += 18;
        if (withKind) {
            addControl(model, "com.sun.star.awt.UnoControlCheckBoxModel", "lock", {8, y, 184, 12},
                       {{"Label", uno::Any(text(U("锁定集团下达的目标（经销商不能修改）"), "Lock the targets the group sets"))},
                        {"State", uno::Any(sal_Int16(0))}});
            y += 14;
            addControl(model, "com.sun.star.awt.UnoControlCheckBoxModel", "portable", {8, y, 184, 12},
                       {{"Label", uno::Any(text(U("通用表格（推荐）"), "Portable files (recommended)"))},
                        {"State", uno::Any(sal_Int16(1))}});
            y += 12;
            addControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "portableHelp", {18, y, 174, 10},
                       {{"Label", uno::Any(text(U("经销商用 Excel、WPS 或未装 DealerKPI 的软件也能算出全部数字"),
                                                "Every figure computes in Excel, WPS or without DealerKPI"))}});
            y += 16;
        }
        addControl(model, "com.sun.star.awt.UnoControlButtonModel", "ok", {84, y, 50, 14},
                   {{"Label", uno::Any(text(U("确定"), "OK"))}, {"PushButtonType", uno::Any(sal_Int16(1))},
                    {"DefaultButton", uno::Any(true)}});
        addControl(model, "com.sun.star.awt.UnoControlButtonModel", "cancel", {142, y, 50, 14},
                   {{"Label", uno::Any(text(U("取消"), "Cancel"))}, {"PushButtonType", uno::Any(sal_Int16(2))}});
    }

    /** Shows the dialog of `model`: true for OK, and then `read` is given its
        controls before the dialog goes. */
    template <class Read>
    bool runDialog(const Reference<lang::XMultiServiceFactory>& model, Read read)
    {
        Reference<awt::XControl> dialog(
            ctx_->getServiceManager()->createInstanceWithContext(U("com.sun.star.awt.UnoControlDialog"), ctx_),
            uno::UNO_QUERY_THROW);
        dialog->setModel(Reference<awt::XControlModel>(model, uno::UNO_QUERY_THROW));
        dialog->createPeer(Reference<awt::XToolkit>(awt::Toolkit::create(ctx_), uno::UNO_QUERY_THROW), parent());
        if (Reference<awt::XDialog>(dialog, uno::UNO_QUERY_THROW)->execute() != 1) {
            dialog->dispose();
            return false;
        }
        read(Reference<awt::XControlContainer>(dialog, uno::UNO_QUERY_THROW));
        dialog->dispose();
        return true;
    }

    /** The small dialog: template kind (distribute only), month, lock and portable (distribute only). */
    bool askOptions(bool withKind, OUString& kind, OUString& month, bool& lock, bool& portable)
    {
        auto model = dialogModel(withKind ? 140 : 76, withKind ? text(U("下发模板"), "Distribute templates")
                                                               : text(U("汇总经销商报表"), "Roll up dealer reports"));
        addOptionControls(model, withKind, month);
        return runDialog(model, [&](const Reference<awt::XControlContainer>& cc) {
            month = Reference<awt::XTextComponent>(cc->getControl(U("month")), uno::UNO_QUERY_THROW)->getText().trim();
            if (withKind) {
                sal_Int16 pos =
                    Reference<awt::XListBox>(cc->getControl(U("kind")), uno::UNO_QUERY_THROW)->getSelectedItemPos();
                kind = OUString::createFromAscii(pos == 1 ? kWorkshop : kStrategy);
                lock = Reference<awt::XCheckBox>(cc->getControl(U("lock")), uno::UNO_QUERY_THROW)->getState() == 1;
                portable =
                    Reference<awt::XCheckBox>(cc->getControl(U("portable")), uno::UNO_QUERY_THROW)->getState() == 1;
            }
        });
    }

    void tellNotAMonth(const OUString& month)
    {
        tell((zh_ ? U("月份须写成 2026-11、2026/11 或 2026年11月：")
                  : U("The month must be written as 2026-11, 2026/11 or 2026年11月: ")) + month,
             true);
    }

    /** The template, month and lock, asked again until the month is one (before any folder is
        chosen, so nothing chosen so far is lost); false when cancelled. */
    bool askDistributeOptions(OUString& kind, OUString& month, bool& lock, bool& portable)
    {
        for (;;) {
            if (!scripted_ && !askOptions(true, kind, month, lock, portable))
                return false;
            const OUString normal = normalMonth(month);
            if (!normal.isEmpty()) {
                month = normal;
                return true;
            }
            tellNotAMonth(month);
            if (scripted_)
                return false;
        }
    }

    void distribute()
    {
        OUString dealers, outDir, kind = OUString::createFromAscii(kStrategy), month;
        bool lock = false, portable = true;  // portable unless asked otherwise: most dealers have no DealerKPI
        if (scripted_) {
            dealers = urlOfPath(answer("dealers"));
            outDir = urlOfPath(answer("out_dir"));
            if (!answer("kind").isEmpty())
                kind = answer("kind");
            month = answer("month");
            lock = answer("lock") == "1";
            portable = answer("portable") != "0";
            if (!askDistributeOptions(kind, month, lock, portable))
                return;
        } else {
            dealers = pickFile(false, text(U("选择经销商名单"), "Choose the dealers table"),
                               {{text(U("经销商名单 (*.ods;*.xlsx;*.csv)"), "Dealers table (*.ods;*.xlsx;*.csv)"),
                                 U("*.ods;*.xlsx;*.csv")}},
                               workingFolder());
            if (dealers.isEmpty() || !askDistributeOptions(kind, month, lock, portable))
                return;
            outDir = pickFolder(text(U("选择存放经销商文件的文件夹"), "Choose the folder for the dealer files"),
                                folderOf(dealers));
            if (outDir.isEmpty())
                return;
        }
        rtl::Reference<Workflow> workflow(new Workflow(ctx_));
        const auto rows =
            workflow->distributeShareWith(kind, dealers, month, outDir, lock, false, OUString(), 0, 1, portable, indicator());
        sal_Int32 written = 0;
        OUStringBuffer failed;
        for (const auto& row : rows) {
            if (row.Written)
                ++written;
            else if (zh_)
                failed.append(U("第 ") + OUString::number(row.Row) + U(" 行：") + row.Reason.TextZh + "\n");
            else
                failed.append("Row " + OUString::number(row.Row) + ": " + row.Reason.TextEn + "\n");
        }
        OUString folder;
        if (osl::FileBase::getSystemPathFromFileURL(outDir, folder) != osl::FileBase::E_None)
            folder = outDir;
        OUString message = zh_ ? U("已生成 ") + OUString::number(written) + U(" 个经销商文件，在 ") + folder + U("。")
                               : "Wrote " + OUString::number(written) + " dealer files to " + folder + ".";
        if (!failed.isEmpty())
            message += (zh_ ? U("\n未生成：\n") : OUString("\nNot written:\n")) + failed.makeStringAndClear();
        tell(message);
    }

    /** The files under `folder` (collect.hxx, as the command line): the ones to read as URLs,
        the others as records that say why they were not read. */
    static std::vector<OUString> collect(const OUString& folder, const OUString& output, std::vector<DealerFile>& skipped)
    {
        OUString path, out;
        osl::FileBase::getSystemPathFromFileURL(folder, path);
        osl::FileBase::getSystemPathFromFileURL(output, out);
        std::vector<OUString> urls;
        for (const FoundFile& f : collectFiles({std::filesystem::path(path.toUtf8().getStr())},
                                               std::filesystem::path(out.toUtf8().getStr()))) {
            OUString url = urlOfPath(OUString::fromUtf8(f.path.string().c_str()));
            if (f.skip == Skip::None) {
                urls.push_back(url);
                continue;
            }
            DealerFile d;
            d.Url = url;
            const OUString both = OUString::fromUtf8(skipText(f.skip).c_str());
            const sal_Int32 at = both.indexOf(" / ");
            d.Problems = seq<Problem>({problem("not_read", OUString(), both.copy(0, at), both.copy(at + 3))});
            skipped.push_back(d);
        }
        return urls;
    }

    OUString rollupSummary(const RollupResult& r) const
    {
        auto n = [](sal_Int32 v) { return OUString::number(v); };
        if (zh_)
            return U("月份 ") + r.Month + U("：已汇总 ") + n(r.TakenStrategy + r.TakenWorkshop) + U(" 个文件（策略表 ") +
                   n(r.TakenStrategy) + U(" 个，售后表 ") + n(r.TakenWorkshop) + U(" 个），未采用 ") + n(r.NotTaken) +
                   U(" 个。 ") + fileNameOfUrl(r.Url);
        return "Month " + r.Month + ": " + n(r.TakenStrategy + r.TakenWorkshop) + " files rolled up (" +
               n(r.TakenStrategy) + " strategy tables, " + n(r.TakenWorkshop) + " workshop tables), " +
               n(r.NotTaken) + " not taken. " + fileNameOfUrl(r.Url);
    }

    /** The roll-up's month, asked again until it is empty (the month most files have) or a month. */
    bool askRollupMonth(OUString& month)
    {
        OUString kind;
        bool lock = false, portable = false;
        for (;;) {
            if (!askOptions(false, kind, month, lock, portable))
                return false;
            if (month.isEmpty() || !normalMonth(month).isEmpty()) {
                month = normalMonth(month);
                return true;
            }
            tellNotAMonth(month);
        }
    }

    void rollup()
    {
        OUString inputs, output, month;
        if (scripted_) {
            inputs = urlOfPath(answer("inputs"));
            output = urlOfPath(answer("output"));
            month = answer("month");
        } else {
            inputs = pickFolder(text(U("选择收回的经销商报表所在的文件夹"), "Choose the folder of the dealer reports"),
                                workingFolder());
            if (inputs.isEmpty())
                return;
            if (!askRollupMonth(month))
                return;
            output = pickSpreadsheetToSave(text(U("保存集团汇总"), "Save the group roll-up"), folderOf(inputs),
                                           U("集团汇总") + (month.isEmpty() ? OUString() : "_" + month));
            if (output.isEmpty())
                return;
        }
        std::vector<DealerFile> records;
        std::vector<OUString> urls = collect(inputs, output, records);
        rtl::Reference<Workflow> workflow(new Workflow(ctx_));
        auto status = indicator();
        if (status.is())
            status->start(text(U("汇总经销商报表"), "Rolling up dealer reports"), static_cast<sal_Int32>(urls.size()));
        for (size_t i = 0; i < urls.size(); ++i) {
            if (status.is()) {
                status->setText(text(U("读取 "), "Reading ") + fileNameOfUrl(urls[i]));
                status->setValue(static_cast<sal_Int32>(i));
            }
            records.push_back(workflow->readDealerFile(urls[i]));
        }
        if (status.is())
            status->end();
        // The save picker has asked about replacing an existing file already.
        const RollupResult done =
            workflow->writeRollup(Sequence<DealerFile>(records.data(), records.size()), month, output, true);
        if (!scripted_ || answer("open") != "0") {
            auto desktop = frame::Desktop::create(ctx_);
            Sequence<beans::PropertyValue> args;
            if (scripted_)
                args = seq<beans::PropertyValue>({prop("Hidden", uno::Any(true))});
            desktop->loadComponentFromURL(output, U("_blank"), 0, args);
        }
        tell(rollupSummary(done));
    }

    /** The answers of a dialog of text fields (scripted: from the answers file, by `keys`). */
    bool ask(const OUString& title, const std::vector<OUString>& labels, const std::vector<const char*>& keys,
             std::vector<OUString>& values)
    {
        if (scripted_) {
            for (size_t i = 0; i < keys.size(); ++i)
                values[i] = answer(keys[i]);
            return true;
        }
        return askFields(ctx_, parent(), title, labels, values, text(U("确定"), "OK"), text(U("取消"), "Cancel"));
    }

    /** 经销商提交情况…: who of a month's issued dealers has a taken file, from the group's store. */
    void status()
    {
        std::vector<OUString> month{OUString()};
        if (!ask(text(U("经销商提交情况"), "Dealer submissions"), {text(U("月份（YYYY-MM）："), "Month (YYYY-MM):")},
                 {"month"}, month))
            return;
        if (normalMonth(month[0]).isEmpty()) {
            tellNotAMonth(month[0]);
            return;
        }
        month[0] = normalMonth(month[0]);
        rtl::Reference<Workflow> workflow(new Workflow(ctx_));
        const auto lines = workflow->submissionStatus(answer("store"), month[0], OUString());
        if (!lines.hasElements()) {
            tell(text(U("此月没有下发记录："), "Nothing was issued for ") + month[0], true);
            return;
        }
        sal_Int32 taken = 0;
        OUStringBuffer waiting;
        for (const SubmissionStatus& l : lines) {
            taken += l.Taken ? 1 : 0;
            if (!l.Taken)
                waiting.append(l.DealerCode + " " + l.Dealer + " (" + l.Kind + "): " +
                               (zh_ ? l.Reason.TextZh : l.Reason.TextEn) + "\n");
        }
        const OUString n = OUString::number(taken), all = OUString::number(lines.getLength());
        tell((zh_ ? month[0] + U("：") + n + U("/") + all + U(" 已采用")
                  : month[0] + ": " + n + "/" + all + " taken") +
             (waiting.isEmpty() ? OUString() : "\n" + waiting.makeStringAndClear()));
    }

    /** 集团趋势…: the group's months from the store, as a workbook that opens. */
    void trend()
    {
        std::vector<OUString> months{OUString(), OUString()};
        if (!ask(text(U("集团趋势"), "Group trend"),
                 {text(U("起始月（YYYY-MM）："), "From (YYYY-MM):"), text(U("截止月（YYYY-MM）："), "To (YYYY-MM):")},
                 {"from", "to"}, months))
            return;
        for (const OUString& m : months)
            if (normalMonth(m).isEmpty()) {
                tellNotAMonth(m);
                return;
            }
        const OUString output = pickSpreadsheetToSave(text(U("保存集团趋势"), "Save the group trend"));
        if (output.isEmpty())
            return;
        rtl::Reference<Workflow> workflow(new Workflow(ctx_));
        // The save picker has asked about replacing an existing file already.
        const TrendResult done = workflow->writeTrendFromStore(answer("store"), months[0], months[1], output, true);
        if (!scripted_ || answer("open") != "0")
            frame::Desktop::create(ctx_)->loadComponentFromURL(output, U("_blank"), 0, {});
        const OUString m = OUString::number(done.Months), d = OUString::number(done.DealersStrategy);
        tell(zh_ ? U("集团趋势：") + m + U(" 个月，") + d + U(" 个经销商。 ") + fileNameOfUrl(done.Url)
                 : "Group trend: " + m + " months, " + d + " dealers. " + fileNameOfUrl(done.Url));
    }

    /** 另存为通用表格…: a copy of the document in front, every add-in call written as its
        native twin, for a dealer whose program has no DealerKPI (docs/portable.md). */
    void savePortable()
    {
        Reference<frame::XController> controller = frame_.is() ? frame_->getController() : nullptr;
        Reference<lang::XComponent> doc(controller.is() ? controller->getModel() : nullptr, uno::UNO_QUERY);
        if (!doc.is())
            return;
        const OUString stem = stemOfUrl(Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getURL());
        const OUString output = pickSpreadsheetToSave(text(U("另存为通用表格"), "Save as a portable file"),
                                                      workingFolder(), (stem.isEmpty() ? U("DealerKPI") : stem) + U("_通用"));
        if (output.isEmpty())
            return;
        savePortableCopy(ctx_, doc, output);
        tell(zh_ ? U("已另存为通用表格：") + shownPath(output) +
                       U("\n在没有 DealerKPI 的 Excel、WPS 或 LibreOffice 中也能算出全部数字；本文档未改动。")
                 : "Saved as a portable file: " + shownPath(output) +
                       "\nEvery figure computes in Excel, WPS or LibreOffice without DealerKPI; this document is unchanged.");
    }

    Reference<uno::XComponentContext> ctx_;
    Reference<frame::XFrame> frame_;
    bool zh_;
    bool scripted_ = false;
    std::map<OUString, OUString> answers_;
};

} // namespace
} // namespace dealerkpi::group

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_dealerkpi_group_Menu_get_implementation(uno::XComponentContext* ctx, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new dealerkpi::group::Menu(ctx));
}
