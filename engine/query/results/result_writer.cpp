#include "engine/query/results/result_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/query/results/graph_writers.h"
#include "engine/query/results/turtle_text.h"

namespace silk::query {
namespace {

// What the formats of solutions share: the stream, and no graphs (see graph_writers.h).
class StreamWriter : public ResultWriter {
 public:
  explicit StreamWriter(std::ostream& out) : out_(out) {}
  void WriteTriple(const rdf::QuadView&) override {}

 protected:
  std::ostream& out_;
};

class TsvWriter final : public StreamWriter {
 public:
  explicit TsvWriter(std::ostream& out) : StreamWriter(out) {}
  void Begin(const std::vector<std::string>& variables) override {
    for (std::size_t i = 0; i < variables.size(); ++i) {
      out_ << (i ? "\t?" : "?") << variables[i];
    }
    out_ << '\n';
  }
  void WriteRow(Row row) override {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out_ << '\t';
      // N-Triples escapes tabs and newlines, so a value never breaks the layout.
      if (row[i]) out_ << TurtleText(*row[i]);
    }
    out_ << '\n';
  }
  void End() override {}
  void WriteBoolean(bool value) override { out_ << (value ? "true\n" : "false\n"); }

};

class CsvWriter final : public StreamWriter {
 public:
  explicit CsvWriter(std::ostream& out) : StreamWriter(out) {}
  void Begin(const std::vector<std::string>& variables) override {
    for (std::size_t i = 0; i < variables.size(); ++i) {
      if (i) out_ << ',';
      Field(variables[i]);
    }
    out_ << "\r\n";  // RFC 4180 line ends, as the SPARQL CSV format asks
  }
  void WriteRow(Row row) override {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out_ << ',';
      if (!row[i]) continue;
      // CSV keeps only the value: IRIs bare, literals by their lexical form.
      if (row[i]->IsBlank()) {
        Field("_:" + std::string(row[i]->value));
      } else {
        Field(row[i]->value);
      }
    }
    out_ << "\r\n";
  }
  void End() override {}
  void WriteBoolean(bool value) override { out_ << (value ? "true\r\n" : "false\r\n"); }

 private:
  void Field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ << value;
      return;
    }
    out_ << '"';
    for (char c : value) {
      if (c == '"') out_ << '"';
      out_ << c;
    }
    out_ << '"';
  }
};

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

class JsonWriter final : public StreamWriter {
 public:
  explicit JsonWriter(std::ostream& out) : StreamWriter(out) {}
  void Begin(const std::vector<std::string>& variables) override {
    variables_ = variables;
    begun_ = true;
    out_ << "{\"head\":{\"vars\":[";
    for (std::size_t i = 0; i < variables.size(); ++i) {
      out_ << (i ? "," : "") << JsonString(variables[i]);
    }
    out_ << "]},\"results\":{\"bindings\":[";
  }
  void WriteRow(Row row) override {
    out_ << (rows_++ ? ",\n" : "\n") << '{';
    bool first = true;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;  // unbound: absent, as the format says
      out_ << (first ? "" : ",") << JsonString(variables_[i]) << ':' << Binding(*row[i]);
      first = false;
    }
    out_ << '}';
  }
  void End() override {
    if (begun_) out_ << "\n]}}\n";
  }
  void WriteBoolean(bool value) override {
    out_ << "{\"head\":{},\"boolean\":" << (value ? "true" : "false") << "}\n";
  }

 private:
  static std::string Binding(const rdf::TermView& term) {
    switch (term.kind) {
      case rdf::TermKind::kIri:
        return "{\"type\":\"uri\",\"value\":" + JsonString(term.value) + "}";
      case rdf::TermKind::kBlank:
        return "{\"type\":\"bnode\",\"value\":" + JsonString(term.value) + "}";
      default: {
        std::string out = "{\"type\":\"literal\",\"value\":" + JsonString(term.value);
        if (!term.language.empty()) {
          out += ",\"xml:lang\":" + JsonString(term.language);
        } else if (!term.datatype.empty() && term.datatype != rdf::kXsdString) {
          out += ",\"datatype\":" + JsonString(term.datatype);
        }
        return out + "}";
      }
    }
  }
  std::vector<std::string> variables_;
  std::uint64_t rows_ = 0;
  bool begun_ = false;  // End closes only what Begin opened
};

