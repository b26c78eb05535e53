#include "shell/repl/dot_commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>

#include "engine/load/input_file.h"
#include "engine/load/loader.h"
#include "engine/names/label_source.h"
#include "engine/names/name_matcher.h"
#include "grammar/rdf/ntriples_writer.h"
#include "shell/commit_with_progress.h"
#include "shell/prefixes.h"
#include "shell/progress_bar.h"
#include "shell/repl/load_dot_command.h"
#include "shell/repl/script.h"
#include "shell/repl/statement_runner.h"
#include "shell/repl/statement_splitter.h"
#include "shell/schema.h"
#include "shell/text_format.h"

namespace silk::shell::repl {
namespace {

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Splits "name rest" at the first space.
std::pair<std::string_view, std::string_view> Split(std::string_view text) {
  text = Trim(text);
  const auto space = text.find_first_of(" \t");
  if (space == std::string_view::npos) return {text, {}};
  return {text.substr(0, space), Trim(text.substr(space + 1))};
}

Status Usage(std::string_view name) {
  for (const DotCommandInfo& command : DotCommands()) {
    if (command.name == name) {
      return Status::InvalidArgument(fmt::format("usage: {} {}", command.name, command.args));
    }
  }
  return Status::InvalidArgument(fmt::format("usage: {}", name));
}

// Decodes ids, remembering the ones seen (a term's quads share predicates and graphs).
class TermNames {
 public:
  TermNames(const storage::Snapshot& snapshot, const Prefixes& prefixes)
      : snapshot_(snapshot), prefixes_(prefixes) {}
  std::string Name(storage::TermId id) {
    if (id == storage::kDefaultGraphId) return "(default graph)";
    auto it = names_.find(id);
    if (it != names_.end()) return it->second;
    Result<rdf::Term> term = snapshot_.Decode(id);
    std::string name = term.ok() ? ShortTermText(term->view(), prefixes_)
                                 : fmt::format("(undecodable id {})", id);
    return names_.emplace(id, std::move(name)).first->second;
  }

