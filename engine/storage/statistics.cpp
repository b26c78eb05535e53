#include "engine/storage/statistics.h"

#include <fmt/format.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>

#include "engine/storage/index_cursor.h"
#include "engine/storage/key_codec.h"

namespace silk::storage {
namespace {

using format::Family;

std::string EncodeCounts(std::initializer_list<std::uint64_t> counts) {
  std::string out;
  for (const std::uint64_t c : counts) {
    out += BigEndian64(c);
  }
  return out;
}

bool DecodeCounts(std::string_view value, std::span<std::uint64_t> counts) {
  if (value.size() != counts.size() * 8) {
    return false;
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    counts[i] = GetBigEndian64(value.data() + i * 8);
  }
  return true;
}

std::string KeyWithId(char kind, TermId id) {
  std::string key(1 + format::kIdSize, kind);
  PutBigEndian64(id, key.data() + 1);
  return key;
}

Status BadRecord(std::string_view key) {
  return Status::Corruption(
      fmt::format("the statistics record '{}' is malformed", key.substr(0, 1)));
}

Result<std::uint64_t> Moved(std::uint64_t value, std::int64_t by, std::string_view what) {
  if (by < 0 && static_cast<std::uint64_t>(-by) > value) {
    return Status::Corruption(
        fmt::format("the statistics of {} would fall below zero; run a check", what));
  }
  return value + static_cast<std::uint64_t>(by);
}

}  // namespace

// Answers "does the index hold a quad whose two leading positions are (a, b), other than the
// quads in `except`?" with one iterator reused across seeks. Prefix mode: the bloom filter on
// the first id skips files that cannot hold it.
class PairProbe {
 public:
  PairProbe(const RocksDb& rocks, rocksdb::ReadOptions read, QuadIndex index) : index_(index) {
    read.prefix_same_as_start = true;
    it_.reset(rocks.db()->NewIterator(read, rocks.family(FamilyOf(index))));
  }

  // REQUIRES: `except` sorted by LessInIndex(index).
  Result<bool> Any(TermId a, TermId b, std::span<const QuadIds> except) {
    char prefix[2 * format::kIdSize];
    PutBigEndian64(a, prefix);
    PutBigEndian64(b, prefix + format::kIdSize);
    const rocksdb::Slice wanted(prefix, sizeof prefix);
    const auto less = [this](const QuadIds& x, const QuadIds& y) {
      return LessInIndex(index_, x, y);
    };
    for (it_->Seek(wanted); it_->Valid() && it_->key().starts_with(wanted); it_->Next()) {
      if (it_->key().size() != format::kQuadKeySize) {
        return Status::Corruption(fmt::format("a key of the {} index is not {} bytes",
                                              IndexName(index_), format::kQuadKeySize));
      }
      const QuadIds quad = DecodeQuadKey(index_, it_->key().data());
      if (!std::binary_search(except.begin(), except.end(), quad, less)) {
        return true;
      }
    }
    if (!it_->status().ok()) {
      return FromRocks(it_->status(), "cannot read the quad indexes");
    }
    return false;
  }

