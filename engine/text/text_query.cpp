#include "engine/text/text_query.h"

#include <fmt/format.h>

namespace silk::text {

Result<std::vector<QueryClause>> ParseTextQuery(std::string_view query, Tokenizer& tokenizer) {
  std::vector<QueryClause> clauses;
  bool in_phrase = false;
  for (std::size_t start = 0; start <= query.size();) {
    const std::size_t quote = std::min(query.find('"', start), query.size());
    const std::string_view segment = query.substr(start, quote - start);
    QueryClause phrase;
    // A query names no language: its words are split and folded as untagged text, and each
    // word then matches its forms in every language (QueryForms).
    for (const Word& word : tokenizer.Words(segment, TextLanguage::kOther)) {
      QueryWord query_word{tokenizer.QueryForms(segment.substr(word.begin, word.end - word.begin)),
                           word.surface};
      if (in_phrase) {
        phrase.words.push_back(std::move(query_word));
      } else {
        clauses.push_back(QueryClause{{std::move(query_word)}});
      }
    }
    if (!phrase.words.empty()) {
      clauses.push_back(std::move(phrase));
    }
    in_phrase = !in_phrase;
    start = quote + 1;
  }
  if (clauses.empty()) {
    return Status::InvalidArgument(
        fmt::format("the text query \"{}\" has no words to look for", query));
  }
  return clauses;
}

}  // namespace silk::text
