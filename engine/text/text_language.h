// The languages the text index treats specially, chosen by a literal's language tag.
#pragma once

#include <string_view>

namespace silk::text {

// Each has its own case folding or stemmer; every other tag (and none) is kOther: folded by
// Unicode's default rules and not stemmed, since a wrong stemmer merges unrelated words.
enum class TextLanguage { kOther, kEnglish, kGerman, kTurkish };

// By the primary subtag, case-insensitively: "en-GB" is English, "tr" Turkish.
TextLanguage LanguageOfTag(std::string_view tag);

}  // namespace silk::text
