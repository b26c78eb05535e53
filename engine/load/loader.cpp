#include "engine/load/loader.h"

#include <chrono>
#include <cstddef>
#include <istream>

#include "engine/load/batch_pipe.h"
#include "engine/load/counting_streambuf.h"
#include "engine/load/parse_stage.h"

namespace silk::load {
namespace {

// Batches in existence per load: one being filled, one being inserted, and one ready between
// them, so that neither thread waits for the other while their speeds wobble. More (4, 8)
// measured no faster and only hold more memory: the slower thread sets the pace either way.
constexpr std::size_t kBatchesInFlight = 3;
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

// The second half of a load, on the caller's thread (the transaction is not thread-safe):
// encodes and inserts the statements the parser sends, and reports progress.
class Inserter {
 public:
  Inserter(storage::WriteTransaction& tx, const LoadOptions& options)
      : tx_(tx),
        graph_(options.graph_iri.empty() ? rdf::TermView::DefaultGraph()
                                         : rdf::TermView::Iri(options.graph_iri)),
        on_progress_(options.on_progress) {}

  // Inserts every batch until the pipe is closed. The first storage error cancels the pipe,
  // which stops the parser, and is returned.
  Status InsertAll(BatchPipe& pipe) {
    while (QuadBatch* batch = pipe.Receive()) {
      const std::uint64_t input_bytes = batch->input_bytes;
      Status status = Insert(*batch);
      pipe.Recycle(batch);
      if (!status.ok()) {
        pipe.Cancel();
        return status;
      }
      if (on_progress_) {
        MaybeReportProgress(input_bytes);
      }
    }
    return Status::Ok();
  }

  // Statements handed to the transaction (the one that failed among them).
  std::uint64_t statements() const { return statements_; }

  // Once more at the end, so a bar shows where parsing finished (and a quick load shows one).
  void ReportFinalProgress(std::uint64_t input_bytes) {
    if (on_progress_) {
      on_progress_(LoadProgress{input_bytes, statements_});
    }
  }

 private:
  Status Insert(const QuadBatch& batch) {
    const bool move_to_graph = !graph_.IsDefaultGraph();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      rdf::QuadView quad = batch.quad(i);
      if (move_to_graph && quad.graph.IsDefaultGraph()) {
        quad.graph = graph_;
      }
      ++statements_;
      SILK_RETURN_IF_ERROR(tx_.Insert(quad));
    }
    return Status::Ok();
  }

  // Batches are small enough (a few milliseconds of work) that checking the clock after each
  // keeps the bar smooth.
  void MaybeReportProgress(std::uint64_t input_bytes) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report_ < kProgressInterval) {
      return;
    }
    last_report_ = now;
    on_progress_(LoadProgress{input_bytes, statements_});
  }

  storage::WriteTransaction& tx_;
  rdf::TermView graph_;
  const std::function<void(const LoadProgress&)>& on_progress_;
  std::chrono::steady_clock::time_point last_report_ = std::chrono::steady_clock::now();
  std::uint64_t statements_ = 0;
};

}  // namespace

Status LoadInto(storage::WriteTransaction& tx, std::istream& in, const LoadOptions& options,
                LoadCounts& counts) {
  counts = LoadCounts{};
  tx.NewBlankNodeScope();
  // The parsers read through this, so progress and "stopped after M bytes" know the offset.
  CountingStreambuf counting(in.rdbuf());
  std::istream counted(&counting);
  rdf::ParseOptions parse_options;
  parse_options.format = options.format;
  parse_options.source_name = options.source_name;
  parse_options.base_iri = options.base_iri;
  std::uint64_t skipped = 0;  // by the parser's thread; read here once it has ended
  if (options.on_bad_statement) {
    parse_options.on_bad_statement = [&](const ParseError& error) {
      ++skipped;
      options.on_bad_statement(error);
    };
  }

  BatchPipe pipe(kBatchesInFlight);
  Inserter inserter(tx, options);
  Status stored;
  std::optional<ParseError> error;
  {
    ParseStage parser(counted, counting, parse_options, options.partition, pipe);
    stored = inserter.InsertAll(pipe);
    error = parser.Finish();
    counts.other_parts = parser.other_parts();
  }
  // The parser's thread has ended: its input and counts are this thread's again.
  inserter.ReportFinalProgress(counting.bytes_read());
  counts.statements = inserter.statements();
  counts.skipped = skipped;
  counts.bytes = counting.bytes_read();
  // A storage error stopped the parser, so whatever it met after that point (it reads ahead
  // of the statements inserted) is not the cause.
  if (!stored.ok()) {
    return stored;
  }
  // An unreadable input (a damaged .gz, an I/O error) is the real cause even when the parser
  // saw it as a cut-off statement.
  if (counted.bad()) {
    return Status::IOError("cannot read " + options.source_name);
  }
  if (error) {
    return Status::Syntax(std::move(*error));
  }
  return Status::Ok();
}

Result<LoadCounts> LoadInto(storage::WriteTransaction& tx, std::istream& in,
                            const LoadOptions& options) {
  LoadCounts counts;
  SILK_RETURN_IF_ERROR(LoadInto(tx, in, options, counts));
  return counts;
}

}  // namespace silk::load
