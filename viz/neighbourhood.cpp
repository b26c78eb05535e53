#include "viz/neighbourhood.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "engine/names/label_predicates.h"
#include "grammar/rdf/term.h"
#include "viz/term_text.h"
#include "viz/vocabulary.h"

namespace silk::viz {
namespace {

using storage::QuadIds;
using storage::QuadPattern;
using storage::TermId;

// How good a label's language is, lower first (the predicate's rank comes first:
// names::LabelPredicate): English before no language before the others.
int LanguageRank(std::string_view language) {
  if (language == "en" || language.starts_with("en-")) return 0;
  return language.empty() ? 1 : 2;
}

// The ranking of facts within a node: numbers with units, dates, other numbers, text.
int FactRank(const Fact& fact, bool has_unit) {
  if (has_unit) return 0;
  if (fact.is_date) return 1;
  return fact.value == fact.lexical ? 3 : 2;
}

class Reader {
 public:
  Reader(const storage::Snapshot& snapshot, const NeighbourhoodOptions& options)
      : snapshot_(snapshot), options_(options) {}

  Result<Neighbourhood> Read(std::string_view centre);

 private:
  struct Candidate {
    TermId id = 0;
    std::size_t links = 0;  // statements linking it to what is drawn already
    std::uint64_t degree = 0;
  };

  Status LookUpVocabulary();
  // The id of `iri` in `id` (none: no statement uses it); a read error is returned, never
  // taken for an IRI the store lacks.
  Status Id(std::string_view iri, std::optional<TermId>& id) const;
  // Calls `visit` for each quad with `id` as subject (outgoing) and then as object, at most
  // max_quads_per_node of each.
  template <typename Visit>
  Status ForEachQuadOf(TermId id, bool outgoing, Visit&& visit);
  bool IsLinkPredicate(TermId p) const { return !hidden_predicates_.contains(p); }
  Result<std::string> Text(TermId id);
  Result<std::string> BestLabel(TermId id);
  Result<std::uint64_t> Degree(TermId id);
  Status DescribeNode(Node& node);
  Result<std::size_t> GraphIndex(TermId graph);
  Status ReadEdges(Neighbourhood& out);
  Status TitleGraphs(Neighbourhood& out);
  Status CheckStop() const {
    if (options_.stop && options_.stop()) return Status::Cancelled("the picture took too long");
    return Status::Ok();
  }

