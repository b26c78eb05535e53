// N-Triples and N-Quads: streamed, since a line needs nothing from the lines before it.
#include "engine/query/results/graph_writers.h"

#include "grammar/rdf/ntriples_writer.h"

namespace silk::query {
namespace {

class LineGraphWriter final : public ResultWriter {
 public:
  LineGraphWriter(std::ostream& out, bool with_graph) : out_(out), with_graph_(with_graph) {}
  void Begin(const std::vector<std::string>&) override {}
  void WriteRow(Row) override {}
  void WriteTriple(const rdf::QuadView& triple) override {
    line_.clear();
    rdf::AppendQuad(line_, triple, with_graph_);
    out_ << line_;
  }
  void End() override {}
  void WriteBoolean(bool) override {}

 private:
  std::ostream& out_;
  const bool with_graph_;
  std::string line_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeLineGraphWriter(std::ostream& out, bool with_graph) {
  return std::make_unique<LineGraphWriter>(out, with_graph);
}

}  // namespace silk::query
