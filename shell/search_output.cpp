#include "shell/search_output.h"

#include <fmt/format.h>

namespace silk::shell {

void WriteLiteralHits(const std::vector<names::LiteralHit>& hits, const repl::Prefixes& prefixes,
                      std::ostream& out) {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const names::LiteralHit& hit = hits[i];
    const std::string language = hit.literal.language.empty() ? "none" : hit.literal.language;
    const std::string graph = hit.graph.kind == rdf::TermKind::kDefaultGraph
                                  ? "the default graph"
                                  : repl::ShortTermText(hit.graph.view(), prefixes);
    out << fmt::format("{}. {}  {}\n", i + 1, repl::ShortTermText(hit.entity.view(), prefixes),
                       repl::ShortTermText(hit.predicate.view(), prefixes));
    out << fmt::format("   literal  {}  (language {}, score {:.2f})\n",
                       repl::ShortTermText(hit.literal.view(), prefixes), language, hit.score);
    out << fmt::format("   snippet  {}\n", hit.snippet);
    out << fmt::format("   graph    {}\n", graph);
  }
}

}  // namespace silk::shell
