#include "shell/limit_options.h"

#include <fmt/format.h>

#include "shell/text_format.h"

namespace silk::shell {

Status ReadLimitOptions(const Invocation& invocation, query::QueryLimits& limits) {
  if (invocation.Has("--timeout")) {
    const std::optional<double> seconds = ParseSeconds(invocation.Get("--timeout"));
    if (!seconds) {
      return Status::InvalidArgument(fmt::format("--timeout takes a number of seconds, not '{}'",
                                                 invocation.Get("--timeout")));
    }
    limits.timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(*seconds));
  }
  if (invocation.Has("--memory")) {
    const std::optional<std::uint64_t> bytes = ParseBytes(invocation.Get("--memory"));
    if (!bytes || *bytes < (std::uint64_t{1} << 20)) {
      return Status::InvalidArgument(fmt::format(
          "--memory takes a size of at least 1M, like 512M or 4G, not '{}'", invocation.Get("--memory")));
    }
    limits.memory_limit = *bytes;
  }
  return Status::Ok();
}

}  // namespace silk::shell
