#include "viz/timeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "viz/dot_text.h"
#include "viz/dot_writer.h"
#include "viz/node_style.h"
#include "viz/term_text.h"

namespace silk::viz {

std::vector<TimelineEntry> Timeline(const Neighbourhood& n) {
  std::vector<TimelineEntry> entries;
  for (std::size_t i = 0; i < n.nodes.size(); ++i) {
    for (const Fact& fact : n.nodes[i].facts) {
      if (!fact.is_date) continue;
      entries.push_back({fact.lexical, fact.value, i, fact.name, fact.graphs});
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [&](const TimelineEntry& a, const TimelineEntry& b) {
    return std::tie(a.sort_key, n.nodes[a.node].label, a.what) <
           std::tie(b.sort_key, n.nodes[b.node].label, b.what);
  });
  return entries;
}

std::string TimelineText(const Neighbourhood& n) {
  const std::vector<TimelineEntry> entries = Timeline(n);
  std::string out = fmt::format("Timeline of {} and what lies within {} hop{}: {} date{}\n",
                                n.nodes.front().label, n.depth, n.depth == 1 ? "" : "s",
                                entries.size(), entries.size() == 1 ? "" : "s");
  std::size_t width = 0;
  for (const TimelineEntry& entry : entries) width = std::max(width, CodePoints(entry.date));
  const std::string indent(width + 2, ' ');
  for (const TimelineEntry& entry : entries) {
    out += fmt::format("{}{}  {} ({})\n", entry.date, std::string(width - CodePoints(entry.date), ' '),
                       n.nodes[entry.node].label, entry.what);
    for (const std::size_t g : entry.graphs) {
      const Source& source = n.graphs[g];
      out += source.iri.empty()
                 ? fmt::format("{}  stated in {}\n", indent, source.title)
                 : fmt::format("{}  according to {}: {}\n", indent, LocalName(source.iri), source.title);
    }
  }
  const std::string left_out = LeftOutNote(n);
  if (!left_out.empty()) out += fmt::format("Not shown: {}\n", left_out);
  return out;
}

std::string TimelineDot(const Neighbourhood& n) {
  const std::vector<TimelineEntry> entries = Timeline(n);
  std::string out = "digraph timeline {\n";
  std::vector<std::string> heading = {fmt::format("Timeline of {} and what lies within {} hop{}",
                                                  Shorten(n.nodes.front().label, 80), n.depth,
                                                  n.depth == 1 ? "" : "s")};
  if (entries.empty()) heading.push_back("(no dated events)");
  out += "  graph [rankdir=TB, charset=\"UTF-8\", fontname=\"Helvetica,Arial,sans-serif\", fontsize=13, "
         "labelloc=t, labeljust=l, nodesep=0.15, ranksep=0.4, pad=0.3, newrank=true, label=" +
         DotQuotedLines(heading, true) + "];\n";
  out += "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10];\n";
  out += "  edge [arrowhead=none, penwidth=5];\n";
  // Dates go down the left column, in order (an invisible chain keeps them so); each entry's
  // node sits on the date's row.
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TimelineEntry& entry = entries[i];
    const Node& node = n.nodes[entry.node];
    const NodeStyle& style = StyleFor(node.classes);
    out += fmt::format("  d{} [shape=plaintext, label={}];\n", i, DotQuoted(entry.date));
    std::vector<std::string> lines = Wrap(node.label, 48, 2);
    lines.push_back("(" + entry.what + ")");
    out += fmt::format("  e{} [shape=box, style=\"{}\", fillcolor=\"{}\", label={}, tooltip={}];\n", i,
                       style.style, style.fill, DotQuotedLines(lines), DotQuoted(node.iri));
    out += fmt::format("  {{ rank=same; d{} e{} }}\n", i, i);
    for (const std::size_t g : entry.graphs) {
      out += fmt::format("  d{} -> e{} [color=\"{}\"];\n", i, i, GraphColour(n.graphs[g], g));
    }
    if (i > 0) out += fmt::format("  d{} -> d{} [style=invis];\n", i - 1, i);
  }
  WriteLegend(n, false, out);
  out += "}\n";
  return out;
}

}  // namespace silk::viz
