// The one reading of a month as people write it, for the command line and the
// service alike (the templates' month rule accepts the same spellings).
#pragma once

#include <string>
#include <string_view>

namespace dealerkpi::group {

/** "YYYY-MM" of a month written 2026-11, 2026-1, 2026/11, 2026.11, 2026年11月 or
    2026年1月, with spaces around it allowed; a year from 2000 to 2099, as the
    templates' month cells accept. Empty for anything else ("2026-11 这是假的",
    "1899-12", "2026-13", "202611"). */
std::string normalMonth(std::string_view typed);

}  // namespace dealerkpi::group
