#include "shell/repl/statement_prepare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "shell/repl/newcomer_hints.h"

namespace silk::shell::repl {
namespace {

constexpr std::string_view kBareOpen = "SELECT * WHERE { ";
constexpr std::string_view kOpenedAt = " opened at ";

// Messages about an unclosed bracket name where it opened ("… opened at 3:7"), in the
// coordinates of the text parsed: a wrapper or a statement's place in its input moves them.
struct Position {
  std::size_t line = 0;
  std::size_t column = 0;
};

std::optional<Position> OpenedAt(std::string_view message) {
  const auto at = message.find(kOpenedAt);
  if (at == std::string_view::npos) return std::nullopt;
  Position position;
  const char* cursor = message.data() + at + kOpenedAt.size();
  const char* end = message.data() + message.size();
  auto parsed = std::from_chars(cursor, end, position.line);
  if (parsed.ec != std::errc() || parsed.ptr == end || *parsed.ptr != ':') return std::nullopt;
  parsed = std::from_chars(parsed.ptr + 1, end, position.column);
  if (parsed.ec != std::errc()) return std::nullopt;
  return position;
}

void SetOpenedAt(std::string& message, const Position& position) {
  const auto at = message.find(kOpenedAt) + kOpenedAt.size();
  auto end = message.find_first_not_of("0123456789:", at);
  if (end == std::string::npos) end = message.size();
  message.replace(at, end - at, fmt::format("{}:{}", position.line, position.column));
}

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
  if (std::optional<Position> opened = OpenedAt(error.message)) {
    if (opened->line == 1 && opened->column <= kBareOpen.size()) {
      error.message = "the triple pattern is unfinished";
    } else {
      if (opened->line == 1) opened->column -= kBareOpen.size();
      SetOpenedAt(error.message, *opened);
    }
  }
  return Status::Syntax(std::move(error));
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

Status PlacedInInput(const Status& status, const Statement& statement) {
  if (!status.parse_error()) return status;
  ParseError error = *status.parse_error();
  const auto place = [&](std::size_t& line, std::size_t& column) {
    if (line == 1) column += statement.column - 1;
    line += statement.line - 1;
  };
  if (error.line == 1 && !statement.first_line.empty()) error.line_text = statement.first_line;
  std::size_t line = error.line;
  std::size_t column = error.column;
  place(line, column);
  error.line = line;
  error.column = column;
  if (std::optional<Position> opened = OpenedAt(error.message)) {
    place(opened->line, opened->column);
    SetOpenedAt(error.message, *opened);
  }
  return Status::Syntax(std::move(error));
}

}  // namespace silk::shell::repl
