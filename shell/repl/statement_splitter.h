// Cutting the shell's input into statements: SPARQL text that may span lines, and dot-commands.
//
// A statement ends with a ';' outside braces, strings, IRIs and comments, or with a blank line
// once its braces are balanced. Interactively it also ends at the end of any line where it can
// run as it stands (`is_complete`), so a one-line query needs no ';'. A bare group of triple
// patterns uses ';' as SPARQL's shorthand, so there ';' does not end the statement.
// A line starting with '.' when no statement is open is a dot-command, complete on its own.
// Pure: no I/O.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace silk::shell::repl {

struct SplitterOptions {
  // Asked at the end of a line, when braces are balanced and no string is open: whether the
  // statement so far can run as it is. Empty: only ';', a blank line and the end of input
  // end a statement (scripts).
  std::function<bool(std::string_view)> is_complete;
};

class StatementSplitter {
 public:
  explicit StatementSplitter(SplitterOptions options = {});

  // Adds one line (without its line break); returns the statements it completed, in order,
  // without their ';' and trimmed. Statements holding only comments are dropped.
  std::vector<std::string> AddLine(std::string_view line);
  // The unfinished statement at the end of input, if it holds anything but comments.
  std::optional<std::string> Finish();
  // Whether an unfinished statement waits for more lines (the continuation prompt).
  bool pending() const { return has_code_; }
  // Forgets the unfinished statement (Ctrl-C at a continuation prompt).
  void Reset();

 private:
  enum class Lexical { kCode, kShortSingle, kShortDouble, kLongSingle, kLongDouble };

  void EndStatement(std::vector<std::string>& out);
  bool SemicolonEnds() const;

  SplitterOptions options_;
  std::string buffer_;
  Lexical lexical_ = Lexical::kCode;
  int depth_ = 0;         // open '{', '(' and '['
  bool has_code_ = false; // the buffer holds more than whitespace and comments
};

// Whether `text` starts with a SPARQL keyword that opens a query or an update (SELECT, PREFIX,
// INSERT…), case-insensitively; otherwise it may be a bare group of triple patterns.
bool StartsWithKeyword(std::string_view text);

// Where the IRI starting at text[at] == '<' ends (the index of its '>'), or npos when this
// '<' is a less-than sign: an IRI has no spaces, quotes or braces and closes on its line.
std::size_t IriEnd(std::string_view text, std::size_t at);

}  // namespace silk::shell::repl
