#include "engine/text/stemmer.h"

#include <libstemmer.h>

#include <cassert>

namespace silk::text {

Stemmers::Stemmers()
    : english_(sb_stemmer_new("english", "UTF_8")),
      german_(sb_stemmer_new("german", "UTF_8")),
      turkish_(sb_stemmer_new("turkish", "UTF_8")) {
  // The three are built into libstemmer: a null here is a broken installation, not input.
  assert(english_ != nullptr && german_ != nullptr && turkish_ != nullptr);
}

Stemmers::~Stemmers() {
  sb_stemmer_delete(english_);
  sb_stemmer_delete(german_);
  sb_stemmer_delete(turkish_);
}

std::string Stemmers::Stem(TextLanguage language, std::string_view word) const {
  sb_stemmer* stemmer = language == TextLanguage::kEnglish  ? english_
                        : language == TextLanguage::kGerman ? german_
                        : language == TextLanguage::kTurkish ? turkish_
                                                             : nullptr;
  if (stemmer == nullptr || word.empty()) {
    return std::string(word);
  }
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) {  // out of memory: the word unstemmed still matches itself
    return std::string(word);
  }
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace silk::text
