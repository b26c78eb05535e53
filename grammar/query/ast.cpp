#include "grammar/query/ast.h"

#include <array>

namespace silk::ast {

namespace {

// In the order of enum class Builtin.
constexpr std::array<std::string_view, 52> kBuiltinNames = {
    "STR",       "LANG",      "LANGMATCHES", "DATATYPE",  "BOUND",    "IRI",
    "URI",       "BNODE",     "RAND",        "ABS",       "CEIL",     "FLOOR",
    "ROUND",     "CONCAT",    "STRLEN",      "UCASE",     "LCASE",    "ENCODE_FOR_URI",
    "CONTAINS",  "STRSTARTS", "STRENDS",     "STRBEFORE", "STRAFTER", "YEAR",
    "MONTH",     "DAY",       "HOURS",       "MINUTES",   "SECONDS",  "TIMEZONE",
    "TZ",        "NOW",       "UUID",        "STRUUID",   "MD5",      "SHA1",
    "SHA256",    "SHA384",    "SHA512",      "COALESCE",  "IF",       "STRLANG",
    "STRDT",     "sameTerm",  "isIRI",       "isURI",     "isBLANK",  "isLITERAL",
    "isNUMERIC", "REGEX",     "SUBSTR",      "REPLACE",
};
static_assert(kBuiltinNames.size() == static_cast<std::size_t>(Builtin::kReplace) + 1);

constexpr std::array<std::string_view, 7> kAggregateNames = {
    "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT",
};
static_assert(kAggregateNames.size() == static_cast<std::size_t>(Aggregate::kGroupConcat) + 1);

}  // namespace

std::string_view BuiltinName(Builtin builtin) {
  return kBuiltinNames[static_cast<std::size_t>(builtin)];
}

std::string_view AggregateName(Aggregate aggregate) {
  return kAggregateNames[static_cast<std::size_t>(aggregate)];
}

}  // namespace silk::ast
