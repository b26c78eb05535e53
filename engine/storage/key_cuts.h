// Where to cut the keys of a scan into pieces of about equal size, so that several threads can
// each read a piece: places found by bisection on RocksDB's approximate sizes, which read no
// data. Cut one at a time, as the pieces are asked for: a scan stopped early (LIMIT) pays
// only for the cuts it reached.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "engine/storage/key_codec.h"
#include "engine/storage/rocks_db.h"

namespace silk::storage {

class KeyCutter {
 public:
  // Borrows `rocks`; cuts `plan`'s keys into at most `pieces` pieces.
  KeyCutter(const RocksDb& rocks, ScanPlan plan, std::size_t pieces);

  // The next cut, ascending and strictly inside the plan's keys; nullopt when the keys after
  // the last cut are one piece (all of them: too few to cut, or every position bound).
  std::optional<KeyBytes> Next();

 private:
  // The key of the plan's prefix followed by `id` at the next position.
  KeyBytes KeyAt(std::uint64_t id) const;
  // The approximate bytes on disk of the plan's keys before `key`.
  std::uint64_t BytesBefore(const KeyBytes& key) const;

  const RocksDb& rocks_;
  const ScanPlan plan_;
  std::uint64_t piece_bytes_ = 0;  // 0: no cuts
  std::uint64_t total_ = 0;
  std::size_t made_ = 0;  // cuts so far
  std::uint64_t low_ = 0;  // the id at the last cut (or the range's first)
  bool done_ = false;
};

}  // namespace silk::storage