// XML 1.0 cannot hold U+0000, the other C0 controls but tab, newline and carriage return,
// U+FFFE and U+FFFF, not even as character references; such a character is written as
// U+FFFD (the replacement character), so the document stays well-formed. A carriage return
// is written as "&#13;" so that parsers, which turn a raw one into a newline, keep it.
std::string XmlEscape(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;
      case '\t':
      case '\n': out += c; break;
      default:
        if (byte < 0x20) {
          out += kReplacement;
        } else if (byte == 0xEF && i + 2 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                    static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
          out += kReplacement;  // U+FFFE, U+FFFF
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

class XmlWriter final : public StreamWriter {
 public:
  explicit XmlWriter(std::ostream& out) : StreamWriter(out) {}
  void Begin(const std::vector<std::string>& variables) override {
    variables_ = variables;
    begun_ = true;
    out_ << kHeader << "<head>";
    for (const std::string& variable : variables) {
      out_ << "<variable name=\"" << XmlEscape(variable) << "\"/>";
    }
    out_ << "</head>\n<results>\n";
  }
  void WriteRow(Row row) override {
    out_ << "<result>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      out_ << "<binding name=\"" << XmlEscape(variables_[i]) << "\">" << Value(*row[i])
           << "</binding>";
    }
    out_ << "</result>\n";
  }
  void End() override {
    if (begun_) out_ << "</results>\n</sparql>\n";
  }
  void WriteBoolean(bool value) override {
    out_ << kHeader << "<head/>\n<boolean>" << (value ? "true" : "false")
         << "</boolean>\n</sparql>\n";
  }

 private:
  static constexpr std::string_view kHeader =
      "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";
  static std::string Value(const rdf::TermView& term) {
    switch (term.kind) {
      case rdf::TermKind::kIri: return "<uri>" + XmlEscape(term.value) + "</uri>";
      case rdf::TermKind::kBlank: return "<bnode>" + XmlEscape(term.value) + "</bnode>";
      default:
        if (!term.language.empty()) {
          return "<literal xml:lang=\"" + XmlEscape(term.language) + "\">" +
                 XmlEscape(term.value) + "</literal>";
        }
        if (!term.datatype.empty() && term.datatype != rdf::kXsdString) {
          return "<literal datatype=\"" + XmlEscape(term.datatype) + "\">" +
                 XmlEscape(term.value) + "</literal>";
        }
        return "<literal>" + XmlEscape(term.value) + "</literal>";
    }
  }
  std::vector<std::string> variables_;
  bool begun_ = false;  // End closes only what Begin opened
};

// Code points, not bytes, so columns of German, Turkish and Cyrillic text line up.
std::size_t DisplayWidth(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Aligned columns need every width first, so the table holds its rows until End().
// Columns aligned by the widths of the first rows: those are held until there are kWidthRows
// of them (or the end), then everything streams, so memory stays small whatever the result. A
// later value wider than its column only pushes the rest of its own line to the right.
class TableWriter final : public StreamWriter {
 public:
  explicit TableWriter(std::ostream& out) : StreamWriter(out) {}
  void Begin(const std::vector<std::string>& variables) override {
    header_.clear();
    held_.clear();
    widths_.clear();
    rows_ = 0;
    for (const std::string& variable : variables) header_.push_back("?" + variable);
  }
  void WriteRow(Row row) override {
    std::vector<std::string> cells;
    for (const auto& value : row) cells.push_back(value ? TurtleText(*value) : std::string());
    ++rows_;
    if (!widths_.empty()) {
      PrintLine(cells);
      return;
    }
    held_.push_back(std::move(cells));
    if (held_.size() >= kWidthRows) PrintHeld();
  }
  void End() override {
    if (header_.empty()) return;
    if (widths_.empty()) PrintHeld();
    out_ << fmt::format("({} row{})\n", rows_, rows_ == 1 ? "" : "s");
  }
  void WriteBoolean(bool value) override { out_ << (value ? "true\n" : "false\n"); }

 private:
  static constexpr std::size_t kWidthRows = 1000;

  void PrintHeld() {
    for (const std::string& name : header_) widths_.push_back(DisplayWidth(name));
    for (const auto& row : held_) {
      for (std::size_t i = 0; i < row.size(); ++i) widths_[i] = std::max(widths_[i], DisplayWidth(row[i]));
    }
    PrintLine(header_);
    for (const auto& row : held_) PrintLine(row);
    held_.clear();
    held_.shrink_to_fit();
  }
  void PrintLine(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line += "  ";
      line += cells[i];
      const std::size_t width = DisplayWidth(cells[i]);
      if (i + 1 < cells.size() && width < widths_[i]) line.append(widths_[i] - width, ' ');
    }
    out_ << line << '\n';
  }
  std::vector<std::string> header_;
  std::vector<std::size_t> widths_;  // empty until the first rows are printed
  std::vector<std::vector<std::string>> held_;
  std::uint64_t rows_ = 0;
};

constexpr std::pair<ResultFormat, std::string_view> kFormatNames[] = {
    {ResultFormat::kTable, "table"},       {ResultFormat::kTsv, "tsv"},
    {ResultFormat::kCsv, "csv"},           {ResultFormat::kJson, "json"},
    {ResultFormat::kXml, "xml"},           {ResultFormat::kNTriples, "ntriples"},
    {ResultFormat::kNQuads, "nquads"},     {ResultFormat::kTurtle, "turtle"},
    {ResultFormat::kTrig, "trig"},
};
constexpr ResultFormat kSolutionFormats[] = {ResultFormat::kTable, ResultFormat::kTsv,
                                             ResultFormat::kCsv, ResultFormat::kJson,
                                             ResultFormat::kXml};
constexpr ResultFormat kGraphFormats[] = {ResultFormat::kTurtle, ResultFormat::kTrig,
                                          ResultFormat::kNTriples, ResultFormat::kNQuads};

}  // namespace

