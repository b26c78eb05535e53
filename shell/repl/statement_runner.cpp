#include "shell/repl/statement_runner.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "shell/prefixes.h"
#include "shell/repl/newcomer_hints.h"
#include "shell/repl/result_mode.h"
#include "shell/text_format.h"
#include "shell/unknown_names.h"

namespace silk::shell::repl {
namespace {

constexpr std::string_view kBareOpen = "SELECT * WHERE { ";

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

// A syntax error in the wrapped text, moved back to where it is in the user's text. An error
// at the user's very first word means the text is neither SPARQL nor a pattern: say what is.
Status Unwrapped(const Status& status, std::string_view original) {
  if (!status.parse_error()) return status;
  ParseError error = *status.parse_error();
  const auto first_line_end = original.find('\n');
  if (error.line == 1) {
    error.column = error.column > kBareOpen.size() ? error.column - kBareOpen.size() : 1;
    error.line_text = std::string(original.substr(0, first_line_end));
    if (error.column == 1) {
      error.message =
          "expected a query (SELECT, ASK, CONSTRUCT, DESCRIBE), an update, or triple patterns "
          "such as ?s kca:visited ?o (.help lists the shell's commands)";
    }
  }
  // Past the user's last line is the '}' the wrapper added: the pattern ended unfinished.
  const std::size_t lines = static_cast<std::size_t>(std::count(original.begin(), original.end(), '\n')) + 1;
  if (error.line > lines) {
    const auto last_line_start = original.rfind('\n');
    error.line = lines;
    error.line_text = std::string(last_line_start == std::string_view::npos ? original : original.substr(last_line_start + 1));
    error.column = error.line_text.size() + 1;
  }
  // "… opened at 1:N" counts columns of the wrapped text: the user's, or the wrapper's '{'.
  constexpr std::string_view kOpenedAt = " opened at 1:";
  if (const auto at = error.message.find(kOpenedAt); at != std::string::npos) {
    const std::size_t digits = at + kOpenedAt.size();
    std::size_t end = digits;
    while (end < error.message.size() && std::isdigit(static_cast<unsigned char>(error.message[end]))) ++end;
    const std::size_t column = std::stoul("0" + error.message.substr(digits, end - digits));
    if (column > kBareOpen.size()) {
      error.message.replace(digits, end - digits, std::to_string(column - kBareOpen.size()));
    } else {
      error.message = "the triple pattern is unfinished";
    }
  }
  return Status::Syntax(std::move(error));
}

// A syntax error positioned in the statement's text, moved to its place in the input the
// statement came from (a script's own lines and columns).
Status InInput(const Status& status, const Statement& statement) {
  if (!status.parse_error()) return status;
  ParseError error = *status.parse_error();
  if (error.line == 1) {
    error.column += statement.column - 1;
    if (!statement.first_line.empty()) error.line_text = statement.first_line;
  }
  error.line += statement.line - 1;
  return Status::Syntax(std::move(error));
}

void Declare(Session& session, const query::PreparedRequest& request) {
  for (const auto& [name, iri] : request.declared_prefixes()) DeclarePrefix(session.prefixes, name, iri);
  if (!request.declared_base().empty()) session.base_iri = request.declared_base();
}

}  // namespace

query::QueryOptions SessionQueryOptions(const Session& session) {
  query::QueryOptions options;
  options.source_name = session.source;
  options.base_iri = session.base_iri;
  options.prefixes = session.prefixes;
  options.reject_unbound_projections = session.interactive;
  options.limits.cancel = &session.cancel;
  options.limits.memory_limit = session.memory_limit;
  options.limits.timeout = session.timeout;
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

Completeness StatementCompleteness(std::string_view text, const Session& session) {
  if (NewcomerHint(text)) return Completeness::kComplete;
  Result<std::unique_ptr<query::PreparedRequest>> request =
      PrepareStatement(text, SessionQueryOptions(session));
  if (request.ok()) {
    return (*request)->only_prologue() ? Completeness::kPrologue : Completeness::kComplete;
  }
  const std::optional<ParseError>& error = request.status().parse_error();
  if (!error) return Completeness::kComplete;
  // An error before the end cannot be mended by more lines: the statement runs and shows it.
  // One at the very end means it goes on, as in "SELECT ?x" or "ASK { ?s ?p ?o } ORDER".
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  const auto last_break = text.rfind('\n');
  const std::size_t last_line_length = text.size() - (last_break == std::string_view::npos ? 0 : last_break + 1);
  return error->line < lines || error->column <= last_line_length ? Completeness::kComplete
                                                                  : Completeness::kIncomplete;
}

Status RunStatement(Session& session, const Statement& statement) {
  const std::string_view text = statement.text;
  if (std::optional<std::string> hint = NewcomerHint(text)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a statement: {}", text, *hint));
  }
  query::QueryOptions options = SessionQueryOptions(session);
  std::string run_text;
  Result<std::unique_ptr<query::PreparedRequest>> request =
      PrepareStatement(text, options, &run_text);
  if (!request.ok()) return InInput(request.status(), statement);
  Declare(session, **request);
  if ((*request)->only_prologue()) return Status::Ok();

  BoxTableWriter* box = nullptr;
  Result<std::unique_ptr<query::ResultWriter>> writer = MakeModeWriter(session, **request, &box);
  if (!writer.ok()) return writer.status();
  WarnAboutUnknownNames(**request, session.store, std::cerr);
  CapturingWriter capture(**writer, session.cancel);
  std::string plan;
  const auto started = std::chrono::steady_clock::now();
  Status status = query::Execute(**request, session.store, capture, options, &plan);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
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
