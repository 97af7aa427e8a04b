#include "office.hxx"
#include "progress.hxx"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XSet.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <osl/file.hxx>
#include <osl/pipe.hxx>
#include <osl/process.h>
#include <osl/security.hxx>
#include <rtl/ustring.hxx>

extern char** environ;

namespace fs = std::filesystem;
using namespace css;
using css::uno::Reference;

namespace dealerkpi::group {

namespace {

constexpr int kRestartCode = 81;  // soffice asks to be started again (fresh profile, new extension)

// Every office this process runs, for the interrupt handler.
std::mutex registry_mutex;
std::set<Office*> registry;
std::set<std::string> temp_dirs;
std::function<void()> interrupt_hook;

// The offices' process groups again, lock-free, for a crash of this program
// (a signal handler may take no lock).
constexpr int kMaxOffices = 128;
std::atomic<pid_t> live_groups[kMaxOffices];

void remember_group(pid_t pid) {
    for (auto& slot : live_groups) {
        pid_t empty = 0;
        if (slot.compare_exchange_strong(empty, pid))
            return;
    }
}

void forget_group(pid_t pid) {
    for (auto& slot : live_groups) {
        pid_t p = pid;
        if (slot.compare_exchange_strong(p, 0))
            return;
    }
}

extern "C" void on_fatal_signal(int sig) {
    for (auto& slot : live_groups)
        if (pid_t p = slot.load())
            ::killpg(p, SIGKILL);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

fs::path system_path(const rtl::OUString& url) {
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return fs::path();
    return fs::path(to_utf8(path));
}

// osl's temporary folder ($TMPDIR, else /tmp).
fs::path temp_root() {
    rtl::OUString url;
    osl::FileBase::getTempDirURL(url);
    fs::path p = system_path(url);
    return p.empty() ? fs::path("/tmp") : p;
}

fs::path no_shared_cache() {
    // Extensions installed for all users would show in the throw-away profile
    // too; an empty shared cache keeps it to exactly the .oxt given.
    return temp_root() / "dealerkpi-no-shared-extensions";
}

fs::path make_temp_dir(const std::string& prefix) {
    std::string tmpl = (temp_root() / (prefix + "XXXXXX")).string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data()))
        throw Failure(kNothing, "无法创建临时文件夹 / cannot make a temporary folder in " + temp_root().string() +
                                    ": " + std::strerror(errno));
    std::lock_guard<std::mutex> lock(registry_mutex);
    temp_dirs.insert(buf.data());
    return fs::path(buf.data());
}

void remove_temp_dir(const fs::path& dir) {
    if (dir.empty())
        return;
    std::error_code ec;
    fs::remove_all(dir, ec);
    std::lock_guard<std::mutex> lock(registry_mutex);
    temp_dirs.erase(dir.string());
}

fs::path self_exe() {
    rtl::OUString url;
    if (osl_getExecutableFile(&url.pData) != osl_Process_E_None)
        return fs::path();
    return system_path(url);
}

// A program on PATH (osl searches it when no search path is given); empty when absent.
fs::path on_path(const char* name) {
    rtl::OUString url;
    if (osl::FileBase::searchFileURL(rtl::OUString::createFromAscii(name), rtl::OUString(), url) !=
        osl::FileBase::E_None)
        return fs::path();
    return system_path(url);
}

bool executable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p); }

// FNV-1a over the file's bytes: names the cached profile of one .oxt.
std::string content_hash(const fs::path& p, const std::string& salt) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw Failure(kNothing, "扩展包不可读 / cannot read the extension: " + p.string());
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](unsigned char c) { h = (h ^ c) * 1099511628211ULL; };
    for (unsigned char c : salt)
        mix(c);
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i)
            mix(static_cast<unsigned char>(buf[i]));
        if (!in)
            break;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

// An environment for a child: ours with the changes given (name=value, or name alone to drop).
std::vector<std::string> child_environment(const std::vector<std::string>& changes) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        std::string name = entry.substr(0, entry.find('='));
        bool replaced = false;
        for (const std::string& c : changes)
            if (c.substr(0, c.find('=')) == name)
                replaced = true;
        if (!replaced)
            env.push_back(entry);
    }
    for (const std::string& c : changes)
        if (c.find('=') != std::string::npos)
            env.push_back(c);
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
    std::vector<char*> out;
    for (std::string& s : v)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// posix_spawn into a process group of its own (so that killpg reaches everything
