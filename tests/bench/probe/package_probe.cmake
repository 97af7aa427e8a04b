# cmake -P package_probe.cmake: zips the benchmark-only probe add-in.
#   OUT, STAGE, SOURCE (this folder), LIBRARY, RDB
file(REMOVE_RECURSE ${STAGE})
file(MAKE_DIRECTORY ${STAGE}/META-INF ${STAGE}/lib ${STAGE}/types ${STAGE}/registry)
file(COPY ${SOURCE}/description.xml DESTINATION ${STAGE})
file(COPY ${SOURCE}/manifest.xml DESTINATION ${STAGE}/META-INF)
file(COPY ${SOURCE}/probe.components ${LIBRARY} DESTINATION ${STAGE}/lib)
file(COPY ${RDB} DESTINATION ${STAGE}/types)
file(COPY ${SOURCE}/CalcAddIns.xcu DESTINATION ${STAGE}/registry)
file(REMOVE ${OUT})
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OUT} --format=zip .
                WORKING_DIRECTORY ${STAGE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zipping ${OUT} failed")
endif()