 private:
  QuadIndex index_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

std::string TotalsKey() { return std::string(1, format::kStatsTotals); }
std::string PredicateKey(TermId predicate) { return KeyWithId(format::kStatsPredicate, predicate); }
std::string GraphKey(TermId graph) { return KeyWithId(format::kStatsGraph, graph); }
std::string ClassKey(TermId cls) { return KeyWithId(format::kStatsClass, cls); }
std::string PairKey(TermId predicate, TermId object) {
  std::string key(1 + 2 * format::kIdSize, format::kStatsPair);
  PutBigEndian64(predicate, key.data() + 1);
  PutBigEndian64(object, key.data() + 1 + format::kIdSize);
  return key;
}
bool CountsPairWith(TermId object) { return !IsLiteralId(object); }

Result<std::optional<std::string>> StatsReader::Get(const std::string& key) const {
  std::string value;
  const rocksdb::Status s = rocks_->db()->Get(read_, rocks_->family(Family::kStats), key, &value);
  if (s.IsNotFound()) {
    return std::optional<std::string>();
  }
  if (!s.ok()) {
    return FromRocks(s, "cannot read the statistics");
  }
  return std::optional<std::string>(std::move(value));
}

Result<TotalCounts> StatsReader::Totals() const {
  const std::string key = TotalsKey();
  Result<std::optional<std::string>> value = Get(key);
  if (!value.ok()) {
    return value.status();
  }
  std::uint64_t counts[2] = {0, 0};
  if (*value && !DecodeCounts(**value, counts)) {
    return BadRecord(key);
  }
  return TotalCounts{counts[0], counts[1]};
}

Result<PredicateCounts> StatsReader::Predicate(TermId predicate) const {
  const std::string key = PredicateKey(predicate);
  Result<std::optional<std::string>> value = Get(key);
  if (!value.ok()) {
    return value.status();
  }
  std::uint64_t counts[3] = {0, 0, 0};
  if (*value && !DecodeCounts(**value, counts)) {
    return BadRecord(key);
  }
  return PredicateCounts{counts[0], counts[1], counts[2]};
}

Result<std::uint64_t> StatsReader::Graph(TermId graph) const { return Single(GraphKey(graph)); }

Result<std::uint64_t> StatsReader::Class(TermId cls) const { return Single(ClassKey(cls)); }

Result<std::uint64_t> StatsReader::Pair(TermId predicate, TermId object) const {
  return Single(PairKey(predicate, object));
}

Result<std::map<std::pair<TermId, TermId>, std::uint64_t>> StatsReader::Pairs(
    std::optional<TermId> predicate) const {
  std::map<std::pair<TermId, TermId>, std::uint64_t> pairs;
  const std::string first =
      predicate ? KeyWithId(format::kStatsPair, *predicate) : std::string(1, format::kStatsPair);
  const std::string end = *PrefixUpperBound(first);  // never all 0xff: it starts with 'O'
  const rocksdb::Slice upper(end);
  rocksdb::ReadOptions read = read_;
  read.total_order_seek = true;
  read.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks_->db()->NewIterator(read, rocks_->family(Family::kStats)));
  for (it->Seek(first); it->Valid(); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    std::uint64_t count[1];
    if (key.size() != 1 + 2 * format::kIdSize || !DecodeCounts(it->value().ToStringView(), count)) {
      return BadRecord(key);
    }
    pairs[{GetBigEndian64(key.data() + 1), GetBigEndian64(key.data() + 1 + format::kIdSize)}] =
        count[0];
  }
  if (!it->status().ok()) return FromRocks(it->status(), "cannot read the statistics");
  return pairs;
}

Result<std::uint64_t> StatsReader::Single(const std::string& key) const {
  Result<std::optional<std::string>> value = Get(key);
  if (!value.ok()) {
    return value.status();
  }
  std::uint64_t count[1] = {0};
  if (*value && !DecodeCounts(**value, count)) {
    return BadRecord(key);
  }
  return count[0];
}

Result<StoreStats> StatsReader::All() const {
  StoreStats stats;
  rocksdb::ReadOptions read = read_;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks_->db()->NewIterator(read, rocks_->family(Family::kStats)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key()[0] == format::kStatsPair) {
      // The pairs, many and not part of StoreStats: skipped with one seek.
      it->Seek(std::string(1, static_cast<char>(format::kStatsPair + 1)));
      if (!it->Valid()) break;
    }
    const std::string_view key = it->key().ToStringView();
    const std::string_view value = it->value().ToStringView();
    const bool with_id = key.size() == 1 + format::kIdSize;
    const TermId id = with_id ? GetBigEndian64(key.data() + 1) : 0;
    if (key == TotalsKey()) {
      std::uint64_t counts[2];
      if (!DecodeCounts(value, counts)) {
        return BadRecord(key);
      }
      stats.quads = counts[0];
      stats.terms = counts[1];
    } else if (with_id && key.front() == format::kStatsPredicate) {
      std::uint64_t counts[3];
      if (!DecodeCounts(value, counts)) {
        return BadRecord(key);
      }
      stats.predicates.push_back({id, counts[0], counts[1], counts[2]});
    } else if (with_id && key.front() == format::kStatsGraph) {
      std::uint64_t count[1];
      if (!DecodeCounts(value, count)) {
        return BadRecord(key);
      }
      stats.graphs.push_back({id, count[0]});
    } else if (with_id && key.front() == format::kStatsClass) {
      std::uint64_t count[1];
      if (!DecodeCounts(value, count)) {
        return BadRecord(key);
      }
      stats.classes.push_back({id, count[0]});
    } else {
      return BadRecord(key);
    }
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read the statistics");
  }
  std::stable_sort(
      stats.predicates.begin(), stats.predicates.end(),
      [](const PredicateStats& a, const PredicateStats& b) { return a.quads > b.quads; });
  return stats;
}

StatsCounter::StatsCounter(const RocksDb& rocks, const rocksdb::ReadOptions& read, QuadIndex index,
                           std::function<bool(TermId)> is_new, std::optional<TermId> type_id)
    : probe_(std::make_unique<PairProbe>(rocks, read, index)),
      index_(index),
      is_new_(std::move(is_new)),
      type_id_(type_id),
      count_pairs_(index == QuadIndex::kPosg && rocks.counts_pairs()) {}

