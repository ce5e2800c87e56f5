# docpipe_clean_common: PCRE2 wrapper, code-point trie, text normalisation and
# data-file loading shared by the clean.* plugins and the cleaning tests.
include_guard(GLOBAL)
set(DOCPIPE_CLEAN_COMMON_DIR ${CMAKE_CURRENT_LIST_DIR})

pkg_check_modules(DOCPIPE_PCRE2 REQUIRED IMPORTED_TARGET GLOBAL libpcre2-8)
add_library(docpipe_clean_common STATIC
  ${DOCPIPE_CLEAN_COMMON_DIR}/src/regex.cpp
  ${DOCPIPE_CLEAN_COMMON_DIR}/src/trie.cpp
  ${DOCPIPE_CLEAN_COMMON_DIR}/src/textutil.cpp
  ${DOCPIPE_CLEAN_COMMON_DIR}/src/data_files.cpp
  ${DOCPIPE_CLEAN_COMMON_DIR}/src/blocks.cpp
)
set_target_properties(docpipe_clean_common PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON)
target_include_directories(docpipe_clean_common PUBLIC ${DOCPIPE_CLEAN_COMMON_DIR}/include)
target_link_libraries(docpipe_clean_common PUBLIC docpipe_core PkgConfig::DOCPIPE_PCRE2)

# docpipe_add_clean_stage(NAME clean.x IMPL_SOURCES ... PLUGIN_SOURCES ...
#                         [DATA ...] [LIBRARIES ...])
# A clean.* stage is a static implementation library <name>_impl (linked by
# the tests and the benchmark) plus the plugin module that only exports it.
function(docpipe_add_clean_stage)
  cmake_parse_arguments(S "" "NAME" "IMPL_SOURCES;PLUGIN_SOURCES;DATA;LIBRARIES" ${ARGN})
  string(REPLACE "." "_" impl "${S_NAME}_impl")
  add_library(${impl} STATIC ${S_IMPL_SOURCES})
  set_target_properties(${impl} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${impl} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${impl} PUBLIC docpipe_clean_common ${S_LIBRARIES})
  docpipe_add_plugin(NAME ${S_NAME} SOURCES ${S_PLUGIN_SOURCES} DATA ${S_DATA} LIBRARIES ${impl})
endfunction()
