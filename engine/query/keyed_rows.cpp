#include "engine/query/keyed_rows.h"

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

std::uint64_t KeyedRows::MemoryBytes() const {
  return rows_.MemoryBytes() + buckets_.size() * 48 + rows_.rows() * sizeof(std::uint32_t);
}

}  // namespace silk::query
