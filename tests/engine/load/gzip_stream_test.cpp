#include "engine/load/gzip_stream.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <istream>
#include <random>
#include <sstream>
#include <string>

namespace silk::load {
namespace {

std::string Compress(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);  // gzip
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Read {
  std::string text;
  bool bad = false;
  std::string error;
};

Read Decompress(const std::string& compressed) {
  std::istringstream source(compressed);
  GzipStreambuf gzip(source.rdbuf());
  std::istream in(&gzip);
  Read read;
  std::string chunk(1 << 16, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    read.text.append(chunk, 0, static_cast<std::size_t>(in.gcount()));
  }
  read.bad = in.bad();
  read.error = gzip.error();
  return read;
}

// Text that does not compress to nothing, so it spans many input and output buffers.
std::string Text(std::size_t bytes) {
  std::mt19937 random(7);
  std::string text;
  while (text.size() < bytes) {
    text += "<http://e/s" + std::to_string(random() % 100000) + "> <http://e/p> \"" +
            std::to_string(random()) + "\" .\n";
  }
  return text;
}

TEST(GzipStreambufTest, RoundTripsLargeText) {
  const std::string text = Text(5 << 20);
  const Read read = Decompress(Compress(text));
  EXPECT_FALSE(read.bad) << read.error;
  EXPECT_EQ(read.text, text);
}

TEST(GzipStreambufTest, ReadsConcatenatedMembers) {
  const Read read = Decompress(Compress("first\n") + Compress("second\n"));
  EXPECT_FALSE(read.bad) << read.error;
  EXPECT_EQ(read.text, "first\nsecond\n");
}

TEST(GzipStreambufTest, EmptyFileIsEmptyText) {
  const Read read = Decompress("");
  EXPECT_FALSE(read.bad);
  EXPECT_EQ(read.text, "");
}

TEST(GzipStreambufTest, TruncatedDataIsAnErrorNotAShortFile) {
  const std::string compressed = Compress(Text(1 << 20));
  for (std::size_t keep : {std::size_t{5}, compressed.size() / 2, compressed.size() - 4}) {
    const Read read = Decompress(compressed.substr(0, keep));
    EXPECT_TRUE(read.bad) << keep;
    EXPECT_NE(read.error.find("truncated"), std::string::npos) << keep << ": " << read.error;
  }
}

TEST(GzipStreambufTest, DamageAndForeignDataAreNamed) {
  std::string compressed = Compress(Text(1 << 16));
  compressed[compressed.size() / 2] ^= 0x55;
  Read read = Decompress(compressed);
  EXPECT_TRUE(read.bad);
  EXPECT_NE(read.error.find("damaged"), std::string::npos) << read.error;

  read = Decompress("<http://e/s> <http://e/p> <http://e/o> .\n");
  EXPECT_TRUE(read.bad);
  EXPECT_EQ(read.error, "not gzip data (no gzip header)");

  read = Decompress(Compress("whole\n") + "junk");
  EXPECT_TRUE(read.bad);
  EXPECT_EQ(read.error, "unexpected bytes after the end of the gzip data");
}

TEST(GzipStreambufTest, IsGzipPath) {
  EXPECT_TRUE(IsGzipPath("data.nt.gz"));
  EXPECT_FALSE(IsGzipPath("data.nt"));
  EXPECT_FALSE(IsGzipPath("gz"));
}

}  // namespace
}  // namespace silk::load
