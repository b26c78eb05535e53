#include "engine/storage/text_keys.h"

#include "engine/storage/format.h"
#include "engine/storage/key_codec.h"

namespace silk::storage {
namespace {

std::string PostingKey(char kind, std::string_view text, TermId literal) {
  std::string key;
  key.reserve(text.size() + 2 + format::kIdSize);
  AppendPostingPrefix(kind, text, &key);
  key.append(BigEndian64(literal));
  return key;
}

void PutVarint(std::uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, std::uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= std::uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string WordKey(std::string_view term, TermId literal) {
  return PostingKey(format::kTextWord, term, literal);
}

std::string PartKey(std::string_view part, TermId literal) {
  return PostingKey(format::kTextPart, part, literal);
}

void AppendPostingPrefix(char kind, std::string_view text, std::string* out) {
  out->push_back(kind);
  out->append(text);
  out->push_back('\0');
}

std::string WordPrefix(std::string_view term) {
  std::string prefix;
  AppendPostingPrefix(format::kTextWord, term, &prefix);
  return prefix;
}

std::string PartPrefix(std::string_view text) {
  std::string prefix(1, format::kTextPart);
  prefix.append(text);
  return prefix;
}

std::string TextTotalsKey() { return std::string(1, format::kTextTotals); }

TermId LiteralOfPostingKey(std::string_view key) {
  return GetBigEndian64(key.data() + key.size() - format::kIdSize);
}

std::string EncodePostingValue(std::uint32_t word_count,
                               const std::vector<std::uint32_t>& positions) {
  std::string value;
  PutVarint(word_count, &value);
  PutVarint(positions.size(), &value);
  std::uint32_t previous = 0;
  for (const std::uint32_t position : positions) {
    PutVarint(position - previous, &value);  // ascending: small deltas
    previous = position;
  }
  return value;
}

std::optional<Posting> DecodePostingValue(TermId literal, std::string_view value) {
  Posting posting;
  posting.literal = literal;
  std::uint64_t word_count = 0;
  std::uint64_t count = 0;
  if (!GetVarint(&value, &word_count) || !GetVarint(&value, &count) || count > word_count) {
    return std::nullopt;
  }
  posting.word_count = static_cast<std::uint32_t>(word_count);
  std::uint64_t position = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t delta = 0;
    if (!GetVarint(&value, &delta)) {
      return std::nullopt;
    }
    position += delta;
    posting.positions.push_back(static_cast<std::uint32_t>(position));
  }
  if (!value.empty()) {
    return std::nullopt;
  }
  return posting;
}

std::string EncodeTotals(const TextTotals& totals) {
  return BigEndian64(totals.literals) + BigEndian64(totals.words);
}

std::optional<TextTotals> DecodeTotals(std::string_view value) {
  if (value.size() != 2 * format::kIdSize) {
    return std::nullopt;
  }
  return TextTotals{GetBigEndian64(value.data()), GetBigEndian64(value.data() + format::kIdSize)};
}

}  // namespace silk::storage
