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
  std::size_t words = 1;
  while (words * 64 < 8 * n) words <<= 1;
  filter_mask_ = words - 1;
  filter_.assign(words, 0);
  // Last row first, so that each chain lists its rows in their order.
  for (std::size_t i = n; i-- > 0;) {
    const std::uint64_t hash = Hash(rows_.row(i), keys_);
    filter_[FilterWord(hash)] |= FilterBits(hash);
    std::uint32_t& head = heads_[hash & mask_];
    next_[i] = head;
    head = static_cast<std::uint32_t>(i);
  }
}

std::uint64_t KeyedRows::IndexBytes() const {
  return (heads_.capacity() + next_.capacity()) * sizeof(std::uint32_t) +
         filter_.capacity() * sizeof(std::uint64_t);
}

std::uint64_t KeyedRows::IndexBytesAtMost(std::size_t rows) {
  // Up to four buckets per row (the power of two at or above twice the rows), a link, and
  // up to sixteen bits of filter (a word at least).
  return std::uint64_t{rows} * (5 * sizeof(std::uint32_t) + 2) + sizeof(std::uint64_t);
}

}  // namespace silk::query
