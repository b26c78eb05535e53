// EXPLAIN: operators as an indented tree with estimated and actual rows.
#include "engine/query/planner/explain.h"

#include <fmt/format.h>

#include "engine/query/operators/operators.h"
#include "grammar/rdf/ntriples_writer.h"

namespace silk::query {
namespace {

void Print(const Operator& op, bool analyze, int depth, std::string& out) {
  out += fmt::format("{:{}}{}  (estimated {:.0f} rows", "", depth * 2, op.Describe(),
                     op.estimated_rows());
  if (analyze) out += op.asked() ? fmt::format(", actual {}", op.actual_rows()) : ", not read";
  out += ")\n";
  for (const Operator* child : op.children()) Print(*child, analyze, depth + 1, out);
}

}  // namespace

std::string ExplainPlan(const Operator& root, bool analyze) {
  std::string out;
  Print(root, analyze, 0, out);
  return out;
}

std::string DescribeVariables(const ExecContext& ctx, const std::vector<VarId>& vars) {
  std::string text;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    text += (i ? ", ?" : "?") + ctx.VariableName(vars[i]);
  }
  return text;
}

std::string DescribePattern(ExecContext& ctx, const ScanPattern& pattern) {
  std::string text;
  for (int i = 0; i < 4; ++i) {
    const ScanSlot& slot = pattern.slots[i];
    if (i == kG && !slot.constant && !slot.variable) break;
    if (i > 0) text += ' ';
    if (i == kG) text += "in graph ";
    if (slot.variable) {
      text += "?" + ctx.VariableName(*slot.variable);
    } else if (slot.constant) {
      if (*slot.constant == storage::kDefaultGraphId && i == kG) {
        text += "(default)";
      } else {
        rdf::AppendTerm(text, ctx.terms().TermOf(*slot.constant).view());
      }
    }
  }
  if (!pattern.object_ranges.empty()) {
    text += fmt::format(" (object in {} key range{})", pattern.object_ranges.size(),
                        pattern.object_ranges.size() == 1 ? "" : "s");
  }
  return text;
}

}  // namespace silk::query
