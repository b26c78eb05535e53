#include "engine/storage/rocks_snapshot.h"

#include <rocksdb/db.h>

#include <algorithm>
#include <functional>
#include <mutex>
#include <utility>

#include "engine/storage/count_in_halves.h"
#include "engine/storage/index_cursor.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/key_cuts.h"
#include "engine/storage/quad_counter.h"
#include "engine/storage/statistics.h"
#include "engine/storage/term_dictionary.h"
#include "engine/storage/text_search.h"

namespace silk::storage {
namespace {

// Estimate() reads at most this many keys; a range that ends within them is counted exactly.
constexpr int kProbeKeys = 64;

// Whether a plan leaves nothing to filter that another index could seek instead: nothing at
// all, or only the default graph, which no index serving it can seek before s, p and o (gspo
// does not hold it).
bool Unbeatable(const ScanPlan& plan) {
  const QuadPattern& r = plan.residual;
  return !r.s && !r.p && !r.o && (!r.g || *r.g == kDefaultGraphId);
}

// What decides a pattern's candidate plans, and whether one is unbeatable, but its values:
// which positions are bound, whether the graph bound is the default one, whether the object
// has a range, which positions are held.
struct PatternShape {
  bool s, p, o, g, default_graph, range;
  std::uint8_t held;
  bool operator==(const PatternShape&) const = default;
};

PatternShape ShapeOf(const QuadPattern& pattern) {
  return {pattern.s.has_value(),
          pattern.p.has_value(),
          pattern.o.has_value(),
          pattern.g.has_value(),
          pattern.g == kDefaultGraphId,
          pattern.o_range.has_value(),
          pattern.held};
}

class RocksQuadIterator final : public QuadIterator {
 public:
  // `choose` picks the plan of a pattern, for Seek.
  RocksQuadIterator(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, const ScanPlan& plan,
                    PageView pages, std::function<ScanPlan(const QuadPattern&)> choose)
      : cursor_(rocks, snapshot, plan, pages),
        choose_(std::move(choose)) {
    SetResidual(plan.residual);
    Skip();
  }

  // The keys of `plan` from `lower` to before `upper` (nullopt: its end): a piece of its scan,
  // which does not Seek elsewhere.
  RocksQuadIterator(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, const ScanPlan& plan,
                    PageView pages, const KeyBytes& lower, const std::optional<KeyBytes>& upper)
      : cursor_(rocks, snapshot, plan.index, lower.view(), upper,
                plan.prefix_size >= format::kIdSize, /*first_id_held=*/false, pages) {
    SetResidual(plan.residual);
    Skip();
  }

  bool Seek(const QuadPattern& pattern) override {
    if (!choose_) return false;
    // The probes of a join have one shape: when the last one's plan was unbeatable, so is
    // this one's, on the same index, with the same layout (a tenth of a probe's time went
    // to choosing it, and as much again to making it, anew).
    const PatternShape shape = ShapeOf(pattern);
    if (unbeatable_ && *unbeatable_ == shape) {
      ReplanOn(plan_, pattern);
    } else {
      plan_ = choose_(pattern);
      unbeatable_.reset();
      if (Unbeatable(plan_)) unbeatable_ = shape;
    }
    if (!cursor_.Reseek(plan_)) {
      unbeatable_.reset();  // plan_ is not this cursor's any more
      return false;
    }
    SetResidual(plan_.residual);
    Skip();
    return true;
  }

  bool Valid() const override { return cursor_.Valid(); }
  void Next() override {
    cursor_.Next();
    Skip();
  }
  QuadIds quad() const override { return cursor_.quad(); }
  Status status() const override { return cursor_.status(); }
  std::size_t Read(std::span<QuadIds> out) override {
    std::size_t n = 0;
    while (n < out.size() && cursor_.Valid()) {
      const std::size_t read = cursor_.Read(out.subspan(n));
      if (!residual_checked_) {
        n += read;
        continue;
      }
      const std::size_t end = n + read;
      for (std::size_t i = n; i < end; ++i) {
        if (Matches(residual_, out[i])) out[n++] = out[i];
      }
      Skip();
    }
    return n;
  }

