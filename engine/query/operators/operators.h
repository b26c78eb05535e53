// The physical operators, each made by one function and implemented in its own file.
// Every maker REQUIRES that its inputs belong to `ctx`'s query.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/query/expr/aggregates.h"
#include "engine/query/expr/builtins.h"
#include "engine/query/operators/operator.h"
#include "engine/query/expr/row_expression.h"
#include "engine/query/operators/scan_pattern.h"

namespace silk::query {

// The rows of one triple pattern.
OperatorPtr MakeIndexScan(ExecContext& ctx, ScanPattern pattern, double estimate);
// `left` joined with a pattern scanned once per left row with the row's values substituted
// (with the joins below it, a star when the pattern fits: star_join.h).
OperatorPtr MakeIndexJoin(ExecContext& ctx, OperatorPtr left, ScanPattern pattern,
                          double estimate);
// OPTIONAL of one triple pattern, by index seeks: every left row, extended by the pattern's
// matches with its values substituted for which `condition` (may be null; compiled against
// IndexJoinColumns) holds, or alone when none does. A left row in which a `required` variable
// is unbound comes out alone without a probe (an OPTIONAL nested in another, planned onto
// the rows its enclosing OPTIONAL left unmatched). `condition_reads`: the variables the
// condition reads, when known (the join may then be part of a star: star_join.h).
OperatorPtr MakeIndexLeftJoin(ExecContext& ctx, OperatorPtr left, ScanPattern pattern,
                              double estimate, RowExpressionPtr condition,
                              std::vector<VarId> required = {},
                              std::optional<std::vector<VarId>> condition_reads = std::nullopt);
// The columns of both index joins: the left's, then the pattern's variables the left lacks.
std::vector<VarId> IndexJoinColumns(const Operator& left, const ScanPattern& pattern);
// `left` joined with `right`; `right` is read into memory (put the smaller one there).
OperatorPtr MakeHashJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, double estimate);
// OPTIONAL: every left row, extended by the compatible right rows for which `condition`
// (may be null) holds, or alone when there are none.
OperatorPtr MakeLeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         RowExpressionPtr condition);
// `left` joined with `right` when both ascend by `key` (Operator::sorted_by), their one shared
// variable, bound in every row of both: one pass over each, holding one key's right rows.
OperatorPtr MakeMergeJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, VarId key,
                          double estimate);
// MINUS: the left rows with no compatible right row sharing a bound variable.
OperatorPtr MakeMinus(ExecContext& ctx, OperatorPtr left, OperatorPtr right);
// EXISTS / NOT EXISTS as a join: the left rows with a compatible right row (with none, for
// `anti`). `right` is read into memory: give it only the variables it shares with `left`.
OperatorPtr MakeSemiJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, bool anti);
// The same (and MINUS) by merging, when `key` is the one variable the two share, bound in
// every row of both, and both ascend by it (Operator::sorted_by).
OperatorPtr MakeMergeSemiJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, VarId key,
                              bool anti);
// UNION: the rows of each input in turn, over the union of their columns.
OperatorPtr MakeUnion(ExecContext& ctx, std::vector<OperatorPtr> inputs);
// The rows for which `condition`'s effective boolean value is true.
// `selectivity`: the share of rows it is expected to keep (without statistics on values, a
// third).
OperatorPtr MakeFilter(ExecContext& ctx, OperatorPtr input, RowExpressionPtr condition,
                       double selectivity = 1.0 / 3);
// BIND and SELECT's (expression AS ?var): new columns, one per binding, evaluated in order
// per solution (a binding may read earlier ones: compile them against the input's columns
// followed by the bound variables); unbound where an expression errs. `bnodes` (may be null)
// is told where each solution starts, so BNODE("x") is one node per solution.
struct Binding {
  VarId var;
  RowExpressionPtr expression;
};
OperatorPtr MakeExtend(ExecContext& ctx, OperatorPtr input, std::vector<Binding> bindings,
                       expr::BnodeFactory* bnodes);
// Literal rows (VALUES, and the one empty row an empty group pattern matches).
OperatorPtr MakeValues(ExecContext& ctx, std::vector<VarId> columns, IdTable rows);
// The input's columns `keep`, in that order (a variable not in the input is unbound).
OperatorPtr MakeProject(ExecContext& ctx, OperatorPtr input, std::vector<VarId> keep);
// Each distinct row once.
OperatorPtr MakeDistinct(ExecContext& ctx, OperatorPtr input);
// Rows `offset` .. `offset + limit`.
OperatorPtr MakeSlice(ExecContext& ctx, OperatorPtr input, std::uint64_t offset,
                      std::optional<std::uint64_t> limit);

struct SortKey {
  RowExpressionPtr expression;
  bool descending = false;
};
// " ?a DESC(?b)": the keys as EXPLAIN shows them.
std::string DescribeKeys(const std::vector<SortKey>& keys);
// How two rows' key values compare in ORDER BY's order (SPARQL's total order, DESC turned
// around): negative when `a` comes first, 0 on a tie. Each points at keys.size() values;
// an error sorts like an unbound value.
int CompareKeys(const std::vector<SortKey>& keys, const expr::EvalResult* a,
                const expr::EvalResult* b);
// ORDER BY: stable, so rows that tie keep their input order.
OperatorPtr MakeSort(ExecContext& ctx, OperatorPtr input, std::vector<SortKey> keys);
// ORDER BY followed by LIMIT: the first `k` rows of MakeSort's order, holding about 2k.
OperatorPtr MakeTopSort(ExecContext& ctx, OperatorPtr input, std::vector<SortKey> keys,
                        std::uint64_t k);

struct GroupKey {
  VarId var;                      // the column the key's value goes to
  RowExpressionPtr expression;    // evaluated per row (a variable reads its column)
};
struct AggregateColumn {
  VarId var;                      // the column the group's result goes to
  expr::AggregateSpec spec;
  RowExpressionPtr argument;      // null for COUNT(*)
};
// GROUP BY: one row per distinct key (one row in all when there are no keys, even for no
// input), holding the keys and the aggregates' results.
OperatorPtr MakeGroup(ExecContext& ctx, OperatorPtr input, std::vector<GroupKey> keys,
                      std::vector<AggregateColumn> aggregates);

// COUNT(*) over one triple pattern, in all or `per` value of one of its variables: what
// MakeGroup computes over MakeIndexScan's rows, counted from the store's keys instead. `only`
// (with `on`, its one variable, which `counted` has too) keeps the rows whose `on` value it
// matches: ?c a :Country. Each pattern binds every variable once and reads the union graph
// or one graph (never GRAPH ?g, FROM, object ranges).
struct PatternCount {
  ScanPattern counted;
  std::optional<VarId> per;  // a variable of `counted`; when `only` is set, `on` itself
  std::optional<ScanPattern> only;
  std::optional<VarId> on;
  // Counts `counted` once per value `only` gives (a seek each), rather than per value of `on`
  // for all of it and keeping those `only` gives.
  bool probe_each = false;
};
// The columns: `per` (when set), then `counts`, each holding the same count.
OperatorPtr MakeCountScan(ExecContext& ctx, PatternCount count, std::vector<VarId> counts,
                          double estimate);

// EXPLAIN helpers: "?s <http://…/p> ?o" and "?a, ?b".
std::string DescribePattern(ExecContext& ctx, const ScanPattern& pattern);
std::string DescribeVariables(const ExecContext& ctx, const std::vector<VarId>& vars);

}  // namespace silk::query
