// The forms a name is compared in, from strict to loose. Each is a pure function of the text,
// computed with ICU so that no table of spellings lives in our code.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace silk::names {

struct NameKeys {
  std::string exact;      // NFC: what was typed, canonically composed
  std::string folded;     // NFKC + Unicode case folding: "DSCHAPAROW" == "dschaparow"
  std::string ascii;      // folded, any script to Latin, diacritics removed: "Türkistan" -> "turkistan"
  std::string skeleton;   // UTS #39 confusable skeleton of the folded text without marks:
                          // Cyrillic "С" and Latin "C" share one
};

// Computes NameKeys. Building one loads ICU's transliterator and spoof checker, which takes
// milliseconds: make one and reuse it. Not thread-safe (ICU transliterators keep state).
class NameKeyMaker {
 public:
  NameKeyMaker();
  ~NameKeyMaker();
  NameKeyMaker(const NameKeyMaker&) = delete;
  NameKeyMaker& operator=(const NameKeyMaker&) = delete;

  // REQUIRES: `text` is UTF-8 (invalid bytes become U+FFFD).
  NameKeys Make(std::string_view text) const;

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

// Damerau–Levenshtein (optimal string alignment) distance over code points; gives up and
// returns `limit + 1` once the distance must exceed `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace silk::names
