#include "engine/storage/store_check.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include "engine/storage/index_cursor.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/statistics.h"
#include "engine/storage/text_index.h"
#include "engine/storage/term_codec.h"
#include "engine/storage/term_dictionary.h"

namespace silk::storage {
namespace {

using format::Family;

constexpr std::size_t kMaxProblems = 10;

// Collects problems; the check goes on after the first so one report shows the pattern.
class Problems {
 public:
  template <typename... Args>
  void Add(fmt::format_string<Args...> format, Args&&... args) {
    ++count_;
    if (listed_.size() < kMaxProblems) {
      listed_.push_back(fmt::format(format, std::forward<Args>(args)...));
    }
  }
  bool Full() const { return count_ >= kMaxProblems; }

  Status ToStatus(const std::string& dir) const {
    if (count_ == 0) {
      return Status::Ok();
    }
    std::string message = fmt::format("store at {} failed its check ({} problem{}): {}", dir,
                                      count_, count_ == 1 ? "" : "s", fmt::join(listed_, "; "));
    if (count_ > listed_.size()) {
      message += "; ...";
    }
    return Status::Corruption(std::move(message));
  }

 private:
  std::size_t count_ = 0;
  std::vector<std::string> listed_;
};

// Takes a RocksDB snapshot for the duration of the check.
class ScopedSnapshot {
 public:
  explicit ScopedSnapshot(rocksdb::DB* db) : db_(db), snapshot_(db->GetSnapshot()) {}
  ~ScopedSnapshot() { db_->ReleaseSnapshot(snapshot_); }
  ScopedSnapshot(const ScopedSnapshot&) = delete;
  ScopedSnapshot& operator=(const ScopedSnapshot&) = delete;
  const rocksdb::Snapshot* snapshot() const { return snapshot_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

struct DictionaryCheck {
  std::vector<TermId> ids;  // every id in id2term, ascending
  std::uint64_t entries = 0;
};

// An order-independent digest of a set: equal sets give equal digests, and a difference shows
// with overwhelming probability. Comparing two families this way reads each once,
// sequentially, in constant memory; only a mismatch pays for point look-ups.
struct Digest {
  std::uint64_t count = 0;
  std::uint64_t sum = 0;
  std::uint64_t xored = 0;

  void AddHash(std::uint64_t h) {
    ++count;
    sum += h;
    xored ^= HashMix64(h);
  }
  void Add(const QuadIds& q) { AddHash(QuadHash()(q)); }
  void Add(std::string_view record, TermId id) {
    AddHash(HashMix64(std::hash<std::string_view>()(record) ^ HashMix64(id)));
  }
  friend bool operator==(const Digest&, const Digest&) = default;
};

// Lists id2term entries that term2id does not map back (up to the problem limit).
Status FindUnmapped(const RocksDb& rocks, const rocksdb::ReadOptions& read, Problems* problems) {
  std::unique_ptr<rocksdb::Iterator> it(
      rocks.db()->NewIterator(read, rocks.family(Family::kId2Term)));
  std::string stored;
  std::string key;
  for (it->SeekToFirst(); it->Valid() && !problems->Full(); it->Next()) {
    if (it->key().size() != format::kIdSize || it->value().ToStringView() == BlankNodeRecord()) {
      continue;
    }
    const TermId id = GetBigEndian64(it->key().data());
    key.assign(it->value().ToStringView());
    ToTermKey(&key);
    const rocksdb::Status s = rocks.db()->Get(read, rocks.family(Family::kTerm2Id), key, &stored);
    if (s.IsNotFound()) {
      problems->Add("term {:#x} is in id2term but not in term2id", id);
    } else if (!s.ok()) {
      return FromRocks(s, "cannot read the term dictionary");
    } else if (stored.size() != format::kIdSize || GetBigEndian64(stored.data()) != id) {
      problems->Add("term2id does not map term {:#x} back to its id", id);
    }
  }
  return it->status().ok() ? Status::Ok()
                           : FromRocks(it->status(), "cannot read the term dictionary");
}

Status CheckDictionary(const RocksDb& rocks, const rocksdb::ReadOptions& read, Problems* problems,
                       DictionaryCheck* out) {
  rocksdb::ReadOptions scan = read;
  scan.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks.db()->NewIterator(scan, rocks.family(Family::kId2Term)));
  Digest forward;
  std::string canonical;
  std::string key;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ++out->entries;
    if (it->key().size() != format::kIdSize) {
      problems->Add("an id2term key is {} bytes, not 8", it->key().size());
      continue;
    }
    const TermId id = GetBigEndian64(it->key().data());
    out->ids.push_back(id);
    const std::string_view record = it->value().ToStringView();
    const auto term = DecodeTermRecord(id, record);
    if (!IsDictionaryId(id) || !term) {
      problems->Add("id2term entry {:#x} does not decode", id);
      continue;
    }
    if (term->kind == rdf::TermKind::kBlank) {
      continue;
    }
    // term2id holds the record's key (language tags in lower case).
    key.assign(record);
    ToTermKey(&key);
    forward.Add(key, id);
    canonical.clear();
    AppendTermRecord(term->view().Canonical(), &canonical);
    if (canonical != record || TryInline(term->view())) {
      problems->Add("id2term entry {:#x} is not in canonical form", id);
    }
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read the term dictionary");
  }
  Digest backward;
  it.reset(rocks.db()->NewIterator(scan, rocks.family(Family::kTerm2Id)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->value().size() != format::kIdSize) {
      problems->Add("a term2id entry does not hold an 8-byte id");
      continue;
    }
    backward.Add(it->key().ToStringView(), GetBigEndian64(it->value().data()));
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read the term dictionary");
  }
  if (forward == backward) {
    return Status::Ok();
  }
  problems->Add("term2id ({} entries) is not the inverse of id2term ({} IRIs and literals)",
                backward.count, forward.count);
  return FindUnmapped(rocks, scan, problems);
}

bool Decodes(TermId id, const DictionaryCheck& dictionary) {
  if (IsDictionaryId(id)) {
    return std::binary_search(dictionary.ids.begin(), dictionary.ids.end(), id);
  }
  const auto term = DecodeInlined(id);
  return term && TryInline(term->view()) == id;
}

struct Recount {
  std::uint64_t quads = 0;
  std::map<TermId, PredicateCounts> predicates;
  std::map<TermId, std::uint64_t> graphs;
};

// What the other indexes must hold, from spog: all of its quads, and those of named graphs.
struct SpogDigests {
  Digest all;
  Digest named;

