#include "engine/query/update/request_writes.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace silk::query {
namespace {

using storage::QuadIds;
using storage::QuadPattern;

bool Matches(const QuadPattern& pattern, const QuadIds& quad) {
  if ((pattern.s && *pattern.s != quad.s) || (pattern.p && *pattern.p != quad.p) ||
      (pattern.o && *pattern.o != quad.o) || (pattern.g && *pattern.g != quad.g)) {
    return false;
  }
  return !pattern.o_range || (quad.o >= pattern.o_range->first && quad.o <= pattern.o_range->second);
}

// The one position of subject, predicate and object that `pattern` leaves free when it binds
// the other two: the store then returns quads in the order of that position, then the graph
// (the order IndexScan promises its consumers), and the added quads must be merged in it.
std::optional<TermId QuadIds::*> OrderedPosition(const QuadPattern& pattern) {
  const int bound = int{pattern.s.has_value()} + int{pattern.p.has_value()} +
                    int{pattern.o.has_value()};
  if (bound != 2) return std::nullopt;
  if (!pattern.s) return &QuadIds::s;
  if (!pattern.p) return &QuadIds::p;
  return &QuadIds::o;
}

// The base's quads that the changes keep, and the quads the request added, in the base's order
// where one is promised (see OrderedPosition), else the base's first.
class ChangedIterator final : public storage::QuadIterator {
 public:
  ChangedIterator(std::unique_ptr<storage::QuadIterator> base,
                  const RequestWrites::Changes& changes, const QuadPattern& pattern)
      : base_(std::move(base)), changes_(changes), order_(OrderedPosition(pattern)) {
    // `added` is in spog order: a bound subject (and predicate) narrows it to one range.
    auto begin = changes.added.begin();
    auto end = changes.added.end();
    if (pattern.s) {
      constexpr TermId kLast = std::numeric_limits<TermId>::max();
      begin = changes.added.lower_bound(QuadIds{*pattern.s, pattern.p.value_or(0), 0, 0});
      end = changes.added.upper_bound(QuadIds{*pattern.s, pattern.p.value_or(kLast), kLast, kLast});
    }
    for (auto it = begin; it != end; ++it) {
      if (Matches(pattern, *it)) added_.push_back(*it);
    }
    if (order_) std::sort(added_.begin(), added_.end(), [this](const QuadIds& a, const QuadIds& b) {
      return Before(a, b);
    });
    Settle();
  }

  bool Valid() const override { return valid_; }
  void Next() override {
    if (from_base_) {
      base_->Next();
    } else {
      ++next_added_;
    }
    Settle();
  }
  QuadIds quad() const override { return current_; }
  Status status() const override { return base_->status(); }

 private:
  bool Before(const QuadIds& a, const QuadIds& b) const {
    return std::tie(a.*(*order_), a.g) < std::tie(b.*(*order_), b.g);
  }

  void Settle() {
    while (base_->Valid() && !changes_.Keeps(base_->quad())) base_->Next();
    const bool base_has = base_->Valid();
    const bool added_has = next_added_ < added_.size();
    valid_ = base_has || added_has;
    if (!valid_) return;
    from_base_ = base_has && (!added_has || !order_ || !Before(added_[next_added_], base_->quad()));
    current_ = from_base_ ? base_->quad() : added_[next_added_];
  }

  std::unique_ptr<storage::QuadIterator> base_;
  const RequestWrites::Changes& changes_;
  std::optional<TermId QuadIds::*> order_;
  std::vector<QuadIds> added_;
  std::size_t next_added_ = 0;
  bool valid_ = false;
  bool from_base_ = false;
  QuadIds current_;
};

class ChangedSnapshot final : public storage::Snapshot {
 public:
  ChangedSnapshot(const storage::Snapshot& base, const RequestWrites::Changes& changes)
      : base_(base), changes_(changes) {}

