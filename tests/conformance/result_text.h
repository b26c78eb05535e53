// Comparing SPARQL results written as text (CSV, TSV: the W3C result-format tests give the
// expected file and no other form of it).
#pragma once

#include <string>
#include <string_view>

namespace silk::conformance {

// True if `actual` and `expected` hold the same header line and the same rows: in the same
// order when `ordered`, else as multisets. Line ends (CRLF or LF) and a final line break do
// not count, and blank node labels (`_:x`) are renamed in order of first appearance on each
// side, so that only the structure they describe is compared. On false, `difference` says
// which rows differ.
bool SameResultText(std::string_view actual, std::string_view expected, bool ordered,
                    std::string* difference);

}  // namespace silk::conformance
