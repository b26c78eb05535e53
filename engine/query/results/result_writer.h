// Writing query results: solutions and booleans in the W3C SPARQL result formats (JSON, XML,
// CSV, TSV) or a plain text table; graphs in N-Triples, N-Quads, Turtle or TriG. Rows and
// N-Triples/N-Quads statements stream as they come; the table, Turtle and TriG wait for End().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::query {

enum class ResultFormat { kTable, kTsv, kCsv, kJson, kXml, kNTriples, kNQuads, kTurtle, kTrig };

// What a request returns: solutions (SELECT), a boolean (ASK), a graph (CONSTRUCT, DESCRIBE),
// or nothing (an update).
enum class ResultKind { kSolutions, kBoolean, kGraph, kNothing };

// "table", "tsv", "csv", "json", "xml", "ntriples", "nquads", "turtle", "trig"; nullopt for
// anything else.
std::optional<ResultFormat> ResultFormatNamed(std::string_view name);
std::string_view ResultFormatName(ResultFormat format);

// The formats that can write `kind`, the default first: table, tsv, csv, json, xml for
// solutions and booleans; turtle, trig, ntriples, nquads for graphs; none for nothing.
std::span<const ResultFormat> FormatsFor(ResultKind kind);
bool FormatFits(ResultFormat format, ResultKind kind);

// One solution: a value per variable, nullopt where the variable is unbound.
// A row's terms are valid only during the WriteRow call: a writer copies what it keeps.
using Row = std::span<const std::optional<rdf::TermView>>;

// Receives one query's results. Call order: Begin, WriteRow*, End (SELECT); WriteBoolean once
// (ASK); WriteTriple*, End (CONSTRUCT, DESCRIBE).
class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void Begin(const std::vector<std::string>& variables) = 0;
  virtual void WriteRow(Row row) = 0;
  virtual void WriteTriple(const rdf::QuadView& triple) = 0;
  virtual void End() = 0;
  virtual void WriteBoolean(bool value) = 0;
};

// Takes results and drops them: for EXPLAIN ANALYZE, and for an update, which has none.
class DiscardingWriter final : public ResultWriter {
 public:
  void Begin(const std::vector<std::string>&) override {}
  void WriteRow(Row) override {}
  void WriteTriple(const rdf::QuadView&) override {}
  void End() override {}
  void WriteBoolean(bool) override {}
};

struct WriterOptions {
  // Turtle and TriG write an IRI as prefix:name where one of these (name, namespace) pairs
  // fits; the pairs used are declared at the top. Later pairs override earlier ones.
  std::vector<std::pair<std::string, std::string>> prefixes;
};

// REQUIRES: `out` outlives the writer. A writer writes only what its format fits (see
// FormatFits); it ignores calls for another kind of result.
std::unique_ptr<ResultWriter> MakeResultWriter(ResultFormat format, std::ostream& out,
                                               const WriterOptions& options = {});

}  // namespace silk::query