  const Digest& For(QuadIndex index) const { return index == QuadIndex::kGspo ? named : all; }
};

// Walks spog: checks ids, recounts statistics (spog groups the (s, p) pairs).
Status CheckSpog(const RocksDb& rocks, const rocksdb::Snapshot* snapshot,
                 const DictionaryCheck& dictionary, Problems* problems, Recount* recount,
                 SpogDigests* digests) {
  IndexCursor cursor(rocks, snapshot, QuadIndex::kSpog, {});
  bool first = true;
  QuadIds last;
  for (; cursor.Valid(); cursor.Next()) {
    const QuadIds& q = cursor.quad();
    digests->all.Add(q);
    if (IndexHolds(QuadIndex::kGspo, q)) {
      digests->named.Add(q);
    }
    ++recount->quads;
    PredicateCounts& counts = recount->predicates[q.p];
    ++counts.quads;
    if (first || q.s != last.s || q.p != last.p) {
      ++counts.subjects;
    }
    ++recount->graphs[q.g];
    if (!problems->Full()) {
      if (q.s == kDefaultGraphId || q.p == kDefaultGraphId || q.o == kDefaultGraphId) {
        problems->Add("a quad holds the default graph outside the graph position");
      }
      for (const TermId id : {q.s, q.p, q.o, q.g}) {
        if (id != kDefaultGraphId && !Decodes(id, dictionary)) {
          problems->Add("id {:#x} in the spog index does not decode", id);
        }
      }
    }
    first = false;
    last = q;
  }
  return cursor.status();
}

// Lists quads of `from` that `to` lacks but should hold (up to the problem limit).
Status FindMissing(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex from,
                   QuadIndex to, Problems* problems) {
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  std::string ignored;
  IndexCursor cursor(rocks, snapshot, from, {});
  for (; cursor.Valid() && !problems->Full(); cursor.Next()) {
    const QuadIds& q = cursor.quad();
    if (!IndexHolds(to, q)) {
      continue;  // reported by CheckIndex when `from` should not hold it either
    }
    const QuadKey key = EncodeQuadKey(to, q);
    const rocksdb::Status s = rocks.db()->Get(read, rocks.family(FamilyOf(to)),
                                              rocksdb::Slice(key.data(), key.size()), &ignored);
    if (s.IsNotFound()) {
      problems->Add("the {} index holds a quad ({:#x} {:#x} {:#x} {:#x}) that {} lacks",
                    IndexName(from), q.s, q.p, q.o, q.g, IndexName(to));
    } else if (!s.ok()) {
      return FromRocks(s, "cannot read the quad indexes");
    }
  }
  return cursor.status();
}

// `index` must hold the quads of spog (gspo: those of named graphs); posg also yields the
// distinct (p, o) pairs. A quad the index must not hold is reported on its own and left out
// of the comparison, so it is not reported twice.
Status CheckIndex(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
                  const SpogDigests& spog, Problems* problems, Recount* recount) {
  IndexCursor cursor(rocks, snapshot, index, {});
  Digest digest;
  bool first = true;
  QuadIds last;
  for (; cursor.Valid(); cursor.Next()) {
    const QuadIds& q = cursor.quad();
    if (!IndexHolds(index, q)) {
      problems->Add("the {} index holds a quad ({:#x} {:#x} {:#x}) of the default graph",
                    IndexName(index), q.s, q.p, q.o);
      continue;
    }
    digest.Add(q);
    if (index == QuadIndex::kPosg && (first || q.p != last.p || q.o != last.o)) {
      ++recount->predicates[q.p].objects;
    }
    first = false;
    last = q;
  }
  SILK_RETURN_IF_ERROR(cursor.status());
  const Digest& expected = spog.For(index);
  if (digest == expected) {
    return Status::Ok();
  }
  problems->Add("the {} index holds {} quads, spog {}{}, and not the same ones", IndexName(index),
                digest.count, expected.count,
                index == QuadIndex::kGspo ? " in named graphs" : "");
  SILK_RETURN_IF_ERROR(FindMissing(rocks, snapshot, index, QuadIndex::kSpog, problems));
  return FindMissing(rocks, snapshot, QuadIndex::kSpog, index, problems);
}

std::string KeyText(TermId id) { return fmt::format("{:#x}", id); }
std::string KeyText(const std::pair<TermId, TermId>& ids) {
  return fmt::format("{:#x} {:#x}", ids.first, ids.second);
}

// Reports the first few keys whose stored statistics differ from the recount.
template <typename Key, typename Counts, typename Describe>
void ReportDifferences(const std::map<Key, Counts>& stored, const std::map<Key, Counts>& counted,
                       std::string_view what, Problems* problems, const Describe& describe) {
  const Counts none{};
  int reported = 0;
  for (auto a = stored.begin(), b = counted.begin();
       (a != stored.end() || b != counted.end()) && reported < 3;) {
    const Key id =
        b == counted.end() || (a != stored.end() && a->first < b->first) ? a->first : b->first;
    const Counts& x = a != stored.end() && a->first == id ? (a++)->second : none;
    const Counts& y = b != counted.end() && b->first == id ? (b++)->second : none;
    if (!(x == y)) {
      problems->Add("the statistics of {} {} say {}, a recount finds {}", what, KeyText(id),
                    describe(x), describe(y));
      ++reported;
    }
  }
}

void CompareStats(const StoreStats& stored, const Recount& recount,
                  std::uint64_t dictionary_entries, Problems* problems) {
  if (stored.quads != recount.quads) {
    problems->Add("the statistics count {} quads, the indexes hold {}", stored.quads,
                  recount.quads);
  }
  if (stored.terms != dictionary_entries) {
    problems->Add("the statistics count {} terms, the dictionary holds {}", stored.terms,
                  dictionary_entries);
  }
  std::map<TermId, PredicateCounts> predicates;
  for (const PredicateStats& p : stored.predicates) {
    predicates[p.predicate] = {p.quads, p.distinct_subjects, p.distinct_objects};
  }
  ReportDifferences(
      predicates, recount.predicates, "predicate", problems, [](const PredicateCounts& c) {
        return fmt::format("{} quads, {} subjects, {} objects", c.quads, c.subjects, c.objects);
      });
  std::map<TermId, std::uint64_t> graphs;
  for (const GraphStats& g : stored.graphs) {
    graphs[g.graph] = g.quads;
  }
  ReportDifferences(graphs, recount.graphs, "graph", problems,
                    [](std::uint64_t quads) { return fmt::format("{} quads", quads); });
}

// The class counts against a recount of posg's rdf:type keys.
Status CheckClasses(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                    const StoreStats& stored, Problems* problems) {
  std::map<TermId, std::uint64_t> counted;
  Result<std::optional<TermId>> type_id =
      TermDictionary(&rocks, read).Lookup(rdf::TermView::Iri(format::kRdfType));
  if (!type_id.ok()) {
    return type_id.status();
  }
  if (*type_id) {
    Result<StatsWrites> records = CountClasses(rocks, read.snapshot, **type_id);
    if (!records.ok()) {
      return records.status();
    }
    for (const auto& [key, value] : *records) {
      counted[GetBigEndian64(key.data() + 1)] = GetBigEndian64(value->data());
    }
  }
  std::map<TermId, std::uint64_t> kept;
  for (const ClassStats& c : stored.classes) kept[c.cls] = c.quads;
  ReportDifferences(kept, counted, "class", problems,
                    [](std::uint64_t quads) { return fmt::format("{} quads", quads); });
  return Status::Ok();
}

// The pair counts against a recount of all of posg.
Status CheckPairs(const RocksDb& rocks, const rocksdb::ReadOptions& read, Problems* problems) {
  Result<StatsWrites> records = CountPairs(rocks, read.snapshot);
  if (!records.ok()) {
    return records.status();
  }
  std::map<std::pair<TermId, TermId>, std::uint64_t> counted;
  for (const auto& [key, value] : *records) {
    counted[{GetBigEndian64(key.data() + 1), GetBigEndian64(key.data() + 1 + format::kIdSize)}] =
        GetBigEndian64(value->data());
  }
  Result<std::map<std::pair<TermId, TermId>, std::uint64_t>> kept =
      StatsReader(&rocks, read).Pairs();
  if (!kept.ok()) {
    return kept.status();
  }
  ReportDifferences(*kept, counted, "pair", problems,
                    [](std::uint64_t quads) { return fmt::format("{} quads", quads); });
  return Status::Ok();
}

// A text index key as a person reads it: 'W' "word" literal 0x3000000000000012.
std::string TextKeyText(std::string_view key) {
  const std::size_t end = key.find('\0');
  if (key.empty() || end == std::string_view::npos || key.size() != end + 1 + format::kIdSize) {
    return fmt::format("'{}'", key.substr(0, 1));
  }
  return fmt::format("'{}' \"{}\" of literal {:#x}", key.substr(0, 1), key.substr(1, end - 1),
                     LiteralOfPostingKey(key));
}

// The text index holds exactly the entries the literal objects of ospg make.
Status CheckText(const RocksDb& rocks, const rocksdb::ReadOptions& read, Problems* problems) {
  Result<TextWrites> expected = ExpectedTextIndex(rocks, read);
  if (!expected.ok()) {
    return expected.status();
  }
  std::unique_ptr<rocksdb::Iterator> it(rocks.db()->NewIterator(read, rocks.family(Family::kText)));
  auto want = expected->begin();
  it->SeekToFirst();
  while (!problems->Full() && (it->Valid() || want != expected->end())) {
    const int order = !it->Valid()                ? 1
                      : want == expected->end()   ? -1
                      : it->key().ToStringView() < std::string_view(want->first) ? -1
                      : it->key().ToStringView() > std::string_view(want->first) ? 1
                                                                                 : 0;
    if (order < 0) {
      problems->Add("the text index holds {}, which no literal of the quads makes",
                    TextKeyText(it->key().ToStringView()));
      it->Next();
    } else if (order > 0) {
      problems->Add("the text index lacks {}", TextKeyText(want->first));
      ++want;
    } else {
      if (it->value().ToStringView() != *want->second) {
        problems->Add("the text index's {} has the wrong value", TextKeyText(want->first));
      }
      it->Next();
      ++want;
    }
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read the text index");
  }
  return Status::Ok();
}

}  // namespace

Status CheckStore(const RocksDb& rocks, const std::string& dir) {
  const ScopedSnapshot snapshot(rocks.db());
  rocksdb::ReadOptions read;
  read.snapshot = snapshot.snapshot();
  Problems problems;

  std::string version;
  const rocksdb::Status s = rocks.db()->Get(read, rocks.family(Family::kMeta),
                                            std::string(format::kMetaFormatVersion), &version);
  if (!s.ok() && !s.IsNotFound()) {
    return FromRocks(s, fmt::format("cannot read the store at {}", dir));
  }
  // Four bytes, big-endian.
  std::uint32_t number = 0;
  if (version.size() == 4) {
    for (const char byte : version) number = (number << 8) | static_cast<unsigned char>(byte);
  }
  if (s.IsNotFound() || number < format::kOldestFormatVersion || number > format::kFormatVersion) {
    problems.Add("the format version record is missing or not {} to {}",
                 format::kOldestFormatVersion, format::kFormatVersion);
  }

  DictionaryCheck dictionary;
  SILK_RETURN_IF_ERROR(CheckDictionary(rocks, read, &problems, &dictionary));
  Recount recount;
  SpogDigests spog;
  SILK_RETURN_IF_ERROR(
      CheckSpog(rocks, snapshot.snapshot(), dictionary, &problems, &recount, &spog));
  for (const QuadIndex index : {QuadIndex::kPosg, QuadIndex::kOspg, QuadIndex::kGspo}) {
    SILK_RETURN_IF_ERROR(CheckIndex(rocks, snapshot.snapshot(), index, spog, &problems, &recount));
  }
  Result<StoreStats> stored = StatsReader(&rocks, read).All();
  if (!stored.ok()) {
    problems.Add("{}", stored.status().message());
  } else {
    CompareStats(*stored, recount, dictionary.entries, &problems);
    // Older stores are read without the counts their version lacks.
    if (number >= 4) SILK_RETURN_IF_ERROR(CheckClasses(rocks, read, *stored, &problems));
    if (number >= 5) SILK_RETURN_IF_ERROR(CheckPairs(rocks, read, &problems));
  }
  if (rocks.has_text_index()) {
    SILK_RETURN_IF_ERROR(CheckText(rocks, read, &problems));
  }
  return problems.ToStatus(dir);
}

}  // namespace silk::storage
