# cmake -P package_oxt.cmake: stages and zips one .oxt.
#   OUT           the .oxt to write
#   STAGE         a scratch folder (emptied)
#   REGISTRY      addin/registry
#   DESCRIPTION   the configured description.xml
#   LIBRARY       the add-in's shared library
#   RDB           the add-in's type library
#   TEMPLATE_DIR  folder of .ots files to carry (empty: none)
#   MANIFEST, COMPONENTS  the configured META-INF/manifest.xml and lib/dealerkpi.components
#   HELP_DIR      the help pages (help/<lang>/...), ICON_DIR the icons
#   GROUP_LIBRARY, GROUP_RDB, GROUP_COMPONENTS, GROUP_REGISTRY  the group workflow's
#                 library, type library, configured group.components and registry
#                 folder (Addons.xcu)
#   EXTRA_PLATFORMS  optional, comma-separated: platform bundles of other builds
#                 (the `platform_bundle` target's folder, named after its UNO platform,
#                 e.g. .../Windows_x86_64). Each goes to lib/<platform>/, gets its two
#                 uno-components manifest entries, and its platform joins
#                 description.xml's <platform value="a,b,...">; the office loads only
#                 the components whose platform it runs on.
foreach(v OUT STAGE REGISTRY DESCRIPTION LIBRARY RDB MANIFEST COMPONENTS HELP_DIR ICON_DIR
          GROUP_LIBRARY GROUP_RDB GROUP_COMPONENTS GROUP_REGISTRY)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "package_oxt.cmake: ${v} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE ${STAGE})
file(MAKE_DIRECTORY ${STAGE}/META-INF ${STAGE}/lib ${STAGE}/types ${STAGE}/registry ${STAGE}/templates/DealerKPI)
file(COPY ${DESCRIPTION} DESTINATION ${STAGE})
file(COPY ${MANIFEST} DESTINATION ${STAGE}/META-INF)
file(COPY ${COMPONENTS} ${LIBRARY} DESTINATION ${STAGE}/lib)
file(COPY ${HELP_DIR} ${ICON_DIR} DESTINATION ${STAGE})
file(COPY ${RDB} ${GROUP_RDB} DESTINATION ${STAGE}/types)
file(COPY ${GROUP_COMPONENTS} ${GROUP_LIBRARY} DESTINATION ${STAGE}/lib)
file(COPY ${GROUP_REGISTRY}/Addons.xcu ${GROUP_REGISTRY}/Jobs.xcu DESTINATION ${STAGE}/registry)
file(COPY ${REGISTRY}/CalcAddIns.xcu DESTINATION ${STAGE}/registry)
# %origin% in Paths.xcu is the folder of the .xcu: keep it at the root, beside templates/.
file(COPY ${REGISTRY}/Paths.xcu DESTINATION ${STAGE})
file(COPY ${REGISTRY}/description ${REGISTRY}/license DESTINATION ${STAGE})
if(EXTRA_PLATFORMS)
  include(${CMAKE_CURRENT_LIST_DIR}/extra_platforms.cmake)
  dealerkpi_add_platforms(${STAGE} "${EXTRA_PLATFORMS}")
endif()
if(TEMPLATE_DIR)
  file(GLOB ots ${TEMPLATE_DIR}/*.ots)
  if(ots)
    file(COPY ${ots} DESTINATION ${STAGE}/templates/DealerKPI)
  endif()
endif()

file(REMOVE ${OUT})
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OUT} --format=zip .
                WORKING_DIRECTORY ${STAGE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zipping ${OUT} failed")
endif()
