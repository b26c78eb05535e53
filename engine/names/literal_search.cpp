#include "engine/names/literal_search.h"

#include "engine/text/snippet.h"
#include "engine/text/text_language.h"

namespace silk::names {

Result<std::vector<LiteralHit>> SearchLiterals(const storage::Snapshot& snapshot,
                                               std::string_view words, std::size_t limit) {
  Result<std::vector<storage::TextMatch>> matches = snapshot.MatchText(words);
  if (!matches.ok()) return matches.status();
  text::Tokenizer tokenizer;
  Result<std::vector<text::QueryClause>> clauses = text::ParseTextQuery(words, tokenizer);
  if (!clauses.ok()) return clauses.status();
  std::vector<LiteralHit> hits;
  for (const storage::TextMatch& match : *matches) {
    if (hits.size() >= limit) break;
    Result<rdf::Term> literal = snapshot.Decode(match.literal);
    if (!literal.ok()) return literal.status();
    const std::string snippet =
        text::Snippet(literal->value, text::LanguageOfTag(literal->language), *clauses, tokenizer);
    storage::QuadPattern holding;  // the quads whose object is the literal
    holding.o = match.literal;
    std::unique_ptr<storage::QuadIterator> quads = snapshot.Scan(holding);
    for (; quads->Valid() && hits.size() < limit; quads->Next()) {
      const storage::QuadIds quad = quads->quad();
      const storage::TermId ids[] = {quad.s, quad.p, quad.g};
      Result<std::vector<rdf::Term>> terms = snapshot.DecodeMany(ids);
      if (!terms.ok()) return terms.status();
      hits.push_back(LiteralHit{(*terms)[0], (*terms)[1], *literal, (*terms)[2], snippet,
                                match.score});
    }
    if (!quads->status().ok()) return quads->status();
  }
  return hits;
}

}  // namespace silk::names