  const storage::Snapshot& snapshot_;
  const NeighbourhoodOptions& options_;
  std::optional<TermId> graph_;
  std::map<TermId, int> label_rank_;     // label predicate → rank (-1: never shown)
  std::set<TermId> hidden_predicates_;   // drawn as something else than an edge
  std::optional<TermId> type_, unit_, qualifier_, date_note_, headline_, description_;
  std::set<TermId> value_predicates_;
  std::unordered_map<TermId, std::string> texts_;
  std::map<TermId, std::size_t> graph_index_;  // graph id → index, before sorting
  std::vector<Source> graphs_;
  std::map<TermId, std::size_t> node_index_;
  std::set<TermId> left_out_ids_;  // within the depth, not drawn because of the cap
  bool sampled_ = false;
};

Status Reader::Id(std::string_view iri, std::optional<TermId>& id) const {
  Result<std::optional<TermId>> found = snapshot_.Lookup(rdf::TermView::Iri(iri));
  if (!found.ok()) return found.status();
  id = *found;
  return Status::Ok();
}

Status Reader::LookUpVocabulary() {
  for (const names::LabelPredicate& label : names::kLabelPredicates) {
    std::optional<TermId> id;
    SILK_RETURN_IF_ERROR(Id(label.iri, id));
    if (id) {
      label_rank_[*id] = label.display_rank;
      hidden_predicates_.insert(*id);
    }
  }
  SILK_RETURN_IF_ERROR(Id(rdf::kRdfType, type_));
  SILK_RETURN_IF_ERROR(Id(vocab::kKcaUnit, unit_));
  SILK_RETURN_IF_ERROR(Id(vocab::kKcaQualifier, qualifier_));
  SILK_RETURN_IF_ERROR(Id(vocab::kKcaDateResolvedFrom, date_note_));
  SILK_RETURN_IF_ERROR(Id(vocab::kSchemaHeadline, headline_));
  SILK_RETURN_IF_ERROR(Id(vocab::kDctDescription, description_));
  for (const auto& id : {type_, unit_, qualifier_, date_note_}) {
    if (id) hidden_predicates_.insert(*id);
  }
  for (const std::string_view iri : {vocab::kProvValue, vocab::kRdfValue}) {
    std::optional<TermId> id;
    SILK_RETURN_IF_ERROR(Id(iri, id));
    if (id) value_predicates_.insert(*id);
  }
  return Status::Ok();
}

template <typename Visit>
Status Reader::ForEachQuadOf(TermId id, bool outgoing, Visit&& visit) {
  QuadPattern pattern;
  if (outgoing) {
    pattern.s = id;
  } else {
    pattern.o = id;
  }
  pattern.g = graph_;
  std::unique_ptr<storage::QuadIterator> it = snapshot_.Scan(pattern);
  std::size_t read = 0;
  for (; it->Valid(); it->Next()) {
    if (++read > options_.max_quads_per_node) {
      sampled_ = true;
      break;
    }
    SILK_RETURN_IF_ERROR(visit(it->quad()));
  }
  return it->status();
}

Result<std::string> Reader::Text(TermId id) {
  if (auto it = texts_.find(id); it != texts_.end()) return it->second;
  Result<rdf::Term> term = snapshot_.Decode(id);
  if (!term.ok()) return term.status();
  std::string text = term->kind == rdf::TermKind::kBlank ? "_:" + term->value : term->value;
  return texts_.emplace(id, std::move(text)).first->second;
}

Result<std::string> Reader::BestLabel(TermId id) {
  std::tuple<int, int, std::size_t, std::string> best{99, 99, 0, ""};
  for (const auto& [predicate, rank] : label_rank_) {
    if (rank < 0) continue;
    QuadPattern pattern;
    pattern.s = id;
    pattern.p = predicate;  // a label from any graph names the node, whatever --graph says
    std::unique_ptr<storage::QuadIterator> it = snapshot_.Scan(pattern);
    for (std::size_t n = 0; it->Valid() && n < 256; it->Next(), ++n) {
      if (!storage::IsLiteralId(it->quad().o)) continue;
      Result<rdf::Term> label = snapshot_.Decode(it->quad().o);
      if (!label.ok()) return label.status();
      std::tuple<int, int, std::size_t, std::string> candidate{
          rank, LanguageRank(label->language), label->value.size(), label->value};
      if (candidate < best) best = std::move(candidate);
    }
    SILK_RETURN_IF_ERROR(it->status());
  }
  return std::get<3>(best);
}

Result<std::uint64_t> Reader::Degree(TermId id) {
  QuadPattern out;
  out.s = id;
  out.g = graph_;
  QuadPattern in;
  in.o = id;
  in.g = graph_;
  Result<std::uint64_t> outgoing = snapshot_.Count(out);
  if (!outgoing.ok()) return outgoing.status();
  Result<std::uint64_t> incoming = snapshot_.Count(in);
  if (!incoming.ok()) return incoming.status();
  return *outgoing + *incoming;
}

Result<std::size_t> Reader::GraphIndex(TermId graph) {
  if (auto it = graph_index_.find(graph); it != graph_index_.end()) return it->second;
  Source source;
  source.id = graph;
  if (graph != storage::kDefaultGraphId) {
    Result<std::string> iri = Text(graph);
    if (!iri.ok()) return iri.status();
    source.iri = *iri;
  }
  graphs_.push_back(std::move(source));
  return graph_index_.emplace(graph, graphs_.size() - 1).first->second;
}

Status Reader::DescribeNode(Node& node) {
  Result<std::string> iri = Text(node.id);
  if (!iri.ok()) return iri.status();
  node.iri = *iri;
  std::optional<TermId> unit;
  std::optional<TermId> qualifier;
  std::set<TermId> classes;
  // (predicate, object) → graphs: a fact stated by several articles is one fact.
  std::map<std::pair<TermId, TermId>, std::set<TermId>> facts;
  SILK_RETURN_IF_ERROR(ForEachQuadOf(node.id, true, [&](const QuadIds& q) {
    if (q.p == type_) {
      classes.insert(q.o);
    } else if (q.p == unit_) {
      unit = q.o;
    } else if (q.p == qualifier_) {
      qualifier = q.o;
    } else if (storage::IsLiteralId(q.o) && !hidden_predicates_.contains(q.p)) {
      facts[{q.p, q.o}].insert(q.g);
    }
    return Status::Ok();
  }));
  for (const TermId cls : classes) {
    Result<std::string> text = Text(cls);
    if (!text.ok()) return text.status();
    node.classes.push_back(*text);
  }
  // A unit or qualifier is shown by its label, else its local name ("Percent" → "%").
  const auto word_for = [&](std::optional<TermId> id) -> Result<std::string> {
    if (!id) return std::string();
    Result<std::string> label = BestLabel(*id);
    if (!label.ok() || !label->empty()) return label;
    Result<std::string> text = Text(*id);
    if (!text.ok()) return text.status();
    return std::string(LocalName(*text));
  };
  Result<std::string> unit_word = word_for(unit);
  if (!unit_word.ok()) return unit_word.status();
  Result<std::string> qualifier_word = word_for(qualifier);
  if (!qualifier_word.ok()) return qualifier_word.status();

  std::vector<std::pair<int, Fact>> ranked;
  for (const auto& [key, graphs] : facts) {
    Result<rdf::Term> literal = snapshot_.Decode(key.second);
    if (!literal.ok()) return literal.status();
    Result<std::string> predicate = Text(key.first);
    if (!predicate.ok()) return predicate.status();
    Fact fact;
    fact.predicate = *predicate;
    fact.name = NameAsWords(LocalName(*predicate));
    fact.lexical = literal->value;
    fact.is_date = IsDateLiteral(literal->view());
    const bool with_unit = value_predicates_.contains(key.first) && (unit || qualifier);
    fact.value = with_unit ? ValueWithUnit(literal->view(), *unit_word, *qualifier_word)
                           : CompactLiteral(literal->view());
    for (const TermId g : graphs) {
      Result<std::size_t> index = GraphIndex(g);
      if (!index.ok()) return index.status();
      fact.graphs.push_back(*index);
    }
    std::sort(fact.graphs.begin(), fact.graphs.end());
    ranked.emplace_back(FactRank(fact, with_unit), std::move(fact));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [rank, fact] : ranked) node.facts.push_back(std::move(fact));

  Result<std::string> label = BestLabel(node.id);
  if (!label.ok()) return label.status();
  node.label = *label;
  if (node.label.empty()) {
    node.label = node.iri.starts_with("_:") && !node.classes.empty()
                     ? "(a " + NameAsWords(LocalName(node.classes.front())) + ")"
                     : NameAsWords(LocalName(node.iri));
  }
  return Status::Ok();
}

Status Reader::ReadEdges(Neighbourhood& out) {
  std::map<std::tuple<std::size_t, std::size_t, TermId>, std::set<TermId>> edges;
  std::set<std::tuple<TermId, TermId, TermId>> left_out;
  for (std::size_t from = 0; from < out.nodes.size(); ++from) {
    SILK_RETURN_IF_ERROR(CheckStop());
    const TermId id = out.nodes[from].id;
    for (const bool outgoing : {true, false}) {
      SILK_RETURN_IF_ERROR(ForEachQuadOf(id, outgoing, [&](const QuadIds& q) {
        const TermId other = outgoing ? q.o : q.s;
        if (!IsLinkPredicate(q.p) || storage::IsLiteralId(other)) return Status::Ok();
        const auto at = node_index_.find(other);
        if (at == node_index_.end()) {
          // Only what the cap left out counts: nodes beyond the depth were never asked for.
          if (left_out_ids_.contains(other)) left_out.emplace(q.s, q.p, q.o);
        } else if (outgoing) {
          edges[{from, at->second, q.p}].insert(q.g);
        }
        return Status::Ok();
      }));
    }
  }
  for (const auto& [key, graphs] : edges) {
    const auto& [from, to, p] = key;
    Result<std::string> predicate = Text(p);
    if (!predicate.ok()) return predicate.status();
    Edge edge{.from = from, .to = to, .predicate = *predicate,
              .name = NameAsWords(LocalName(*predicate)), .graphs = {}};
    for (const TermId g : graphs) {
      Result<std::size_t> index = GraphIndex(g);
      if (!index.ok()) return index.status();
      edge.graphs.push_back(*index);
    }
    out.edges.push_back(std::move(edge));
  }
  out.edges_left_out = left_out.size();
  return Status::Ok();
}

Status Reader::TitleGraphs(Neighbourhood& out) {
  for (Source& source : graphs_) {
    if (source.id == storage::kDefaultGraphId) {
      source.title = "the default graph";
      continue;
    }
    std::tuple<int, std::string> best{99, ""};
    if (headline_) {
      QuadPattern pattern;
      pattern.s = source.id;
      pattern.p = *headline_;
      std::unique_ptr<storage::QuadIterator> it = snapshot_.Scan(pattern);
      for (; it->Valid(); it->Next()) {
        Result<rdf::Term> headline = snapshot_.Decode(it->quad().o);
        if (!headline.ok()) return headline.status();
        best = std::min(best, std::tuple<int, std::string>{LanguageRank(headline->language), headline->value});
      }
      SILK_RETURN_IF_ERROR(it->status());
    }
    if (std::get<1>(best).empty()) {
      Result<std::string> label = BestLabel(source.id);
      if (!label.ok()) return label.status();
      std::get<1>(best) = *label;
    }
    if (std::get<1>(best).empty() && description_) {
      // An article without a headline: what it is, in the words of its description, up to
      // the first ';' (a description goes on about the page itself after it).
      QuadPattern pattern;
      pattern.s = source.id;
      pattern.p = *description_;
      std::unique_ptr<storage::QuadIterator> it = snapshot_.Scan(pattern);
      if (it->Valid()) {
        Result<rdf::Term> description = snapshot_.Decode(it->quad().o);
        if (!description.ok()) return description.status();
        std::get<1>(best) = description->value.substr(0, description->value.find(';'));
      }
      SILK_RETURN_IF_ERROR(it->status());
    }
    source.title = std::get<1>(best).empty() ? std::string(LocalName(source.iri)) : std::get<1>(best);
  }
  // Colours go by IRI, so that the same article keeps its colour from picture to picture of
  // one store; the default graph comes last.
  std::vector<std::size_t> order(graphs_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::make_tuple(graphs_[a].iri.empty(), graphs_[a].iri) <
           std::make_tuple(graphs_[b].iri.empty(), graphs_[b].iri);
  });
  std::vector<std::size_t> new_index(graphs_.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
    out.graphs.push_back(graphs_[order[i]]);
  }
  const auto renumber = [&](std::vector<std::size_t>& indexes) {
    for (std::size_t& index : indexes) index = new_index[index];
    std::sort(indexes.begin(), indexes.end());
  };
  for (Edge& edge : out.edges) renumber(edge.graphs);
  for (Node& node : out.nodes) {
    for (Fact& fact : node.facts) renumber(fact.graphs);
  }
  return Status::Ok();
}

Result<Neighbourhood> Reader::Read(std::string_view centre) {
  SILK_RETURN_IF_ERROR(LookUpVocabulary());
  if (options_.graph) {
    SILK_RETURN_IF_ERROR(Id(*options_.graph, graph_));
    if (!graph_) return Status::NotFound(fmt::format("the store has no graph <{}>", *options_.graph));
  }
  std::optional<TermId> centre_id;
  SILK_RETURN_IF_ERROR(Id(centre, centre_id));
  Result<std::uint64_t> centre_degree = centre_id ? Degree(*centre_id) : Result<std::uint64_t>(0);
  if (!centre_degree.ok()) return centre_degree.status();
  if (*centre_degree == 0) {
    return Status::NotFound(options_.graph
                                ? fmt::format("the graph <{}> holds nothing about <{}>", *options_.graph, centre)
                                : fmt::format("the store holds nothing about <{}>", centre));
  }

  Neighbourhood out;
  out.depth = options_.depth;
  Node centre_node;
  centre_node.id = *centre_id;
  centre_node.degree = *centre_degree;
  out.nodes.push_back(std::move(centre_node));
  node_index_[*centre_id] = 0;
  std::vector<std::size_t> frontier = {0};
  std::vector<Candidate> left_out;
  for (int hop = 1; hop <= options_.depth && !frontier.empty(); ++hop) {
    std::map<TermId, Candidate> candidates;
    for (const std::size_t index : frontier) {
      SILK_RETURN_IF_ERROR(CheckStop());
      const TermId id = out.nodes[index].id;
      for (const bool outgoing : {true, false}) {
        SILK_RETURN_IF_ERROR(ForEachQuadOf(id, outgoing, [&](const QuadIds& q) {
          const TermId other = outgoing ? q.o : q.s;
          if (!IsLinkPredicate(q.p) || storage::IsLiteralId(other) || node_index_.contains(other) ||
              left_out_ids_.contains(other)) {
            return Status::Ok();
          }
          Candidate& candidate = candidates[other];
          candidate.id = other;
          ++candidate.links;
          return Status::Ok();
        }));
      }
    }
    std::vector<Candidate> ranked;
    for (auto& [id, candidate] : candidates) {
      SILK_RETURN_IF_ERROR(CheckStop());
      Result<std::uint64_t> degree = Degree(id);
      if (!degree.ok()) return degree.status();
      candidate.degree = *degree;
      ranked.push_back(candidate);
    }
    std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(b.links, b.degree, a.id) < std::tie(a.links, a.degree, b.id);
    });
    frontier.clear();
    for (const Candidate& candidate : ranked) {
      if (out.nodes.size() >= options_.max_nodes) {
        left_out.push_back(candidate);
        left_out_ids_.insert(candidate.id);
        continue;
      }
      node_index_[candidate.id] = out.nodes.size();
      frontier.push_back(out.nodes.size());
      Node node;
      node.id = candidate.id;
      node.hop = hop;
      node.degree = candidate.degree;
      out.nodes.push_back(std::move(node));
    }
  }
  for (Node& node : out.nodes) {
    SILK_RETURN_IF_ERROR(CheckStop());
    SILK_RETURN_IF_ERROR(DescribeNode(node));
  }
  SILK_RETURN_IF_ERROR(ReadEdges(out));
  SILK_RETURN_IF_ERROR(TitleGraphs(out));

  out.nodes_left_out = left_out.size();
  // The best connected of what was left out, nearest hop first (left_out is in that order).
  for (std::size_t i = 0; i < left_out.size() && i < 5; ++i) {
    Result<std::string> label = BestLabel(left_out[i].id);
    if (!label.ok()) return label.status();
    if (label->empty()) {
      Result<std::string> text = Text(left_out[i].id);
      if (!text.ok()) return text.status();
      *label = NameAsWords(LocalName(*text));
    }
    out.left_out_examples.push_back(*label);
  }
  out.sampled = sampled_;
  return out;
}

}  // namespace

