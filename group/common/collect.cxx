#include "collect.hxx"

#include <algorithm>
#include <cctype>
#include <set>

namespace fs = std::filesystem;

namespace dealerkpi::group {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

/** Why a file found under a folder is not read; None when it is. `below`: its path below the folder. */
Skip skipOf(const fs::directory_entry& entry, const fs::path& below)
{
    const std::string name = entry.path().filename().string();
    if (startsWith(name, "~$") || startsWith(name, ".~lock."))
        return Skip::LockFile;
    for (const auto& part : below)
        if (startsWith(part.string(), "."))
            return Skip::Hidden;
    std::error_code ec;
    if (entry.is_symlink(ec))
        return Skip::Link;
    const std::string ext = lower(entry.path().extension().string());
    if (ext != ".ods" && ext != ".xlsx" && ext != ".xls")
        return Skip::Unsupported;
    return Skip::None;
}

std::vector<FoundFile> inFolder(const fs::path& folder)
{
    std::vector<FoundFile> out;
    for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it) {
        std::error_code ec;
        if (it->is_directory(ec) && !it->is_symlink(ec))
            continue;
        out.push_back({fs::absolute(it->path()).lexically_normal(), skipOf(*it, it->path().lexically_relative(folder))});
    }
    std::sort(out.begin(), out.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    return out;
}

} // namespace

std::vector<FoundFile> collectFiles(const std::vector<fs::path>& inputs, const fs::path& output)
{
    std::vector<FoundFile> found;
    std::set<fs::path> seen;
    std::error_code ec;
    const fs::path out = output.empty() ? fs::path() : fs::weakly_canonical(fs::absolute(output), ec);
    auto take = [&](const FoundFile& f) {
        fs::path c = fs::weakly_canonical(f.path, ec);
        if ((!out.empty() && c == out) || !seen.insert(f.skip == Skip::None ? c : f.path).second)
            return;
        found.push_back(f);
    };
    for (const fs::path& input : inputs) {
        if (fs::is_directory(input, ec)) {
            for (const FoundFile& f : inFolder(input))
                take(f);
        } else {
            take({fs::absolute(input).lexically_normal(), Skip::None});
        }
    }
    return found;
}

std::string skipText(Skip why)
{
    switch (why) {
    case Skip::Hidden: return "隐藏文件，未读取 / a hidden file, not read";
    case Skip::LockFile: return "锁定文件（文件正被编辑时产生），未读取 / a lock file, not read";
    case Skip::Unsupported:
        return "不支持的文件格式（只读取 .ods、.xlsx、.xls），未读取 / an unsupported format (only .ods, .xlsx, .xls are read)";
    case Skip::Link: return "符号链接，未读取 / a symbolic link, not read";
    default: return std::string();
    }
}

} // namespace dealerkpi::group
