#include "shell/prefixes.h"

#include "grammar/query/query_parser.h"

namespace silk::shell {

const std::vector<std::pair<std::string, std::string>>& ShellPrefixes() {
  static const std::vector<std::pair<std::string, std::string>> kPrefixes = [] {
    std::vector<std::pair<std::string, std::string>> prefixes = query::WellKnownPrefixes();
    // The Korea – Central Asia graph in datasets/: its vocabulary and entities, and its
    // articles (the graph names).
    prefixes.emplace_back("kca", "https://silkgraph.org/kca/");
    prefixes.emplace_back("src", "https://silkgraph.org/kca/source/");
    // SilkGraph's own terms: the text patterns silk:matches and silk:score.
    prefixes.emplace_back("silk", "https://silkgraph.org/ns#");
    return prefixes;
  }();
  return kPrefixes;
}

void DeclarePrefix(std::vector<std::pair<std::string, std::string>>& prefixes,
                   const std::string& name, const std::string& iri) {
  for (auto& [declared, value] : prefixes) {
    if (declared == name) {
      value = iri;
      return;
    }
  }
  prefixes.emplace_back(name, iri);
}

}  // namespace silk::shell
