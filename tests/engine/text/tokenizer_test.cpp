#include "engine/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/text/stemmer.h"

namespace silk::text {
namespace {

std::vector<std::string> Terms(Tokenizer& tokenizer, std::string_view text, TextLanguage lang) {
  std::vector<std::string> out;
  for (const Word& word : tokenizer.Words(text, lang)) {
    out.push_back(word.term);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(TextLanguage, PrimarySubtagChoosesTheLanguage) {
  EXPECT_EQ(LanguageOfTag("en"), TextLanguage::kEnglish);
  EXPECT_EQ(LanguageOfTag("EN-gb"), TextLanguage::kEnglish);
  EXPECT_EQ(LanguageOfTag("de-AT"), TextLanguage::kGerman);
  EXPECT_EQ(LanguageOfTag("tr"), TextLanguage::kTurkish);
  EXPECT_EQ(LanguageOfTag(""), TextLanguage::kOther);
  EXPECT_EQ(LanguageOfTag("ko"), TextLanguage::kOther);
  EXPECT_EQ(LanguageOfTag("english"), TextLanguage::kOther);
}

TEST(Tokenizer, BreaksWordsAndDropsPunctuation) {
  Tokenizer tokenizer;
  const std::vector<Word> words = tokenizer.Words("Hello,  world! 2024", TextLanguage::kOther);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].term, "hello");
  EXPECT_EQ(words[1].term, "world");
  EXPECT_EQ(words[2].term, "2024");
  EXPECT_EQ(words[1].position, 1u);
  // Byte offsets into the literal as written, for snippets.
  EXPECT_EQ(words[1].begin, 8u);
  EXPECT_EQ(words[1].end, 13u);
}

// The ASCII fast path breaks words where ICU does: checked against ICU itself by giving the
// same text with one non-ASCII letter appended as a word of its own.
TEST(Tokenizer, AsciiWordsBreakAsIcuBreaksThem) {
  Tokenizer tokenizer;
  for (const std::string text :
       {"Hello, world!", "can't stop", "e.g. this", "3.14 and 1,000,000; 2;3", "a:b c::d",
        "U.S.A. in 2024.", "x_y __z", "snake_case and kebab-case", "24kg 1st", "a.b.c.",
        "'quoted' \"double\" (paren)", "end.", "...dots...", "10:30 am", "it's 5'9\"",
        "a,b 1.a a.1 1'a", "  spaced   out  ", "", "!!"}) {
    std::vector<std::string> fast;
    for (const auto& [begin, end] : AsciiWordSpans(text)) fast.push_back(text.substr(begin, end - begin));
    std::vector<std::string> icu;
    const std::string marked = text + " \u00e9";
    for (const Word& word : tokenizer.Words(marked, TextLanguage::kOther)) {
      icu.push_back(marked.substr(word.begin, word.end - word.begin));
    }
    ASSERT_FALSE(icu.empty());
    icu.pop_back();  // the appended é
    EXPECT_EQ(fast, icu) << text;
  }
}

TEST(Tokenizer, OffsetsAreBytesOfUtf8) {
  Tokenizer tokenizer;
  const std::vector<Word> words = tokenizer.Words("Ökologie und Förderung", TextLanguage::kOther);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[2].begin, 14u);  // "Ö" takes two bytes
  EXPECT_EQ(words[2].end, 24u);
}

std::string Surface(Tokenizer& tokenizer, std::string_view word, TextLanguage language) {
  std::string term;
  std::string surface;
  tokenizer.Fold(word, language, &term, &surface);
  return surface;
}

TEST(Tokenizer, TurkishFoldsDottedAndDotlessI) {
  Tokenizer tokenizer;
  EXPECT_EQ(Surface(tokenizer, "İstanbul", TextLanguage::kTurkish), "istanbul");
  EXPECT_EQ(Surface(tokenizer, "ISPARTA", TextLanguage::kTurkish), "ısparta");
  // Untagged, English and German text folds I to i, and İ to i once its dot is stripped.
  EXPECT_EQ(Surface(tokenizer, "ISPARTA", TextLanguage::kOther), "isparta");
  EXPECT_EQ(Surface(tokenizer, "İstanbul", TextLanguage::kGerman), "istanbul");
}

TEST(Tokenizer, DiacriticsFoldForMatchingOnly) {
  Tokenizer tokenizer;
  EXPECT_EQ(Terms(tokenizer, "Türkistan", TextLanguage::kOther), Strings{"turkistan"});
  EXPECT_EQ(Terms(tokenizer, "café", TextLanguage::kOther), Strings{"cafe"});
  const std::vector<Word> words = tokenizer.Words("Ökologie", TextLanguage::kOther);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].surface, "okologie");
}