  // The text index as the request found it: words of literals an earlier operation of the
  // same request added are not found until it commits.
  Result<std::vector<storage::TextMatch>> MatchText(std::string_view query) const override {
    return base_.MatchText(query);
  }
  std::uint64_t EstimateText(std::string_view query) const override {
    return base_.EstimateText(query);
  }

  std::unique_ptr<storage::QuadIterator> Scan(const QuadPattern& pattern) const override {
    if (changes_.quads_unchanged()) return base_.Scan(pattern);
    return std::make_unique<ChangedIterator>(base_.Scan(pattern), changes_, pattern);
  }
  Result<std::uint64_t> Count(const QuadPattern& pattern) const override {
    if (changes_.quads_unchanged()) return base_.Count(pattern);
    std::uint64_t n = 0;
    std::unique_ptr<storage::QuadIterator> it = Scan(pattern);
    for (; it->Valid(); it->Next()) ++n;
    SILK_RETURN_IF_ERROR(it->status());
    return n;
  }
  // The base counts from its keys and statistics, which know nothing of the request's changes:
  // once there are some, the quads the view shows are counted one by one.
  Result<std::vector<storage::GroupCount>> CountPer(
      const storage::CountRequest& request) const override {
    if (changes_.quads_unchanged()) return base_.CountPer(request);
    std::map<TermId, std::uint64_t> groups;
    std::set<std::tuple<TermId, TermId, TermId>> triples;  // merge_graphs: those counted
    std::uint64_t seen = 0;
    std::unique_ptr<storage::QuadIterator> it = Scan(request.pattern);
    for (; it->Valid(); it->Next()) {
      if ((++seen & 4095) == 0 && request.stop && request.stop()) {
        return Status::Cancelled("the count was stopped");
      }
      const QuadIds quad = it->quad();
      if (request.keep && !request.keep(quad)) continue;
      if (request.merge_graphs) {
        if (!triples.emplace(quad.s, quad.p, quad.o).second) continue;
        if (request.charge) request.charge(64);
      }
      const TermId id = request.per ? storage::IdAt(quad, *request.per) : 0;
      const auto [group, added] = groups.try_emplace(id, 0);
      if (added && request.charge) request.charge(64);
      ++group->second;
    }
    SILK_RETURN_IF_ERROR(it->status());
    if (!request.per && groups.empty()) groups.emplace(0, 0);
    std::vector<storage::GroupCount> counts;
    counts.reserve(groups.size());
    for (const auto& [id, count] : groups) counts.push_back({id, count});
    return counts;
  }
  std::uint64_t Estimate(const QuadPattern& pattern) const override {
    return base_.Estimate(pattern);
  }
  // The base's statistics, with the named graphs as the request's changes leave them (the
  // planner lists the named graphs from them): one quads were added to is there, and one the
  // changes emptied, as a whole or quad by quad, is gone (the view is asked). The counts stay
  // the base's: they only guide estimates.
  Result<storage::StoreStats> Stats() const override {
    Result<storage::StoreStats> read = base_.Stats();
    if (!read.ok()) return read.status();
    storage::StoreStats stats = std::move(read).value();
    std::set<TermId> listed;
    for (const storage::GraphStats& graph : stats.graphs) listed.insert(graph.graph);
    for (const QuadIds& quad : changes_.added) {
      if (listed.insert(quad.g).second) stats.graphs.push_back({quad.g, 1});
    }
    std::set<TermId> removed_from;
    for (const QuadIds& quad : changes_.removed) removed_from.insert(quad.g);
    std::set<TermId> gone;
    for (const storage::GraphStats& graph : stats.graphs) {
      if (graph.graph == storage::kDefaultGraphId) continue;
      if (!changes_.named_emptied && !changes_.graphs_emptied.contains(graph.graph) &&
          !removed_from.contains(graph.graph)) {
        continue;
      }
      QuadPattern in;
      in.g = graph.graph;
      const std::unique_ptr<storage::QuadIterator> it = Scan(in);
      if (it->Valid()) continue;
      SILK_RETURN_IF_ERROR(it->status());
      gone.insert(graph.graph);
    }
    std::erase_if(stats.graphs,
                  [&](const storage::GraphStats& graph) { return gone.contains(graph.graph); });
    std::sort(stats.graphs.begin(), stats.graphs.end(),
              [](const storage::GraphStats& a, const storage::GraphStats& b) {
                return a.graph < b.graph;
              });
    return stats;
  }
  Result<std::optional<TermId>> Lookup(const rdf::TermView& term) const override {
    Result<std::optional<TermId>> id = base_.Lookup(term);
    if (!id.ok() || id->has_value()) return id;
    const auto it = changes_.ids.find(rdf::Term(term));
    if (it == changes_.ids.end()) return std::optional<TermId>();
    return std::optional<TermId>(it->second);
  }
  Result<rdf::Term> Decode(TermId id) const override {
    const auto it = changes_.terms.find(id);
    if (it != changes_.terms.end()) return it->second;
    return base_.Decode(id);
  }
  Result<std::vector<rdf::Term>> DecodeMany(std::span<const TermId> ids) const override {
    const bool any_new = std::any_of(ids.begin(), ids.end(),
                                     [this](TermId id) { return changes_.terms.contains(id); });
    if (!any_new) return base_.DecodeMany(ids);
    std::vector<rdf::Term> terms;
    terms.reserve(ids.size());
    for (const TermId id : ids) {
      Result<rdf::Term> term = Decode(id);
      if (!term.ok()) return term.status();
      terms.push_back(std::move(term).value());
    }
    return terms;
  }
  Result<std::vector<std::string>> IrisWithPrefix(std::string_view prefix,
                                                  std::size_t limit) const override {
    return base_.IrisWithPrefix(prefix, limit);
  }

