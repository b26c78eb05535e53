#include "engine/query/operators/keyed_rows.h"

#include "engine/query/exec_context.h"

namespace silk::query {

KeyedRows::KeyedRows(IdTable rows, std::vector<int> key_columns)
    : rows_(std::move(rows)), keys_(std::move(key_columns)) {
  buckets_.reserve(rows_.rows());
  for (std::size_t i = 0; i < rows_.rows(); ++i) {
    buckets_[Hash(rows_.row(i), keys_)].push_back(static_cast<std::uint32_t>(i));
  }
}

std::uint64_t KeyedRows::Hash(std::span<const TermId> row, const std::vector<int>& columns) {
  // Ids are dense sequence numbers or packed values: a multiplicative mix spreads them.
  std::uint64_t h = 0x9E3779B97F4A7C15ULL;
  for (int column : columns) {
    h ^= row[column] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h *= 0xFF51AFD7ED558CCDULL;
  }
  return h;
}

// An unordered_map node holds a next pointer, the hash key and the vector.
constexpr std::uint64_t kNodeBytes = 8 + sizeof(std::uint64_t) + sizeof(std::vector<std::uint32_t>);

std::uint64_t KeyedRows::IndexBytes() const {
  std::uint64_t bytes = buckets_.bucket_count() * sizeof(void*);
  for (const auto& [hash, rows] : buckets_) {
    bytes += HeapBlockBytes(kNodeBytes) + HeapBlockBytes(rows.capacity() * sizeof(std::uint32_t));
  }
  return bytes;
}

std::uint64_t KeyedRows::IndexBytesAtMost(std::size_t rows) {
  // Every key different: a bucket, a node and a one-entry list per row. One key for all rows
  // takes less: one list, and its last doubling (old and new block) is 12 bytes per row.
  return std::uint64_t{rows} *
         (2 * sizeof(void*) + HeapBlockBytes(kNodeBytes) + HeapBlockBytes(sizeof(std::uint32_t)));
}

}  // namespace silk::query
