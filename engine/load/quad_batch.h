// A run of parsed statements that owns its strings, so it can travel from the thread that
// parses to the thread that inserts (a parser's views die when its Accept call returns).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::load {

// All strings of all terms are copied into one byte buffer, and each statement is one
// fixed-size record of offsets and lengths: two allocations per batch however many statements
// it holds, and none at all once a reused batch has grown to its working size.
class QuadBatch {
 public:
  // A batch is full at this many statements or this many bytes of strings, whichever comes
  // first. About 1 MiB: large enough that handing a batch over costs nothing per statement,
  // small enough that the bytes are still in a shared cache when the other thread reads them.
  static constexpr std::size_t kMaxQuads = 8192;
  static constexpr std::size_t kMaxBytes = std::size_t{1} << 20;

  QuadBatch() = default;
  QuadBatch(const QuadBatch&) = delete;
  QuadBatch& operator=(const QuadBatch&) = delete;

  // Copies `quad` in. Terms are at most a few hundred MiB (the parsers' limits), so the
  // 32-bit offsets of a batch that is not yet full cannot overflow.
  void Add(const rdf::QuadView& quad);
  // The i-th statement, viewing this batch's bytes: valid until Clear() or the next Add().
  rdf::QuadView quad(std::size_t i) const;

  std::size_t size() const { return quads_.size(); }
  bool empty() const { return quads_.empty(); }
  bool full() const { return quads_.size() >= kMaxQuads || used_ >= kMaxBytes; }
  // Empties the batch and keeps its memory for the next use.
  void Clear();

  // Bytes read from the input when the batch was closed: progress, reported by the thread that
  // inserts, cannot ask the input itself while the parser reads it.
  std::uint64_t input_bytes = 0;

 private:
  struct PackedTerm {
    std::uint32_t offset;  // value, then datatype, then language, back to back
    std::uint32_t value_size;
    std::uint32_t datatype_size;
    std::uint32_t language_size;
    rdf::TermKind kind;
  };
  struct PackedQuad {
    PackedTerm terms[4];  // subject, predicate, object, graph
  };

  PackedTerm Pack(const rdf::TermView& term);
  rdf::TermView Unpack(const PackedTerm& term) const;
  // Makes room for `more` bytes after the used ones, keeping them.
  void Reserve(std::size_t more);

  std::vector<PackedQuad> quads_;
  // Not a std::string or vector: those zero-fill on growth, and the bytes are copied over at
  // once anyway.
  std::unique_ptr<char[]> bytes_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace silk::load
