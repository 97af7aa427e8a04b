// dealerkpi-group trend: the group's months from the store (templates.md section 8).
#include "records.hpp"

namespace dkgroup {

int run_trend(const Command& c)
{
    (void)c;
    throw Failure(kNothing, "trend: 尚未实现 / not implemented yet");
}

}  // namespace dkgroup
