// The byte layouts of the text index (family `text`, see format.h): pure codecs, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/term_id.h"

namespace silk::storage {

// Where a literal's word occurs: its positions among the literal's words, and how many words
// the literal has (for ranking, which favours short literals).
struct Posting {
  TermId literal = 0;
  std::uint32_t word_count = 0;
  std::vector<std::uint32_t> positions;  // ascending
};

// 'W' term 0x00 literal: the literals whose words have the index form `term`.
std::string WordKey(std::string_view term, TermId literal);
// 'P' part 0x00 literal: a suffix of a long German word (engine/text/compound_parts.h).
std::string PartKey(std::string_view part, TermId literal);
// `kind` text 0x00: what the keys of one word's ('W') or one part's ('P') postings start
// with, the literal's id following.
void AppendPostingPrefix(char kind, std::string_view text, std::string* out);
// The keys of one term's postings all start with this (a seek target and bound).
std::string WordPrefix(std::string_view term);
// The keys of every part that starts with `text` start with this: no 0x00 after it.
std::string PartPrefix(std::string_view text);
// 'T' -> 8 bytes literals, 8 bytes words, big-endian: the index's totals, for ranking.
std::string TextTotalsKey();

// The literal a 'W' or 'P' key ends with. REQUIRES: a key of either kind.
TermId LiteralOfPostingKey(std::string_view key);

std::string EncodePostingValue(std::uint32_t word_count, const std::vector<std::uint32_t>& positions);
// nullopt when `value` is malformed.
std::optional<Posting> DecodePostingValue(TermId literal, std::string_view value);

struct TextTotals {
  std::uint64_t literals = 0;
  std::uint64_t words = 0;
};
std::string EncodeTotals(const TextTotals& totals);
std::optional<TextTotals> DecodeTotals(std::string_view value);

}  // namespace silk::storage
