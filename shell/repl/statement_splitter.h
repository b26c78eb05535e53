// Cutting the shell's input into statements: SPARQL text that may span lines, and dot-commands.
//
// The rules, as `.help` and the README give them:
//  1. ';' outside brackets, strings, IRIs and comments ends a query or update. (In a bare group
//     of triple patterns ';' is SPARQL's predicate-list shorthand and ends nothing.)
//  2. An empty line ends a statement whose brackets are balanced. Typed at the keyboard, an
//     empty line ends it whatever its state, so a stray '{' never traps the prompt.
//  3. A line starting with '.' outside brackets is a dot-command, a statement of its own; it
//     ends the statement before it.
//  4. A line starting with a keyword that opens a statement (SELECT, ASK, INSERT, PREFIX…)
//     starts a new statement when the one before it is complete. Every other line (ORDER BY,
//     LIMIT, VALUES, '}') continues the statement, so one query may span many lines.
//  5. At the end of a line with nothing more waiting to be read, a complete statement runs if
//     it was typed on one line or arrived all at once (pasted). One typed over several lines
//     waits for ';' or an empty line, so ORDER BY or LIMIT can still follow it. A prologue
//     alone (PREFIX, BASE) ends there too: the shell keeps its declarations for the session.
//  Text that is still arriving (the rest of a paste, a script) never ends a statement by rule 5.
// Pure: no I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace silk::shell::repl {

// Whether a statement's text could run as it stands.
enum class Completeness {
  kIncomplete,  // more text could make it a statement
  kComplete,    // it runs (or has an error before its end that more text cannot mend)
  kPrologue,    // only PREFIX and BASE declarations
};

struct SplitterOptions {
  // Asked at line boundaries when brackets are balanced and no string is open. Empty: every
  // statement counts as incomplete, so only ';', an empty line, a dot-command and the end of
  // input end one.
  std::function<Completeness(std::string_view)> completeness;
};

// One statement and where it starts in the input, for error positions in the input's own
// lines and columns.
struct Statement {
  std::string text;       // trimmed; without its ';'
  std::size_t line = 1;   // 1-based line of text[0] in the input
  std::size_t column = 1; // 1-based byte column of text[0] in that line
  std::string first_line; // that whole input line, for showing an error on it

  bool is_dot_command() const { return text.starts_with('.'); }
};

class StatementSplitter {
 public:
  explicit StatementSplitter(SplitterOptions options = {});

  // Adds one line (without its line break). `more_waiting`: more input has already arrived
  // after this line (a paste, a recalled multi-line entry, a script); then rule 5 waits.
  // Returns the statements the line completed, in order. Statements holding only comments
  // are dropped.
  std::vector<Statement> AddLine(std::string_view line, bool more_waiting);
  // The unfinished statement at the end of input, if it holds anything but comments.
  std::optional<Statement> Finish();
  // Whether an unfinished statement waits for more lines (the continuation prompt).
  bool pending() const { return has_code_; }
  // Forgets the unfinished statement (Ctrl-C at a continuation prompt).
  void Reset();

 private:
  enum class Lexical { kCode, kShortSingle, kShortDouble, kLongSingle, kLongDouble };

  void EndStatement(std::vector<Statement>& out);
  void Append(std::string_view text, std::string_view line, std::size_t at);
  Completeness Ask() const;
  bool Balanced() const { return lexical_ == Lexical::kCode && depth_ <= 0; }

  SplitterOptions options_;
  std::string buffer_;
  Lexical lexical_ = Lexical::kCode;
  int depth_ = 0;          // open '{', '(' and '['
  bool has_code_ = false;  // the buffer holds more than whitespace and comments
  bool typed_break_ = false;  // a line break inside this statement was typed, not pasted
  bool last_more_waiting_ = false;
  std::size_t line_number_ = 0;  // of the line being added
  Statement start_;              // where the buffered statement starts
};

// Whether `text` starts with a SPARQL keyword that opens a query or an update (SELECT, PREFIX,
// INSERT…), case-insensitively; otherwise it may be a bare group of triple patterns.
bool StartsWithKeyword(std::string_view text);

// Whether `line` is a dot-command: '.' and a letter, after any indentation.
bool IsDotCommand(std::string_view line);

// Where the IRI starting at text[at] == '<' ends (the index of its '>'), or npos when this
// '<' is a less-than sign: an IRI has no spaces, quotes or braces and closes on its line.
std::size_t IriEnd(std::string_view text, std::size_t at);

}  // namespace silk::shell::repl
