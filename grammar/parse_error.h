// A syntax error as every parser in grammar/ reports it: where, and what was expected, in words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace silk {

struct ParseError {
  std::string message;    // "expected '>' to close the IRI", never a C++ type name
  std::string source;     // file name, "<stdin>", "<query>"
  std::uint64_t line = 0;    // 1-based
  std::uint64_t column = 0;  // 1-based, in bytes
  std::string line_text;  // the offending line, without its line break

  // Code points of the line shown on each side of the column; a longer line is cut there,
  // and "…" marks each cut.
  static constexpr std::size_t kContextCodePoints = 100;

  // "FILE:LINE:COL: message", then the line (cut to kContextCodePoints either side of the
  // column) and a caret under the column.
  std::string ToString() const;
};

}  // namespace silk
