// Numbers, sizes and durations as a person reads them.
#pragma once

#include <cstdint>
#include <string>

namespace silk::shell {

// 972177 → "972,177"
std::string FormatCount(std::uint64_t n);
// 19088384 → "18.2 MiB"
std::string FormatBytes(std::uint64_t bytes);
// 5.213 → "5.21 s"; 0.0042 → "4.2 ms"
std::string FormatSeconds(double seconds);

}  // namespace silk::shell