 private:
  const storage::Snapshot& snapshot_;
  const Prefixes& prefixes_;
  std::map<storage::TermId, std::string> names_;
};

// "kca:X", "<http://…>", or a name the name matcher knows: the IRI it stands for.
Result<std::string> ResolveTerm(Session& session, const storage::Snapshot& snapshot,
                                std::string_view text) {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    return std::string(text.substr(1, text.size() - 2));
  }
  if (const auto colon = text.find(':');
      colon != std::string_view::npos && text.find(' ') == std::string_view::npos) {
    const std::string_view prefix = text.substr(0, colon);
    for (const auto& [name, iri] : session.prefixes) {
      if (name == prefix) return iri + std::string(text.substr(colon + 1));
    }
    if (text.substr(colon).starts_with("://")) return std::string(text);
    return Status::InvalidArgument(fmt::format("the prefix '{}:' is not declared (see .prefixes)", prefix));
  }
  Result<std::vector<names::EntityLabel>> labels = names::ReadLabels(snapshot);
  if (!labels.ok()) return labels.status();
  const names::NameMatcher matcher(std::move(*labels));
  const std::vector<names::NameMatch> matches = matcher.Find(text, {.limit = 1});
  if (matches.empty()) {
    return Status::NotFound(fmt::format("no entity is called '{}', nor anything close to it", text));
  }
  return matches.front().entity;
}

Status Describe(Session& session, std::string_view arg) {
  if (arg.empty()) return Usage(".describe");
  std::unique_ptr<storage::Snapshot> snapshot = session.store.GetSnapshot();
  Result<std::string> iri = ResolveTerm(session, *snapshot, arg);
  if (!iri.ok()) return iri.status();
  Result<std::optional<storage::TermId>> id = snapshot->Lookup(rdf::TermView::Iri(*iri));
  if (!id.ok()) return id.status();
  if (!*id) return Status::NotFound(fmt::format("the store holds nothing about <{}>", *iri));

  TermNames names(*snapshot, session.prefixes);
  // predicate → object → graphs; the same for quads pointing at the term.
  using Grouped = std::map<std::string, std::map<std::string, std::vector<std::string>>>;
  const auto collect = [&](const storage::QuadPattern& pattern, bool outgoing, Grouped& grouped) {
    std::unique_ptr<storage::QuadIterator> it = snapshot->Scan(pattern);
    for (; it->Valid(); it->Next()) {
      if (session.cancel.load()) return Status::Cancelled("stopped by Ctrl-C");
      const storage::QuadIds q = it->quad();
      grouped[names.Name(q.p)][names.Name(outgoing ? q.o : q.s)].push_back(names.Name(q.g));
    }
    return it->status();
  };
  Grouped out_quads;
  Grouped in_quads;
  storage::QuadPattern about;
  about.s = **id;
  SILK_RETURN_IF_ERROR(collect(about, true, out_quads));
  storage::QuadPattern pointing;
  pointing.o = **id;
  SILK_RETURN_IF_ERROR(collect(pointing, false, in_quads));

  std::ostream& out = session.out();
  out << names.Name(**id) << '\n';
  std::size_t width = 0;
  for (const auto& [p, objects] : out_quads) width = std::max(width, DisplayWidth(p));
  for (const auto& [p, subjects] : in_quads) width = std::max(width, DisplayWidth(p) + 2);
  const auto print = [&](const Grouped& grouped, std::string_view arrow) {
    for (const auto& [p, values] : grouped) {
      bool first = true;
      for (const auto& [value, graphs] : values) {
        std::string label = first ? fmt::format("{}{}", arrow, p) : std::string();
        label += std::string(width - DisplayWidth(label), ' ');
        std::string sources;
        for (const std::string& g : graphs) sources += (sources.empty() ? "" : ", ") + g;
        out << fmt::format("  {}  {}   [{}]\n", label, value, sources);
        first = false;
      }
    }
  };
  print(out_quads, "");
  print(in_quads, "\u2190 ");
  if (out_quads.empty() && in_quads.empty()) out << "  (no statements)\n";
  return Status::Ok();
}

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

Status Dump(Session& session, std::string_view arg) {
  if (!arg.empty()) return Usage(".dump");
  std::unique_ptr<storage::Snapshot> snapshot = session.store.GetSnapshot();
  std::unique_ptr<storage::QuadIterator> it = snapshot->Scan({});
  std::ostream& out = session.out();
  std::string line;
  for (; it->Valid(); it->Next()) {
    if (session.cancel.load()) return Status::Cancelled("stopped by Ctrl-C");
    const storage::QuadIds q = it->quad();
    Result<rdf::Term> s = snapshot->Decode(q.s);
    Result<rdf::Term> p = snapshot->Decode(q.p);
    Result<rdf::Term> o = snapshot->Decode(q.o);
    if (!s.ok()) return s.status();
    if (!p.ok()) return p.status();
    if (!o.ok()) return o.status();
    rdf::Term g;
    if (q.g != storage::kDefaultGraphId) {
      Result<rdf::Term> graph = snapshot->Decode(q.g);
      if (!graph.ok()) return graph.status();
      g = std::move(*graph);
    }
    line.clear();
    rdf::AppendQuad(line, {s->view(), p->view(), o->view(), g.view()}, /*with_graph=*/true);
    out << line;
  }
  return it->status();
}

Status Stats(Session& session, bool graphs_only) {
  Result<storage::StoreStats> stats = session.store.Stats();
  if (!stats.ok()) return stats.status();
  std::unique_ptr<storage::Snapshot> snapshot = session.store.GetSnapshot();
  TermNames names(*snapshot, session.prefixes);
  std::ostream& out = session.out();
  if (!graphs_only) {
    out << fmt::format("store        {}{}\n", session.store.dir(), session.store.read_only() ? " (read-only)" : "");
    out << fmt::format("quads        {}\n", FormatCount(stats->quads));
    out << fmt::format("terms        {}\n", FormatCount(stats->terms));
    out << fmt::format("graphs       {}\n", FormatCount(stats->graphs.size()));
    out << fmt::format("predicates   {}\n", FormatCount(stats->predicates.size()));
    out << fmt::format("on disk      {}\n", FormatBytes(stats->bytes_on_disk));
    out << fmt::format("\n{:>10}  predicate\n", "quads");
    for (const storage::PredicateStats& p : stats->predicates) {
      out << fmt::format("{:>10}  {}\n", FormatCount(p.quads), names.Name(p.predicate));
    }
    return Status::Ok();
  }
  out << fmt::format("{:>10}  graph\n", "quads");
  for (const storage::GraphStats& g : stats->graphs) {
    out << fmt::format("{:>10}  {}\n", FormatCount(g.quads), names.Name(g.graph));
  }
  return Status::Ok();
}

Status Find(Session& session, std::string_view name) {
  if (name.empty()) return Usage(".find");
  std::unique_ptr<storage::Snapshot> snapshot = session.store.GetSnapshot();
  Result<std::vector<names::EntityLabel>> labels = names::ReadLabels(*snapshot);
  if (!labels.ok()) return labels.status();
  const names::NameMatcher matcher(std::move(*labels));
  const std::vector<names::NameMatch> matches = matcher.Find(name);
  if (matches.empty()) {
    return Status::NotFound(fmt::format("no entity is called '{}', nor anything close to it", name));
  }
  std::ostream& out = session.out();
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const names::NameMatch& m = matches[i];
    std::string label = fmt::format("\"{}\"", m.matched.label);
    if (!m.matched.language.empty()) label += "@" + m.matched.language;
    out << fmt::format("{}. {}  {}\n   matched {} ({})\n", i + 1, m.preferred_label,
                       ShortTermText(rdf::TermView::Iri(m.entity), session.prefixes), label,
                       names::MatchKindName(m.kind));
  }
  return Status::Ok();
}

