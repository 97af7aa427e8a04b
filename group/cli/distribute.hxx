// dealerkpi-group distribute: the dealers table written by --jobs offices side
// by side (each writes its share of the rows, all with one issue stamp), the
// rows reported in table order, and on Ctrl-C the files written so far.
#pragma once

#include "options.hxx"

namespace dealerkpi::group {

int run_distribute(const Command& c);

}  // namespace dealerkpi::group