StatsCounter::~StatsCounter() = default;

Status StatsCounter::Add(const QuadIds& quad, bool added) {
  const TermId a = index_ == QuadIndex::kSpog ? quad.s : quad.p;
  const TermId b = index_ == QuadIndex::kSpog ? quad.p : quad.o;
  if (open_ && (a != a_ || b != b_)) {
    SILK_RETURN_IF_ERROR(ClosePair());
  }
  open_ = true;
  a_ = a;
  b_ = b;
  const std::int64_t sign = added ? 1 : -1;
  pair_quads_ += sign;
  // Counted in runs, not per quad: a map update for each of millions of quads shows.
  if (index_ == QuadIndex::kSpog) {
    if (quad.g != graph_) {
      FlushGraph();
      graph_ = quad.g;
    }
    graph_quads_ += sign;
  }
  if (added) {
    pair_gains_ = true;
  } else {
    pair_losses_.push_back(quad);
  }
  return Status::Ok();
}

Status StatsCounter::Finish() {
  FlushGraph();
  return open_ ? ClosePair() : Status::Ok();
}

void StatsCounter::FlushGraph() {
  if (graph_quads_ != 0) {
    delta_.graphs[graph_] += graph_quads_;
    graph_quads_ = 0;
  }
}

// A pair is present when any quad has it. Present before: a removed quad was stored, or the
// store has the pair. Present after: an added quad has it, or a stored quad not being removed.
Status StatsCounter::ClosePair() {
  if (index_ == QuadIndex::kSpog) {
    delta_.quads += pair_quads_;
  } else {
    delta_.predicates[a_].quads += pair_quads_;
    if (type_id_ && a_ == *type_id_ && pair_quads_ != 0) delta_.classes[b_] += pair_quads_;
    if (count_pairs_ && pair_quads_ != 0 && CountsPairWith(b_)) {
      StatsDelta::PairMove& move = delta_.pairs[{a_, b_}];
      move.quads += pair_quads_;
      move.fresh = is_new_(a_) || is_new_(b_);
    }
  }
  pair_quads_ = 0;
  bool before = !pair_losses_.empty();
  if (!before && !is_new_(a_) && !is_new_(b_)) {
    Result<bool> any = probe_->Any(a_, b_, {});
    if (!any.ok()) {
      return any.status();
    }
    before = *any;
  }
  bool after = pair_gains_;
  if (!after) {
    if (pair_losses_.empty()) {
      after = before;
    } else {
      Result<bool> any = probe_->Any(a_, b_, pair_losses_);
      if (!any.ok()) {
        return any.status();
      }
      after = *any;
    }
  }
  if (before != after) {
    const TermId predicate = index_ == QuadIndex::kSpog ? b_ : a_;
    StatsDelta::Predicate& counts = delta_.predicates[predicate];
    std::int64_t& field = index_ == QuadIndex::kSpog ? counts.subjects : counts.objects;
    field += after ? 1 : -1;
  }
  open_ = false;
  pair_gains_ = false;
  pair_losses_.clear();
  return Status::Ok();
}

void StatsDelta::Merge(const StatsDelta& other) {
  quads += other.quads;
  terms += other.terms;
  for (const auto& [predicate, by] : other.predicates) {
    Predicate& counts = predicates[predicate];
    counts.quads += by.quads;
    counts.subjects += by.subjects;
    counts.objects += by.objects;
  }
  for (const auto& [graph, by] : other.graphs) {
    graphs[graph] += by;
  }
  for (const auto& [cls, by] : other.classes) {
    classes[cls] += by;
  }
  for (const auto& [pair, by] : other.pairs) {
    auto [move, added] = pairs.try_emplace(pair, by);
    if (!added) {
      move->second.quads += by.quads;
      move->second.fresh = move->second.fresh && by.fresh;
    }
  }
}

namespace {

// Moves records of one count each (graphs, classes) by `deltas`, read through `reader`.
Status MoveCounts(const std::unordered_map<TermId, std::int64_t>& deltas, std::string_view what,
                  std::string (*key_of)(TermId), const StatsReader& reader, StatsWrites& writes) {
  for (const auto& [id, by] : deltas) {
    if (by == 0) {
      continue;
    }
    const std::string key = key_of(id);
    Result<std::uint64_t> old = reader.Single(key);
    if (!old.ok()) {
      return old.status();
    }
    Result<std::uint64_t> count = Moved(*old, by, fmt::format("{} {:#x}", what, id));
    if (!count.ok()) {
      return count.status();
    }
    std::optional<std::string>& record = writes[key];
    if (*count != 0) {
      record = EncodeCounts({*count});
    }
  }
  return Status::Ok();
}

}  // namespace

