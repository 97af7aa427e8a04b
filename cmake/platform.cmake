# Everything that differs between platforms, in one place. A second platform is a
# toolchain file or preset (compiler, SDK location) plus the values below;
# docs/platforms.md says what is built where and how several platforms'
# binaries go into one .oxt (cmake/extra_platforms.cmake).
#
#   DEALERKPI_UNO_PLATFORM    platform string of the .oxt: description.xml <platform>
#                             (lower case) and the manifest's uno-components entry
#   DEALERKPI_CPPU_ENV        the C++ UNO environment (components file "environment",
#                             CPPU_ENV define): gcc3 (GCC/Clang), msci (MSVC x86),
#                             mscx (MSVC x64)
#   DEALERKPI_UNO_DEFINES     the SDK's platform defines
#   DEALERKPI_UNO_LINK_OPTIONS options for linking the component
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  set(DEALERKPI_UNO_PLATFORM Linux_x86_64)
  set(DEALERKPI_CPPU_ENV gcc3)
  set(DEALERKPI_UNO_DEFINES UNX GCC LINUX CPPU_ENV=gcc3)
  set(DEALERKPI_UNO_LINK_OPTIONS -Wl,--no-undefined -Wl,-z,defs)
  set(DEALERKPI_UNO_SDK_LINK_OPTIONS -Wl,-rpath-link,${LO_PROGRAM_DIR})
  set(DEALERKPI_UNO_LIBS uno_cppuhelpergcc3 uno_cppu uno_sal)
elseif(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64|arm64")
  # The core's unit tests run for aarch64 (docs/platforms.md); the add-in
  # itself is not built here (no aarch64 LibreOffice SDK on this machine).
  set(DEALERKPI_UNO_PLATFORM Linux_aarch64)
  set(DEALERKPI_CPPU_ENV gcc3)
  set(DEALERKPI_UNO_DEFINES UNX GCC LINUX CPPU_ENV=gcc3)
  set(DEALERKPI_UNO_LINK_OPTIONS -Wl,--no-undefined -Wl,-z,defs)
  set(DEALERKPI_UNO_SDK_LINK_OPTIONS -Wl,-rpath-link,${LO_PROGRAM_DIR})
  set(DEALERKPI_UNO_LIBS uno_cppuhelpergcc3 uno_cppu uno_sal)
elseif(CMAKE_SYSTEM_NAME STREQUAL "Windows" AND CMAKE_SIZEOF_VOID_P EQUAL 8)
  # Not built or tested here (docs/platforms.md: the MSVC preset and CI workflow).
  set(DEALERKPI_UNO_PLATFORM Windows_x86_64)
  set(DEALERKPI_CPPU_ENV mscx)
  set(DEALERKPI_UNO_DEFINES WNT CPPU_ENV=mscx)
  set(DEALERKPI_UNO_LINK_OPTIONS)
  set(DEALERKPI_UNO_SDK_LINK_OPTIONS)
  set(DEALERKPI_UNO_LIBS icppuhelper icppu isal)
elseif(CMAKE_SYSTEM_NAME STREQUAL "Darwin")
  # Not built or tested here (docs/platforms.md: the macOS preset).
  if(CMAKE_OSX_ARCHITECTURES MATCHES "arm64" OR CMAKE_SYSTEM_PROCESSOR MATCHES "arm64")
    set(DEALERKPI_UNO_PLATFORM MacOSX_aarch64)
  else()
    set(DEALERKPI_UNO_PLATFORM MacOSX_x86_64)
  endif()
  set(DEALERKPI_CPPU_ENV gcc3)
  set(DEALERKPI_UNO_DEFINES UNX MACOSX CPPU_ENV=gcc3)
  set(DEALERKPI_UNO_LINK_OPTIONS -Wl,-undefined,error)
  set(DEALERKPI_UNO_SDK_LINK_OPTIONS)
  set(DEALERKPI_UNO_LIBS uno_cppuhelpergcc3 uno_cppu uno_sal)
else()
  message(FATAL_ERROR "DealerKPI: no UNO platform settings for ${CMAKE_SYSTEM_NAME}/${CMAKE_SYSTEM_PROCESSOR}")
endif()
string(TOLOWER ${DEALERKPI_UNO_PLATFORM} DEALERKPI_DESCRIPTION_PLATFORM)
set(DEALERKPI_COMPONENT_FILE dealerkpi.uno${CMAKE_SHARED_MODULE_SUFFIX})
set(DEALERKPI_GROUP_COMPONENT_FILE dealerkpi_group.uno${CMAKE_SHARED_MODULE_SUFFIX})
