// What a text query asks for: words that must all occur, and "quoted phrases" whose words
// must occur in order, next to each other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/text/tokenizer.h"

namespace silk::text {

struct QueryWord {
  std::vector<std::string> forms;  // the index forms it matches (Tokenizer::QueryForms)
  std::string surface;             // folded, without marks, unstemmed: for compound parts
};

// One word, or a phrase of several in order.
struct QueryClause {
  std::vector<QueryWord> words;
};

// The clauses of `query`. A `"` opens and closes a phrase (an unclosed one runs to the end).
// kInvalidArgument when the query has no word at all (only spaces or punctuation).
Result<std::vector<QueryClause>> ParseTextQuery(std::string_view query, Tokenizer& tokenizer);

}  // namespace silk::text
