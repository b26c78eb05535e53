#include "viz/dot_writer.h"

#include <fmt/format.h>

#include <array>
#include <set>

#include "viz/dot_text.h"
#include "viz/node_style.h"
#include "viz/term_text.h"

namespace silk::viz {
namespace {

// Tableau's ten colours: told apart by most readers, dark enough for lines on white.
constexpr std::array<std::string_view, 10> kPalette = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
constexpr std::string_view kDefaultGraphColour = "#888888";

constexpr std::size_t kLabelWidth = 24;     // code points per line of a node's name
constexpr std::size_t kLabelLines = 3;
constexpr std::size_t kFactWidth = 36;      // code points per fact line
constexpr std::size_t kFactsShown = 3;
constexpr std::size_t kTitleWidth = 60;     // a source's title in the legend
constexpr std::size_t kNoteWidth = 110;

constexpr std::string_view kFont = "Helvetica,Arial,sans-serif";

// Classes too general to say more than the shape does.
bool IsGeneralClass(std::string_view local) {
  constexpr std::string_view kGeneral[] = {"Event", "Organization", "Place", "Thing", "Concept",
                                           "Agreement", "Person", "Country"};
  for (const std::string_view general : kGeneral) {
    if (local == general) return true;
  }
  return false;
}

std::vector<std::string> NodeLines(const Node& node) {
  std::vector<std::string> lines = Wrap(node.label, kLabelWidth, kLabelLines);
  // The most specific class, when it says more than the shape: "[state visit]".
  for (auto cls = node.classes.rbegin(); cls != node.classes.rend(); ++cls) {
    const std::string_view local = LocalName(*cls);
    if (!IsGeneralClass(local)) {
      lines.push_back("[" + Shorten(NameAsWords(local), kFactWidth) + "]");
      break;
    }
  }
  std::size_t shown = 0;
  for (const Fact& fact : node.facts) {
    if (shown == kFactsShown) {
      lines.push_back(fmt::format("(+{} more)", node.facts.size() - shown));
      break;
    }
    lines.push_back(Shorten(fact.name + ": " + fact.value, kFactWidth));
    ++shown;
  }
  return lines;
}

std::string GraphList(const Neighbourhood& n, const std::vector<std::size_t>& graphs) {
  std::string text;
  for (const std::size_t g : graphs) {
    if (!text.empty()) text += "\n";
    text += n.graphs[g].iri.empty() ? n.graphs[g].title : n.graphs[g].iri + " (" + n.graphs[g].title + ")";
  }
  return text;
}

// Which side of the centre each neighbour goes (left to right, the way the edges point): 1
// right, -1 left, 0 for the centre and nodes further away. A neighbour the centre points at
// goes right, one pointing at the centre left; then the least connected of the fuller side
// move over until the sides are even, so that a hub's picture is not one tall column.
std::vector<int> Sides(const Neighbourhood& n) {
  std::vector<int> side(n.nodes.size(), 0);
  for (const Edge& edge : n.edges) {
    if (edge.from == 0 && edge.to != 0 && n.nodes[edge.to].hop == 1) side[edge.to] = 1;
  }
  for (const Edge& edge : n.edges) {
    if (edge.to == 0 && edge.from != 0 && n.nodes[edge.from].hop == 1 && side[edge.from] == 0) side[edge.from] = -1;
  }
  int balance = 0;
  for (const int s : side) balance += s;
  // Nodes are in order of connectedness: move the last ones.
  for (std::size_t i = n.nodes.size(); i-- > 1 && (balance > 1 || balance < -1);) {
    if (balance > 1 && side[i] == 1) {
      side[i] = -1;
      balance -= 2;
    } else if (balance < -1 && side[i] == -1) {
      side[i] = 1;
      balance += 2;
    }
  }
  return side;
}

}  // namespace

void WriteLegend(const Neighbourhood& n, bool kinds, std::string& out) {
  // One node holding a table: compact, and laid out as one block beside the picture.
  std::string rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Sources</B> (edge colours)</TD></TR>";
  for (std::size_t g = 0; g < n.graphs.size(); ++g) {
    const Source& source = n.graphs[g];
    std::string text;
    for (const std::string& line : Wrap(source.title, kTitleWidth, 2)) {
      text += HtmlEscaped(line) + "<BR ALIGN=\"LEFT\"/>";
    }
    const std::string_view local = LocalName(source.iri);
    if (!source.iri.empty() && source.title != local) {
      text += "<FONT POINT-SIZE=\"8\" COLOR=\"#666666\">" + HtmlEscaped(local) + "</FONT><BR ALIGN=\"LEFT\"/>";
    }
    rows += fmt::format("<TR><TD BGCOLOR=\"{}\" WIDTH=\"18\" TITLE=\"{}\">&#160;</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD></TR>",
                        GraphColour(source, g),
                        HtmlEscaped(source.iri.empty() ? source.title : source.iri), text);
  }
  std::set<std::string_view> present;
  for (const Node& node : n.nodes) {
    if (kinds) present.insert(StyleFor(node.classes).kind);
  }
  if (!present.empty()) rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Kinds</B> (fill and shape)</TD></TR>";
  for (const NodeStyle& style : AllStyles()) {
    if (!present.contains(style.kind)) continue;
    rows += fmt::format("<TR><TD BGCOLOR=\"{}\" BORDER=\"1\">&#160;</TD><TD ALIGN=\"LEFT\">{} ({})</TD></TR>",
                        style.fill, style.kind, style.look);
  }
  out += fmt::format(
      "  legend [shape=plaintext, fontsize=9, margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" "
      "CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">{}</TABLE>>];\n",
      rows);
}

