// `silk load` then `silk dump` gives back exactly the statements that went in.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <sstream>

#include "grammar/rdf/rdf_parser.h"
#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

// Parses N-Quads text the way the loader does; the set makes the comparison order-free.
std::set<rdf::Quad> ParseQuads(const std::string& text) {
  struct Collect final : rdf::QuadSink {
    std::set<rdf::Quad> quads;
    bool Accept(const rdf::QuadView& quad) override {
      rdf::QuadView canonical = quad;
      canonical.object = quad.object.Canonical();
      quads.emplace(canonical);
      return true;
    }
  } sink;
  std::istringstream in(text);
  rdf::ParseOptions options;
  options.format = rdf::RdfFormat::kNQuads;
  auto error = rdf::ParseRdf(in, options, sink);
  EXPECT_FALSE(error) << error->ToString();
  return sink.quads;
}

// Awkward literals written by hand (not by our writer), so a writer bug cannot hide itself.
std::vector<std::string> AwkwardObjects() {
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  std::vector<std::string> objects = {
      R"("plain")",
      R"("")",
      R"("tab\there, newline\nthere, quote \" and backslash \\")",
      R"("carriage\rreturn and \b\f")",
      R"("\u0001 control and \u007F delete")",
      R"("Dschaparow trifft Tokajew in Astana – Präsident")"  "@de",
      R"("Kasım-Jomart Tokayev, Şavkat Mirziyoyev, Yoon Suk-yeol")"  "@tr",
      R"("Касым-Жомарт Токаев")"  "@ru",
      R"("emoji \U0001F600 and 😀 and 中文")"  "@zh-Hant-TW",
      R"("mixed case tag")"  "@en-US",
      R"("explicit string")"  "^^<" + xsd + "string>",
      R"("7")"  "^^<" + xsd + "integer>",
      R"("007")"  "^^<" + xsd + "integer>",
      R"("+7")"  "^^<" + xsd + "integer>",
      R"("-1")"  "^^<" + xsd + "integer>",
      R"("0")"  "^^<" + xsd + "integer>",
      R"("-0")"  "^^<" + xsd + "integer>",
      R"("576460752303423487")"  "^^<" + xsd + "integer>",
      R"("576460752303423488")"  "^^<" + xsd + "integer>",
      R"("-576460752303423488")"  "^^<" + xsd + "integer>",
      R"("-576460752303423489")"  "^^<" + xsd + "integer>",
      R"("99999999999999999999999999999999")"  "^^<" + xsd + "integer>",
      R"("1.5")"  "^^<" + xsd + "decimal>",
      R"("1.50")"  "^^<" + xsd + "decimal>",
      R"("-0.25")"  "^^<" + xsd + "decimal>",
      R"("3.14159265358979323846264338327950288")"  "^^<" + xsd + "decimal>",
      R"("1.0E3")"  "^^<" + xsd + "double>",
      R"("true")"  "^^<" + xsd + "boolean>",
      R"("1")"  "^^<" + xsd + "boolean>",
      R"("1969-07-20")"  "^^<" + xsd + "date>",
      R"("0001-01-01")"  "^^<" + xsd + "date>",
      R"("2024-06-11Z")"  "^^<" + xsd + "date>",
      R"("2024-06-11+09:00")"  "^^<" + xsd + "date>",
      R"("1960-01-01T00:00:00")"  "^^<" + xsd + "dateTime>",
      R"("2024-06-11T09:30:00.5Z")"  "^^<" + xsd + "dateTime>",
      R"("not a number")"  "^^<" + xsd + "integer>",
      R"("custom")"  "^^<http://example.org/type#t>",
      "<http://example.org/Ünïcödé/iri>",
      "<urn:isbn:0451450523>",
  };
  objects.push_back("\"" + std::string(100000, 'x') + "\"");  // a long string
  return objects;
}

std::string GenerateNQuads(std::size_t count, unsigned seed) {
  const std::vector<std::string> objects = AwkwardObjects();
  const std::vector<std::string> graphs = {"", " <http://example.org/article/1>",
                                           " <http://example.org/article/2>"};
  std::mt19937 rng(seed);
  std::string text = "# a comment line\n\n";
  for (std::size_t i = 0; i < count; ++i) {
    text += "<http://example.org/s" + std::to_string(rng() % 200) + "> ";
    text += "<http://example.org/p" + std::to_string(rng() % 7) + "> ";
    text += objects[rng() % objects.size()];
    text += graphs[rng() % graphs.size()] + " .\n";
  }
  return text;
}