std::optional<ResultFormat> ResultFormatNamed(std::string_view name) {
  for (const auto& [format, format_name] : kFormatNames) {
    if (format_name == name) return format;
  }
  return std::nullopt;
}

std::string_view ResultFormatName(ResultFormat format) {
  for (const auto& [known, name] : kFormatNames) {
    if (known == format) return name;
  }
  return "?";
}

std::span<const ResultFormat> FormatsFor(ResultKind kind) {
  switch (kind) {
    case ResultKind::kSolutions:
    case ResultKind::kBoolean: return kSolutionFormats;
    case ResultKind::kGraph: return kGraphFormats;
    case ResultKind::kNothing: break;
  }
  return {};
}

bool FormatFits(ResultFormat format, ResultKind kind) {
  const std::span<const ResultFormat> fitting = FormatsFor(kind);
  return std::find(fitting.begin(), fitting.end(), format) != fitting.end();
}

std::unique_ptr<ResultWriter> MakeResultWriter(ResultFormat format, std::ostream& out,
                                               const WriterOptions& options) {
  switch (format) {
    case ResultFormat::kTable: return std::make_unique<TableWriter>(out);
    case ResultFormat::kTsv: return std::make_unique<TsvWriter>(out);
    case ResultFormat::kCsv: return std::make_unique<CsvWriter>(out);
    case ResultFormat::kJson: return std::make_unique<JsonWriter>(out);
    case ResultFormat::kXml: return std::make_unique<XmlWriter>(out);
    case ResultFormat::kNTriples: return MakeLineGraphWriter(out, /*with_graph=*/false);
    case ResultFormat::kNQuads: return MakeLineGraphWriter(out, /*with_graph=*/true);
    case ResultFormat::kTurtle: return MakeTurtleWriter(out, options.prefixes, /*trig=*/false);
    case ResultFormat::kTrig: return MakeTurtleWriter(out, options.prefixes, /*trig=*/true);
  }
  return nullptr;
}

}  // namespace silk::query
