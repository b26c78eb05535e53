// The neighbourhood of one entity, read from a store snapshot and made ready to draw: the
// entities within a few hops, each with its label, classes and literal facts; the edges
// between them, each once however many graphs state it; and what a node cap left out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::viz {

struct NeighbourhoodOptions {
  int depth = 1;                     // hops from the centre; REQUIRES: >= 1
  std::optional<std::string> graph;  // only the quads of this named graph (its IRI)
  std::size_t max_nodes = 30;        // the centre included; REQUIRES: >= 1
  // Quads read around any one node: a hub with millions of statements costs a bounded read
  // (and the picture says it is incomplete).
  std::size_t max_quads_per_node = 20000;
  // Asked between nodes (may be empty); once it says true, the read ends with kCancelled.
  std::function<bool()> stop;
};

// A literal stated about a node, shown inside it: "start date: 3 Dec 2024".
struct Fact {
  std::string predicate;  // the predicate's IRI
  std::string name;       // the predicate as words: "start date"
  std::string value;      // the literal, compact (a number with its unit when it has one)
  std::string lexical;    // the literal's lexical form (for ordering dates)
  bool is_date = false;
  std::vector<std::size_t> graphs;  // indexes into Neighbourhood::graphs, ascending
};

struct Node {
  storage::TermId id = 0;
  std::string iri;                   // the IRI, or "_:b…" for a blank node
  std::string label;                 // English label, else another, else the local name as words
  std::vector<std::string> classes;  // rdf:type, as stated (IRIs), in id order
  std::vector<Fact> facts;           // numbers with units first, then dates, numbers, text
  int hop = 0;                       // 0 for the centre
  std::uint64_t degree = 0;          // statements it is in (as subject or object)
};

struct Edge {
  std::size_t from = 0;  // index into Neighbourhood::nodes
  std::size_t to = 0;
  std::string predicate;            // IRI
  std::string name;                 // as words: "met with"
  std::vector<std::size_t> graphs;  // the graphs stating it, ascending; never empty
};

// A graph that states something in the picture: a source article, or the default graph.
struct Source {
  storage::TermId id = storage::kDefaultGraphId;
  std::string iri;    // empty for the default graph
  std::string title;  // the article's headline or label, else its local name
};

struct Neighbourhood {
  std::vector<Node> nodes;  // nodes[0] is the centre, then by hop, best connected first
  std::vector<Edge> edges;
  std::vector<Source> graphs;  // in the order their colours are given: by IRI
  int depth = 1;
  // What the node cap left out: entities linked to those drawn, within `depth` hops, that are
  // not drawn (beyond one hop, the neighbours of entities left out are not looked for), the
  // statements that would link them, and the labels of the best connected of them.
  std::size_t nodes_left_out = 0;
  std::size_t edges_left_out = 0;
  std::vector<std::string> left_out_examples;
  // Some node had more than max_quads_per_node statements: what it links to was sampled.
  bool sampled = false;
};

// Reads the neighbourhood of `centre` (an IRI). Labels (skos, rdfs, schema:name) and types are
// not drawn as edges: they name and shape the nodes; literals become facts of their node. The
// neighbours of each hop are taken best connected first (most links to what is drawn already,
// then most statements) until `max_nodes`.
// Errors: kNotFound when the store holds nothing about `centre` (or has no such graph);
// kCancelled when options.stop says so; storage errors.
Result<Neighbourhood> ReadNeighbourhood(const storage::Snapshot& snapshot,
                                        std::string_view centre,
                                        const NeighbourhoodOptions& options);

}  // namespace silk::viz

namespace silk::viz {

// What the cap left out, in words for the picture and for standard error ("22 more entities
// within 1 hop are left out (48 statements), the best connected being A, B, C"); empty when
// nothing was.
std::string LeftOutNote(const Neighbourhood& neighbourhood);

}  // namespace silk::viz
