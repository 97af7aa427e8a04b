// The one routine that turns a roll-up's inputs (files and folders) into the
// files to read, and every other file found with why it is not read. Used by
// the command line and by the Calc menu, so that both read the same files.
// Pure C++ (std::filesystem), no UNO.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dealerkpi::group {

enum class Skip { None, Hidden, LockFile, Unsupported, Link };

struct FoundFile
{
    std::filesystem::path path;  // absolute, normal
    Skip skip = Skip::None;      // None: to be read
};

/** Every file named and every file under every folder named (recursively, in
    name order), once each, without `output`: the .ods, .xlsx and .xls to read,
    the rest with why not (hidden, a lock file such as ~$x.ods or .~lock.x#,
    another format such as .xlsm or .ods.bak, a symbolic link). A file named
    explicitly is read whatever its name. Throws std::filesystem::filesystem_error
    for a folder that cannot be read. */
std::vector<FoundFile> collectFiles(const std::vector<std::filesystem::path>& inputs,
                                    const std::filesystem::path& output);

/** Why a file is not read, in Chinese and English. */
std::string skipText(Skip why);

} // namespace dealerkpi::group
