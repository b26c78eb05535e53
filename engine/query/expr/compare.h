// Testing values (SPARQL 1.1 sections 17.2 and 17.3): effective boolean value, '=' and '!=',
// the ordering operators, sameTerm, and the total order used by ORDER BY (section 15.1).
#pragma once

#include "engine/query/expr/value.h"

namespace silk::query::expr {

// EBV (17.2.2): booleans by value; numerics false when zero or NaN; string literals (simple,
// xsd:string, language-tagged) false when empty; an ill-typed numeric or boolean literal is
// false. Everything else (IRIs, blank nodes, dates, other datatypes) is an error.
BoolResult EffectiveBooleanValue(const Value& v);

// SPARQL '=' (17.3): numerics, strings (simple and xsd:string), booleans, dateTimes and
// dates compare by value (1 = 1.0; an indeterminate dateTime comparison is an error);
// language-tagged strings are equal when lexical forms are equal and tags match
// case-insensitively. Otherwise RDFterm-equal: equal terms are equal; an IRI or blank node
// against anything different is false; two different literals are an error (their values
// cannot be compared: "abc" = 1, "a"@en = "a", unknown datatypes).
BoolResult Equals(const Value& a, const Value& b);
// The negation of Equals, errors included.
BoolResult NotEquals(const Value& a, const Value& b);

enum class CompareOp : unsigned char { kLess, kLessEqual, kGreater, kGreaterEqual };

// '<', '<=', '>', '>=': defined between two numerics, two strings (simple or xsd:string, by
// code point), two booleans (false < true), two dateTimes, two dates. Anything else,
// language-tagged strings included, is an error, as is an indeterminate dateTime comparison.
// NaN compares false with everything (XPath).
BoolResult Compare(CompareOp op, const Value& a, const Value& b);

// sameTerm: the same RDF term ("a" and "a"^^xsd:string are the same term; language tags are
// compared case-insensitively).
bool SameTerm(const Value& a, const Value& b);

// ORDER BY's total order, <0, 0 or >0. A null pointer is an unbound value.
// unbound < blank nodes < IRIs < literals. Literals are grouped: numerics, then strings
// (simple and xsd:string), language-tagged strings, booleans, date-like values, and last
// other datatypes and ill-typed literals. Within a group by value, ties broken by the term
// (datatype IRI, lexical form, language), so 0 means the same RDF term. Blank nodes by label,
// IRIs by code point.
// Date-like values (an extension beyond SPARQL, which leaves their order to the
// implementation): xsd:dateTime, xsd:date, xsd:gYearMonth and xsd:gYear share one timeline,
// ordered by the UTC instant each starts at (floating ones taken as UTC; the gYear 2024
// starts at 2024-01-01T00:00:00), and at the same instant the coarser first: gYear, then
// gYearMonth, date, dateTime. '=' and '<' above are unchanged by this.
int OrderCompare(const Value* a, const Value* b);
inline int OrderCompare(const Value& a, const Value& b) { return OrderCompare(&a, &b); }

}  // namespace silk::query::expr
