// XSD constructor functions as casts (SPARQL 1.1 section 17.5, XPath F&O 19.1): xsd:string,
// xsd:integer, xsd:decimal, xsd:float, xsd:double, xsd:boolean, xsd:dateTime, xsd:date.
#pragma once

#include <string_view>

#include "engine/query/expr/value.h"

namespace silk::query::expr {

// True if `datatype` is one of the IRIs Cast accepts.
bool IsCastTarget(std::string_view datatype);

// Casts `v` to `datatype`. A string source (simple or xsd:string) is parsed with the target's
// lexical rules after trimming whitespace; numerics convert by value (to xsd:integer by
// truncation; NaN and INF cannot become integer or decimal); booleans become 1/0 and numbers
// become booleans by "non-zero and not NaN"; a dateTime becomes a date and back (midnight).
// To xsd:string: an IRI or any literal's lexical form. Errors: blank nodes, language-tagged
// strings, ill-typed and unknown-datatype literals (other than to xsd:string), anything the
// XPath table forbids (an IRI to a number, a dateTime to a number, ...), and invalid input.
// Computed results carry the target type's canonical lexical form.
EvalResult Cast(const Value& v, std::string_view datatype);

}  // namespace silk::query::expr
