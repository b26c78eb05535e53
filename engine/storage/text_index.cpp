#include "engine/storage/text_index.h"

#include <fmt/format.h>

#include <algorithm>

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

namespace {

// The first eight bytes of a term, big-endian, zeros after a shorter one: ordered as the terms
// are, since no term holds a zero byte.
std::uint64_t Head(std::string_view term) {
  std::uint64_t head = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    head = (head << 8) | (i < term.size() ? static_cast<unsigned char>(term[i]) : 0u);
  }
  return head;
}

}  // namespace

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
  // (form, position) pairs sorted by form: each form's positions together and ascending.
  std::vector<std::pair<std::string_view, std::uint32_t>> forms;
  std::vector<std::pair<std::string, std::uint32_t>> parts;
  forms.reserve(words.size());
  for (const text::Word& word : words) {
    forms.emplace_back(word.term, word.position);
    if (language == text::TextLanguage::kGerman) {
      for (std::string& part : text::CompoundParts(word.surface)) {
        parts.emplace_back(std::move(part), word.position);
      }
    }
  }
  std::sort(forms.begin(), forms.end());
  std::sort(parts.begin(), parts.end());
  std::vector<std::uint32_t> positions;
  const auto emit_grouped = [&](const auto& pairs, bool part) {
    for (std::size_t i = 0; i < pairs.size();) {
      positions.clear();
      std::size_t j = i;
      for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) {
        if (positions.empty() || positions.back() != pairs[j].second) {
          positions.push_back(pairs[j].second);
        }
      }
      pending_.push_back(PendingPosting{
          arena_.Copy(pairs[i].first), Head(pairs[i].first), id,
          remove ? std::string_view() : arena_.Copy(EncodePostingValue(word_count, positions)),
          part, remove});
      i = j;
    }
  };
  emit_grouped(forms, /*part=*/false);
  emit_grouped(parts, /*part=*/true);
  literals_delta_ += remove ? -1 : 1;
  words_delta_ += remove ? -std::int64_t{word_count} : std::int64_t{word_count};
}

TextWrites TextIndexer::Finish(std::optional<TextTotals> before) {
  // The family's key order: 'P' parts, 'T' totals, 'W' words; a term's literals by id.
  std::sort(pending_.begin(), pending_.end(), [](const PendingPosting& a, const PendingPosting& b) {
    if (a.part != b.part) return a.part;
    // Most terms differ in their first eight bytes, compared here without reading the arena.
    if (a.head != b.head) return a.head < b.head;
    if (a.term != b.term) return a.term < b.term;
    return a.literal < b.literal;
  });
  TextWrites writes;
  writes.reserve(pending_.size() + 1);
  const auto append = [&writes](const PendingPosting& posting) {
    writes.emplace_back(posting.part ? PartKey(posting.term, posting.literal)
                                     : WordKey(posting.term, posting.literal),
                        posting.remove ? std::nullopt : std::optional(std::string(posting.value)));
  };
  auto next = pending_.begin();
  for (; next != pending_.end() && next->part; ++next) append(*next);
  if (literals_delta_ != 0 || words_delta_ != 0) {
    const TextTotals old = before.value_or(TextTotals{});
    const TextTotals now{
        static_cast<std::uint64_t>(static_cast<std::int64_t>(old.literals) + literals_delta_),
        static_cast<std::uint64_t>(static_cast<std::int64_t>(old.words) + words_delta_)};
    writes.emplace_back(TextTotalsKey(), now.literals == 0 ? std::nullopt
                                                           : std::optional(EncodeTotals(now)));
  }
  for (; next != pending_.end(); ++next) append(*next);
  pending_.clear();
  literals_delta_ = 0;
  words_delta_ = 0;
  return writes;
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
