// Result writers for people at a terminal: a boxed table sized to the terminal's width, and
// `line` mode (one "name = value" line per binding). IRIs are shown with the session's
// prefixes; long values are cut with '…'; numbers are right-aligned; unbound cells are empty.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/query/result_writer.h"
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
  std::size_t width = 80;  // the terminal's columns
  bool color = false;      // bold header (ANSI), only on a terminal without NO_COLOR
  Prefixes prefixes;
};

// Rows are held until End() so that every column's width is known.
class BoxTableWriter final : public query::ResultWriter {
 public:
  BoxTableWriter(std::ostream& out, BoxTableOptions options);
  void Begin(const std::vector<std::string>& variables) override;
  void WriteRow(query::Row row) override;
  void WriteTriple(const rdf::QuadView& triple) override;
  void End() override;
  void WriteBoolean(bool value) override;

 private:
  struct Cell {
    std::string text;
    bool numeric = false;
  };
  std::ostream& out_;
  BoxTableOptions options_;
  std::vector<std::string> header_;
  std::vector<std::vector<Cell>> rows_;
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
