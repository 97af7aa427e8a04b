# A release build of the group service answers to none of the tests' environment
# variables: their names are not in the library at all.
file(STRINGS "${LIBRARY}" found REGEX "DEALERKPI_GROUP_(TEST_CRASH|TEST_STALL|MENU_ANSWERS)")
if(found)
  message(FATAL_ERROR "test hooks in ${LIBRARY}: ${found}")
endif()
