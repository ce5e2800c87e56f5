// A resolved pipeline as JSON, and back: how the parent hands its pipeline
// to worker processes (over the request pipe), so every document of a run is
// processed with the pipeline whose hash the ledger records, even when the
// YAML is edited while the run goes on. Specs keep their parameters as
// resolved (defaults filled in, paths made absolute); file positions (for
// messages) do not travel.
#pragma once

#include <nlohmann/json.hpp>

#include "host/pipeline.hpp"

namespace docpipe::host {

nlohmann::json resolved_pipeline_json(const Pipeline& pipeline);
// Throws ConfigError when the JSON is not what resolved_pipeline_json writes.
Pipeline pipeline_from_resolved_json(const nlohmann::json& j);

}  // namespace docpipe::host
