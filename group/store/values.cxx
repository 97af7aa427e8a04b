// What the store keeps of a file's values and saved time, by the contract.
#include "store.hxx"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "contract.hxx"

namespace dealerkpi::group::store {

std::vector<Value> group_set_values(const std::string& kind, const std::vector<Value>& values)
{
    std::vector<Value> out;
    for (const contract::Template& t : contract::kTemplates) {
        if (kind != t.stamp)
            continue;
        for (std::size_t i = 0; i < t.cellCount; ++i)
            for (const Value& v : values)
                if (t.cells[i].groupSet && v.name == t.cells[i].name)
                    out.push_back(v);
    }
    return out;
}

std::string saved_time_text(double serial)
{
    if (!(serial > 0) || !std::isfinite(serial))
        return {};
    // days since 1899-12-30 -> milliseconds since 1970-01-01 (the document's own clock)
    const long long ms = std::llround((serial - 25569.0) * 86400000.0);
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[40];
    std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%03lld", ((ms % 1000) + 1000) % 1000);
    return buf;
}

}  // namespace dealerkpi::group::store
