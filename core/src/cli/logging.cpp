#include "cli/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "docpipe/error.hpp"

namespace docpipe::cli {

namespace {
// One JSON object per line, message escaped properly (a pattern cannot do it).
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    auto secs = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch());
    nlohmann::json j = {{"ts_ms", secs.count()},
                        {"level", spdlog::level::to_string_view(msg.level).data()},
                        {"msg", std::string(msg.payload.data(), msg.payload.size())}};
    auto s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    dest.append(s.data(), s.data() + s.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};
}  // namespace

void setup_logging(const std::string& level, const std::string& format, const std::string& file) {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  if (!file.empty()) sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(file));
  auto logger = std::make_shared<spdlog::logger>("docpipe", sinks.begin(), sinks.end());
  auto lvl = spdlog::level::from_str(level);
  if (lvl == spdlog::level::off && level != "off")
    throw ConfigError("--log-level: unknown level '" + level +
                      "' (trace, debug, info, warn, error, off)");
  logger->set_level(lvl);
  if (format == "json")
    logger->set_formatter(std::make_unique<JsonFormatter>());
  else if (format == "text")
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%^%l%$] %v");
  else
    throw ConfigError("--log-format: expected 'text' or 'json', got '" + format + "'");
  spdlog::set_default_logger(logger);
}

}  // namespace docpipe::cli
