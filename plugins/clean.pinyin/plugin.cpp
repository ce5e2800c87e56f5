// Exports clean.pinyin; the logic lives in pinyin.cpp.
#include "pinyin.hpp"

DOCPIPE_PLUGIN(docpipe::clean::PinyinCleaner, .kind = docpipe::PluginKind::transform,
               .name = "clean.pinyin", .version = "0.1.0",
               .description = "Removes pinyin glosses after Han characters, e.g. 團(tuán) -> 團",
               .params_schema = docpipe::clean::kPinyinSchema)
