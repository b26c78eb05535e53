// Numbers, sizes and durations as a person reads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace silk::shell {

// 972177 → "972,177"
std::string FormatCount(std::uint64_t n);
// 19088384 → "18.2 MiB"
std::string FormatBytes(std::uint64_t bytes);
// "512M", "2G", "300MiB", "1048576" → bytes (K, M, G, T are powers of 1024); nullopt for
// anything else, zero included.
std::optional<std::uint64_t> ParseBytes(std::string_view text);
// "30", "0.5" → seconds; nullopt for anything else, zero and negative numbers included.
std::optional<double> ParseSeconds(const std::string& text);
// An IRI as users type it on the command line: "<http://x>" and "http://x" are both http://x.
std::string_view WithoutAngles(std::string_view text);
// 5.213 → "5.21 s"; 0.0042 → "4.2 ms"
std::string FormatSeconds(double seconds);
// {"a", "b", "c"} → "a, b or c"
std::string OneOf(const std::vector<std::string>& items);

}  // namespace silk::shell
