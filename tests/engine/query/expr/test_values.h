// Short constructors, a printer and a built-in caller for expression-library tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/query/expr/builtins.h"
#include "engine/query/expr/value.h"
#include "grammar/rdf/term.h"

namespace silk::query::expr::testing {

// A literal "lexical"^^xsd:<local>, parsed as from a store.
inline Value X(std::string lexical, std::string_view xsd_local) {
  return Value::TypedLiteral(std::move(lexical), std::string(rdf::kXsd) + std::string(xsd_local));
}
inline Value S(std::string lexical) { return Value::String(std::move(lexical)); }
inline Value L(std::string lexical, std::string lang) {
  return Value::LangString(std::move(lexical), std::move(lang));
}
inline Value I(std::string iri) { return Value::Iri(std::move(iri)); }
inline Value B(std::string label) { return Value::Blank(std::move(label)); }

// N-Triples-like rendering with xsd: abbreviated: "3"^^xsd:integer, "a"@en, "a", <i>, _:b;
// "error" for nullopt.
inline std::string Show(const Value& v) {
  const rdf::Term& t = v.term();
  switch (t.kind) {
    case rdf::TermKind::kIri:
      return "<" + t.value + ">";
    case rdf::TermKind::kBlank:
      return "_:" + t.value;
    default:
      break;
  }
  std::string out = "\"" + t.value + "\"";
  if (!t.language.empty()) {
    return out + "@" + t.language;
  }
  std::string_view dt = t.datatype;
  if (dt.empty() || dt == rdf::kXsdString) {
    return out;
  }
  if (dt.starts_with(rdf::kXsd)) {
    return out + "^^xsd:" + std::string(dt.substr(rdf::kXsd.size()));
  }
  return out + "^^<" + std::string(dt) + ">";
}

inline std::string Show(const EvalResult& r) { return r ? Show(*r) : "error"; }

inline std::string Show(const BoolResult& r) {
  if (!r) {
    return "error";
  }
  return *r ? "true" : "false";
}

// Show(Call(b, args)) in a default FunctionContext (no NOW, RAND, BNODE or base IRI).
inline std::string Fn(Builtin b, std::vector<Value> args) {
  FunctionContext context;
  return Show(Call(b, args, context));
}

}  // namespace silk::query::expr::testing
