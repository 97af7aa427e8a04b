#include "month.hxx"

#include <cstdio>

namespace dealerkpi::group {
namespace {

constexpr std::string_view kYear = "年";
constexpr std::string_view kMonth = "月";

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return !s.empty();
}

}  // namespace

std::string normalMonth(std::string_view typed) {
    std::string_view s = trimmed(typed);
    std::string_view year, month;
    if (s.size() > kMonth.size() && s.substr(s.size() - kMonth.size()) == kMonth) {
        s.remove_suffix(kMonth.size());
        const auto at = s.find(kYear);
        if (at == std::string_view::npos)
            return {};
        year = s.substr(0, at);
        month = s.substr(at + kYear.size());
    } else {
        const auto at = s.find_first_of("-/.");
        if (at == std::string_view::npos)
            return {};
        year = s.substr(0, at);
        month = s.substr(at + 1);
    }
    if (year.size() != 4 || !digits(year) || month.empty() || month.size() > 2 || !digits(month))
        return {};
    const int y = std::stoi(std::string(year)), m = std::stoi(std::string(month));
    if (y < 2000 || y > 2099 || m < 1 || m > 12)
        return {};
    char out[8];
    std::snprintf(out, sizeof out, "%04d-%02d", y, m);
    return out;
}

}  // namespace dealerkpi::group
