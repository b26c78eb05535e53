#include "engine/query/operators/text_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "engine/query/operators/operators.h"
#include "grammar/rdf/term.h"

namespace silk::query {
namespace {

constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";

// A score as a canonical xsd:decimal with four places ("2.5", "0.0413"), which the store
// inlines: ordering and comparing scores then works on ids.
std::string DecimalText(double score) {
  std::string text = fmt::format("{:.4f}", score);
  while (text.ends_with('0') && !text.ends_with(".0")) text.pop_back();
  return text;
}

std::vector<VarId> Columns(VarId literal, std::optional<VarId> score) {
  std::vector<VarId> columns{literal};
  if (score) columns.push_back(*score);
  return columns;
}

class TextScan final : public Operator {
 public:
  TextScan(ExecContext& ctx, std::string query, VarId literal, std::optional<VarId> score,
           double estimate)
      : Operator(ctx, Columns(literal, score)), query_(std::move(query)), score_(score) {
    set_estimated_rows(estimate);
    set_sorted_by(literal);
  }

  std::string Describe() const override {
    return fmt::format("TextScan {} matches \"{}\"", DescribeVariables(ctx_, columns()), query_);
  }

 protected:
  bool DoNext(IdTable& out) override {
    if (!matches_) {
      Result<std::vector<storage::TextMatch>> found = ctx_.snapshot().MatchText(query_);
      if (!found.ok()) throw QueryAborted{found.status()};
      matches_ = std::move(*found);
      std::sort(matches_->begin(), matches_->end(),
                [](const auto& a, const auto& b) { return a.literal < b.literal; });
    }
    for (; next_ < matches_->size() && out.rows() < kBatchRows; ++next_) {
      const storage::TextMatch& match = (*matches_)[next_];
      if (score_) {
        const std::string score = DecimalText(match.score);
        const TermId id = ctx_.terms().Encode(
            rdf::TermView{rdf::TermKind::kLiteral, score, kXsdDecimal, {}});
        const TermId row[] = {match.literal, id};
        out.AddRow(row);
      } else {
        const TermId row[] = {match.literal};
        out.AddRow(row);
      }
    }
    return next_ < matches_->size();
  }

 private:
  std::string query_;
  std::optional<VarId> score_;
  std::optional<std::vector<storage::TextMatch>> matches_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeTextScan(ExecContext& ctx, std::string query, VarId literal,
                         std::optional<VarId> score, double estimate) {
  return std::make_unique<TextScan>(ctx, std::move(query), literal, score, estimate);
}

}  // namespace silk::query
