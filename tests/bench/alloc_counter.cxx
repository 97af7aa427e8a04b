#include "alloc_counter.hxx"

#include <atomic>
#include <cstdlib>
#include <new>

// glibc's allocator under the names it keeps for exactly this purpose.
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void __libc_free(void*);
}

namespace {
std::atomic<std::uint64_t> g_allocations{0};

inline void count() noexcept { g_allocations.fetch_add(1, std::memory_order_relaxed); }
} // namespace

std::uint64_t bench::allocations() noexcept { return g_allocations.load(std::memory_order_relaxed); }

// --- the C allocator, interposed (every shared library's malloc lands here) --
extern "C" void* malloc(std::size_t n)
{
    count();
    return __libc_malloc(n);
}
extern "C" void* calloc(std::size_t n, std::size_t size)
{
    count();
    return __libc_calloc(n, size);
}
extern "C" void* realloc(void* p, std::size_t n)
{
    count();
    return __libc_realloc(p, n);
}
extern "C" void free(void* p) { __libc_free(p); }

// --- the global operator new, replaced (counted once, through malloc) --------
namespace {
void* allocate(std::size_t n)
{
    if (void* p = malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void* allocateAligned(std::size_t n, std::align_val_t a)
{
    void* p = nullptr;
    count();
    if (posix_memalign(&p, static_cast<std::size_t>(a), n ? n : 1) != 0)
        throw std::bad_alloc();
    return p;
}
} // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return malloc(n ? n : 1); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return malloc(n ? n : 1); }
void* operator new(std::size_t n, std::align_val_t a) { return allocateAligned(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocateAligned(n, a); }
void operator delete(void* p) noexcept { free(p); }
void operator delete[](void* p) noexcept { free(p); }
void operator delete(void* p, std::size_t) noexcept { free(p); }
void operator delete[](void* p, std::size_t) noexcept { free(p); }
void operator delete(void* p, std::align_val_t) noexcept { free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { free(p); }