 private:
  void SetResidual(const QuadPattern& residual) {
    residual_ = residual;
    residual_checked_ = residual.s || residual.p || residual.o || residual.g || residual.o_range;
  }
  void Skip() {
    if (!residual_checked_) return;
    while (cursor_.Valid() && !Matches(residual_, cursor_.quad())) {
      cursor_.Next();
    }
  }

  IndexCursor cursor_;
  QuadPattern residual_;
  bool residual_checked_ = false;  // the residual constrains something: keys are checked
  std::function<ScanPlan(const QuadPattern&)> choose_;
  // The plan of the last pattern sought, and its shape when the plan was unbeatable: a
  // pattern of that shape is planned by rewriting it (ReplanOn).
  ScanPlan plan_;
  std::optional<PatternShape> unbeatable_;
};

// A plan's keys cut into pieces as they are asked for: piece i runs from cut i - 1 (or the
// plan's first key) to before cut i (or past its last key).
class KeyRangePieces final : public ScanPieces {
 public:
  KeyRangePieces(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, PageView pages,
                 ScanPlan plan, std::size_t pieces)
      : rocks_(rocks),
        snapshot_(snapshot),
        pages_(pages),
        plan_(std::move(plan)),
        cutter_(rocks, plan_, pieces) {}

  std::unique_ptr<QuadIterator> Open(std::size_t i) const override {
    std::optional<KeyBytes> lower;
    std::optional<KeyBytes> upper;
    {
      std::lock_guard lock(mu_);
      while (!cut_all_ && cuts_.size() <= i) {
        std::optional<KeyBytes> cut = cutter_.Next();
        if (cut) {
          cuts_.push_back(*cut);
        } else {
          cut_all_ = true;
        }
      }
      if (i > cuts_.size()) return nullptr;
      lower = i == 0 ? plan_.LowerKey() : cuts_[i - 1];
      upper = i < cuts_.size() ? std::optional<KeyBytes>(cuts_[i]) : plan_.UpperKey();
    }
    return std::make_unique<RocksQuadIterator>(rocks_, snapshot_, plan_, pages_, *lower, upper);
  }

 private:
  const RocksDb& rocks_;
  const rocksdb::Snapshot* snapshot_;
  const PageView pages_;
  const ScanPlan plan_;
  mutable std::mutex mu_;
  mutable KeyCutter cutter_;
  mutable std::vector<KeyBytes> cuts_;
  mutable bool cut_all_ = false;
};

// The pattern of the positions a plan's prefix binds.
QuadPattern PrefixPattern(const QuadPattern& pattern, const ScanPlan& plan) {
  QuadPattern prefix = pattern;
  if (plan.residual.s) {
    prefix.s.reset();
  }
  if (plan.residual.p) {
    prefix.p.reset();
  }
  if (plan.residual.o) {
    prefix.o.reset();
  }
  if (plan.residual.g) {
    prefix.g.reset();
  }
  return prefix;
}

// No subject or object, not both predicate and graph: the statistics hold the exact count.
bool CountedByStats(const QuadPattern& p) {
  return !p.s && !p.o && !p.o_range && !(p.p && p.g);
}

// A RocksDB snapshot of `rocks`, and in `pages` the key pages that hold its data, if any.
const rocksdb::Snapshot* TakeSnapshot(const RocksDb& rocks, PageView* pages) {
  const rocksdb::Snapshot* snapshot = nullptr;
  const std::optional<std::uint64_t> generation =
      rocks.key_pages().GenerationOf([&] { snapshot = rocks.db()->GetSnapshot(); });
  if (generation) *pages = PageView{&rocks.key_pages(), *generation};
  return snapshot;
}

class RocksSnapshot final : public Snapshot {
 public:
  explicit RocksSnapshot(const StoreCore* core)
      : rocks_(*core->rocks),
        snapshot_(TakeSnapshot(rocks_, &pages_)),
        read_(ReadAt(snapshot_)),
        dictionary_(&rocks_, read_, &core->terms),
        stats_(&rocks_, read_) {}

  ~RocksSnapshot() override { rocks_.db()->ReleaseSnapshot(snapshot_); }

  std::unique_ptr<QuadIterator> Scan(const QuadPattern& pattern) const override {
    return std::make_unique<RocksQuadIterator>(
        rocks_, snapshot_, ChoosePlan(pattern), pages_,
        [this](const QuadPattern& next) { return ChoosePlan(next); });
  }

