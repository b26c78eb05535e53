// The prefixes `silk` declares before a user's query: the well-known vocabularies and the
// shipped graph's own (a query may redeclare any of them).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace silk::shell {

const std::vector<std::pair<std::string, std::string>>& ShellPrefixes();

// Declares `name:` as `iri` in `prefixes`, replacing an earlier declaration of the same name.
void DeclarePrefix(std::vector<std::pair<std::string, std::string>>& prefixes,
                   const std::string& name, const std::string& iri);

}  // namespace silk::shell