Result<Neighbourhood> ReadNeighbourhood(const storage::Snapshot& snapshot, std::string_view centre,
                                        const NeighbourhoodOptions& options) {
  Reader reader(snapshot, options);
  return reader.Read(centre);
}

}  // namespace silk::viz

namespace silk::viz {

std::string LeftOutNote(const Neighbourhood& n) {
  std::string note;
  if (n.nodes_left_out > 0) {
    const bool one = n.nodes_left_out == 1;
    // Beyond one hop only the neighbours of what is drawn were looked at: say so.
    note = fmt::format("{} more {} {} {} left out ({} statement{}, see --max-nodes)",
                       n.nodes_left_out, one ? "entity" : "entities",
                       n.depth == 1 ? std::string("within 1 hop")
                                    : fmt::format("within {} hops (linked to those drawn)", n.depth),
                       one ? "is" : "are", n.edges_left_out, n.edges_left_out == 1 ? "" : "s");
    // Only when this is not the whole list, "such as" is honest.
    if (!n.left_out_examples.empty()) {
      note += n.left_out_examples.size() < n.nodes_left_out ? ", such as " : ": ";
      for (std::size_t i = 0; i < n.left_out_examples.size(); ++i) {
        note += (i == 0 ? "" : ", ") + n.left_out_examples[i];
      }
    }
  }
  if (n.sampled) {
    if (!note.empty()) note += "; ";
    note += "an entity has too many statements to read them all: its links were sampled";
  }
  return note;
}

}  // namespace silk::viz
