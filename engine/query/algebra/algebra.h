// SPARQL's algebra (SPARQL 1.1, section 18): what a query means, between the parser's AST and
// the physical operators. The pipeline is
//
//   AST --Translate--> algebra --Optimize (rewrites)--> algebra --Planner--> operators
//
// and EXPLAIN shows each stage. A node does not own the AST's parts it names (triples,
// expressions, terms): the AST outlives the algebra and the plan made from it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "grammar/query/ast.h"

namespace silk::query::algebra {

enum class Kind : std::uint8_t {
  // Graph patterns.
  kBgp,        // `triples` (paths included), in the active graph
  kJoin,       // children[0] joined with children[1]
  kLeftJoin,   // OPTIONAL: children[0] left-joined with children[1] on `conditions` (may be none)
  kFilter,     // the rows of children[0] for which every one of `conditions` holds
  kUnion,      // the rows of each child in turn
  kMinus,      // the rows of children[0] not removed by children[1] (section 8.3)
  kGraph,      // children[0] matched in graph `graph` (an IRI, or a variable it binds)
  kExtend,     // children[0] with `bindings` added, in order (BIND, SELECT expressions)
  kTable,      // VALUES `values`, or (values null) the unit table: one row binding nothing
  kSemiJoin,   // FILTER EXISTS made a join: the rows of children[0] with a match in children[1]
  kAntiJoin,   // FILTER NOT EXISTS made a join: the rows of children[0] with none

  // Solution modifiers.
  kGroup,      // GROUP BY `query`'s keys with its aggregates, then its HAVING
  kOrderBy,    // sorted by `order`
  kTopK,       // the first `limit` rows in `order` (ORDER BY with LIMIT, rewritten)
  kProject,    // only `variables`, in that order
  kDistinct,   // each distinct row once
  kReduced,    // some duplicates may be dropped (here: as kDistinct)
  kSlice,      // rows `offset` .. `offset + limit`
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

// A FILTER comparison of a BGP's object variable with a constant (?d >= "2020-01-01"^^xsd:date),
// which the planner turns into key ranges of the scans that bind the variable. The filter
// itself stays where it was.
struct ObjectBound {
  std::string variable;
  const ast::Expression* comparison;
};

// SELECT's (expression AS ?v) or BIND(expression AS ?v).
struct Binding {
  const ast::Term* variable;
  const ast::Expression* expression;
};

struct Node {
  Kind kind;
  std::vector<NodePtr> children;

  std::vector<const ast::TriplePattern*> triples;   // kBgp
  std::vector<ObjectBound> object_bounds;           // kBgp
  std::vector<const ast::Expression*> conditions;   // kFilter (conjuncts), kLeftJoin
  const ast::Term* graph = nullptr;                 // kGraph
  const ast::GroupPattern* pattern = nullptr;       // kGraph: the group it was translated from
  std::vector<Binding> bindings;                    // kExtend
  const ast::ValuesBlock* values = nullptr;         // kTable
  const ast::Query* query = nullptr;                // kGroup
  std::vector<const ast::OrderCondition*> order;    // kOrderBy, kTopK
  std::vector<std::string> variables;               // kProject
  std::uint64_t offset = 0;                         // kSlice
  std::optional<std::uint64_t> limit;               // kSlice, kTopK (always set)

  explicit Node(Kind k) : kind(k) {}
  const Node& child(std::size_t i = 0) const { return *children[i]; }
  Node& child(std::size_t i = 0) { return *children[i]; }
};

// Makers for the common shapes.
NodePtr MakeNode(Kind kind, std::vector<NodePtr> children = {});
NodePtr Unit();

}  // namespace silk::query::algebra
