#include "tests/conformance/sparql_tests.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/query/query_engine.h"
#include "engine/query/results/result_writer.h"
#include "grammar/query/query_parser.h"
#include "tests/conformance/isomorphism.h"
#include "tests/conformance/result_text.h"
#include "tests/conformance/sparql_results.h"

namespace silk::conformance {
namespace {

std::string Mf(std::string_view local) { return std::string(kMfNs) + std::string(local); }
std::string Qt(std::string_view local) { return std::string(kQtNs) + std::string(local); }

}  // namespace

std::optional<std::string> ReadQueryFile(const rdf::Term* iri, const TestContext& context,
                                         std::string* error) {
  if (iri == nullptr || iri->kind != rdf::TermKind::kIri) {
    *error = "the entry names no query file";
    return std::nullopt;
  }
  const std::optional<std::filesystem::path> path = context.files.PathOf(iri->value);
  std::ifstream in(path.value_or(""), std::ios::binary);
  if (!path || !in) {
    *error = fmt::format("cannot read <{}>", iri->value);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

query::QueryOptions EngineOptions(const std::string& iri) {
  query::QueryOptions options;
  options.source_name = iri;
  options.base_iri = iri;
  options.union_default_graph = false;
  options.reject_unbound_projections = false;
  options.limits.timeout = std::chrono::seconds(10);
  return options;
}

namespace {

// SPARQL as the W3C tests assume it: no predeclared prefixes, unbound projections allowed,
// the query file's IRI as base.
query::QueryParseOptions ParseOptions(const std::string& iri) {
  query::QueryParseOptions options;
  options.source_name = iri;
  options.base_iri = iri;
  options.reject_unbound_projections = false;
  return options;
}

Outcome Syntax(const TestEntry& entry, const TestContext& context, bool positive) {
  std::string error;
  const rdf::Term* action = entry.action ? &*entry.action : nullptr;
  const std::optional<std::string> text = ReadQueryFile(action, context, &error);
  if (!text) return {false, error};
  const query::QueryParseOptions options = ParseOptions(action->value);
  // Update syntax tests (.ru) go through the update grammar; queries through the query one.
  std::optional<ParseError> parse_error;
  if (action->value.ends_with(".ru")) {
    auto update = query::ParseUpdate(*text, options);
    if (!update.ok()) parse_error = update.error();
  } else {
    auto parsed = query::ParseQuery(*text, options);
    if (!parsed.ok()) parse_error = parsed.error();
  }
  if (positive && parse_error) return {false, "rejected a valid query: " + parse_error->ToString()};
  if (!positive && !parse_error) return {false, "accepted an invalid query"};
  return {true, ""};
}

Outcome PositiveSyntax(const TestEntry& entry, const TestContext& context) {
  return Syntax(entry, context, true);
}
Outcome NegativeSyntax(const TestEntry& entry, const TestContext& context) {
  return Syntax(entry, context, false);
}

// Collects what the engine writes: solutions, a boolean, or triples.
class Collector final : public query::ResultWriter {
 public:
  void Begin(const std::vector<std::string>& variables) override {
    results.variables = variables;
  }
  void WriteRow(query::Row row) override {
    Solution solution;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i]) solution[results.variables[i]] = rdf::Term(*row[i]);
    }
    results.solutions.push_back(std::move(solution));
  }
  void WriteTriple(const rdf::QuadView& triple) override { graph.emplace_back(triple); }
  void End() override {}
  void WriteBoolean(bool value) override { results.boolean = value; }

  SolutionSet results;
  std::vector<rdf::Quad> graph;
};

void CollectVariables(const ast::Expression& expression, std::vector<std::string>& out) {
  if (expression.kind == ast::ExprKind::kVariable &&
      std::find(out.begin(), out.end(), expression.term.value) == out.end()) {
    out.push_back(expression.term.value);
  }
  for (const auto& arg : expression.args) CollectVariables(*arg, out);
}

// The variables the top-level ORDER BY reads, or nullopt when the result is unordered (an
// ORDER BY inside a subquery alone does not order the result).
std::optional<std::vector<std::string>> OrderKeys(const ast::Query& query) {
  if (query.modifiers.order_by.empty()) return std::nullopt;
  std::vector<std::string> keys;
  for (const ast::OrderCondition& condition : query.modifiers.order_by) {
    CollectVariables(*condition.expression, keys);
  }
  return keys;
}

// Runs `request` again with silk's writer for `format`, into `out`.
Status Written(const query::PreparedRequest& request, storage::Store& store,
               const query::QueryOptions& options, query::ResultFormat format,
               std::ostringstream& out) {
  std::unique_ptr<query::ResultWriter> writer = query::MakeResultWriter(format, out);
  return query::Execute(request, store, *writer, options);
}

class QueryEvaluation {
 public:
  explicit QueryEvaluation(DatasetCache& stores) : stores_(stores) {}

