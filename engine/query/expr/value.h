// The value an expression evaluates to: an RDF term plus, for literals of the datatypes the
// library understands, the parsed value.
//
// Errors: SPARQL's "type error" is not a value. Every operation that can fail returns
// `EvalResult` (std::optional<Value>) or `BoolResult` (std::optional<bool>); std::nullopt is
// the error. Unbound variables are not Values either: the evaluator represents them as
// nullopt too, or as a null `const Value*` where the distinction matters (OrderCompare).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "engine/query/expr/datetime.h"
#include "engine/query/expr/decimal.h"
#include "grammar/rdf/term.h"

namespace silk::query::expr {

enum class ValueKind : unsigned char {
  kIri,
  kBlank,
  kString,      // simple literal or ^^xsd:string
  kLangString,  // rdf:langString
  kBoolean,
  kInteger,     // xsd:integer and its derived types (xsd:int, xsd:nonNegativeInteger, ...)
  kDecimal,
  kFloat,
  kDouble,
  kDateTime,
  kDate,
  // xsd:gYearMonth and xsd:gYear, held as the DateTime they start at (datetime.h). Only the
  // accessors and ORDER BY read their value; for '=' and '<' they are like kOtherLiteral.
  kGYearMonth,
  kGYear,
  // A literal of a datatype not listed above, or an ill-typed literal of a listed datatype
  // ("abc"^^xsd:integer): its only value is its term, and it is not numeric.
  kOtherLiteral,
};

class Value {
 public:
  // Classifies and parses `term`. REQUIRES: term is an IRI, blank node or literal.
  static Value FromTerm(rdf::TermView term);
  static Value FromTerm(const rdf::Term& term) { return FromTerm(term.view()); }
  // A literal with the given lexical form and datatype IRI (parsed like FromTerm).
  static Value TypedLiteral(std::string lexical, std::string_view datatype);

  static Value Iri(std::string iri);
  static Value Blank(std::string label);
  // A simple literal (xsd:string).
  static Value String(std::string lexical);
  // REQUIRES: !language.empty().
  static Value LangString(std::string lexical, std::string language);
  // A string literal like `like` (simple or with `like`'s language tag) holding `lexical`.
  // REQUIRES: like.IsStringLiteral().
  static Value StringLike(std::string lexical, const Value& like);
  // Computed values get the canonical lexical form of their type.
  static Value Boolean(bool b);
  static Value Integer(int64_t i);
  // REQUIRES: d.IsInteger().
  static Value Integer(const Decimal& d);
  static Value FromDecimal(const Decimal& d);
  static Value Float(float f);
  static Value Double(double d);
  static Value FromDateTime(const DateTime& dt);  // xsd:date when dt.date_only

  ValueKind kind() const { return kind_; }
  // The RDF term. Literal datatypes are as constructed: ^^xsd:string may be explicit.
  const rdf::Term& term() const { return term_; }
  std::string_view lexical() const { return term_.value; }
  std::string_view language() const { return term_.language; }
  // The full datatype IRI of a literal, xsd:string and rdf:langString included.
  // REQUIRES: IsLiteral().
  std::string_view datatype() const;

  bool IsIri() const { return kind_ == ValueKind::kIri; }
  bool IsBlank() const { return kind_ == ValueKind::kBlank; }
  bool IsLiteral() const { return term_.kind == rdf::TermKind::kLiteral; }
  bool IsNumeric() const {
    return kind_ == ValueKind::kInteger || kind_ == ValueKind::kDecimal ||
           kind_ == ValueKind::kFloat || kind_ == ValueKind::kDouble;
  }
  // Simple literal, xsd:string or language-tagged string.
  bool IsStringLiteral() const {
    return kind_ == ValueKind::kString || kind_ == ValueKind::kLangString;
  }
  // How many of the fields year, month, day and time of day a date-like value has: 1 for a
  // gYear, 2 a gYearMonth, 3 a date, 4 a dateTime; 0 for every other value.
  int DatePrecision() const;
  // True for a literal of a numeric or boolean datatype whose lexical form is invalid; these
  // have EBV false rather than an error.
  bool IsIllTypedNumericOrBoolean() const;

  // Accessors for the parsed value. REQUIRES: the matching kind.
  bool boolean() const { return std::get<bool>(data_); }
  // kInteger and kDecimal.
  const Decimal& decimal() const { return std::get<Decimal>(data_); }
  // kFloat and kDouble (a float is held widened).
  double floating() const { return std::get<double>(data_); }
  // kDateTime, kDate, kGYearMonth and kGYear.
  const DateTime& datetime() const { return std::get<DateTime>(data_); }
  // Any numeric kind as a double.
  double AsDouble() const;

 private:
  Value(rdf::Term term, ValueKind kind) : term_(std::move(term)), kind_(kind) {}

  rdf::Term term_;
  ValueKind kind_ = ValueKind::kOtherLiteral;
  std::variant<std::monostate, bool, Decimal, double, DateTime> data_;
};

using EvalResult = std::optional<Value>;
using BoolResult = std::optional<bool>;

}  // namespace silk::query::expr
