// TermId: every RDF term as a 64-bit number (see format.h for the tag layout).
#pragma once

#include <cstdint>

namespace silk::storage {

using TermId = std::uint64_t;

// The store's default graph: the graph of quads loaded without a graph name.
inline constexpr TermId kDefaultGraphId = 0;

}  // namespace silk::storage
