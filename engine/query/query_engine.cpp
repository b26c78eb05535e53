#include "engine/query/query_engine.h"

#include <cctype>
#include <chrono>
#include <new>
#include <random>
#include <variant>

#include "engine/query/planner/explain.h"
#include "engine/query/results/graph_output.h"
#include "engine/query/pattern_iris.h"
#include "engine/query/algebra/print.h"
#include "engine/query/algebra/translate.h"
#include "engine/query/optimizer/optimizer.h"
#include "engine/query/planner/planner.h"
#include "engine/query/query_runtime.h"
#include "engine/query/request_dataset.h"
#include "engine/query/update/update_executor.h"
#include "grammar/query/query_parser.h"

namespace silk::query {
namespace {

class Request final : public PreparedRequest {
 public:
  template <typename Parsed>
  Request(Parsed parsed, ExplainMode mode, const QueryOptions& options)
      : pattern_iris_(PatternIrisOf(parsed)), prefixes_(options.prefixes), mode_(mode) {
    prefixes_.insert(prefixes_.end(), parsed.prefixes.begin(), parsed.prefixes.end());
    parsed_ = std::move(parsed);
  }
  bool is_update() const override { return std::holds_alternative<ast::Update>(parsed_); }
  ExplainMode explain() const override { return mode_; }
  const std::vector<std::pair<std::string, std::string>>& declared_prefixes() const override {
    return std::visit([](const auto& parsed) -> const auto& { return parsed.prefixes; }, parsed_);
  }
  const std::string& declared_base() const override {
    return std::visit([](const auto& parsed) -> const auto& { return parsed.base_iri; }, parsed_);
  }
  bool only_prologue() const override {
    const auto* update = std::get_if<ast::Update>(&parsed_);
    return update != nullptr && update->operations.empty();
  }
  ResultKind result_kind() const override {
    const auto* query = std::get_if<ast::Query>(&parsed_);
    if (query == nullptr) return ResultKind::kNothing;
    switch (query->form) {
      case ast::QueryForm::kSelect: return ResultKind::kSolutions;
      case ast::QueryForm::kAsk: return ResultKind::kBoolean;
      case ast::QueryForm::kConstruct:
      case ast::QueryForm::kDescribe: return ResultKind::kGraph;
    }
    return ResultKind::kNothing;
  }
  std::string_view form_name() const override {
    const auto* query = std::get_if<ast::Query>(&parsed_);
    if (query == nullptr) return "update";
    switch (query->form) {
      case ast::QueryForm::kSelect: return "SELECT";
      case ast::QueryForm::kAsk: return "ASK";
      case ast::QueryForm::kConstruct: return "CONSTRUCT";
      case ast::QueryForm::kDescribe: return "DESCRIBE";
    }
    return "query";
  }
  const std::vector<std::pair<std::string, std::string>>& prefixes() const override {
    return prefixes_;
  }
  const std::vector<PatternIri>& pattern_iris() const override { return pattern_iris_; }
  const std::variant<ast::Query, ast::Update>& parsed() const { return parsed_; }

 private:
  std::variant<ast::Query, ast::Update> parsed_;
  std::vector<PatternIri> pattern_iris_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  ExplainMode mode_;
};

// Consumes a case-insensitive keyword at `pos` (after white space); true when it was there.
bool TakeKeyword(std::string& text, std::size_t& pos, std::string_view keyword) {
  std::size_t at = pos;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  if (text.size() - at < keyword.size()) return false;
  for (std::size_t i = 0; i < keyword.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[at + i])) != keyword[i]) return false;
  }
  const std::size_t end = at + keyword.size();
  if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
    return false;
  }
  // Blank the keyword out rather than cutting it, so error positions stay where the user
  // typed them.
  for (std::size_t i = at; i < end; ++i) text[i] = ' ';
  pos = end;
  return true;
}

ExplainMode TakeExplain(std::string& text) {
  std::size_t pos = 0;
  if (!TakeKeyword(text, pos, "EXPLAIN")) return ExplainMode::kNone;
  return TakeKeyword(text, pos, "ANALYZE") ? ExplainMode::kAnalyze : ExplainMode::kPlan;
}

bool FurtherThan(const ParseError& a, const ParseError& b) {
  return a.line > b.line || (a.line == b.line && a.column > b.column);
}

void WriteSelect(ExecContext& ctx, Operator& root, const std::vector<VarId>& output,
                 ResultWriter& writer) {
  std::vector<std::string> names;
  for (VarId var : output) names.push_back(ctx.VariableName(var));
  writer.Begin(names);
  std::vector<int> columns;
  for (VarId var : output) columns.push_back(root.ColumnOf(var));
  std::vector<std::optional<rdf::TermView>> row(output.size());
  IdTable batch;
  BatchTerms terms;
  while (root.Next(batch)) {
    // One batched dictionary read per batch instead of one read per term; the terms go
    // with the batch (writers copy what they keep).
    ctx.terms().DecodeBatch(batch.ids(), terms);
    for (std::size_t r = 0; r < batch.rows(); ++r) {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const TermId id = columns[c] < 0 ? kUnbound : batch.at(r, columns[c]);
        row[c] = id == kUnbound
                     ? std::nullopt
                     : std::optional<rdf::TermView>(ctx.terms().TermOf(id, terms).view());
      }
      writer.WriteRow(row);
    }
  }
  writer.End();
}

}  // namespace