// the office starts), no signal blocked, in "/", stdin from /dev/null,
// stdout/stderr to `log` (or /dev/null when quiet, else ours).
pid_t spawn(std::vector<std::string> argv, std::vector<std::string> env, const std::string& log, bool quiet) {
    std::vector<char*> cargv = c_strings(argv);
    std::vector<char*> cenv = c_strings(env);
    posix_spawn_file_actions_t files;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&files);
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    // Every path given is absolute; "/" is a folder any user (unopkg runs as nobody) can be in.
    posix_spawn_file_actions_addchdir_np(&files, "/");
    if (!log.empty() || quiet) {
        const char* out = log.empty() ? "/dev/null" : log.c_str();
        posix_spawn_file_actions_addopen(&files, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&files, 1, 2);
    }
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    int err = ::posix_spawn(&pid, cargv[0], &files, &attr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (err != 0)
        throw Failure(kNothing, std::string("无法启动 / cannot start ") + argv[0] + ": " + std::strerror(err));
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string last_line(const fs::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos)
            last = line;
    return last;
}

// unopkg add into `profile`; as root, as user nobody (unopkg refuses a per-user
// install as root).
void unopkg_add(const OfficeSetup& s, const fs::path& profile, const fs::path& log) {
    std::vector<std::string> argv;
    std::vector<std::string> env_changes;
    if (::geteuid() == 0) {
        struct passwd* nobody = ::getpwnam("nobody");
        if (!nobody)
            throw Failure(kNothing, "as root, unopkg needs the user nobody");
        for (auto& e : fs::recursive_directory_iterator(profile))
            ::lchown(e.path().c_str(), nobody->pw_uid, nobody->pw_gid);
        ::chown(profile.c_str(), nobody->pw_uid, nobody->pw_gid);
        argv = {"/usr/bin/setpriv", "--reuid=" + std::to_string(nobody->pw_uid),
                "--regid=" + std::to_string(nobody->pw_gid), "--clear-groups"};
        env_changes = {"HOME=" + profile.string()};
    }
    argv.push_back((s.program_dir / "unopkg").string());
    argv.insert(argv.end(), {"add", "-s", fs::absolute(s.oxt).string(),
                             "-env:UserInstallation=" + to_utf8(file_url(profile)),
                             "-env:UNO_SHARED_PACKAGES_CACHE=" + to_utf8(file_url(no_shared_cache()))});
    int code = wait_exit(spawn(argv, child_environment(env_changes), log.string(), true));
    if (code != 0)
        throw Failure(kNothing, "无法安装扩展 / unopkg add failed (" + std::to_string(code) + "): " + last_line(log));
}

// The settings of every office that reads outsiders' files, written into its
// throw-away profile: nothing remote is fetched (linked images, OLE objects and
// SVGs are blocked as links of an untrusted document, Calc never updates links:
// external references, DDE, WEBSERVICE), no macro runs, no active content, a
// load never recalculates, and any request that still went out would go to a
// proxy on a port nobody listens on.
struct Setting {
    const char* name;
    const char* type;
    const char* value;
};
struct SettingsAt {
    const char* path;
    std::vector<Setting> settings;
};
const SettingsAt kOutsiderSettings[] = {
    {"/org.openoffice.Office.Common/Security/Scripting",
     {{"BlockUntrustedRefererLinks", "xs:boolean", "true"},
      {"DisableMacrosExecution", "xs:boolean", "true"},
      {"MacroSecurityLevel", "xs:int", "3"},
      {"DisableActiveContent", "xs:boolean", "true"}}},
    {"/org.openoffice.Office.Calc/Content/Update", {{"Link", "xs:int", "1"}}},
    {"/org.openoffice.Office.Calc/Formula/Load", {{"OOXMLRecalcMode", "xs:int", "1"}, {"ODFRecalcMode", "xs:int", "1"}}},
    {"/org.openoffice.Inet/Settings",
     {{"ooInetProxyType", "xs:int", "1"},
      {"ooInetHTTPProxyName", "xs:string", "127.0.0.1"},
      {"ooInetHTTPProxyPort", "xs:int", "9"},
      {"ooInetHTTPSProxyName", "xs:string", "127.0.0.1"},
      {"ooInetHTTPSProxyPort", "xs:int", "9"},
      {"ooInetNoProxy", "xs:string", ""}}},
};

