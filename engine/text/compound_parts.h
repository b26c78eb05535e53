// German compounds found by their parts, cheaply: "Wasserkraft" finds "Kleinwasserkraftwerke".
//
// A long German word is indexed a second time under each of its suffixes (at least
// kMinPartLength letters long), in a key space of its own; a query word then finds every word
// that *contains* it by seeking the suffixes that *start* with it. No dictionary of German
// words is needed, which a splitter would need to find the seams, and the cost is bounded:
// only German words of kMinCompoundLength letters or more, about one entry per letter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace silk::text {

inline constexpr std::size_t kMinCompoundLength = 10;  // in code points
inline constexpr std::size_t kMinPartLength = 5;       // shorter parts match too much

// The suffixes of `surface` (a folded word without marks) that the part index keys, longest
// first; none if the word is shorter than kMinCompoundLength.
std::vector<std::string> CompoundParts(std::string_view surface);

// Whether a query word is long enough to be looked up among the parts.
bool IsPartQuery(std::string_view surface);

}  // namespace silk::text
