// Literal text to the words the text index keys: ICU word breaks, case folding by the
// literal's language (Turkish İ/ı), Snowball stems for English, German and Turkish, and
// diacritics folded away, so that "Türkistan", "TURKISTAN" and "türkistan" meet. The literal
// itself is stored as it was; these forms exist only for matching.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/text/fold_cache.h"
#include "engine/text/text_language.h"

namespace silk::text {

struct Word {
  std::string term;       // the form the index keys: folded, stemmed, without marks
  std::string surface;    // folded and without marks but not stemmed (for compound parts)
  std::uint32_t position; // 0, 1, 2… among the literal's words, for phrases
  std::uint32_t begin;    // byte offsets of the word in the literal's text, for snippets
  std::uint32_t end;
};

// Not thread-safe (the ICU break iterator and the stemmers keep state): one per thread.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The words of `text`, a literal in `language`, in order. Punctuation and spaces are not
  // words; letters, numbers and ideographs are.
  // REQUIRES: `text` is UTF-8 (invalid bytes are skipped as non-words).
  std::vector<Word> Words(std::string_view text, TextLanguage language);

  // Every index form a word typed in a query can have, since a query carries no language:
  // its form as an untagged, English, German and Turkish literal, without repeats.
  std::vector<std::string> QueryForms(std::string_view word);

  // One word's index term and surface form in `language`.
  void Fold(std::string_view word, TextLanguage language, std::string* term, std::string* surface);

 private:
  // Fold without the cache.
  void FoldWord(std::string_view word, TextLanguage language, std::string* term,
                std::string* surface);

  struct Icu;
  std::unique_ptr<Icu> icu_;
  FoldCache folded_;
};

// The byte spans of the words of an ASCII text by Unicode's word break rules (UAX #29), as
// ICU finds them, without ICU: Tokenizer::Words uses it for ASCII literals.
// REQUIRES: `text` is ASCII.
std::vector<std::pair<std::uint32_t, std::uint32_t>> AsciiWordSpans(std::string_view text);

}  // namespace silk::text
