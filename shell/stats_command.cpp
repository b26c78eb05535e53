// silk stats: what the store holds.
#include <fmt/format.h>

#include <algorithm>

#include "grammar/rdf/ntriples_writer.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/store_location.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

std::string TermText(const storage::Snapshot& snapshot, storage::TermId id) {
  if (id == storage::kDefaultGraphId) return "(default graph)";
  Result<rdf::Term> term = snapshot.Decode(id);
  if (!term.ok()) return fmt::format("(undecodable id {})", id);
  std::string text;
  rdf::AppendTerm(text, term->view());
  return text;
}

}  // namespace

int RunStats(const Invocation& invocation) {
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  Result<storage::StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) return ReportFailure(stats.status());
  std::unique_ptr<storage::Snapshot> snapshot = (*store)->GetSnapshot();

  const std::size_t named_graphs = std::count_if(
      stats->graphs.begin(), stats->graphs.end(),
      [](const storage::GraphStats& g) { return g.graph != storage::kDefaultGraphId; });
  fmt::print("store        {}\n", (*store)->dir());
  fmt::print("quads        {}\n", FormatCount(stats->quads));
  fmt::print("terms        {}\n", FormatCount(stats->terms));
  fmt::print("graphs       {} named, plus the default graph\n", FormatCount(named_graphs));
  fmt::print("predicates   {}\n", FormatCount(stats->predicates.size()));
  fmt::print("on disk      {}", FormatBytes(stats->bytes_on_disk));
  if (stats->quads > 0) {
    fmt::print(" ({:.1f} bytes per quad)",
               static_cast<double>(stats->bytes_on_disk) / static_cast<double>(stats->quads));
  }
  fmt::print("\n");

  if (!stats->graphs.empty()) {
    fmt::print("\n{:>12}  graph\n", "quads");
    for (const storage::GraphStats& g : stats->graphs) {
      fmt::print("{:>12}  {}\n", FormatCount(g.quads), TermText(*snapshot, g.graph));
    }
  }
  if (!stats->predicates.empty()) {
    fmt::print("\n{:>12} {:>12} {:>12}  predicate\n", "quads", "subjects", "objects");
    for (const storage::PredicateStats& p : stats->predicates) {
      fmt::print("{:>12} {:>12} {:>12}  {}\n", FormatCount(p.quads),
                 FormatCount(p.distinct_subjects), FormatCount(p.distinct_objects),
                 TermText(*snapshot, p.predicate));
    }
  }
  return kExitOk;
}

}  // namespace silk::shell