Status Prefix(Session& session, std::string_view arg) {
  auto [name, iri] = Split(arg);
  if (name.empty() || !name.ends_with(':') || iri.size() < 2 || iri.front() != '<' || iri.back() != '>') {
    return Usage(".prefix");
  }
  DeclarePrefix(session.prefixes, std::string(name.substr(0, name.size() - 1)),
                std::string(iri.substr(1, iri.size() - 2)));
  return Status::Ok();
}

// `.maxrows N`, `.maxwidth N`: a count, 0 for no cap; alone, the current setting.
Status Count(Session& session, std::string_view name, std::string_view arg, std::size_t& value) {
  if (arg.empty()) {
    session.out() << value << '\n';
    return Status::Ok();
  }
  std::size_t parsed = 0;
  const auto [end, error] = std::from_chars(arg.data(), arg.data() + arg.size(), parsed);
  if (error != std::errc() || end != arg.data() + arg.size()) return Usage(name);
  value = parsed;
  return Status::Ok();
}

Status Memory(Session& session, std::string_view arg) {
  if (arg.empty()) {
    session.out() << FormatBytes(session.memory_limit) << '\n';
    return Status::Ok();
  }
  const std::optional<std::uint64_t> bytes = ParseBytes(arg);
  if (!bytes || *bytes < (std::uint64_t{1} << 20)) return Usage(".memory");
  session.memory_limit = *bytes;
  return Status::Ok();
}

Status Timeout(Session& session, std::string_view arg) {
  if (arg.empty()) {
    session.out() << (session.timeout ? FormatSeconds(std::chrono::duration<double>(*session.timeout).count()) : "off") << '\n';
    return Status::Ok();
  }
  if (arg == "off" || arg == "0") {
    session.timeout.reset();
    return Status::Ok();
  }
  double seconds = 0;
  const auto [end, error] = std::from_chars(arg.data(), arg.data() + arg.size(), seconds);
  if (error != std::errc() || end != arg.data() + arg.size() || !(seconds > 0)) return Usage(".timeout");
  session.timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
  return Status::Ok();
}

