// Versions of the docpipe core and of its plugin ABI.
//
// The ABI version is compiled into every plugin through DOCPIPE_PLUGIN and
// copied into its manifest at build time. The loader refuses a plugin whose ABI major differs from
// the host's, or whose minor is newer than the host's (see docs/plugins.md for the policy).
#pragma once

#define DOCPIPE_VERSION_STRING "0.1.0"

// A plugin may be built for another ABI (tests do this on purpose) by
// defining these before including any docpipe header.
#ifndef DOCPIPE_ABI_MAJOR
#define DOCPIPE_ABI_MAJOR 3
#endif
#ifndef DOCPIPE_ABI_MINOR
#define DOCPIPE_ABI_MINOR 1
#endif

namespace docpipe {
inline constexpr unsigned kHostAbiMajor = 3;
inline constexpr unsigned kHostAbiMinor = 1;
}  // namespace docpipe
