// Symbol visibility. libdocpipe and plugins are built with hidden visibility
// by default: only declarations marked DOCPIPE_API are exported from the SDK
// library, and only the descriptor and factory (DOCPIPE_PLUGIN_EXPORT, used by
// the DOCPIPE_PLUGIN macro) from a plugin.
#pragma once

#define DOCPIPE_API __attribute__((visibility("default")))
#define DOCPIPE_PLUGIN_EXPORT __attribute__((visibility("default")))
