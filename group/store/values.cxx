// What the store keeps of a file's values and saved time, by the contract.
#include "store.hxx"

#include "contract.hxx"
#include "serial_date.hxx"

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
    return momentText(serial);  // days since 1899-12-30, the document's own clock
}

}  // namespace dealerkpi::group::store
