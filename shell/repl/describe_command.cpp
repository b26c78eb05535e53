#include "shell/repl/describe_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/names/label_source.h"
#include "engine/names/name_matcher.h"
#include "shell/repl/dot_commands.h"
#include "shell/repl/term_names.h"
#include "shell/text_format.h"

namespace silk::shell::repl {
namespace {

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

}  // namespace

Status Describe(Session& session, std::string_view arg) {
  if (arg.empty()) return DotUsage(".describe");
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

}  // namespace silk::shell::repl
