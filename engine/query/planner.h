// The planner: turns a parsed query into a tree of physical operators, following SPARQL's
// algebra translation (section 18.2) and choosing join orders from the store's statistics.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/query/expression_compiler.h"
#include "engine/query/operators.h"
#include "engine/storage/store.h"
#include "grammar/query/ast.h"

namespace silk::query {

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
  // `stats` may be empty; estimates then come from the snapshot alone.
  Planner(ExecContext& ctx, expr::FunctionContext& functions, const storage::StoreStats& stats);

  // The operators of a SELECT, ASK, CONSTRUCT or DESCRIBE query. `output` receives the
  // variables of the result's columns (SELECT's projection; every visible variable for the
  // other forms).
  OperatorPtr PlanQuery(const ast::Query& query, const Dataset& dataset, std::vector<VarId>* output);

  // The operators of a group pattern alone (the WHERE of an update).
  OperatorPtr PlanWhere(const ast::GroupPattern& where, const Dataset& dataset);

  bool Exists(const ast::GroupPattern& pattern, const ast::Term* graph,
              const std::vector<VarId>& columns, std::span<const TermId> row) override;

  // Visible variables of a pattern in order of first appearance (what SELECT * projects).
  static std::vector<std::string> VisibleVariables(const ast::GroupPattern& pattern);

 private:
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

  OperatorPtr PlanSelect(const ast::Query& query, const GraphContext& graph,
                         std::vector<VarId>* output);
  // With apply_filters false, the group's own FILTERs are left to the caller (OPTIONAL
  // makes them the condition of its left join).
  OperatorPtr PlanGroup(const ast::GroupPattern& group, const GraphContext& graph,
                        bool apply_filters = true);
  OperatorPtr PlanGraph(const ast::GraphPattern& pattern);
  // GRAPH ?g P evaluated as SPARQL defines it: P once per named graph, each joined with
  // ?g bound to that graph's name.
  OperatorPtr PlanGraphPerName(const ast::GraphPattern& pattern);
  // The named graphs GRAPH ranges over: FROM NAMED's, or every named graph of the store.
  std::vector<TermId> NamedGraphsInScope() const;
  OperatorPtr PlanValues(const ast::ValuesBlock& values);
  OperatorPtr PlanBgp(OperatorPtr left, const std::vector<const ast::TriplePattern*>& triples,
                      const GraphContext& graph, std::vector<const ast::Expression*>& filters);
  OperatorPtr PlanPath(OperatorPtr left, const ast::TriplePattern& triple,
                       const GraphContext& graph);
  OperatorPtr Join(OperatorPtr left, OperatorPtr right);
  OperatorPtr ApplyReadyFilters(OperatorPtr op, std::vector<const ast::Expression*>& filters);
  OperatorPtr Unit();
  OperatorPtr Empty(std::vector<VarId> columns);

  // A triple pattern as a scan; nullopt when a constant is not in the store (no match).
  std::optional<ScanPattern> ToScan(const ast::TriplePattern& triple, const GraphContext& graph);
  std::optional<ScanSlot> Slot(const ast::Term& term);
  VarId VariableOf(const ast::Term& term);
  double EstimateScan(const ScanPattern& pattern);
  double Fanout(const ScanPattern& pattern, const std::vector<VarId>& bound);

  ExpressionEnv Env(const std::map<const ast::Expression*, VarId>* aggregates = nullptr);

  ExecContext& ctx_;
  expr::FunctionContext& functions_;
  std::unordered_map<TermId, storage::PredicateStats> predicate_stats_;
  std::vector<TermId> named_graphs_;  // every named graph of the store
  Dataset dataset_;
  // The graph of the patterns being planned, which expressions compiled now (EXISTS) read.
  GraphContext graph_;
  std::uint64_t hidden_vars_ = 0;
};

}  // namespace silk::query