TEST(LoadDump, RoundTripsAwkwardLiterals) {
  TempDir dir;
  const std::string data = GenerateNQuads(3000, 42);
  WriteFile(dir.Sub("data.nq"), data);
  // Every awkward object at least once, whatever the random choice.
  std::string all;
  for (const std::string& object : AwkwardObjects()) {
    all += "<http://example.org/all> <http://example.org/has> " + object + " .\n";
  }
  WriteFile(dir.Sub("all.nt"), all);

  ProcessResult load =
      RunSilk({"--db", dir.Sub("db"), "load", dir.Sub("data.nq"), dir.Sub("all.nt")});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("Loaded"), std::string::npos) << load.out;

  ProcessResult dump = RunSilk({"--db", dir.Sub("db"), "dump"});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  std::set<rdf::Quad> expected = ParseQuads(data);
  const std::set<rdf::Quad> all_quads = ParseQuads(all);
  expected.insert(all_quads.begin(), all_quads.end());
  EXPECT_EQ(ParseQuads(dump.out), expected);

  // N-Triples dump: the default graph only.
  ProcessResult triples = RunSilk({"--db", dir.Sub("db"), "dump", "--format", "ntriples"});
  ASSERT_EQ(triples.exit_code, 0) << triples.err;
  std::set<rdf::Quad> default_graph;
  for (const rdf::Quad& quad : expected) {
    if (quad.graph.kind == rdf::TermKind::kDefaultGraph) default_graph.insert(quad);
  }
  EXPECT_EQ(ParseQuads(triples.out), default_graph);

  ProcessResult check = RunSilk({"--db", dir.Sub("db"), "check"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

TEST(LoadDump, OneGraphOnly) {
  TempDir dir;
  WriteFile(dir.Sub("a.nt"), "<http://e/s> <http://e/p> \"in a\" .\n");
  WriteFile(dir.Sub("b.nt"), "<http://e/s> <http://e/p> \"in b\" .\n");
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", dir.Sub("a.nt"), "--graph", "http://e/a"})
                .exit_code,
            0);
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", dir.Sub("b.nt"), "--graph", "<http://e/b>"})
                .exit_code,
            0);
  ProcessResult a = RunSilk({"--db", dir.Sub("db"), "dump", "--graph", "http://e/a"});
  EXPECT_EQ(a.out, "<http://e/s> <http://e/p> \"in a\" <http://e/a> .\n");
  ProcessResult b =
      RunSilk({"--db", dir.Sub("db"), "dump", "--graph", "http://e/b", "--format", "ntriples"});
  EXPECT_EQ(b.out, "<http://e/s> <http://e/p> \"in b\" .\n");
  ProcessResult missing = RunSilk({"--db", dir.Sub("db"), "dump", "--graph", "http://e/none"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no graph <http://e/none>"), std::string::npos) << missing.err;
}

TEST(LoadDump, BlankNodesAreScopedToTheirFile) {
  TempDir dir;
  const std::string data =
      "_:alice <http://e/name> \"Alice\" .\n"
      "_:alice <http://e/knows> _:bob .\n"
      "_:bob <http://e/name> \"Bob\" .\n";
  WriteFile(dir.Sub("people.nt"), data);
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", dir.Sub("people.nt")}).exit_code, 0);
  ProcessResult dump = RunSilk({"--db", dir.Sub("db"), "dump"});
  std::set<rdf::Quad> quads = ParseQuads(dump.out);
  ASSERT_EQ(quads.size(), 3u);
  // Same shape: the node named Alice knows the node named Bob.
  std::map<std::string, std::string> name_of;
  for (const rdf::Quad& q : quads) {
    if (q.predicate.value == "http://e/name") name_of[q.subject.value] = q.object.value;
  }
  int knows = 0;
  for (const rdf::Quad& q : quads) {
    if (q.predicate.value != "http://e/knows") continue;
    ++knows;
    EXPECT_EQ(name_of[q.subject.value], "Alice");
    EXPECT_EQ(name_of[q.object.value], "Bob");
  }
  EXPECT_EQ(knows, 1);

  // Loading the same file again makes new nodes: labels belong to one load.
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", dir.Sub("people.nt")}).exit_code, 0);
  EXPECT_EQ(ParseQuads(RunSilk({"--db", dir.Sub("db"), "dump"}).out).size(), 6u);
}

TEST(LoadDump, ReadsStandardInput) {
  TempDir dir;
  ProcessResult load = RunSilk({"--db", dir.Sub("db"), "load", "-"},
                               "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n");
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(RunSilk({"--db", dir.Sub("db"), "dump"}).out,
            "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n");
}

}  // namespace
}  // namespace silk::testing
