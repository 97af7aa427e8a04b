# dealerkpi_add_platforms(<stage> <bundles>): adds other platforms' binaries to a
# staged .oxt (see package_oxt.cmake, EXTRA_PLATFORMS). A bundle is a folder
# named after its UNO platform (Windows_x86_64, MacOSX_aarch64, ...) holding
# dealerkpi.components, group.components and the two libraries they name.
function(dealerkpi_add_platforms stage bundles)
  string(REPLACE "," ";" bundles "${bundles}")
  file(READ ${stage}/META-INF/manifest.xml manifest)
  file(READ ${stage}/description.xml description)
  string(REGEX MATCH "<platform value=\"([^\"]*)\"/>" platform_element "${description}")
  set(platforms ${CMAKE_MATCH_1})
  set(entries "")
  foreach(bundle IN LISTS bundles)
    get_filename_component(platform ${bundle} NAME)
    foreach(f dealerkpi.components group.components)
      if(NOT EXISTS ${bundle}/${f})
        message(FATAL_ERROR "platform bundle ${bundle} has no ${f}")
      endif()
    endforeach()
    string(TOLOWER ${platform} lower)
    if("${platforms}" MATCHES "(^|,)${lower}(,|$)")
      message(FATAL_ERROR "platform ${platform} is in the package twice")
    endif()
    file(MAKE_DIRECTORY ${stage}/lib/${platform})
    file(GLOB files ${bundle}/*)
    file(COPY ${files} DESTINATION ${stage}/lib/${platform})
    foreach(f dealerkpi.components group.components)
      string(APPEND entries
        "  <manifest:file-entry manifest:media-type=\"application/vnd.sun.star.uno-components;platform=${platform}\"\n"
        "                       manifest:full-path=\"lib/${platform}/${f}\"/>\n")
    endforeach()
    string(APPEND platforms ",${lower}")
  endforeach()
  string(REPLACE "</manifest:manifest>" "${entries}</manifest:manifest>" manifest "${manifest}")
  string(REPLACE "${platform_element}" "<platform value=\"${platforms}\"/>" description "${description}")
  file(WRITE ${stage}/META-INF/manifest.xml "${manifest}")
  file(WRITE ${stage}/description.xml "${description}")
endfunction()

# As a script, on an unpacked .oxt:
#   cmake -DSTAGE=<folder> -DBUNDLES=<bundle>[,<bundle>...] -P cmake/extra_platforms.cmake
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  dealerkpi_add_platforms(${STAGE} "${BUNDLES}")
endif()
