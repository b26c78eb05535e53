// Text patterns in a basic graph pattern: `?lit silk:matches "words"` is not a triple of the
// store but a scan of its text index, and `?lit silk:score ?score` (beside it, same subject)
// names the match's score. The planner joins the scan like any other pattern.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "engine/query/operators/operator.h"
#include "grammar/query/ast.h"

namespace silk::query {

inline constexpr std::string_view kSilkMatches = "https://silkgraph.org/ns#matches";
inline constexpr std::string_view kSilkScore = "https://silkgraph.org/ns#score";

// Whether `triple` is a text pattern: its predicate is silk:matches or silk:score.
bool IsTextPattern(const ast::TriplePattern& triple);

// One text scan for each silk:matches pattern among `patterns` (all text patterns of one
// group), with the score column its silk:score pattern names, estimated from the index.
// Throws QueryAborted (kInvalidArgument, naming line and column) for a text pattern of the
// wrong shape: a subject that is not a variable, an object that is not a string, a
// silk:score without its silk:matches.
std::vector<OperatorPtr> PlanTextPatterns(
    ExecContext& ctx, const std::vector<const ast::TriplePattern*>& patterns,
    const std::function<VarId(const ast::Term&)>& variable_of);

}  // namespace silk::query
