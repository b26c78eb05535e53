#include "engine/text/snippet.h"

#include <algorithm>

#include "engine/text/compound_parts.h"

namespace silk::text {
namespace {

bool Matches(const Word& word, TextLanguage language, const std::vector<QueryClause>& clauses) {
  for (const QueryClause& clause : clauses) {
    for (const QueryWord& query : clause.words) {
      if (std::find(query.forms.begin(), query.forms.end(), word.term) != query.forms.end()) {
        return true;
      }
      if (language == TextLanguage::kGerman && IsPartQuery(query.surface) &&
          word.surface.find(query.surface) != std::string::npos &&
          !CompoundParts(word.surface).empty()) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::string Snippet(std::string_view text, TextLanguage language,
                    const std::vector<QueryClause>& clauses, Tokenizer& tokenizer,
                    std::size_t width) {
  std::vector<Word> hits;
  for (Word& word : tokenizer.Words(text, language)) {
    if (Matches(word, language, clauses)) hits.push_back(std::move(word));
  }
  // The window: from a little before the first hit, about `width` bytes, at word boundaries
  // (spaces) so that no letter is cut in half.
  std::size_t begin = 0;
  std::size_t end = text.size();
  if (text.size() > width) {
    const std::size_t first = hits.empty() ? 0 : hits.front().begin;
    begin = first > width / 3 ? first - width / 3 : 0;
    if (begin > 0) {
      const std::size_t space = text.find(' ', begin);
      begin = space == std::string_view::npos || space >= first ? first : space + 1;
    }
    end = std::min(text.size(), begin + width);
    if (end < text.size()) {
      const std::size_t space = text.rfind(' ', end);
      end = space == std::string_view::npos || space <= begin ? end : space;
    }
  }
  std::string out = begin > 0 ? "…" : "";
  std::size_t at = begin;
  for (const Word& hit : hits) {
    if (hit.begin < begin || hit.end > end) continue;
    out.append(text.substr(at, hit.begin - at));
    out += '[';
    out.append(text.substr(hit.begin, hit.end - hit.begin));
    out += ']';
    at = hit.end;
  }
  out.append(text.substr(at, end - at));
  if (end < text.size()) out += "…";
  return out;
}

}  // namespace silk::text
