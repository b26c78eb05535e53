// The planner: turns a query's algebra (after the optimizer's rewrites) into a tree of
// physical operators, choosing join orders and join methods from the store's statistics.
#pragma once

#include <map>
#include <set>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/query/algebra/algebra.h"
#include "engine/query/expr/expression_compiler.h"
#include "engine/query/operators/operators.h"
#include "engine/query/operators/costs.h"
#include "engine/storage/store.h"
#include "grammar/query/ast.h"

namespace silk::query {

// The most rows of a scan whose values the planner reads to estimate what joins to it.
inline constexpr double kValuesReadWhilePlanning = 256;
// Of those, how many the rows joined onto them as subjects are counted for (FanoutOverValues).
inline constexpr std::size_t kSubjectsCountedWhilePlanning = 8;

// Which graphs a query reads.
struct Dataset {
  // True: the default graph is the union of every graph (SilkGraph's default). False: the
  // store's default graph alone (SPARQL's plain semantics).
  bool union_default_graph = true;
  // FROM / FROM NAMED, as ids of stored graphs (graphs the store lacks are simply empty).
  std::optional<std::vector<TermId>> default_graphs;
  std::optional<std::vector<TermId>> named_graphs;
};

// The dataset of FROM / FROM NAMED clauses (none: the store's, per `union_default_graph`).
Dataset ResolveDataset(ExecContext& ctx, const std::vector<ast::DatasetClause>& clauses,
                       bool union_default_graph);

class Planner final : public ExistsEvaluator {
 public:
  // `stats` may be empty; estimates then come from the snapshot alone. `rewrite`: whether
  // the algebra of EXISTS patterns and updates' WHERE goes through the optimizer.
  Planner(ExecContext& ctx, expr::FunctionContext& functions, const storage::StoreStats& stats,
          bool rewrite = true);

  // The operators of a query's algebra (algebra::TranslateQuery, then optimizer::Optimize);
  // the root's columns are the result's (SELECT's projection; every visible variable for the
  // other forms). REQUIRES: `root` and the AST it names outlive the operators.
  OperatorPtr PlanQuery(const algebra::Node& root, const Dataset& dataset);

  // The operators of a group pattern alone (the WHERE of an update).
  OperatorPtr PlanWhere(const ast::GroupPattern& where, const Dataset& dataset);

  bool Exists(const ast::GroupPattern& pattern, const ast::Term* graph,
              const std::vector<VarId>& columns, std::span<const TermId> row) override;

 private:
  // Filters waiting for their variables: each runs as soon as they are bound for good.
  using Filters = std::vector<const ast::Expression*>;

  // The graph the patterns being planned read: the dataset's default graph, or GRAPH's.
  struct GraphContext {
    std::optional<ast::Term> graph;  // an IRI or a variable; empty: the default graph
  };
  // Sets `graph_` for one scope of planning and restores it on the way out.
  class GraphSwitch {
   public:
    GraphSwitch(GraphContext& slot, const GraphContext& graph) : slot_(slot), saved_(slot) {
      slot_ = graph;
    }
    ~GraphSwitch() { slot_ = std::move(saved_); }
    GraphSwitch(const GraphSwitch&) = delete;
    GraphSwitch& operator=(const GraphSwitch&) = delete;

   private:
    GraphContext& slot_;
    GraphContext saved_;
  };

