#include "engine/storage/term_dictionary.h"

#include <fmt/format.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <memory>

#include "engine/storage/key_codec.h"
#include "engine/storage/term_codec.h"

namespace silk::storage {
namespace {

using format::Family;

std::optional<TermId> DecodeIdValue(std::string_view value) {
  if (value.size() != format::kIdSize) {
    return std::nullopt;
  }
  return GetBigEndian64(value.data());
}

Status NoTermHas(TermId id) { return Status::NotFound(fmt::format("no term has id {:#x}", id)); }

// The term of `id` from its id2term read (Get or MultiGet): its record decoded, or why there
// is none.
Result<rdf::Term> TermOfRead(TermId id, const rocksdb::Status& read, std::string_view record) {
  if (read.IsNotFound()) return NoTermHas(id);
  if (!read.ok()) return FromRocks(read, "cannot read the term dictionary");
  if (auto term = DecodeTermRecord(id, record)) return std::move(*term);
  return Status::Corruption(fmt::format("the dictionary entry of id {:#x} is malformed", id));
}

}  // namespace

Result<std::uint64_t> TermDictionary::NextSequence() const {
  rocksdb::ReadOptions read = read_;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks_->db()->NewIterator(read, rocks_->family(Family::kId2Term)));
  std::uint64_t last = 0;
  // The sequence is shared by three tags, each its own key range: the largest number is the
  // largest of the last keys of the three ranges.
  for (const TermTag tag : {TermTag::kBlank, TermTag::kIri, TermTag::kLiteral}) {
    const std::string top = BigEndian64(MakeTermId(tag, format::kPayloadMask));
    it->SeekForPrev(top);
    if (it->Valid() && it->key().size() == format::kIdSize) {
      const TermId id = GetBigEndian64(it->key().data());
      if (TagOf(id) == tag) {
        last = std::max(last, PayloadOf(id));
      }
    }
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read the term dictionary");
  }
  return last + 1;
}

Result<std::optional<TermId>> TermDictionary::FindRecord(std::string_view key) const {
  std::string value;
  const rocksdb::Status s = rocks_->db()->Get(read_, rocks_->family(Family::kTerm2Id),
                                              rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) {
    return std::optional<TermId>();
  }
  if (!s.ok()) {
    return FromRocks(s, "cannot read the term dictionary");
  }
  const auto id = DecodeIdValue(value);
  if (!id) {
    return Status::Corruption("a term2id entry does not hold an 8-byte id");
  }
  return std::optional<TermId>(*id);
}

Result<std::optional<TermId>> TermDictionary::Lookup(const rdf::TermView& raw) const {
  const rdf::TermView term = raw.Canonical();
  if (term.IsDefaultGraph()) {
    return std::optional<TermId>(kDefaultGraphId);
  }
  if (term.IsBlank()) {
    return std::optional<TermId>();
  }
  if (const auto inlined = TryInline(term)) {
    return inlined;
  }
  std::string key;
  AppendTermRecord(term, &key);
  ToTermKey(&key);
  return FindRecord(key);
}

Result<rdf::Term> TermDictionary::Decode(TermId id) const {
  if (id == kDefaultGraphId) {
    return rdf::Term();
  }
  if (!IsDictionaryId(id)) {
    if (auto term = DecodeInlined(id)) {
      return std::move(*term);
    }
    return NoTermHas(id);
  }
  if (cache_) {
    if (std::optional<rdf::Term> cached = cache_->Get(id)) return std::move(*cached);
  }
  std::string record;
  const rocksdb::Status s =
      rocks_->db()->Get(read_, rocks_->family(Family::kId2Term), BigEndian64(id), &record);
  Result<rdf::Term> term = TermOfRead(id, s, record);
  if (term.ok() && cache_) cache_->Put(id, *term);
  return term;
}

