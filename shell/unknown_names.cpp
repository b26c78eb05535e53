#include "shell/unknown_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "shell/repl/box_table.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

// Candidates read from the dictionary per seek, and predicates taken from the statistics
// (the most used first): enough for a typo's neighbours, few enough to stay instant.
constexpr std::size_t kPerSeek = 100;
constexpr std::size_t kMaxPredicates = 5000;

// Where the local name starts: after the last '/' or '#' (or ':' for a URN).
std::size_t LocalStart(std::string_view iri) {
  const std::size_t cut = iri.find_last_of("/#");
  if (cut != std::string_view::npos) return cut + 1;
  const std::size_t colon = iri.find_last_of(':');
  return colon == std::string_view::npos ? 0 : colon + 1;
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::size_t ChangeCost(char from, char to) {
  if (from == to) return 0;
  return Lower(from) == Lower(to) ? 1 : 2;
}

// Edits from `a` to `b` in half-steps: adding, dropping, changing a letter or swapping two
// neighbours costs 2, changing only its case 1 (optimal string alignment distance).
std::size_t EditCost(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = 2 * i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = 2 * j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 2, d[i][j - 1] + 2,
                          d[i - 1][j - 1] + ChangeCost(a[i - 1], b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 2);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string FlipCase(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::string(1, static_cast<char>(std::isupper(u) ? std::tolower(u) : std::toupper(u)));
}

// The predicates in use, most used first, read once from the statistics: a typo in a
// predicate may lie anywhere in the name, where a seek by its first letters would miss it.
std::vector<std::string> PredicatesInUse(const storage::Store& store,
                                         const storage::Snapshot& snapshot) {
  Result<storage::StoreStats> stats = store.Stats();
  if (!stats.ok()) return {};
  std::vector<storage::TermId> ids;
  for (const storage::PredicateStats& p : stats->predicates) {
    if (ids.size() == kMaxPredicates) break;
    ids.push_back(p.predicate);
  }
  Result<std::vector<rdf::Term>> terms = snapshot.DecodeMany(ids);
  if (!terms.ok()) return {};
  std::vector<std::string> iris;
  for (const rdf::Term& term : *terms) iris.push_back(term.value);
  return iris;
}

// IRIs the store holds in the namespace of `iri` that share its first letters: each seek is
// one ordered read of the dictionary.
std::vector<std::string> NeighboursOf(std::string_view iri, const storage::Snapshot& snapshot) {
  const std::size_t local = LocalStart(iri);
  if (local == 0) return {};
  const std::string ns(iri.substr(0, local));
  // The first letters, short (a typo late in the name) and long (an extra letter at its end).
  const std::size_t length = iri.size() - local;
  const std::set<std::size_t> lengths = {0, 1, 2, 3, length / 2, length - 1};
  std::vector<std::string> seeks;
  for (std::size_t k : lengths) {
    if (k < length || k == 0) seeks.emplace_back(iri.substr(0, local + k));
  }
  // A name typed in the wrong case from its first letter (kca:person for kca:Person).
  if (local < iri.size()) seeks.push_back(ns + FlipCase(iri[local]));
  std::vector<std::string> found;
  for (const std::string& prefix : seeks) {
    Result<std::vector<std::string>> iris = snapshot.IrisWithPrefix(prefix, kPerSeek);
    if (iris.ok()) found.insert(found.end(), iris->begin(), iris->end());
  }
  return found;
}

}  // namespace

std::vector<std::string> NearestIris(std::string_view unknown,
                                     const std::vector<std::string>& candidates,
                                     std::size_t limit) {
  const std::size_t local_start = LocalStart(unknown);
  const std::string_view ns = unknown.substr(0, local_start);
  const std::string_view local = unknown.substr(local_start);
  // A third of the name, at least one edit: "vistied" may be two edits off "visited".
  const std::size_t most = std::max<std::size_t>(2, 2 * local.size() / 3);
  std::vector<std::pair<std::size_t, std::string_view>> near;
  for (const std::string& candidate : candidates) {
    const std::size_t start = LocalStart(candidate);
    const std::string_view other = std::string_view(candidate).substr(start);
    const std::size_t moved = std::string_view(candidate).substr(0, start) == ns ? 0 : 2;
    const std::size_t apart =
        other.size() > local.size() ? other.size() - local.size() : local.size() - other.size();
    if (candidate == unknown || moved + 2 * apart > most) continue;
    const std::size_t cost = moved + EditCost(local, other);
    if (cost <= most) near.emplace_back(cost, candidate);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> nearest;
  for (std::size_t i = 0; i < near.size() && i < limit; ++i) nearest.emplace_back(near[i].second);
  return nearest;
}

void WarnAboutUnknownNames(const query::PreparedRequest& request, const storage::Store& store,
                           std::ostream& err) {
  if (request.pattern_iris().empty()) return;
  const std::unique_ptr<storage::Snapshot> snapshot = store.GetSnapshot();
  if (!snapshot->Scan({})->Valid()) return;  // an empty store: every name is missing
  std::optional<std::vector<std::string>> predicates;  // read at the first unknown predicate
  for (const query::PatternIri& name : request.pattern_iris()) {
    Result<std::optional<storage::TermId>> id = snapshot->Lookup(rdf::TermView::Iri(name.iri));
    if (!id.ok() || id->has_value()) continue;
    std::vector<std::string> candidates = NeighboursOf(name.iri, *snapshot);
    if (name.role == query::PatternIri::Role::kPredicate) {
      if (!predicates) predicates = PredicatesInUse(store, *snapshot);
      candidates.insert(candidates.end(), predicates->begin(), predicates->end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::string> nearest;
    for (const std::string& iri : NearestIris(name.iri, candidates)) {
      nearest.push_back(repl::ShortTermText(rdf::TermView::Iri(iri), request.prefixes()));
    }
    const std::string written = name.written == "a" ? "a (rdf:type)" : name.written;
    err << fmt::format("warning: {} is not in the store{}\n", written,
                       nearest.empty() ? "" : fmt::format("; did you mean {}?", OneOf(nearest)));
  }
}

}  // namespace silk::shell
