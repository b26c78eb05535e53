// Decoding the escapes of RDF's text syntaxes (ECHAR and UCHAR) to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace silk::rdf {

// Appends `text` to `out` with every `\t \b \n \r \f \" \' \\` and `\uXXXX` / `\UXXXXXXXX`
// replaced by the character it stands for, encoded as UTF-8.
// REQUIRES: `text` matched the grammar, so every backslash starts a well-formed escape.
// Returns false, leaving `out` partly appended, when a \u escape names no character (a
// surrogate or a value above U+10FFFF).
bool AppendUnescaped(std::string& out, std::string_view text);

// Appends the UTF-8 encoding of `code_point`. REQUIRES: a valid scalar value.
void AppendUtf8(std::string& out, char32_t code_point);

}  // namespace silk::rdf
