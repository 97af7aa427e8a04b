// WORKSHOP_EFFICIENCY: any three blocks of hours, each measure, against the
// oracle (tests/oracle/workshop_efficiency.hxx).
#include "fuzz_input.hxx"
#include "oracle/core_glue.hxx"
#include "oracle/workshop_efficiency.hxx"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t header = in.byte();
    const Measure measure = static_cast<Measure>(1 + (header & 3u) % 3);
    const Block sold = in.block();
    const Block worked = header & 4 ? in.block() : in.shaped(sold.rows, sold.cols);
    const Block available = header & 8 ? in.block() : in.shaped(sold.rows, sold.cols);

    const Number got = workshopEfficiency(sold, worked, available, measure);
    const oracle::Scalar want =
        oracle::workshopEfficiency(oracle::rangeOf(sold), oracle::rangeOf(worked), oracle::rangeOf(available),
                                   static_cast<oracle::Measure>(static_cast<int>(measure)));
    std::string why;
    if (!oracle::judge(want, got, why))
        fail(why.c_str());
    return 0;
}
