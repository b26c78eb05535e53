// A short piece of a literal around the words a text query matched, for showing a match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/text/text_query.h"
#include "engine/text/tokenizer.h"

namespace silk::text {

// `text` (a literal in `language`) with each word the query's `clauses` match put in
// [brackets]; a long text is cut to about `width` bytes around the first match, the cuts
// marked with "…". Words match as in the index: by their forms, and a long German word by a
// part the query names.
std::string Snippet(std::string_view text, TextLanguage language,
                    const std::vector<QueryClause>& clauses, Tokenizer& tokenizer,
                    std::size_t width = 100);

}  // namespace silk::text