Result<std::unique_ptr<PreparedRequest>> Prepare(std::string_view text,
                                                 const QueryOptions& options) {
  std::string body(text);
  const ExplainMode mode = TakeExplain(body);
  QueryParseOptions parse_options;
  parse_options.source_name = options.source_name;
  parse_options.base_iri = options.base_iri;
  parse_options.predeclared_prefixes = options.prefixes;
  parse_options.reject_unbound_projections = options.reject_unbound_projections;

  ParseResult<ast::Query> query = ParseQuery(body, parse_options);
  if (query.ok()) {
    return std::unique_ptr<PreparedRequest>(
        std::make_unique<Request>(std::move(query).value(), mode, options));
  }
  ParseResult<ast::Update> update = ParseUpdate(body, parse_options);
  if (update.ok() && mode != ExplainMode::kNone) {
    // Running the update to explain it would change the store (EXPLAIN DROP ALL).
    return Status::InvalidArgument(
        "EXPLAIN shows how a query (SELECT, ASK, CONSTRUCT, DESCRIBE) runs; an update has no "
        "plan to show, and it was not run");
  }
  if (update.ok()) {
    return std::unique_ptr<PreparedRequest>(
        std::make_unique<Request>(std::move(update).value(), mode, options));
  }
  // The text is whichever kind got further before it failed: report that kind's error.
  if (FurtherThan(update.error(), query.error())) return Status::Syntax(update.error());
  if (FurtherThan(query.error(), update.error())) return Status::Syntax(query.error());
  // Both failed at the same token, where a request starts: it could have been either kind.
  ParseError error = query.error();
  error.message =
      "expected a query (SELECT, CONSTRUCT, DESCRIBE, ASK) or an update (INSERT, DELETE, "
      "LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY)";
  return Status::Syntax(std::move(error));
}

namespace {

Status ExecuteUnguarded(const PreparedRequest& prepared, storage::Store& store,
                        ResultWriter& writer, const QueryOptions& options, std::string* plan) {
  const auto& request = static_cast<const Request&>(prepared);
  if (const auto* update = std::get_if<ast::Update>(&request.parsed())) {
    return ExecuteUpdate(*update, store, options);
  }
  const ast::Query& query = std::get<ast::Query>(request.parsed());

  std::unique_ptr<storage::Snapshot> snapshot = store.GetSnapshot();
  Result<storage::StoreStats> stats = snapshot->Stats();
  if (!stats.ok()) return stats.status();
  ExecContext ctx(*snapshot, options.limits);
  ctx.set_adapts(options.rewrite);
  ctx.set_parallel(options.parallel);
  QueryRuntime runtime(query.base_iri.empty() ? options.base_iri : query.base_iri);
  runtime.functions.interruption = &ctx;
  Planner planner(ctx, runtime.functions, *stats, options.rewrite);
  try {
    const Dataset dataset = ResolveDataset(
        ctx, options.dataset ? DatasetClauses(*options.dataset) : query.datasets,
        options.union_default_graph);
    // AST -> algebra -> rewrites -> operators; EXPLAIN shows each stage.
    algebra::NodePtr algebra = algebra::TranslateQuery(query);
    std::string stages;
    if (request.explain() != ExplainMode::kNone) {
      stages = "Algebra:\n" + algebra::Print(*algebra);
    }
    if (options.rewrite) optimizer::Optimize(algebra);
    if (request.explain() != ExplainMode::kNone) {
      stages += "Rewritten:\n" + algebra::Print(*algebra) + "Plan:\n";
    }
    OperatorPtr root = planner.PlanQuery(*algebra, dataset);
    const std::vector<VarId> output = root->columns();
    if (request.explain() == ExplainMode::kPlan) {
      if (plan != nullptr) *plan = stages + ExplainPlan(*root, /*analyze=*/false);
      return Status::Ok();
    }
    DiscardingWriter discard;
    ResultWriter& out = request.explain() == ExplainMode::kAnalyze ? discard : writer;
    switch (query.form) {
      case ast::QueryForm::kSelect: WriteSelect(ctx, *root, output, out); break;
      case ast::QueryForm::kAsk: {
        IdTable batch;
        out.WriteBoolean(root->Next(batch));
        break;
      }
      case ast::QueryForm::kConstruct:
        WriteConstruct(ctx, *root, query, out);
        out.End();
        break;
      case ast::QueryForm::kDescribe:
        WriteDescribe(ctx, *root, query, dataset, out);
        out.End();
        break;
    }
    if (request.explain() == ExplainMode::kAnalyze && plan != nullptr) {
      *plan = stages + ExplainPlan(*root, /*analyze=*/true);
    }
  } catch (const QueryAborted& aborted) {
    return aborted.status;
  }
  return Status::Ok();
}

}  // namespace

Status Execute(const PreparedRequest& prepared, storage::Store& store, ResultWriter& writer,
               const QueryOptions& options, std::string* plan) {
  // Operators charge what they hold against the query's memory limit, but the system may
  // run out first (a lower ulimit, other processes): that stops the query, not the program.
  // Unwinding has freed the query's memory by the time the message is built.
  try {
    return ExecuteUnguarded(prepared, store, writer, options, plan);
  } catch (const std::bad_alloc&) {
    return Status::Cancelled(
        "the system ran out of memory for the query; a lower --memory limit stops such a "
        "query sooner");
  }
}

}  // namespace silk::query
