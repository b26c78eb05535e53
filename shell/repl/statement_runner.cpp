#include "shell/repl/statement_runner.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "shell/repl/result_mode.h"
#include "shell/repl/statement_splitter.h"
#include "shell/text_format.h"
#include "shell/unknown_names.h"

namespace silk::shell::repl {
namespace {

constexpr std::string_view kBareOpen = "SELECT * WHERE { ";

// Passes everything on to the real writer, and keeps a SELECT's rows for `.why`.
class CapturingWriter final : public query::ResultWriter {
 public:
  explicit CapturingWriter(query::ResultWriter& inner) : inner_(inner) {}
  void Begin(const std::vector<std::string>& variables) override {
    select_.emplace();
    select_->variables = variables;
    inner_.Begin(variables);
  }
  void WriteRow(query::Row row) override {
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
    ++count_;
    inner_.WriteTriple(triple);
  }
  void End() override { inner_.End(); }
  void WriteBoolean(bool value) override { inner_.WriteBoolean(value); }

  std::optional<LastSelect>& select() { return select_; }
  std::uint64_t count() const { return count_; }

 private:
  query::ResultWriter& inner_;
  std::optional<LastSelect> select_;
  std::uint64_t count_ = 0;
};

// A syntax error in the wrapped text, moved back to where it is in the user's text.
Status Unwrapped(const Status& status, std::string_view original) {
  if (!status.parse_error()) return status;
  ParseError error = *status.parse_error();
  if (error.line == 1) {
    error.column = error.column > kBareOpen.size() ? error.column - kBareOpen.size() : 1;
    const auto end = original.find('\n');
    error.line_text = std::string(original.substr(0, end));
  }
  const std::size_t length = original.size();
  if (error.column > length + 1 && error.line == 1) error.column = length + 1;
  return Status::Syntax(std::move(error));
}

}  // namespace

query::QueryOptions SessionQueryOptions(const Session& session) {
  query::QueryOptions options;
  options.source_name = session.interactive ? "<input>" : "<stdin>";
  options.prefixes = session.prefixes;
  options.reject_unbound_projections = session.interactive;
  options.limits.cancel = &session.cancel;
  return options;
}

Result<std::unique_ptr<query::PreparedRequest>> PrepareStatement(
    std::string_view text, const query::QueryOptions& options, std::string* wrapped) {
  Result<std::unique_ptr<query::PreparedRequest>> request = query::Prepare(text, options);
  if (request.ok() || StartsWithKeyword(text)) {
    if (wrapped != nullptr) *wrapped = std::string(text);
    return request;
  }
  // Not a query: perhaps a bare group of triple patterns.
  std::string bare = fmt::format("{}{}\n}}", kBareOpen, text);
  Result<std::unique_ptr<query::PreparedRequest>> as_bare = query::Prepare(bare, options);
  if (as_bare.ok()) {
    if (wrapped != nullptr) *wrapped = std::move(bare);
    return as_bare;
  }
  // It starts like a pattern (a variable, an IRI, a prefixed name): its error is the useful one.
  return Unwrapped(as_bare.status(), text);
}

Status RunStatement(Session& session, std::string_view text) {
  query::QueryOptions options = SessionQueryOptions(session);
  std::string run_text;
  Result<std::unique_ptr<query::PreparedRequest>> request =
      PrepareStatement(text, options, &run_text);
  if (!request.ok()) return request.status();
  if ((*request)->is_update() && session.store.read_only()) {
    return Status::Busy("the store is open read-only (another process is writing to it), so it cannot be updated");
  }

  Result<std::unique_ptr<query::ResultWriter>> writer = MakeModeWriter(session, **request);
  if (!writer.ok()) return writer.status();
  WarnAboutUnknownNames(**request, session.store, std::cerr);
  CapturingWriter capture(**writer);
  std::string plan;
  const auto started = std::chrono::steady_clock::now();
  Status status = query::Execute(**request, session.store, capture, options, &plan);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  session.out().flush();
  if (!status.ok()) return status;
  if (!plan.empty()) session.out() << plan;

  const bool was_select = capture.select().has_value();
  if (was_select) {
    capture.select()->text = run_text;
    session.last = std::move(capture.select());
  }
  if (session.interactive) {
    std::string footer;
    if ((*request)->explain() == query::ExplainMode::kNone) {
      if ((*request)->is_update()) {
        footer = "Done";
      } else if (session.boxed() && was_select) {
        footer = fmt::format("{} {}", FormatCount(capture.count()), capture.count() == 1 ? "row" : "rows");
      } else if (session.boxed() && capture.count() > 0) {
        footer = fmt::format("{} {}", FormatCount(capture.count()), capture.count() == 1 ? "triple" : "triples");
      }
    }
    if (session.timer) {
      footer += footer.empty() ? FormatSeconds(seconds) : fmt::format(" ({})", FormatSeconds(seconds));
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
