# Install rules and the plugin SDK package.
#
#   cmake --install build --prefix P
#
# lays out P as the CLI expects to find itself:
#   P/bin/docpipe
#   P/bin/docpipe-plugin-manifest              writes a plugin's manifest at build time
#   P/lib/libdocpipe.so*                       the SDK library (docpipe::sdk)
#   P/lib/libdocpipe_kit.so*                   the plugin kit (docpipe::kit)
#   P/lib/docpipe/plugins/*.so, <name>/        built-in plugins and their data
#   P/lib/docpipe/plugins/*.plugin.json        their manifests
#   P/include/docpipe/*.hpp, kit/*.hpp         the public SDK and kit headers
#   P/share/docpipe/{schemas,pipelines}/       looked up as <exe>/../share/docpipe
#   P/share/docpipe/examples/plugins/          example plugin projects
#   P/share/doc/docpipe/plugins.md             the plugin guide
#   P/lib/cmake/docpipe/                       find_package(docpipe)
#   P/lib/pkgconfig/docpipe.pc                 for non-CMake builds
# The built-in plugins install themselves (docpipe_add_plugin with
# DOCPIPE_INSTALL_PLUGIN_DIR set in plugins/CMakeLists.txt).
include(CMakePackageConfigHelpers)

set(DOCPIPE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/docpipe")
set(DOCPIPE_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/docpipe/plugins")

# The ABI version plugins are built for, read from the header so the package
# and the pkg-config file cannot disagree with the code.
file(STRINGS "${PROJECT_SOURCE_DIR}/core/include/docpipe/version.hpp" _abi_lines
     REGEX "^#define DOCPIPE_ABI_(MAJOR|MINOR) [0-9]+")
foreach(_l ${_abi_lines})
  if(_l MATCHES "DOCPIPE_ABI_(MAJOR|MINOR) ([0-9]+)")
    set(DOCPIPE_ABI_${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
  endif()
endforeach()

# Out of tree, the SDK target is docpipe::sdk, as in the build tree. Its
# headers use C++20 (designated initializers in DOCPIPE_PLUGIN), so the
# requirement travels with the target instead of being left to each plugin.
set_target_properties(docpipe_core PROPERTIES EXPORT_NAME sdk)
target_compile_features(docpipe_core INTERFACE cxx_std_20)

set_target_properties(docpipe_kit PROPERTIES EXPORT_NAME kit)
install(TARGETS docpipe_core docpipe_kit EXPORT docpipeTargets
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
# The CLI is exported too (docpipe::docpipe), so a plugin project's tests can
# run the installed docpipe against the plugin they just built; and the
# manifest writer (docpipe::plugin_manifest), which docpipe_add_plugin runs
# after linking a plugin.
set_target_properties(docpipe_plugin_manifest PROPERTIES EXPORT_NAME plugin_manifest)
install(TARGETS docpipe docpipe_plugin_manifest EXPORT docpipeTargets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/core/include/docpipe"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" FILES_MATCHING PATTERN "*.hpp")

file(GLOB _schemas "${PROJECT_SOURCE_DIR}/schemas/*.json")
install(FILES ${_schemas} DESTINATION "${CMAKE_INSTALL_DATADIR}/docpipe/schemas")
file(GLOB _pipelines "${PROJECT_SOURCE_DIR}/pipelines/*.yaml")
install(FILES ${_pipelines} DESTINATION "${CMAKE_INSTALL_DATADIR}/docpipe/pipelines")

# An office with only the installed SDK has the guide and the examples to
# start from: share/doc/docpipe/plugins.md, share/docpipe/examples/plugins/.
install(FILES "${PROJECT_SOURCE_DIR}/docs/plugins.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/plugins"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/docpipe/examples"
        PATTERN "build*" EXCLUDE)  # someone's in-source build of an example

install(EXPORT docpipeTargets NAMESPACE docpipe::
        FILE docpipeTargets.cmake DESTINATION "${DOCPIPE_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/docpipeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/docpipeConfig.cmake"
  INSTALL_DESTINATION "${DOCPIPE_INSTALL_CMAKEDIR}"
  PATH_VARS DOCPIPE_INSTALL_PLUGINDIR CMAKE_INSTALL_DATADIR)
# Any 0.x SDK satisfies find_package(docpipe 0.1); whether a built plugin
# loads is decided by the plugin ABI version, not by this number.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/cmake/docpipeConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/cmake/docpipeConfig.cmake"
  "${PROJECT_BINARY_DIR}/cmake/docpipeConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/DocpipePlugin.cmake"
  DESTINATION "${DOCPIPE_INSTALL_CMAKEDIR}")

# The install prefix is chosen at install time (--prefix), so the .pc file
# finds it relative to its own directory.
file(RELATIVE_PATH DOCPIPE_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file("${PROJECT_SOURCE_DIR}/cmake/docpipe.pc.in"
               "${PROJECT_BINARY_DIR}/cmake/docpipe.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/cmake/docpipe.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
