// The RDF term model shared by every stage: parsers produce terms, the engine stores them,
// writers print them.
#pragma once

#include <string>
#include <string_view>

namespace silk::rdf {

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

enum class TermKind : unsigned char {
  kIri,
  kBlank,
  kLiteral,
  kDefaultGraph,  // only ever in the graph position of a quad
};

// A term whose strings live elsewhere (a parser's buffer, a stored record).
// Literals: `value` is the lexical form, already unescaped. `datatype` is empty for a plain
// string (xsd:string) and for a language-tagged string (rdf:langString, `language` non-empty).
// An explicit ^^xsd:string is kept as written by parsers; `Canonical()` folds it away.
struct TermView {
  TermKind kind = TermKind::kDefaultGraph;
  std::string_view value;
  std::string_view datatype;
  std::string_view language;

  static TermView Iri(std::string_view iri) { return {TermKind::kIri, iri, {}, {}}; }
  static TermView Blank(std::string_view label) { return {TermKind::kBlank, label, {}, {}}; }
  static TermView Literal(std::string_view lexical, std::string_view datatype = {},
                          std::string_view language = {}) {
    return {TermKind::kLiteral, lexical, datatype, language};
  }
  static TermView DefaultGraph() { return {}; }

  bool IsIri() const { return kind == TermKind::kIri; }
  bool IsBlank() const { return kind == TermKind::kBlank; }
  bool IsLiteral() const { return kind == TermKind::kLiteral; }
  bool IsDefaultGraph() const { return kind == TermKind::kDefaultGraph; }

  // The same RDF term with ^^xsd:string dropped, so equal terms compare equal.
  TermView Canonical() const {
    TermView t = *this;
    if (t.kind == TermKind::kLiteral && t.datatype == kXsdString) t.datatype = {};
    return t;
  }

  // Field-wise equality: "a" and "a"^^xsd:string differ here; compare Canonical() views for
  // RDF term equality.
  friend bool operator==(const TermView&, const TermView&) = default;
};

// A term that owns its strings.
struct Term {
  TermKind kind = TermKind::kDefaultGraph;
  std::string value;
  std::string datatype;
  std::string language;

  Term() = default;
  explicit Term(TermView v)
      : kind(v.kind), value(v.value), datatype(v.datatype), language(v.language) {}

  TermView view() const { return {kind, value, datatype, language}; }
  friend bool operator==(const Term&, const Term&) = default;
  friend auto operator<=>(const Term&, const Term&) = default;
};

// A statement as parsers emit it; `graph` is DefaultGraph() for triples.
struct QuadView {
  TermView subject;
  TermView predicate;
  TermView object;
  TermView graph;
};

struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;

  Quad() = default;
  explicit Quad(const QuadView& q)
      : subject(q.subject), predicate(q.predicate), object(q.object), graph(q.graph) {}
  QuadView view() const { return {subject.view(), predicate.view(), object.view(), graph.view()}; }
  friend bool operator==(const Quad&, const Quad&) = default;
  friend auto operator<=>(const Quad&, const Quad&) = default;
};

}  // namespace silk::rdf
