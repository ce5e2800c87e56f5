// --shard K/N: a stable partition of the inputs so N machines can split one
// collection without talking to each other. The key is the input's path
// relative to the input root it was found under, so every machine (with its
// own mount point) computes the same partition.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "host/inputs.hpp"

namespace docpipe::host {

struct Shard {
  unsigned index = 0;  // K, 0-based (Slurm array task id, Kubernetes completion index)
  unsigned count = 1;  // N
  bool all() const { return count <= 1; }
  std::string to_string() const;
};

// Parses "K/N" with 0 <= K < N; throws ConfigError otherwise.
Shard parse_shard(const std::string& text);
// FNV-1a 64 of the relative path: stable across machines, builds and runs.
std::uint64_t shard_key(const InputItem& item);
bool in_shard(const InputItem& item, const Shard& shard);

}  // namespace docpipe::host
