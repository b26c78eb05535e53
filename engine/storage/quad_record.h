// A write transaction's operation on one quad, and what it does to the store: the records
// the quad log sorts, spills and merges. Internal to engine/storage/.
#pragma once

#include <cstdint>

#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::storage {

enum class QuadOp : std::uint8_t { kInsert, kDelete };

// What an operation does to the store, once the last operation on its quad is known.
enum class Effect : std::uint8_t {
  kNone,    // nothing: an insert of a stored quad, a delete of an absent one
  kAdd,     // the store gains the quad
  kRemove,  // the store loses the quad
};

struct QuadRecord {
  QuadIds quad;
  std::uint32_t sequence = 0;  // order of operations within one buffer: the later one wins
  QuadOp op = QuadOp::kInsert;
  Effect effect = Effect::kNone;
};

// The changes of one index in key order: kAdd and kRemove only, each quad once.
class ChangeCursor {
 public:
  virtual ~ChangeCursor() = default;
  // The next change; false at the end or on a read error (then status() says which).
  virtual bool Next(QuadRecord* change) = 0;
  virtual Status status() const = 0;
};

}  // namespace silk::storage
