# dealerkpi_uno_types(<target> IDL <file> RDB <file> INCLUDE <dir> HEADER <path in dir>
#                     WHAT <words> [CPPUMAKER <option>...])
# A UNO interface: its IDL compiled into a type library (RDB) against the office's
# types, and that library into C++ headers by cppumaker (with the options given)
# in INCLUDE, made afresh each time; <target> builds the headers (HEADER is the
# one it waits for).
function(dealerkpi_uno_types target)
  cmake_parse_arguments(UNO "" "IDL;RDB;INCLUDE;HEADER;WHAT" "CPPUMAKER" ${ARGN})
  add_custom_command(
    OUTPUT ${UNO_RDB}
    COMMAND ${LO_SDK_DIR}/bin/unoidl-write ${LO_TYPES} ${UNO_IDL} ${UNO_RDB}
    DEPENDS ${UNO_IDL}
    COMMENT "Compiling ${UNO_WHAT}'s UNO interface")
  add_custom_command(
    OUTPUT ${UNO_INCLUDE}/${UNO_HEADER}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${UNO_INCLUDE}
    COMMAND ${LO_SDK_DIR}/bin/cppumaker ${UNO_CPPUMAKER} -O${UNO_INCLUDE} ${UNO_RDB}
    DEPENDS ${UNO_RDB}
    COMMENT "Generating ${UNO_WHAT}'s C++ headers")
  add_custom_target(${target} DEPENDS ${UNO_INCLUDE}/${UNO_HEADER})
endfunction()
