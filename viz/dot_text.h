// Text as DOT takes it: quoted and escaped so that any label (quotes, backslashes, line
// breaks, any script) shows as written, and short enough to read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace silk::viz {

// `text` as a DOT double-quoted string, quotes included. A line break in `text` becomes a
// centred line break of the label; other control characters become spaces; `\` is doubled,
// so that DOT's escapes (\N, \G, \l …) never fire on data.
// REQUIRES: `text` is UTF-8.
std::string DotQuoted(std::string_view text);

// Like DotQuoted, with each of `lines` on a line of its own, left-aligned when `left`.
std::string DotQuotedLines(const std::vector<std::string>& lines, bool left = false);

// `text` for the inside of a DOT HTML-like label: &, <, >, " and ' as entities, control
// characters as spaces, so that data can add no element (no <IMG>, which would read a file).
// REQUIRES: `text` is UTF-8.
std::string HtmlEscaped(std::string_view text);

// The number of code points in UTF-8 `text`.
std::size_t CodePoints(std::string_view text);

// `text` cut to at most `max` code points, ending in "…" when cut (never inside a UTF-8
// sequence). REQUIRES: max >= 1.
std::string Shorten(std::string_view text, std::size_t max);

// `text` broken at spaces into lines of at most `width` code points (a longer word is cut), at most `max_lines` of them, the last one shortened with "…" when text remains.
std::vector<std::string> Wrap(std::string_view text, std::size_t width, std::size_t max_lines);

}  // namespace silk::viz
