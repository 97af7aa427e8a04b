// The portable form of a formula: every add-in call (and guard) that has a
// native twin in templates/kit/twins.py written as that twin, so that the
// formula computes in any spreadsheet program (docs/portable.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dealerkpi::group::portable {

/** The most characters a formula may have in Excel (its specification's limit; a longer
    one is dropped when Excel opens the file, and its last saved result stays as a constant). */
constexpr std::size_t kMostCharacters = 8192;

struct Converted
{
    std::string formula;               // the formula with every twin put in
    int replaced = 0;                  // calls replaced by their twins
    bool array = false;                // a twin in it computes only as an array formula (the whole formula is entered so)
    std::vector<std::string> missing;  // add-in calls left as they were (no twin for their form), named as in the function wizard
};

/** `formula` (UTF-8, as XCell::getFormula gives it: English names, ';' between
    arguments, the add-in as FUNNEL_RATE or ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE)
    with every call that has a twin replaced, innermost first. */
Converted convert(std::string_view formula);

/** The letters of the n-th column (1 = A, 27 = AA), as a cell address writes them. */
std::string columnLetters(long n);

} // namespace dealerkpi::group::portable
