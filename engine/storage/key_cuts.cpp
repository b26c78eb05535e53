#include "engine/storage/key_cuts.h"

#include <rocksdb/db.h>

#include <limits>
#include <string>

namespace silk::storage {
namespace {

// RocksDB's sizes count whole blocks as stored, compressed: far less than the 32 KiB of keys a
// quad index block holds, least of all for a run of consecutive ids (a class's members, made
// one after another). The bisection finds nothing to cut inside one block; this only keeps
// pieces above a block or two of such keys. (At 32 KiB, 70,000 members of a class were one
// piece, read on one thread.)
constexpr std::uint64_t kMinPieceBytes = std::uint64_t{4} << 10;

}  // namespace

KeyCutter::KeyCutter(const RocksDb& rocks, ScanPlan plan, std::size_t pieces)
    : rocks_(rocks), plan_(std::move(plan)) {
  if (pieces < 2 || plan_.prefix_size >= format::kQuadKeySize) return;
  const std::optional<KeyBytes> upper = plan_.UpperKey();
  // The bytes before the end of the keys: all of them.
  if (upper) {
    total_ = BytesBefore(*upper);
  } else {
    total_ = BytesBefore(KeyBytes(std::string(format::kQuadKeySize + 1, '\xff')));
  }
  piece_bytes_ = std::max(total_ / pieces, kMinPieceBytes);
  low_ = plan_.range ? plan_.range->first : 0;
}

KeyBytes KeyCutter::KeyAt(std::uint64_t id) const {
  KeyBytes key(plan_.prefix_view());
  char bytes[format::kIdSize];
  PutBigEndian64(id, bytes);
  key.Append(std::string_view(bytes, sizeof bytes));
  return key;
}

std::uint64_t KeyCutter::BytesBefore(const KeyBytes& key) const {
  const KeyBytes lower = plan_.LowerKey();
  const rocksdb::Range range(rocksdb::Slice(lower.view()), rocksdb::Slice(key.view()));
  std::uint64_t size = 0;
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  const rocksdb::Status s = rocks_.db()->GetApproximateSizes(
      options, rocks_.family(FamilyOf(plan_.index)), &range, 1, &size);
  return s.ok() ? size : 0;
}

std::optional<KeyBytes> KeyCutter::Next() {
  if (done_ || piece_bytes_ == 0) return std::nullopt;
  const std::uint64_t target = piece_bytes_ * (made_ + 1);
  // The last piece takes what is left when that is less than a piece and a half.
  if (target + piece_bytes_ / 2 >= total_) {
    done_ = true;
    return std::nullopt;
  }
  // The smallest id whose key has `target` bytes before it, to the resolution of the sizes.
  std::uint64_t lo = low_;
  std::uint64_t hi = plan_.range ? plan_.range->second : std::numeric_limits<std::uint64_t>::max();
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (BytesBefore(KeyAt(mid)) < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  // A cut must lie strictly after the last one (or the range's first key): else the sizes
  // cannot tell the rest apart, and it is one piece.
  if (lo <= low_) {
    done_ = true;
    return std::nullopt;
  }
  low_ = lo;
  ++made_;
  return KeyAt(lo);
}

}  // namespace silk::storage
