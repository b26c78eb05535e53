// Who may write through the server: updates are off unless enabled, and from anywhere but
// this machine they need the bearer token.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/server_options.h"

namespace silk::server {

// Whether `address` (as the socket reports a peer: "127.0.0.1", "::1", "::ffff:127.0.0.1")
// is this machine's loopback.
bool IsLoopbackAddress(std::string_view address);

// Why a write is refused: the HTTP status and a sentence for the body.
struct Refusal {
  int status = 403;
  std::string message;
};

// Whether a client at `remote_address`, sending `authorization` (the header's value, empty
// when absent), may write: nullopt when it may. Without --updates every write is refused
// (403); from another machine a write needs "Bearer TOKEN" with the server's token (401
// without it or with another, 403 when the server has none).
std::optional<Refusal> RefuseWrite(const ServerOptions& options, std::string_view remote_address,
                                   std::string_view authorization);

}  // namespace silk::server
