#include "shell/repl/store_iris.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "engine/query/query_engine.h"

namespace silk::shell::repl {
namespace {

class IriCollector final : public query::ResultWriter {
 public:
  void Begin(const std::vector<std::string>&) override {}
  void WriteRow(query::Row row) override {
    if (!row.empty() && row[0] && row[0]->IsIri()) iris.emplace_back(row[0]->value);
  }
  void WriteTriple(const rdf::QuadView&) override {}
  void End() override {}
  void WriteBoolean(bool) override {}
  std::vector<std::string> iris;
};

std::string StringLiteral(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<std::string> StoreIriSource::IrisStartingWith(std::string_view prefix, std::size_t limit) {
  const std::string text = fmt::format(
      "SELECT DISTINCT ?t WHERE {{ {{ ?t ?p ?o }} UNION {{ ?s ?t ?o }} UNION {{ ?s ?p ?t }} "
      "FILTER(isIRI(?t) && STRSTARTS(STR(?t), {})) }} LIMIT {}",
      StringLiteral(prefix), limit);
  query::QueryOptions options;
  options.limits.timeout = std::chrono::milliseconds(400);
  Result<std::unique_ptr<query::PreparedRequest>> request = query::Prepare(text, options);
  if (!request.ok()) return {};
  IriCollector collector;
  // A timeout leaves what was found so far, which is still worth offering.
  (void)query::Execute(**request, store_, collector, options);
  std::sort(collector.iris.begin(), collector.iris.end());
  return std::move(collector.iris);
}

}  // namespace silk::shell::repl