void write_outsider_settings(const fs::path& profile) {
    fs::path xcu = profile / "user" / "registrymodifications.xcu";
    std::string text;
    {
        std::ifstream in(xcu, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::string end = "</oor:items>";
    std::size_t at = text.rfind(end);
    if (at == std::string::npos) {
        text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
               "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n" + end + "\n";
        at = text.rfind(end);
    }
    std::ostringstream items;
    for (const SettingsAt& at_path : kOutsiderSettings)
        for (const Setting& k : at_path.settings)
            items << "<item oor:path=\"" << at_path.path << "\"><prop oor:name=\"" << k.name
                  << "\" oor:op=\"fuse\" oor:type=\"" << k.type << "\"><value>" << k.value << "</value></prop></item>\n";
    text.insert(at, items.str());
    fs::create_directories(xcu.parent_path());
    std::ofstream out(xcu, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out)
        throw Failure(kNothing, "无法写入办公软件配置 / cannot write the office's settings: " + xcu.string());
}

// A network namespace of the office's own: as root `unshare --net`; otherwise a
// user namespace that maps this user to itself (so the pipe and the files stay
// ours) with its own network. Tried once with `true`; `why_not` says why not.
std::vector<std::string> network_confinement(std::string& why_not) {
    fs::path unshare = on_path("unshare"), truth = on_path("true");
    if (unshare.empty() || truth.empty()) {
        why_not = "unshare (util-linux) not found";
        return {};
    }
    std::vector<std::string> argv = {unshare.string()};
    if (::geteuid() == 0)
        argv.push_back("--net");
    else
        argv.insert(argv.end(), {"--user", "--map-current-user", "--net"});
    argv.push_back("--");
    std::vector<std::string> probe = argv;
    probe.push_back(truth.string());
    int code = wait_exit(spawn(probe, child_environment({}), "", true));
    if (code != 0) {
        why_not = "unshare refused here (exit " + std::to_string(code) + "; user namespaces disabled?)";
        return {};
    }
    return argv;
}

// The address-space limit (RLIMIT_AS), set by prlimit before it executes the office.
std::vector<std::string> memory_confinement(double bytes) {
    fs::path prlimit = on_path("prlimit");
    if (prlimit.empty())
        throw Failure(kNothing, "找不到 prlimit (util-linux) / prlimit not found: it sets each office's memory limit");
    char as[64];
    std::snprintf(as, sizeof as, "--as=%.0f", bytes);
    return {prlimit.string(), as, "--"};
}

void confine(OfficeSetup& s) {
    std::string why_not;
    s.confinement = network_confinement(why_not);
    s.network_isolated = !s.confinement.empty();
    if (!s.network_isolated)
        std::cerr << "dealerkpi-group: 注意：办公软件未能隔离网络（" << why_not
                  << "），仍已关闭所有远程链接的读取 / note: the offices run without a network namespace of their own ("
                  << why_not << "); fetching remote links is still switched off in their settings\n";
    std::vector<std::string> memory = memory_confinement(s.memory_bytes);
    s.confinement.insert(s.confinement.end(), memory.begin(), memory.end());
}

}  // namespace

std::string to_utf8(const rtl::OUString& s) {
    rtl::OString o = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), o.getLength());
}

