#include "host/worker_protocol.hpp"

#include <nlohmann/json.hpp>

#include "docpipe/json.hpp"

namespace docpipe::host {

using nlohmann::json;

std::string encode_pipeline(const json& resolved_pipeline) {
  return resolved_pipeline.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string encode_request(std::size_t index, const InputItem& item) {
  json j{{"i", index}, {"path", item.path.string()}, {"reldir", item.reldir.string()}};
  if (!item.stem.empty()) j["stem"] = item.stem;
  return j.dump() + "\n";
}

void decode_request(std::string_view line, std::size_t& index, InputItem& item) {
  auto j = json::parse(line);
  index = j.at("i").get<std::size_t>();
  item.path = j.at("path").get<std::string>();
  item.reldir = j.at("reldir").get<std::string>();
  item.stem = j.value("stem", std::string());
}

std::string document_text(const Document& doc) {
  std::string text;
  dump_json(text, document_to_json(doc));
  return text;
}

std::string summaries_text(const json& summaries) {
  std::string text;
  dump_json(text, summaries);  // as dump() with invalid UTF-8 replaced, faster
  return text;
}

std::string encode_result(const WorkResult& w) {
  const auto& r = w.result;
  json j{{"i", w.index},
         {"status", to_string(r.outcome)},
         {"kind", to_string(r.error_kind)},
         {"stage", r.stage},
         {"error", r.error},
         {"seconds", r.seconds},
         {"outputs", r.outputs},
         {"sizes", r.output_sizes},
         {"oom", w.out_of_memory},
         {"doc", !w.document_json.empty()},
         {"batch", !r.batch_summaries.is_null()}};
  // A plugin may leave invalid UTF-8 in an error or a summary: it is replaced
  // (U+FFFD) rather than failing the document at the last step.
  std::string lines = j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  // The document and the summaries follow on lines of their own, so the
  // parent can keep them as text (ledger) as they came.
  if (!w.document_json.empty()) lines += w.document_json + "\n";
  if (!r.batch_summaries.is_null()) lines += summaries_text(r.batch_summaries) + "\n";
  return lines;
}

WorkResult decode_result(std::string_view line, ResultFollowers& follows) {
  auto j = json::parse(line);
  WorkResult w;
  w.index = j.at("i").get<std::size_t>();
  auto& r = w.result;
  r.outcome = outcome_from_string(j.at("status").get<std::string>());
  r.error_kind = error_kind_from_string(j.value("kind", std::string()));
  r.stage = j.at("stage").get<std::string>();
  r.error = j.at("error").get<std::string>();
  r.seconds = j.at("seconds").get<double>();
  r.outputs = j.at("outputs").get<std::vector<std::string>>();
  r.output_sizes = j.value("sizes", std::vector<std::int64_t>{});
  w.out_of_memory = j.value("oom", false);
  follows.document = j.value("doc", false);
  follows.summaries = j.value("batch", false);
  return w;
}

}  // namespace docpipe::host
