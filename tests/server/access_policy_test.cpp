#include "server/access_policy.h"

#include <gtest/gtest.h>

namespace silk::server {
namespace {

ServerOptions WithUpdates(std::string token = "") {
  ServerOptions options;
  options.updates = true;
  options.token = std::move(token);
  return options;
}

TEST(AccessPolicy, LoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackAddress("127.1.2.3"));
  EXPECT_TRUE(IsLoopbackAddress("::1"));
  EXPECT_TRUE(IsLoopbackAddress("::ffff:127.0.0.1"));
  EXPECT_FALSE(IsLoopbackAddress("10.0.0.1"));
  EXPECT_FALSE(IsLoopbackAddress("128.0.0.1"));
  EXPECT_FALSE(IsLoopbackAddress("::ffff:10.0.0.1"));
  EXPECT_FALSE(IsLoopbackAddress("fe80::1"));
  EXPECT_FALSE(IsLoopbackAddress(""));
  EXPECT_FALSE(IsLoopbackAddress("localhost"));  // a name is never trusted
}

TEST(AccessPolicy, UpdatesOffRefuseEveryone) {
  ServerOptions options;
  auto refusal = RefuseWrite(options, "127.0.0.1", "");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 403);
  EXPECT_NE(refusal->message.find("--updates"), std::string::npos);
  options.read_only = true;
  refusal = RefuseWrite(options, "127.0.0.1", "");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 403);
  EXPECT_NE(refusal->message.find("read-only"), std::string::npos);
}

TEST(AccessPolicy, LoopbackWritesWithoutToken) {
  EXPECT_FALSE(RefuseWrite(WithUpdates(), "127.0.0.1", ""));
  EXPECT_FALSE(RefuseWrite(WithUpdates("secret"), "::1", ""));
}

TEST(AccessPolicy, OtherMachinesNeedTheToken) {
  // No token configured: nobody from outside may write.
  auto refusal = RefuseWrite(WithUpdates(), "192.168.1.5", "Bearer anything");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 403);
  EXPECT_NE(refusal->message.find("--token-file"), std::string::npos);

  const ServerOptions options = WithUpdates("s3cret-token");
  refusal = RefuseWrite(options, "192.168.1.5", "");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 401);
  refusal = RefuseWrite(options, "192.168.1.5", "Bearer wrong");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 401);
  refusal = RefuseWrite(options, "192.168.1.5", "Bearer s3cret-token-and-more");
  ASSERT_TRUE(refusal);
  refusal = RefuseWrite(options, "192.168.1.5", "Bearer s3cret");
  ASSERT_TRUE(refusal);
  refusal = RefuseWrite(options, "192.168.1.5", "Basic s3cret-token");
  ASSERT_TRUE(refusal);
  EXPECT_FALSE(RefuseWrite(options, "192.168.1.5", "Bearer s3cret-token"));
  EXPECT_FALSE(RefuseWrite(options, "2001:db8::7", "bearer s3cret-token"));
}

}  // namespace
}  // namespace silk::server
