// Which literal objects a commit's quads change, for the text index. Internal to
// engine/storage/.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "engine/storage/quad_record.h"
#include "engine/storage/term_dictionary.h"
#include "engine/storage/term_id.h"

namespace silk::storage {

// The literal objects whose quads the commit changes, by what may happen to their entries.
// Each list is in id order.
struct LiteralChanges {
  std::vector<TermId> gained_new;       // new terms with quads: enter the index
  std::vector<TermId> gained_existing;  // stored terms that gained quads: enter if they had none
  std::vector<std::pair<TermId, std::uint64_t>> lost;  // lost quads, gained none: may leave
};

// Collects LiteralChanges from the ospg changes as the commit writes them, so that they are
// read once: ospg holds the object first, so each literal's changes come together.
class LiteralChangeCollector {
 public:
  explicit LiteralChangeCollector(const TermEncoder& terms) : terms_(terms) {}

  // The next of the commit's ospg changes, in key order.
  void Observe(const QuadRecord& change) {
    if (TagOf(change.quad.o) != TermTag::kLiteral) {
      return;
    }
    if (change.quad.o != object_) {
      Flush();
      object_ = change.quad.o;
    }
    ++(change.effect == Effect::kAdd ? added_ : removed_);
  }

  // After the last change.
  LiteralChanges Finish() {
    Flush();
    return std::move(changes_);
  }

 private:
  void Flush();

  const TermEncoder& terms_;
  LiteralChanges changes_;
  TermId object_ = 0;
  std::uint64_t added_ = 0;    // quads object_ gains
  std::uint64_t removed_ = 0;  // and loses
};

}  // namespace silk::storage
