#include "tests/conformance/update_tests.h"

#include <fmt/format.h>

#include "engine/query/query_engine.h"
#include "engine/query/results/result_writer.h"
#include "tests/conformance/isomorphism.h"
#include "tests/conformance/sparql_tests.h"

namespace silk::conformance {
namespace {

constexpr std::string_view kUtNs = "http://www.w3.org/2009/sparql/tests/test-update#";
constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";

std::string Ut(std::string_view local) { return std::string(kUtNs) + std::string(local); }

// A store state as a test describes it (mf:action or mf:result): files and graph names.
DatasetSpec StateOf(const Graph& manifest, const rdf::Term& node) {
  DatasetSpec spec;
  for (const rdf::Term* data : manifest.Objects(node, Ut("data"))) {
    spec.default_graph.push_back(data->value);
  }
  for (const rdf::Term* graph : manifest.Objects(node, Ut("graphData"))) {
    const rdf::Term* file = manifest.Object(*graph, Ut("graph"));
    if (file == nullptr) {
      spec.named_graphs.push_back(graph->value);  // the file itself, named by its IRI
      continue;
    }
    const rdf::Term* label = manifest.Object(*graph, std::string(kRdfsLabel));
    spec.labelled_graphs.emplace_back(file->value, label != nullptr ? label->value : file->value);
  }
  return spec;
}

// The quads `spec` describes, read from its files.
std::optional<std::vector<rdf::Quad>> QuadsOf(const DatasetSpec& spec, const TestFiles& files,
                                              std::string* error) {
  std::vector<rdf::Quad> quads;
  std::vector<std::pair<std::string, std::string>> sources;
  for (const std::string& iri : spec.default_graph) sources.emplace_back(iri, "");
  for (const std::string& iri : spec.named_graphs) sources.emplace_back(iri, iri);
  for (const auto& source : spec.labelled_graphs) sources.push_back(source);
  for (const auto& [iri, graph] : sources) {
    const std::optional<std::filesystem::path> path = files.PathOf(iri);
    if (!path) {
      *error = fmt::format("<{}> is not a test file", iri);
      return std::nullopt;
    }
    RdfFile file = ReadRdfFile(*path, iri);
    if (file.error) {
      *error = file.error->ToString();
      return std::nullopt;
    }
    for (rdf::Quad& quad : file.quads) {
      quad.graph = graph.empty() ? rdf::Term() : rdf::Term(rdf::TermView::Iri(graph));
      quads.push_back(std::move(quad));
    }
  }
  return quads;
}

Result<std::vector<rdf::Quad>> Dump(const storage::Store& store) {
  std::unique_ptr<storage::Snapshot> snapshot = store.GetSnapshot();
  std::vector<rdf::Quad> quads;
  std::unique_ptr<storage::QuadIterator> it = snapshot->Scan({});
  for (; it->Valid(); it->Next()) {
    const storage::QuadIds ids = it->quad();
    const storage::TermId positions[] = {ids.s, ids.p, ids.o, ids.g};
    Result<std::vector<rdf::Term>> terms = snapshot->DecodeMany(positions);
    if (!terms.ok()) return terms.status();
    rdf::Quad quad;
    quad.subject = (*terms)[0];
    quad.predicate = (*terms)[1];
    quad.object = (*terms)[2];
    if (ids.g != storage::kDefaultGraphId) quad.graph = (*terms)[3];
    quads.push_back(std::move(quad));
  }
  SILK_RETURN_IF_ERROR(it->status());
  return quads;
}

class UpdateEvaluation {
 public:
  explicit UpdateEvaluation(DatasetCache& stores) : stores_(stores) {}

  Outcome operator()(const TestEntry& entry, const TestContext& context) const {
    if (!entry.action || !entry.result) return {false, "the entry has no mf:action or mf:result"};
    const Graph& manifest = context.manifest.graph;
    const rdf::Term* request_iri = manifest.Object(*entry.action, Ut("request"));
    std::string error;
    const std::optional<std::string> text = ReadQueryFile(request_iri, context, &error);
    if (!text) return {false, error};
    std::optional<std::vector<rdf::Quad>> expected =
        QuadsOf(StateOf(manifest, *entry.result), context.files, &error);
    if (!expected) return {false, "cannot read the expected store: " + error};

    Result<storage::Store*> store = stores_.Get(StateOf(manifest, *entry.action));
    if (!store.ok()) return {false, "cannot load the data: " + store.status().message()};
    stores_.Forget();  // the update writes to it

    const query::QueryOptions options = EngineOptions(request_iri->value);
    auto request = query::Prepare(*text, options);
    if (!request.ok()) return {false, "the engine rejected the update: " + request.status().message()};
    if (!(*request)->is_update()) return {false, "the request is not an update"};
    query::DiscardingWriter nothing;
    const Status status = query::Execute(**request, **store, nothing, options);
    if (!status.ok()) return {false, "the update failed: " + status.message()};

    Result<std::vector<rdf::Quad>> actual = Dump(**store);
    if (!actual.ok()) return {false, "cannot read the store: " + actual.status().message()};
    std::string difference;
    if (!AreIsomorphic(*actual, *expected, &difference)) {
      return {false, "the store after the update differs: " + difference};
    }
    return {true, ""};
  }

 private:
  DatasetCache& stores_;
};

}  // namespace

void RegisterUpdateTests(TestRunner& runner, DatasetCache& stores) {
  runner.Register(std::string(kMfNs) + "UpdateEvaluationTest", UpdateEvaluation(stores));
}

}  // namespace silk::conformance
