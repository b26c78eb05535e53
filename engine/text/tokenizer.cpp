#include "engine/text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cassert>

#include "engine/text/stemmer.h"

namespace silk::text {

struct Tokenizer::Icu {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  Stemmers stemmers;
};

Tokenizer::Tokenizer() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's rules: words break the same way in the three languages, and a locale
  // per literal would mean one iterator per language for no gain.
  icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  icu_->nfd = icu::Normalizer2::getNFDInstance(status);
  icu_->nfc = icu::Normalizer2::getNFCInstance(status);
  // ICU's data is part of the installation: a failure here is a broken install, not input.
  assert(U_SUCCESS(status));
}

Tokenizer::~Tokenizer() = default;

namespace {

icu::UnicodeString FromUtf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsAsciiDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void Tokenizer::Fold(std::string_view word, TextLanguage language, std::string* term,
                     std::string* surface) {
  // Numbers are most of the words no other literal shares (ids, years, counts): kept out of
  // the cache, which they would only churn. They fold to themselves in every language, since
  // they have no case and no marks, and every suffix a Snowball stemmer removes has a letter.
  if (IsAsciiDigits(word)) {
    term->assign(word);
    surface->assign(word);
    return;
  }
  if (const FoldCache::Folded* known = folded_.Find(word, language)) {
    *term = known->term;
    *surface = known->surface;
    return;
  }
  FoldWord(word, language, term, surface);
  folded_.Insert({*term, *surface});
}

void Tokenizer::FoldWord(std::string_view word, TextLanguage language, std::string* term,
                         std::string* surface) {
  std::string folded;
  if (IsAscii(word) && language != TextLanguage::kTurkish) {
    // Most words: ASCII folds by itself and has no marks to strip, without ICU.
    folded.assign(word);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    *surface = folded;
    *term = icu_->stemmers.Stem(language, folded);
    return;
  }
  icu::UnicodeString text = FromUtf8(word);
  // Turkish folds I to ı and İ to i; the default folds I to i and İ to i + combining dot,
  // whose dot goes with the other marks below.
  text.foldCase(language == TextLanguage::kTurkish ? U_FOLD_CASE_EXCLUDE_SPECIAL_I
                                                   : U_FOLD_CASE_DEFAULT);
  folded = ToUtf8(text);
  // Stem before the marks go: the stemmers know their language's letters (ü, ş, ğ).
  const std::string stem = icu_->stemmers.Stem(language, folded);
  const auto strip_marks = [this](const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = icu_->nfd->normalize(FromUtf8(utf8), status);
    if (U_FAILURE(status)) {
      return utf8;
    }
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
      const UChar32 c = decomposed.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) {
        bare.append(c);
      }
    }
    const icu::UnicodeString composed = icu_->nfc->normalize(bare, status);
    return U_SUCCESS(status) ? ToUtf8(composed) : ToUtf8(bare);
  };
  *term = strip_marks(stem);
  *surface = strip_marks(folded);
}

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiWordChar(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_'; }

// Whether the punctuation at `i` holds its neighbours in one word, as Unicode's word break
// rules say for ASCII: "can't", "e.g" between letters (WB6, WB7; ICU's root rules leave the
// colon out), "3.14", "1,000" between digits (WB11, WB12).
bool JoinsAt(std::string_view text, std::size_t i) {
  if (i == 0 || i + 1 >= text.size()) return false;
  const char before = text[i - 1];
  const char c = text[i];
  const char after = text[i + 1];
  if (IsAsciiLetter(before) && IsAsciiLetter(after)) return c == '.' || c == '\'';
  if (IsAsciiDigit(before) && IsAsciiDigit(after)) {
    return c == ',' || c == ';' || c == '.' || c == '\'';
  }
  return false;
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> AsciiWordSpans(std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsAsciiWordChar(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && (IsAsciiWordChar(text[i]) || JoinsAt(text, i))) ++i;
    spans.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i));
  }
  return spans;
}

std::vector<Word> Tokenizer::Words(std::string_view text, TextLanguage language) {
  std::vector<Word> words;
  if (IsAscii(text)) {
    // Most literals: the rules' ASCII part, without setting up ICU's iterator per literal.
    for (const auto& [begin, end] : AsciiWordSpans(text)) {
      Word word;
      Fold(text.substr(begin, end - begin), language, &word.term, &word.surface);
      word.position = static_cast<std::uint32_t>(words.size());
      word.begin = begin;
      word.end = end;
      words.push_back(std::move(word));
    }
    return words;
  }
  UErrorCode status = U_ZERO_ERROR;
  // Over the UTF-8 bytes themselves, so that the boundaries are byte offsets for snippets.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    return words;
  }
  icu_->words->setText(utext, status);
  if (U_SUCCESS(status)) {
    std::int32_t begin = icu_->words->first();
    for (std::int32_t end = icu_->words->next(); end != icu::BreakIterator::DONE;
         begin = end, end = icu_->words->next()) {
      // UBRK_WORD_NONE marks spaces and punctuation; numbers, letters, kana and ideographs
      // are the words.
      if (icu_->words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
        continue;
      }
      Word word;
      Fold(text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)),
           language, &word.term, &word.surface);
      if (word.term.empty()) {
        continue;
      }
      word.position = static_cast<std::uint32_t>(words.size());
      word.begin = static_cast<std::uint32_t>(begin);
      word.end = static_cast<std::uint32_t>(end);
      words.push_back(std::move(word));
    }
  }
  // The iterator must not keep a pointer to `utext` once it is closed.
  icu::UnicodeString empty;
  icu_->words->setText(empty);
  utext_close(utext);
  return words;
}

std::vector<std::string> Tokenizer::QueryForms(std::string_view word) {
  std::vector<std::string> forms;
  for (const TextLanguage language : {TextLanguage::kOther, TextLanguage::kEnglish,
                                      TextLanguage::kGerman, TextLanguage::kTurkish}) {
    std::string term;
    std::string surface;
    Fold(word, language, &term, &surface);
    if (!term.empty() && std::find(forms.begin(), forms.end(), term) == forms.end()) {
      forms.push_back(std::move(term));
    }
  }
  return forms;
}

}  // namespace silk::text
