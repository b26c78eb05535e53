// Result writers for people at a terminal: a boxed table sized to the terminal's width, and
// `line` mode (one "name = value" line per binding). IRIs are shown with the session's
// prefixes; long values are cut with '…'; numbers are right-aligned; unbound cells are empty.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/query/results/result_writer.h"
#include "grammar/rdf/term.h"

namespace silk::shell::repl {

using Prefixes = std::vector<std::pair<std::string, std::string>>;

// How a term reads in the shell: `kca:SadyrJaparov` for an IRI under a declared prefix,
// `<iri>` otherwise, numbers and booleans bare, other literals as in Turtle.
std::string ShortTermText(const rdf::TermView& term, const Prefixes& prefixes);

// Whether a term is a number (shown right-aligned).
bool IsNumeric(const rdf::TermView& term);

// Columns a terminal gives `text`: East Asian wide characters take two.
std::size_t DisplayWidth(std::string_view text);

// `text` cut to at most `width` columns, ending with '…' when cut.
std::string Elide(std::string_view text, std::size_t width);

struct BoxTableOptions {
  std::size_t width = 80;  // the terminal's columns (or `.maxwidth`)
  bool color = false;      // bold header (ANSI), only on a terminal without NO_COLOR
  Prefixes prefixes;
  // Rows shown at most: a longer result shows its first and last rows with a '⋮' row between
  // (as DuckDB does). 0 shows every row.
  std::size_t max_rows = 40;
  // Past the first rows, redraw "N rows so far" while the rest of a long result streams by.
  bool live_count = false;
};

// Streams: the top of the table is drawn as soon as the first rows are known to be all there
// is, or to be more than max_rows; after that only the last rows are kept. Memory stays that
// of max_rows rows (of 1,000 rows with max_rows 0, whose widths set the columns').
class BoxTableWriter final : public query::ResultWriter {
 public:
  BoxTableWriter(std::ostream& out, BoxTableOptions options);
  void Begin(const std::vector<std::string>& variables) override;
  void WriteRow(query::Row row) override;
  void WriteTriple(const rdf::QuadView& triple) override;
  // Also closes a table that was cut short (Ctrl-C, an error): the rows kept, its bottom line.
  void End() override;
  void WriteBoolean(bool value) override;

  std::uint64_t rows() const { return rows_; }
  std::uint64_t shown() const { return shown_; }

 private:
  struct Cell {
    std::string text;
    bool numeric = false;
  };
  using Cells = std::vector<Cell>;

  void DrawTop(std::size_t head_rows);  // widths from the rows held, then rule, header, rows
  void DrawRow(const Cells& row, bool header = false);
  void DrawRule(std::string_view left, std::string_view middle, std::string_view right);
  void ShowLiveCount();
  void ClearLiveCount();

  std::ostream& out_;
  BoxTableOptions options_;
  std::vector<std::string> header_;
  std::vector<std::size_t> widths_;
  std::vector<Cells> held_;  // before the top is drawn: the first rows; after: the last ones
  std::size_t held_start_ = 0;  // after the top: where the ring of last rows starts in held_
  bool top_drawn_ = false;
  bool ended_ = false;
  bool live_shown_ = false;
  std::uint64_t rows_ = 0;
  std::uint64_t shown_ = 0;
  std::chrono::steady_clock::time_point last_live_{};
};

// `line` mode: each row as aligned "name = value" lines, rows apart by a blank line.
class LineWriter final : public query::ResultWriter {
 public:
  LineWriter(std::ostream& out, Prefixes prefixes);
  void Begin(const std::vector<std::string>& variables) override;
  void WriteRow(query::Row row) override;
  void WriteTriple(const rdf::QuadView& triple) override;
  void End() override {}
  void WriteBoolean(bool value) override;

 private:
  std::ostream& out_;
  Prefixes prefixes_;
  std::vector<std::string> variables_;
  std::size_t name_width_ = 0;
  std::size_t rows_ = 0;
};

}  // namespace silk::shell::repl