  // The operators of an algebra node, with no filters waiting.
  OperatorPtr Plan(const algebra::Node& node);
  // The operators of `node` joined onto `left` (may be null: nothing before), applying each
  // of `filters` as soon as the variables it reads are bound for good (and removing it from
  // the list). A group's elements are a left-deep tree: each step joins what came before.
  OperatorPtr PlanOnto(OperatorPtr left, const algebra::Node& node, Filters& filters);
  OperatorPtr PlanSemiJoin(OperatorPtr left, const algebra::Node& pattern, bool anti);
  // Whether a semi-join, anti-join or MINUS of the two can merge on their `shared` variables.
  static bool Mergeable(const Operator& left, const Operator& right,
                        const std::vector<VarId>& shared);
  // OPTIONAL of one triple pattern by index seeks, when that is cheaper than hashing the
  // pattern; null (and `left` untouched) otherwise.
  OperatorPtr PlanIndexLeftJoin(OperatorPtr& left, const algebra::Node& left_join);
  // OPTIONAL { B OPTIONAL { C } } of one triple pattern each as two index left joins onto
  // `left` (planner/nested_optional.cpp); null (and `left` untouched) where that does not fit.
  OperatorPtr PlanNestedOptional(OperatorPtr& left, const algebra::Node& left_join);
  // The OPTIONAL part of a kLeftJoin node (its right side, on its conditions) joined onto
  // `left`, the rows of its left side.
  OperatorPtr PlanLeftJoin(OperatorPtr left, const algebra::Node& left_join);
  // `left_join` = (A OPTIONAL X) OPTIONAL Y with Y one triple pattern and X not, `a` the rows
  // of A: whether Y may be joined before X (planner/optional_order.cpp).
  bool OptionalGoesFirst(const Operator& a, const algebra::Node& left_join);
  // GROUP BY, the aggregates and HAVING of an algebra::Kind::kGroup node.
  OperatorPtr PlanAggregation(const algebra::Node& node);
  // GROUP BY `query` of `where` as a CountScan when every aggregate is a COUNT it can answer
  // (planner/count_plan.cpp); null otherwise.
  OperatorPtr PlanCount(const algebra::Node& where, const ast::Query& query,
                        const std::vector<const ast::Expression*>& aggregates);
  // The Group of `op`'s rows by `query`'s keys, computing `aggregates`.
  OperatorPtr PlanGroup(OperatorPtr op, const ast::Query& query,
                        const std::vector<const ast::Expression*>& aggregates);
  OperatorPtr PlanGraph(const algebra::Node& node);
  // GRAPH ?g P evaluated as SPARQL defines it: P once per named graph, each joined with
  // ?g bound to that graph's name.
  OperatorPtr PlanGraphPerName(const algebra::Node& node);
  // The named graphs GRAPH ranges over: FROM NAMED's, or every named graph of the store.
  std::vector<TermId> NamedGraphsInScope() const;
  OperatorPtr PlanValues(const ast::ValuesBlock& values);
  OperatorPtr PlanBgp(OperatorPtr left, const algebra::Node& bgp, const GraphContext& graph,
                      Filters& filters);
  OperatorPtr PlanPath(OperatorPtr left, const ast::TriplePattern& triple,
                       const GraphContext& graph);
  // A hash join of the two; `rows`: its estimated result, when the caller knows better than
  // the larger input's size.
  OperatorPtr Join(OperatorPtr left, OperatorPtr right, std::optional<double> rows = std::nullopt);
  OperatorPtr ApplyReadyFilters(OperatorPtr op, Filters& filters);
  OperatorPtr Unit();
  OperatorPtr Empty(std::vector<VarId> columns);

  // A triple pattern as a scan; nullopt when a constant is not in the store (no match).
  std::optional<ScanPattern> ToScan(const ast::TriplePattern& triple, const GraphContext& graph);
  std::optional<ScanSlot> Slot(const ast::Term& term);
  VarId VariableOf(const ast::Term& term);
  // Narrows the scan of `triple` to the object key ranges its BGP's bounds give.
  void LimitObject(ScanPattern& scan, const ast::TriplePattern& triple,
                   const std::vector<algebra::ObjectBound>& bounds);
  // The rows of `pattern`'s scan; with `dictionary_rows`, adds there those of its object
  // range over the dictionary's literals (read whatever their value).
  double EstimateScan(const ScanPattern& pattern, double* dictionary_rows = nullptr);
  double Fanout(const ScanPattern& pattern, const std::vector<VarId>& bound);
  // About how many distinct values `var` takes in the `rows` of `pattern`.
  double Distinct(const ScanPattern& pattern, VarId var, double rows);
  // The rows `pattern` matches per value of the one variable of `first`, a small scan with
  // two constants (?c a :Country, :person7 :metWith ?x), averaged over the values it gives:
  // read from the store while planning, for the values an average over the predicate
  // misjudges (the countries are the most mentioned things; the people one meets meet more
  // people than most). Nullopt where the shapes do not fit.
  std::optional<double> FanoutOverValues(const ScanPattern& pattern, const ScanPattern& first);

  // Expressions read aggregates (in SELECT, HAVING and ORDER BY) from their hidden columns.
  ExpressionEnv Env();

  ExecContext& ctx_;
  const bool rewrite_;
  expr::FunctionContext& functions_;
  std::unordered_map<TermId, storage::PredicateStats> predicate_stats_;
  std::vector<TermId> named_graphs_;  // every named graph of the store
  Dataset dataset_;
  // The graph of the patterns being planned, which expressions compiled now (EXISTS) read.
  GraphContext graph_;
  std::uint64_t hidden_vars_ = 0;
  // Each aggregate expression's hidden column (expressions are unique across the query).
  std::map<const ast::Expression*, VarId> aggregate_vars_;
  // The FILTER comparisons some scan reads as object key ranges, each with the share of the
  // scan's rows it still lets through (LimitObject).
  std::map<const ast::Expression*, double> ranged_conditions_;
  // The algebra of each EXISTS pattern run row by row, translated once.
  std::map<const ast::GroupPattern*, algebra::NodePtr> exists_algebra_;
};

}  // namespace silk::query
