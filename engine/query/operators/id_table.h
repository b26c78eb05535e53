// Rows of term ids, row-major: the unit operators pass to each other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/query/query_ids.h"

namespace silk::query {

// Operators hand over at most this many rows per call, so memory per pipeline stays small
// and cancellation is checked often.
inline constexpr std::size_t kBatchRows = 1024;

// Hashes a row of ids kept as a vector (DISTINCT's seen rows, GROUP BY's keys).
struct IdsHash {
  std::size_t operator()(const std::vector<TermId>& ids) const {
    std::size_t h = 0x9E3779B97F4A7C15ULL;
    for (TermId id : ids) h = (h ^ id) * 0xFF51AFD7ED558CCDULL;
    return h;
  }
};

class IdTable {
 public:
  explicit IdTable(std::size_t width = 0) : width_(width) {}

  std::size_t width() const { return width_; }
  std::size_t rows() const { return rows_; }
  bool empty() const { return rows() == 0; }

  std::span<const TermId> row(std::size_t i) const { return {ids_.data() + i * width_, width_}; }
  std::span<TermId> row(std::size_t i) { return {ids_.data() + i * width_, width_}; }
  TermId at(std::size_t row, std::size_t column) const { return ids_[row * width_ + column]; }

  // Appends a row of kUnbound and returns it for filling in.
  std::span<TermId> AddRow() {
    ids_.resize(ids_.size() + width_, kUnbound);
    ++rows_;
    return {ids_.data() + ids_.size() - width_, width_};
  }
  // Appends `count` rows of kUnbound and returns their ids, row-major, for filling in.
  std::span<TermId> AddRows(std::size_t count) {
    ids_.resize(ids_.size() + count * width_, kUnbound);
    rows_ += count;
    return {ids_.data() + ids_.size() - count * width_, count * width_};
  }
  void AddRow(std::span<const TermId> values) {
    ids_.insert(ids_.end(), values.begin(), values.end());
    ++rows_;
  }
  void PopRow() {
    ids_.resize(ids_.size() - width_);
    --rows_;
  }
  void Clear() {
    ids_.clear();
    rows_ = 0;
  }
  void Reset(std::size_t width) {
    width_ = width;
    Clear();
  }
  // Every id of every row, row-major.
  std::span<const TermId> ids() const { return ids_; }
  std::size_t MemoryBytes() const { return ids_.capacity() * sizeof(TermId); }
  // Room for `rows` rows without reallocating.
  void Reserve(std::size_t rows) { ids_.reserve(rows * width_); }
  std::size_t CapacityRows() const { return width_ == 0 ? SIZE_MAX : ids_.capacity() / width_; }

 private:
  std::size_t width_;
  std::vector<TermId> ids_;
  // Counted, not derived from ids_.size(): a table of no columns still has rows (the one
  // empty row of an empty group, ASK).
  std::size_t rows_ = 0;
};

}  // namespace silk::query