Result<std::vector<rdf::Term>> TermDictionary::DecodeMany(std::span<const TermId> ids) const {
  std::vector<rdf::Term> terms(ids.size());
  std::vector<std::size_t> positions;  // of the dictionary ids among `ids`
  std::vector<TermId> dictionary_ids;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (IsDictionaryId(ids[i])) {
      positions.push_back(i);
      dictionary_ids.push_back(ids[i]);
      continue;
    }
    Result<rdf::Term> term = Decode(ids[i]);  // inlined or the default graph: no read
    if (!term.ok()) return term.status();
    terms[i] = std::move(term).value();
  }
  // The cache first, then one MultiGet for the rest.
  std::vector<rdf::Term> found(dictionary_ids.size());
  std::vector<bool> cached(dictionary_ids.size());
  if (cache_) cached = cache_->GetMany(dictionary_ids, found);
  std::vector<std::size_t> unread;  // indexes into dictionary_ids
  std::vector<std::string> keys;
  for (std::size_t k = 0; k < dictionary_ids.size(); ++k) {
    if (cached[k]) continue;
    unread.push_back(k);
    keys.push_back(BigEndian64(dictionary_ids[k]));
  }
  if (!keys.empty()) {
    std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
    std::vector<rocksdb::PinnableSlice> values(keys.size());
    std::vector<rocksdb::Status> statuses(keys.size());
    rocks_->db()->MultiGet(read_, rocks_->family(Family::kId2Term), keys.size(), slices.data(),
                           values.data(), statuses.data());
    std::vector<TermId> read_ids;
    std::vector<rdf::Term> read_terms;
    for (std::size_t j = 0; j < keys.size(); ++j) {
      const TermId id = dictionary_ids[unread[j]];
      Result<rdf::Term> term = TermOfRead(id, statuses[j], values[j].ToStringView());
      if (!term.ok()) return term.status();
      read_ids.push_back(id);
      read_terms.push_back(std::move(term).value());
    }
    if (cache_) cache_->PutMany(read_ids, read_terms);  // copied into the cache once
    for (std::size_t j = 0; j < unread.size(); ++j) found[unread[j]] = std::move(read_terms[j]);
  }
  for (std::size_t k = 0; k < dictionary_ids.size(); ++k) {
    terms[positions[k]] = std::move(found[k]);
  }
  return terms;
}

Result<bool> TermDictionary::Exists(TermId id) const {
  if (id == kDefaultGraphId) {
    return true;
  }
  if (!IsDictionaryId(id)) {
    return DecodeInlined(id).has_value();
  }
  std::string record;
  const rocksdb::Status s =
      rocks_->db()->Get(read_, rocks_->family(Family::kId2Term), BigEndian64(id), &record);
  if (s.IsNotFound()) {
    return false;
  }
  if (!s.ok()) {
    return FromRocks(s, "cannot read the term dictionary");
  }
  return DecodeTermRecord(id, record).has_value();
}

TermEncoder::TermEncoder(const TermDictionary* dictionary, std::uint64_t first_sequence,
                         std::string spill_dir, std::size_t memory_budget)
    : dictionary_(dictionary),
      first_sequence_(first_sequence),
      next_sequence_(first_sequence),
      spill_dir_(std::move(spill_dir)),
      // An eighth of the budget each: bigger memtables make fewer files for lookups to search,
      // but past a few MiB that gains little.
      memtable_bytes_(std::clamp(memory_budget / 8, kMinMemtableBytes, kMaxMemtableBytes)),
      // Below a few arena blocks every new term would spill the cache it just filled.
      memory_budget_(std::max(memory_budget - std::min(memory_budget, 2 * memtable_bytes_),
                              kMinMemoryBudget)),
      memory_first_sequence_(first_sequence) {}

TermEncoder::~TermEncoder() = default;

Result<TermId> TermEncoder::NewId(TermTag tag, std::string_view record, std::string_view key) {
  if (next_sequence_ > format::kPayloadMask) {
    return Status::InvalidArgument("the store has used up its term ids");
  }
  const TermId id = MakeTermId(tag, next_sequence_++);
  new_terms_.push_back({id, record, key});
  return id;
}

void TermEncoder::MakeKey() {
  key_ = scratch_;
  ToTermKey(&key_);
}

