#include "shell/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "shell/repl/box_table.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
// Beyond these the list says how many more there are: a schema is read, not searched
// (`silk stats` lists every predicate and graph).
constexpr std::size_t kMaxClasses = 100;
constexpr std::size_t kMaxPredicates = 200;
constexpr std::size_t kMaxGraphs = 20;
// Each side of a predicate's example is cut to this many columns.
constexpr std::size_t kExampleWidth = 36;

struct ClassCount {
  storage::TermId id = 0;
  std::uint64_t instances = 0;
};

// Instances per class: distinct subjects per object of rdf:type. The posg index holds
// rdf:type's statements by object, then subject, so one pass counts them without a map.
Result<std::vector<ClassCount>> CountClasses(const storage::Snapshot& snapshot,
                                             const std::atomic<bool>* cancel) {
  Result<std::optional<storage::TermId>> type = snapshot.Lookup(rdf::TermView::Iri(kRdfType));
  if (!type.ok()) return type.status();
  std::vector<ClassCount> classes;
  if (!*type) return classes;
  storage::QuadPattern typed;
  typed.p = **type;
  std::unique_ptr<storage::QuadIterator> it = snapshot.Scan(typed);
  storage::TermId last_subject = 0;
  std::uint64_t seen = 0;
  for (; it->Valid(); it->Next()) {
    if ((++seen & 0xFFFF) == 0 && cancel != nullptr && cancel->load()) {
      return Status::Cancelled("stopped by Ctrl-C");
    }
    const storage::QuadIds quad = it->quad();
    if (classes.empty() || classes.back().id != quad.o) {
      classes.push_back({quad.o, 0});
    } else if (quad.s == last_subject) {
      continue;  // the same instance, stated in another graph
    }
    last_subject = quad.s;
    ++classes.back().instances;
  }
  SILK_RETURN_IF_ERROR(it->status());
  std::stable_sort(classes.begin(), classes.end(), [](const ClassCount& a, const ClassCount& b) {
    return a.instances > b.instances;
  });
  return classes;
}

class Names {
 public:
  Names(const storage::Snapshot& snapshot, const repl::Prefixes& prefixes)
      : snapshot_(snapshot), prefixes_(prefixes) {}
  std::string Of(storage::TermId id) {
    if (id == storage::kDefaultGraphId) return "(default graph)";
    Result<rdf::Term> term = snapshot_.Decode(id);
    return term.ok() ? repl::ShortTermText(term->view(), prefixes_)
                     : fmt::format("(undecodable id {})", id);
  }

 private:
  const storage::Snapshot& snapshot_;
  const repl::Prefixes& prefixes_;
};

// "kca:YoonSukYeol → kca:Kazakhstan": the first statement of `predicate` in the index.
std::string ExampleOf(const storage::Snapshot& snapshot, storage::TermId predicate, Names& names) {
  storage::QuadPattern pattern;
  pattern.p = predicate;
  std::unique_ptr<storage::QuadIterator> it = snapshot.Scan(pattern);
  if (!it->Valid()) return {};
  const storage::QuadIds quad = it->quad();
  return fmt::format("{} \u2192 {}", repl::Elide(names.Of(quad.s), kExampleWidth),
                     repl::Elide(names.Of(quad.o), kExampleWidth));
}

std::string Padded(const std::string& text, std::size_t width) {
  return text + std::string(width - std::min(width, repl::DisplayWidth(text)), ' ');
}

void MoreLine(std::ostream& out, std::size_t shown, std::size_t total, std::string_view what) {
  if (total > shown) {
    out << fmt::format("  … and {} more {} (silk stats lists them all)\n",
                       FormatCount(total - shown), what);
  }
}

}  // namespace

Status WriteSchema(const storage::Store& store,
                   const std::vector<std::pair<std::string, std::string>>& prefixes,
                   std::ostream& out, const std::atomic<bool>* cancel) {
  Result<storage::StoreStats> stats = store.Stats();
  if (!stats.ok()) return stats.status();
  const std::unique_ptr<storage::Snapshot> snapshot = store.GetSnapshot();
  Result<std::vector<ClassCount>> classes = CountClasses(*snapshot, cancel);
  if (!classes.ok()) return classes.status();
  Names names(*snapshot, prefixes);

  out << fmt::format("{} {}\n", FormatCount(classes->size()),
                     classes->size() == 1 ? "class" : "classes");
  if (!classes->empty()) out << fmt::format("{:>12}  class\n", "instances");
  const std::size_t class_count = std::min(classes->size(), kMaxClasses);
  for (std::size_t i = 0; i < class_count; ++i) {
    out << fmt::format("{:>12}  {}\n", FormatCount((*classes)[i].instances),
                       names.Of((*classes)[i].id));
  }
  MoreLine(out, class_count, classes->size(), "classes");

  const std::size_t predicate_count = std::min(stats->predicates.size(), kMaxPredicates);
  std::vector<std::string> predicate_names;
  std::size_t name_width = std::string_view("predicate").size();
  for (std::size_t i = 0; i < predicate_count; ++i) {
    predicate_names.push_back(names.Of(stats->predicates[i].predicate));
    name_width = std::max(name_width, repl::DisplayWidth(predicate_names.back()));
  }
  out << fmt::format("\n{} {}\n", FormatCount(stats->predicates.size()),
                     stats->predicates.size() == 1 ? "predicate" : "predicates");
  if (predicate_count > 0) {
    out << fmt::format("{:>12} {:>10} {:>10}  {}  example\n", "statements", "subjects", "objects",
                       Padded("predicate", name_width));
  }
  for (std::size_t i = 0; i < predicate_count; ++i) {
    const storage::PredicateStats& p = stats->predicates[i];
    out << fmt::format("{:>12} {:>10} {:>10}  {}  {}\n", FormatCount(p.quads),
                       FormatCount(p.distinct_subjects), FormatCount(p.distinct_objects),
                       Padded(predicate_names[i], name_width),
                       ExampleOf(*snapshot, p.predicate, names));
  }
  MoreLine(out, predicate_count, stats->predicates.size(), "predicates");

  std::vector<storage::GraphStats> graphs = stats->graphs;
  std::stable_sort(
      graphs.begin(), graphs.end(),
      [](const storage::GraphStats& a, const storage::GraphStats& b) { return a.quads > b.quads; });
  out << fmt::format("\n{} {}\n", FormatCount(graphs.size()),
                     graphs.size() == 1 ? "graph" : "graphs");
  if (!graphs.empty()) out << fmt::format("{:>12}  graph\n", "statements");
  const std::size_t graph_count = std::min(graphs.size(), kMaxGraphs);
  for (std::size_t i = 0; i < graph_count; ++i) {
    out << fmt::format("{:>12}  {}\n", FormatCount(graphs[i].quads), names.Of(graphs[i].graph));
  }
  MoreLine(out, graph_count, graphs.size(), "graphs");
  return Status::Ok();
}

}  // namespace silk::shell
