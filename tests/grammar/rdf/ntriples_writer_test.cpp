#include "grammar/rdf/ntriples_writer.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/rdf/ntriples_parser.h"
#include "grammar/rdf/unescape.h"

namespace silk::rdf {
namespace {

std::string Write(const TermView& term) {
  std::string out;
  AppendTerm(out, term);
  return out;
}

TEST(NTriplesWriterTest, Iris) {
  EXPECT_EQ(Write(TermView::Iri("http://example.org/a#b")), "<http://example.org/a#b>");
  EXPECT_EQ(Write(TermView::Iri("http://example.org/ä😀")), "<http://example.org/ä😀>");
  EXPECT_EQ(Write(TermView::Iri("http://e/a b<c>\"{|}^`\\\x01")),
            "<http://e/a\\u0020b\\u003Cc\\u003E\\u0022\\u007B\\u007C\\u007D\\u005E\\u0060\\u005C"
            "\\u0001>");
}

TEST(NTriplesWriterTest, BlankNodes) { EXPECT_EQ(Write(TermView::Blank("b0")), "_:b0"); }

TEST(NTriplesWriterTest, Literals) {
  EXPECT_EQ(Write(TermView::Literal("plain")), "\"plain\"");
  EXPECT_EQ(Write(TermView::Literal("")), "\"\"");
  EXPECT_EQ(Write(TermView::Literal("x", kXsdString)), "\"x\"");
  EXPECT_EQ(Write(TermView::Literal("chat", {}, "fr")), "\"chat\"@fr");
  EXPECT_EQ(Write(TermView::Literal("chat", kRdfLangString, "fr")), "\"chat\"@fr");
  EXPECT_EQ(Write(TermView::Literal("1", "http://www.w3.org/2001/XMLSchema#integer")),
            "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(Write(TermView::Literal("Größe ı ş Москва 😀")), "\"Größe ı ş Москва 😀\"");
}

TEST(NTriplesWriterTest, CanonicalStringEscapes) {
  EXPECT_EQ(Write(TermView::Literal("\"\\\n\r\t\b\f")), R"("\"\\\n\r\t\b\f")");
  EXPECT_EQ(Write(TermView::Literal(std::string_view("\0\x01\x0B\x1F\x7F", 5))),
            R"("\u0000\u0001\u000B\u001F\u007F")");
  EXPECT_EQ(Write(TermView::Literal("it's <fine> & {ok}")), "\"it's <fine> & {ok}\"");
}

TEST(NTriplesWriterTest, Quads) {
  const QuadView triple{TermView::Iri("http://s"), TermView::Iri("http://p"),
                        TermView::Literal("o", {}, "en"), TermView::DefaultGraph()};
  std::string out;
  AppendQuad(out, triple, /*with_graph=*/true);
  EXPECT_EQ(out, "<http://s> <http://p> \"o\"@en .\n");

  QuadView quad = triple;
  quad.graph = TermView::Iri("http://g");
  out.clear();
  AppendQuad(out, quad, /*with_graph=*/true);
  EXPECT_EQ(out, "<http://s> <http://p> \"o\"@en <http://g> .\n");
  out.clear();
  AppendQuad(out, quad, /*with_graph=*/false);
  EXPECT_EQ(out, "<http://s> <http://p> \"o\"@en .\n");
  quad.graph = TermView::Blank("g1");
  out.clear();
  AppendQuad(out, quad, /*with_graph=*/true);
  EXPECT_EQ(out, "<http://s> <http://p> \"o\"@en _:g1 .\n");
}

// ---- Round trip: parse(write(x)) == x -------------------------------------------------------

class RandomTerms {
 public:
  explicit RandomTerms(unsigned seed) : rng_(seed) {}

  // Any text, with an emphasis on what needs escaping and on multi-byte characters.
  std::string Text(std::size_t max_chars) {
    static constexpr char32_t kAwkward[] = {
        0x00,   0x01,   0x07,   0x08,    0x09,     0x0A,  0x0B,  0x0C,  0x0D,   0x1F,
        0x20,   '"',    '\'',   '\\',    '#',      '<',   '>',   '@',   '^',    '.',
        '_',    ':',    0x7F,   0x80,    0xE4,     0x131, 0x15F, 0x416, 0x0434, 0x2028,
        0xFEFF, 0xFFFD, 0xFFFF, 0x1F600, 0x10FFFF, 'u',   'U'};
    std::string out;
    const std::size_t n = Below(max_chars + 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (Below(3) == 0) {
        out += static_cast<char>('a' + Below(26));
      } else {
        AppendUtf8(out, kAwkward[Below(std::size(kAwkward))]);
      }
    }
    return out;
  }

