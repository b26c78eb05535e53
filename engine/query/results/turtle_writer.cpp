// Turtle and TriG for people: each subject once, its predicates after ';' and its objects
// after ','. That needs the whole graph, so statements are held until End(); a CONSTRUCT or
// DESCRIBE keeps every statement in memory anyway, to write each one once.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "engine/query/results/graph_writers.h"
#include "engine/query/results/turtle_text.h"
#include "grammar/rdf/ntriples_writer.h"

namespace silk::query {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
// Objects of one predicate share a line until it would be longer than this.
constexpr std::size_t kLineWidth = 100;

struct Predicate {
  std::string name;
  std::vector<std::string> objects;
};

struct Subject {
  std::string name;
  std::vector<Predicate> predicates;  // `a` first, the others as they came
};

struct Graph {
  std::string name;  // empty for the default graph
  std::vector<Subject> subjects;  // as they came
  std::unordered_map<std::string, std::size_t> index;

  Subject& SubjectNamed(const std::string& subject) {
    auto [it, added] = index.emplace(subject, subjects.size());
    if (added) subjects.push_back({subject, {}});
    return subjects[it->second];
  }
};

class TurtleWriter final : public ResultWriter {
 public:
  TurtleWriter(std::ostream& out, std::vector<std::pair<std::string, std::string>> prefixes,
               bool trig)
      : out_(out), trig_(trig) {
    // A later declaration of a name wins, as in a query's prologue.
    for (auto& prefix : prefixes) {
      auto it = std::find_if(prefixes_.begin(), prefixes_.end(),
                             [&](const auto& p) { return p.first == prefix.first; });
      if (it != prefixes_.end()) {
        it->second = std::move(prefix.second);
      } else {
        prefixes_.push_back(std::move(prefix));
      }
    }
    used_.assign(prefixes_.size(), false);
  }

  void Begin(const std::vector<std::string>&) override {}
  void WriteRow(Row) override {}
  void WriteBoolean(bool) override {}

  void WriteTriple(const rdf::QuadView& quad) override {
    const std::string graph_name =
        trig_ && !quad.graph.IsDefaultGraph() ? Text(quad.graph) : std::string();
    auto [it, added] = graph_index_.emplace(graph_name, graphs_.size());
    if (added) graphs_.push_back({graph_name, {}, {}});
    Subject& subject = graphs_[it->second].SubjectNamed(Text(quad.subject));
    const bool is_type = quad.predicate.IsIri() && quad.predicate.value == kRdfType;
    std::string predicate = is_type ? "a" : Text(quad.predicate);
    auto same = std::find_if(subject.predicates.begin(), subject.predicates.end(),
                             [&](const Predicate& p) { return p.name == predicate; });
    if (same == subject.predicates.end()) {
      same =
          subject.predicates.insert(is_type ? subject.predicates.begin() : subject.predicates.end(),
                                    {std::move(predicate), {}});
    }
    same->objects.push_back(Text(quad.object));
  }

  void End() override {
    if (graphs_.empty()) return;
    for (std::size_t i = 0; i < prefixes_.size(); ++i) {
      if (!used_[i]) continue;
      std::string iri;
      rdf::AppendTerm(iri, rdf::TermView::Iri(prefixes_[i].second));
      out_ << fmt::format("@prefix {}: {} .\n", prefixes_[i].first, iri);
    }
    // A blank line between subjects, and between the prefixes and what follows.
    bool separate = std::find(used_.begin(), used_.end(), true) != used_.end();
    // The default graph first, bare (TriG allows that too); then each named graph in a block.
    std::stable_partition(graphs_.begin(), graphs_.end(),
                          [](const Graph& g) { return g.name.empty(); });
    for (const Graph& graph : graphs_) {
      if (graph.name.empty()) {
        for (const Subject& subject : graph.subjects) {
          if (separate) out_ << '\n';
          WriteSubject(subject, "");
          separate = true;
        }
        continue;
      }
      if (separate) out_ << '\n';
      out_ << graph.name << " {\n";
      for (std::size_t i = 0; i < graph.subjects.size(); ++i) {
        if (i > 0) out_ << '\n';
        WriteSubject(graph.subjects[i], "    ");
      }
      out_ << "}\n";
      separate = true;
    }
    graphs_.clear();
    graph_index_.clear();
  }

 private:
  void WriteSubject(const Subject& subject, const std::string& indent) {
    std::string text = indent + subject.name;
    const std::string more = indent + "    ";
    for (std::size_t p = 0; p < subject.predicates.size(); ++p) {
      const Predicate& predicate = subject.predicates[p];
      text += p == 0 ? " " : " ;\n" + more;
      text += predicate.name;
      std::size_t width = 0;
      for (const std::string& object : predicate.objects) width += object.size() + 2;
      // Objects on the predicate's line while they fit, else one a line below it.
      const bool one_line = more.size() + predicate.name.size() + width <= kLineWidth;
      for (std::size_t o = 0; o < predicate.objects.size(); ++o) {
        if (one_line) {
          text += o == 0 ? " " : ", ";
        } else {
          text += (o == 0 ? "\n" : ",\n") + more + "    ";
        }
        text += predicate.objects[o];
      }
    }
    out_ << text << " .\n";
  }

  // A term as Turtle writes it, with the prefixes and the short forms of literals.
  std::string Text(const rdf::TermView& term) {
    if (term.IsIri()) return IriText(term.value);
    if (!term.IsLiteral() || IsBareInTurtle(term)) return TurtleText(term);
    std::string text;
    rdf::AppendTerm(text, rdf::TermView::Literal(term.value, {}, term.language));
    const rdf::TermView canonical = term.Canonical();
    if (canonical.language.empty() && !canonical.datatype.empty()) {
      text += "^^" + IriText(canonical.datatype);
    }
    return text;
  }

  std::string IriText(std::string_view iri) {
    // The longest namespace wins, as a reader would choose.
    std::size_t best = prefixes_.size();
    for (std::size_t i = 0; i < prefixes_.size(); ++i) {
      const std::string& ns = prefixes_[i].second;
      if (iri.starts_with(ns) && IsPlainLocalName(iri.substr(ns.size())) &&
          (best == prefixes_.size() || ns.size() > prefixes_[best].second.size())) {
        best = i;
      }
    }
    if (best == prefixes_.size()) return TurtleText(rdf::TermView::Iri(iri));
    used_[best] = true;
    return fmt::format("{}:{}", prefixes_[best].first, iri.substr(prefixes_[best].second.size()));
  }

  std::ostream& out_;
  const bool trig_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<bool> used_;  // by prefixes_ index: declared at the top when true
  std::vector<Graph> graphs_;
  std::unordered_map<std::string, std::size_t> graph_index_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeTurtleWriter(
    std::ostream& out, std::vector<std::pair<std::string, std::string>> prefixes, bool trig) {
  return std::make_unique<TurtleWriter>(out, std::move(prefixes), trig);
}

}  // namespace silk::query
