#include "engine/names/name_keys.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uspoof.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <vector>

namespace silk::names {

struct NameKeyMaker::Icu {
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::unique_ptr<icu::Transliterator> to_ascii;
  std::unique_ptr<icu::Transliterator> strip_marks;
  USpoofChecker* spoof = nullptr;

  ~Icu() {
    if (spoof != nullptr) uspoof_close(spoof);
  }
};

NameKeyMaker::NameKeyMaker() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->nfc = icu::Normalizer2::getNFCInstance(status);
  icu_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  // "Any-Latin" first, so that a name typed in Cyrillic or Hangul meets its Latin spelling;
  // then marks go, then what is left of Latin becomes ASCII (ß -> ss, ı -> i).
  icu_->to_ascii.reset(icu::Transliterator::createInstance(
      "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII", UTRANS_FORWARD, status));
  // For the skeleton the script must stay as it was: a Cyrillic С is confusable with a Latin
  // C, but Any-Latin would turn it into an S.
  icu_->strip_marks.reset(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
  icu_->spoof = uspoof_open(&status);
  if (U_SUCCESS(status)) uspoof_setChecks(icu_->spoof, USPOOF_CONFUSABLE, &status);
  // ICU's data is part of the installation, so a failure here is a broken install, not input.
  assert(U_SUCCESS(status));
}

NameKeyMaker::~NameKeyMaker() = default;

namespace {

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// ICU reports errors through `status`; a name that fails to normalise keeps the form it had,
// which can only make it match less, never wrongly.
icu::UnicodeString Normalize(const icu::Normalizer2* normalizer, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = normalizer->normalize(text, status);
  return U_SUCCESS(status) ? out : text;
}

}  // namespace

NameKeys NameKeyMaker::Make(std::string_view text) const {
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  NameKeys keys;
  keys.exact = Utf8(Normalize(icu_->nfc, input));
  const icu::UnicodeString folded = Normalize(icu_->nfkc_casefold, input);
  keys.folded = Utf8(folded);

  icu::UnicodeString ascii = folded;
  icu_->to_ascii->transliterate(ascii);
  // Transliteration can bring back capitals (Cyrillic to Latin keeps case): fold again.
  keys.ascii = Utf8(Normalize(icu_->nfkc_casefold, ascii));

  icu::UnicodeString unmarked = folded;
  icu_->strip_marks->transliterate(unmarked);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString skeleton;
  uspoof_getSkeletonUnicodeString(icu_->spoof, 0, unmarked, skeleton, &status);
  keys.skeleton = U_SUCCESS(status) ? Utf8(Normalize(icu_->nfkc_casefold, skeleton)) : keys.folded;
  return keys;
}

namespace {

std::vector<UChar32> CodePoints(std::string_view text) {
  const icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::vector<UChar32> out;
  out.reserve(static_cast<std::size_t>(s.length()));
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back(s.char32At(i));
  return out;
}

}  // namespace

int EditDistance(std::string_view a_text, std::string_view b_text, int limit) {
  const std::vector<UChar32> a = CodePoints(a_text);
  const std::vector<UChar32> b = CodePoints(b_text);
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows suffice for the transposition rule: i-2, i-1 and i.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace silk::names
