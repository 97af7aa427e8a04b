#include "core/dealerkpi.hpp"
#include <gtest/gtest.h>
using namespace dealerkpi;
TEST(Smoke, SplitQuarter) {
    Cell w[] = {Cell::of(100), Cell::of(70), Cell::of(115)};
    std::vector<double> parts;
    ASSERT_EQ(targetSplit(330, Grid(w, 3, 1), 0, parts), Error::None);
    EXPECT_EQ(parts, (std::vector<double>{116, 81, 133}));
}
