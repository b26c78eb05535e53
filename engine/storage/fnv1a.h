// FNV-1a, 64 bits: a hash fixed by its definition (offset basis 0xcbf29ce484222325, prime
// 0x100000001b3), so every machine, version and language computes the same value, for what
// outlives a process: commit records on disk, the parts of `silk load --partition`. Never
// std::hash, which may differ between standard libraries and runs. Not for adversaries.
#pragma once

#include <cstdint>
#include <string_view>

namespace silk::storage {

inline std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace silk::storage
