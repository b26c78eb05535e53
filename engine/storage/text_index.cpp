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

std::uint32_t TextIndexer::PrefixNumber(char kind, std::string_view text) {
  prefix_.clear();
  AppendPostingPrefix(kind, text, &prefix_);
  if (const std::uint32_t* known = prefix_numbers_.Find(prefix_)) {
    return *known;
  }
  const auto number = static_cast<std::uint32_t>(prefixes_.size());
  prefixes_.push_back(arena_.Copy(prefix_));
  prefix_numbers_.Insert(prefixes_.back(), number);
  return number;
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
  // (form, position) pairs sorted by form: each form's positions together and ascending.
  forms_.clear();
  parts_.clear();
  for (const text::Word& word : words) {
    forms_.emplace_back(word.term, word.position);
    if (language == text::TextLanguage::kGerman) {
      for (std::string& part : text::CompoundParts(word.surface)) {
        parts_.emplace_back(std::move(part), word.position);
      }
    }
  }
  std::sort(forms_.begin(), forms_.end());
  std::sort(parts_.begin(), parts_.end());
  const auto emit_grouped = [&](const auto& pairs, char kind) {
    for (std::size_t i = 0; i < pairs.size();) {
      positions_.clear();
      std::size_t j = i;
      for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) {
        if (positions_.empty() || positions_.back() != pairs[j].second) {
          positions_.push_back(pairs[j].second);
        }
      }
      pending_.push_back(PendingPosting{
          PrefixNumber(kind, pairs[i].first), remove, id,
          remove ? std::string_view() : arena_.Copy(EncodePostingValue(word_count, positions_))});
      i = j;
    }
  };
  emit_grouped(forms_, format::kTextWord);
  emit_grouped(parts_, format::kTextPart);
  literals_delta_ += remove ? -1 : 1;
  words_delta_ += remove ? -std::int64_t{word_count} : std::int64_t{word_count};
}

std::vector<std::uint32_t> TextIndexer::SortedPostings() const {
  // The prefixes in key order, and each one's place in it.
  std::vector<std::uint32_t> by_key(prefixes_.size());
  for (std::uint32_t i = 0; i < by_key.size(); ++i) by_key[i] = i;
  std::sort(by_key.begin(), by_key.end(),
            [this](std::uint32_t a, std::uint32_t b) { return prefixes_[a] < prefixes_[b]; });
  std::vector<std::uint32_t> rank(prefixes_.size());
  for (std::uint32_t i = 0; i < by_key.size(); ++i) rank[by_key[i]] = i;
  // A counting sort by prefix: each prefix's postings stay in the order they came.
  std::vector<std::uint32_t> start(prefixes_.size() + 1, 0);
  for (const PendingPosting& posting : pending_) ++start[rank[posting.prefix] + 1];
  for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  std::vector<std::uint32_t> sorted(pending_.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::uint32_t i = 0; i < pending_.size(); ++i) {
    sorted[next[rank[pending_[i].prefix]]++] = i;
  }
  // They came in literal order when the literals did, as in a load; only others need sorting.
  const auto by_literal = [this](std::uint32_t a, std::uint32_t b) {
    return pending_[a].literal < pending_[b].literal;
  };
  for (std::size_t p = 0; p + 1 < start.size(); ++p) {
    const auto first = sorted.begin() + start[p];
    const auto last = sorted.begin() + start[p + 1];
    if (!std::is_sorted(first, last, by_literal)) {
      std::sort(first, last, by_literal);
    }
  }
  return sorted;
}

Status TextIndexer::Finish(std::optional<TextTotals> before, const TextWriteSink& sink) {
  const std::vector<std::uint32_t> sorted = SortedPostings();
  // The totals record moves when a literal came or went, and goes with the last literal.
  bool totals_due = literals_delta_ != 0 || words_delta_ != 0;
  std::optional<std::string> totals;
  if (totals_due) {
    const TextTotals old = before.value_or(TextTotals{});
    const TextTotals now{
        static_cast<std::uint64_t>(static_cast<std::int64_t>(old.literals) + literals_delta_),
        static_cast<std::uint64_t>(static_cast<std::int64_t>(old.words) + words_delta_)};
    if (now.literals != 0) {
      totals = EncodeTotals(now);
    }
  }
  const std::string totals_key = TextTotalsKey();
  const auto write_totals = [&]() -> Status {
    if (!totals_due) {
      return Status::Ok();
    }
    totals_due = false;
    return sink(totals_key, totals ? std::optional<std::string_view>(*totals) : std::nullopt);
  };
  // The family's key order: 'P' parts, 'T' totals, 'W' words.
  std::string key;
  Status status;
  for (const std::uint32_t i : sorted) {
    const PendingPosting& posting = pending_[i];
    const std::string_view prefix = prefixes_[posting.prefix];
    if (prefix.front() > totals_key.front() && !(status = write_totals()).ok()) {
      break;
    }
    key.assign(prefix);
    key.append(BigEndian64(posting.literal));
    status = sink(key, posting.remove ? std::nullopt : std::optional(posting.value));
    if (!status.ok()) {
      break;
    }
  }
  if (status.ok()) {
    status = write_totals();
  }
  Clear();
  return status;
}

TextWrites TextIndexer::Finish(std::optional<TextTotals> before) {
  TextWrites writes;
  writes.reserve(pending_.size() + 1);
  // The sink cannot fail.
  (void)Finish(before, [&writes](std::string_view key, std::optional<std::string_view> value) {
    writes.emplace_back(std::string(key),
                        value ? std::optional<std::string>(*value) : std::nullopt);
    return Status::Ok();
  });
  return writes;
}

void TextIndexer::Clear() {
  pending_.clear();
  prefixes_.clear();
  prefix_numbers_.Clear();
  arena_ = ByteArena();
  literals_delta_ = 0;
  words_delta_ = 0;
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
