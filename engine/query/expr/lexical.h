// Lexical forms of the XSD floating point and boolean types: validating parsers and the
// canonical printers used for every computed value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace silk::query::expr {

// xsd:double / xsd:float lexical space: [+-]?(digits(.digits?)?|.digits)([eE][+-]?digits)?,
// INF, +INF, -INF, NaN. Nullopt otherwise (strtod's "inf", hex floats etc. are refused).
std::optional<double> ParseXsdDouble(std::string_view text);
// As ParseXsdDouble, rounded to single precision.
std::optional<float> ParseXsdFloat(std::string_view text);
// "true", "false", "1", "0".
std::optional<bool> ParseXsdBoolean(std::string_view text);

// XSD 1.1 canonical forms: "NaN", "INF", "-INF", "0.0E0", "-0.0E0", "3.21E4", "2.0E-1", with
// the shortest mantissa that reads back to the same value.
std::string FormatXsdDouble(double d);
std::string FormatXsdFloat(float f);

// XPath whitespace collapse for casts from strings: leading and trailing XML whitespace.
std::string_view TrimXmlWhitespace(std::string_view text);

}  // namespace silk::query::expr
