// The 128-bit integer the exact numeric types are built on. GCC and Clang provide it as an
// extension; `__extension__` keeps -Wpedantic quiet about that in one place.
#pragma once

#include <string>

namespace silk::query::expr {

__extension__ typedef __int128 Int128;

// Decimal digits of `v`, with a leading '-' when negative.
std::string Int128ToString(Int128 v);

}  // namespace silk::query::expr
