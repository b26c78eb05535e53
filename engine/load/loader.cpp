#include "engine/load/loader.h"

#include <istream>

namespace silk::load {
namespace {

// Hands parsed statements to the transaction; remembers the first storage error, which
// stops the parser (a QuadSink can only say "stop").
class TransactionSink final : public rdf::QuadSink {
 public:
  TransactionSink(storage::WriteTransaction& tx, const std::string& graph_iri)
      : tx_(tx), graph_(graph_iri.empty() ? rdf::TermView::DefaultGraph()
                                          : rdf::TermView::Iri(graph_iri)) {}

  bool Accept(const rdf::QuadView& quad) override {
    ++statements_;
    if (quad.graph.IsDefaultGraph() && !graph_.IsDefaultGraph()) {
      rdf::QuadView moved = quad;
      moved.graph = graph_;
      status_ = tx_.Insert(moved);
    } else {
      status_ = tx_.Insert(quad);
    }
    return status_.ok();
  }

  std::uint64_t statements() const { return statements_; }
  const Status& status() const { return status_; }

 private:
  storage::WriteTransaction& tx_;
  rdf::TermView graph_;
  std::uint64_t statements_ = 0;
  Status status_;
};

}  // namespace

Result<LoadCounts> LoadInto(storage::WriteTransaction& tx, std::istream& in,
                            const LoadOptions& options) {
  tx.NewBlankNodeScope();
  const std::uint64_t added_before = tx.inserted();
  TransactionSink sink(tx, options.graph_iri);
  rdf::ParseOptions parse_options;
  parse_options.format = options.format;
  parse_options.source_name = options.source_name;
  parse_options.base_iri = options.base_iri;
  if (auto error = rdf::ParseRdf(in, parse_options, sink)) {
    return Status::Syntax(std::move(*error));
  }
  if (!sink.status().ok()) return sink.status();
  if (in.bad()) return Status::IOError("cannot read " + options.source_name);
  return LoadCounts{sink.statements(), tx.inserted() - added_before};
}

}  // namespace silk::load
