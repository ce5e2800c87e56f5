// Symbol visibility: the SDK is built with hidden visibility by default and
// only what carries DOCPIPE_API is exported from libdocpipe.
#pragma once

#if defined(DOCPIPE_BUILDING_CORE)
#define DOCPIPE_API __attribute__((visibility("default")))
#else
#define DOCPIPE_API __attribute__((visibility("default")))
#endif
#define DOCPIPE_PLUGIN_EXPORT __attribute__((visibility("default")))