TEST(Tokenizer, StemsEnglishGermanAndTurkishOnly) {
  Tokenizer tokenizer;
  EXPECT_EQ(Terms(tokenizer, "signing signed", TextLanguage::kEnglish),
            (Strings{"sign", "sign"}));
  EXPECT_EQ(Terms(tokenizer, "Wasserkraftwerke", TextLanguage::kGerman),
            Strings{"wasserkraftwerk"});
  EXPECT_EQ(Terms(tokenizer, "belgeler", TextLanguage::kTurkish), Strings{"belge"});
  // No stemmer for other tags: the word stays whole.
  EXPECT_EQ(Terms(tokenizer, "signing", TextLanguage::kOther), Strings{"signing"});
}

// Fold takes numbers as they are, without the stemmers: that is only right while no stemmer
// changes a number.
TEST(Tokenizer, NoStemmerChangesANumber) {
  const Stemmers stemmers;
  for (const TextLanguage language :
       {TextLanguage::kEnglish, TextLanguage::kGerman, TextLanguage::kTurkish}) {
    for (const std::string number : {"0", "7", "19", "100", "2024", "23514", "0042", "31415926"}) {
      EXPECT_EQ(stemmers.Stem(language, number), number);
    }
  }
  Tokenizer tokenizer;
  EXPECT_EQ(Terms(tokenizer, "Report 23514", TextLanguage::kTurkish),
            (Strings{"report", "23514"}));
}

// Folded words are remembered by language: the same word folds apart in two of them.
TEST(Tokenizer, RepeatedWordsFoldAsTheFirstTime) {
  Tokenizer tokenizer;
  const auto fold_all = [&tokenizer] {
    std::vector<Strings> folds;
    for (const TextLanguage language : {TextLanguage::kOther, TextLanguage::kEnglish,
                                        TextLanguage::kGerman, TextLanguage::kTurkish}) {
      folds.push_back(Terms(tokenizer, "Signing ISPARTA Iğdır Straße signing", language));
    }
    return folds;
  };
  const std::vector<Strings> first = fold_all();
  EXPECT_EQ(fold_all(), first);
  EXPECT_EQ(first[0], (Strings{"signing", "isparta", "igdır", "strasse", "signing"}));
  EXPECT_EQ(first[1][0], "sign");
  EXPECT_NE(first[3][1], first[0][1]);  // Turkish folds I to dotless ı
}

TEST(Tokenizer, QueryFormsCoverEveryLanguage) {
  Tokenizer tokenizer;
  const Strings forms = tokenizer.QueryForms("signing");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "signing"), forms.end());
  EXPECT_NE(std::find(forms.begin(), forms.end(), "sign"), forms.end());
  // A capital I typed in a query can be Turkish dotless or not.
  const Strings isparta = tokenizer.QueryForms("Isparta");
  EXPECT_NE(std::find(isparta.begin(), isparta.end(), "isparta"), isparta.end());
  const std::string turkish = Terms(tokenizer, "ISPARTA", TextLanguage::kTurkish).at(0);
  EXPECT_TRUE(turkish.starts_with("ıspar"));
  EXPECT_NE(std::find(isparta.begin(), isparta.end(), turkish), isparta.end());
}

}  // namespace
}  // namespace silk::text
