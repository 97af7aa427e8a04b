// Counts heap allocations in a benchmark binary: the global operator new is
// replaced and the C allocator (malloc, calloc, realloc) is interposed, so an
// allocation made by C++ code, by boost or by the UNO runtime (rtl_allocateMemory
// is malloc) is seen alike. Link alloc_counter.cxx into the binary.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>

namespace bench {

// Heap allocations since the program started (all threads).
std::uint64_t allocations() noexcept;

// Runs the timing loop's bookkeeping: call `before` = allocations() right
// before the loop and report() after it; adds the counter "allocs" (heap
// allocations per evaluation).
inline void reportAllocations(benchmark::State& state, std::uint64_t before)
{
    const std::uint64_t after = allocations();
    state.counters["allocs"] =
        benchmark::Counter(static_cast<double>(after - before), benchmark::Counter::kAvgIterations);
}

// Adds "per_elem": time per element when each evaluation handles `elements`.
inline void reportPerElement(benchmark::State& state, double elements)
{
    state.counters["per_elem"] =
        benchmark::Counter(elements, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

} // namespace bench