namespace {

// The records of one count each, from the quads left in `cursor`: `run_of(quad)` names the
// record a quad counts in (nullopt: none), and a record's quads are neighbours in the index;
// `key_of` gives the record's key.
template <typename RunOf, typename KeyOf>
Result<StatsWrites> CountRuns(IndexCursor& cursor, const RunOf& run_of, const KeyOf& key_of) {
  using Run = typename std::invoke_result_t<RunOf, const QuadIds&>::value_type;
  StatsWrites writes;
  std::optional<Run> run;
  std::uint64_t quads = 0;
  auto flush = [&] {
    if (run && quads > 0) writes[key_of(*run)] = EncodeCounts({quads});
  };
  for (; cursor.Valid(); cursor.Next()) {
    std::optional<Run> next = run_of(cursor.quad());
    if (!next) continue;
    if (next != run) {
      flush();
      run = std::move(next);
      quads = 0;
    }
    ++quads;
  }
  if (!cursor.status().ok()) {
    return cursor.status();
  }
  flush();
  return writes;
}

}  // namespace

Result<StatsWrites> CountPairs(const RocksDb& rocks, const rocksdb::Snapshot* snapshot) {
  IndexCursor cursor(rocks, snapshot, QuadIndex::kPosg, std::string_view());
  return CountRuns(
      cursor,
      [](const QuadIds& quad) -> std::optional<std::pair<TermId, TermId>> {
        if (!CountsPairWith(quad.o)) return std::nullopt;
        return std::pair(quad.p, quad.o);
      },
      [](const std::pair<TermId, TermId>& pair) { return PairKey(pair.first, pair.second); });
}

Result<StatsWrites> CountClasses(const RocksDb& rocks, const rocksdb::Snapshot* snapshot,
                                 TermId type_id) {
  IndexCursor cursor(rocks, snapshot, QuadIndex::kPosg, BigEndian64(type_id));
  return CountRuns(
      cursor, [](const QuadIds& quad) { return std::optional<TermId>(quad.o); }, ClassKey);
}

Result<StatsWrites> ApplyStatsDelta(const StatsReader& reader, const StatsDelta& delta) {
  StatsWrites writes;
  if (delta.quads != 0 || delta.terms != 0) {
    Result<TotalCounts> totals = reader.Totals();
    if (!totals.ok()) {
      return totals.status();
    }
    Result<std::uint64_t> quads = Moved(totals->quads, delta.quads, "the store");
    Result<std::uint64_t> terms = Moved(totals->terms, delta.terms, "the dictionary");
    if (!quads.ok()) {
      return quads.status();
    }
    if (!terms.ok()) {
      return terms.status();
    }
    writes[TotalsKey()] = EncodeCounts({*quads, *terms});
  }
  for (const auto& [predicate, by] : delta.predicates) {
    if (by.quads == 0 && by.subjects == 0 && by.objects == 0) {
      continue;
    }
    Result<PredicateCounts> old = reader.Predicate(predicate);
    if (!old.ok()) {
      return old.status();
    }
    const std::string what = fmt::format("predicate {:#x}", predicate);
    Result<std::uint64_t> quads = Moved(old->quads, by.quads, what);
    Result<std::uint64_t> subjects = Moved(old->subjects, by.subjects, what);
    Result<std::uint64_t> objects = Moved(old->objects, by.objects, what);
    for (const auto* r : {&quads, &subjects, &objects}) {
      if (!r->ok()) {
        return r->status();
      }
    }
    std::optional<std::string>& record = writes[PredicateKey(predicate)];
    if (*quads != 0) {
      record = EncodeCounts({*quads, *subjects, *objects});
    }
  }
  SILK_RETURN_IF_ERROR(MoveCounts(delta.graphs, "graph", GraphKey, reader, writes));
  SILK_RETURN_IF_ERROR(MoveCounts(delta.classes, "class", ClassKey, reader, writes));
  for (const auto& [pair, move] : delta.pairs) {
    if (move.quads == 0) continue;
    const std::string key = PairKey(pair.first, pair.second);
    // A pair with an id this commit made has no record yet: no read needed, which keeps a
    // large first load from reading once per pair.
    std::uint64_t old = 0;
    if (!move.fresh) {
      Result<std::uint64_t> stored = reader.Single(key);
      if (!stored.ok()) return stored.status();
      old = *stored;
    }
    Result<std::uint64_t> count =
        Moved(old, move.quads, fmt::format("pair {:#x} {:#x}", pair.first, pair.second));
    if (!count.ok()) return count.status();
    std::optional<std::string>& record = writes[key];
    if (*count != 0) record = EncodeCounts({*count});
  }
  return writes;
}

}  // namespace silk::storage
