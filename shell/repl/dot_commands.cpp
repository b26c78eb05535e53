#include "shell/repl/dot_commands.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "engine/names/label_source.h"
#include "engine/names/literal_search.h"
#include "engine/names/name_matcher.h"
#include "grammar/rdf/ntriples_writer.h"
#include "shell/output_check.h"
#include "shell/repl/describe_command.h"
#include "shell/repl/load_dot_command.h"
#include "shell/repl/script.h"
#include "shell/repl/settings_commands.h"
#include "shell/repl/statement_runner.h"
#include "shell/repl/term_names.h"
#include "shell/repl/viz_dot_command.h"
#include "shell/repl/why_command.h"
#include "shell/schema.h"
#include "shell/search_output.h"
#include "shell/text_format.h"

namespace silk::shell::repl {
namespace {

Status Dump(Session& session, std::string_view arg) {
  if (!arg.empty()) return DotUsage(".dump");
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
    // Read errno at once: it is the failed write's reason only until the next call.
    if (!out) return OutputError(errno);
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
  if (name.empty()) return DotUsage(".find");
  std::unique_ptr<storage::Snapshot> snapshot = session.store.GetSnapshot();
  Result<std::vector<names::EntityLabel>> labels = names::ReadLabels(*snapshot);
  if (!labels.ok()) return labels.status();
  const names::NameMatcher matcher(std::move(*labels));
  const std::vector<names::NameMatch> matches = matcher.Find(name);
  std::ostream& out = session.out();
  if (matches.empty()) {
    // Words of a description, not a name ("Memorandum"): the literals that hold them.
    Result<std::vector<names::LiteralHit>> hits =
        names::SearchLiterals(*snapshot, name, kDefaultSearchLimit);
    if (!hits.ok() || hits->empty()) {
      return Status::NotFound(
          fmt::format("no entity is called '{}', nor anything close to it", name));
    }
    out << fmt::format("No entity is called '{}'; these literals hold the words:\n", name);
    WriteLiteralHits(*hits, session.prefixes, out);
    return Status::Ok();
  }
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

Status Search(Session& session, std::string_view words) {
  if (words.empty()) return DotUsage(".search");
  Result<std::vector<names::LiteralHit>> hits =
      names::SearchLiterals(*session.store.GetSnapshot(), words, kDefaultSearchLimit);
  if (!hits.ok()) return hits.status();
  if (hits->empty()) return Status::NotFound(fmt::format("no literal holds '{}'", words));
  WriteLiteralHits(*hits, session.prefixes, session.out());
  return Status::Ok();
}

Status Explain(Session& session, std::string_view query) {
  if (query.empty()) return DotUsage(".explain");
  std::string wrapped;
  Result<std::unique_ptr<query::PreparedRequest>> request =
      PrepareStatement(query, SessionQueryOptions(session), &wrapped);
  if (!request.ok()) return request.status();
  Statement explain;
  explain.text = "EXPLAIN " + wrapped;
  return RunStatement(session, explain);
}

Status Read(Session& session, std::string_view path) {
  if (path.empty()) return DotUsage(".read");
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

std::pair<std::string_view, std::string_view> SplitFirstWord(std::string_view text) {
  const auto trim = [](std::string_view t) {
    const auto first = t.find_first_not_of(" \t");
    if (first == std::string_view::npos) return std::string_view();
    return t.substr(first, t.find_last_not_of(" \t") - first + 1);
  };
  text = trim(text);
  const auto space = text.find_first_of(" \t");
  if (space == std::string_view::npos) return {text, {}};
  return {text.substr(0, space), trim(text.substr(space + 1))};
}

Status DotUsage(std::string_view name) {
  for (const DotCommandInfo& command : DotCommands()) {
    if (command.name == name) {
      return Status::InvalidArgument(fmt::format("usage: {} {}", command.name, command.args));
    }
  }
  return Status::InvalidArgument(fmt::format("usage: {}", name));
}

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
      {".search", "WORDS", "Things whose literals hold WORDS (full-text, best first)"},
      {".describe", "TERM", "Every statement about TERM (an IRI, p:name, or a name), by predicate"},
      {".why", "", "For each row of the last SELECT, the named graphs (articles) that hold it"},
      {".viz", "TERM [--depth N] [-o FILE]", "Draw TERM's neighbourhood to a file (.svg, .png, .dot; .viz --help)"},
      {".read", "FILE", "Run the statements and dot-commands in FILE"},
      {".output", "[FILE]", "Send results to FILE, or back to the terminal"},
      {".quit", "", "Leave the shell (also .exit, Ctrl-D)"},
  };
  return kCommands;
}

Status RunDotCommand(Session& session, std::string_view line) {
  auto [name, arg] = SplitFirstWord(line);
  if (name == ".help") return Help(session);
  if (name == ".quit" || name == ".exit") {
    session.quit = true;
    return Status::Ok();
  }
  if (name == ".load") return RunLoadDotCommand(session, arg);
  if (name == ".dump") return Dump(session, arg);
  if (name == ".mode" || name == ".format") return Mode(session, arg);
  if (name == ".timer") return Timer(session, arg);
  if (name == ".maxrows") return MaxRows(session, arg);
  if (name == ".maxwidth") return MaxWidth(session, arg);
  if (name == ".memory") return Memory(session, arg);
  if (name == ".timeout") return Timeout(session, arg);
  if (name == ".explain") return Explain(session, arg);
  if (name == ".prefixes") return ListPrefixes(session, arg);
  if (name == ".prefix") return Prefix(session, arg);
  if (name == ".stats") return Stats(session, /*graphs_only=*/false);
  if (name == ".graphs") return Stats(session, /*graphs_only=*/true);
  if (name == ".schema") {
    return arg.empty()
               ? WriteSchema(session.store, session.prefixes, session.out(), &session.cancel)
               : DotUsage(".schema");
  }
  if (name == ".find") return Find(session, arg);
  if (name == ".search") return Search(session, arg);
  if (name == ".describe") return Describe(session, arg);
  if (name == ".why") return Why(session);
  if (name == ".viz") return RunVizDotCommand(session, arg);
  if (name == ".read") return Read(session, arg);
  if (name == ".output") return Output(session, arg);
  return Status::InvalidArgument(fmt::format("unknown command '{}' (.help lists them)", name));
}

}  // namespace silk::shell::repl
