#include "grammar/rdf/iri.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace silk::rdf {
namespace {

// RFC 3986 section 5.4: every example, normal and abnormal, against its base.
TEST(ResolveIriTest, Rfc3986Examples) {
  constexpr std::string_view kBase = "http://a/b/c/d;p?q";
  const std::pair<std::string_view, std::string_view> kCases[] = {
      // 5.4.1 Normal examples.
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
      // 5.4.2 Abnormal examples.
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parsers keep the scheme
  };
  for (const auto& [relative, expected] : kCases) {
    EXPECT_EQ(ResolveIri(kBase, relative), expected) << "relative: " << relative;
  }
}

TEST(ResolveIriTest, BaseWithoutPathOrWithEmptyQuery) {
  EXPECT_EQ(ResolveIri("http://a", "g"), "http://a/g");
  EXPECT_EQ(ResolveIri("http://a", ""), "http://a");
  EXPECT_EQ(ResolveIri("http://a/b?", "#f"), "http://a/b?#f");
  EXPECT_EQ(ResolveIri("http://a/b?q#frag", ""), "http://a/b?q");
  EXPECT_EQ(ResolveIri("file:///a/bb/ccc/d;p?q", "../../../g"), "file:///g");
  EXPECT_EQ(ResolveIri("urn:ex:a", "b"), "urn:b");  // a path without '/' is replaced whole
}

TEST(ResolveIriTest, EmptyBaseLeavesTheReferenceAlone) {
  EXPECT_EQ(ResolveIri("", "a/../b"), "a/../b");
  EXPECT_EQ(ResolveIri("", "http://x/./y"), "http://x/y");
}

TEST(RemoveDotSegmentsTest, Rfc3986Examples) {
  EXPECT_EQ(RemoveDotSegments("/a/b/c/./../../g"), "/a/g");
  EXPECT_EQ(RemoveDotSegments("mid/content=5/../6"), "mid/6");
  EXPECT_EQ(RemoveDotSegments("/.."), "/");
  EXPECT_EQ(RemoveDotSegments(""), "");
}

TEST(HasSchemeTest, SchemeNeedsALetterThenSchemeCharactersThenColon) {
  EXPECT_TRUE(HasScheme("http://a"));
  EXPECT_TRUE(HasScheme("urn:x"));
  EXPECT_TRUE(HasScheme("a+b-c.d:"));
  EXPECT_FALSE(HasScheme(""));
  EXPECT_FALSE(HasScheme("1http://a"));
  EXPECT_FALSE(HasScheme("path/with:colon"));
  EXPECT_FALSE(HasScheme("#frag:x"));
  EXPECT_FALSE(HasScheme("noscheme"));
}

TEST(AbsoluteIriProblemTest, NamesWhatIsWrongInWords) {
  EXPECT_EQ(AbsoluteIriProblem("http://e/g"), "");
  EXPECT_EQ(AbsoluteIriProblem("urn:x:caf\xC3\xA9"), "");
  EXPECT_EQ(AbsoluteIriProblem("file:///tmp/a%20b.ttl"), "");
  EXPECT_EQ(AbsoluteIriProblem("--skip-bad"), "it has no scheme such as http:");
  EXPECT_EQ(AbsoluteIriProblem("#x"), "it has no scheme such as http:");
  EXPECT_EQ(AbsoluteIriProblem("http://e/not an iri"), "it contains a space, which IRIs cannot");
  EXPECT_EQ(AbsoluteIriProblem("http://e/<g>"), "it contains '<', which IRIs cannot");
  EXPECT_EQ(AbsoluteIriProblem("http://e/\tg"), "it contains a control character");
  EXPECT_EQ(AbsoluteIriProblem("http://e/\xC3"), "it is not valid UTF-8");
  EXPECT_EQ(AbsoluteIriProblem("http://e/\xFF"), "it is not valid UTF-8");
}

}  // namespace
}  // namespace silk::rdf
