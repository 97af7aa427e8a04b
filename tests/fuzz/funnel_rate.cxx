// FUNNEL_RATE: any converted/entered blocks, either method, against the
// oracle (tests/oracle/funnel_rate.hxx): an error only where the spec gives
// that error, a rate within the oracle's stated units in the last place.
#include "fuzz_input.hxx"
#include "oracle/core_glue.hxx"
#include "oracle/funnel_rate.hxx"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t header = in.byte();
    const RateMethod method = header & 1 ? RateMethod::Mean : RateMethod::Pooled;
    const Block converted = in.block();
    // Usually the same shape (the interesting case), sometimes any shape.
    const Block entered = header & 2 ? in.block() : in.shaped(converted.rows, converted.cols);

    const Number got = funnelRate(converted, entered, method);
    const oracle::Scalar want = oracle::funnelRate(oracle::rangeOf(converted), oracle::rangeOf(entered),
                                                   method == RateMethod::Mean ? oracle::RateMethod::Mean
                                                                              : oracle::RateMethod::Pooled);
    std::string why;
    if (!oracle::judge(want, got, why))
        fail(why.c_str());
    return 0;
}
