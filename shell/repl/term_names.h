// Names of term ids as the shell shows them, for commands that list many quads.
#pragma once

#include <map>
#include <string>

#include "engine/storage/store.h"
#include "shell/repl/box_table.h"

namespace silk::shell::repl {

// Decodes ids, remembering the ones seen (a term's quads share predicates and graphs).
class TermNames {
 public:
  TermNames(const storage::Snapshot& snapshot, const Prefixes& prefixes)
      : snapshot_(snapshot), prefixes_(prefixes) {}
  std::string Name(storage::TermId id) {
    if (id == storage::kDefaultGraphId) return "(default graph)";
    auto it = names_.find(id);
    if (it != names_.end()) return it->second;
    Result<rdf::Term> term = snapshot_.Decode(id);
    std::string name = term.ok() ? ShortTermText(term->view(), prefixes_)
                                 : fmt::format("(undecodable id {})", id);
    return names_.emplace(id, std::move(name)).first->second;
  }

 private:
  const storage::Snapshot& snapshot_;
  const Prefixes& prefixes_;
  std::map<storage::TermId, std::string> names_;
};

}  // namespace silk::shell::repl