std::string_view GraphColour(const Source& graph, std::size_t index) {
  if (graph.id == storage::kDefaultGraphId) return kDefaultGraphColour;
  return kPalette[index % kPalette.size()];
}

std::string NeighbourhoodDot(const Neighbourhood& n) {
  std::string out = "digraph neighbourhood {\n";
  std::vector<std::string> heading = {
      fmt::format("{} and what lies within {} hop{}", Shorten(n.nodes.front().label, kNoteWidth),
                  n.depth, n.depth == 1 ? "" : "s")};
  const std::string left_out = LeftOutNote(n);
  if (!left_out.empty()) {
    for (std::string& line : Wrap("Not shown: " + left_out, kNoteWidth, 3)) heading.push_back(std::move(line));
  }
  out += fmt::format(
      "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"{}\", fontsize=13, labelloc=t, "
      "labeljust=l, label={}, nodesep=0.25, ranksep=1.1, pad=0.3, newrank=true];\n",
      kFont, DotQuotedLines(heading, true));
  out += fmt::format("  node [fontname=\"{}\", fontsize=10, margin=\"0.12,0.06\"];\n", kFont);
  out += fmt::format("  edge [fontname=\"{}\", fontsize=8, fontcolor=\"#555555\", arrowsize=0.6, penwidth=1.4];\n", kFont);

  for (std::size_t i = 0; i < n.nodes.size(); ++i) {
    const Node& node = n.nodes[i];
    const NodeStyle& style = StyleFor(node.classes);
    out += fmt::format("  n{} [label={}, shape={}, style=\"{}\", fillcolor=\"{}\", tooltip={}{}];\n", i,
                       DotQuotedLines(NodeLines(node)), style.shape, style.style, style.fill,
                       DotQuoted(node.iri), i == 0 ? ", penwidth=3, fontsize=12" : "");
  }
  const std::vector<int> side = Sides(n);
  for (const Edge& edge : n.edges) {
    // An edge whose direction disagrees with the side its node was given is laid out the
    // other way and drawn with its arrow at the tail, so that it still points as stated.
    const bool flip = (edge.from == 0 && side[edge.to] < 0) || (edge.to == 0 && side[edge.from] > 0);
    std::string colours;
    for (const std::size_t g : edge.graphs) {
      if (!colours.empty()) colours += ':';
      colours += GraphColour(n.graphs[g], g);
    }
    out += fmt::format("  n{} -> n{} [label={}, color=\"{}\", tooltip={}{}];\n", flip ? edge.to : edge.from,
                       flip ? edge.from : edge.to, DotQuoted(Shorten(edge.name, kFactWidth)), colours,
                       DotQuoted(edge.predicate + "\nstated by:\n" + GraphList(n, edge.graphs)),
                       flip ? ", dir=back" : "");
  }
  WriteLegend(n, true, out);
  out += "}\n";
  return out;
}

}  // namespace silk::viz
