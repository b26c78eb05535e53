#include "engine/load/file_iri.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace silk::load {
namespace {

TEST(FileIriTest, AbsolutePathsAsTheyAre) {
  EXPECT_EQ(FileIri("/data/w3c/manifest.ttl"), "file:///data/w3c/manifest.ttl");
  EXPECT_EQ(FileIri("/a/./b/../c.ttl"), "file:///a/c.ttl");
  // What RFC 3986 allows in a path stays.
  EXPECT_EQ(FileIri("/a-b_c~d/e!$&'()*+,;=:@.ttl"), "file:///a-b_c~d/e!$&'()*+,;=:@.ttl");
}

TEST(FileIriTest, WhatAnIriPathCannotHoldIsPercentEncoded) {
  EXPECT_EQ(FileIri("/my data/100%.ttl"), "file:///my%20data/100%25.ttl");
  EXPECT_EQ(FileIri("/a#b?c[d]/\"e\"<f>{g}|h^i`j\\k.ttl"),
            "file:///a%23b%3Fc%5Bd%5D/%22e%22%3Cf%3E%7Bg%7D%7Ch%5Ei%60j%5Ck.ttl");
  // A file name need not be UTF-8: every byte beyond ASCII is encoded.
  EXPECT_EQ(FileIri("/k\xC3\xB6ln/\xFF.ttl"), "file:///k%C3%B6ln/%FF.ttl");
}

TEST(FileIriTest, RelativePathsStartAtTheWorkingDirectory) {
  const std::string cwd = std::filesystem::current_path().string();
  EXPECT_EQ(FileIri("data.ttl"), FileIri(cwd + "/data.ttl"));
  EXPECT_EQ(FileIri("./sub/../data.ttl"), FileIri(cwd + "/data.ttl"));
}

TEST(FileIriTest, PathsOfFileIris) {
  EXPECT_EQ(PathOfFileIri("file:///a/my%20b.ttl"), "/a/my b.ttl");
  EXPECT_EQ(PathOfFileIri("file:/a/b.ttl"), "/a/b.ttl");
  EXPECT_EQ(PathOfFileIri("FILE://localhost/a/b.ttl"), "/a/b.ttl");
  EXPECT_EQ(PathOfFileIri(FileIri("/my data/100%.ttl")), "/my data/100%.ttl");
  EXPECT_EQ(PathOfFileIri("file://example.org/a.ttl"), std::nullopt);
  EXPECT_EQ(PathOfFileIri("http://example.org/a.ttl"), std::nullopt);
  EXPECT_EQ(PathOfFileIri("file:a.ttl"), std::nullopt);
}

}  // namespace
}  // namespace silk::load
