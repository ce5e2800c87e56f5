# docpipe_add_clean_stage(NAME clean.x IMPL_SOURCES ... PLUGIN_SOURCES ...
#                         [DATA ...] [LIBRARIES ...])
# A clean.* stage is a static implementation library <name>_impl (linked by
# the tests and the benchmark) plus the plugin module that only exports it.
# The implementation links the plugin kit (docpipe::kit).
include_guard(GLOBAL)

function(docpipe_add_clean_stage)
  cmake_parse_arguments(S "" "NAME" "IMPL_SOURCES;PLUGIN_SOURCES;DATA;LIBRARIES" ${ARGN})
  string(REPLACE "." "_" impl "${S_NAME}_impl")
  add_library(${impl} STATIC ${S_IMPL_SOURCES})
  set_target_properties(${impl} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${impl} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${impl} PUBLIC docpipe::kit ${S_LIBRARIES})
  docpipe_add_plugin(NAME ${S_NAME} SOURCES ${S_PLUGIN_SOURCES} DATA ${S_DATA} LIBRARIES ${impl})
endfunction()
