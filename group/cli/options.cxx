#include "options.hxx"

#include "../common/month.hxx"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include <boost/program_options.hpp>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace dealerkpi::group {

namespace {

const char* const kGeneralHelp =
    "dealerkpi-group: DealerKPI 集团工作流 / the DealerKPI dealer-group workflow\n"
    "\n"
    "  下发模板 / send the templates to the dealers:\n"
    "    dealerkpi-group distribute --template strategy_table|workshop_targets \\\n"
    "        --dealers DEALERS.ods|.xlsx|.csv --month YYYY-MM --out DIR [--lock] [--force]\n"
    "        [--portable] [--jobs N]\n"
    "\n"
    "  汇总经销商报表 / roll the filled files up into one group workbook (集团汇总):\n"
    "    dealerkpi-group rollup --out GROUP.ods|GROUP.xlsx [--jobs N] [--month YYYY-MM]\n"
    "        [--force] INPUT...\n"
    "\n"
    "  经销商提交情况 / who has sent the month's files (from the store):\n"
    "    dealerkpi-group status --month YYYY-MM [--template KIND] [--store S] [--csv]\n"
    "\n"
    "  集团趋势 / the group's months from the store:\n"
    "    dealerkpi-group trend --from YYYY-MM --to YYYY-MM --out TREND.ods|.xlsx [--store S] [--force]\n"
    "\n"
    "  distribute and rollup record what they wrote and read in the store (--store FILE or\n"
    "  postgresql://…; default $DEALERKPI_STORE, else ~/.local/share/dealerkpi/group.sqlite;\n"
    "  --no-store records nothing).\n"
    "\n"
    "  dealerkpi-group distribute --help   各选项说明 / every option of distribute\n"
    "  dealerkpi-group rollup --help       各选项说明 / every option of rollup\n"
    "\n"
    "Each command starts its own headless LibreOffice (with the DealerKPI extension, on a\n"
    "throw-away profile; your own LibreOffice settings are not touched) and stops it at the end.\n"
    "每个命令启动一个独立的后台 LibreOffice（临时配置，不影响您自己的设置），结束时关闭。\n"
    "\n"
    "退出码 / exit status:\n"
    "  0  完成 / done (rollup: the group workbook was written, whatever files were not taken)\n"
    "  1  distribute: 部分行未生成文件（已列出）/ some rows got no file (listed), the others did;\n"
    "     status: 有经销商未交或未采用 / some issued dealers have no taken file\n"
    "  2  命令行有误 / wrong command line (missing argument, unknown template, bad month)\n"
    "  3  什么也没写成 / nothing could be written (no input files, output not writable,\n"
    "     output exists without --force, LibreOffice could not start)\n"
    "  130 被中断 / interrupted (Ctrl-C)\n";

const char* const kDistributeIntro =
    "dealerkpi-group distribute: 为每个经销商生成本月模板 / one file per dealer\n"
    "\n"
    "  dealerkpi-group distribute --template strategy_table --dealers 经销商.csv \\\n"
    "      --month 2026-12 --out 下发/2026-12 --lock\n"
    "\n"
    "DEALERS 第一行是表头 / the first row is a header: 经销商代码, 经销商 and any of the\n"
    "template's named input cells (e.g. 交车数_目标, 订单交车率_目标, 售后产值目标).\n"
    "For every row it writes DIR/<经销商代码>_<经销商>_<YYYY-MM>.ods. A row with an unknown\n"
    "column, a value the cell refuses or a repeated dealer code gets no file and is listed\n"
    "with its row number; the other rows go on.\n"
    "\n"
    "Options / 选项";

const char* const kRollupIntro =
    "dealerkpi-group rollup: 把经销商交回的文件汇总成集团汇总 / roll the dealers' files up\n"
    "\n"
    "  dealerkpi-group rollup --out 集团汇总_2026-12.ods --jobs 2 回收/2026-12\n"
    "\n"
    "INPUT: files and folders; folders are searched recursively for .ods, .xlsx, .xls.\n"
    "输入可以是文件或文件夹（递归查找 .ods、.xlsx、.xls）。The files are opened read-only\n"
    "(never changed, no lock file left, macros never run). A file that cannot be taken is\n"
    "listed on sheet 问题清单 of the group workbook with its reason; the others are rolled up.\n"
    "\n"
    "Options / 选项";

[[noreturn]] void usage(const std::string& why);
std::string lower(std::string s);

void add_office_options(po::options_description& d, OfficeOptions& o) {
    d.add_options()
        ("memory", po::value<std::string>()->value_name("SIZE")->default_value("2G")->notifier([&o](const std::string& v) {
            o.memory_bytes = parse_size(v);
            if (o.memory_bytes < 1024.0 * 1024 * 1024)  // an honest file takes an office to 500-620 MiB
                usage("--memory 须为至少 1G 的大小 / --memory must be a size of at least 1G (e.g. 2G): " + v);
         }),
         "每个后台办公软件的内存上限 / memory limit of each office; a file that needs more is "
         "listed with that reason and the run goes on")
        ("office", po::value<std::string>(&o.soffice)->value_name("SOFFICE"),
         "使用另一个 LibreOffice / another office's soffice (default: $DEALERKPI_SOFFICE, "
         "else /usr/lib/libreoffice/program/soffice)")
        ("oxt", po::value<std::string>(&o.oxt)->value_name("FILE"),
         "DealerKPI 扩展包 / the dealerkpi.oxt to install into the throw-away profile "
         "(default: $DEALERKPI_OXT, else the one installed with this program)")
        ("timeout", po::value<double>(&o.timeout_seconds)->value_name("SECONDS")->default_value(300),
         "单个文件或启动的最长时间 / longest time for one file or one office start; "
         "an office that takes longer is restarted")
        ("verbose,v", po::bool_switch(&o.verbose), "显示办公软件的启动与关闭 / say what the offices do")
        ("help,h", "本说明 / this help");
}

std::string help_of(const char* intro, const po::options_description& d) {
    std::ostringstream s;
    s << intro << "\n" << d;
    return s.str();
}

// Boost's messages name the option; ours say it in both languages.
[[noreturn]] void usage(const std::string& why) {
    throw Failure(kUsage, why + " (dealerkpi-group --help)");
}

po::variables_map parse(const po::options_description& d, const po::positional_options_description* pos,
                        const std::vector<std::string>& args) {
    po::variables_map vm;
    try {
        auto parser = po::command_line_parser(args).options(d);
        if (pos)
            parser.positional(*pos);
        else
            parser.positional(po::positional_options_description());
        po::store(parser.run(), vm);
        po::notify(vm);
    } catch (const po::too_many_positional_options_error&) {
        usage("多余的参数 / unexpected argument");
    } catch (const po::error& e) {
        usage(std::string("命令行有误 / ") + e.what());
    }
    return vm;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Tries it: access() says yes to root on any folder, and nothing of a read-only mount.
bool writable_dir(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return false;
    fs::path probe = dir / (".dealerkpi-group-" + std::to_string(::getpid()));
    int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    ::unlink(probe.c_str());
    return true;
}

fs::path parent_of(const fs::path& p) {
    fs::path parent = fs::absolute(p).parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

}  // namespace

double parse_size(const std::string& text) {
    std::size_t used = 0;
    double n = 0;
    try {
        n = std::stod(text, &used);
    } catch (const std::exception&) {
        return -1;
    }
    std::string unit = lower(text.substr(used));
    if (unit == "k" || unit == "kb" || unit == "kib")
        n *= 1024.0;
    else if (unit == "m" || unit == "mb" || unit == "mib")
        n *= 1024.0 * 1024;
    else if (unit == "g" || unit == "gb" || unit == "gib")
        n *= 1024.0 * 1024 * 1024;
    else if (!unit.empty())
        return -1;
    return n >= 0 && n < 1e15 ? n : -1;
}

bool read_month(std::string& s) {
    std::string month = normalMonth(s);
    if (month.empty())
        return false;
    s = month;
    return true;
}

namespace {

// --help given: the command becomes the help of `od`.
bool help_asked(const po::variables_map& vm, const po::options_description& od, Command& c) {
    if (!vm.count("help"))
        return false;
    c.kind = Command::kHelp;
    c.help_text = help_of("", od);
    return true;
}

void check_timeout(const OfficeOptions& o) {
    if (!(o.timeout_seconds > 0))
        usage("--timeout must be > 0");
}

Command parse_distribute(const std::vector<std::string>& args) {
    Command c;
    Distribute& d = c.distribute;
    po::options_description od(kDistributeIntro, 110, 60);
    std::string dealers, out;
    od.add_options()
        ("template", po::value<std::string>(&d.template_kind)->value_name("KIND"),
         "strategy_table (月度销售跨部门策略表) or workshop_targets (售后车间效率与产值目标)")
        ("dealers", po::value<std::string>(&dealers)->value_name("FILE"),
         "经销商表 / the dealers table (.ods, .xlsx or .csv in UTF-8 or GB18030), one row per dealer")
        ("month", po::value<std::string>(&d.month)->value_name("YYYY-MM"), "月份 / the month, e.g. 2026-12")
        ("out", po::value<std::string>(&out)->value_name("DIR"),
         "输出文件夹 / the folder for the dealers' files (made if missing)")
        ("lock", po::bool_switch(&d.lock), "锁定集团设定的单元格 / lock the cells the group set")
        ("force", po::bool_switch(&d.force), "覆盖已有文件 / replace files that exist")
        ("portable", po::bool_switch(&d.portable),
         "通用表格：不装 DealerKPI 也能计算（Excel、WPS、Gnumeric）/ files that compute without DealerKPI")
        ("jobs,j", po::value<int>(&d.jobs)->value_name("N")->default_value(1),
         "同时运行的 LibreOffice 个数 / offices side by side (one per core)");
    add_store_options(od, c.store, false);
    add_office_options(od, c.office);
    po::variables_map vm = parse(od, nullptr, args);
    if (help_asked(vm, od, c))
        return c;
    c.kind = Command::kDistribute;
    for (const char* required : {"template", "dealers", "month", "out"})
        if (!vm.count(required))
            usage(std::string("缺少 / missing --") + required);
    if (d.template_kind != "strategy_table" && d.template_kind != "workshop_targets")
        usage("未知模板 / unknown template '" + d.template_kind +
              "' (strategy_table or workshop_targets)");
    if (!read_month(d.month))
        usage("月份应写成 2026-11 或 2026年11月 / --month must be a month such as 2026-11: '" + d.month + "'");
    if (d.jobs < 1 || d.jobs > 64)
        usage("--jobs 应为 1..64 / --jobs must be 1..64");
    d.dealers = dealers;
    d.out_dir = out;
    std::string ext = lower(d.dealers.extension().string());
    if (ext != ".ods" && ext != ".xlsx" && ext != ".csv")
        usage("经销商表应为 .ods、.xlsx 或 .csv / --dealers must be .ods, .xlsx or .csv: " + dealers);
    check_timeout(c.office);
    return c;
}

Command parse_rollup(const std::vector<std::string>& args) {
    Command c;
    Rollup& r = c.rollup;
    po::options_description od(kRollupIntro, 110, 60);
    std::string out;
    std::vector<std::string> inputs;
    od.add_options()
        ("out", po::value<std::string>(&out)->value_name("FILE"),
         "集团汇总 / the group workbook to write, .ods or .xlsx")
        ("jobs,j", po::value<int>(&r.jobs)->value_name("N")->default_value(1),
         "同时运行的 LibreOffice 数 / offices side by side (about one per core); "
         "the result is the same for every N")
        ("month", po::value<std::string>(&r.month)->value_name("YYYY-MM"),
         "只汇总此月 / the month to roll up (default: the month most files have)")
        ("force", po::bool_switch(&r.force), "覆盖已有的汇总 / replace an existing group workbook");
    add_store_options(od, c.store, true);
    add_office_options(od, c.office);
    po::options_description hidden;
    hidden.add_options()("input", po::value<std::vector<std::string>>(&inputs));
    po::options_description all;
    all.add(od).add(hidden);
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm = parse(all, &pos, args);
    if (help_asked(vm, od, c))
        return c;
    c.kind = Command::kRollup;
    if (!vm.count("out"))
        usage("缺少 / missing --out GROUP.ods|GROUP.xlsx");
    if (inputs.empty())
        usage("缺少输入文件或文件夹 / missing INPUT (files or folders)");
    if (r.jobs < 1 || r.jobs > 64)
        usage("--jobs 应为 1..64 / --jobs must be 1..64");
    if (!r.month.empty() && !read_month(r.month))
        usage("月份应写成 2026-11 或 2026年11月 / --month must be a month such as 2026-11: '" + r.month + "'");
    r.out = out;
    std::string ext = lower(r.out.extension().string());
    if (ext != ".ods" && ext != ".xlsx")
        usage("汇总应为 .ods 或 .xlsx / --out must end in .ods or .xlsx: " + out);
    for (const std::string& i : inputs)
        r.inputs.emplace_back(i);
    check_timeout(c.office);
    return c;
}

}  // namespace

Command parse_command_line(int argc, const char* const* argv) {
    Command c;
    std::vector<std::string> args(argv + std::min(argc, 2), argv + argc);
    std::string verb = argc >= 2 ? argv[1] : "";
    if (verb.empty() || verb == "-h" || verb == "--help" || verb == "help") {
        c.kind = Command::kHelp;
        c.help_text = kGeneralHelp;
        if (verb.empty())
            usage("缺少命令 / missing command: distribute or rollup");
        return c;
    }
    if (verb == "--version") {
        c.kind = Command::kVersion;
        return c;
    }
    if (verb == "distribute")
        return parse_distribute(args);
    if (verb == "rollup")
        return parse_rollup(args);
    if (verb == "status" || verb == "trend")
        return parse_store_command(verb, args);
    usage("未知命令 / unknown command '" + verb + "' (distribute, rollup, status or trend)");
    return c;
}

void check_distribute(const Distribute& d) {
    std::error_code ec;
    if (!fs::is_regular_file(d.dealers, ec))
        throw Failure(kNothing, "经销商表不存在 / dealers table not found: " + d.dealers.string());
    if (::access(d.dealers.c_str(), R_OK) != 0)
        throw Failure(kNothing, "经销商表不可读 / dealers table not readable: " + d.dealers.string());
    if (!fs::exists(d.out_dir, ec)) {
        fs::create_directories(d.out_dir, ec);
        if (ec)
            throw Failure(kNothing, "无法创建输出文件夹 / cannot make the output folder: " + d.out_dir.string() +
                                        " (" + ec.message() + ")");
    }
    if (!writable_dir(d.out_dir))
        throw Failure(kNothing, "输出文件夹不可写 / output folder not writable: " + d.out_dir.string());
}

void check_rollup_output(const Rollup& r) {
    std::error_code ec;
    fs::path dir = parent_of(r.out);
    if (!writable_dir(dir))
        throw Failure(kNothing, "输出文件夹不存在或不可写 / output folder missing or not writable: " + dir.string());
    if (fs::exists(r.out, ec)) {
        if (!r.force)
            throw Failure(kNothing, "汇总已存在，用 --force 覆盖 / output exists (use --force to replace it): " +
                                        r.out.string());
        if (fs::is_directory(r.out, ec) || ::access(r.out.c_str(), W_OK) != 0)
            throw Failure(kNothing, "汇总不可写 / output not writable: " + r.out.string());
    }
}

std::vector<dealerkpi::group::FoundFile> collect_inputs(const Rollup& r) {
    std::error_code ec;
    for (const fs::path& input : r.inputs)
        if (!fs::exists(fs::symlink_status(input, ec)))
            throw Failure(kUsage, "输入不存在 / input not found: " + input.string());
    std::vector<dealerkpi::group::FoundFile> found;
    try {
        found = dealerkpi::group::collectFiles(r.inputs, r.out);
    } catch (const fs::filesystem_error& e) {
        throw Failure(kNothing, "文件夹不可读 / folder not readable: " + e.path1().string() + " (" + e.what() + ")");
    }
    if (std::none_of(found.begin(), found.end(), [](const auto& f) { return f.skip == dealerkpi::group::Skip::None; }))
        throw Failure(kNothing, "没有找到 .ods、.xlsx 或 .xls 文件 / no input files (.ods, .xlsx, .xls) in the INPUT given");
    return found;
}

void add_store_options(po::options_description& d, StoreOptions& s, bool rule) {
    d.add_options()
        ("store", po::value<std::string>(&s.where)->value_name("FILE|postgresql://…"),
         "集团数据库 / the group's store: an SQLite file or a PostgreSQL URL (default: "
         "$DEALERKPI_STORE, else ${XDG_DATA_HOME:-~/.local/share}/dealerkpi/group.sqlite)")
        ("no-store", po::bool_switch(&s.none), "不记录到数据库 / record nothing in the store");
    if (rule)
        d.add_options()
            ("doubt-factor", po::value<double>(&s.count_factor)->value_name("X")->default_value(3),
             "请核实：数量超过近 3 个月平均的 X 倍或低于 1/X / a count above X times or below 1/X of the "
             "dealer's last three taken months is listed to check")
            ("doubt-points", po::value<double>(&s.rate_points)->value_name("P")->default_value(30),
             "请核实：比率变动超过 P 个百分点 / a rate moving more than P points is listed to check");
}

Command parse_store_command(const std::string& verb, const std::vector<std::string>& args) {
    Command c;
    po::options_description od(verb == "status" ? "dealerkpi-group status: 经销商提交情况 / who has sent the month's "
                                                  "files, from the store\n\nOptions / 选项"
                                                : "dealerkpi-group trend: 集团趋势 / the group's months from the "
                                                  "store\n\nOptions / 选项",
                               110, 60);
    std::string out;
    if (verb == "status")
        od.add_options()
            ("month", po::value<std::string>(&c.status.month)->value_name("YYYY-MM"), "月份 / the month")
            ("template", po::value<std::string>(&c.status.kind)->value_name("KIND"),
             "只看此模板 / only this template (strategy_table or workshop_targets)")
            ("csv", po::bool_switch(&c.status.csv), "输出 CSV / comma-separated values with a header row");
    else
        od.add_options()
            ("from", po::value<std::string>(&c.trend.from)->value_name("YYYY-MM"), "起始月份 / the first month")
            ("to", po::value<std::string>(&c.trend.to)->value_name("YYYY-MM"), "结束月份 / the last month")
            ("out", po::value<std::string>(&out)->value_name("FILE"), "集团趋势 / the workbook to write, .ods or .xlsx")
            ("force", po::bool_switch(&c.trend.force), "覆盖已有文件 / replace an existing workbook");
    od.add_options()("store", po::value<std::string>(&c.store.where)->value_name("FILE|postgresql://…"),
                     "集团数据库 / the group's store (default: $DEALERKPI_STORE, else "
                     "${XDG_DATA_HOME:-~/.local/share}/dealerkpi/group.sqlite)");
    add_office_options(od, c.office);
    po::variables_map vm = parse(od, nullptr, args);
    if (help_asked(vm, od, c))
        return c;
    if (verb == "status") {
        c.kind = Command::kStatus;
        if (!read_month(c.status.month))
            usage("缺少或错误的 --month YYYY-MM / missing or wrong --month YYYY-MM");
        if (!c.status.kind.empty() && c.status.kind != "strategy_table" && c.status.kind != "workshop_targets")
            usage("未知模板 / unknown template '" + c.status.kind + "' (strategy_table or workshop_targets)");
        return c;
    }
    c.kind = Command::kTrend;
    if (!read_month(c.trend.from) || !read_month(c.trend.to) || c.trend.to < c.trend.from)
        usage("--from 与 --to 应为 YYYY-MM，且 --from 不晚于 --to / --from and --to must be YYYY-MM, from <= to");
    if (out.empty())
        usage("缺少 / missing --out TREND.ods|.xlsx");
    c.trend.out = out;
    std::string ext = lower(c.trend.out.extension().string());
    if (ext != ".ods" && ext != ".xlsx")
        usage("趋势表应为 .ods 或 .xlsx / --out must end in .ods or .xlsx: " + out);
    return c;
}

}  // namespace dealerkpi::group
