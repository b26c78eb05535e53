#include "engine/query/planner/text_match_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "engine/query/operators/text_scan.h"

namespace silk::query {
namespace {

[[noreturn]] void Refuse(const ast::TriplePattern& triple, std::string_view why) {
  throw QueryAborted{Status::InvalidArgument(
      fmt::format("{}:{}: {}", triple.pos.line, triple.pos.column, why))};
}

bool IsString(const ast::Term& term) {
  return term.IsLiteral() &&
         (term.datatype.empty() || term.datatype == rdf::kXsdString || !term.language.empty());
}

}  // namespace

bool IsTextPattern(const ast::TriplePattern& triple) {
  return !triple.path && triple.predicate.IsIri() &&
         (triple.predicate.value == kSilkMatches || triple.predicate.value == kSilkScore);
}

std::vector<OperatorPtr> PlanTextPatterns(
    ExecContext& ctx, const std::vector<const ast::TriplePattern*>& patterns,
    const std::function<VarId(const ast::Term&)>& variable_of) {
  std::vector<const ast::TriplePattern*> matches;
  std::vector<const ast::TriplePattern*> scores;
  for (const ast::TriplePattern* triple : patterns) {
    const bool is_match = triple->predicate.value == kSilkMatches;
    if (!triple->subject.IsVariable()) {
      Refuse(*triple, "a text pattern's subject is a variable for the literal: "
                      "?lit silk:matches \"words\"");
    }
    if (is_match && !IsString(triple->object)) {
      Refuse(*triple, "silk:matches takes the words to look for as a string: "
                      "?lit silk:matches \"words\"");
    }
    if (!is_match && !triple->object.IsVariable()) {
      Refuse(*triple, "silk:score names a variable for the score: ?lit silk:score ?score");
    }
    (is_match ? matches : scores).push_back(triple);
  }
  std::vector<OperatorPtr> scans;
  for (const ast::TriplePattern* match : matches) {
    const VarId literal = variable_of(match->subject);
    std::optional<VarId> score;
    for (const ast::TriplePattern* named : scores) {
      if (variable_of(named->subject) == literal) score = variable_of(named->object);
    }
    const double estimate =
        static_cast<double>(ctx.snapshot().EstimateText(match->object.value));
    scans.push_back(MakeTextScan(ctx, match->object.value, literal, score, estimate));
  }
  for (const ast::TriplePattern* score : scores) {
    const bool paired = std::any_of(matches.begin(), matches.end(), [&](const auto* match) {
      return match->subject.value == score->subject.value;
    });
    if (!paired) {
      Refuse(*score, fmt::format("silk:score needs a silk:matches pattern on {} in the same group",
                                 score->subject.written));
    }
  }
  return scans;
}

}  // namespace silk::query