Status Mode(Session& session, std::string_view arg) {
  static const std::map<std::string_view, OutputMode> kModes = {
      {"table", OutputMode::kTable}, {"tsv", OutputMode::kTsv}, {"csv", OutputMode::kCsv},
      {"json", OutputMode::kJson},   {"xml", OutputMode::kXml}, {"line", OutputMode::kLine}};
  if (arg.empty()) {
    for (const auto& [name, mode] : kModes) {
      if (mode == session.mode) session.out() << name << '\n';
    }
    return Status::Ok();
  }
  auto it = kModes.find(arg);
  if (it == kModes.end()) {
    return Status::InvalidArgument(fmt::format("unknown mode '{}' (use table, tsv, csv, json, xml or line)", arg));
  }
  session.mode = it->second;
  return Status::Ok();
}

Status Explain(Session& session, std::string_view query) {
  if (query.empty()) return Usage(".explain");
  std::string wrapped;
  Result<std::unique_ptr<query::PreparedRequest>> request =
      PrepareStatement(query, SessionQueryOptions(session), &wrapped);
  if (!request.ok()) return request.status();
  return RunStatement(session, {.text = "EXPLAIN " + wrapped});
}

Status Read(Session& session, std::string_view path) {
  if (path.empty()) return Usage(".read");
  std::ifstream in{std::string(path)};
  if (!in) return Status::IOError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  // A script that reads itself, directly or through others, would never end.
  if (session.read_depth >= kMaxReadDepth) {
    return Status::InvalidArgument(fmt::format(".read {}: scripts nest more than {} deep (does one read itself?)", path, kMaxReadDepth));
  }
  const bool interactive = session.interactive;
  const std::string source = session.source;
  session.source = std::string(path);
  ++session.read_depth;
  Status status = RunScript(session, in, {});
  --session.read_depth;
  session.source = source;
  session.interactive = interactive;
  // RunScript printed the failure already; say only where the file stopped.
  if (!status.ok()) return Status::InvalidArgument(fmt::format("{} stopped at its first error", path));
  return Status::Ok();
}

Status Help(Session& session) {
  std::ostream& out = session.out();
  for (const DotCommandInfo& command : DotCommands()) {
    const std::string left = fmt::format("{} {}", command.name, command.args);
    out << fmt::format("{:<28} {}\n", left, command.help);
  }
  out << "\n"
         "How input becomes statements:\n"
         "  A statement typed on one line runs when you press Enter, if it is complete.\n"
         "  One typed over several lines waits for ';' or an empty line, so ORDER BY or LIMIT\n"
         "  can still follow on lines of their own. Pasted text runs once all of it arrived.\n"
         "  A line that starts with SELECT, ASK, CONSTRUCT, DESCRIBE, an update keyword or\n"
         "  PREFIX starts a new statement once the one before it is complete; a dot-command is\n"
         "  a statement of its own. An empty line ends a statement (pasted: once its brackets\n"
         "  are closed).\n"
         "  PREFIX and BASE, alone or at the top of a query, stay declared for the session.\n"
         "  A line of triple patterns runs as SELECT * WHERE { ... }; there ';' is SPARQL's\n"
         "  shorthand, so end it with Enter or an empty line.\n"
         "Tables show the first and last rows of a long result (.maxrows); .output FILE and\n"
         "the other modes get every row. Ctrl-C stops a query or its output; Ctrl-D leaves.\n"
         "At start the shell runs $XDG_CONFIG_HOME/silkgraph/init.silk (~/.config/silkgraph/\n"
         "init.silk), else ~/.silkrc: statements and dot-commands, such as .prefix or .mode.\n";
  return Status::Ok();
}

}  // namespace

