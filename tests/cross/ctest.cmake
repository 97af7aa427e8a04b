# Included by tests/CMakeLists.txt: the core's unit tests built three more ways
# (tests/cross/run.sh), each in its own build folder <build>/cross/<variant>:
#   core.cross.long_double_64  g++ -mlong-double-64 (MSVC's long double)
#   core.cross.aarch64         g++-aarch64-linux-gnu, under qemu-aarch64
#   core.cross.mingw_wine      mingw-w64 (x86_64), under Wine
# Labelled `cross`; each builds GoogleTest and the tests from scratch the first
# time (ccache makes later runs short).
option(DEALERKPI_CROSS_TESTS "Register the core.cross.* tests (needs scripts/install-deps.sh's cross tools)" ON)
if(NOT DEALERKPI_CROSS_TESTS)
  return()
endif()
foreach(variant long_double_64 aarch64 mingw_wine)
  add_test(NAME core.cross.${variant}
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/cross/run.sh ${variant} ${CMAKE_BINARY_DIR}/cross/${variant})
  set_tests_properties(core.cross.${variant} PROPERTIES TIMEOUT 1800 LABELS cross)
endforeach()
# -mlong-double-64 changes the ABI of every long double call, and this machine's libm is
# built for the 80-bit type: the oracles' exact rationals (Boost.Multiprecision converts a
# double through long double, ldexpl) loop forever in such a build. The core itself calls
# no long double function, so every other suite runs there (golden cases, regressions,
# properties); the oracle suites run in the three other builds.
set_tests_properties(core.cross.long_double_64 PROPERTIES ENVIRONMENT "DEALERKPI_CROSS_GTEST_FILTER=-*Oracle*")
