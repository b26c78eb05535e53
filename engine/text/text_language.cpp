#include "engine/text/text_language.h"

#include <cctype>
#include <string>

namespace silk::text {

TextLanguage LanguageOfTag(std::string_view tag) {
  std::string primary;
  for (const char c : tag.substr(0, tag.find('-'))) {
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (primary == "en" || primary == "eng") {
    return TextLanguage::kEnglish;
  }
  if (primary == "de" || primary == "deu" || primary == "ger") {
    return TextLanguage::kGerman;
  }
  if (primary == "tr" || primary == "tur") {
    return TextLanguage::kTurkish;
  }
  return TextLanguage::kOther;
}

}  // namespace silk::text