Result<TermId> TermEncoder::Encode(const rdf::TermView& raw) {
  const rdf::TermView term = raw.Canonical();
  if (term.IsDefaultGraph()) {
    return kDefaultGraphId;
  }
  if (term.IsBlank()) {
    // Labels are scoped: the same label in a new scope (or a new transaction) is a new node.
    const auto found = blank_scope_.find(std::string(term.value));
    if (found != blank_scope_.end()) {
      return found->second;
    }
    if (spilled_) {
      Result<std::optional<TermId>> spilled = spilled_->FindBlank(scope_, term.value);
      if (!spilled.ok()) {
        return spilled.status();
      }
      if (*spilled) {
        blank_scope_.emplace(term.value, **spilled);
        return **spilled;
      }
    }
    Result<TermId> id = NewId(TermTag::kBlank, BlankNodeRecord(), {});
    if (id.ok()) {
      blank_scope_.emplace(term.value, *id);
      if (MemoryUsed() > memory_budget_) {
        SILK_RETURN_IF_ERROR(Spill());
      }
    }
    return id;
  }
  if (const auto inlined = TryInline(term)) {
    return *inlined;
  }
  scratch_.clear();
  AppendTermRecord(term, &scratch_);
  MakeKey();
  if (const TermId* known = known_.Find(key_)) {
    return *known;
  }
  if (spilled_) {
    Result<std::optional<TermId>> spilled = FindSpilled();
    if (!spilled.ok() || *spilled) {
      return spilled.ok() ? Result<TermId>(**spilled) : Result<TermId>(spilled.status());
    }
  }
  // A store with no terms at the start cannot know this one: skip the read (bulk loads into a
  // new store never touch the disk here).
  std::optional<TermId> stored;
  if (first_sequence_ > 1) {
    Result<std::optional<TermId>> found = dictionary_->FindRecord(key_);
    if (!found.ok()) {
      return found.status();
    }
    stored = *found;
  }
  const std::string_view key = arena_.Copy(key_);
  if (stored) {
    known_.Insert(key, *stored);
    return *stored;
  }
  // Most records are their own key: share the bytes then.
  const std::string_view record = scratch_ == key_ ? key : arena_.Copy(scratch_);
  Result<TermId> id = NewId(DictionaryTag(term), record, key);
  if (id.ok()) {
    known_.Insert(key, *id);
    if (MemoryUsed() > memory_budget_) {
      SILK_RETURN_IF_ERROR(Spill());
    }
  }
  return id;
}

Result<std::optional<TermId>> TermEncoder::Find(const rdf::TermView& raw) {
  const rdf::TermView term = raw.Canonical();
  if (term.IsDefaultGraph() || term.IsBlank()) {
    return dictionary_->Lookup(term);
  }
  if (const auto inlined = TryInline(term)) {
    return inlined;
  }
  scratch_.clear();
  AppendTermRecord(term, &scratch_);
  MakeKey();
  if (const TermId* known = known_.Find(key_)) {
    return std::optional<TermId>(*known);
  }
  if (spilled_) {
    Result<std::optional<TermId>> spilled = FindSpilled();
    if (!spilled.ok() || *spilled) {
      return spilled;
    }
  }
  return dictionary_->FindRecord(key_);
}

Result<bool> TermEncoder::Exists(TermId id) {
  if (IsNew(id)) {
    // new_terms_ holds one entry per sequence number handed out since the last spill, in
    // order; spilled_ has the ones before.
    const std::uint64_t sequence = PayloadOf(id);
    if (sequence >= next_sequence_) {
      return false;
    }
    if (sequence >= memory_first_sequence_) {
      return new_terms_[sequence - memory_first_sequence_].id == id;
    }
    return spilled_->HasId(id);
  }
  if (checked_ids_.contains(id)) {
    return true;
  }
  Result<bool> exists = dictionary_->Exists(id);
  if (exists.ok() && *exists) {
    checked_ids_.insert(id);
  }
  return exists;
}

