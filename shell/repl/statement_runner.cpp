#include "shell/repl/statement_runner.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "shell/output_check.h"
#include "shell/prefixes.h"
#include "shell/repl/newcomer_hints.h"
#include "shell/repl/result_mode.h"
#include "shell/repl/statement_prepare.h"
#include "shell/text_format.h"
#include "shell/unknown_names.h"

namespace silk::shell::repl {
namespace {

// Passes everything on to the real writer, and keeps a SELECT's rows for `.why`. After Ctrl-C
// it passes nothing more: the engine stops at its next check, the output at once.
class CapturingWriter final : public query::ResultWriter {
 public:
  CapturingWriter(query::ResultWriter& inner, const std::atomic<bool>& cancel)
      : inner_(inner), cancel_(cancel) {}
  void Begin(const std::vector<std::string>& variables) override {
    select_.emplace();
    select_->variables = variables;
    inner_.Begin(variables);
  }
  void WriteRow(query::Row row) override {
    if (cancel_.load(std::memory_order_relaxed)) return;
    ++count_;
    if (select_->rows.size() < kMaxKeptRows) {
      std::vector<std::optional<rdf::Term>> kept;
      for (const auto& value : row) {
        kept.push_back(value ? std::optional<rdf::Term>(rdf::Term(*value)) : std::nullopt);
      }
      select_->rows.push_back(std::move(kept));
    } else {
      select_->truncated = true;
    }
    inner_.WriteRow(row);
  }
  void WriteTriple(const rdf::QuadView& triple) override {
    if (cancel_.load(std::memory_order_relaxed)) return;
    ++count_;
    inner_.WriteTriple(triple);
  }
  void End() override { inner_.End(); }
  void WriteBoolean(bool value) override { inner_.WriteBoolean(value); }

  std::optional<LastSelect>& select() { return select_; }
  std::uint64_t count() const { return count_; }

 private:
  query::ResultWriter& inner_;
  const std::atomic<bool>& cancel_;
  std::optional<LastSelect> select_;
  std::uint64_t count_ = 0;
};

void Declare(Session& session, const query::PreparedRequest& request) {
  for (const auto& [name, iri] : request.declared_prefixes()) DeclarePrefix(session.prefixes, name, iri);
  if (!request.declared_base().empty()) session.base_iri = request.declared_base();
}

}  // namespace

Status RunStatement(Session& session, const Statement& statement) {
  const std::string_view text = statement.text;
  if (std::optional<std::string> hint = NewcomerHint(text)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a statement: {}", text, *hint));
  }
  query::QueryOptions options = SessionQueryOptions(session);
  std::string run_text;
  Result<std::unique_ptr<query::PreparedRequest>> request =
      PrepareStatement(text, options, &run_text);
  if (!request.ok()) return PlacedInInput(request.status(), statement);
  Declare(session, **request);
  if ((*request)->only_prologue()) return Status::Ok();

  BoxTableWriter* box = nullptr;
  Result<std::unique_ptr<query::ResultWriter>> writer = MakeModeWriter(session, **request, &box);
  if (!writer.ok()) return writer.status();
  WarnAboutUnknownNames(**request, session.store, std::cerr);
  // A failed write stops the query (through the cancel flag) and is the statement's error.
  CheckedResultWriter checked(**writer, session.out(), session.cancel);
  CapturingWriter capture(checked, session.cancel);
  std::string plan;
  const auto started = std::chrono::steady_clock::now();
  Status status = query::Execute(**request, session.store, capture, options, &plan);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (Status written = checked.status(); !written.ok()) return written;
  if (!status.ok() && box != nullptr && box->rows() > 0) {
    box->End();  // the rows shown so far, boxed, before the message
    session.out() << fmt::format("stopped after {} rows ({} shown)\n", FormatCount(box->rows()),
                                 FormatCount(box->shown()));
  }
  session.out().flush();
  if (!status.ok()) return status;
  if (!plan.empty()) session.out() << plan;

  const bool was_select = capture.select().has_value();
  if (was_select) {
    capture.select()->text = run_text;
    session.last = std::move(capture.select());
  }
  if (session.interactive) {
    // "12 rows (1.3 ms)", "4,873,454 rows (40 shown, 2.1 s)", "Done (0.4 ms)".
    std::string footer;
    std::vector<std::string> notes;
    if ((*request)->explain() == query::ExplainMode::kNone) {
      const std::uint64_t count = capture.count();
      if ((*request)->is_update()) {
        footer = "Done";
      } else if (session.boxed() && was_select) {
        footer = fmt::format("{} {}", FormatCount(count), count == 1 ? "row" : "rows");
        if (box != nullptr && box->shown() < box->rows()) notes.push_back(fmt::format("{} shown", FormatCount(box->shown())));
      } else if (session.boxed() && count > 0) {
        footer = fmt::format("{} {}", FormatCount(count), count == 1 ? "triple" : "triples");
      }
    }
    if (session.timer) notes.push_back(FormatSeconds(seconds));
    if (!notes.empty()) {
      const std::string joined = fmt::format("{}", fmt::join(notes, ", "));
      footer += footer.empty() ? joined : fmt::format(" ({})", joined);
    }
    // Beside results in a file or another mode the footer goes to the terminal, not the data.
    if (!footer.empty()) {
      if (session.boxed()) {
        session.out() << footer << '\n';
      } else {
        fmt::print(stderr, "{}\n", footer);
      }
    }
  }
  session.out().flush();
  return Status::Ok();
}

void PrintError(const Status& status) {
  std::fflush(stdout);
  if (status.parse_error()) {
    fmt::print(stderr, "{}\n", status.message());
  } else if (status.code() == StatusCode::kCancelled) {
    fmt::print(stderr, "Cancelled: {}\n", status.message());
  } else {
    fmt::print(stderr, "silk: {}\n", status.message());
  }
}

}  // namespace silk::shell::repl