const std::vector<DotCommandInfo>& DotCommands() {
  static const std::vector<DotCommandInfo> kCommands = {
      {".help", "", "Show this list"},
      {".load", kLoadUsage, "Load RDF files in one transaction, as silk load does (.load --help)"},
      {".dump", "", "Write every quad as N-Quads"},
      {".mode", "table|tsv|csv|json|xml|line", "How results are shown"},
      {".timer", "on|off", "Show how long each statement took"},
      {".maxrows", "[N]", "Rows a table shows: the first and last of more (default 40; 0: all)"},
      {".maxwidth", "[N]", "Columns a table takes (default 0: the terminal's width)"},
      {".memory", "[SIZE]", "Memory a query's sorts, groups and joins may hold (default 1G)"},
      {".timeout", "[SECONDS|off]", "Stop each query after this long (default off)"},
      {".explain", "QUERY", "Show the plan of QUERY without running it"},
      {".prefixes", "", "List the declared prefixes"},
      {".prefix", "p: <IRI>", "Declare a prefix for the rest of the session"},
      {".stats", "", "Counts of quads, terms, graphs and predicates"},
      {".graphs", "", "The graphs and how many quads each holds"},
      {".schema", "", "Classes, predicates (with an example) and graphs, with counts"},
      {".find", "NAME", "Entities called NAME, in any spelling or language"},
      {".describe", "TERM", "Every statement about TERM (an IRI, p:name, or a name), by predicate"},
      {".why", "", "For each row of the last SELECT, the named graphs (articles) that hold it"},
      {".read", "FILE", "Run the statements and dot-commands in FILE"},
      {".output", "[FILE]", "Send results to FILE, or back to the terminal"},
      {".quit", "", "Leave the shell (also .exit, Ctrl-D)"},
  };
  return kCommands;
}

Status RunDotCommand(Session& session, std::string_view line) {
  auto [name, arg] = Split(line);
  if (name == ".help") return Help(session);
  if (name == ".quit" || name == ".exit") {
    session.quit = true;
    return Status::Ok();
  }
  if (name == ".load") return RunLoadDotCommand(session, arg);
  if (name == ".dump") return Dump(session, arg);
  if (name == ".mode" || name == ".format") return Mode(session, arg);
  if (name == ".timer") {
    if (arg != "on" && arg != "off") return Usage(".timer");
    session.timer = arg == "on";
    return Status::Ok();
  }
  if (name == ".maxrows") return Count(session, name, arg, session.max_rows);
  if (name == ".maxwidth") return Count(session, name, arg, session.max_width);
  if (name == ".memory") return Memory(session, arg);
  if (name == ".timeout") return Timeout(session, arg);
  if (name == ".explain") return Explain(session, arg);
  if (name == ".prefixes") {
    for (const auto& [prefix, iri] : session.prefixes) {
      session.out() << fmt::format("{:<8} <{}>\n", prefix + ":", iri);
    }
    return Status::Ok();
  }
  if (name == ".prefix") return Prefix(session, arg);
  if (name == ".stats") return Stats(session, /*graphs_only=*/false);
  if (name == ".graphs") return Stats(session, /*graphs_only=*/true);
  if (name == ".schema") {
    return arg.empty()
               ? WriteSchema(session.store, session.prefixes, session.out(), &session.cancel)
               : Usage(".schema");
  }
  if (name == ".find") return Find(session, arg);
  if (name == ".describe") return Describe(session, arg);
  if (name == ".why") return Why(session);
  if (name == ".read") return Read(session, arg);
  if (name == ".output") {
    if (arg.empty()) {
      session.output_file.reset();
      return Status::Ok();
    }
    auto file = std::make_unique<std::ofstream>(std::string(arg), std::ios::binary | std::ios::trunc);
    if (!*file) return Status::IOError(fmt::format("cannot write '{}': {}", arg, std::strerror(errno)));
    session.output_file = std::move(file);
    return Status::Ok();
  }
  return Status::InvalidArgument(fmt::format("unknown command '{}' (.help lists them)", name));
}

}  // namespace silk::shell::repl
