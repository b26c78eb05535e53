#include "server/access_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace silk::server {
namespace {

// Compares in time that does not depend on where the first difference is, so that a client
// cannot find the token a character at a time by timing refusals.
bool SameSecret(std::string_view given, std::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i]) ^
                  static_cast<unsigned char>(expected[i % (expected.empty() ? 1 : expected.size())]);
  }
  return difference == 0 && !expected.empty();
}

}  // namespace

bool IsLoopbackAddress(std::string_view address) {
  const std::string text(address);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;  // 127.0.0.0/8
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return false;
  if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
  // An IPv4 client of a dual-stack socket: ::ffff:127.x.y.z.
  return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

std::optional<Refusal> RefuseWrite(const ServerOptions& options, std::string_view remote_address,
                                   std::string_view authorization) {
  if (options.read_only) {
    return Refusal{403, "this server is read-only (--readonly): it never changes its store"};
  }
  if (!options.updates) {
    return Refusal{403, "updates are off on this server; start it with --updates to allow them"};
  }
  if (IsLoopbackAddress(remote_address)) return std::nullopt;
  if (options.token.empty()) {
    return Refusal{403,
                   "updates from another machine need a bearer token, and this server has none "
                   "(start it with --token-file FILE)"};
  }
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() < kScheme.size() ||
      !std::equal(kScheme.begin(), kScheme.end(), authorization.begin(),
                  [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
    return Refusal{401, "updates from another machine need the header 'Authorization: Bearer TOKEN'"};
  }
  if (!SameSecret(authorization.substr(kScheme.size()), options.token)) {
    return Refusal{401, "the bearer token is not this server's"};
  }
  return std::nullopt;
}

}  // namespace silk::server