  // An absolute IRI with characters IRIREF allows, raw or needing no escape.
  std::string Iri() {
    static constexpr std::string_view kSchemes[] = {"http://example.org/", "urn:x:", "a+b-c.d:"};
    static constexpr char32_t kChars[] = {
        'a', 'Z', '0', '/', '?', '#', '%', '~', '!', '$', '&',  '\'',  '(',   ')',     '*',   '+',
        ',', ';', '=', ':', '@', '[', ']', '-', '.', '_', 0xE4, 0x131, 0x416, 0x1F600, 0xFFFD};
    std::string out(kSchemes[Below(std::size(kSchemes))]);
    const std::size_t n = Below(20);
    for (std::size_t i = 0; i < n; ++i) {
      AppendUtf8(out, kChars[Below(std::size(kChars))]);
    }
    return out;
  }

  std::string BlankLabel() {
    static constexpr char32_t kFirst[] = {'a', 'Z', '_', '7', 0xE4, 0x416};
    static constexpr char32_t kMore[] = {'a', '-', '9', '_', '.', 0xB7, 0x300, 0x1F00};
    std::string out;
    AppendUtf8(out, kFirst[Below(std::size(kFirst))]);
    const std::size_t n = Below(6);
    for (std::size_t i = 0; i < n; ++i) {
      AppendUtf8(out, kMore[Below(std::size(kMore))]);
    }
    if (out.back() == '.') {
      out += 'x';  // a label cannot end with '.'
    }
    return out;
  }

  std::string Language() {
    static constexpr std::string_view kTags[] = {"en", "de-CH", "tr", "ru", "zh-Hant-TW", "x-1a"};
    return std::string(kTags[Below(std::size(kTags))]);
  }

  Term AnyTerm(bool allow_literal) {
    switch (Below(allow_literal ? 5 : 2)) {
      case 0:
        return Term(TermView::Iri(Iri()));
      case 1:
        return Term(TermView::Blank(BlankLabel()));
      case 2:
        return Term(TermView::Literal(Text(12)));
      case 3: {
        const std::string language = Language();
        return Term(TermView::Literal(Text(12), {}, language));
      }
      default: {
        const std::string datatype = Iri();
        return Term(TermView::Literal(Text(12), datatype));
      }
    }
  }

  std::size_t Below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

 private:
  std::mt19937 rng_;
};

class CollectSink : public QuadSink {
 public:
  bool Accept(const QuadView& quad) override {
    quads.emplace_back(quad);
    return true;
  }
  std::vector<Quad> quads;
};

TEST(NTriplesWriterTest, RoundTripOfRandomAwkwardQuads) {
  RandomTerms random(20240601);
  std::vector<Quad> written;
  std::string text;
  for (int i = 0; i < 5000; ++i) {
    Quad q;
    q.subject = random.AnyTerm(/*allow_literal=*/false);
    q.predicate = Term(TermView::Iri(random.Iri()));
    q.object = random.AnyTerm(/*allow_literal=*/true);
    if (random.Below(3) != 0) {
      q.graph = random.AnyTerm(/*allow_literal=*/false);
    }
    AppendQuad(text, q.view(), /*with_graph=*/true);
    written.push_back(std::move(q));
  }
  std::istringstream in(text);
  ParseOptions options;
  options.format = RdfFormat::kNQuads;
  CollectSink sink;
  const auto error = ParseNTriples(in, options, sink);
  ASSERT_FALSE(error) << error->ToString();
  ASSERT_EQ(sink.quads.size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    EXPECT_EQ(sink.quads[i], written[i]) << "quad " << i;
  }
}

TEST(NTriplesWriterTest, EveryCodePointInALiteralRoundTrips) {
  std::string value;
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x800 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      continue;
    }
    AppendUtf8(value, cp);
  }
  std::string text = "<http://s> <http://p> ";
  AppendTerm(text, TermView::Literal(value));
  text += " .\n";
  std::istringstream in(text);
  ParseOptions options;
  options.format = RdfFormat::kNTriples;
  CollectSink sink;
  const auto error = ParseNTriples(in, options, sink);
  ASSERT_FALSE(error) << error->message;
  ASSERT_EQ(sink.quads.size(), 1u);
  EXPECT_EQ(sink.quads[0].object.value, value);
}

}  // namespace
}  // namespace silk::rdf
