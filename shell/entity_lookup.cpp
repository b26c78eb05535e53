#include "shell/entity_lookup.h"

#include <fmt/format.h>

#include <tuple>

#include "engine/names/label_source.h"

namespace silk::shell {

std::string DescribeMatches(const std::vector<names::NameMatch>& matches) {
  std::string out;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const names::NameMatch& m = matches[i];
    std::string how(names::MatchKindName(m.kind));
    if (m.kind == names::MatchKind::kNearMiss) how += fmt::format(", {} edit{}", m.distance, m.distance == 1 ? "" : "s");
    std::string label = fmt::format("\"{}\"", m.matched.label);
    if (!m.matched.language.empty()) label += "@" + m.matched.language;
    out += fmt::format("{}. {}  <{}>\n   matched {} ({})\n", i + 1, m.preferred_label, m.entity, label, how);
  }
  return out;
}

Result<std::string> ResolveEntity(const storage::Snapshot& snapshot, std::string_view text,
                                  const std::vector<std::pair<std::string, std::string>>& prefixes) {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    return std::string(text.substr(1, text.size() - 2));
  }
  if (const auto colon = text.find(':');
      colon != std::string_view::npos && text.find(' ') == std::string_view::npos) {
    const std::string_view prefix = text.substr(0, colon);
    for (const auto& [name, iri] : prefixes) {
      if (name == prefix) return iri + std::string(text.substr(colon + 1));
    }
    if (text.substr(colon).starts_with("://") || prefix == "urn") return std::string(text);
    // Not a prefix we know: perhaps a name with a colon in it.
  }
  Result<std::vector<names::EntityLabel>> labels = names::ReadLabels(snapshot);
  if (!labels.ok()) return labels.status();
  const names::NameMatcher matcher(std::move(*labels));
  std::vector<names::NameMatch> matches = matcher.Find(text, {.limit = 10});
  if (matches.empty()) {
    return Status::NotFound(fmt::format("no entity is called '{}', nor anything close to it", text));
  }
  const auto rank = [](const names::NameMatch& m) {
    return std::make_tuple(m.kind, m.distance, !m.matched.preferred);
  };
  std::size_t tied = 1;
  while (tied < matches.size() && rank(matches[tied]) == rank(matches.front())) ++tied;
  if (tied == 1) return matches.front().entity;
  matches.resize(tied);
  return Status::InvalidArgument(fmt::format(
      "'{}' may mean {} entities; name one by its IRI (or a longer name):\n{}", text, tied,
      DescribeMatches(matches)));
}

}  // namespace silk::shell