  std::unique_ptr<ScanPieces> Cut(const QuadPattern& pattern, std::size_t pieces) const override {
    return std::make_unique<KeyRangePieces>(rocks_, snapshot_, pages_, ChoosePlan(pattern),
                                            pieces);
  }

  Result<std::uint64_t> Count(const QuadPattern& pattern) const override {
    if (CountedByStats(pattern)) {
      return StatsCount(pattern);
    }
    const ScanPlan plan = ChoosePlan(pattern);
    IndexCursor cursor(rocks_, snapshot_, plan, pages_);
    std::uint64_t n = 0;
    for (; cursor.Valid(); cursor.Next()) {
      n += Matches(plan.residual, cursor.quad()) ? 1 : 0;
    }
    if (!cursor.status().ok()) {
      return cursor.status();
    }
    return n;
  }

  Result<std::vector<GroupCount>> CountPer(const CountRequest& request) const override {
    const QuadPattern& pattern = request.pattern;
    // The statistics count quads: triples too, unless a triple can be in two graphs.
    if (!request.keep && !(request.merge_graphs && HasNamedGraphQuads())) {
      if (!request.per) {
        std::optional<Result<std::uint64_t>> n = PairCount(pattern);
        if (!n && CountedByStats(pattern)) n = StatsCount(pattern);
        if (n) {
          if (!n->ok()) return n->status();
          return std::vector<GroupCount>{{0, n->value()}};
        }
      } else if (std::optional<Result<std::vector<GroupCount>>> groups =
                     GroupsFromStats(pattern, *request.per)) {
        if (groups->ok() && request.charge) request.charge((*groups)->size() * sizeof(GroupCount));
        return std::move(*groups);
      }
    }
    const ScanPlan plan = ChoosePlan(pattern);
    // Merging needs the graph last in the key, which every index but gspo has; gspo serves
    // only patterns that bind a graph, where there is nothing to merge.
    CountRequest keys = request;
    keys.pattern = plan.residual;
    keys.merge_graphs = request.merge_graphs && plan.index != QuadIndex::kGspo;
    if (std::optional<Result<std::vector<GroupCount>>> counted =
            CountInHalves(rocks_, snapshot_, pages_, plan, keys)) {
      return std::move(*counted);
    }
    IndexCursor cursor(rocks_, snapshot_, plan, pages_);
    return CountKeys(cursor, keys);
  }

  Result<StoreStats> Stats() const override { return stats_.All(); }

  Result<std::vector<std::string>> IrisWithPrefix(std::string_view prefix,
                                                  std::size_t limit) const override {
    // term2id is ordered by term record, and an IRI's record is its kind byte then the IRI.
    std::string start(1, format::kRecordIri);
    start += prefix;
    rocksdb::ReadOptions read = read_;
    std::unique_ptr<rocksdb::Iterator> it(
        rocks_.db()->NewIterator(read, rocks_.family(format::Family::kTerm2Id)));
    std::vector<std::string> iris;
    for (it->Seek(start); it->Valid() && iris.size() < limit; it->Next()) {
      const std::string_view key = it->key().ToStringView();
      if (!key.starts_with(start)) break;
      iris.emplace_back(key.substr(1));
    }
    if (!it->status().ok()) return FromRocks(it->status(), "listing IRIs");
    return iris;
  }

  std::uint64_t Estimate(const QuadPattern& pattern) const override {
    if (std::optional<Result<std::uint64_t>> n = PairCount(pattern); n && n->ok()) {
      return n->value();
    }
    if (CountedByStats(pattern)) {
      const Result<std::uint64_t> n = StatsCount(pattern);
      return n.ok() ? n.value() : 1;
    }
    return EstimatePlan(ChoosePlan(pattern));
  }

  Result<std::optional<TermId>> Lookup(const rdf::TermView& term) const override {
    return dictionary_.Lookup(term);
  }

  Result<std::vector<TextMatch>> MatchText(std::string_view query) const override {
    return SearchText(rocks_, read_, query);
  }
  std::uint64_t EstimateText(std::string_view query) const override {
    return EstimateTextMatches(rocks_, read_, query);
  }
  Result<rdf::Term> Decode(TermId id) const override { return dictionary_.Decode(id); }
  Result<std::vector<rdf::Term>> DecodeMany(std::span<const TermId> ids) const override {
    return dictionary_.DecodeMany(ids);
  }

