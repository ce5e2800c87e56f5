#include "host/shard.hpp"

#include <charconv>

#include "docpipe/error.hpp"

namespace docpipe::host {

std::string Shard::to_string() const {
  return all() ? std::string() : std::to_string(index) + "/" + std::to_string(count);
}

Shard parse_shard(const std::string& text) {
  auto slash = text.find('/');
  Shard s;
  auto parse = [&](std::string_view part, unsigned& value) {
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    return ec == std::errc() && p == part.data() + part.size() && !part.empty();
  };
  std::string_view all(text);
  if (slash == std::string::npos || !parse(all.substr(0, slash), s.index) ||
      !parse(all.substr(slash + 1), s.count) || s.count == 0 || s.index >= s.count)
    throw ConfigError("--shard: expected K/N with 0 <= K < N (e.g. 0/4), got '" + text + "'");
  return s;
}

std::uint64_t shard_key(const InputItem& item) {
  return fnv1a_64((item.reldir / item.path.filename()).lexically_normal().generic_string());
}

bool in_shard(const InputItem& item, const Shard& shard) {
  return shard.all() || shard_key(item) % shard.count == shard.index;
}

}  // namespace docpipe::host
