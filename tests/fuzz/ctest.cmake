# Included by the main build: a short libFuzzer run of every target as part of
# the normal test run. fuzz.build configures and builds tests/fuzz with clang
# into <build>/fuzz; each fuzz.<target> then runs scripts/fuzz.sh --check:
# from the seeds, a fixed random seed and a fixed number of executions, so the
# verdict is the same on every run. Searching for new findings (a new random
# seed each time, as long as wanted): scripts/fuzz.sh TARGET [seconds].
find_program(DEALERKPI_CLANGXX NAMES clang++ clang++-14)
if(NOT DEALERKPI_CLANGXX)
  message(STATUS "clang++ not found: the fuzz.* tests are not registered")
  return()
endif()

include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
set(DEALERKPI_FUZZ_RUNS 10000 CACHE STRING "Executions of each fuzz.<target> test")
set(fuzz_env DEALERKPI_FUZZ_BUILD=${CMAKE_BINARY_DIR}/fuzz DEALERKPI_FUZZ_CXX=${DEALERKPI_CLANGXX}
             DEALERKPI_FUZZ_RUNS=${DEALERKPI_FUZZ_RUNS})
set(fuzz_script ${PROJECT_SOURCE_DIR}/scripts/fuzz.sh)

add_test(NAME fuzz.build COMMAND bash ${fuzz_script} --build-only)
set_tests_properties(fuzz.build PROPERTIES FIXTURES_SETUP fuzz_build ENVIRONMENT "${fuzz_env}" TIMEOUT 900)

foreach(target IN LISTS DEALERKPI_FUZZ_TARGETS)
  add_test(NAME fuzz.${target} COMMAND bash ${fuzz_script} --check ${target})
  set_tests_properties(fuzz.${target} PROPERTIES
    FIXTURES_REQUIRED fuzz_build ENVIRONMENT "${fuzz_env}" TIMEOUT 300)
endforeach()