std::size_t TermEncoder::MemoryUsed() const {
  // A hash slot is 32 bytes at a load between 0.35 and 0.7; a node of the label map is
  // about as much again as its label.
  constexpr std::size_t kPerKnownTerm = 64;
  constexpr std::size_t kPerLabel = 96;
  // ForEachNewTermByKey's sort at commit: a key and an id for each new term in memory.
  constexpr std::size_t kPerNewTermAtCommit = sizeof(std::pair<std::string_view, TermId>);
  return arena_.bytes() + known_.size() * kPerKnownTerm +
         new_terms_.capacity() * sizeof(NewTerm) + new_terms_.size() * kPerNewTermAtCommit +
         blank_scope_.size() * kPerLabel;
}

Status TermEncoder::Spill() {
  if (!spilled_) {
    Result<std::unique_ptr<SpilledTerms>> created = SpilledTerms::Create(spill_dir_, memtable_bytes_);
    if (!created.ok()) {
      return created.status();
    }
    spilled_ = std::move(*created);
  }
  std::vector<std::pair<std::string_view, TermId>> labels(blank_scope_.begin(),
                                                          blank_scope_.end());
  SILK_RETURN_IF_ERROR(spilled_->Add(new_terms_, scope_, labels));
  memory_first_sequence_ = next_sequence_;
  std::vector<NewTerm>().swap(new_terms_);
  blank_scope_.clear();
  known_.Clear();
  arena_ = ByteArena();  // after known_ and new_terms_, which point into it
  return Status::Ok();
}

Result<std::optional<TermId>> TermEncoder::FindSpilled() {
  Result<std::optional<TermId>> found = spilled_->FindKey(key_);
  if (found.ok() && *found) {
    known_.Insert(arena_.Copy(key_), **found);
  }
  return found;
}

Status TermEncoder::ForEachNewTermById(
    const std::function<Status(TermId, std::string_view)>& visit) const {
  // Ids grow in the order the terms were made, spilled ones first; only the tag in their top
  // bits interleaves them, so one pass per dictionary tag lists them in id order.
  for (const TermTag tag : {TermTag::kBlank, TermTag::kIri, TermTag::kLiteral}) {
    if (spilled_) {
      const TermTag next = static_cast<TermTag>(static_cast<unsigned>(tag) + 1);
      SILK_RETURN_IF_ERROR(spilled_->ForEachById(MakeTermId(tag, 0), MakeTermId(next, 0), visit));
    }
    for (const NewTerm& term : new_terms_) {
      if (TagOf(term.id) == tag) {
        SILK_RETURN_IF_ERROR(visit(term.id, term.record));
      }
    }
  }
  return Status::Ok();
}

Status TermEncoder::ForEachNewTermByKey(
    const std::function<Status(std::string_view, TermId)>& visit) const {
  // Key and id side by side: the sort compares keys without a detour through the term.
  std::vector<std::pair<std::string_view, TermId>> in_memory;
  in_memory.reserve(new_terms_.size());
  for (const NewTerm& term : new_terms_) {
    if (TagOf(term.id) != TermTag::kBlank) {
      in_memory.emplace_back(term.key, term.id);
    }
  }
  std::sort(in_memory.begin(), in_memory.end());
  // A term is either spilled or in memory, never both: merge the two key orders.
  std::optional<SpilledTerms::KeyCursor> spilled;
  if (spilled_) {
    spilled.emplace(spilled_->Keys());
  }
  auto next = in_memory.begin();
  while (spilled && spilled->Valid()) {
    for (; next != in_memory.end() && next->first < spilled->key(); ++next) {
      SILK_RETURN_IF_ERROR(visit(next->first, next->second));
    }
    SILK_RETURN_IF_ERROR(visit(spilled->key(), spilled->id()));
    spilled->Next();
  }
  if (spilled) {
    SILK_RETURN_IF_ERROR(spilled->status());
  }
  for (; next != in_memory.end(); ++next) {
    SILK_RETURN_IF_ERROR(visit(next->first, next->second));
  }
  return Status::Ok();
}

}  // namespace silk::storage
