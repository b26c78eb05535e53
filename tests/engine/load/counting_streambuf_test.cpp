#include "engine/load/counting_streambuf.h"

#include <gtest/gtest.h>

#include <istream>
#include <sstream>
#include <string>

namespace silk::load {
namespace {

TEST(CountingStreambufTest, CountsWhatWasHandedOnByEveryKindOfRead) {
  std::istringstream source(std::string(200000, 'x') + "tail");
  CountingStreambuf counting(source.rdbuf());
  std::istream in(&counting);
  EXPECT_EQ(counting.bytes_read(), 0u);
  ASSERT_EQ(in.get(), 'x');  // through underflow: a buffer is filled, one byte handed on
  EXPECT_EQ(counting.bytes_read(), 1u);
  std::string chunk(100000, '\0');
  in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));  // bulk: xsgetn
  EXPECT_EQ(counting.bytes_read(), 100001u);
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(rest.size(), 100003u);
  EXPECT_TRUE(rest.ends_with("tail"));
  EXPECT_EQ(counting.bytes_read(), 200004u);
}

TEST(CountingStreambufTest, BytesTakenIncludeWhatIsStillBuffered) {
  std::istringstream source(std::string(200000, 'x'));
  CountingStreambuf counting(source.rdbuf());
  std::istream in(&counting);
  ASSERT_EQ(in.get(), 'x');
  EXPECT_EQ(counting.bytes_read(), 1u);
  EXPECT_EQ(counting.bytes_taken(), 65536u);  // one buffer's worth
  std::string chunk(100000, '\0');
  in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  EXPECT_EQ(counting.bytes_read(), counting.bytes_taken());  // the buffer was used up
}

}  // namespace
}  // namespace silk::load
