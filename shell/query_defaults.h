// The limits a person's queries run with, in the shell and `silk query`, unless they say
// otherwise (`.memory`, `--memory`).
#pragma once

#include <cstdint>

namespace silk::shell {

// What the rows of one query's sorts, groups, hash joins and DISTINCT may hold: enough for
// any question about a store of tens of millions of quads, and far from all of a laptop.
inline constexpr std::uint64_t kDefaultQueryMemory = std::uint64_t{1} << 30;

}  // namespace silk::shell