 private:
  static rocksdb::ReadOptions ReadAt(const rocksdb::Snapshot* snapshot) {
    rocksdb::ReadOptions read;
    read.snapshot = snapshot;
    return read;
  }

  // rdf:type's id when the store counts classes and has the term; looked up once, when a
  // pattern first asks (most queries never do).
  std::optional<TermId> TypeId() const {
    std::call_once(type_id_once_, [this] {
      if (!rocks_.counts_classes()) return;
      Result<std::optional<TermId>> id =
          dictionary_.Lookup(rdf::TermView::Iri(format::kRdfType));
      if (id.ok()) type_id_ = std::move(id).value();
    });
    return type_id_;
  }

  // The quads of `?x :p :o` in any graph, when the statistics hold them: the pair counts (format
  // 5) or, for rdf:type, the class counts (format 4). Nullopt when they do not.
  std::optional<Result<std::uint64_t>> PairCount(const QuadPattern& pattern) const {
    if (!pattern.p || !pattern.o || pattern.s || pattern.g || pattern.o_range) return std::nullopt;
    if (rocks_.counts_pairs()) {
      if (!CountsPairWith(*pattern.o)) return std::nullopt;
      return stats_.Pair(*pattern.p, *pattern.o);
    }
    if (pattern.p == TypeId()) return stats_.Class(*pattern.o);
    return std::nullopt;
  }

  // The quads of `pattern` per id at `per` from the statistics, when they hold them: per
  // predicate for a pattern binding nothing, per object for one binding only a predicate
  // whose objects all have pair records. Nullopt otherwise.
  std::optional<Result<std::vector<GroupCount>>> GroupsFromStats(const QuadPattern& pattern,
                                                                  QuadPosition per) const {
    const bool only_p = pattern.p && !pattern.s && !pattern.o && !pattern.g && !pattern.o_range;
    const bool none = !pattern.p && !pattern.s && !pattern.o && !pattern.g && !pattern.o_range;
    std::vector<GroupCount> groups;
    if (none && per == QuadPosition::kPredicate) {
      Result<StoreStats> all = stats_.All();
      if (!all.ok()) return all.status();
      for (const PredicateStats& p : all->predicates) groups.push_back({p.predicate, p.quads});
    } else if (only_p && per == QuadPosition::kObject && rocks_.counts_pairs()) {
      Result<std::map<std::pair<TermId, TermId>, std::uint64_t>> pairs = stats_.Pairs(*pattern.p);
      Result<PredicateCounts> predicate = stats_.Predicate(*pattern.p);
      if (!pairs.ok()) return pairs.status();
      if (!predicate.ok()) return predicate.status();
      std::uint64_t quads = 0;
      for (const auto& [pair, n] : *pairs) {
        groups.push_back({pair.second, n});
        quads += n;
      }
      if (quads != predicate->quads) return std::nullopt;  // some objects are literals
    } else {
      return std::nullopt;
    }
    std::sort(groups.begin(), groups.end(),
              [](const GroupCount& a, const GroupCount& b) { return a.id < b.id; });
    return groups;
  }

  // Whether any quad is in a named graph: only then can two quads be one triple.
  bool HasNamedGraphQuads() const {
    const Result<TotalCounts> totals = stats_.Totals();
    const Result<std::uint64_t> in_default = stats_.Graph(kDefaultGraphId);
    return !totals.ok() || !in_default.ok() || totals->quads != in_default.value();
  }

  Result<std::uint64_t> StatsCount(const QuadPattern& pattern) const {
    if (pattern.p) {
      Result<PredicateCounts> counts = stats_.Predicate(*pattern.p);
      return counts.ok() ? Result<std::uint64_t>(counts->quads) : counts.status();
    }
    if (pattern.g) {
      return stats_.Graph(*pattern.g);
    }
    Result<TotalCounts> totals = stats_.Totals();
    return totals.ok() ? Result<std::uint64_t>(totals->quads) : totals.status();
  }

