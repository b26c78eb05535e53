#include "engine/storage/text_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/storage/format.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/term_codec.h"
#include "engine/text/compound_parts.h"
#include "engine/text/text_language.h"

namespace silk::storage {

bool IsTextRecord(std::string_view record) {
  return !record.empty() &&
         (record[0] == format::kRecordString || record[0] == format::kRecordLangString);
}

void TextIndexer::Emit(TermId id, std::string_view record, bool remove) {
  if (!IsTextRecord(record)) {
    return;
  }
  const std::optional<rdf::Term> term = DecodeTermRecord(id, record);
  if (!term) {
    return;
  }
  const text::TextLanguage language = text::LanguageOfTag(term->language);
  const std::vector<text::Word> words = tokenizer_.Words(term->value, language);
  const auto word_count = static_cast<std::uint32_t>(words.size());
  // Positions per index form, and per part of a long German word; std::map keeps each
  // literal's keys sorted, which the final sort then mostly finds in order.
  std::map<std::string, std::vector<std::uint32_t>> forms;
  std::map<std::string, std::vector<std::uint32_t>> parts;
  for (const text::Word& word : words) {
    forms[word.term].push_back(word.position);
    if (language == text::TextLanguage::kGerman) {
      for (std::string& part : text::CompoundParts(word.surface)) {
        std::vector<std::uint32_t>& positions = parts[std::move(part)];
        if (positions.empty() || positions.back() != word.position) {
          positions.push_back(word.position);
        }
      }
    }
  }
  const auto put = [&](std::string key, const std::vector<std::uint32_t>& positions) {
    writes_.emplace_back(std::move(key),
                         remove ? std::nullopt
                                : std::optional(EncodePostingValue(word_count, positions)));
  };
  for (const auto& [form, positions] : forms) {
    put(WordKey(form, id), positions);
  }
  for (const auto& [part, positions] : parts) {
    put(PartKey(part, id), positions);
  }
  writes_.emplace_back(LiteralKey(id),
                       remove ? std::nullopt : std::optional(EncodeWordCount(word_count)));
  literals_delta_ += remove ? -1 : 1;
  words_delta_ += remove ? -std::int64_t{word_count} : std::int64_t{word_count};
}

TextWrites TextIndexer::Finish(std::optional<TextTotals> before) {
  if (literals_delta_ != 0 || words_delta_ != 0) {
    const TextTotals old = before.value_or(TextTotals{});
    const TextTotals now{
        static_cast<std::uint64_t>(static_cast<std::int64_t>(old.literals) + literals_delta_),
        static_cast<std::uint64_t>(static_cast<std::int64_t>(old.words) + words_delta_)};
    writes_.emplace_back(TextTotalsKey(), now.literals == 0 ? std::nullopt
                                                        : std::optional(EncodeTotals(now)));
  }
  std::sort(writes_.begin(), writes_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  literals_delta_ = 0;
  words_delta_ = 0;
  return std::move(writes_);
}

Result<std::optional<TextTotals>> ReadTextTotals(const RocksDb& rocks,
                                                 const rocksdb::ReadOptions& read) {
  std::string value;
  const rocksdb::Status s =
      rocks.db()->Get(read, rocks.family(format::Family::kText), TextTotalsKey(), &value);
  if (s.IsNotFound()) {
    return std::optional<TextTotals>();
  }
  if (!s.ok()) {
    return FromRocks(s, "cannot read the text index");
  }
  std::optional<TextTotals> totals = DecodeTotals(value);
  if (!totals) {
    return Status::Corruption("the text index's totals record is malformed");
  }
  return totals;
}

Result<TextWrites> ExpectedTextIndex(const RocksDb& rocks, const rocksdb::ReadOptions& read) {
  TextIndexer indexer;
  const TermId first = MakeTermId(TermTag::kLiteral, 0);
  const TermId last = MakeTermId(TermTag::kLiteral, format::kPayloadMask);
  // Across objects: ospg's prefix filters hold single objects, which a seek past an absent
  // one must not consult.
  rocksdb::ReadOptions across = read;
  across.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> quads(
      rocks.db()->NewIterator(across, rocks.family(format::Family::kOspg)));
  std::string record;
  // One seek per literal object: past all of its quads to the next object.
  for (quads->Seek(BigEndian64(first)); quads->Valid();) {
    const TermId object = GetBigEndian64(quads->key().data());
    if (object > last) {
      break;
    }
    const rocksdb::Status got = rocks.db()->Get(read, rocks.family(format::Family::kId2Term),
                                                BigEndian64(object), &record);
    if (!got.ok()) {
      return got.IsNotFound()
                 ? Status::Corruption(fmt::format("literal {:#x} of ospg is not in id2term",
                                                  object))
                 : FromRocks(got, "cannot read the dictionary");
    }
    indexer.Add(object, record);
    quads->Seek(BigEndian64(object + 1));
  }
  if (!quads->status().ok()) {
    return FromRocks(quads->status(), "cannot read ospg");
  }
  return indexer.Finish(std::nullopt);
}

}  // namespace silk::storage
