// A memo of Tokenizer::Fold. A bulk load folds millions of words drawn from a vocabulary of
// thousands ("report", names, places), and folding one costs a stemmer call and, for a word
// that is not ASCII, three ICU passes; looking it up costs a hash.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/text/text_language.h"

namespace silk::text {

// Not thread-safe: one per Tokenizer.
class FoldCache {
 public:
  struct Folded {
    std::string term;
    std::string surface;
  };

  // The forms Fold gave `word` in `language`, or null. Valid until the next Insert().
  const Folded* Find(std::string_view word, TextLanguage language);
  // Remembers the forms of `word` in `language`, the word that the last Find() missed.
  void Insert(Folded folded);

 private:
  // Past this many words the cache starts afresh: the memory stays bounded, and a vocabulary
  // that large repeats its words too rarely for a memo to pay.
  static constexpr std::size_t kMaxWords = std::size_t{1} << 18;

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };

  std::string key_;  // the language, then the word: of the last Find()
  std::unordered_map<std::string, Folded, Hash, std::equal_to<>> words_;
};

}  // namespace silk::text