  Outcome operator()(const TestEntry& entry, const TestContext& context) const {
    if (!entry.action) return {false, "the entry has no mf:action"};
    const Graph& manifest = context.manifest.graph;
    const rdf::Term* query_iri = manifest.Object(*entry.action, Qt("query"));
    std::string error;
    const std::optional<std::string> text = ReadQueryFile(query_iri, context, &error);
    if (!text) return {false, error};

    // The parse tells the data set (FROM naming local files) and whether order matters.
    auto parsed = query::ParseQuery(*text, ParseOptions(query_iri->value));
    if (!parsed.ok()) return {false, "rejected the query: " + parsed.error().ToString()};
    const ast::Query& query = parsed.value();

    DatasetSpec spec;
    for (const rdf::Term* data : manifest.Objects(*entry.action, Qt("data"))) {
      spec.default_graph.push_back(data->value);
    }
    for (const rdf::Term* data : manifest.Objects(*entry.action, Qt("graphData"))) {
      spec.named_graphs.push_back(data->value);
    }
    // sparql10/dataset reads its data only through FROM / FROM NAMED: the files they name
    // are loaded as graphs named by their IRIs, which is what FROM then selects.
    for (const ast::DatasetClause& clause : query.datasets) {
      if (context.files.PathOf(clause.iri.value) &&
          std::find(spec.named_graphs.begin(), spec.named_graphs.end(), clause.iri.value) ==
              spec.named_graphs.end()) {
        spec.named_graphs.push_back(clause.iri.value);
      }
    }
    Result<storage::Store*> store = stores_.Get(spec);
    if (!store.ok()) return {false, "cannot load the data: " + store.status().message()};

    const query::QueryOptions options = EngineOptions(query_iri->value);
    auto request = query::Prepare(*text, options);
    if (!request.ok()) return {false, "the engine rejected the query: " + request.status().message()};
    if (!entry.result || entry.result->kind != rdf::TermKind::kIri) {
      return {false, "the entry has no mf:result"};
    }
    const std::optional<std::filesystem::path> result_path =
        context.files.PathOf(entry.result->value);
    if (!result_path) return {false, fmt::format("<{}> is not a test file", entry.result->value)};
    // The result-format tests: silk's own CSV and TSV writers against the expected text.
    for (const auto& [extension, format] : {std::pair{".csv", query::ResultFormat::kCsv},
                                            std::pair{".tsv", query::ResultFormat::kTsv}}) {
      if (!entry.result->value.ends_with(extension)) continue;
      std::ostringstream written;
      const Status status = Written(**request, **store, options, format, written);
      if (!status.ok()) return {false, "the query failed: " + status.message()};
      std::ifstream in(*result_path, std::ios::binary);
      std::ostringstream expected;
      expected << in.rdbuf();
      std::string difference;
      if (!SameResultText(written.str(), expected.str(), OrderKeys(query).has_value(), &difference)) {
        return {false, difference};
      }
      return {true, ""};
    }
    Collector actual;
    const Status status = query::Execute(**request, **store, actual, options);
    if (!status.ok()) return {false, "the query failed: " + status.message()};
    std::optional<ExpectedResult> expected =
        ReadExpectedResult(*result_path, entry.result->value, &error);
    if (!expected) return {false, "cannot read the expected result: " + error};

    if (query.form == ast::QueryForm::kConstruct || query.form == ast::QueryForm::kDescribe) {
      if (expected->solutions) return {false, "a graph query whose expected result is a result set"};
      std::string difference;
      if (!AreIsomorphic(actual.graph, expected->graph, &difference)) {
        return {false, "the constructed graph differs: " + difference};
      }
      return {true, ""};
    }
    if (!expected->solutions) return {false, "the expected result is a graph, not a result set"};
    CompareOptions compare;
    const rdf::Term* cardinality = manifest.Object(entry.node, Mf("resultCardinality"));
    compare.lax_cardinality = cardinality != nullptr && cardinality->value == Mf("LaxCardinality");
    compare.order_keys = OrderKeys(query);
    std::string difference;
    if (!SameResults(actual.results, *expected->solutions, compare, &difference)) {
      return {false, difference};
    }
    // An expected result in SPARQL JSON also checks silk's JSON writer: what it writes must
    // read back as the expected solutions.
    if (entry.result->value.ends_with(".srj")) {
      std::ostringstream written;
      const Status json = Written(**request, **store, options, query::ResultFormat::kJson, written);
      if (!json.ok()) return {false, "the query failed: " + json.message()};
      std::optional<SolutionSet> read_back = ParseSrj(written.str(), &error);
      if (!read_back) return {false, "silk's JSON output does not read back: " + error};
      if (!SameResults(*read_back, *expected->solutions, compare, &difference)) {
        return {false, "silk's JSON output: " + difference};
      }
    }
    return {true, ""};
  }

 private:
  DatasetCache& stores_;
};

}  // namespace

void RegisterSparqlTests(TestRunner& runner, DatasetCache& stores) {
  runner.Register(Mf("QueryEvaluationTest"), QueryEvaluation(stores));
  runner.Register(Mf("CSVResultFormatTest"), QueryEvaluation(stores));
  runner.Register(Mf("PositiveUpdateSyntaxTest11"), &PositiveSyntax);
  runner.Register(Mf("NegativeUpdateSyntaxTest11"), &NegativeSyntax);
  runner.Register(Mf("PositiveSyntaxTest11"), &PositiveSyntax);
  runner.Register(Mf("NegativeSyntaxTest11"), &NegativeSyntax);
  runner.Register(Mf("PositiveSyntaxTest"), &PositiveSyntax);
  runner.Register(Mf("NegativeSyntaxTest"), &NegativeSyntax);
}

}  // namespace silk::conformance