rtl::OUString from_utf8(const std::string& s) {
    return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

rtl::OUString file_url(const fs::path& p) {
    rtl::OUString url;
    osl::FileBase::getFileURLFromSystemPath(from_utf8(fs::absolute(p).lexically_normal().string()), url);
    return url;
}

Reference<uno::XComponentContext> local_context() {
    static std::once_flag once;
    static Reference<uno::XComponentContext> ctx;
    static std::string error;
    std::call_once(once, [] {
        std::string rc = std::string("vnd.sun.star.pathname:") + DEALERKPI_LO_PROGRAM_DIR + "/fundamentalrc";
        ::setenv("URE_BOOTSTRAP", rc.c_str(), 0);
        try {
            ctx = cppu::defaultBootstrap_InitialComponentContext();
            // The group types: the office's type library does not have them.
            fs::path dir = self_exe().parent_path();
            fs::path rdb;
            for (const fs::path& c : {dir / "dealerkpi-group.rdb", dir / "../share/dealerkpi/dealerkpi-group.rdb"})
                if (fs::is_regular_file(c))
                    rdb = c;
            if (rdb.empty()) {
                error = "dealerkpi-group.rdb not found next to " + self_exe().string();
                ctx.clear();
                return;
            }
            Reference<container::XSet> types(
                ctx->getValueByName("/singletons/com.sun.star.reflection.theTypeDescriptionManager"), uno::UNO_QUERY_THROW);
            types->insert(uno::Any(file_url(fs::canonical(rdb))));
        } catch (const uno::Exception& e) {
            error = to_utf8(e.Message);
            ctx.clear();
        }
    });
    if (!ctx.is())
        throw Failure(kNothing, "UNO 运行环境无法启动 / cannot start the UNO runtime: " + error);
    return ctx;
}

void install_interrupt_handler() {
    ::signal(SIGPIPE, SIG_IGN);  // a dead office's pipe is an error code, not a signal
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        ::signal(sig, on_fatal_signal);  // no office outlives this program
    static sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);  // inherited by every thread made after this
    std::thread([] {
        int sig = 0;
        ::sigwait(&set, &sig);
        std::lock_guard<std::mutex> lock(registry_mutex);
        for (Office* o : registry)
            o->kill();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // their sockets closed
        for (Office* o : registry)
            o->remove_pipes();
        for (const std::string& d : temp_dirs) {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
        if (interrupt_hook)
            interrupt_hook();
        const char msg[] = "\ndealerkpi-group: 已中断，后台 LibreOffice 已关闭 / interrupted, offices stopped\n";
        ssize_t ignored = ::write(2, msg, sizeof msg - 1);
        (void)ignored;
        ::_exit(kInterrupted);
    }).detach();
}

void set_interrupt_hook(std::function<void()> hook) {
    std::lock_guard<std::mutex> lock(registry_mutex);
    interrupt_hook = std::move(hook);
}

namespace {

// soffice (--soffice, else DEALERKPI_SOFFICE, else the office built against) and
// its program folder, which must hold unopkg.
void find_soffice(const OfficeOptions& o, OfficeSetup& s) {
    const char* env_soffice = std::getenv("DEALERKPI_SOFFICE");
    s.soffice = !o.soffice.empty() ? o.soffice
              : env_soffice && *env_soffice ? env_soffice
                                            : std::string(DEALERKPI_LO_PROGRAM_DIR) + "/soffice";
    std::error_code ec;
    if (!executable(s.soffice))
        throw Failure(kNothing, "找不到 LibreOffice / soffice not found or not executable: " + s.soffice);
    s.program_dir = fs::canonical(s.soffice, ec).parent_path();
    if (!executable(s.program_dir / "unopkg"))
        throw Failure(kNothing, "找不到 unopkg / no unopkg next to " + s.soffice);
}

// The .oxt: --oxt, else DEALERKPI_OXT, else where it is installed next to this program.
fs::path find_oxt(const OfficeOptions& o) {
    const char* env_oxt = std::getenv("DEALERKPI_OXT");
    std::vector<fs::path> candidates;
    if (!o.oxt.empty())
        candidates = {o.oxt};
    else if (env_oxt && *env_oxt)
        candidates = {env_oxt};
    else {
        fs::path dir = self_exe().parent_path();
        candidates = {dir / "../share/dealerkpi/dealerkpi.oxt", dir / "dealerkpi.oxt"};
    }
    std::error_code ec;
    for (const fs::path& c : candidates)
        if (fs::is_regular_file(c, ec)) {
            fs::path found = fs::canonical(c, ec);
            if (!found.empty())
                return found;
            break;
        }
    throw Failure(kNothing, "找不到 DealerKPI 扩展包 / dealerkpi.oxt not found (looked at " +
                                candidates.front().string() + "; --oxt or DEALERKPI_OXT names it)");
}

fs::path cache_folder() {
    if (const char* c = std::getenv("DEALERKPI_GROUP_CACHE"); c && *c)
        return c;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
        return fs::path(x) / "dealerkpi-group";
    if (const char* h = std::getenv("HOME"); h && *h)
        return fs::path(h) / ".cache/dealerkpi-group";
    return temp_root() / ("dealerkpi-group-cache-" + std::to_string(::geteuid()));
}

// Makes s.profile in `cache`: a fresh profile with the .oxt added and started once,
// prepared in a temporary folder and renamed into place (marked by "ready").
void make_profile(const OfficeSetup& s, const fs::path& cache) {
    std::error_code ec;
    fs::path work = make_temp_dir("dealerkpi-group-prepare-");
    try {
        ::chmod(work.c_str(), 0755);
        fs::path profile = work / "profile";
        fs::create_directories(profile);
        unopkg_add(s, profile, work / "unopkg.log");
        {
            // The first start of a fresh profile (and after an extension add)
            // ends with the restart code: take it here, once.
            OfficeSetup first = s;
            first.profile = profile;
            Office office(first, -1);
            office.start();
            office.stop();
        }
        fs::path target_tmp = cache / ("tmp-" + std::to_string(::getpid()) + "-" + s.profile.filename().string());
        fs::remove_all(target_tmp, ec);
        fs::copy(profile, target_tmp, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
        std::ofstream(target_tmp / "ready") << s.oxt.string() << "\n";
        fs::rename(target_tmp, s.profile, ec);
        if (ec)  // another run prepared it at the same time
            fs::remove_all(target_tmp, ec);
    } catch (...) {
        remove_temp_dir(work);
        throw;
    }
    remove_temp_dir(work);
}

}  // namespace

OfficeSetup prepare_office(const OfficeOptions& o) {
    OfficeSetup s;
    s.timeout_seconds = o.timeout_seconds;
    s.memory_bytes = o.memory_bytes;
    s.verbose = o.verbose;
    find_soffice(o, s);
    s.oxt = find_oxt(o);

    // The cached profile: one per .oxt content and office.
    const fs::path cache = cache_folder();
    s.profile = cache / ("profile-" + content_hash(s.oxt, s.program_dir.string()));
    confine(s);
    std::error_code ec;
    if (fs::is_regular_file(s.profile / "ready", ec))
        return s;

    fs::create_directories(cache, ec);
    if (ec)
        throw Failure(kNothing, "无法创建缓存文件夹 / cannot make the cache folder " + cache.string() + ": " + ec.message());
    if (s.verbose)
        std::cerr << "dealerkpi-group: preparing a LibreOffice profile with " << s.oxt.string() << "\n";
    make_profile(s, cache);
    if (!fs::is_regular_file(s.profile / "ready", ec))
        throw Failure(kNothing, "无法准备配置 / cannot prepare the profile in " + cache.string());
    return s;
}

Office::Office(const OfficeSetup& setup, int index) : setup_(setup), index_(index) {}

Office::~Office() {
    try {
        stop();
    } catch (...) {
    }
}

void Office::launch() {
    static std::atomic<int> counter{0};
    pipe_ = "dealerkpi-group-" + std::to_string(::getpid()) + "-" + std::to_string(index_ + 1) + "-" +
            std::to_string(counter++);
    pipes_.push_back(pipe_);
    fs::path profile = index_ < 0 ? setup_.profile : workdir_ / "profile";
    std::vector<std::string> argv = setup_.confinement;
    argv.insert(argv.end(), {
        (setup_.program_dir / "soffice.bin").string(), "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
        "-env:UserInstallation=" + to_utf8(file_url(profile)),
        "-env:UNO_SHARED_PACKAGES_CACHE=" + to_utf8(file_url(no_shared_cache())),
        "--accept=pipe,name=" + pipe_ + ";urp;StarOffice.ComponentContext"});
    // The office's own temporary folder inside its work folder: what a killed
    // office leaves there (lu*.tmp) goes with the work folder.
    // Two malloc arenas: glibc otherwise reserves up to 64 MiB of address space for each
    // thread that allocates (Calc reads and computes on many), so the --memory limit on
    // address space would be met by reservations long before memory is used (LibreOffice
    // 25.2 reached 1 GiB reading an honest file at 210 MiB resident), and on more cores
    // sooner than on fewer; and a read's rise in address space would not say how much
    // the file took (grew_toward_limit).
    std::vector<std::string> env_changes = {"SAL_USE_VCLPLUGIN=svp", "SESSION_MANAGER", "MALLOC_ARENA_MAX=2"};
    if (!workdir_.empty())
        env_changes.push_back("TMPDIR=" + (workdir_ / "tmp").string());
    std::vector<std::string> env = child_environment(env_changes);
    {
        std::lock_guard<std::mutex> lock(registry_mutex);
        // What the office prints goes to its log, where hit_memory_limit looks for a failed
        // allocation; --verbose shows the log when the office stops.
        std::string log = workdir_.empty() ? "" : (workdir_ / "office.log").string();
        pid_ = spawn(argv, env, log, !setup_.verbose);
        peak_rss_ = 0;
        peak_as_ = 0;
        remember_group(pid_);
        reaped_ = false;
    }
}

bool Office::reap(int* status) {
    if (pid_ <= 0 || reaped_)
        return reaped_;
    int st = 0;
    pid_t r = ::waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
        reaped_ = true;
        status_ = st;
    }
    if (status)
        *status = status_;
    return reaped_;
}

bool Office::running() { return pid_ > 0 && !reap(nullptr); }

void Office::kill() {
    pid_t p = pid_;
    if (p > 0)
        ::killpg(p, SIGKILL);
}

namespace {
// An office's work folder: a copy of the prepared profile, set for outsiders' files,
// and its temporary folder; named after this process, so that what a run left can be
// told from another's.
fs::path make_office_workdir(const fs::path& profile) {
    fs::path workdir = make_temp_dir("dealerkpi-group-office-" + std::to_string(::getpid()) + "-");
    fs::copy(profile, workdir / "profile", fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    fs::create_directories(workdir / "tmp");
    write_outsider_settings(workdir / "profile");
    return workdir;
}
}  // namespace

void Office::start() {
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    Reference<uno::XComponentContext> local = local_context();
    if (index_ >= 0)
        workdir_ = make_office_workdir(setup_.profile);
    {
        std::lock_guard<std::mutex> lock(registry_mutex);
        registry.insert(this);
    }
    const clock::time_point deadline =
        clock::now() + std::chrono::duration_cast<clock::duration>(
                           std::chrono::duration<double>(std::max(60.0, setup_.timeout_seconds)));
    launch();
    connect(local, deadline);
    make_workflow();
    if (setup_.verbose)
        std::cerr << "dealerkpi-group: office " << index_ + 1 << " (pid " << pid_ << ") ready in "
                  << std::chrono::duration<double>(clock::now() - t0).count() << " s\n";
}

void Office::connect(const Reference<uno::XComponentContext>& local, std::chrono::steady_clock::time_point deadline) {
    Reference<bridge::XUnoUrlResolver> resolver = bridge::UnoUrlResolver::create(local);
    for (;;) {
        if (reap(nullptr)) {
            int code = WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
            ::killpg(pid_, SIGKILL);
            forget_group(pid_);
            if (code == kRestartCode) {
                launch();
                continue;
            }
            stop();
            throw Failure(kNothing, "LibreOffice 启动失败 / soffice exited with " + std::to_string(code) +
                                        " while starting (" + setup_.soffice + ")");
        }
        try {
            Reference<uno::XInterface> x = resolver->resolve(
                from_utf8("uno:pipe,name=" + pipe_ + ";urp;StarOffice.ComponentContext"));
            context_.set(x, uno::UNO_QUERY_THROW);
            return;
        } catch (const connection::NoConnectException&) {
        } catch (const uno::Exception& e) {
            stop();
            throw Failure(kNothing, "无法连接 LibreOffice / cannot connect to soffice: " + to_utf8(e.Message));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            stop();
            throw Failure(kNothing, "LibreOffice 未响应 / soffice did not answer within " +
                                        std::to_string(static_cast<int>(std::max(60.0, setup_.timeout_seconds))) + " s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void Office::make_workflow() {
    workflow_error_.clear();
    try {
        Reference<uno::XInterface> made = context_->getServiceManager()->createInstanceWithContext(
            "org.dealerkpi.group.Workflow", context_);
        workflow_.set(made, uno::UNO_QUERY);
        if (!made.is())
            workflow_error_ = "服务未注册 / the service is not registered in this office (is the .oxt installed?)";
        else if (!workflow_.is())
            workflow_error_ = "服务不支持 XGroupWorkflow / the service lacks org.dealerkpi.group.XGroupWorkflow";
    } catch (const uno::Exception& e) {
        workflow_.clear();
        workflow_error_ = to_utf8(e.Message);
    }
}

void Office::stop() {
    if (pid_ > 0) {
        bool asked = false;
        if (context_.is() && !reaped_) {
            try {
                asked = frame::Desktop::create(context_)->terminate();
            } catch (const uno::Exception&) {
                asked = true;  // the bridge went down with the office
            }
        }
        workflow_.clear();
        context_.clear();
        auto until = std::chrono::steady_clock::now() + std::chrono::seconds(asked ? 20 : 0);
        while (!reap(nullptr) && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ::killpg(pid_, SIGKILL);  // whatever is left of the group (soffice.bin under oosplash)
        if (!reaped_) {
            int st;
            while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
            }
            reaped_ = true;
        }
        if (setup_.verbose)
            std::cerr << "dealerkpi-group: office " << index_ + 1 << " (pid " << pid_ << ") stopped; peak memory "
                      << static_cast<long long>(peak_rss_ / 1024) << " KiB resident, "
                      << static_cast<long long>(peak_as_ / 1024) << " KiB address space\n";
        if (setup_.verbose)
            tell_log();
        std::lock_guard<std::mutex> lock(registry_mutex);
        forget_group(pid_);
        pid_ = -1;
    }
    {
        std::lock_guard<std::mutex> lock(registry_mutex);
        registry.erase(this);
    }
    remove_temp_dir(workdir_);
    workdir_.clear();
    remove_pipes();
}

double Office::status_field(const char* field) {
    pid_t p = pid_;
    if (p <= 0)
        return 0;
    std::ifstream in("/proc/" + std::to_string(p) + "/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0)
            return std::atof(line.c_str() + key.size()) * 1024.0;  // "VmHWM:   218852 kB"
    return 0;
}

void Office::sample_memory() {
    double rss = status_field("VmHWM"), as = status_field("VmPeak");
    if (rss > peak_rss_)
        peak_rss_ = rss;
    if (as > peak_as_)
        peak_as_ = as;
}

bool Office::hit_memory_limit() {
    sample_memory();
    if (at_memory_limit())
        return true;
    std::ifstream log(workdir_ / "office.log");
    std::string line;
    while (std::getline(log, line))
        if (line.find("bad_alloc") != std::string::npos || line.find("out of memory") != std::string::npos)
            return true;
    return false;
}

double Office::address_space_mark() {
    sample_memory();
    return peak_as_;
}

bool Office::grew_toward_limit(double mark) {
    sample_memory();
    return peak_as_ - mark > (setup_.memory_bytes - mark) / 3;
}

void Office::tell_log() const {
    std::ifstream log(workdir_ / "office.log");
    std::string line;
    while (std::getline(log, line))
        std::cerr << "dealerkpi-group: office " << index_ + 1 << ": " << printable(line) << "\n";
}

void Office::remove_pipes() {
    // An office that was killed leaves its pipe's socket file: osl removes a stale
    // one when a pipe of that name is created, and its own when that pipe closes.
    // The user's security names the file as the office's acceptor named it (OSL_PIPE_<uid>_<name>).
    osl::Security user;
    for (const std::string& p : pipes_) {
        osl::Pipe stale(from_utf8(p), osl_Pipe_CREATE, user);
        stale.close();
    }
    pipes_.clear();
}

void Office::restart() {
    kill();
    stop();
    start();
}

namespace {
// True when no process `pid` runs: none, or one killed and not yet reaped.
bool process_gone(pid_t pid) {
    if (::kill(pid, 0) != 0)
        return errno == ESRCH;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const std::size_t at = line.rfind(')');
    return at != std::string::npos && at + 2 < line.size() && (line[at + 2] == 'Z' || line[at + 2] == 'X');
}
}  // namespace

void remove_orphan_parts(const fs::path& dir, const std::string& name) {
    static const std::regex part(R"(\.~(.+)\.([0-9]{1,9})\.[0-9]+\.part)");
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::smatch m;
        const std::string file = it->path().filename().string();
        if (!std::regex_match(file, m, part) || (!name.empty() && m[1] != name))
            continue;
        if (process_gone(static_cast<pid_t>(std::stol(m[2])))) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

}  // namespace dealerkpi::group
