// `silk viz` and the shell's `.viz` on the shipped graph and on small stores made to test the
// edges: the DOT holds the nodes and edges the store holds around an entity (checked against
// `silk query`), folds an edge stated by several articles into one line per article, caps
// the nodes and says what it left out, lists the graphs in its legend, escapes any label; SVG
// and PNG come from Graphviz, and without it DOT is written with a hint; bad input gets a
// clear error and the right exit code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {
namespace {

using Viz = ShippedGraphStore;

constexpr std::string_view kKca = "https://silkgraph.org/kca/";

// What a DOT file written by silk viz holds: node id → IRI (each node's tooltip), and each
// edge as (from IRI, predicate IRI, to IRI) → its colours.
struct Picture {
  std::map<std::string, std::string> nodes;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> edges;
  std::vector<std::string> legend_graphs;  // the legend's sources (their IRIs, in TITLE)
};

Picture ParseDot(const std::string& dot) {
  Picture picture;
  static const std::regex kNode(R"re(^  (n\d+) \[label=.*tooltip="([^"]*)")re");
  static const std::regex kEdge(R"re(^  (n\d+) -> (n\d+) \[label="[^"]*", color="([^"]*)", tooltip="([^\\"]*)\\n(.*dir=back)?)re");
  static const std::regex kLegend(R"re(^  legend \[)re");
  static const std::regex kLegendGraph(R"re(TITLE="([^"]*)")re");
  std::istringstream lines(dot);
  std::string line;
  // (tail, head, colours, predicate): an edge written with dir=back is stated head to tail.
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> raw_edges;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, m, kEdge)) {
      const bool back = m[5].matched;
      raw_edges.emplace_back(back ? m[2] : m[1], back ? m[1] : m[2], m[3], m[4]);
    } else if (std::regex_search(line, m, kNode)) {
      picture.nodes[m[1]] = m[2];
    } else if (std::regex_search(line, kLegend)) {
      for (std::sregex_iterator it(line.begin(), line.end(), kLegendGraph), end; it != end; ++it) {
        picture.legend_graphs.push_back((*it)[1]);
      }
    }
  }
  for (const auto& [from, to, colours, predicate] : raw_edges) {
    std::vector<std::string> list;
    std::istringstream split(colours);
    for (std::string colour; std::getline(split, colour, ':');) list.push_back(colour);
    picture.edges[{picture.nodes[from], predicate, picture.nodes[to]}] = list;
  }
  return picture;
}

// The rows of `silk query --format tsv` after its header, each split at tabs, IRIs without
// their angle brackets.
std::vector<std::vector<std::string>> Rows(const std::string& tsv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(tsv);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::vector<std::string> row;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) {
      if (cell.size() >= 2 && cell.front() == '<') cell = cell.substr(1, cell.size() - 2);
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  return rows;
}

// The statements that are drawn as edges: not names, types, units or qualifiers (they name,
// shape and fill nodes), never literals.
constexpr std::string_view kEdgeFilter =
    "FILTER(!isLiteral(?o) && ?p NOT IN (rdf:type, skos:prefLabel, skos:altLabel, "
    "skos:hiddenLabel, rdfs:label, schema:name, kca:unit, kca:qualifier))";

TEST_F(Viz, TheEdgesAroundJaparovAreTheStoresOnePerStatementColouredPerArticle) {
  ProcessResult viz = Silk({"viz", "kca:SadyrJaparov", "--max-nodes", "500"});
  ASSERT_EQ(viz.exit_code, 0) << viz.err;
  const Picture picture = ParseDot(viz.out);
  const std::string centre = std::string(kKca) + "SadyrJaparov";
  ASSERT_EQ(picture.nodes.at("n0"), centre);

  // Outgoing and incoming statements, with the number of graphs stating each.
  ProcessResult out = Silk({"query", "--format", "tsv",
      "SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { kca:SadyrJaparov ?p ?o } " +
      std::string(kEdgeFilter) + " } GROUP BY ?p ?o"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  ProcessResult in = Silk({"query", "--format", "tsv",
      "SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?o ?p kca:SadyrJaparov } " +
      std::string(kEdgeFilter) + " } GROUP BY ?p ?o"});
  ASSERT_EQ(in.exit_code, 0) << in.err;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> expected;
  std::set<std::string> neighbours;
  for (const auto& row : Rows(out.out)) {
    expected[{centre, row[0], row[1]}] = std::stoul(row[2]);
    neighbours.insert(row[1]);
  }
  for (const auto& row : Rows(in.out)) {
    expected[{row[1], row[0], centre}] = std::stoul(row[2]);
    neighbours.insert(row[1]);
  }
  ASSERT_GT(expected.size(), 10u);

  std::set<std::string> drawn;
  for (const auto& [id, iri] : picture.nodes) {
    if (id != "n0") drawn.insert(iri);
  }
  EXPECT_EQ(drawn, neighbours);
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> centre_edges;
  for (const auto& [edge, colours] : picture.edges) {
    if (std::get<0>(edge) == centre || std::get<2>(edge) == centre) centre_edges[edge] = colours.size();
  }
  // Each statement once, with one colour per article that states it.
  EXPECT_EQ(centre_edges, expected);
  bool folded = false;
  for (const auto& [edge, graphs] : expected) folded = folded || graphs > 1;
  EXPECT_TRUE(folded) << "some statement about Japarov is in two articles";
  EXPECT_EQ(viz.err, "");  // nothing was left out
}

TEST_F(Viz, TheLegendListsTheArticlesOfTheEdgesByTheirHeadlines) {
  ProcessResult viz = Silk({"viz", "Sadyr Japarov"});
  ASSERT_EQ(viz.exit_code, 0) << viz.err;
  const Picture picture = ParseDot(viz.out);
  std::set<std::string> colours;
  for (const auto& [edge, list] : picture.edges) colours.insert(list.begin(), list.end());
  ASSERT_FALSE(picture.legend_graphs.empty());
  // One legend entry per colour used, each an article of the store.
  EXPECT_EQ(picture.legend_graphs.size(), colours.size());
  for (const std::string& graph : picture.legend_graphs) {
    EXPECT_TRUE(graph.starts_with(std::string(kKca) + "source/")) << graph;
  }
  EXPECT_NE(viz.out.find("S. Korea, Kyrgyzstan ink Comprehensive Partnership"), std::string::npos);
  EXPECT_NE(viz.out.find(">person (ellipse)<"), std::string::npos);
  EXPECT_NE(viz.out.find(">country (rounded box)<"), std::string::npos);
}

TEST_F(Viz, TheCapKeepsTheBestConnectedAndSaysWhatItLeftOut) {
  ProcessResult all = Silk({"viz", "kca:Kyrgyzstan", "--max-nodes", "500"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const Picture whole = ParseDot(all.out);
  const std::size_t neighbours = whole.nodes.size() - 1;
  ASSERT_GT(neighbours, 8u);
  // How well each neighbour is connected to Kyrgyzstan: the statements (one per article)
  // between them.
  const std::string centre = std::string(kKca) + "Kyrgyzstan";
  std::map<std::string, std::size_t> links;
  for (const auto& [edge, colours] : whole.edges) {
    const auto& [from, predicate, to] = edge;
    if (from == centre) links[to] += colours.size();
    if (to == centre) links[from] += colours.size();
  }

  ProcessResult capped = Silk({"viz", "kca:Kyrgyzstan", "--max-nodes", "5"});
  ASSERT_EQ(capped.exit_code, 0) << capped.err;
  const Picture part = ParseDot(capped.out);
  EXPECT_EQ(part.nodes.size(), 5u);
  const std::string said = std::to_string(neighbours - 4) + " more entities within 1 hop are left out";
  EXPECT_NE(capped.err.find("silk: not shown: " + said), std::string::npos) << capped.err;
  EXPECT_NE(capped.out.find("Not shown: " + said), std::string::npos);
  // The best connected come first: none left out has more links than one drawn.
  std::size_t least_drawn = SIZE_MAX;
  for (const auto& [id, iri] : part.nodes) {
    if (id != "n0") least_drawn = std::min(least_drawn, links.at(iri));
  }
  for (const auto& [iri, count] : links) {
    bool drawn = false;
    for (const auto& [id, node] : part.nodes) drawn = drawn || node == iri;
    if (!drawn) {
      EXPECT_LE(count, least_drawn) << iri;
    }
  }
}

TEST_F(Viz, ADeeperPictureHoldsMoreAndAGraphNarrowsIt) {
  ProcessResult one = Silk({"viz", "kca:summit_2024_12_seoul", "--max-nodes", "500"});
  ProcessResult two = Silk({"viz", "kca:summit_2024_12_seoul", "--depth", "2", "--max-nodes", "500"});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_GT(ParseDot(two.out).nodes.size(), ParseDot(one.out).nodes.size());
  ProcessResult graph = Silk({"viz", "kca:summit_2024_12_seoul", "--graph", "src:001_064249028d0f084c"});
  ASSERT_EQ(graph.exit_code, 0) << graph.err;
  for (const auto& [edge, colours] : ParseDot(graph.out).edges) EXPECT_EQ(colours.size(), 1u);
  EXPECT_EQ(ParseDot(graph.out).legend_graphs,
            std::vector<std::string>{std::string(kKca) + "source/001_064249028d0f084c"});
}

TEST_F(Viz, TheTimelineListsDatedEventsInOrderWithTheirArticles) {
  ProcessResult timeline = Silk({"viz", "kca:Kyrgyzstan", "--timeline", "--max-nodes", "500"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  const std::string& out = timeline.out;
  const std::size_t established = out.find("1992 ");
  const std::size_t summit = out.find("3 Dec 2024 ");
  ASSERT_NE(established, std::string::npos) << out;
  ASSERT_NE(summit, std::string::npos) << out;
  EXPECT_LT(established, summit);
  EXPECT_NE(out.find("according to 001_064249028d0f084c: S. Korea, Kyrgyzstan ink Comprehensive Partnership"),
            std::string::npos) << out;
}

TEST_F(Viz, SvgAndPngComeFromGraphvizAndAFileIsNamedInTheShell) {
  ASSERT_FALSE(FindOnPath("dot").empty()) << "Graphviz's dot is needed (scripts/dev.sh installs graphviz)";
  TempDir dir;
  ProcessResult svg = Silk({"viz", "Kyrgyzstan", "-o", dir.Sub("k.svg")});
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_NE(svg.err.find("silk: wrote " + dir.Sub("k.svg")), std::string::npos) << svg.err;
  const std::string picture = ReadFile(dir.Sub("k.svg"));
  EXPECT_NE(picture.find("<svg"), std::string::npos);
  EXPECT_NE(picture.find("Kyrgyzstan"), std::string::npos);
  ProcessResult png = Silk({"viz", "Kyrgyzstan", "--timeline", "-o", dir.Sub("t.PNG")});
  ASSERT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(ReadFile(dir.Sub("t.PNG")).substr(0, 8), "\x89PNG\r\n\x1a\n");

  ProcessResult shell = Silk({}, ".viz kca:SadyrJaparov --depth 2 -o " + dir.Sub("j.dot") + "\n.help\n");
  ASSERT_EQ(shell.exit_code, 0) << shell.err;
  EXPECT_NE(shell.out.find("Wrote " + dir.Sub("j.dot") + "\n"), std::string::npos) << shell.out;
  EXPECT_TRUE(ReadFile(dir.Sub("j.dot")).starts_with("digraph neighbourhood {"));
  EXPECT_NE(shell.out.find(".viz TERM"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("j.dot.partial")));
}

TEST_F(Viz, WithoutGraphvizDotIsWrittenWithAHint) {
  TempDir dir;
  std::filesystem::create_directory(dir.Sub("empty"));
  const std::string path = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
  ::setenv("PATH", dir.Sub("empty").c_str(), 1);
  ProcessResult viz = Silk({"viz", "kca:Kyrgyzstan", "-o", dir.Sub("k.svg")});
  ProcessResult shell = Silk({}, ".viz kca:Kyrgyzstan -o " + dir.Sub("s.png") + "\n");
  ::setenv("PATH", path.c_str(), 1);
  EXPECT_EQ(viz.exit_code, 1);
  EXPECT_NE(viz.err.find("wrote " + dir.Sub("k.dot") + " (DOT) instead of " + dir.Sub("k.svg")),
            std::string::npos) << viz.err;
  EXPECT_NE(viz.err.find("apt install graphviz"), std::string::npos) << viz.err;
  EXPECT_TRUE(ReadFile(dir.Sub("k.dot")).starts_with("digraph neighbourhood {"));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("k.svg")));
  EXPECT_EQ(shell.exit_code, 0) << shell.err;
  EXPECT_NE(shell.out.find("Wrote " + dir.Sub("s.dot") + " (DOT)"), std::string::npos) << shell.out;
}

TEST_F(Viz, BadInputGetsAClearErrorAndTheRightExitCode) {
  ProcessResult none = Silk({"viz", "Qwxyzzyvu"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.err, "silk: no entity is called 'Qwxyzzyvu', nor anything close to it\n");
  ProcessResult depth = Silk({"viz", "Kyrgyzstan", "--depth", "0"});
  EXPECT_EQ(depth.exit_code, 2);
  EXPECT_NE(depth.err.find("--depth takes a whole number from 1 to 5, not '0'"), std::string::npos) << depth.err;
  EXPECT_EQ(Silk({"viz", "Kyrgyzstan", "--depth", "deep"}).exit_code, 2);
  EXPECT_EQ(Silk({"viz", "Kyrgyzstan", "--max-nodes", "0"}).exit_code, 2);
  ProcessResult format = Silk({"viz", "Kyrgyzstan", "-o", "k.jpg"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(format.err.find("-o takes a file ending in .svg, .png or .dot, not 'k.jpg'"), std::string::npos);
  EXPECT_EQ(Silk({"viz"}).exit_code, 2);
  ProcessResult unwritable = Silk({"viz", "Kyrgyzstan", "-o", "/nonexistent-directory/k.dot"});
  EXPECT_EQ(unwritable.exit_code, 3);
  EXPECT_NE(unwritable.err.find("silk: cannot write /nonexistent-directory/k.dot: No such file or directory"),
            std::string::npos) << unwritable.err;
  ProcessResult graph = Silk({"viz", "Kyrgyzstan", "--graph", "http://example.org/no-such-graph"});
  EXPECT_EQ(graph.exit_code, 1);
  EXPECT_NE(graph.err.find("the store has no graph <http://example.org/no-such-graph>"), std::string::npos);
  ProcessResult absent = Silk({"viz", "<http://example.org/nothing>"});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_NE(absent.err.find("the store holds nothing about <http://example.org/nothing>"), std::string::npos);
  ProcessResult shell = Silk({}, ".viz\n");
  EXPECT_EQ(shell.exit_code, 1);
}

// A store of its own: labels no article would print, and two entities of one name.
TEST(VizLabels, AnyLabelIsEscapedAndShortenedAndASharedNameListsItsEntities) {
  TempDir dir;
  const std::string long_label(300, 'w');
  WriteFile(dir.Sub("odd.nq"),
            "<http://e/x> <http://www.w3.org/2004/02/skos/core#prefLabel> \"He said \\\"hi\\\" \\\\N back\\nslash\"@en .\n"
            "<http://e/x> <http://e/knows> <http://e/y> .\n"
            "<http://e/x> <http://e/knows> <http://e/z> .\n"
            "<http://e/y> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Жапаров 윤석열\"@ru .\n"
            "<http://e/z> <http://www.w3.org/2004/02/skos/core#prefLabel> \"" + long_label + "\" .\n"
            "<http://e/t1> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Twin\"@en .\n"
            "<http://e/t2> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Twin\"@en .\n");
  const std::string db = dir.Sub("db");
  ASSERT_EQ(RunSilk({"--db", db, "load", dir.Sub("odd.nq")}).exit_code, 0);

  ProcessResult viz = RunSilk({"--db", db, "viz", "<http://e/x>"});
  ASSERT_EQ(viz.exit_code, 0) << viz.err;
  // Quotes and backslashes escaped, the line break a label break; other scripts as they are.
  EXPECT_NE(viz.out.find("He said \\\"hi\\\" \\\\N"), std::string::npos) << viz.out;
  EXPECT_NE(viz.out.find("back\\nslash"), std::string::npos) << viz.out;
  EXPECT_NE(viz.out.find("Жапаров 윤석열"), std::string::npos);
  EXPECT_EQ(viz.out.find(long_label), std::string::npos);
  EXPECT_NE(viz.out.find(std::string(23, 'w') + "\u2026"), std::string::npos);
  // And Graphviz reads it as the labels it holds.
  ASSERT_FALSE(FindOnPath("dot").empty()) << "Graphviz's dot is needed (scripts/dev.sh installs graphviz)";
  ASSERT_EQ(RunSilk({"--db", db, "viz", "<http://e/x>", "-o", dir.Sub("x.svg")}).exit_code, 0);
  const std::string svg = ReadFile(dir.Sub("x.svg"));
  EXPECT_NE(svg.find("He said &quot;hi&quot; \\N<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">slash<"), std::string::npos);

  ProcessResult twin = RunSilk({"--db", db, "viz", "Twin"});
  EXPECT_EQ(twin.exit_code, 1);
  EXPECT_NE(twin.err.find("'Twin' may mean 2 entities"), std::string::npos) << twin.err;
  EXPECT_NE(twin.err.find("1. Twin  <http://e/t1>\n   matched \"Twin\"@en (exact)\n"), std::string::npos);
  EXPECT_NE(twin.err.find("2. Twin  <http://e/t2>"), std::string::npos);
}

}  // namespace
}  // namespace silk::testing
