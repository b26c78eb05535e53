#include "engine/query/operators/keyed_rows.h"

#include "engine/query/exec_context.h"

namespace silk::query {

KeyedRows::KeyedRows(IdTable rows, std::vector<int> key_columns)
    : rows_(std::move(rows)), keys_(std::move(key_columns)) {
  const std::size_t n = rows_.rows();
  if (n == 0) return;
  std::size_t buckets = 1;
  while (buckets < 2 * n) buckets <<= 1;
  mask_ = buckets - 1;
  heads_.assign(buckets, kEnd);
  next_.resize(n);
  // Last row first, so that each chain lists its rows in their order.
  for (std::size_t i = n; i-- > 0;) {
    std::uint32_t& head = heads_[Hash(rows_.row(i), keys_) & mask_];
    next_[i] = head;
    head = static_cast<std::uint32_t>(i);
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

std::uint64_t KeyedRows::IndexBytes() const {
  return (heads_.capacity() + next_.capacity()) * sizeof(std::uint32_t);
}

std::uint64_t KeyedRows::IndexBytesAtMost(std::size_t rows) {
  // Up to four buckets per row (the power of two at or above twice the rows), and a link.
  return std::uint64_t{rows} * 5 * sizeof(std::uint32_t);
}

}  // namespace silk::query
