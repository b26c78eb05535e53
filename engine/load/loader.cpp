#include "engine/load/loader.h"

#include <chrono>
#include <istream>

#include "engine/load/counting_streambuf.h"

namespace silk::load {
namespace {

// Progress is reported by time, but the clock is read only every this many statements.
constexpr std::uint64_t kStatementsPerClockCheck = 4096;
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

// Hands parsed statements to the transaction; remembers the first storage error, which
// stops the parser (a QuadSink can only say "stop").
class TransactionSink final : public rdf::QuadSink {
 public:
  TransactionSink(storage::WriteTransaction& tx, const LoadOptions& options,
                  const CountingStreambuf& input)
      : tx_(tx),
        graph_(options.graph_iri.empty() ? rdf::TermView::DefaultGraph()
                                         : rdf::TermView::Iri(options.graph_iri)),
        on_progress_(options.on_progress),
        input_(input) {}

  bool Accept(const rdf::QuadView& quad) override {
    ++statements_;
    if (quad.graph.IsDefaultGraph() && !graph_.IsDefaultGraph()) {
      rdf::QuadView moved = quad;
      moved.graph = graph_;
      status_ = tx_.Insert(moved);
    } else {
      status_ = tx_.Insert(quad);
    }
    if (on_progress_ && statements_ % kStatementsPerClockCheck == 0) {
      MaybeReportProgress();
    }
    return status_.ok();
  }

  std::uint64_t statements() const { return statements_; }
  const Status& status() const { return status_; }

  // Once more at the end, so a bar shows where parsing finished (and a quick load shows one).
  void ReportFinalProgress() {
    if (on_progress_) {
      on_progress_(LoadProgress{input_.bytes_read(), statements_});
    }
  }

 private:
  void MaybeReportProgress() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report_ < kProgressInterval) {
      return;
    }
    last_report_ = now;
    on_progress_(LoadProgress{input_.bytes_read(), statements_});
  }

  storage::WriteTransaction& tx_;
  rdf::TermView graph_;
  const std::function<void(const LoadProgress&)>& on_progress_;
  const CountingStreambuf& input_;
  std::chrono::steady_clock::time_point last_report_ = std::chrono::steady_clock::now();
  std::uint64_t statements_ = 0;
  Status status_;
};

}  // namespace

Status LoadInto(storage::WriteTransaction& tx, std::istream& in, const LoadOptions& options,
                LoadCounts& counts) {
  counts = LoadCounts{};
  tx.NewBlankNodeScope();
  const std::uint64_t added_before = tx.inserted();
  // The parsers read through this, so progress and "stopped after M bytes" know the offset.
  CountingStreambuf counting(in.rdbuf());
  std::istream counted(&counting);
  TransactionSink sink(tx, options, counting);
  rdf::ParseOptions parse_options;
  parse_options.format = options.format;
  parse_options.source_name = options.source_name;
  parse_options.base_iri = options.base_iri;
  if (options.on_bad_statement) {
    parse_options.on_bad_statement = [&](const ParseError& error) {
      ++counts.skipped;
      options.on_bad_statement(error);
    };
  }
  std::optional<ParseError> error = rdf::ParseRdf(counted, parse_options, sink);
  sink.ReportFinalProgress();
  counts.statements = sink.statements();
  counts.added = tx.inserted() - added_before;
  counts.bytes = counting.bytes_read();
  // An unreadable input (a damaged .gz, an I/O error) is the real cause even when the parser
  // saw it as a cut-off statement.
  if (counted.bad()) {
    return Status::IOError("cannot read " + options.source_name);
  }
  if (error) {
    return Status::Syntax(std::move(*error));
  }
  return sink.status();
}

Result<LoadCounts> LoadInto(storage::WriteTransaction& tx, std::istream& in,
                            const LoadOptions& options) {
  LoadCounts counts;
  SILK_RETURN_IF_ERROR(LoadInto(tx, in, options, counts));
  return counts;
}

}  // namespace silk::load
