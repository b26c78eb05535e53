// Snowball stemmers (libstemmer) for the languages that have one: "signing" -> "sign".
#pragma once

#include <string>
#include <string_view>

#include "engine/text/text_language.h"

struct sb_stemmer;

namespace silk::text {

// One Snowball stemmer per language, made once. Not thread-safe (Snowball keeps its state in
// the stemmer): one per thread.
class Stemmers {
 public:
  Stemmers();
  ~Stemmers();
  Stemmers(const Stemmers&) = delete;
  Stemmers& operator=(const Stemmers&) = delete;

  // The stem of `word` in `language`, or `word` itself for kOther.
  // REQUIRES: `word` is UTF-8 and already case-folded (Snowball expects lower case).
  std::string Stem(TextLanguage language, std::string_view word) const;

 private:
  sb_stemmer* english_;
  sb_stemmer* german_;
  sb_stemmer* turkish_;
};

}  // namespace silk::text