 private:
  const storage::Snapshot& base_;
  const RequestWrites::Changes& changes_;
};

}  // namespace

bool RequestWrites::Changes::Keeps(const QuadIds& quad) const {
  const bool emptied = quad.g == storage::kDefaultGraphId
                           ? default_emptied
                           : named_emptied || graphs_emptied.contains(quad.g);
  return !emptied && !removed.contains(quad) && !added.contains(quad);
}

RequestWrites::RequestWrites(storage::WriteTransaction& tx, const storage::Snapshot& base)
    : tx_(tx), view_(std::make_unique<ChangedSnapshot>(base, changes_)) {}

RequestWrites::~RequestWrites() = default;

Result<TermId> RequestWrites::Encode(const rdf::TermView& term) {
  Result<TermId> id = tx_.Encode(term);
  if (!id.ok() || !recording_) return id;
  rdf::Term copy(term);
  if (term.kind != rdf::TermKind::kBlank) changes_.ids.emplace(copy, *id);
  changes_.terms.emplace(*id, std::move(copy));
  return id;
}

Status RequestWrites::Insert(const rdf::QuadView& quad) {
  if (!recording_) return tx_.Insert(quad);
  if (quad.subject.IsDefaultGraph() || quad.predicate.IsDefaultGraph() ||
      quad.object.IsDefaultGraph()) {
    return Status::InvalidArgument("the default graph can only be a quad's graph");
  }
  QuadIds ids;
  for (auto [term, id] : {std::pair{&quad.subject, &ids.s}, std::pair{&quad.predicate, &ids.p},
                          std::pair{&quad.object, &ids.o}, std::pair{&quad.graph, &ids.g}}) {
    Result<TermId> encoded = Encode(*term);
    if (!encoded.ok()) return encoded.status();
    *id = *encoded;
  }
  return Insert(ids);
}

Status RequestWrites::Insert(const QuadIds& quad) {
  SILK_RETURN_IF_ERROR(tx_.Insert(quad));
  if (recording_) pending_.push_back({PendingWrite::Kind::kInsert, quad});
  return Status::Ok();
}