  // Among the plans with the longest prefix, the one whose prefix range looks smallest.
  ScanPlan ChoosePlan(const QuadPattern& pattern) const {
    const ScanPlans plans = CandidatePlans(pattern);
    // A plan whose prefix binds every bound position cannot be beaten (s+p+o binds all three
    // in spog, posg and ospg alike), nor one that leaves only the default graph (the first
    // such is spog's when nothing else is bound: a full scan). Otherwise the prefix patterns
    // bind fewer positions than `pattern`, so estimating them terminates.
    for (const ScanPlan& plan : plans) {
      if (Unbeatable(plan)) {
        return plan;
      }
    }
    std::size_t best = 0;
    std::uint64_t best_size = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const std::uint64_t size = Estimate(PrefixPattern(pattern, plans[i]));
      if (i == 0 || size < best_size) {
        best = i;
        best_size = size;
      }
    }
    return plans[best];
  }

  // Counts up to kProbeKeys keys of the plan's range; beyond that, scales the range's share of
  // the index bytes (RocksDB's approximate sizes) by the statistics.
  std::uint64_t EstimatePlan(const ScanPlan& plan) const {
    IndexCursor cursor(rocks_, snapshot_, plan, pages_);
    std::uint64_t matches = 0;
    int keys = 0;
    for (; cursor.Valid() && keys < kProbeKeys; cursor.Next(), ++keys) {
      matches += Matches(plan.residual, cursor.quad()) ? 1 : 0;
    }
    if (!cursor.Valid() && cursor.status().ok()) {
      return matches;  // the whole range was read
    }
    const Result<TotalCounts> totals = stats_.Totals();
    const double total = totals.ok() ? static_cast<double>(totals->quads) : 0.0;
    const double indexed = QuadsIn(plan.index, total);
    double estimate = static_cast<double>(kProbeKeys);
    if (const std::optional<KeyBytes> upper = plan.UpperKey(); upper && indexed > 0) {
      const KeyBytes lower = plan.LowerKey();
      const std::string lowest(format::kQuadKeySize, '\0');
      const std::string highest(format::kQuadKeySize, '\xff');
      const rocksdb::Range ranges[2] = {rocksdb::Range(rocksdb::Slice(lower.view()),
                                                       rocksdb::Slice(upper->view())),
                                        rocksdb::Range(lowest, highest)};
      std::uint64_t sizes[2] = {0, 0};
      rocksdb::SizeApproximationOptions options;
      options.include_memtables = true;
      options.include_files = true;
      const rocksdb::Status s = rocks_.db()->GetApproximateSizes(
          options, rocks_.family(FamilyOf(plan.index)), ranges, 2, sizes);
      if (s.ok() && sizes[1] > 0) {
        estimate = std::max(
            estimate, indexed * static_cast<double>(sizes[0]) / static_cast<double>(sizes[1]));
      }
    }
    // The residual positions thin the range out: a graph by its share of the quads, the rest
    // by a guess.
    if (plan.residual.g && total > 0) {
      const Result<std::uint64_t> graph = stats_.Graph(*plan.residual.g);
      estimate *= graph.ok() ? static_cast<double>(graph.value()) / total : 1.0;
    }
    if (plan.residual.p && total > 0) {
      const Result<PredicateCounts> predicate = stats_.Predicate(*plan.residual.p);
      estimate *= predicate.ok() ? static_cast<double>(predicate->quads) / total : 1.0;
    }
    if (plan.residual.s || plan.residual.o) {
      estimate *= 0.1;
    }
    return std::max<std::uint64_t>({static_cast<std::uint64_t>(estimate), matches, 1});
  }

  // The quads `index` holds, of `total` in the store: gspo lacks the default graph's.
  double QuadsIn(QuadIndex index, double total) const {
    if (index != QuadIndex::kGspo) {
      return total;
    }
    const Result<std::uint64_t> unnamed = stats_.Graph(kDefaultGraphId);
    return unnamed.ok() ? std::max(0.0, total - static_cast<double>(unnamed.value())) : total;
  }

  const RocksDb& rocks_;
  PageView pages_;  // before snapshot_, which sets it
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions read_;
  TermDictionary dictionary_;
  StatsReader stats_;
  mutable std::once_flag type_id_once_;
  mutable std::optional<TermId> type_id_;  // see TypeId
};

}  // namespace

std::unique_ptr<Snapshot> NewSnapshot(const StoreCore* core) {
  return std::make_unique<RocksSnapshot>(core);
}

}  // namespace silk::storage
