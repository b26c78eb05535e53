#include "shell/repl/why_command.h"

#include <fmt/format.h>

#include <cctype>

#include "grammar/rdf/ntriples_writer.h"
#include "shell/repl/statement_prepare.h"
#include "shell/repl/statement_splitter.h"

namespace silk::shell::repl {
namespace {

// Where the first top-level `SELECT` keyword starts and where the group after it ({ … })
// starts and ends; npos when the text has none.
struct QueryShape {
  std::size_t select = std::string_view::npos;
  std::size_t group_begin = std::string_view::npos;
  std::size_t group_end = std::string_view::npos;
};

QueryShape ShapeOf(std::string_view text) {
  QueryShape shape;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {
      i = text.find('\n', i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (c == '"' || c == '\'') {
      const bool is_long = text.substr(i, 3) == std::string(3, c);
      const std::string close = is_long ? std::string(3, c) : std::string(1, c);
      std::size_t j = i + close.size();
      while (j < text.size() && text.substr(j, close.size()) != close) j += text[j] == '\\' ? 2 : 1;
      i = j + close.size() - 1;
      continue;
    }
    if (c == '<') {
      if (const std::size_t end = IriEnd(text, i); end != std::string_view::npos) {
        i = end;
        continue;
      }
    }
    if (shape.select == std::string_view::npos) {
      if (depth == 0 && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))) &&
          text.size() - i >= 6 && StartsWithKeyword(text.substr(i, 7)) &&
          (text[i] == 's' || text[i] == 'S')) {
        shape.select = i;
      }
      continue;
    }
    if (c == '{') {
      if (depth++ == 0 && shape.group_begin == std::string_view::npos) shape.group_begin = i;
    } else if (c == '}') {
      if (--depth == 0 && shape.group_end == std::string_view::npos) {
        shape.group_end = i;
        return shape;
      }
    }
  }
  return shape;
}

// Collects a query's single column.
class ColumnWriter final : public query::ResultWriter {
 public:
  void Begin(const std::vector<std::string>&) override {}
  void WriteRow(query::Row row) override {
    if (!row.empty() && row[0]) values.emplace_back(*row[0]);
  }
  void WriteTriple(const rdf::QuadView&) override {}
  void End() override {}
  void WriteBoolean(bool) override {}
  std::vector<rdf::Term> values;
};

}  // namespace

Status Why(Session& session) {
  if (!session.last) return Status::InvalidArgument(".why explains the rows of the last SELECT: run one first");
  const LastSelect& last = *session.last;
  const QueryShape shape = ShapeOf(last.text);
  if (shape.group_end == std::string_view::npos) {
    return Status::InvalidArgument(".why needs a SELECT with a WHERE group");
  }
  const std::string_view text = last.text;
  const std::string prologue(text.substr(0, shape.select));
  const std::string group(text.substr(shape.group_begin, shape.group_end - shape.group_begin + 1));

  // A query that names its graphs itself (GRAPH ?g { … }) has the answer in its rows.
  std::vector<std::size_t> graph_columns;
  for (std::size_t i = 0; i < last.variables.size(); ++i) {
    for (std::string_view marker : {"GRAPH ?", "graph ?", "Graph ?"}) {
      const std::string needle = std::string(marker) + last.variables[i];
      const std::size_t at = group.find(needle);
      const std::size_t after = at + needle.size();
      if (at != std::string::npos &&
          (after == group.size() || !(std::isalnum(static_cast<unsigned char>(group[after])) || group[after] == '_'))) {
        graph_columns.push_back(i);
        break;
      }
    }
  }
  std::string variables;
  for (const std::string& v : last.variables) variables += " ?" + v;
  query::QueryOptions options = SessionQueryOptions(session);
  options.reject_unbound_projections = false;
  std::ostream& out = session.out();
  constexpr std::size_t kMaxRows = 50;
  for (std::size_t r = 0; r < last.rows.size() && r < kMaxRows; ++r) {
    const auto& row = last.rows[r];
    // The row's values, fixed with VALUES; blank nodes cannot be named, so they stay open.
    std::string values;
    std::string shown;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool usable = row[i] && !row[i]->view().IsBlank();
      std::string term = "UNDEF";
      if (usable) {
        term.clear();
        rdf::AppendTerm(term, row[i]->view());
      }
      values += " " + term;
      if (row[i]) {
        shown += fmt::format("{}?{} = {}", shown.empty() ? "" : ", ", last.variables[i],
                             ShortTermText(row[i]->view(), session.prefixes));
      }
    }
    if (!graph_columns.empty()) {
      out << fmt::format("{}. {}\n", r + 1, shown.empty() ? "(no bindings)" : shown);
      for (std::size_t column : graph_columns) {
        if (row[column]) out << fmt::format("   {}\n", ShortTermText(row[column]->view(), session.prefixes));
      }
      continue;
    }
    const std::string why = fmt::format(
        "{}SELECT DISTINCT ?silk_why_graph WHERE {{ GRAPH ?silk_why_graph {} VALUES ({} ) {{ ({} ) }} }} ORDER BY ?silk_why_graph",
        prologue, group, variables, values);
    Result<std::unique_ptr<query::PreparedRequest>> request = query::Prepare(why, options);
    if (!request.ok()) {
      return Status::InvalidArgument(".why cannot follow this query to its sources (it works on the graph patterns of a SELECT)");
    }
    ColumnWriter graphs;
    SILK_RETURN_IF_ERROR(query::Execute(**request, session.store, graphs, options));
    out << fmt::format("{}. {}\n", r + 1, shown.empty() ? "(no bindings)" : shown);
    if (graphs.values.empty()) {
      out << "   no single named graph holds all of it (it joins facts from several, or from the default graph)\n";
    }
    for (const rdf::Term& g : graphs.values) {
      out << fmt::format("   {}\n", ShortTermText(g.view(), session.prefixes));
    }
  }
  if (last.rows.size() > kMaxRows || last.truncated) {
    out << fmt::format("(the first {} rows)\n", kMaxRows);
  }
  if (last.rows.empty()) out << "(the last query returned no rows)\n";
  return Status::Ok();
}

}  // namespace silk::shell::repl
