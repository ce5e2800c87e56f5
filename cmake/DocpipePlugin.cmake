# docpipe_add_plugin(NAME <plugin name> SOURCES <files...> [DATA <files...>]
#                    [LIBRARIES <targets...>])
#
# Builds one plugin as its own shared library named docpipe_<name>.so (dots
# become underscores) into DOCPIPE_PLUGIN_OUTPUT_DIR, with hidden visibility so
# only the descriptor and factory are exported, and copies DATA files to
# <plugin dir>/<name>/ where PluginEnv::data_dir points at run time.
#
# The same file is installed with the SDK (find_package(docpipe)). Out of
# tree, DOCPIPE_PLUGIN_OUTPUT_DIR defaults to <project build dir>/plugins, the
# directory to list under `plugin_paths:` or pass as `--path`; setting
# DOCPIPE_INSTALL_PLUGIN_DIR adds install rules for the library and its data.
# The plugin states its ABI version through DOCPIPE_PLUGIN, which compiles
# DOCPIPE_ABI_MAJOR/MINOR from the SDK headers into its descriptor. Right
# after linking, docpipe-plugin-manifest copies the descriptor into the
# plugin's manifest, docpipe_<name>.plugin.json beside the library (installed
# with it): docpipe reads the manifest, and refuses a plugin built for
# another ABI, before it loads any of the plugin's code.
function(docpipe_add_plugin)
  cmake_parse_arguments(P "" "NAME" "SOURCES;DATA;LIBRARIES" ${ARGN})
  if(NOT P_NAME)
    message(FATAL_ERROR "docpipe_add_plugin: NAME is required")
  endif()
  if(NOT DOCPIPE_PLUGIN_OUTPUT_DIR)
    set(DOCPIPE_PLUGIN_OUTPUT_DIR "${PROJECT_BINARY_DIR}/plugins")
  endif()
  string(REPLACE "." "_" target "docpipe_${P_NAME}")
  string(REPLACE "-" "_" target "${target}")
  add_library(${target} MODULE ${P_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${DOCPIPE_PLUGIN_OUTPUT_DIR}")
  if(TARGET docpipe::sdk)
    target_link_libraries(${target} PRIVATE docpipe::sdk ${P_LIBRARIES})
  else()
    target_link_libraries(${target} PRIVATE docpipe_core ${P_LIBRARIES})
  endif()
  # In the build tree the tool is built first; with an installed SDK it is
  # the imported docpipe::plugin_manifest.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "$<TARGET_FILE:docpipe::plugin_manifest>" "$<TARGET_FILE:${target}>"
    COMMENT "Writing the plugin manifest of ${P_NAME}" VERBATIM)
  if(TARGET docpipe_plugin_manifest)
    add_dependencies(${target} docpipe_plugin_manifest)
  endif()
  foreach(f ${P_DATA})
    get_filename_component(fname "${f}" NAME)
    get_filename_component(fabs "${f}" ABSOLUTE)
    configure_file("${fabs}" "${DOCPIPE_PLUGIN_OUTPUT_DIR}/${P_NAME}/${fname}" COPYONLY)
  endforeach()
  if(DOCPIPE_INSTALL_PLUGIN_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION "${DOCPIPE_INSTALL_PLUGIN_DIR}")
    install(FILES "$<TARGET_FILE_DIR:${target}>/${target}.plugin.json"
            DESTINATION "${DOCPIPE_INSTALL_PLUGIN_DIR}")
    if(P_DATA)
      install(FILES ${P_DATA} DESTINATION "${DOCPIPE_INSTALL_PLUGIN_DIR}/${P_NAME}")
    endif()
  endif()
  set(DOCPIPE_LAST_PLUGIN_TARGET ${target} PARENT_SCOPE)
endfunction()