Status RequestWrites::Delete(const rdf::QuadView& quad) {
  if (!recording_) return tx_.Delete(quad);
  QuadIds ids;
  for (auto [term, id] : {std::pair{&quad.subject, &ids.s}, std::pair{&quad.predicate, &ids.p},
                          std::pair{&quad.object, &ids.o}, std::pair{&quad.graph, &ids.g}}) {
    if (term->IsDefaultGraph()) {
      *id = storage::kDefaultGraphId;
      continue;
    }
    // Labels are scoped, so a blank node given by label matches nothing stored.
    if (term->kind == rdf::TermKind::kBlank) return Status::Ok();
    Result<std::optional<TermId>> found = view_->Lookup(*term);
    if (!found.ok()) return found.status();
    if (!*found) return Status::Ok();
    *id = **found;
  }
  return Delete(ids);
}

Status RequestWrites::Delete(const QuadIds& quad) {
  SILK_RETURN_IF_ERROR(tx_.Delete(quad));
  if (recording_) pending_.push_back({PendingWrite::Kind::kDelete, quad});
  return Status::Ok();
}

void RequestWrites::EndOperation() {
  for (const PendingWrite& write : pending_) Apply(write);
  pending_.clear();
  pending_.shrink_to_fit();
}

void RequestWrites::Apply(const PendingWrite& write) {
  switch (write.kind) {
    case PendingWrite::Kind::kInsert:
      changes_.removed.erase(write.quad);
      changes_.added.insert(write.quad);
      return;
    case PendingWrite::Kind::kDelete:
      changes_.added.erase(write.quad);
      changes_.removed.insert(write.quad);
      return;
    case PendingWrite::Kind::kClear: break;
  }
  // One mark per graph instead of one entry per quad: the base's quads there are hidden, and
  // what the request had added there is gone.
  const TermId graph = write.quad.g;
  std::erase_if(changes_.added, [&](const QuadIds& quad) {
    switch (write.graphs) {
      case Graphs::kOne:
      case Graphs::kDefault: return quad.g == graph;
      case Graphs::kNamed: return quad.g != storage::kDefaultGraphId;
      case Graphs::kAll: return true;
    }
    return false;
  });
  switch (write.graphs) {
    case Graphs::kOne: changes_.graphs_emptied.insert(graph); break;
    case Graphs::kDefault: changes_.default_emptied = true; break;
    case Graphs::kNamed: changes_.named_emptied = true; break;
    case Graphs::kAll:
      changes_.default_emptied = true;
      changes_.named_emptied = true;
      break;
  }
}


Status RequestWrites::ClearGraphs(Graphs scope, TermId graph, const StopCheck* stop) {
  if (scope == Graphs::kOne && graph == storage::kDefaultGraphId) scope = Graphs::kDefault;
  QuadPattern pattern;
  if (scope == Graphs::kOne) pattern.g = graph;
  if (scope == Graphs::kDefault) pattern.g = storage::kDefaultGraphId;
  {
    std::unique_ptr<storage::QuadIterator> it = view_->Scan(pattern);
    std::uint64_t seen = 0;
    for (; it->Valid(); it->Next()) {
      if (stop != nullptr && (++seen & 4095) == 0) SILK_RETURN_IF_ERROR(stop->Check());
      const QuadIds quad = it->quad();
      if (scope == Graphs::kNamed && quad.g == storage::kDefaultGraphId) continue;
      SILK_RETURN_IF_ERROR(tx_.Delete(quad));
    }
    SILK_RETURN_IF_ERROR(it->status());
  }
  if (recording_) {
    PendingWrite clear{PendingWrite::Kind::kClear, {}, scope};
    clear.quad.g = pattern.g.value_or(storage::kDefaultGraphId);
    pending_.push_back(clear);
  }
  return Status::Ok();
}

}  // namespace silk::query
