// Writing query results: the W3C SPARQL result formats (JSON, XML, CSV, TSV), a plain text
// table, and N-Triples for graphs. Results stream: rows are written as they come.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::query {

enum class ResultFormat { kTable, kTsv, kCsv, kJson, kXml, kNTriples };

// "table", "tsv", "csv", "json", "xml", "ntriples"; nullopt for anything else.
std::optional<ResultFormat> ResultFormatNamed(std::string_view name);

// One solution: a value per variable, nullopt where the variable is unbound.
using Row = std::span<const std::optional<rdf::TermView>>;

// Receives one query's results. Call order: Begin, WriteRow*, End (SELECT); WriteBoolean once
// (ASK); WriteTriple* (CONSTRUCT, DESCRIBE: every format writes graphs as N-Triples).
class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void Begin(const std::vector<std::string>& variables) = 0;
  virtual void WriteRow(Row row) = 0;
  virtual void WriteTriple(const rdf::QuadView& triple) = 0;
  virtual void End() = 0;
  virtual void WriteBoolean(bool value) = 0;
};

// REQUIRES: `out` outlives the writer.
std::unique_ptr<ResultWriter> MakeResultWriter(ResultFormat format, std::ostream& out);

}  // namespace silk::query
